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
//! Resonant annihilation of shower positrons on atomic electrons, e⁺e⁻ → A′
//! (NA64 PRD 104 (2021) L091701; Marsicano et al., PRL 121 (2018) 041802),
//! adds Y_ann(m) = n_e Σ_bins T₊(E) σ_BW(s(E)) · P(E_ECAL < E_ECAL,max)
//! ([`crate::production::annihilation`]), so that
//! N_sig = N_EOT · ε_sig(m) · ε² · (BR(A′ → invisible) · Y₁(m) + Y_ann(m)),
//! the Breit–Wigner of Y_ann already holding the branching ratio to the
//! invisible final state. It dominates near m ≈ 0.2–0.3 GeV in
//! PRL 131 (2023) 161801.
//!
//! The signal efficiency ε_sig may depend on the mass ([`SignalEfficiency`]).

use crate::experiment::material::Material;
use crate::model::dark_photon::DarkPhoton;
use crate::production::annihilation::{
    EcalResolution, EnergyCut, Resonance, na64_ecal_electrons_per_x0_cm2, yield_per_primary,
};
use crate::production::electron_brem::{BremMethod, Nucleus, sigma_above};
use crate::production::preshower::PreshowerRequirement;
use crate::production::shower::{ShowerConfig, TrackLengths, simulate, simulate_with_photons};
use crate::units::HBARC2_GEV2_CM2;
use serde::Deserialize;

/// The signal efficiency of a missing-energy preset: one number, or a table
/// over the A′ mass interpolated linearly in ln m (constant beyond its ends).
///
/// In TOML either `signal_efficiency = 0.5` or
/// `signal_efficiency = { mass_gev = [0.001, 0.1, 1.0], efficiency = [0.7, 0.6, 0.5] }`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum SignalEfficiency {
    /// The same efficiency at every mass.
    Constant(f64),
    /// A table over mass.
    Table(EfficiencyTable),
}

/// Signal efficiency at tabulated masses.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EfficiencyTable {
    /// A′ masses in GeV, strictly increasing, all > 0.
    pub mass_gev: Vec<f64>,
    /// Efficiency at each mass, in (0, 1].
    pub efficiency: Vec<f64>,
}

impl SignalEfficiency {
    /// The efficiency at A′ mass `mass` (GeV).
    #[must_use]
    pub fn at(&self, mass: f64) -> f64 {
        match self {
            Self::Constant(e) => *e,
            Self::Table(t) => {
                let (x, y) = (&t.mass_gev, &t.efficiency);
                if y.len() == 1 || mass <= x[0] {
                    return y[0];
                }
                let n = x.len();
                if mass >= x[n - 1] {
                    return y[n - 1];
                }
                let i = x.partition_point(|&xi| xi <= mass);
                let f = (mass / x[i - 1]).ln() / (x[i] / x[i - 1]).ln();
                y[i - 1] + f * (y[i] - y[i - 1])
            }
        }
    }

