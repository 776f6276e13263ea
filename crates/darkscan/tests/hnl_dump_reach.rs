//! NA62 beam-dump HNL projection (`na62-dump-hnl-1e18`) against the published
//! NA62-dump sensitivity of M. Drewes, J. Hajer, J. Klaric, G. Lanfranchi
//! (JHEP 07 (2018) 105 / arXiv:1806.00100; muon mixing only, 1e18 POT, zero
//! background), as digitised in the public Heavy-Neutrino-Limits repository
//! (`docs/validation/na62dump_hnl_Umu2_drewes2018_{lower,upper}.txt`,
//! provenance in the headers).
//!
//! What agrees and what does not (asserted as measured, both ways):
//! - upper edges (short lifetime: set by the widths, the HNL momentum
//!   spectrum and the 80 m to the decay volume) agree within 20 % in U²;
//! - lower edges (long lifetime, N ∝ U⁴, so the signal ratio at fixed U² is
//!   (U²_published/U²_darkscan)²) are 2–3.3 times higher in U²: darkscan's
//!   signal is 4–11 times smaller. Known causes: darkscan has no kaon
//!   parents and no cascade enhancement by default (×2.3 for charm with
//!   `heavy_flavour_cascade = true`, which brings the ratio at 1–1.5 GeV to
//!   1.5–2), requires the NA62 pointing selection and exactly two charged
//!   tracks, and the published model has two quasi-degenerate HNLs.

mod common;
use common::{loglog_at, published_curve};
use darkscan::experiment::search::SearchPreset;
use darkscan::reach::ReachOptions;
use darkscan::run_preset;

#[test]
fn hnl_dump_projection_against_drewes_et_al() {
    let mut p = match SearchPreset::load("na62-dump-hnl-1e18").unwrap() {
        SearchPreset::BeamDump(p) => p,
        _ => unreachable!("a beam-dump preset"),
    };
    p.events_per_channel = 20_000;
    let lower_masses = [0.6, 1.0, 1.2, 1.5];
    // darkscan/published lower-edge U² ratios measured at 2e4 trials per
    // source (seed 1): 3.40, 2.45, 2.26, 2.93 (signal ratios 0.09-0.20).
    let lower_measured = [3.40, 2.45, 2.26, 2.93];
    let upper_masses = [1.25, 1.4, 1.7];
    // Upper-edge ratios measured: 1.12, 0.97, 1.05.
    let upper_measured = [1.12, 0.97, 1.05];
    let masses: Vec<f64> = lower_masses.iter().chain(&upper_masses).copied().collect();
    let opts = ReachOptions {
        masses: Some(masses.clone()),
        ..ReachOptions::default()
    };
    let r = run_preset(
        "na62-dump-hnl-1e18",
        &SearchPreset::BeamDump(p),
        &opts,
        &|_| {},
    )
    .unwrap();
    assert_eq!(r.coupling_label(), "U^2");
    let lower = published_curve("na62dump_hnl_Umu2_drewes2018_lower.txt");
    let upper = published_curve("na62dump_hnl_Umu2_drewes2018_upper.txt");
    for (l, &m) in r.limits.iter().zip(&masses) {
        let (lo, hi) = l.excluded[0];
        if let Some(k) = lower_masses.iter().position(|&x| x == m) {
            let ratio = lo / loglog_at(&lower, m);
            let signal_ratio = ratio.powi(-2);
            println!("m = {m}: lower edge U² ratio {ratio:.3}, signal ratio {signal_ratio:.3}");
            // As measured within ±20 % in U² (±44 % in signal): a drift of
            // the normalisation either way fails.
            let rel = ratio / lower_measured[k];
            assert!(
                (0.8..1.2).contains(&rel),
                "m = {m}: lower-edge ratio {ratio}"
            );
        } else {
            let k = upper_masses.iter().position(|&x| x == m).unwrap();
            let ratio = hi.unwrap() / loglog_at(&upper, m);
            println!("m = {m}: upper edge U² ratio {ratio:.3}");
            // Within 20 % of the published edge, and within 15 % of the
            // measured ratio (MC noise of the few fast HNLs that survive).
            assert!(
                (0.8..1.2).contains(&ratio),
                "m = {m}: upper-edge ratio {ratio}"
            );
            let rel = ratio / upper_measured[k];
            assert!(
                (0.85..1.15).contains(&rel),
                "m = {m}: upper-edge ratio {ratio}"
            );
        }
    }
}
