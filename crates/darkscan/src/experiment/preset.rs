//! Experiment presets: TOML files describing one published search (beam,
//! target, exposure, selection, background, observed count, statistical
//! method, model and scan grid).
//!
//! The shipped presets live in `crates/darkscan/presets/` and are embedded in
//! the binary; `darkscan preset show NAME` prints one, and a user can copy,
//! edit and pass the file instead of the name. Unknown keys are errors, so a
//! mistyped key is reported rather than silently ignored.

use crate::experiment::config::{ConfigError, from_toml, shipped_or_file};
use crate::experiment::material::{self, Material};
pub use crate::experiment::missing_energy::{EfficiencyTable, SignalEfficiency};
use crate::production::annihilation::EcalResolution;
use crate::production::electron_brem::BremMethod;
use crate::production::preshower::PreshowerRequirement;
use crate::stats::LimitMethod;
use serde::Deserialize;

pub use crate::reach::config::{Scan, Statistics};

/// Why a preset could not be loaded (the shared configuration error).
pub type PresetError = ConfigError;

/// The presets shipped with darkscan: (name, TOML text).
pub const PRESETS: &[(&str, &str)] = &[
    (
        "na64e-invisible",
        include_str!("../../presets/na64e-invisible.toml"),
    ),
    (
        "na64e-invisible-2019",
        include_str!("../../presets/na64e-invisible-2019.toml"),
    ),
    (
        "na64e-invisible-2019-scalar",
        include_str!("../../presets/na64e-invisible-2019-scalar.toml"),
    ),
    (
        "na64e-invisible-2019-pseudoscalar",
        include_str!("../../presets/na64e-invisible-2019-pseudoscalar.toml"),
    ),
    (
        "na64e-invisible-2019-axial",
        include_str!("../../presets/na64e-invisible-2019-axial.toml"),
    ),
    (
        "na64e-b-minus-l-2022",
        include_str!("../../presets/na64e-b-minus-l-2022.toml"),
    ),
    (
        "na64e-positron-2022",
        include_str!("../../presets/na64e-positron-2022.toml"),
    ),
];

/// A search configuration.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// The search kind: `"missing-energy"`, or absent in files written
    /// before every preset named its kind ([`crate::experiment::search`]).
    #[serde(default)]
    pub kind: Option<String>,
    /// Short name.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// Publication the preset reproduces.
    pub reference: String,
    /// Incoming beam.
    pub beam: Beam,
    /// Target.
    pub target: Target,
    /// Number of beam particles on target.
    pub exposure: Exposure,
    /// Signal selection.
    pub selection: Selection,
    /// Counting-experiment inputs.
    pub statistics: Statistics,
    /// FIP model and production method.
    pub model: ModelConfig,
    /// Default grid.
    pub scan: Scan,
    /// Shower Monte Carlo settings (missing-energy searches).
    #[serde(default)]
    pub shower: ShowerSettings,
}

/// Beam settings.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Beam {
    /// "e-", "e+", "mu-", "p".
    pub particle: String,
    /// Beam energy in GeV.
    pub energy_gev: f64,
}

/// Target settings.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Material name (see [`material::all`]).
    pub material: String,
    /// Thickness in radiation lengths.
    pub thickness_x0: f64,
}

/// Exposure.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exposure {
    /// Beam particles on target (EOT, MOT or POT).
    pub particles_on_target: f64,
}

/// Signal selection.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// Missing-energy searches: maximum energy left in the target/ECAL (GeV).
    pub ecal_energy_max_gev: f64,
    /// Overall signal efficiency: one number, or a table over the A′ mass
    /// interpolated in ln m (see [`SignalEfficiency`]).
    pub signal_efficiency: SignalEfficiency,
    /// Stochastic term a of the calorimeter resolution σ_E/E = a/√E ⊕ b,
    /// which smears the E_ECAL cut for resonant annihilation (0: sharp).
    #[serde(default)]
    pub ecal_resolution_stochastic: f64,
    /// Constant term b of that resolution (0 by default).
    #[serde(default)]
    pub ecal_resolution_constant: f64,
    /// Preshower depth X_PS in X₀ of a minimum-preshower-energy requirement
    /// on resonant annihilation of the primary positron
    /// ([`crate::production::preshower`]); given together with
    /// `preshower_energy_min_gev`. Absent (default): no requirement.
    #[serde(default)]
    pub preshower_x0: Option<f64>,
    /// Minimum energy E_PS,min (GeV) in the first `preshower_x0` X₀.
    #[serde(default)]
    pub preshower_energy_min_gev: Option<f64>,
}