    /// Checks the values: every efficiency in (0, 1]; a table non-empty,
    /// with as many masses as efficiencies, masses positive and strictly
    /// increasing. The error says what is wrong.
    pub fn validate(&self) -> Result<(), String> {
        let ok = |e: f64| e.is_finite() && e > 0.0 && e <= 1.0;
        match self {
            Self::Constant(e) if ok(*e) => Ok(()),
            Self::Constant(e) => Err(format!("{e} must lie in (0, 1]")),
            Self::Table(t) => {
                if t.mass_gev.is_empty() || t.mass_gev.len() != t.efficiency.len() {
                    return Err(format!(
                        "table needs as many masses ({}) as efficiencies ({}), at least one",
                        t.mass_gev.len(),
                        t.efficiency.len()
                    ));
                }
                if let Some(e) = t.efficiency.iter().find(|&&e| !ok(e)) {
                    return Err(format!("efficiency {e} must lie in (0, 1]"));
                }
                if let Some(m) = t.mass_gev.iter().find(|&&m| !(m.is_finite() && m > 0.0)) {
                    return Err(format!("mass {m} must be a positive number of GeV"));
                }
                if t.mass_gev.windows(2).any(|w| w[1] <= w[0]) {
                    return Err("masses must be strictly increasing".into());
                }
                Ok(())
            }
        }
    }
}

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

    /// Runs the shower Monte Carlo with the histogram extended below
    /// E₀ − E_ECAL,max down to `e_low` GeV (for the positron spectrum that a
    /// smeared cut can still accept). The bins keep the spacing of
    /// [`Self::track_lengths`] and one edge stays at E₀ − E_ECAL,max, so
    /// [`Self::yield_per_eot`] sums the same bins above the cut.
    #[must_use]
    pub fn track_lengths_down_to(&self, e_low: f64) -> TrackLengths {
        simulate(&self.shower_config_down_to(e_low))
    }

    /// As [`Self::track_lengths_down_to`], with the preshower requirement
    /// `preshower` applied to resonant annihilation of the primary positron
    /// ([`crate::production::preshower`]): returns the track lengths (for
    /// bremsstrahlung, identical to [`Self::track_lengths_down_to`]'s) and
    /// the same with the primary positron's track before the requirement is
    /// met removed from `positron` (for [`Self::annihilation_yield_per_eot`]).
    #[must_use]
    pub fn track_lengths_with_preshower(
        &self,
        e_low: f64,
        preshower: PreshowerRequirement,
    ) -> (TrackLengths, TrackLengths) {
        let mut c = self.shower_config_down_to(e_low);
        c.preshower = Some(preshower);
        let t = simulate_with_photons(&c);
        let mut ann = t.tracks.clone();
        for (p, v) in ann
            .positron
            .iter_mut()
            .zip(&t.primary_positron_before_preshower)
        {
            *p = (*p - v).max(0.0);
        }
        (t.tracks, ann)
    }

    /// The shower configuration of [`Self::track_lengths_down_to`].
    fn shower_config_down_to(&self, e_low: f64) -> ShowerConfig {
        let cut = self.min_aprime_energy();
        let mut c = ShowerConfig::new(self.beam_energy, cut);
        if e_low.is_finite() && e_low > 0.0 && e_low < cut {
            let width = (self.beam_energy / cut).ln() / c.n_bins as f64;
            let extra = ((cut / e_low).ln() / width).ceil() as usize;
            c.e_min = cut * (-(extra as f64) * width).exp();
            c.e_cut = c.e_min;
            c.n_bins += extra;
        }
        c.primary_is_positron = self.positron_beam;
        c.critical_energy = self.material.critical_energy;
        c.depth_x0 = self.thickness_x0;
        c.n_events = self.shower_events;
        c.seed = self.seed;
        c
    }

    /// Target electrons per cm² per X₀ for annihilation: the NA64 shashlik
    /// (`na64-ecal`) counts lead and scintillator electrons
    /// ([`na64_ecal_electrons_per_x0_cm2`]); any other material Z n X₀ of its
    /// production nucleus.
    #[must_use]
    pub fn electrons_per_x0_cm2(&self) -> f64 {
        if self.material.name == "na64-ecal" {
            na64_ecal_electrons_per_x0_cm2()
        } else {
            self.material.z * self.material.nuclei_per_x0_cm2
        }
    }

    /// Y_ann(m): A′ → χχ̄ per electron on target at ε = 1 from resonant
    /// annihilation of shower positrons, e⁺e⁻ → A′ → χχ̄ (Dirac χ of mass
    /// `m_chi`, coupling `alpha_d`), with the event's deposit E₀ − E_A′
    /// smeared by `resolution` and required below E_ECAL,max. The
    /// Breit–Wigner uses the invisible width at the pole as the total width
    /// (ε → 0) and Γ(A′ → χχ̄) evaluated at √s in its numerator; `tracks`
    /// should extend below the cut by a few σ of the resolution
    /// ([`Self::track_lengths_down_to`]).
    #[must_use]
    pub fn annihilation_yield_per_eot(
        &self,
        tracks: &TrackLengths,
        mass: f64,
        alpha_d: f64,
        m_chi: f64,
        resolution: EcalResolution,
    ) -> f64 {
        let width_at = |rs: f64| {
            DarkPhoton::new(rs, 1.0)
                .and_then(|a| a.with_dark_sector(alpha_d, m_chi))
                .map_or(0.0, |a| a.width_invisible())
        };
        let total_width = width_at(mass);
        if total_width <= 0.0 {
            return 0.0;
        }
        let resonance = Resonance {
            mass,
            total_width,
            partial_width_at: width_at,
        };
        let cut = EnergyCut {
            beam_energy: self.beam_energy,
            deposit_max: self.ecal_energy_max,
            resolution,
        };
        yield_per_primary(tracks, self.electrons_per_x0_cm2(), &resonance, &cut)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::preset;

    #[test]
    fn efficiency_number_or_table() {
        let base = preset::text("na64e-invisible").unwrap();
        // Today's files: one number.
        let p = preset::parse(base, "x").unwrap();
        assert_eq!(
            p.selection.signal_efficiency,
            SignalEfficiency::Constant(0.5)
        );
        // A table, interpolated in ln m and constant beyond its ends.
        let t = base.replace(
            "signal_efficiency = 0.5",
            "signal_efficiency = { mass_gev = [0.001, 0.1], efficiency = [0.7, 0.5] }",
        );
        let e = preset::parse(&t, "x").unwrap().selection.signal_efficiency;
        assert!((e.at(0.01) - 0.6).abs() < 1e-12);
        assert_eq!(e.at(1e-4), 0.7);
        assert_eq!(e.at(1.0), 0.5);
        // Bad tables are errors naming the key.
        for bad in [
            "{ mass_gev = [0.1, 0.001], efficiency = [0.7, 0.5] }",
            "{ mass_gev = [0.001], efficiency = [0.7, 0.5] }",
            "{ mass_gev = [0.001, 0.1], efficiency = [1.7, 0.5] }",
            "1.5",
        ] {
            let t = base.replace(
                "signal_efficiency = 0.5",
                &format!("signal_efficiency = {bad}"),
            );
            let err = preset::parse(&t, "x").unwrap_err().to_string();
            assert!(err.contains("signal_efficiency"), "{err}");
            assert_eq!(err.lines().count(), 1);
        }
    }

    #[test]
    fn annihilation_switch_and_positron_window() {
        let p = preset::load("na64e-invisible").unwrap();
        assert!(p.model.annihilation);
        assert!(
            !preset::load("na64e-invisible-2019")
                .unwrap()
                .model
                .annihilation
        );
        let setup = MissingEnergySetup {
            beam_energy: 100.0,
            ecal_energy_max: 50.0,
            material: p.material().unwrap(),
            thickness_x0: 40.0,
            positron_beam: false,
            method: BremMethod::Etl,
            shower_events: 20_000,
            seed: 1,
        };
        // The extended histogram keeps an edge at the cut and the bins above.
        let base = setup.track_lengths();
        let ext = setup.track_lengths_down_to(45.0);
        assert!(ext.edges[0] <= 45.0);
        let k = ext.edges.len() - base.edges.len();
        for (a, b) in base.edges.iter().zip(&ext.edges[k..]) {
            assert!((a / b - 1.0).abs() < 1e-12);
        }
        // Sharp cut: nothing below E_R ≈ 44 GeV (m = 0.212 GeV) for a narrow
        // resonance (α_D = 1e-4); the resonance at 70 GeV gives a yield.
        let r = EcalResolution::default();
        let lo = setup.annihilation_yield_per_eot(&ext, 0.212, 1e-4, 0.07, r);
        let hi = setup.annihilation_yield_per_eot(&ext, 0.267, 1e-4, 0.089, r);
        assert!(hi > 0.0 && lo < 1e-3 * hi, "{lo} {hi}");
    }
}
