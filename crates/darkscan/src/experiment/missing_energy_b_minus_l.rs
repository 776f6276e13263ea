//! The NA64e missing-energy reach for a U(1)_{B−L} gauge boson Z′
//! ([`crate::model::b_minus_l`]) decaying to neutrinos: the dark photon's
//! pipeline ([`MissingEnergySetup`]: shower track lengths, ETL/IWW
//! bremsstrahlung above the missing-energy cut) with the coupling vector of
//! B−L.
//!
//! The Z′ couples to the electron with g_{B−L} × (B−L charge −1), a vector
//! coupling like the dark photon's ε e (charge −1 times ε e), so the
//! bremsstrahlung rate is the dark photon's with ε² → g²/e² = g²/(4πα)
//! (NA64, PRL 129 (2022) 161801, arXiv:2207.09979, which computes it this
//! way; Gninenko et al., PLB 782 (2018) 406 for the A′ cross section; the
//! nuclear coupling does not enter at tree level — the nucleus is the photon
//! source). The sign of the charge does not matter (σ ∝ g²). Then
//!
//! N_sig(m, g) = N_EOT · ε_sig(m) · g²/(4πα) · Y₁(m) · BR(Z′ → νν̄ [+ NN]),
//!
//! with Y₁ the A′ yield per EOT at ε = 1 and BR independent of g (every
//! width ∝ g²). Z′ → e⁺e⁻, μ⁺μ⁻ are not missing energy: they deposit in the
//! ECAL/HCAL or, if the Z′ lives long, are still not counted (the paper's
//! assumption; conservative — see the preset). No resonant annihilation
//! (the 2022 analysis has none; the preset loader rejects it).

use crate::experiment::missing_energy_reach::{GSquaredScan, run_g_squared_scan, setup_of};
use crate::experiment::preset::Preset;
use crate::model::b_minus_l::invisible_branching_ratio;
use crate::reach::{ReachError, ReachOptions, ReachResult};
use crate::units::ALPHA_EM;

/// g²/(4πα) per g²: converts the A′ yield at ε = 1 to the Z′ yield at g = 1.
#[must_use]
pub fn coupling_conversion() -> f64 {
    1.0 / (4.0 * std::f64::consts::PI * ALPHA_EM)
}

/// Missing-energy reach of a `model.name = "b-minus-l"` preset (coupling axis
/// g_{B−L}). `progress` is called with the number of finished masses.
pub fn run_missing_energy_b_minus_l(
    preset_label: &str,
    preset: &Preset,
    opts: &ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ReachResult, ReachError> {
    let model = preset
        .model
        .b_minus_l()
        .ok_or_else(|| ReachError::Preset("not a b-minus-l preset".into()))?;
    let scan = GSquaredScan::new(
        preset_label,
        preset,
        opts,
        "b-minus-l has no dark sector",
        (
            "missing-energy b-minus-l".into(),
            ("g_B-L", "g_B-L"),
            "m_Z'",
        ),
    )?;
    for &m in &scan.masses {
        // Fails early, naming the mass, outside the model's range.
        invisible_branching_ratio(&model, m).map_err(|e| ReachError::Preset(e.to_string()))?;
    }
    let setup = setup_of(preset)?;
    let tracks = setup.track_lengths();
    let exposure = scan.exposure;
    let per_g2 = |m: f64| {
        let br_inv =
            invisible_branching_ratio(&model, m).map_err(|e| ReachError::Preset(e.to_string()))?;
        Ok(exposure
            * preset.selection.signal_efficiency.at(m)
            * coupling_conversion()
            * setup.yield_per_eot(&tracks, m)
            * br_inv)
    };
    run_g_squared_scan(&scan, per_g2, progress)
}
