//! Validated inputs of the per-nucleus production cross sections that the
//! CLI (`darkscan xsec …`) and the Python module expose: the range checks
//! live here, once, and both front ends only format the typed error.
//!
//! - [`BremXsecRequest`]: A′ bremsstrahlung e Z → e Z A′ at ε = 1
//!   ([`sigma_above`], ETL or IWW);
//! - [`PrimakoffXsecRequest`]: ALP Primakoff production γ N → a N
//!   ([`sigma_primakoff`]).
//!
//! Checks: the target is a known material ([`material::by_name`]); the beam
//! (or photon) energy is finite and positive; 0 < mass < energy (the produced
//! particle must be kinematically allowed at all); the energy-fraction cut
//! satisfies 0 ≤ x_min < 1; g_aγγ is finite.

use super::electron_brem::{BremMethod, Nucleus, sigma_above};
use super::primakoff::sigma_primakoff;
use crate::experiment::material::{self, Material};
use crate::units::HBARC2_GEV2_CM2;
use thiserror::Error;

/// What the incoming particle of a cross section is, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Projectile {
    /// The e± beam of A′ bremsstrahlung.
    Beam,
    /// The photon of Primakoff production.
    Photon,
}

impl Projectile {
    /// "beam" or "photon".
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Beam => "beam",
            Self::Photon => "photon",
        }
    }
}

/// An invalid cross-section input. `Display` names the parameter; front ends
/// that spell parameters differently (the CLI's `--energy`) use
/// [`XsecInputError::parameter`], [`XsecInputError::value`] and
/// [`XsecInputError::expectation`].
#[derive(Debug, Clone, PartialEq, Error)]
pub enum XsecInputError {
    /// The target is not a known material.
    #[error("unknown target material '{name}'; known: {}", known.join(", "))]
    UnknownTarget {
        /// The name given.
        name: String,
        /// The known material names.
        known: Vec<&'static str>,
    },
    /// The energy is not finite and positive.
    #[error("invalid energy {value}: {}", self.expectation())]
    Energy {
        /// The energy given, GeV.
        value: f64,
        /// Beam or photon.
        projectile: Projectile,
    },
    /// The mass is not in (0, energy).
    #[error("invalid mass {value}: {}", self.expectation())]
    Mass {
        /// The mass given, GeV.
        value: f64,
        /// The (valid) energy, GeV.
        energy: f64,
        /// Beam or photon.
        projectile: Projectile,
    },
    /// The mass lies below the validity of the bremsstrahlung cross sections
    /// ([`crate::production::electron_brem_light::LIGHT_MIN_MASS`]).
    #[error("invalid mass {}: {}", .0, self.expectation())]
    BremMassBelowRange(f64),
    /// The energy-fraction cut is not in [0, 1).
    #[error("invalid x_min {}: {}", .0, self.expectation())]
    XMin(f64),
    /// g_aγγ is not finite.
    #[error("invalid g_agg {}: {}", .0, self.expectation())]
    GAgg(f64),
}

impl XsecInputError {
    /// The parameter at fault: `target`, `energy`, `mass`, `x_min`, `g_agg`.
    #[must_use]
    pub fn parameter(&self) -> &'static str {
        match self {
            Self::UnknownTarget { .. } => "target",
            Self::Energy { .. } => "energy",
            Self::Mass { .. } | Self::BremMassBelowRange(_) => "mass",
            Self::XMin(_) => "x_min",
            Self::GAgg(_) => "g_agg",
        }
    }

    /// The offending value as given (the material name for a target).
    #[must_use]
    pub fn value(&self) -> String {
        match self {
            Self::UnknownTarget { name, .. } => name.clone(),
            Self::Energy { value, .. } | Self::Mass { value, .. } => value.to_string(),
            Self::XMin(v) | Self::GAgg(v) | Self::BremMassBelowRange(v) => v.to_string(),
        }
    }

    /// What was expected, e.g. "expected a positive energy in GeV".
    #[must_use]
    pub fn expectation(&self) -> String {
        match self {
            Self::UnknownTarget { known, .. } => format!("known: {}", known.join(", ")),
            Self::Energy { projectile, .. } => match projectile {
                Projectile::Beam => "expected a positive energy in GeV".to_owned(),
                Projectile::Photon => "expected a positive photon energy in GeV".to_owned(),
            },
            Self::Mass {
                energy, projectile, ..
            } => format!(
                "expected 0 < mass < {} energy ({energy} GeV)",
                projectile.name()
            ),
            Self::BremMassBelowRange(_) => format!(
                "expected a mass of at least {} GeV (the lowest mass at which the bremsstrahlung cross sections are checked)",
                crate::production::electron_brem_light::LIGHT_MIN_MASS
            ),
            Self::XMin(_) => "expected 0 <= x < 1".to_owned(),
            Self::GAgg(_) => "expected a finite coupling in 1/GeV".to_owned(),
        }
    }
}

fn target(name: &str) -> Result<Material, XsecInputError> {
    material::by_name(name).ok_or_else(|| XsecInputError::UnknownTarget {
        name: name.to_owned(),
        known: material::all().iter().map(|m| m.name).collect(),
    })
}

fn check_kinematics(energy: f64, mass: f64, projectile: Projectile) -> Result<(), XsecInputError> {
    if !(energy.is_finite() && energy > 0.0) {
        return Err(XsecInputError::Energy {
            value: energy,
            projectile,
        });
    }
    if !(mass.is_finite() && mass > 0.0 && mass < energy) {
        return Err(XsecInputError::Mass {
            value: mass,
            energy,
            projectile,
        });
    }
    Ok(())
}

