//! Which model a preset names: the `[model]` table of a beam-dump preset,
//! `name = "dark-photon"` (the default when the table is absent) plus that
//! model's coupling vector. This is the one place that maps model names to
//! types; everything downstream sees a [`Fip`].

use super::{DarkPhotonModel, Fip, ModelError};
use crate::model::alp::AlpModel;
use crate::model::dark_photon::DarkSectorRatio;
use crate::model::hnl::HnlModel;
use crate::model::scalar::ScalarModel;
use serde::{Deserialize, Serialize};

/// A model and its coupling vector, as written in a preset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "name", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ModelSpec {
    /// The minimal dark photon (coupling axis ε); with `alpha_d` and
    /// `mass_ratio` it also decays to Dirac dark matter of mass m/R.
    DarkPhoton {
        /// Dark coupling α_D (with `mass_ratio`).
        #[serde(default)]
        alpha_d: Option<f64>,
        /// m_A′/m_χ (with `alpha_d`).
        #[serde(default)]
        mass_ratio: Option<f64>,
    },
    /// A heavy neutral lepton with squared mixings |U_e|², |U_μ|², |U_τ|²
    /// (the coupling axis scales all three); Majorana unless `dirac`.
    Hnl {
        /// |U_e|² at g = 1.
        #[serde(default)]
        ue2: f64,
        /// |U_μ|² at g = 1.
        #[serde(default)]
        umu2: f64,
        /// |U_τ|² at g = 1.
        #[serde(default)]
        utau2: f64,
        /// A Dirac HNL (default Majorana).
        #[serde(default)]
        dirac: bool,
    },
    /// An axion-like particle with its coupling vector (the axis scales all
    /// couplings; widths ∝ g²): photon g_aγγ [GeV⁻¹], leptons, the BC10
    /// Yukawa-like g_Y and the BC11 gluon 1/f_G [GeV⁻¹]; absent ones are 0.
    Alp {
        /// g_aγγ at g = 1 (GeV⁻¹).
        #[serde(default)]
        g_agg: f64,
        /// g_aee.
        #[serde(default)]
        g_aee: f64,
        /// g_aμμ.
        #[serde(default)]
        g_amumu: f64,
        /// g_aττ.
        #[serde(default)]
        g_atautau: f64,
        /// g_Y (BC10).
        #[serde(default)]
        g_y: f64,
        /// 1/f_G (BC11, GeV⁻¹).
        #[serde(default)]
        inv_f_g: f64,
    },
    /// A U(1)_{B−L} gauge boson Z′ (coupling axis g_{B−L};
    /// [`crate::model::b_minus_l`]).
    BMinusL {
        /// Three massless right-handed neutrinos (unbroken model, default).
        #[serde(default = "yes")]
        light_right_handed: bool,
        /// Broken model: three heavy Majorana N, m_N = ratio × m_Z′.
        #[serde(default)]
        heavy_neutrino_mass_ratio: Option<f64>,
    },
    /// A dark scalar mixing with the Higgs (coupling axis θ²).
    Scalar {
        /// θ² at g = 1 (default 1: the axis is θ² itself).
        #[serde(default = "one")]
        theta2: f64,
    },
    /// The Z′ of gauged U(1)_{Lμ−Lτ} (coupling axis g_Z′; no parameters).
    LmuLtau {},
}

fn one() -> f64 {
    1.0
}

fn yes() -> bool {
    true
}

impl Default for ModelSpec {
    fn default() -> Self {
        Self::DarkPhoton {
            alpha_d: None,
            mass_ratio: None,
        }
    }
}

