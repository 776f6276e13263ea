//! Output formats of a reach run: CSV tables, the HEPData record, the plots
//! and the atomic writer, on a synthetic result with a missing-energy-like
//! open exclusion and a beam-dump-like island.

use darkscan::io::{
    IoError, hepdata_yaml, limits_csv, write_atomic, write_reach_outputs, yields_csv,
};
use darkscan::plot::{render_png, render_svg};
use darkscan::reach::{MassLimit, Plane, ReachResult, YieldGrid};
use std::collections::BTreeSet;
use std::fs;

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
const TITLE: &str = "synthetic reach test";

fn log_space(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| lo * (hi / lo).powf(i as f64 / (n - 1) as f64))
        .collect()
}

/// Masses 1 MeV … 1 GeV. Every mass has an open exclusion above
/// ε = 1e-5 √(m/1 MeV) (missing energy); masses 3–40 MeV also have an island
/// between 1e-7 and 1e-6 (beam dump), listed first so the writers must sort.
/// The last mass has nothing excluded.
fn synthetic() -> ReachResult {
    let masses = log_space(1e-3, 1.0, 13);
    let couplings = log_space(1e-8, 1e-2, 7);
    let n = masses.len();
    let limits = masses
        .iter()
        .enumerate()
        .map(|(i, &m)| {
            let mut excluded = Vec::new();
            if (3e-3..=4e-2).contains(&m) {
                let lo = 1e-7 * (m / 3e-3).powf(0.3);
                let hi = 1e-6 * (m / 3e-3).powf(-0.2);
                excluded.push((lo, Some(hi)));
            }
            if i + 1 < n {
                excluded.insert(0, (1e-5 * (m / 1e-3).sqrt(), None));
            }
            MassLimit {
                mass: m,
                excluded,
                signal_upper_limit: 2.3,
            }
        })
        .collect();
    let signal = masses
        .iter()
        .map(|m| couplings.iter().map(|c| (c / 1e-5).powi(2) / m).collect())
        .collect();
    ReachResult {
        preset: "na64e-invisible".into(),
        model: "dark-photon-invisible".into(),
        plane: Plane::Epsilon,
        exposure: 9.37e11,
        signal_upper_limit: 2.3,
        limits,
        grid: YieldGrid {
            masses,
            couplings,
            signal,
        },
        channels: Vec::new(),
        meta: darkscan::reach::ReachMeta::default(),
    }
}

fn empty() -> ReachResult {
    let mut r = synthetic();
    for m in &mut r.limits {
        m.excluded.clear();
    }
    r
}

/// Data rows (not comments, not the column header) of a CSV string.
fn rows(csv: &str) -> Vec<Vec<&str>> {
    csv.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect()
}

#[test]
fn limits_csv_header_and_rows() {
    let r = synthetic();
    let csv = limits_csv(&r);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "# darkscan reach");
    for key in [
        "# preset: na64e-invisible",
        "# model: dark-photon-invisible",
        "# plane: epsilon",
        "# exposure: 9.370000e+11",
        "# signal_upper_limit: 2.300000e+00",
    ] {
        assert!(
            lines.contains(&key),
            "missing header line {key:?} in\n{csv}"
        );
    }
    let header = lines.iter().find(|l| !l.starts_with('#')).unwrap();
    assert_eq!(*header, "mass_gev,lower,upper");

    let rows = rows(&csv);
    let n_intervals: usize = r.limits.iter().map(|m| m.excluded.len().max(1)).sum();
    assert_eq!(rows.len(), n_intervals);
    assert!(rows.iter().all(|r| r.len() == 3));
    // First mass: only the open missing-energy exclusion.
    assert_eq!(rows[0], ["1.000000e-03", "1.000000e-05", ""]);
    // Every number round-trips.
    for row in &rows {
        for cell in row.iter().filter(|c| !c.is_empty()) {
            cell.parse::<f64>().unwrap();
        }
    }
    // A mass with an island: island (lower edge smaller) first, then the open interval.
    let island: Vec<_> = rows.iter().filter(|r| !r[2].is_empty()).collect();
    assert!(!island.is_empty());
    for row in &island {
        let (lo, hi): (f64, f64) = (row[1].parse().unwrap(), row[2].parse().unwrap());
        assert!(lo < hi && hi <= 1e-6 + 1e-12, "{row:?}");
        let next = rows
            .iter()
            .skip_while(|r| r != row)
            .nth(1)
            .expect("open interval follows the island");
        assert_eq!(next[0], row[0]);
        assert_eq!(next[2], "");
    }
    // The last mass has no exclusion: empty lower and upper.
    assert_eq!(rows.last().unwrap(), &["1.000000e+00", "", ""]);
}

#[test]
fn yields_csv_is_long_format() {
    let r = synthetic();
    let csv = yields_csv(&r);
    assert!(csv.starts_with("# darkscan reach\n"));
    assert!(csv.lines().any(|l| l == "mass_gev,coupling,signal"));
    let rows = rows(&csv);
    assert_eq!(rows.len(), r.grid.masses.len() * r.grid.couplings.len());
    assert_eq!(rows[0], ["1.000000e-03", "1.000000e-08", "1.000000e-03"]);
    let last = rows.last().unwrap();
    let s: f64 = last[2].parse().unwrap();
    assert!((s - 1e6).abs() < 1e-6 * 1e6, "{last:?}");
}

