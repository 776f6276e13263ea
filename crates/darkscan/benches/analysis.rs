//! Speed of the event-level analysis.
//!
//! - `combinatorial/1e5 singles`: [`estimate`] on 10⁵ toy halo-muon tracks
//!   (`generate dump-halo`, seed 1) with an NA62-like selection (two-track
//!   CDA < 1 cm, vertex in 105–180 m, pointing regions): all 2.5 × 10⁹
//!   (+, −) pairs are accounted for, but only the binned candidates are
//!   evaluated (issue 13: "10⁵ single tracks take seconds, not hours");
//! - `peak_scan/…`: [`scan`] of 10⁵ m²_miss values over 200 masses without toys.
//!
//! Run: `cargo bench -p darkscan --bench analysis`.

use criterion::{Criterion, criterion_group, criterion_main};
use darkscan::analysis::combinatorial::{CombinatorialOptions, estimate};
use darkscan::analysis::events::Pid;
use darkscan::analysis::generate::{HaloModel, dump_halo};
use darkscan::analysis::pairs::BeamLine;
use darkscan::analysis::peak_scan::{PeakScanOptions, Resolution, scan};
use darkscan::analysis::selection::Selection;
use darkscan::numeric::rng::Rng;
use std::hint::black_box;

const SELECTION: &str = r#"
cuts = "vertex_z_m > 105 && vertex_z_m < 180 && cda_m < 0.01"
[regions.SR]
expr = "z_tax_m > 6 && z_tax_m < 40 && cda_tax_m < 0.020"
[regions.CR]
expr = "z_tax_m > -7 && z_tax_m < 53 && cda_tax_m < 0.150"
"#;

fn bench(c: &mut Criterion) {
    let sel = Selection::from_toml(SELECTION).unwrap();
    let tracks = dump_halo(&HaloModel::default(), 100_000, 1);
    let opts = CombinatorialOptions::default();
    let mut g = c.benchmark_group("combinatorial");
    g.sample_size(10);
    g.bench_function("1e5 singles", |b| {
        b.iter(|| black_box(estimate(&tracks, &sel, &BeamLine::default(), &opts).unwrap()))
    });
    g.finish();
    let mut rng = Rng::new(3, 0);
    let m2: Vec<f64> = (0..100_000).map(|_| -0.05 + 0.25 * rng.uniform()).collect();
    let masses: Vec<f64> = (0..200).map(|i| 0.1 + 0.001 * f64::from(i)).collect();
    let mut o = PeakScanOptions::new(Pid::Muon, masses, Resolution::Constant(1e-3));
    o.toys = 0;
    let mut g = c.benchmark_group("peak_scan");
    g.sample_size(10);
    g.bench_function("1e5 events x 200 masses", |b| {
        b.iter(|| black_box(scan(&m2, &o).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