impl Selection {
    /// The preshower requirement, if both of its keys are given (checked
    /// when the preset is loaded).
    #[must_use]
    pub fn preshower(&self) -> Option<PreshowerRequirement> {
        match (self.preshower_x0, self.preshower_energy_min_gev) {
            (Some(depth_x0), Some(energy_min)) => Some(PreshowerRequirement {
                depth_x0,
                energy_min,
            }),
            _ => None,
        }
    }

    /// The calorimeter resolution that smears the missing-energy cut.
    #[must_use]
    pub fn ecal_resolution(&self) -> EcalResolution {
        EcalResolution {
            stochastic: self.ecal_resolution_stochastic,
            constant: self.ecal_resolution_constant,
        }
    }
}

/// FIP model.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelConfig {
    /// Model name: "dark-photon-invisible", or "b-minus-l" (a B−L Z′ decaying
    /// to neutrinos, [`crate::model::b_minus_l`]; coupling axis g_{B−L}).
    pub name: String,
    /// Bremsstrahlung cross-section method: "etl" or "iww".
    pub cross_section: String,
    /// Dark coupling α_D (y plane and BR_inv). Required for
    /// "dark-photon-invisible"; must be absent for "b-minus-l" (NaN stands
    /// for absent).
    #[serde(default = "absent")]
    pub alpha_d: f64,
    /// m_A′/m_χ (same rule as `alpha_d`).
    #[serde(default = "absent")]
    pub mass_ratio: f64,
    /// "b-minus-l": three massless right-handed neutrinos (the unbroken
    /// model; default true).
    #[serde(default)]
    pub light_right_handed: Option<bool>,
    /// "b-minus-l": three heavy Majorana N with m_N = ratio × m_Z′ (the
    /// broken model; needs `light_right_handed = false`).
    #[serde(default)]
    pub heavy_neutrino_mass_ratio: Option<f64>,
    /// Add resonant annihilation of shower positrons, e⁺e⁻ → A′
    /// ([`crate::production::annihilation`]) to the bremsstrahlung yield.
    /// Off when absent, so files written before it reproduce their results;
    /// the shipped `na64e-invisible` turns it on.
    #[serde(default)]
    pub annihilation: bool,
}

/// The model names a missing-energy preset may give.
const SUPPORTED_MODELS: &str = "supported: dark-photon-invisible, b-minus-l, scalar-invisible, \
     pseudoscalar-invisible, vector-invisible, axial-invisible";

/// The value of a model number the preset does not give.
fn absent() -> f64 {
    f64::NAN
}

impl ModelConfig {
    /// The B−L model of a "b-minus-l" preset (`None` for other models).
    #[must_use]
    pub fn b_minus_l(&self) -> Option<crate::model::b_minus_l::BMinusLModel> {
        (self.name == "b-minus-l").then(|| crate::model::b_minus_l::BMinusLModel {
            light_right_handed: self.light_right_handed.unwrap_or(true),
            heavy_neutrino_mass_ratio: self.heavy_neutrino_mass_ratio,
        })
    }