#[test]
fn hepdata_yaml_has_variables_and_missing_markers() {
    let r = synthetic();
    let yaml = hepdata_yaml(&r);
    assert!(yaml.contains("independent_variables:\n- header: {name: 'm_A''', units: GEV}\n  values:\n  - {value: 1.000000e-03}\n"), "{yaml}");
    assert!(yaml.contains("dependent_variables:\n- header: {name: 'epsilon lower edge'}\n  qualifiers:\n  - {name: CL, value: '90%'}\n"), "{yaml}");
    assert!(yaml.contains("- header: {name: 'epsilon upper edge'}"));
    // Two intervals at some masses: a second pair, numbered.
    assert_eq!(
        yaml.matches("- header: {name: 'epsilon lower edge'}")
            .count(),
        2
    );
    assert!(yaml.contains("{name: Excluded interval, value: 2}"));
    assert!(yaml.contains("{name: Exposure, value: 9.370000e+11}"));
    // Open upper edges and absent intervals are '-'.
    assert!(yaml.contains("  - {value: '-'}"));
    // Each variable has one value per mass.
    let n = r.limits.len();
    let values = yaml.matches("  - {value: ").count();
    assert_eq!(values, n * (1 + 4), "{yaml}");
    // First dependent variable: the island's lower edge (~1e-7) where it exists.
    let first_dep = yaml.split("\ndependent_variables:").nth(1).unwrap();
    let first_values: Vec<&str> = first_dep
        .lines()
        .filter(|l| l.starts_with("  - {value: "))
        .take(n)
        .collect();
    assert_eq!(first_values[0], "  - {value: 1.000000e-05}");
    assert_eq!(first_values[n - 1], "  - {value: '-'}");
    assert!(first_values.iter().any(|l| l.contains("e-07}")));
    // No tabs, every line a comment or indented by even spaces.
    assert!(!yaml.contains('\t'));
}

#[test]
fn svg_contains_title() {
    let svg = render_svg(&synthetic(), TITLE).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
    assert!(svg.contains(TITLE));
    assert!(svg.contains("1e-5"), "short tick labels");
    assert!(svg.contains("<polygon") || svg.contains("<path"));
}

#[test]
fn default_title_names_preset_and_exposure() {
    let svg = render_svg(&synthetic(), "").unwrap();
    assert!(svg.contains("na64e-invisible — 9.37e11 EOT"));
}

#[test]
fn png_has_magic_bytes() {
    let png = render_png(&synthetic(), TITLE).unwrap();
    assert!(png.starts_with(PNG_MAGIC));
    assert!(png.len() > 1000);
}

#[test]
fn empty_result_renders_with_note() {
    let r = empty();
    let svg = render_svg(&r, TITLE).unwrap();
    assert!(svg.contains("no exclusion"));
    assert!(render_png(&r, TITLE).unwrap().starts_with(PNG_MAGIC));
    let mut bare = r.clone();
    bare.limits.clear();
    bare.grid = YieldGrid {
        masses: vec![],
        couplings: vec![],
        signal: vec![],
    };
    assert!(render_svg(&bare, TITLE).unwrap().contains("no exclusion"));
    let yaml = hepdata_yaml(&bare);
    assert!(yaml.contains("values: []"));
    assert_eq!(rows(&limits_csv(&bare)).len(), 0);
}

#[test]
fn write_reach_outputs_creates_all_files_atomically() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("out/nested");
    let r = synthetic();
    let paths = write_reach_outputs(&r, &dir, TITLE).unwrap();
    let names: BTreeSet<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let expected: BTreeSet<String> = [
        "limits.csv",
        "limits.yaml",
        "yields.csv",
        "reach.svg",
        "reach.png",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(names, expected, "no temporary files may remain");
    assert_eq!(paths.len(), 5);
    assert!(paths.iter().all(|p| p.starts_with(&dir)));
    assert_eq!(
        fs::read_to_string(dir.join("limits.csv")).unwrap(),
        limits_csv(&r)
    );
    assert_eq!(
        fs::read_to_string(dir.join("limits.yaml")).unwrap(),
        hepdata_yaml(&r)
    );
    assert!(
        fs::read(dir.join("reach.png"))
            .unwrap()
            .starts_with(PNG_MAGIC)
    );
    assert!(
        fs::read_to_string(dir.join("reach.svg"))
            .unwrap()
            .contains(TITLE)
    );

    // Writing again replaces the files in place.
    write_reach_outputs(&empty(), &dir, TITLE).unwrap();
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 5);
    assert_eq!(
        fs::read_to_string(dir.join("limits.csv")).unwrap(),
        limits_csv(&empty())
    );

    if let Ok(p) = std::env::var("DARKSCAN_TEST_PNG") {
        fs::write(&p, render_png(&r, "").unwrap()).unwrap();
        fs::write(format!("{p}.empty.png"), render_png(&empty(), "").unwrap()).unwrap();
    }
}

#[test]
fn write_atomic_replaces_and_reports_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("a.txt");
    write_atomic(&p, b"one").unwrap();
    write_atomic(&p, b"two").unwrap();
    assert_eq!(fs::read(&p).unwrap(), b"two");
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);

    let missing = tmp.path().join("no/such/dir/b.txt");
    let err = write_atomic(&missing, b"x").unwrap_err();
    assert!(matches!(err, IoError::Write { .. }));
    assert!(err.to_string().contains("b.txt"), "{err}");
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
}
