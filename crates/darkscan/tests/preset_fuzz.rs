//! Property ("fuzz") test of preset parsing: mutated copies of every shipped
//! preset — values replaced by extreme numbers or wrong types, unknown keys,
//! deleted lines, truncated files — are parsed by both preset parsers.
//! Never a panic; every rejection names the source and the key (or the
//! line) at fault; whatever is accepted is within the documented caps of
//! `experiment::bounds`.

use darkscan::experiment::beam_dump::{self, DUMP_PRESETS};
use darkscan::experiment::bounds::{MAX_COUPLINGS, MAX_EVENTS_PER_CHANNEL, MAX_MASSES};
use darkscan::experiment::config::ConfigError;
use darkscan::experiment::preset;
use proptest::prelude::*;

const HOSTILE_VALUES: &[&str] = &[
    "0",
    "-1",
    "1000000000",
    "100000000000",
    "9223372036854775807",
    "18446744073709551616",
    "1e308",
    "-1e308",
    "1e-320",
    "nan",
    "inf",
    "-inf",
    "\"text\"",
    "[1, 2]",
    "true",
    "{ a = 1 }",
    "",
];

fn texts() -> Vec<(String, String, bool)> {
    let mut v: Vec<(String, String, bool)> = preset::names()
        .into_iter()
        .map(|n| (n.to_string(), preset::text(n).unwrap().to_string(), false))
        .collect();
    for (n, t) in DUMP_PRESETS {
        v.push(((*n).to_string(), (*t).to_string(), true));
    }
    v
}

#[derive(Debug, Clone)]
enum Mutation {
    Value { line: usize, value: usize },
    UnknownKey { line: usize },
    DeleteLine { line: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), 0..HOSTILE_VALUES.len()).prop_map(|(line, value)| Mutation::Value { line, value }),
        1 => any::<usize>().prop_map(|line| Mutation::UnknownKey { line }),
        1 => any::<usize>().prop_map(|line| Mutation::DeleteLine { line }),
        1 => any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// Applies the mutation; returns the text and the key whose value was
/// replaced (if any).
fn apply(text: &str, m: &Mutation) -> (String, Option<String>) {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let assignments: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let l = lines[i].trim_start();
            !l.starts_with('#') && !l.starts_with('[') && l.contains('=')
        })
        .collect();
    match *m {
        Mutation::Value { line, value } => {
            let i = assignments[line % assignments.len()];
            let key = lines[i].split('=').next().unwrap().trim().to_string();
            lines[i] = format!("{key} = {}", HOSTILE_VALUES[value]);
            (lines.join("\n"), Some(key))
        }
        Mutation::UnknownKey { line } => {
            lines.insert(line % (lines.len() + 1), "no_such_key = 1".into());
            (lines.join("\n"), None)
        }
        Mutation::DeleteLine { line } => {
            let i = assignments[line % assignments.len()];
            lines.remove(i);
            (lines.join("\n"), None)
        }
        Mutation::Truncate { at } => {
            let mut cut = at % text.len();
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            (text[..cut].to_string(), None)
        }
    }
}

fn check_error(e: &ConfigError, key: Option<&str>) -> Result<(), TestCaseError> {
    let msg = e.to_string();
    prop_assert!(msg.contains("fuzz.toml"), "no source named: {msg}");
    match e {
        ConfigError::Invalid { key: k, .. } => prop_assert!(!k.is_empty(), "{msg}"),
        ConfigError::Parse { message, .. } => prop_assert!(!message.is_empty(), "{msg}"),
        other => prop_assert!(false, "unexpected error kind: {other}"),
    }
    if let (Some(key), ConfigError::Parse { message, .. }) = (key, e) {
        // A wrong type or out-of-range integer names the key it was given to
        // (or the line, for syntax).
        let leaf = key.rsplit('.').next().unwrap();
        prop_assert!(
            message.contains(leaf) || msg.contains("line"),
            "key {key} not named: {msg}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_presets_never_panic_and_errors_name_the_key(which in any::<usize>(), m in mutation()) {
        let all = texts();
        let (_, text, is_dump) = &all[which % all.len()];
        let (mutated, key) = apply(text, &m);
        if *is_dump {
            match beam_dump::parse_preset(&mutated, "fuzz.toml") {
                Ok(p) => {
                    prop_assert!(p.scan.n_masses <= MAX_MASSES && p.scan.n_couplings <= MAX_COUPLINGS);
                    prop_assert!(p.events_per_channel <= MAX_EVENTS_PER_CHANNEL);
                }
                Err(e) => check_error(&e, key.as_deref())?,
            }
        } else {
            match preset::parse(&mutated, "fuzz.toml") {
                Ok(p) => prop_assert!(p.scan.n_masses <= MAX_MASSES && p.scan.n_couplings <= MAX_COUPLINGS),
                Err(e) => check_error(&e, key.as_deref())?,
            }
        }
    }
}