/// A checked request for the A′ bremsstrahlung cross section per nucleus,
/// e Z → e Z A′ at ε = 1, above an energy-fraction cut.
#[derive(Debug, Clone, PartialEq)]
pub struct BremXsecRequest {
    /// The target material (production on its heaviest nucleus).
    pub material: Material,
    /// Beam energy in GeV.
    pub energy: f64,
    /// A′ mass in GeV.
    pub mass: f64,
    /// ETL or IWW.
    pub method: BremMethod,
    /// Only A′ with x = E_A′/E above this.
    pub x_min: f64,
}

impl BremXsecRequest {
    /// Checks the inputs (checked in this order: target, energy, mass,
    /// x_min).
    ///
    /// # Errors
    /// [`XsecInputError`] naming the first invalid input.
    pub fn new(
        target_name: &str,
        energy: f64,
        mass: f64,
        method: BremMethod,
        x_min: f64,
    ) -> Result<Self, XsecInputError> {
        let material = target(target_name)?;
        check_kinematics(energy, mass, Projectile::Beam)?;
        if mass < crate::production::electron_brem_light::LIGHT_MIN_MASS {
            return Err(XsecInputError::BremMassBelowRange(mass));
        }
        if !(x_min.is_finite() && (0.0..1.0).contains(&x_min)) {
            return Err(XsecInputError::XMin(x_min));
        }
        Ok(Self {
            material,
            energy,
            mass,
            method,
            x_min,
        })
    }

    /// σ(x > x_min) per nucleus in cm² at ε = 1 (scale by ε²):
    /// [`sigma_above`] × (ħc)².
    #[must_use]
    pub fn sigma_cm2(&self) -> f64 {
        let nucleus = Nucleus {
            z: self.material.z,
            a: self.material.a,
        };
        sigma_above(self.method, self.energy, self.mass, nucleus, self.x_min) * HBARC2_GEV2_CM2
    }
}

/// A checked request for the ALP Primakoff cross section γ N → a N on a
/// target's heaviest nucleus.
#[derive(Debug, Clone, PartialEq)]
pub struct PrimakoffXsecRequest {
    /// The target material.
    pub material: Material,
    /// Photon energy in GeV.
    pub energy: f64,
    /// ALP mass in GeV.
    pub mass: f64,
    /// g_aγγ in 1/GeV (σ ∝ g²).
    pub g_agg: f64,
}

impl PrimakoffXsecRequest {
    /// Checks the inputs (target, energy, mass, g_aγγ, in this order).
    ///
    /// # Errors
    /// [`XsecInputError`] naming the first invalid input.
    pub fn new(
        target_name: &str,
        energy: f64,
        mass: f64,
        g_agg: f64,
    ) -> Result<Self, XsecInputError> {
        let material = target(target_name)?;
        check_kinematics(energy, mass, Projectile::Photon)?;
        if !g_agg.is_finite() {
            return Err(XsecInputError::GAgg(g_agg));
        }
        Ok(Self {
            material,
            energy,
            mass,
            g_agg,
        })
    }

    /// σ per nucleus in cm²: [`sigma_primakoff`] × (ħc)².
    #[must_use]
    pub fn sigma_cm2(&self) -> f64 {
        sigma_primakoff(
            self.energy,
            self.mass,
            self.g_agg,
            self.material.z,
            self.material.a,
        ) * HBARC2_GEV2_CM2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brem_checks_in_order() {
        let e = BremXsecRequest::new("Xx", -1.0, 0.1, BremMethod::Etl, 0.0).unwrap_err();
        assert_eq!(e.parameter(), "target");
        assert!(
            e.to_string()
                .starts_with("unknown target material 'Xx'; known: Pb")
        );
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let e = BremXsecRequest::new("Pb", bad, 0.1, BremMethod::Etl, 0.0).unwrap_err();
            assert!(matches!(e, XsecInputError::Energy { .. }), "{e}");
            assert_eq!(e.expectation(), "expected a positive energy in GeV");
        }
        for bad in [0.0, -0.1, 100.0, 200.0, f64::NAN] {
            let e = BremXsecRequest::new("pb", 100.0, bad, BremMethod::Etl, 0.0).unwrap_err();
            assert_eq!(e.parameter(), "mass", "{bad}");
        }
        let e = BremXsecRequest::new("Pb", 100.0, 200.0, BremMethod::Etl, 0.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid mass 200: expected 0 < mass < beam energy (100 GeV)"
        );
        for bad in [-0.1, 1.0, f64::NAN] {
            let e = BremXsecRequest::new("Pb", 100.0, 0.01, BremMethod::Etl, bad).unwrap_err();
            assert!(matches!(e, XsecInputError::XMin(_)), "{e}");
            assert_eq!(e.expectation(), "expected 0 <= x < 1");
        }
        let ok = BremXsecRequest::new("Pb", 100.0, 0.01, BremMethod::Etl, 0.5).unwrap();
        assert!(ok.sigma_cm2() > 0.0);
    }

    #[test]
    fn primakoff_checks() {
        let e = PrimakoffXsecRequest::new("Pb", 1.0, 2.0, 1e-4).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid mass 2: expected 0 < mass < photon energy (1 GeV)"
        );
        let e = PrimakoffXsecRequest::new("Pb", -1.0, 0.1, 1e-4).unwrap_err();
        assert_eq!(e.expectation(), "expected a positive photon energy in GeV");
        let e = PrimakoffXsecRequest::new("W", 10.0, 0.1, f64::INFINITY).unwrap_err();
        assert_eq!(e.parameter(), "g_agg");
        assert_eq!(e.value(), "inf");
        let ok = PrimakoffXsecRequest::new("W", 10.0, 0.1, 1e-4).unwrap();
        assert!(ok.sigma_cm2() > 0.0);
    }
}
