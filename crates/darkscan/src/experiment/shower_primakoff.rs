//! ALPs made by the Primakoff effect on the photons of an electromagnetic
//! shower in an active target, seen when they decay beyond a shield or
//! escape: the NA64 ALP search (NA64, D. Banerjee et al., PRL 125 (2020)
//! 081801, arXiv:2005.02710; production calculation: R. R. Dusaev,
//! D. V. Kirpichnikov, M. M. Kirsanov, PRD 102 (2020) 055018,
//! arXiv:2004.04469).
//!
//! # Signal
//!
//! Hard bremsstrahlung photons of the 100 GeV electron shower in the ECAL
//! convert on the lead nuclei into ALPs, γ N → a N (coherent, E_a = E_γ;
//! [`crate::production::primakoff`]). The ALP crosses the first HCAL module
//! (a shield) and either decays to γγ in the rest of the HCAL (a shower-like
//! deposit) or beyond it (missing energy); both count. The ECAL keeps what the
//! shower left, E_ECAL = E₀ − E_a, so the selection E_ECAL < E_ECAL,max asks
//! for E_a > E₀ − E_ECAL,max. Per electron on target at coupling scale g:
//!
//! N_sig(m, g) = N_EOT · ε_sig(m) · g² · Σ_k T_γ(E_k) · n X₀ · σ_P(E_k, m; g = 1)
//! · exp(−L / (β_kγ_k cτ(m, g))),
//!
//! with T_γ the shower-photon track length per primary in X₀ in energy bin k
//! above E₀ − E_ECAL,max ([`crate::production::shower::simulate_with_photons`]),
//! n X₀ the lead nuclei per cm² in one radiation length of the shashlik (so
//! n X₀ σ T_γ is a probability), β_kγ_k = p_a/m_a at E_a = E_k, and L the
//! distance from the production point to the start of the decay region
//! (`selection.decay_region_start_m`). Decays before L (in the ECAL or the
//! shield) fail the selection, which gives the upper edge of the excluded
//! island; past L the exclusion is open (a escaping and a decaying in the
//! HCAL are both signal).
//!
//! # Approximations
//!
//! - The ALP is produced at the ECAL front (the photons above 50 GeV are made
//!   in its first few X₀, ≈ 3 cm of a ≈ 2 m flight) and flies along the beam
//!   (Primakoff angles are ≲ m_a/E_a ≈ 10⁻³).
//! - One efficiency ε_sig for both signatures; no HCAL containment or energy
//!   threshold for the decay photons (at E_a > 50 GeV both photons carry tens
//!   of GeV into a 60 × 60 cm² HCAL).
//! - Primakoff on the scintillator (Z² ≈ 1/200 of lead's) and incoherent
//!   production are neglected, as are shower photons that leave through the
//!   ECAL's sides (a 1D shower).

use crate::experiment::config::{ConfigError, from_toml};
use crate::experiment::material::{self, Material};
use crate::experiment::missing_energy::SignalEfficiency;
use crate::experiment::preset::{Beam, Exposure, Scan, ShowerSettings, Statistics, Target};
use crate::model::{Fip, ModelSpec};
use crate::production::primakoff::sigma_primakoff;
use crate::production::shower::{ShowerConfig, ShowerTallies, simulate_with_photons};
use crate::reach::{
    Plane, ReachError, ReachOptions, ReachResult, SignalFn, limits_and_grid, open_resume_for,
    result_meta, scan_grid_resumable, scan_masses, signal_upper_limit,
};
use crate::units::HBARC2_GEV2_CM2;
use serde::Deserialize;

/// The shipped shower-Primakoff presets: (name, TOML text).
pub const PRIMAKOFF_PRESETS: &[(&str, &str)] = &[(
    "na64e-alp-gamma",
    include_str!("../../presets/na64e-alp-gamma.toml"),
)];

/// Coupling name (table headers) and axis label of the results: the same
/// ASCII label as the ALP's `Fip::coupling_label` (`model::alp`), so CSV
/// headers and plot axes read alike for every ALP preset.
pub const COUPLING: (&str, &str) = ("g_agg", "g_agg [1/GeV]");

/// Signal selection of a shower-Primakoff search.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrimakoffSelection {
    /// Largest energy left in the active target (GeV): the ALP must carry
    /// more than E₀ minus this.
    pub ecal_energy_max_gev: f64,
    /// Distance (m) from the ALP's production point to the start of the
    /// decay region: decays before it are lost.
    pub decay_region_start_m: f64,
    /// Signal efficiency: one number or a table over the ALP mass.
    pub signal_efficiency: SignalEfficiency,
}

