//! The reach pipeline: (mass, coupling) grid → expected signal → excluded
//! coupling intervals per mass → contour, shared by every experiment.

use serde::Serialize;

/// Which plane the limits are reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Plane {
    /// Kinetic mixing ε versus the mediator mass m_A′.
    #[default]
    Epsilon,
    /// The thermal-target variable y = ε² α_D (m_χ/m_A′)⁴ versus m_χ.
    Y,
}

impl Plane {
    /// Short name used on the command line and in outputs.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Epsilon => "epsilon",
            Self::Y => "y",
        }
    }
    /// Axis label of the mass variable, with unit.
    #[must_use]
    pub fn mass_label(self) -> &'static str {
        match self {
            Self::Epsilon => "m_A' [GeV]",
            Self::Y => "m_chi [GeV]",
        }
    }
    /// Axis label of the coupling variable.
    #[must_use]
    pub fn coupling_label(self) -> &'static str {
        match self {
            Self::Epsilon => "epsilon",
            Self::Y => "y = eps^2 alpha_D (m_chi/m_A')^4",
        }
    }
}

/// The excluded couplings at one mass.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MassLimit {
    /// Mass in GeV (m_A′ in the ε plane, m_χ in the y plane).
    pub mass: f64,
    /// Excluded coupling intervals [lo, hi]; `hi = None` means the exclusion
    /// extends beyond the top of the scanned range (missing-energy searches
    /// exclude everything above a lower edge).
    pub excluded: Vec<(f64, Option<f64>)>,
}

/// Expected signal on the full (mass, coupling) grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YieldGrid {
    /// Masses in GeV (same axis as the limits).
    pub masses: Vec<f64>,
    /// Couplings (ε, or y in the y plane).
    pub couplings: Vec<f64>,
    /// `signal[i][j]`: expected signal events at `masses[i]`, `couplings[j]`.
    pub signal: Vec<Vec<f64>>,
}

/// Everything a reach computation produces.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReachResult {
    /// Preset name (or the file it came from).
    pub preset: String,
    /// Model name, e.g. "dark-photon-invisible".
    pub model: String,
    /// Plane of the limits.
    pub plane: Plane,
    /// Exposure (electrons, muons or protons on target).
    pub exposure: f64,
    /// 90 % CL (or the preset's CL) upper limit on the signal mean.
    pub signal_upper_limit: f64,
    /// Excluded intervals per mass.
    pub limits: Vec<MassLimit>,
    /// The full grid of expected signal.
    #[serde(skip)]
    pub grid: YieldGrid,
}
