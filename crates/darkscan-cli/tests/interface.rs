//! The command-line interface is a contract: scripts depend on these flag
//! names (fixed by the foundation and NA64 reach issues). Removing or renaming
//! one fails here.

mod common;

use common::darkscan;

fn help(args: &[&str]) -> String {
    let mut a: Vec<&str> = args.to_vec();
    a.push("--help");
    String::from_utf8(
        darkscan()
            .args(&a)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap()
}

#[test]
fn documented_flags_exist() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["stats", "pvalue"],
            &["--observed", "--background", "--background-error", "--json"],
        ),
        (
            &["stats", "limit"],
            &[
                "--observed",
                "--background",
                "--background-error",
                "--method",
                "--cl",
                "--json",
            ],
        ),
        (&["stats", "sum"], &["--json"]),
        (
            &["reach"],
            &[
                "--exposure",
                "--masses",
                "--plane",
                "--alpha-d",
                "--mass-ratio",
                "--method",
                "--observed",
                "--background",
                "--background-error",
                "--out",
                "--compare",
                "--json",
                "--verbose",
            ],
        ),
        (
            &["widths", "dark-photon"],
            &["--mass", "--coupling", "--json"],
        ),
        (
            &["widths", "hnl"],
            &["--mass", "--ue2", "--umu2", "--utau2", "--dirac", "--json"],
        ),
        (
            &["production", "hnl"],
            &[
                "--parent", "--mass", "--ue2", "--umu2", "--utau2", "--dirac", "--json",
            ],
        ),
        (
            &["xsec", "dark-photon-brem"],
            &["--target", "--energy", "--mass", "--method", "--json"],
        ),
        (&["preset", "show"], &["<NAME>"]),
    ];
    for (cmd, flags) in cases {
        let text = help(cmd);
        for f in *flags {
            assert!(
                text.contains(f),
                "`darkscan {} --help` lacks {f}:\n{text}",
                cmd.join(" ")
            );
        }
    }
    let top = help(&[]);
    for sub in ["stats", "reach", "preset", "widths", "xsec", "production"] {
        assert!(top.contains(sub), "{top}");
    }
}