/// A shower-Primakoff preset (TOML, `kind = "shower-primakoff"`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrimakoffPreset {
    /// Must be "shower-primakoff".
    pub kind: String,
    /// Short name.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// Publication the preset reproduces.
    pub reference: String,
    /// Beam (e⁻ or e⁺).
    pub beam: Beam,
    /// Active target.
    pub target: Target,
    /// Electrons on target.
    pub exposure: Exposure,
    /// Selection.
    pub selection: PrimakoffSelection,
    /// Counting inputs of the limit.
    pub statistics: Statistics,
    /// The model: an ALP with a non-zero g_aγγ.
    pub model: ModelSpec,
    /// Mass and coupling grid.
    pub scan: Scan,
    /// Shower Monte Carlo settings.
    #[serde(default)]
    pub shower: ShowerSettings,
}

impl PrimakoffPreset {
    /// The target material.
    #[must_use]
    pub fn material(&self) -> Option<Material> {
        material::by_name(&self.target.material)
    }

    /// Smallest ALP energy that passes the selection, E₀ − E_ECAL,max (GeV).
    #[must_use]
    pub fn min_alp_energy(&self) -> f64 {
        self.beam.energy_gev - self.selection.ecal_energy_max_gev
    }

    /// The shower Monte Carlo configuration: photons and e± above the
    /// smallest accepted ALP energy, in the preset's target.
    pub fn shower_config(&self) -> Result<ShowerConfig, ReachError> {
        let material = self.material().ok_or_else(|| {
            ReachError::Preset(format!("unknown material '{}'", self.target.material))
        })?;
        let mut c = ShowerConfig::new(self.beam.energy_gev, self.min_alp_energy());
        c.primary_is_positron = self.beam.particle == "e+";
        c.critical_energy = material.critical_energy;
        c.depth_x0 = self.target.thickness_x0;
        c.n_events = self.shower.events;
        c.seed = self.shower.seed;
        Ok(c)
    }
}

/// Parses and validates a shower-Primakoff preset.
pub fn parse_preset(text: &str, source_name: &str) -> Result<PrimakoffPreset, ConfigError> {
    let p: PrimakoffPreset = from_toml(text, source_name)?;
    let bad = |key: &'static str, value: String, reason: &str| {
        ConfigError::invalid(source_name, key, value, reason)
    };
    ConfigError::check_kind(source_name, &p.kind, "shower-primakoff")?;
    if !matches!(p.beam.particle.as_str(), "e-" | "e+") {
        return Err(bad(
            "beam.particle",
            format!("'{}'", p.beam.particle),
            "a shower-Primakoff search needs an electron or positron beam (\"e-\", \"e+\")",
        ));
    }
    let e0 = p.beam.energy_gev;
    if !(e0.is_finite() && e0 > 0.0) {
        return Err(bad(
            "beam.energy_gev",
            e0.to_string(),
            "must be a positive number of GeV",
        ));
    }
    let cut = p.selection.ecal_energy_max_gev;
    if !(cut.is_finite() && cut > 0.0 && cut < e0) {
        return Err(bad(
            "selection.ecal_energy_max_gev",
            cut.to_string(),
            "must lie between 0 and the beam energy",
        ));
    }
    let l = p.selection.decay_region_start_m;
    if !(l.is_finite() && l >= 0.0) {
        return Err(bad(
            "selection.decay_region_start_m",
            l.to_string(),
            "must be a finite distance >= 0 m",
        ));
    }
    p.selection
        .signal_efficiency
        .validate()
        .map_err(|e| bad("selection.signal_efficiency", String::new(), &e))?;
    if p.material().is_none() {
        return Err(bad(
            "target.material",
            format!("'{}'", p.target.material),
            "unknown material",
        ));
    }
    let t = p.target.thickness_x0;
    if t.is_nan() || t <= 0.0 {
        return Err(bad(
            "target.thickness_x0",
            t.to_string(),
            "must be positive",
        ));
    }
    let n = p.exposure.particles_on_target;
    if !(n.is_finite() && n > 0.0) {
        return Err(bad(
            "exposure.particles_on_target",
            n.to_string(),
            "must be a finite positive number",
        ));
    }
    let s = &p.scan;
    if !(s.mass_min_gev > 0.0
        && s.mass_max_gev >= s.mass_min_gev
        && s.mass_max_gev < e0 - cut
        && s.n_masses >= 1
        && s.coupling_min > 0.0
        && s.coupling_max > s.coupling_min
        && s.coupling_max.is_finite()
        && s.n_couplings >= 2)
    {
        return Err(bad(
            "scan",
            format!("{s:?}"),
            "need 0 < mass_min_gev <= mass_max_gev < E0 - ecal_energy_max_gev, \
             0 < coupling_min < coupling_max, n_masses >= 1, n_couplings >= 2",
        ));
    }
    match p.model.alp() {
        Some(Ok(a)) if a.g_agg != 0.0 => {}
        Some(Ok(_)) => {
            return Err(bad(
                "model.g_agg",
                "0".into(),
                "Primakoff production needs a photon coupling",
            ));
        }
        Some(Err(e)) => return Err(bad("model", "alp".into(), &e.to_string())),
        None => {
            return Err(bad(
                "model.name",
                format!("'{}'", p.model.name()),
                "a shower-Primakoff search needs name = \"alp\"",
            ));
        }
    }
    if p.shower.events == 0 {
        return Err(bad("shower.events", "0".into(), "must be at least 1"));
    }
    crate::experiment::bounds::check_scan(source_name, &p.scan)?;
    if p.shower.events > crate::experiment::bounds::MAX_SHOWER_EVENTS {
        return Err(bad(
            "shower.events",
            p.shower.events.to_string(),
            "exceeds the cap of darkscan::experiment::bounds::MAX_SHOWER_EVENTS",
        ));
    }
    Ok(p)
}

