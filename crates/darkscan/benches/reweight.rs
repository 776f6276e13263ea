//! Speed of the per-mass acceptance sample and of the lifetime re-weighting.
//!
//! - `sample/…`: [`build_sample`] on the NA62 beam-dump geometry for a toy
//!   source (A′ of 0.4 GeV, p = 100 GeV, θ_x, θ_y ~ N(0, 1 mrad)), 12 decay
//!   points per FIP, A′ → μ⁺μ⁻: FIPs per second;
//! - `reweight/…`: [`expected_fractions`] on that sample for 200 cτ values
//!   between 1 m and 10⁵ m (all of them non-trivial: no early exit): (cτ ×
//!   stored FIP) pairs per second.
//!
//! Run: `cargo bench -p darkscan --bench reweight`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use darkscan::experiment::dump_geometry::DumpGeometry;
use darkscan::kinematics::{FourVector, Vec3};
use darkscan::mc::{build_sample, expected_fractions};
use darkscan::numeric::rng::Rng;
use darkscan::units::MUON;
use std::hint::black_box;

fn toy_source(rng: &mut Rng) -> Option<(FourVector, f64)> {
    let g = |rng: &mut Rng| {
        let r = (-2.0 * rng.uniform_open().ln()).sqrt();
        r * (std::f64::consts::TAU * rng.uniform()).cos()
    };
    let (tx, ty) = (1e-3 * g(rng), 1e-3 * g(rng));
    let p = 100.0;
    let dir = Vec3::new(tx, ty, 1.0).unit();
    Some((FourVector::from_mass_momentum(0.4, dir * p), 1.0))
}

fn bench(c: &mut Criterion) {
    let geom = DumpGeometry::na62();
    let mut g = c.benchmark_group("dump");
    g.sample_size(10);
    let n = 20_000;
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("sample/20k FIPs x 12 decay points", |b| {
        b.iter(|| black_box(build_sample(n, 1, 0.4, MUON.mass, &geom, toy_source)))
    });
    let sample = build_sample(200_000, 1, 0.4, MUON.mass, &geom, toy_source);
    let ctau: Vec<f64> = (0..200)
        .map(|i| 10f64.powf(5.0 * i as f64 / 199.0))
        .collect();
    g.throughput(Throughput::Elements((sample.len() * ctau.len()) as u64));
    g.bench_function(format!("reweight/200 ctau x {} FIPs", sample.len()), |b| {
        b.iter(|| black_box(expected_fractions(&sample, black_box(&ctau))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
