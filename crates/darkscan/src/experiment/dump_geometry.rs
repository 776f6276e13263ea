//! Beam-dump geometry: where feebly-interacting particles (FIPs) are made,
//! where they may decay, and the detector stations their charged daughters
//! must cross.
//!
//! The geometry is a TOML file (`presets/geometry/*.toml`, embedded; unknown
//! keys are errors that name the key). The shipped `na62-dump` geometry is
//! NA62 in beam-dump mode: 400 GeV protons dumped on the closed TAX
//! collimators about 23 m downstream of the T10 target, a 105–180 m fiducial
//! decay volume, four straw chambers around the MNP33 dipole, the LKr
//! calorimeter and the MUV3 muon plane. Positions follow NA62 Collaboration,
//! "The beam and detector of the NA62 experiment at CERN", JINST 12 (2017)
//! P05025; the selection (pointing back to the TAX) follows NA62
//! Collaboration, "Search for dark photon decays to μ⁺μ⁻ at NA62",
//! JHEP 09 (2023) 035.
//!
//! Coordinates: z = 0 at T10, z along the beam axis, x horizontal (the bending
//! plane of MNP33), lengths in metres.
//!
//! Simplifications (documented, deliberate):
//! - stations are thin planes; the straw, LKr and MUV3 beam holes are centred
//!   on the z axis, whereas the real straw holes follow the beam deflected by
//!   MNP33 and are offset in x by about 0.1 m. For daughters of a boosted FIP
//!   (transverse offsets of tens of centimetres) the hole position matters at
//!   the per-cent level;
//! - the LKr octagon is a circle, MUV3 a square with a round hole;
//! - MNP33 is an instantaneous horizontal p_T kick at its centre that rotates
//!   the momentum in the x–z plane (|p| is conserved).

use crate::experiment::config::{ConfigError, from_toml, shipped_or_file};
use serde::Deserialize;

/// Why a geometry could not be loaded (the shared configuration error).
pub type GeometryError = ConfigError;

/// The geometries shipped with darkscan: (name, TOML text).
pub const GEOMETRIES: &[(&str, &str)] = &[(
    "na62-dump",
    include_str!("../../presets/geometry/na62-dump.toml"),
)];

/// A beam-dump experiment's geometry and signal selection.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DumpGeometry {
    /// Short name.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// Sources of the numbers.
    pub reference: String,
    /// Where the FIPs are produced.
    pub production: Production,
    /// Fiducial decay volume.
    pub fiducial: Fiducial,
    /// Tracking chambers.
    pub straws: Straws,
    /// Spectrometer dipole.
    pub magnet: Magnet,
    /// Electromagnetic calorimeter.
    pub lkr: Lkr,
    /// Muon plane (required for muon daughters only).
    pub muv3: Muv3,
    /// Momentum thresholds, pointing resolution and signal region.
    pub selection: DumpSelection,
    /// Monte Carlo settings of the acceptance sample.
    #[serde(default)]
    pub sampling: Sampling,
}

/// Production point.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Production {
    /// z of the dump (TAX) on the beam axis, metres from T10.
    pub tax_z_m: f64,
}

/// Fiducial decay volume: a cylinder around the beam axis.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fiducial {
    /// Upstream end (m).
    pub z_min_m: f64,
    /// Downstream end (m).
    pub z_max_m: f64,
    /// Radius around the beam axis (m).
    pub radius_m: f64,
}

/// Straw chambers: annuli at the listed z positions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Straws {
    /// z of each chamber (m), increasing.
    pub z_m: Vec<f64>,
    /// Beam-hole radius (m).
    pub inner_radius_m: f64,
    /// Outer active radius (m).
    pub outer_radius_m: f64,
}

/// The spectrometer dipole as a thin horizontal kick.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Magnet {
    /// z of the kick (m).
    pub z_m: f64,
    /// Transverse momentum kick in x, GeV; a positive charge is kicked
    /// towards +x, a negative one towards −x.
    pub pt_kick_gev: f64,
}

/// The LKr calorimeter front face (annulus).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lkr {
    /// z of the front face (m).
    pub z_m: f64,
    /// Beam-hole radius (m).
    pub inner_radius_m: f64,
    /// Outer radius (m).
    pub outer_radius_m: f64,
}

/// The MUV3 muon plane: a square with a round beam hole.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Muv3 {
    /// z of the plane (m).
    pub z_m: f64,
    /// Half of the side of the square (m).
    pub half_size_m: f64,
    /// Beam-hole radius (m).
    pub hole_radius_m: f64,
}