/// The coupling-independent part of the signal at one mass: per energy bin
/// the ALPs per electron on target at g = 1 before the decay requirement,
/// and the ALP's βγ.
#[derive(Debug, Clone, PartialEq)]
pub struct PrimakoffYield {
    /// ALP mass (GeV).
    pub mass: f64,
    /// (ALPs per EOT at g = 1, βγ) per photon-energy bin.
    pub bins: Vec<(f64, f64)>,
}

impl PrimakoffYield {
    /// Σ_k T_γ(E_k) n X₀ σ_P(E_k, m; g = 1) over the bins with E_k > m:
    /// ALPs per primary at coupling scale 1 (photon coupling `g_agg1`
    /// GeV⁻¹) on nuclei (Z, A), `nuclei_per_x0_cm2` per X₀.
    #[must_use]
    pub fn new(
        tallies: &ShowerTallies,
        mass: f64,
        g_agg1: f64,
        z: f64,
        a: f64,
        nuclei_per_x0_cm2: f64,
    ) -> Self {
        let bins = tallies
            .tracks
            .centers()
            .iter()
            .zip(&tallies.photon)
            .filter(|&(&e, &t)| t > 0.0 && e > mass)
            .map(|(&e, &t)| {
                let sigma_cm2 = sigma_primakoff(e, mass, g_agg1, z, a) * HBARC2_GEV2_CM2;
                let beta_gamma = (e * e - mass * mass).sqrt() / mass;
                (t * nuclei_per_x0_cm2 * sigma_cm2, beta_gamma)
            })
            .collect();
        Self { mass, bins }
    }

    /// ALPs per primary at g = 1, whatever their decay point.
    #[must_use]
    pub fn total(&self) -> f64 {
        self.bins.iter().map(|b| b.0).sum()
    }

    /// ALPs per primary at coupling scale `g` (production ∝ g²) that decay
    /// beyond `l_m` metres, for a proper decay length `ctau_m` metres.
    #[must_use]
    pub fn beyond(&self, g: f64, l_m: f64, ctau_m: f64) -> f64 {
        let surviving: f64 = self
            .bins
            .iter()
            .map(|&(y, bg)| {
                let lambda = bg * ctau_m;
                if l_m <= 0.0 {
                    y
                } else if lambda > 0.0 {
                    y * (-l_m / lambda).exp()
                } else {
                    0.0
                }
            })
            .sum();
        g * g * surviving
    }
}

