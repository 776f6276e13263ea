//! `generate dump-signal` against the reach: two independent code paths
//! through the same sources and acceptance. The generator draws each FIP's
//! decay point from its exponential law inside the volume and decays it
//! once; the reach uses 12 stratified decay points and the lifetime
//! re-weighting. With the pointing cut switched off (the generator leaves it
//! to the analysis), their expected signals must agree within the MC error.

use darkscan::analysis::dump_signal::dump_signal;
use darkscan::analysis::pairs::{BeamLine, pair_of};
use darkscan::experiment::beam_dump::{load_preset, sample_point};
use darkscan::experiment::dump_geometry;
use darkscan::production::dump_sources::{DumpBeam, proton_dump_sources};

#[test]
fn generator_yield_matches_the_reach_without_pointing() {
    let dir = tempfile::tempdir().unwrap();
    let geo_text = std::fs::read_to_string(format!(
        "{}/presets/geometry/na62-dump.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .replace("cda_max_m = 0.020", "cda_max_m = 1000.0")
    .replace("z_tax_min_m = 6.0", "z_tax_min_m = -1e6")
    .replace("z_tax_max_m = 40.0", "z_tax_max_m = 1e6");
    let geo = dir.path().join("no-pointing.toml");
    std::fs::write(&geo, geo_text).unwrap();
    let mut p = load_preset("na62-dump-mumu-2021").unwrap().unwrap();
    p.geometry = geo.to_string_lossy().into_owned();
    let (m, eps) = (0.3, 1e-6);

    let sig = dump_signal(&p, m, eps, 500, 40_000, 5).unwrap();
    // The reach's signal at the same point, per POT × efficiency.
    let g = dump_geometry::load(&p.geometry).unwrap();
    let spec = p.model_spec();
    let beam = DumpBeam {
        energy_gev: p.beam_energy_gev,
        heavy_flavour_cascade: false,
    };
    let sources = proton_dump_sources(&spec, None, beam, m).unwrap();
    let point = sample_point(
        &g,
        spec.fip().unwrap().as_ref(),
        &p.decay,
        &sources,
        m,
        40_000,
        9,
    )
    .unwrap();
    let reach: f64 = point
        .signal_per_beam_particle(&[eps])
        .iter()
        .map(|c| c[0])
        .sum::<f64>()
        * p.protons_on_target
        * p.signal_efficiency;
    let ratio = sig.expected_events / reach;
    println!(
        "generator {:.4} events, reach {reach:.4}: ratio {ratio:.4}",
        sig.expected_events
    );
    // Independent samples of 4e4 trials per source each: a few % MC error.
    assert!((ratio - 1.0).abs() < 0.08, "{ratio}");

    // The events themselves: two opposite-charge muons per event whose
    // invariant mass is the A′ mass within the toy momentum resolution, and
    // which point back to the TAX (Z_TAX ≈ 23 m) within the resolution.
    assert_eq!(sig.tracks.len(), 1000);
    let mut masses = Vec::new();
    for pair in sig.tracks.chunks(2) {
        assert_eq!((pair[0].charge, pair[1].charge), (1, -1));
        let v = pair_of(&pair[0], &pair[1], &BeamLine::default());
        masses.push(v.mass_gev);
    }
    masses.sort_by(f64::total_cmp);
    let median = masses[masses.len() / 2];
    assert!((median / m - 1.0).abs() < 0.005, "{median}");
}
