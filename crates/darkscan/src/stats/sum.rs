//! Adding background estimates, as NA64 does in its background tables
//! (seed talk 002: "Total (conservatively) n_b 0.51 ± 0.13").

use super::StatsError;
use crate::numeric::special::normal_quantile;
use serde::Serialize;
use std::str::FromStr;

/// One background contribution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BackgroundTerm {
    /// A central value with a Gaussian error.
    Value {
        /// Central value.
        value: f64,
        /// One-standard-deviation error.
        error: f64,
    },
    /// Only a 90 % CL upper limit is known (`<u`). It enters the sum with value
    /// u and error σ = u / Φ⁻¹(0.90), the σ for which u is the 90 % point of a
    /// Gaussian centred at 0.
    UpperLimit(f64),
}

impl BackgroundTerm {
    /// (central value, error) with which this term enters the sum.
    #[must_use]
    pub fn value_and_error(self) -> (f64, f64) {
        match self {
            Self::Value { value, error } => (value, error),
            Self::UpperLimit(u) => (u, u / normal_quantile(0.90)),
        }
    }
}

impl FromStr for BackgroundTerm {
    type Err = StatsError;

    /// Parses `VALUE`, `VALUE+-ERROR`, `VALUE±ERROR` or `<LIMIT`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || StatsError::MalformedTerm(s.to_string());
        let num = |t: &str| -> Result<f64, StatsError> {
            let v: f64 = t.trim().parse().map_err(|_| bad())?;
            if v.is_finite() && v >= 0.0 {
                Ok(v)
            } else {
                Err(bad())
            }
        };
        let t = s.trim();
        if let Some(rest) = t.strip_prefix('<') {
            return Ok(Self::UpperLimit(num(rest)?));
        }
        let split = t.split_once("+-").or_else(|| t.split_once('±'));
        match split {
            Some((v, e)) => Ok(Self::Value {
                value: num(v)?,
                error: num(e)?,
            }),
            None => Ok(Self::Value {
                value: num(t)?,
                error: 0.0,
            }),
        }
    }
}

/// The total of several background terms.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SumResult {
    /// Sum of central values (upper limits enter with their limit value).
    pub total: f64,
    /// Errors added in quadrature.
    pub error: f64,
}

/// Adds background terms: central values add, errors add in quadrature.
pub fn sum_backgrounds(terms: &[BackgroundTerm]) -> Result<SumResult, StatsError> {
    if terms.is_empty() {
        return Err(StatsError::Empty);
    }
    let (mut total, mut var) = (0.0, 0.0);
    for t in terms {
        let (v, e) = t.value_and_error();
        total += v;
        var += e * e;
    }
    Ok(SumResult {
        total,
        error: var.sqrt(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_terms() {
        assert_eq!(
            "0.3+-0.05".parse::<BackgroundTerm>().unwrap(),
            BackgroundTerm::Value {
                value: 0.3,
                error: 0.05
            }
        );
        assert_eq!(
            "0.3±0.05".parse::<BackgroundTerm>().unwrap(),
            BackgroundTerm::Value {
                value: 0.3,
                error: 0.05
            }
        );
        assert_eq!(
            "<0.01".parse::<BackgroundTerm>().unwrap(),
            BackgroundTerm::UpperLimit(0.01)
        );
        assert_eq!(
            "2".parse::<BackgroundTerm>().unwrap(),
            BackgroundTerm::Value {
                value: 2.0,
                error: 0.0
            }
        );
        for bad in [
            "0.3+-", "+-0.1", "<", "abc", "-0.1", "0.1+--1", "nan", "<inf",
        ] {
            assert!(bad.parse::<BackgroundTerm>().is_err(), "{bad}");
        }
    }
}
