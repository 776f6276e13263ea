//! The NA64e missing-energy reach for a boson X coupled only to the
//! electron — scalar (g ē e S), pseudoscalar (g ē iγ⁵ e P), vector
//! (g ē γ^μ e V_μ) or axial vector (g ē γ^μγ⁵ e A_μ) — decaying invisibly:
//! the search of NA64, PRL 126 (2021) 211802 (arXiv:2102.01885), with the
//! 2016–2018 data set (2.84×10¹¹ EOT).
//!
//! The dark photon's pipeline ([`MissingEnergySetup`]: shower track lengths,
//! bremsstrahlung of every shower e± above the missing-energy cut) with the
//! S, P, V, A cross sections of [`crate::production::boson_brem`] (ETL:
//! DMG4's K-factors per spin, as NA64 used; the vector is exactly the dark
//! photon's). Those are at ε = 1, i.e. g = e, so
//!
//! N_sig(m, g) = N_EOT · ε_sig(m) · g²/(4πα) · Y_X(m) · BR(X → invisible),
//!
//! Y_X(m) = Σ_bins T(E) n X₀ σ_X(E, m; E_X > E₀ − E_ECAL,max), and
//! BR(X → invisible) = 1 (the paper's assumption: X → χχ̄ dominates). The
//! coupling axis is g itself; the Δa_e a limit g implies is
//! [`crate::model::electron_g2::delta_a_e`].

use crate::experiment::missing_energy::MissingEnergySetup;
use crate::experiment::missing_energy_reach::{GSquaredScan, run_g_squared_scan, setup_of};
use crate::experiment::preset::Preset;
use crate::model::electron_g2::BosonType;
use crate::production::boson_brem::sigma_above;
use crate::production::electron_brem::Nucleus;
use crate::production::shower::TrackLengths;
use crate::reach::{ReachError, ReachOptions, ReachResult};
use crate::units::{ALPHA_EM, HBARC2_GEV2_CM2};

/// Y_X(m): X per electron on target at g = e (ε = 1) with E_X above the
/// missing-energy cut, for the setup's cross-section method.
#[must_use]
pub fn boson_yield_per_eot(
    setup: &MissingEnergySetup,
    tracks: &TrackLengths,
    boson: BosonType,
    mass: f64,
) -> f64 {
    let nucleus = Nucleus {
        z: setup.material.z,
        a: setup.material.a,
    };
    let e_cut = setup.min_aprime_energy();
    let mut total = 0.0;
    for (k, &e) in tracks.centers().iter().enumerate() {
        let t = tracks.electron[k] + tracks.positron[k];
        if t <= 0.0 || e <= e_cut || mass >= e {
            continue;
        }
        total += t * sigma_above(boson, setup.method, e, mass, nucleus, e_cut / e);
    }
    total * setup.material.nuclei_per_x0_cm2 * HBARC2_GEV2_CM2
}

/// Missing-energy reach of an electron-coupled S, P, V or A preset
/// (coupling axis g). `progress` is called with the number of finished
/// masses.
pub fn run_missing_energy_boson(
    preset_label: &str,
    preset: &Preset,
    boson: BosonType,
    opts: &ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ReachResult, ReachError> {
    let scan = GSquaredScan::new(
        preset_label,
        preset,
        opts,
        "an electron-coupled S, P, V, A boson decays invisibly with BR = 1",
        (
            format!("missing-energy {}", boson.name()),
            ("g_X", "g_X"),
            "m_X",
        ),
    )?;
    // Only the vector continues below 1 MeV (`electron_brem_light`); the S, P
    // and A cross sections of `boson_brem` hold from `electron_brem::MIN_MASS`.
    if boson != BosonType::Vector {
        let min = crate::production::electron_brem::MIN_MASS;
        if let Some(&m) = scan.masses.iter().find(|&&m| m < min) {
            return Err(ReachError::BremMassBelowRange(m, min));
        }
    }
    let setup = setup_of(preset)?;
    let tracks = setup.track_lengths();
    let exposure = scan.exposure;
    let per_g2 = |m: f64| {
        Ok(exposure
            * preset.selection.signal_efficiency.at(m)
            * boson_yield_per_eot(&setup, &tracks, boson, m)
            / (4.0 * std::f64::consts::PI * ALPHA_EM))
    };
    run_g_squared_scan(&scan, per_g2, progress)
}
