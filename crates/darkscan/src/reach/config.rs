//! The generic settings of a reach scan, shared by every kind of search: the
//! counting inputs of the limit ([`Statistics`]) and the default grid
//! ([`Scan`]). They live here, not with one experiment's preset, so the runner
//! in [`crate::reach`] depends on no experiment.

use serde::Deserialize;

/// Counting-experiment inputs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statistics {
    /// Observed events.
    pub observed: u64,
    /// Expected background.
    pub background: f64,
    /// Its uncertainty.
    pub background_error: f64,
    /// Limit method: "cls", "classical" or "fc".
    pub method: String,
    /// Confidence level.
    pub cl: f64,
    /// Reconstructed masses (GeV) of the observed events, for searches that
    /// count events in a mass window around each hypothesis (NA62 A′ → μμ:
    /// the one signal-region event has m_μμ = 411 MeV, seed talk 000). When
    /// given, its length must equal `observed`, `mass_window_gev` must be
    /// set, and the limit at mass m uses the number of these events with
    /// |m_event − m| ≤ `mass_window_gev` instead of `observed`. Empty (the
    /// default): every mass uses `observed`.
    #[serde(default)]
    pub observed_masses_gev: Vec<f64>,
    /// Half-width (GeV) of the mass window of `observed_masses_gev`.
    #[serde(default)]
    pub mass_window_gev: Option<f64>,
}

/// Default scan grid.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scan {
    /// Lowest mass in GeV.
    pub mass_min_gev: f64,
    /// Highest mass in GeV.
    pub mass_max_gev: f64,
    /// Number of log-spaced masses.
    pub n_masses: usize,
    /// Lowest coupling.
    pub coupling_min: f64,
    /// Highest coupling.
    pub coupling_max: f64,
    /// Number of log-spaced couplings.
    pub n_couplings: usize,
}

impl Scan {
    /// The log-spaced coupling grid of the scan (`n_couplings` values from
    /// `coupling_min` to `coupling_max`).
    #[must_use]
    pub fn couplings(&self) -> Vec<f64> {
        super::log_space(self.coupling_min, self.coupling_max, self.n_couplings)
    }
}
