//! Parsing and validating command-line values, with errors that name the
//! offending option and value.

use anyhow::{Result, bail};

/// Parses a comma-separated list of non-negative integer counts.
pub fn counts(option: &str, text: &str) -> Result<Vec<u64>> {
    text.split(',')
        .map(|t| {
            let t = t.trim();
            t.parse::<u64>().map_err(|_| {
                anyhow::anyhow!(
                    "invalid {option} value '{t}': expected a non-negative integer count"
                )
            })
        })
        .collect()
}

/// Parses a comma-separated list of finite non-negative numbers.
pub fn non_negatives(option: &str, text: &str) -> Result<Vec<f64>> {
    text.split(',').map(|t| non_negative(option, t)).collect()
}

/// Parses one finite non-negative number.
pub fn non_negative(option: &str, text: &str) -> Result<f64> {
    let t = text.trim();
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => bail!("invalid {option} value '{t}': expected a finite non-negative number"),
    }
}

/// Checks a confidence level lies in (0, 1).
pub fn confidence_level(cl: f64) -> Result<f64> {
    if cl.is_finite() && cl > 0.0 && cl < 1.0 {
        Ok(cl)
    } else {
        bail!("invalid --cl value '{cl}': the confidence level must lie strictly between 0 and 1")
    }
}

/// A number for JSON: non-finite values become `null`.
pub fn json_number(v: f64) -> serde_json::Value {
    serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, serde_json::Value::Number)
}

/// The HNL coupling vector as command-line flags (shared by `widths hnl`
/// and `production hnl`): squared mixings default to 0, at least one must be
/// positive (checked by the library's `HnlModel::new`).
#[derive(clap::Args)]
pub struct HnlCouplings {
    /// Squared mixing with the electron neutrino, |U_e|^2.
    #[arg(
        long,
        default_value_t = 0.0,
        allow_negative_numbers = true,
        allow_hyphen_values = true
    )]
    pub ue2: f64,
    /// Squared mixing with the muon neutrino, |U_mu|^2.
    #[arg(
        long,
        default_value_t = 0.0,
        allow_negative_numbers = true,
        allow_hyphen_values = true
    )]
    pub umu2: f64,
    /// Squared mixing with the tau neutrino, |U_tau|^2.
    #[arg(
        long,
        default_value_t = 0.0,
        allow_negative_numbers = true,
        allow_hyphen_values = true
    )]
    pub utau2: f64,
    /// A Dirac HNL (default Majorana: charge-conjugate decay channels, twice
    /// the width; production branching ratios are the same for both).
    #[arg(long)]
    pub dirac: bool,
}
