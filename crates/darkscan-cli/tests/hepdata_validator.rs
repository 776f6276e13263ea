//! The HEPData table that `darkscan reach PRESET --out DIR` writes
//! (`limits.yaml`) passes the official validator, `hepdata-validator` from
//! PyPI (its `DataFileValidator`, the schema HEPData applies on upload).
//!
//! The validator is a Python package, not a Rust dependency, so this test is
//! `#[ignore]`d: a plain `cargo test` reports it as ignored (never as a
//! silent pass). `tools/validate-hepdata.sh` installs nothing; it runs this
//! test with `--ignored`, and `.ci/run` installs the validator with pip and
//! calls that script.

mod common;

use common::darkscan;
use std::process::Command;

const VALIDATE: &str = r#"
import sys
from hepdata_validator.data_file_validator import DataFileValidator
v = DataFileValidator()
path = sys.argv[1]
if not v.validate(file_path=path):
    v.print_errors(path)
    sys.exit(1)
"#;

#[test]
#[ignore = "needs the hepdata-validator Python package: pip install hepdata-validator; run tools/validate-hepdata.sh"]
fn reach_limits_yaml_passes_hepdata_validator() {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let probe = Command::new(&python)
        .args(["-c", "import hepdata_validator"])
        .status();
    assert!(
        matches!(probe, Ok(s) if s.success()),
        "hepdata-validator is not importable by {python}: pip install hepdata-validator"
    );
    for preset in ["na64e-invisible", "na62-dump-mumu-2021"] {
        let dir = tempfile::tempdir().unwrap();
        darkscan()
            .args(["reach", preset, "--json", "--out"])
            .arg(dir.path())
            .assert()
            .success();
        let file = dir.path().join("limits.yaml");
        let out = Command::new(&python)
            .args(["-c", VALIDATE])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{preset}: hepdata-validator rejects limits.yaml:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
