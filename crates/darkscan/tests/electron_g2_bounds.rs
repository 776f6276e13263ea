//! Δa_e bounds implied by the NA64 missing-energy limits, for the one case
//! darkscan's production covers: a **vector** X coupled to the electron with
//! g_V, decaying invisibly — the dark photon's bremsstrahlung with ε e → g_V
//! (same vertex; with BR(X → invisible) = 1 nothing else enters).
//!
//! Published check (NA64, PRL 126 (2021) 211802, arXiv:2102.01885, abstract):
//! with the 2016–2018 data set (2.84×10¹¹ EOT — the `na64e-invisible-2019`
//! preset) the S, P, V, A limits give |Δa_X| ≲ 10⁻¹⁵–10⁻¹³ for
//! 1 MeV ≲ m_X ≲ 1 GeV. The paper's per-mass Δa_X curves could not be read
//! (no HEPData, no digitisation found), so the 30 % comparison the issue asks
//! for is not done; this test asserts the quoted range only, which is an
//! order-of-magnitude check: every darkscan Δa_V bound from 1 MeV to 1 GeV
//! must lie in [10⁻¹⁵, 10⁻¹³].

use darkscan::experiment::missing_energy_reach::run_missing_energy;
use darkscan::experiment::preset;
use darkscan::model::electron_g2::{BosonType, DELTA_A_E_RB, delta_a_e};
use darkscan::reach::ReachOptions;
use darkscan::units::ALPHA_EM;

#[test]
fn vector_delta_a_bounds_in_the_published_range() {
    let masses = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0];
    let p = preset::load("na64e-invisible-2019").unwrap();
    let opts = ReachOptions {
        masses: Some(masses.to_vec()),
        ..ReachOptions::default()
    };
    let r = run_missing_energy("na64e-invisible-2019", &p, &opts, &|_| {}).unwrap();
    let e = (4.0 * std::f64::consts::PI * ALPHA_EM).sqrt();
    for (m, l) in masses.iter().zip(&r.limits) {
        let g_v = e * l.excluded[0].0;
        let da = delta_a_e(BosonType::Vector, *m, g_v).unwrap();
        println!(
            "m_V = {m} GeV: g_V < {g_v:.3e}, Delta a_V < {da:.3e} (Rb: {:.1e})",
            DELTA_A_E_RB.0
        );
        assert!((1e-15..=1e-13).contains(&da), "{m}: {da}");
    }
}