/// The reach of a shower-Primakoff preset (module docs): per mass the
/// excluded g_aγγ-scale island, the full signal grid and its metadata.
pub fn run_primakoff(
    label: &str,
    preset: &PrimakoffPreset,
    opts: &ReachOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<ReachResult, ReachError> {
    if opts.plane != Plane::Epsilon || opts.alpha_d.is_some() || opts.mass_ratio.is_some() {
        return Err(ReachError::Preset(
            "a shower-Primakoff (ALP) preset has no y plane, alpha_D or mass ratio".into(),
        ));
    }
    let exposure = opts.exposure.unwrap_or(preset.exposure.particles_on_target);
    if !(exposure.is_finite() && exposure > 0.0) {
        return Err(ReachError::InvalidExposure(exposure));
    }
    if !preset.statistics.observed_masses_gev.is_empty() {
        return Err(ReachError::Preset(
            "statistics.observed_masses_gev: this search reconstructs no mass; \
             give the total count in statistics.observed only"
                .into(),
        ));
    }
    let n_ul = signal_upper_limit(&preset.statistics, opts)?;
    let masses = scan_masses(&preset.scan, opts);
    let e_min = preset.min_alp_energy();
    for &m in &masses {
        if !(m.is_finite() && m > 0.0 && m < e_min) {
            return Err(ReachError::InvalidMass {
                mass: m,
                beam: preset.beam.energy_gev,
            });
        }
    }
    let alp = match preset.model.alp() {
        Some(Ok(a)) => a,
        Some(Err(e)) => return Err(ReachError::Preset(format!("model: {e}"))),
        None => return Err(ReachError::Preset("model: need name = \"alp\"".into())),
    };
    let material = preset
        .material()
        .ok_or_else(|| ReachError::Preset("unknown material".into()))?;
    let tallies = simulate_with_photons(&preset.shower_config()?);
    let couplings = preset.scan.couplings();
    let l_m = preset.selection.decay_region_start_m;
    let cache = open_resume_for(opts, "shower-primakoff", preset)?;
    let rows = scan_grid_resumable(
        &masses,
        &couplings,
        &vec![n_ul; masses.len()],
        |_, m| {
            let table = alp
                .decays(m)
                .map_err(|e| ReachError::Preset(format!("alp at {m} GeV: {e}")))?;
            let y = PrimakoffYield::new(
                &tallies,
                m,
                alp.g_agg,
                material.z,
                material.a,
                material.nuclei_per_x0_cm2,
            );
            let norm = exposure * preset.selection.signal_efficiency.at(m);
            Ok(SignalFn(move |g: f64| {
                norm * y.beyond(g, l_m, table.ctau_m(g))
            }))
        },
        progress,
        cache.as_ref(),
    )?;
    let (limits, grid) = limits_and_grid(&masses, &couplings, rows, |m| m, |g| g);
    Ok(ReachResult {
        preset: label.to_string(),
        model: "alp (Primakoff on shower photons)".into(),
        plane: Plane::Epsilon,
        exposure,
        signal_upper_limit: n_ul,
        limits,
        grid,
        channels: Vec::new(),
        meta: result_meta(
            Plane::Epsilon,
            COUPLING,
            "m_a",
            crate::reach::exposure_unit_of(&preset.beam.particle),
            &preset.statistics,
            opts,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> &'static str {
        PRIMAKOFF_PRESETS[0].1
    }

    #[test]
    fn shipped_preset_parses() {
        let p = parse_preset(text(), "x").unwrap();
        assert_eq!(p.name, "na64e-alp-gamma");
        assert!((p.min_alp_energy() - 50.0).abs() < 1e-12);
    }

    #[test]
    fn bad_values_are_one_line_errors_naming_the_key() {
        for (from, to, key) in [
            ("kind = \"shower-primakoff\"", "kind = \"nope\"", "kind"),
            (
                "decay_region_start_m = 2.2",
                "decay_region_start_m = -1.0",
                "decay_region_start_m",
            ),
            (
                "ecal_energy_max_gev = 50.0",
                "ecal_energy_max_gev = 150.0",
                "ecal_energy_max_gev",
            ),
            ("g_agg = 1.0", "g_agg = 0.0", "model"),
            ("particle = \"e-\"", "particle = \"p\"", "beam.particle"),
        ] {
            assert!(text().contains(from), "{from}");
            let e = parse_preset(&text().replace(from, to), "x")
                .unwrap_err()
                .to_string();
            assert!(e.contains(key), "{e}");
            assert_eq!(e.lines().count(), 1);
        }
    }

    #[test]
    fn decay_factor_limits() {
        let y = PrimakoffYield {
            mass: 0.05,
            bins: vec![(1e-3, 1000.0), (2e-3, 1500.0)],
        };
        assert!((y.total() - 3e-3).abs() < 1e-15);
        // Long-lived: everything survives, ∝ g².
        assert!((y.beyond(2.0, 2.0, f64::INFINITY) / (4.0 * 3e-3) - 1.0).abs() < 1e-12);
        // Prompt: nothing.
        assert_eq!(y.beyond(1.0, 2.0, 0.0), 0.0);
        // One decay length at βγ = 1000: e⁻¹ for that bin.
        let v = y.beyond(1.0, 2.0, 2e-3);
        let want = 1e-3 * (-1.0f64).exp() + 2e-3 * (-2.0f64 / 3.0).exp();
        assert!((v / want - 1.0).abs() < 1e-12);
    }
}