/// Daughter thresholds, pointing resolution and the signal region.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DumpSelection {
    /// Minimum momentum of every charged daughter (GeV).
    pub min_momentum_gev: f64,
    /// Minimum momentum of a muon daughter, for its identification (GeV).
    pub muon_min_momentum_gev: f64,
    /// Signal region: CDA_TAX below this (m).
    pub cda_max_m: f64,
    /// Signal region: Z_TAX above this (m).
    pub z_tax_min_m: f64,
    /// Signal region: Z_TAX below this (m).
    pub z_tax_max_m: f64,
    /// Gaussian resolution of each transverse coordinate of the
    /// closest-approach point, hence of CDA_TAX (m).
    pub sigma_cda_m: f64,
    /// Gaussian resolution of Z_TAX (m).
    pub sigma_z_m: f64,
    /// γγ final states: minimum energy of each photon in the LKr (GeV).
    /// Default 3 GeV, an **assumed** cluster threshold (the NA62 γγ
    /// dump selection was not reachable).
    #[serde(default = "default_photon_min_energy_gev")]
    pub photon_min_energy_gev: f64,
    /// γγ final states: minimum distance between the two clusters at the
    /// LKr front face (m). Default 0.1 m (**assumed**, a few Molière radii
    /// of krypton, R_M = 4.7 cm).
    #[serde(default = "default_photon_min_separation_m")]
    pub photon_min_separation_m: f64,
}

fn default_photon_min_energy_gev() -> f64 {
    3.0
}

fn default_photon_min_separation_m() -> f64 {
    0.1
}

/// Monte Carlo settings of the per-mass acceptance sample.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sampling {
    /// Decay points per FIP (1–64), one in each of as many equal strata of
    /// its path through the decay volume.
    pub decay_points: usize,
}

impl Default for Sampling {
    fn default() -> Self {
        Self { decay_points: 12 }
    }
}

/// Names of the shipped geometries.
#[must_use]
pub fn names() -> Vec<&'static str> {
    GEOMETRIES.iter().map(|(n, _)| *n).collect()
}

/// The TOML text of a shipped geometry.
#[must_use]
pub fn text(name: &str) -> Option<&'static str> {
    GEOMETRIES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Loads a shipped geometry by name, or else a TOML file by path.
pub fn load(name_or_path: &str) -> Result<DumpGeometry, GeometryError> {
    let text = shipped_or_file(name_or_path, GEOMETRIES, "geometry")?;
    parse(&text, name_or_path)
}

/// Parses and validates geometry TOML text; `source_name` labels errors.
pub fn parse(text: &str, source_name: &str) -> Result<DumpGeometry, GeometryError> {
    let g: DumpGeometry = from_toml(text, source_name)?;
    g.validate(source_name)?;
    Ok(g)
}

impl DumpGeometry {
    /// The shipped NA62 beam-dump geometry.
    ///
    /// # Panics
    /// Never: the embedded file is checked by the tests.
    #[must_use]
    pub fn na62() -> Self {
        load("na62-dump").expect("embedded na62-dump geometry is valid")
    }

