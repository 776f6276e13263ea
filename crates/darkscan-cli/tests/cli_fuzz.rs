//! Property ("fuzz") test of the command-line parsers: a bounded number of
//! generated argument lists with hostile values (negative, NaN, infinite,
//! overflowing, empty, malformed, oversized ranges). Never a panic; a
//! rejection exits with status 2 and one line naming the flag or value at
//! fault; each run finishes within seconds (the values cannot start a scan:
//! `reach` is only given values that must be refused before any work).

mod common;

use common::darkscan;
use proptest::prelude::*;
use std::time::Duration;

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "0.5",
    "1e308",
    "1e400",
    "-1e308",
    "nan",
    "inf",
    "-inf",
    "abc",
    "",
    "18446744073709551616",
    "1,2",
    "1,,2",
    "3+-1",
    "<0.1",
];

const BAD_MASSES: &[&str] = &[
    "-1",
    "nan",
    "inf",
    "abc",
    "",
    "1e400",
    "0",
    "0.1:1:100000000",
    "0.1:1:0",
    "1:0.1:5",
    "0.1:1",
    "0.1:1:5:7",
    "0.1:1:-3",
    "0.1:1:1e9",
    ",",
    "0.1,,0.2",
];

fn stats_args() -> impl Strategy<Value = Vec<String>> {
    let v = || prop::sample::select(NUMBERS);
    (
        prop::sample::select(&["limit", "pvalue"][..]),
        v(),
        v(),
        v(),
        prop::sample::select(&["cls", "fc", "classical", "bayes", ""][..]),
        v(),
    )
        .prop_map(|(cmd, n, b, d, m, cl)| {
            let mut a: Vec<String> = vec!["stats".into(), cmd.into()];
            a.extend([
                "--observed".into(),
                n.into(),
                "--background".into(),
                b.into(),
            ]);
            a.extend(["--background-error".into(), d.into()]);
            if cmd == "limit" {
                a.extend(["--method".into(), m.into(), "--cl".into(), cl.into()]);
            }
            a.push("--json".into());
            a
        })
}

fn sum_args() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop::sample::select(NUMBERS), 1..4).prop_map(|terms| {
        let mut a = vec!["stats".to_string(), "sum".into(), "--json".into()];
        a.extend(terms.into_iter().map(String::from));
        a
    })
}

fn reach_args() -> impl Strategy<Value = Vec<String>> {
    prop::sample::select(BAD_MASSES).prop_map(|m| {
        vec![
            "reach".into(),
            "na64e-invisible".into(),
            "--masses".into(),
            m.into(),
            "--json".into(),
        ]
    })
}

fn run(args: &[String]) -> Result<(), TestCaseError> {
    let out = darkscan()
        .args(args)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    prop_assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    let code = out.status.code();
    prop_assert!(
        matches!(code, Some(0) | Some(2)),
        "{args:?}: exit {code:?}: {stderr}"
    );
    if code == Some(2) {
        // One message naming a flag or a value given (clap's usage errors
        // also name the argument).
        // (An empty value is named as '' in the message.)
        let named = args.iter().any(|a| {
            if a.is_empty() {
                stderr.contains("''")
            } else {
                stderr.contains(a.as_str())
            }
        }) || stderr.contains("--");
        prop_assert!(named, "{args:?}: {stderr}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 30, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn stats_parsers_never_panic(args in stats_args()) {
        run(&args)?;
    }

    #[test]
    fn sum_parser_never_panics(args in sum_args()) {
        run(&args)?;
    }

    #[test]
    fn reach_masses_refused_before_work(args in reach_args()) {
        let out = darkscan().args(&args).timeout(Duration::from_secs(20)).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert_eq!(out.status.code(), Some(2), "{:?}: {}", args, stderr);
        prop_assert!(stderr.contains("--masses") && !stderr.contains("panicked"), "{:?}: {}", args, stderr);
        prop_assert_eq!(stderr.trim().lines().count(), 1, "{:?}: {}", args, stderr);
    }
}
