//! `darkscan analysis pairs FILE.parquet --json` (issue 13): a Parquet event
//! file gives the same JSON as the equivalent CSV file, and a bad Parquet
//! file exits 2 with one line.

mod common;

use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use common::{darkscan, json};
use darkscan::analysis::events::{Pid, Track, to_csv};
use darkscan::analysis::generate::two_track_event;
use parquet::arrow::ArrowWriter;
use predicates::prelude::*;
use std::path::Path;
use std::sync::Arc;

fn write_parquet(path: &Path, ts: &[Track]) {
    let f = |g: &dyn Fn(&Track) -> f64| -> ArrayRef {
        Arc::new(Float64Array::from(ts.iter().map(g).collect::<Vec<_>>()))
    };
    let batch = RecordBatch::try_from_iter([
        (
            "event",
            Arc::new(Int64Array::from(
                ts.iter().map(|t| t.event).collect::<Vec<_>>(),
            )) as ArrayRef,
        ),
        (
            "charge",
            Arc::new(Int64Array::from(
                ts.iter().map(|t| i64::from(t.charge)).collect::<Vec<_>>(),
            )),
        ),
        ("x_m", f(&|t| t.point_m.x)),
        ("y_m", f(&|t| t.point_m.y)),
        ("z_m", f(&|t| t.point_m.z)),
        ("px_gev", f(&|t| t.momentum.x)),
        ("py_gev", f(&|t| t.momentum.y)),
        ("pz_gev", f(&|t| t.momentum.z)),
        ("time_ns", f(&|t| t.time_ns)),
        (
            "pid",
            Arc::new(StringArray::from(
                ts.iter().map(|t| t.pid.as_str()).collect::<Vec<_>>(),
            )),
        ),
    ])
    .unwrap();
    let file = std::fs::File::create(path).unwrap();
    let mut w = ArrowWriter::try_new(file, batch.schema(), None).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
}

#[test]
fn pairs_json_from_parquet_equals_csv() {
    // The seed's observed event (seed talk 000: m_μμ = 411 MeV, Z_TAX =
    // 35.3 m, CDA_TAX = 17 mm) and one far from the axis.
    let (a, b) = two_track_event(7, Pid::Muon, 0.411, 99.5, 39.5, 35.3, 0.017, 150.0).unwrap();
    let (c, d) = two_track_event(8, Pid::Muon, 0.3, 50.0, 20.0, 20.0, 0.5, 120.0).unwrap();
    let ts = [a, b, c, d];
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ev.csv");
    std::fs::write(&csv, to_csv(&ts)).unwrap();
    let pq = dir.path().join("ev.parquet");
    write_parquet(&pq, &ts);
    let from_pq = json(&["analysis", "pairs", pq.to_str().unwrap(), "--json"]);
    let from_csv = json(&["analysis", "pairs", csv.to_str().unwrap(), "--json"]);
    assert_eq!(from_pq["pairs"], from_csv["pairs"]);
    assert_eq!(from_pq["pairs"][0]["event"], 7);
    assert!((from_pq["pairs"][0]["mass_gev"].as_f64().unwrap() - 0.411).abs() < 1e-9);

    // A file named .parquet that is not Parquet: one line, exit 2.
    let bad = dir.path().join("bad.parquet");
    std::fs::write(&bad, to_csv(&ts)).unwrap();
    darkscan()
        .args(["analysis", "pairs", bad.to_str().unwrap(), "--json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a readable Parquet file"))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
}
