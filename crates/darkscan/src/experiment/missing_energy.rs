//! Missing-energy searches (NA64e): A′ produced by bremsstrahlung of the beam
//! electron and of every shower e± in the active target, escaping with more
//! than E₀ − E_ECAL,max.
//!
//! The yield per electron on target at ε = 1 is
//!
//! Y₁(m) = Σ_bins T(E) · n X₀ · σ(E, m; E_A′ > E₀ − E_ECAL,max),
//!
//! with T(E) the e± track length (in X₀) per primary in an energy bin from the
//! shower Monte Carlo, n X₀ the production nuclei per cm² in one radiation
//! length, and σ the bremsstrahlung cross section above the energy cut
//! ([`crate::production::electron_brem::sigma_above`]). Then
//! N_sig = N_EOT · ε_sig · ε² · BR(A′ → invisible) · Y₁(m).
//!
//! Not included: A′ production by resonant annihilation of shower positrons
//! on atomic electrons (e⁺e⁻ → A′), which NA64 adds from 2021 on and which
//! dominates near m ≈ 0.2–0.3 GeV in PRL 131 (2023) 161801.

use crate::experiment::material::Material;
use crate::production::electron_brem::{BremMethod, Nucleus, sigma_above};
use crate::production::shower::{ShowerConfig, TrackLengths, simulate};
use crate::units::HBARC2_GEV2_CM2;

/// Inputs of a missing-energy yield calculation.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingEnergySetup {
    /// Beam energy E₀ in GeV.
    pub beam_energy: f64,
    /// Maximum energy deposited in the target for the signal box (GeV).
    pub ecal_energy_max: f64,
    /// Target material.
    pub material: Material,
    /// Target depth in X₀.
    pub thickness_x0: f64,
    /// Primary is a positron.
    pub positron_beam: bool,
    /// Cross-section method.
    pub method: BremMethod,
    /// Shower Monte Carlo primaries.
    pub shower_events: u64,
    /// Shower Monte Carlo seed.
    pub seed: u64,
}

impl MissingEnergySetup {
    /// Smallest A′ energy that passes the signal box: E₀ − E_ECAL,max.
    #[must_use]
    pub fn min_aprime_energy(&self) -> f64 {
        self.beam_energy - self.ecal_energy_max
    }

    /// Runs the shower Monte Carlo, following only e± and photons that can
    /// still radiate an A′ above the energy cut.
    #[must_use]
    pub fn track_lengths(&self) -> TrackLengths {
        let mut c = ShowerConfig::new(self.beam_energy, self.min_aprime_energy());
        c.primary_is_positron = self.positron_beam;
        c.critical_energy = self.material.critical_energy;
        c.depth_x0 = self.thickness_x0;
        c.n_events = self.shower_events;
        c.seed = self.seed;
        simulate(&c)
    }

    /// Y₁(m): A′ per electron on target at ε = 1 with E_A′ above the cut.
    #[must_use]
    pub fn yield_per_eot(&self, tracks: &TrackLengths, mass: f64) -> f64 {
        let nucleus = Nucleus {
            z: self.material.z,
            a: self.material.a,
        };
        let e_cut = self.min_aprime_energy();
        let centers = tracks.centers();
        let mut total = 0.0;
        for (k, &e) in centers.iter().enumerate() {
            let t = tracks.electron[k] + tracks.positron[k];
            if t <= 0.0 || e <= e_cut || mass >= e {
                continue;
            }
            total += t * sigma_above(self.method, e, mass, nucleus, e_cut / e);
        }
        total * self.material.nuclei_per_x0_cm2 * HBARC2_GEV2_CM2
    }
}