    /// The boson of a "scalar-invisible", "pseudoscalar-invisible",
    /// "vector-invisible" or "axial-invisible" preset: an X coupled only to
    /// the electron, decaying invisibly
    /// ([`crate::experiment::missing_energy_boson`]); `None` otherwise.
    #[must_use]
    pub fn electron_boson(&self) -> Option<crate::model::electron_g2::BosonType> {
        use crate::model::electron_g2::BosonType;
        match self.name.as_str() {
            "scalar-invisible" => Some(BosonType::Scalar),
            "pseudoscalar-invisible" => Some(BosonType::Pseudoscalar),
            "vector-invisible" => Some(BosonType::Vector),
            "axial-invisible" => Some(BosonType::Axial),
            _ => None,
        }
    }
}

/// Shower Monte Carlo settings.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowerSettings {
    /// Number of primaries simulated.
    pub events: u64,
    /// Random seed.
    pub seed: u64,
}

impl Default for ShowerSettings {
    fn default() -> Self {
        Self {
            events: 100_000,
            seed: 1,
        }
    }
}

/// Names of the shipped presets.
#[must_use]
pub fn names() -> Vec<&'static str> {
    PRESETS.iter().map(|(n, _)| *n).collect()
}

/// The TOML text of a shipped preset.
#[must_use]
pub fn text(name: &str) -> Option<&'static str> {
    PRESETS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Loads a shipped preset by name, or else a TOML file by path.
pub fn load(name_or_path: &str) -> Result<Preset, PresetError> {
    let text = shipped_or_file(name_or_path, PRESETS, "preset")?;
    parse(&text, name_or_path)
}

/// Parses and validates preset TOML text; `source_name` labels errors.
pub fn parse(text: &str, source_name: &str) -> Result<Preset, PresetError> {
    let preset: Preset = from_toml(text, source_name)?;
    preset.validate(source_name)?;
    Ok(preset)
}

