//! Parquet event files (issue 13): files written here with the `parquet`
//! crate's own Arrow writer must give exactly the events the CSV reader
//! gives on the equivalent CSV text; bad files give the CSV reader's typed
//! errors, naming the row and column.

use arrow_array::{
    ArrayRef, Float32Array, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use darkscan::analysis::AnalysisError;
use darkscan::analysis::events::{Event, Pid, Track, open, read_events, to_csv};
use darkscan::analysis::events_parquet::BATCH_ROWS;
use darkscan::kinematics::Vec3;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// `n_events` events of `per_event` tracks with varied, non-round values.
fn tracks(n_events: i64, per_event: usize, kaon: bool) -> Vec<Track> {
    let pids = [Pid::Electron, Pid::Muon, Pid::Pion, Pid::Other];
    let mut out = Vec::new();
    for e in 0..n_events {
        for j in 0..per_event {
            let s = (e as f64) * 0.37 + (j as f64) * 1.13;
            out.push(Track {
                event: 1000 + 3 * e,
                charge: if j % 2 == 0 { 1 } else { -1 },
                point_m: Vec3::new(0.001 * s, -0.002 * s, 100.0 + s),
                momentum: Vec3::new(0.01 * s + 0.1, -0.03 * s, 10.0 + s),
                time_ns: 1.5 * s - 2.0,
                pid: pids[(e as usize + j) % 4],
                kaon_momentum: kaon.then(|| Vec3::new(0.001, -0.0005, 75.0 + 0.1 * s)),
                row: 0,
            });
        }
    }
    out
}

/// The columns of `ts` as int64/float64/utf8 arrays (plus an unknown column).
fn columns(ts: &[Track]) -> Vec<(&'static str, ArrayRef)> {
    let f = |g: &dyn Fn(&Track) -> f64| -> ArrayRef {
        Arc::new(Float64Array::from(ts.iter().map(g).collect::<Vec<_>>()))
    };
    let mut cols: Vec<(&'static str, ArrayRef)> = vec![
        (
            "comment",
            Arc::new(StringArray::from(vec!["ignored"; ts.len()])) as ArrayRef,
        ),
        (
            "pid",
            Arc::new(StringArray::from(
                ts.iter().map(|t| t.pid.as_str()).collect::<Vec<_>>(),
            )),
        ),
        (
            "event",
            Arc::new(Int64Array::from(
                ts.iter().map(|t| t.event).collect::<Vec<_>>(),
            )),
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
    ];
    if ts.first().is_some_and(|t| t.kaon_momentum.is_some()) {
        let k = |t: &Track| t.kaon_momentum.unwrap_or_default();
        cols.push(("kaon_px_gev", f(&|t| k(t).x)));
        cols.push(("kaon_py_gev", f(&|t| k(t).y)));
        cols.push(("kaon_pz_gev", f(&|t| k(t).z)));
    }
    cols
}

fn write_parquet(path: &Path, cols: Vec<(&'static str, ArrayRef)>, compression: Compression) {
    let batch = RecordBatch::try_from_iter(cols).unwrap();
    let props = WriterProperties::builder()
        .set_compression(compression)
        .set_max_row_group_row_count(Some(3000))
        .build();
    let file = std::fs::File::create(path).unwrap();
    let mut w = ArrowWriter::try_new(file, batch.schema(), Some(props)).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
}

fn csv_events(dir: &Path, ts: &[Track], max_tracks: usize) -> Vec<Event> {
    let p = dir.join("events.csv");
    std::fs::write(&p, to_csv(ts)).unwrap();
    read_events(&p, max_tracks).unwrap()
}

/// Events with the file rows set to 0, to compare CSV (line numbers, header
/// on line 1) with Parquet (1-based row numbers).
fn without_rows(mut evs: Vec<Event>) -> Vec<Event> {
    for e in &mut evs {
        for t in &mut e.tracks {
            t.row = 0;
        }
    }
    evs
}

fn pq(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

#[test]
fn same_events_as_csv_every_codec_and_across_batches() {
    let dir = tempfile::tempdir().unwrap();
    // 2 × BATCH_ROWS + 2 rows: several batches and row groups (3000 rows
    // each), with events straddling both boundaries.
    let n = i64::try_from(BATCH_ROWS).unwrap() + 1;
    for kaon in [false, true] {
        let ts = tracks(n, 2, kaon);
        let want = csv_events(dir.path(), &ts, 2);
        for codec in [
            Compression::UNCOMPRESSED,
            Compression::SNAPPY,
            Compression::ZSTD(ZstdLevel::default()),
        ] {
            let p = pq(dir.path(), "events.parquet");
            write_parquet(&p, columns(&ts), codec);
            let got = read_events(&p, 2).unwrap();
            assert_eq!(got.len(), want.len());
            // Parquet rows are 1-based rows; CSV rows are lines (header = 1).
            for (g, w) in got.iter().zip(&want) {
                for (tg, tw) in g.tracks.iter().zip(&w.tracks) {
                    assert_eq!(tg.row + 1, tw.row);
                }
            }
            assert_eq!(without_rows(got), without_rows(want.clone()), "{codec:?}");
            assert_eq!(open(&p, 2).unwrap().has_kaon(), kaon);
        }
    }
}

#[test]
fn int32_and_float32_columns_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let mut ts = tracks(5, 3, false);
    // Values a float32 column can hold exactly; the CSV gets their f64 value.
    for t in &mut ts {
        let r = |x: f64| f64::from(x as f32);
        t.point_m = Vec3::new(r(t.point_m.x), r(t.point_m.y), r(t.point_m.z));
        t.momentum = Vec3::new(r(t.momentum.x), r(t.momentum.y), r(t.momentum.z));
        t.time_ns = r(t.time_ns);
    }
    let want = csv_events(dir.path(), &ts, 10);
    let cols: Vec<(&'static str, ArrayRef)> = columns(&ts)
        .into_iter()
        .map(|(name, a)| {
            let a: ArrayRef = match name {
                "event" | "charge" => {
                    let v = a.as_any().downcast_ref::<Int64Array>().unwrap();
                    Arc::new(Int32Array::from(
                        v.values()
                            .iter()
                            .map(|&x| i32::try_from(x).unwrap())
                            .collect::<Vec<_>>(),
                    ))
                }
                "pid" | "comment" => a,
                _ => {
                    let v = a.as_any().downcast_ref::<Float64Array>().unwrap();
                    Arc::new(Float32Array::from(
                        v.values().iter().map(|&x| x as f32).collect::<Vec<_>>(),
                    ))
                }
            };
            (name, a)
        })
        .collect();
    let p = pq(dir.path(), "f32.PARQUET");
    write_parquet(&p, cols, Compression::SNAPPY);
    assert_eq!(
        without_rows(read_events(&p, 10).unwrap()),
        without_rows(want)
    );
}

fn replace(
    cols: Vec<(&'static str, ArrayRef)>,
    name: &str,
    new: Option<ArrayRef>,
) -> Vec<(&'static str, ArrayRef)> {
    cols.into_iter()
        .filter_map(|(n, a)| {
            if n == name {
                new.clone().map(|b| (n, b))
            } else {
                Some((n, a))
            }
        })
        .collect()
}

fn err_of(dir: &Path, cols: Vec<(&'static str, ArrayRef)>) -> AnalysisError {
    let p = pq(dir, "bad.parquet");
    write_parquet(&p, cols, Compression::UNCOMPRESSED);
    read_events(&p, 100).unwrap_err()
}

#[test]
fn missing_columns_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let ts = tracks(3, 2, true);
    let e = err_of(dir.path(), replace(columns(&ts), "time_ns", None));
    assert!(
        matches!(&e, AnalysisError::MissingColumn { column, .. } if column == "time_ns"),
        "{e}"
    );
    // The kaon columns are all or none.
    let e = err_of(dir.path(), replace(columns(&ts), "kaon_py_gev", None));
    assert!(
        matches!(&e, AnalysisError::MissingColumn { column, .. } if column == "kaon_py_gev"),
        "{e}"
    );
}

#[test]
fn wrong_types_nulls_and_nan_name_the_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let ts = tracks(3, 2, false);
    let n = ts.len();
    // pid as integers.
    let e = err_of(
        dir.path(),
        replace(
            columns(&ts),
            "pid",
            Some(Arc::new(Int64Array::from(vec![1; n]))),
        ),
    );
    assert!(
        matches!(&e, AnalysisError::BadValue { column, row: 1, value, .. } if column == "pid" && value == "Int64"),
        "{e}"
    );
    // event as floats.
    let e = err_of(
        dir.path(),
        replace(
            columns(&ts),
            "event",
            Some(Arc::new(Float64Array::from(vec![1.0; n]))),
        ),
    );
    assert!(
        matches!(&e, AnalysisError::BadValue { column, .. } if column == "event"),
        "{e}"
    );
    // A null momentum on row 4.
    let mut px: Vec<Option<f64>> = ts.iter().map(|t| Some(t.momentum.x)).collect();
    px[3] = None;
    let e = err_of(
        dir.path(),
        replace(
            columns(&ts),
            "px_gev",
            Some(Arc::new(Float64Array::from(px))),
        ),
    );
    assert!(
        matches!(&e, AnalysisError::BadValue { column, row: 4, value, .. } if column == "px_gev" && value == "null"),
        "{e}"
    );
    // A null pid on row 2.
    let mut pid: Vec<Option<&str>> = ts.iter().map(|t| Some(t.pid.as_str())).collect();
    pid[1] = None;
    let e = err_of(
        dir.path(),
        replace(columns(&ts), "pid", Some(Arc::new(StringArray::from(pid)))),
    );
    assert!(
        matches!(&e, AnalysisError::BadValue { column, row: 2, .. } if column == "pid"),
        "{e}"
    );
    // NaN time on row 5, as the CSV reader: "not a finite number".
    let mut t: Vec<f64> = ts.iter().map(|t| t.time_ns).collect();
    t[4] = f64::NAN;
    let e = err_of(
        dir.path(),
        replace(
            columns(&ts),
            "time_ns",
            Some(Arc::new(Float64Array::from(t))),
        ),
    );
    assert!(
        matches!(&e, AnalysisError::BadValue { column, row: 5, why, .. } if column == "time_ns" && why.contains("finite")),
        "{e}"
    );
    // Charge 2 and an unknown pid, with the CSV reader's wording.
    let e = err_of(
        dir.path(),
        replace(
            columns(&ts),
            "charge",
            Some(Arc::new(Int64Array::from(vec![2; n]))),
        ),
    );
    assert!(e.to_string().contains("row 1: column 'charge'"), "{e}");
    let e = err_of(
        dir.path(),
        replace(
            columns(&ts),
            "pid",
            Some(Arc::new(StringArray::from(vec!["kaon"; n]))),
        ),
    );
    assert!(e.to_string().contains("expected e, mu, pi or other"), "{e}");
}

#[test]
fn empty_not_parquet_and_no_rows() {
    let dir = tempfile::tempdir().unwrap();
    let p = pq(dir.path(), "empty.parquet");
    std::fs::write(&p, "").unwrap();
    assert!(matches!(
        read_events(&p, 2),
        Err(AnalysisError::EmptyFile(_))
    ));
    let p = pq(dir.path(), "text.parquet");
    std::fs::write(&p, to_csv(&tracks(2, 2, false))).unwrap();
    let e = read_events(&p, 2).unwrap_err();
    assert!(matches!(e, AnalysisError::Read { .. }), "{e}");
    assert!(e.to_string().contains("not a readable Parquet file"), "{e}");
    let p = pq(dir.path(), "none.parquet");
    write_parquet(&p, columns(&[]), Compression::SNAPPY);
    assert!(matches!(
        read_events(&p, 2),
        Err(AnalysisError::NoTracks(_))
    ));
    let e = read_events(&pq(dir.path(), "absent.parquet"), 2).unwrap_err();
    assert!(matches!(e, AnalysisError::Read { .. }), "{e}");
}

#[test]
fn the_track_cap_stops_a_huge_event_early() {
    let dir = tempfile::tempdir().unwrap();
    // One event of 200 000 tracks, cap 2: the error names the 3rd row.
    let ts = tracks(1, 200_000, false);
    let p = pq(dir.path(), "huge.parquet");
    write_parquet(&p, columns(&ts), Compression::SNAPPY);
    let e = read_events(&p, 2).unwrap_err();
    assert!(
        matches!(
            &e,
            AnalysisError::BadEvent {
                row: 3,
                event: 1000,
                ..
            }
        ),
        "{e}"
    );
    // Non-consecutive rows of an event, as in CSV.
    let mut ts = tracks(3, 2, false);
    ts.swap(1, 2);
    let p = pq(dir.path(), "order.parquet");
    write_parquet(&p, columns(&ts), Compression::SNAPPY);
    let e = read_events(&p, 2).unwrap_err();
    assert!(matches!(e, AnalysisError::BadEvent { .. }), "{e}");
}