    /// Checks ranges and the ordering of the stations along z.
    pub fn validate(&self, src: &str) -> Result<(), GeometryError> {
        let bad = |key: &'static str, value: String, reason: &str| {
            ConfigError::invalid(src, key, value, reason)
        };
        let finite = |key: &'static str, v: f64| {
            if v.is_finite() {
                Ok(())
            } else {
                Err(bad(key, v.to_string(), "must be a finite number"))
            }
        };
        let positive = |key: &'static str, v: f64| {
            if v.is_finite() && v > 0.0 {
                Ok(())
            } else {
                Err(bad(key, v.to_string(), "must be a finite positive number"))
            }
        };
        let non_negative = |key: &'static str, v: f64| {
            if v.is_finite() && v >= 0.0 {
                Ok(())
            } else {
                Err(bad(key, v.to_string(), "must be a finite number >= 0"))
            }
        };
        let below = |key: &'static str, v: f64, limit: f64, what: &str| {
            if v < limit {
                Ok(())
            } else {
                Err(bad(key, v.to_string(), &format!("must be below {what}")))
            }
        };
        finite("production.tax_z_m", self.production.tax_z_m)?;
        finite("fiducial.z_min_m", self.fiducial.z_min_m)?;
        finite("fiducial.z_max_m", self.fiducial.z_max_m)?;
        positive("fiducial.radius_m", self.fiducial.radius_m)?;
        below(
            "production.tax_z_m",
            self.production.tax_z_m,
            self.fiducial.z_min_m,
            "fiducial.z_min_m",
        )?;
        below(
            "fiducial.z_min_m",
            self.fiducial.z_min_m,
            self.fiducial.z_max_m,
            "fiducial.z_max_m",
        )?;
        if self.straws.z_m.is_empty() {
            return Err(bad("straws.z_m", "[]".into(), "needs at least one chamber"));
        }
        let mut prev = self.fiducial.z_max_m;
        for &z in &self.straws.z_m {
            finite("straws.z_m", z)?;
            if z <= prev {
                return Err(bad(
                    "straws.z_m",
                    format!("{:?}", self.straws.z_m),
                    "chambers must lie downstream of fiducial.z_max_m, in increasing z",
                ));
            }
            prev = z;
        }
        non_negative("straws.inner_radius_m", self.straws.inner_radius_m)?;
        positive("straws.outer_radius_m", self.straws.outer_radius_m)?;
        below(
            "straws.inner_radius_m",
            self.straws.inner_radius_m,
            self.straws.outer_radius_m,
            "straws.outer_radius_m",
        )?;
        finite("magnet.z_m", self.magnet.z_m)?;
        non_negative("magnet.pt_kick_gev", self.magnet.pt_kick_gev)?;
        below(
            "fiducial.z_max_m",
            self.fiducial.z_max_m,
            self.magnet.z_m,
            "magnet.z_m",
        )?;
        finite("lkr.z_m", self.lkr.z_m)?;
        non_negative("lkr.inner_radius_m", self.lkr.inner_radius_m)?;
        positive("lkr.outer_radius_m", self.lkr.outer_radius_m)?;
        below(
            "lkr.inner_radius_m",
            self.lkr.inner_radius_m,
            self.lkr.outer_radius_m,
            "lkr.outer_radius_m",
        )?;
        below(
            "magnet.z_m",
            self.magnet.z_m,
            self.lkr.z_m,
            "lkr.z_m (the kick must act before the calorimeter)",
        )?;
        finite("muv3.z_m", self.muv3.z_m)?;
        positive("muv3.half_size_m", self.muv3.half_size_m)?;
        non_negative("muv3.hole_radius_m", self.muv3.hole_radius_m)?;
        below(
            "magnet.z_m",
            self.magnet.z_m,
            self.muv3.z_m,
            "muv3.z_m (the kick must act before the muon plane)",
        )?;
        let s = &self.selection;
        non_negative("selection.min_momentum_gev", s.min_momentum_gev)?;
        non_negative("selection.muon_min_momentum_gev", s.muon_min_momentum_gev)?;
        positive("selection.cda_max_m", s.cda_max_m)?;
        finite("selection.z_tax_min_m", s.z_tax_min_m)?;
        finite("selection.z_tax_max_m", s.z_tax_max_m)?;
        below(
            "selection.z_tax_min_m",
            s.z_tax_min_m,
            s.z_tax_max_m,
            "selection.z_tax_max_m",
        )?;
        non_negative("selection.sigma_cda_m", s.sigma_cda_m)?;
        non_negative("selection.sigma_z_m", s.sigma_z_m)?;
        let k = self.sampling.decay_points;
        if !(1..=64).contains(&k) {
            return Err(bad(
                "sampling.decay_points",
                k.to_string(),
                "must lie in 1..=64",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_geometry_loads() {
        let g = DumpGeometry::na62();
        assert_eq!(g.straws.z_m.len(), 4);
        assert_eq!(g.fiducial.z_min_m, 105.0);
        assert_eq!(g.sampling.decay_points, 12);
    }

    #[test]
    fn unknown_key_is_named() {
        let t = text("na62-dump")
            .unwrap()
            .replace("pt_kick_gev", "pt_kick_mev");
        let e = parse(&t, "x.toml").unwrap_err().to_string();
        assert!(e.contains("pt_kick_mev"), "{e}");
        assert!(e.starts_with("x.toml: line "), "{e}");
    }

    #[test]
    fn invalid_value_is_named() {
        let t = text("na62-dump")
            .unwrap()
            .replace("z_max_m = 180.0", "z_max_m = 90.0");
        let e = parse(&t, "x.toml").unwrap_err().to_string();
        assert!(e.contains("fiducial.z_min_m"), "{e}");
        let t = text("na62-dump")
            .unwrap()
            .replace("decay_points = 12", "decay_points = 65");
        let e = parse(&t, "x.toml").unwrap_err().to_string();
        assert!(e.contains("sampling.decay_points"), "{e}");
        assert!(matches!(
            load("no-such-geometry"),
            Err(GeometryError::Unknown { .. })
        ));
    }
}