impl Preset {
    fn validate(&self, src: &str) -> Result<(), PresetError> {
        let bad = |key: &'static str, value: String, reason: &str| {
            ConfigError::invalid(src, key, value, reason)
        };
        let positive = |key: &'static str, v: f64| {
            if v.is_finite() && v > 0.0 {
                Ok(())
            } else {
                Err(bad(key, v.to_string(), "must be a finite positive number"))
            }
        };
        positive("beam.energy_gev", self.beam.energy_gev)?;
        positive("target.thickness_x0", self.target.thickness_x0)?;
        positive(
            "exposure.particles_on_target",
            self.exposure.particles_on_target,
        )?;
        positive(
            "selection.ecal_energy_max_gev",
            self.selection.ecal_energy_max_gev,
        )?;
        if let Some(z) = self.model.b_minus_l() {
            for (key, v) in [
                ("model.alpha_d", self.model.alpha_d),
                ("model.mass_ratio", self.model.mass_ratio),
            ] {
                if !v.is_nan() {
                    return Err(bad(key, v.to_string(), "not a parameter of b-minus-l"));
                }
            }
            if self.model.annihilation {
                return Err(bad(
                    "model.annihilation",
                    "true".into(),
                    "not implemented for b-minus-l",
                ));
            }
            if let Err(e) = z.validate() {
                return Err(bad(
                    "model.heavy_neutrino_mass_ratio",
                    format!("{:?}", self.model.heavy_neutrino_mass_ratio),
                    &e.to_string(),
                ));
            }
        } else if self.model.electron_boson().is_some() {
            for (key, given) in [
                ("model.alpha_d", !self.model.alpha_d.is_nan()),
                ("model.mass_ratio", !self.model.mass_ratio.is_nan()),
                (
                    "model.light_right_handed",
                    self.model.light_right_handed.is_some(),
                ),
                (
                    "model.heavy_neutrino_mass_ratio",
                    self.model.heavy_neutrino_mass_ratio.is_some(),
                ),
                ("model.annihilation", self.model.annihilation),
            ] {
                if given {
                    return Err(bad(
                        key,
                        "(given)".into(),
                        "not a parameter of an electron-coupled S, P, V, A boson (BR(X -> invisible) = 1)",
                    ));
                }
            }
        } else if self.model.name != "dark-photon-invisible" {
            return Err(bad(
                "model.name",
                format!("'{}'", self.model.name),
                SUPPORTED_MODELS,
            ));
        } else {
            positive("model.alpha_d", self.model.alpha_d)?;
            for (key, given) in [
                (
                    "model.light_right_handed",
                    self.model.light_right_handed.is_some(),
                ),
                (
                    "model.heavy_neutrino_mass_ratio",
                    self.model.heavy_neutrino_mass_ratio.is_some(),
                ),
            ] {
                if given {
                    return Err(bad(
                        key,
                        "(given)".into(),
                        "only for model.name = b-minus-l",
                    ));
                }
            }
        }
        positive("scan.mass_min_gev", self.scan.mass_min_gev)?;
        positive("scan.mass_max_gev", self.scan.mass_max_gev)?;
        positive("scan.coupling_min", self.scan.coupling_min)?;
        positive("scan.coupling_max", self.scan.coupling_max)?;
        if !["e-", "e+"].contains(&self.beam.particle.as_str()) {
            return Err(bad(
                "beam.particle",
                format!("'{}'", self.beam.particle),
                "supported: e-, e+",
            ));
        }
        if self.material().is_none() {
            let known: Vec<_> = material::all().iter().map(|m| m.name).collect();
            return Err(bad(
                "target.material",
                format!("'{}'", self.target.material),
                &format!("unknown material; known: {}", known.join(", ")),
            ));
        }
        if let Err(e) = self.selection.signal_efficiency.validate() {
            return Err(bad(
                "selection.signal_efficiency",
                match &self.selection.signal_efficiency {
                    SignalEfficiency::Constant(e) => e.to_string(),
                    SignalEfficiency::Table(_) => "(table)".to_string(),
                },
                &e,
            ));
        }
        for (key, v) in [
            (
                "selection.ecal_resolution_stochastic",
                self.selection.ecal_resolution_stochastic,
            ),
            (
                "selection.ecal_resolution_constant",
                self.selection.ecal_resolution_constant,
            ),
        ] {
            if !(v.is_finite() && (0.0..1.0).contains(&v)) {
                return Err(bad(key, v.to_string(), "must lie in [0, 1)"));
            }
        }
        match (
            self.selection.preshower_x0,
            self.selection.preshower_energy_min_gev,
        ) {
            (None, None) => {}
            (Some(x0), Some(e)) => {
                if let Err(why) = (PreshowerRequirement {
                    depth_x0: x0,
                    energy_min: e,
                })
                .validate()
                {
                    return Err(bad(
                        "selection.preshower_x0",
                        format!("{x0}, {e} GeV"),
                        &why,
                    ));
                }
                if x0 > self.target.thickness_x0 || e >= self.beam.energy_gev {
                    return Err(bad(
                        "selection.preshower_x0",
                        format!("{x0}, {e} GeV"),
                        "the preshower must lie inside the target and need less than the beam energy",
                    ));
                }
            }
            (x0, _) => {
                return Err(bad(
                    if x0.is_some() {
                        "selection.preshower_energy_min_gev"
                    } else {
                        "selection.preshower_x0"
                    },
                    "(missing)".into(),
                    "preshower_x0 and preshower_energy_min_gev go together",
                ));
            }
        }
        if self.selection.ecal_energy_max_gev >= self.beam.energy_gev {
            return Err(bad(
                "selection.ecal_energy_max_gev",
                self.selection.ecal_energy_max_gev.to_string(),
                "must be below the beam energy",
            ));
        }
        let s = &self.statistics;
        if !(s.background.is_finite() && s.background >= 0.0) {
            return Err(bad(
                "statistics.background",
                s.background.to_string(),
                "must be >= 0",
            ));
        }
        if !(s.background_error.is_finite() && s.background_error >= 0.0) {
            return Err(bad(
                "statistics.background_error",
                s.background_error.to_string(),
                "must be >= 0",
            ));
        }
        if !(s.cl.is_finite() && s.cl > 0.0 && s.cl < 1.0) {
            return Err(bad(
                "statistics.cl",
                s.cl.to_string(),
                "must lie strictly between 0 and 1",
            ));
        }
        if let Err(e) = self.limit_method() {
            return Err(bad("statistics.method", format!("'{}'", s.method), &e));
        }
        if let Err(e) = self.brem_method() {
            return Err(bad(
                "model.cross_section",
                format!("'{}'", self.model.cross_section),
                &e,
            ));
        }
        if !["dark-photon-invisible", "b-minus-l"].contains(&self.model.name.as_str())
            && self.model.electron_boson().is_none()
        {
            return Err(bad(
                "model.name",
                format!("'{}'", self.model.name),
                SUPPORTED_MODELS,
            ));
        }
        if self.model.b_minus_l().is_none()
            && self.model.electron_boson().is_none()
            && !(self.model.mass_ratio.is_finite() && self.model.mass_ratio > 2.0)
        {
            return Err(bad(
                "model.mass_ratio",
                self.model.mass_ratio.to_string(),
                "m_A'/m_chi must exceed 2 for A' -> chi chi",
            ));
        }
        if self.scan.mass_min_gev > self.scan.mass_max_gev {
            return Err(bad(
                "scan.mass_min_gev",
                self.scan.mass_min_gev.to_string(),
                "exceeds scan.mass_max_gev",
            ));
        }
        if self.scan.coupling_min >= self.scan.coupling_max {
            return Err(bad(
                "scan.coupling_min",
                self.scan.coupling_min.to_string(),
                "must be below scan.coupling_max",
            ));
        }
        if self.scan.n_masses == 0 {
            return Err(bad("scan.n_masses", "0".into(), "must be at least 1"));
        }
        if self.scan.n_couplings < 2 {
            return Err(bad(
                "scan.n_couplings",
                self.scan.n_couplings.to_string(),
                "must be at least 2",
            ));
        }
        if self.shower.events == 0 {
            return Err(bad("shower.events", "0".into(), "must be at least 1"));
        }
        super::bounds::check_preset(src, self)?;
        Ok(())
    }

    /// The target material.
    #[must_use]
    pub fn material(&self) -> Option<Material> {
        material::by_name(&self.target.material)
    }

    /// The statistical method.
    pub fn limit_method(&self) -> Result<LimitMethod, String> {
        self.statistics.method.parse()
    }

    /// The cross-section method.
    pub fn brem_method(&self) -> Result<BremMethod, String> {
        self.model.cross_section.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_presets_parse() {
        for name in names() {
            let p = load(name).unwrap();
            assert_eq!(p.name, name);
        }
    }

    #[test]
    fn errors_name_the_key() {
        let base = text("na64e-invisible").unwrap();
        let missing = base.replace("energy_gev = 100.0\n", "");
        let e = parse(&missing, "x.toml").unwrap_err().to_string();
        assert!(e.contains("energy_gev"), "{e}");
        let typo = base.replace("signal_efficiency", "signal_eficiency");
        let e = parse(&typo, "x.toml").unwrap_err().to_string();
        assert!(e.contains("signal_eficiency"), "{e}");
        let wrong_type = base.replace("observed = 0", "observed = \"none\"");
        let e = parse(&wrong_type, "x.toml").unwrap_err().to_string();
        assert!(e.contains("line"), "{e}");
        let neg = base.replace(
            "particles_on_target = 9.37e11",
            "particles_on_target = -1.0",
        );
        let e = parse(&neg, "x.toml").unwrap_err().to_string();
        assert!(e.contains("exposure.particles_on_target"), "{e}");
        let mat = base.replace("material = \"na64-ecal\"", "material = \"kryptonite\"");
        let e = parse(&mat, "x.toml").unwrap_err().to_string();
        assert!(e.contains("kryptonite"), "{e}");
        for e in [
            parse(&missing, "x").unwrap_err(),
            parse(&typo, "x").unwrap_err(),
        ] {
            assert_eq!(e.to_string().lines().count(), 1);
        }
        assert!(matches!(
            load("no-such-preset"),
            Err(PresetError::Unknown { .. })
        ));
    }
}