impl ModelSpec {
    /// The model name as written in presets.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::DarkPhoton { .. } => "dark-photon",
            Self::Hnl { .. } => "hnl",
            Self::Scalar { .. } => "scalar",
            Self::Alp { .. } => "alp",
            Self::BMinusL { .. } => "b-minus-l",
            Self::LmuLtau {} => "lmu-ltau",
        }
    }

    /// The model on the portal layer.
    pub fn fip(&self) -> Result<Box<dyn Fip>, ModelError> {
        match *self {
            Self::DarkPhoton {
                alpha_d,
                mass_ratio,
            } => {
                let dark_sector = match (alpha_d, mass_ratio) {
                    (None, None) => None,
                    (Some(a), Some(r)) => {
                        if !(a.is_finite() && a > 0.0) {
                            return Err(ModelError::InvalidAlphaD(a));
                        }
                        if !(r.is_finite() && r > 0.0) {
                            return Err(ModelError::InvalidDarkMatterMass(r));
                        }
                        Some(DarkSectorRatio {
                            alpha_d: a,
                            mass_ratio: r,
                        })
                    }
                    (Some(a), None) => return Err(ModelError::InvalidAlphaD(a)),
                    (None, Some(r)) => return Err(ModelError::InvalidDarkMatterMass(r)),
                };
                Ok(Box::new(DarkPhotonModel { dark_sector }))
            }
            Self::Hnl {
                ue2,
                umu2,
                utau2,
                dirac,
            } => Ok(Box::new(HnlModel::new(ue2, umu2, utau2, dirac)?)),
            Self::Scalar { theta2 } => Ok(Box::new(ScalarModel::new(theta2)?)),
            Self::Alp { .. } => Ok(Box::new(self.alp().expect("matched")?)),
            Self::BMinusL {
                light_right_handed,
                heavy_neutrino_mass_ratio,
            } => {
                let m = crate::model::b_minus_l::BMinusLModel {
                    light_right_handed,
                    heavy_neutrino_mass_ratio,
                };
                m.validate()?;
                Ok(Box::new(m))
            }
            Self::LmuLtau {} => Ok(Box::new(crate::model::lmu_ltau::LmuLtauModel)),
        }
    }

    /// The ALP model of an `Alp` spec (validated), `None` for other models.
    #[must_use]
    pub fn alp(&self) -> Option<Result<AlpModel, ModelError>> {
        match *self {
            Self::Alp {
                g_agg,
                g_aee,
                g_amumu,
                g_atautau,
                g_y,
                inv_f_g,
            } => {
                let m = AlpModel {
                    g_agg,
                    g_aee,
                    g_amumu,
                    g_atautau,
                    g_y,
                    inv_f_g,
                };
                Some(m.validate().map(|()| m))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_model_table() {
        let s: ModelSpec = toml::from_str("name = \"dark-photon\"").unwrap();
        assert_eq!(s, ModelSpec::default());
        assert_eq!(s.fip().unwrap().model_name(), "dark-photon");
        let e = toml::from_str::<ModelSpec>("name = \"dark-photon\"\nfoo = 1").unwrap_err();
        assert!(e.to_string().contains("foo"), "{e}");
        let h: ModelSpec = toml::from_str("name = \"hnl\"\numu2 = 1.0").unwrap();
        let f = h.fip().unwrap();
        assert_eq!((f.model_name(), f.coupling_power()), ("hnl", 1));
        assert!(
            toml::from_str::<ModelSpec>("name = \"hnl\"")
                .unwrap()
                .fip()
                .is_err()
        );
        let z: ModelSpec = toml::from_str("name = \"b-minus-l\"").unwrap();
        assert_eq!(z.name(), "b-minus-l");
        assert_eq!(z.fip().unwrap().coupling_label(), "g_B-L");
        let z: ModelSpec = toml::from_str("name = \"lmu-ltau\"").unwrap();
        assert_eq!(
            (z.name(), z.fip().unwrap().coupling_label()),
            ("lmu-ltau", "g_Z'".into())
        );
        let e = toml::from_str::<ModelSpec>("name = \"axion\"").unwrap_err();
        assert!(e.to_string().contains("axion"), "{e}");
    }
}
