//! Every shipped data table states where its numbers come from and under
//! which terms they are redistributed, in its `#` comment header: the tables
//! in `crates/darkscan/data/`, the validation curves in `docs/validation/`
//! and the presets in `crates/darkscan/presets/` (README "Licence" lists
//! them). The loaders skip `#` lines; that the tables still parse with the
//! licence lines added is checked by the loaders' own tests (row counts,
//! first and last rows), which run on the same embedded files.

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| ext.contains(&x))
        })
        .collect();
    out.sort();
    out
}

/// The leading block of `#` lines (blank lines allowed inside it).
fn header(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    text.lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_shipped_table_names_source_and_licence() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for (dir, ext) in [
        (root.join("data"), &["csv", "txt"][..]),
        (root.join("../../docs/validation"), &["txt", "csv"][..]),
        (root.join("presets"), &["toml"][..]),
        (root.join("presets/geometry"), &["toml"][..]),
    ] {
        for path in files(&dir, ext) {
            let h = header(&path);
            let name = path.display();
            assert!(
                h.contains("Licence"),
                "{name}: no 'Licence' line in the comment header"
            );
            let lower = h.to_lowercase();
            assert!(
                [
                    "source",
                    "publication",
                    "generator",
                    "arxiv",
                    "collaboration"
                ]
                .iter()
                .any(|k| lower.contains(k)),
                "{name}: the header names no source"
            );
            checked += 1;
        }
    }
    // 16 tables, 16 validation curves, 11 presets, 1 geometry.
    assert!(checked >= 44, "only {checked} files found");
}
