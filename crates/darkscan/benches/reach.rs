//! Speed of the NA64 missing-energy reach.
//!
//! - `shower`: the e± track-length Monte Carlo above the 50 GeV cut
//!   (10⁵ primaries of 100 GeV in the NA64 ECAL);
//! - `yield_per_eot`: the A′ yield at one mass from those track lengths
//!   (ETL cross section on every energy bin);
//! - `annihilation/one mass`: the resonant e⁺e⁻ → A′ yield at one mass from
//!   the positron track lengths (Breit–Wigner integrated over every bin);
//! - `reach/na64e-invisible`: the whole preset scan (shower, 100 masses ×
//!   121 couplings, limit edges refined by root finding);
//! - `dump/…`: beam-dump presets on 10 of their masses (the full default
//!   scans are timed with `time darkscan reach PRESET`, see the README):
//!   `na62-dump-mumu-2021` (dark photon, five sources) and
//!   `na62-dump-hnl-1e18` (HNL, twelve heavy-meson and τ sources, any
//!   two-track final state).
//!
//! Run: `cargo bench -p darkscan --bench reach`.

use criterion::{Criterion, criterion_group, criterion_main};
use darkscan::experiment::missing_energy::MissingEnergySetup;
use darkscan::experiment::missing_energy_reach::run_missing_energy;
use darkscan::experiment::preset;
use darkscan::experiment::search::SearchPreset;
use darkscan::production::annihilation::EcalResolution;
use darkscan::reach::{ReachOptions, log_space};
use darkscan::run_preset;
use std::hint::black_box;

fn setup() -> MissingEnergySetup {
    let p = preset::load("na64e-invisible").unwrap();
    MissingEnergySetup {
        beam_energy: p.beam.energy_gev,
        ecal_energy_max: p.selection.ecal_energy_max_gev,
        material: p.material().unwrap(),
        thickness_x0: p.target.thickness_x0,
        positron_beam: false,
        method: p.brem_method().unwrap(),
        shower_events: p.shower.events,
        seed: p.shower.seed,
    }
}

fn reach(c: &mut Criterion) {
    let s = setup();
    let mut g = c.benchmark_group("na64e");
    g.sample_size(10);
    g.bench_function("shower/1e5 primaries", |b| {
        b.iter(|| black_box(s.track_lengths()))
    });
    let tracks = s.track_lengths();
    g.bench_function("yield_per_eot/one mass", |b| {
        b.iter(|| black_box(s.yield_per_eot(&tracks, black_box(0.01))))
    });
    let extended = s.track_lengths_down_to(45.0);
    g.bench_function("annihilation/one mass", |b| {
        b.iter(|| {
            black_box(s.annihilation_yield_per_eot(
                &extended,
                black_box(0.25),
                0.1,
                0.25 / 3.0,
                EcalResolution::default(),
            ))
        })
    });
    let p = preset::load("na64e-invisible").unwrap();
    g.bench_function("reach/na64e-invisible (100 masses)", |b| {
        b.iter(|| {
            run_missing_energy("na64e-invisible", &p, &ReachOptions::default(), &|_| {}).unwrap()
        })
    });
    g.finish();
}

fn dump(c: &mut Criterion) {
    let mut g = c.benchmark_group("dump");
    g.sample_size(10);
    for (name, lo, hi) in [
        ("na62-dump-mumu-2021", 0.215, 0.7),
        ("na62-dump-hnl-1e18", 0.15, 5.0),
    ] {
        let p = SearchPreset::load(name).unwrap();
        let opts = ReachOptions {
            masses: Some(log_space(lo, hi, 10)),
            ..ReachOptions::default()
        };
        g.bench_function(format!("{name} (10 masses)"), |b| {
            b.iter(|| black_box(run_preset(name, &p, &opts, &|_| {}).unwrap()))
        });
    }
    g.finish();
}

criterion_group!(benches, reach, dump);
criterion_main!(benches);
