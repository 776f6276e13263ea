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
