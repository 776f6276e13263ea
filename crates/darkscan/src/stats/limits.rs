//! Upper limits on the signal mean of a counting experiment.
//!
//! Three constructions, all exact (no asymptotics) and all accepting a
//! background uncertainty through [`SmearedPoisson`]:
//! - [`LimitMethod::Classical`]: Neyman one-sided, P(N ≤ n | s) = 1 − CL;
//! - [`LimitMethod::Cls`]: the modified frequentist CLs of A. L. Read,
//!   J. Phys. G 28 (2002) 2693: P(N ≤ n | s) / P(N ≤ n | 0) = 1 − CL;
//! - [`LimitMethod::FeldmanCousins`]: the unified approach of G. J. Feldman and
//!   R. D. Cousins, PRD 57 (1998) 3873, with likelihood-ratio ordering; for
//!   δ > 0 the probabilities (also in the ordering) are the smeared ones, as in
//!   J. Conrad, O. Botner, A. Hallgren, C. Pérez de los Heros, PRD 67 (2003)
//!   012002.

use super::poisson::SmearedPoisson;
use super::{StatsError, check_cl};
use crate::numeric::quadrature::golden_max;
use crate::numeric::roots::{brent, root_decreasing};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Absolute tolerance on a computed upper limit.
const LIMIT_TOL: f64 = 1e-10;

/// Which upper-limit construction to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LimitMethod {
    /// Neyman one-sided ("classical") limit.
    Classical,
    /// CLs (the default: what NA64 and NA62 report).
    #[default]
    Cls,
    /// Feldman–Cousins unified interval, upper end.
    #[serde(rename = "fc")]
    FeldmanCousins,
}

impl LimitMethod {
    /// The short name used on the command line and in JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Classical => "classical",
            Self::Cls => "cls",
            Self::FeldmanCousins => "fc",
        }
    }
}

impl fmt::Display for LimitMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for LimitMethod {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "classical" | "neyman" => Ok(Self::Classical),
            "cls" => Ok(Self::Cls),
            "fc" | "feldman-cousins" => Ok(Self::FeldmanCousins),
            other => Err(format!(
                "unknown limit method '{other}' (expected classical, cls or fc)"
            )),
        }
    }
}

/// The upper limit on the signal mean at confidence level `cl` for
/// `observed` events on a background `b ± delta`.
///
/// The classical limit is 0 when the background alone already makes the
/// observation less likely than 1 − CL (an empty Neyman interval).
pub fn upper_limit(
    method: LimitMethod,
    observed: u64,
    b: f64,
    delta: f64,
    cl: f64,
) -> Result<f64, StatsError> {
    check_cl(cl)?;
    let dist = SmearedPoisson::new(b, delta)?;
    match method {
        LimitMethod::Classical => Ok(classical(&dist, observed, cl)),
        LimitMethod::Cls => cls(&dist, observed, cl),
        LimitMethod::FeldmanCousins => feldman_cousins(&dist, observed, cl),
    }
}

fn start_guess(observed: u64) -> f64 {
    let n = observed as f64;
    n + 3.0 * n.sqrt() + 3.0
}

fn classical(dist: &SmearedPoisson, n: u64, cl: f64) -> f64 {
    let target = (1.0 - cl).ln();
    root_decreasing(
        |s| dist.ln_cdf(n, s) - target,
        0.0,
        start_guess(n),
        LIMIT_TOL,
    )
    .unwrap_or(0.0)
}

fn cls(dist: &SmearedPoisson, n: u64, cl: f64) -> Result<f64, StatsError> {
    let target = (1.0 - cl).ln() + dist.ln_cdf(n, 0.0);
    root_decreasing(
        |s| dist.ln_cdf(n, s) - target,
        0.0,
        start_guess(n),
        LIMIT_TOL,
    )
    .ok_or(StatsError::Numerical("CLs root not bracketed"))
}

/// The Feldman–Cousins acceptance test and its ingredients for one
/// observation: the best-fit likelihood of every count is cached because it
/// does not depend on the signal hypothesis being tested.
struct FcBelt<'a> {
    dist: &'a SmearedPoisson,
    cl: f64,
    observed: u64,
    /// ln P(n | ŝ(n)) for n = 0, 1, …
    ln_best: Vec<f64>,
}

impl<'a> FcBelt<'a> {
    fn new(dist: &'a SmearedPoisson, observed: u64, cl: f64) -> Self {
        Self {
            dist,
            cl,
            observed,
            ln_best: Vec::new(),
        }
    }

    /// ln max_{s ≥ 0} P(n | s). The smeared likelihood is log-concave in s
    /// (Prékopa), so a golden-section search finds the maximum.
    fn ln_best(&mut self, n: u64) -> f64 {
        while self.ln_best.len() <= n as usize {
            let k = self.ln_best.len() as u64;
            let d = self.dist;
            let b = d.background();
            let v = if d.background_error() == 0.0 {
                d.ln_pmf(k, (k as f64 - b).max(0.0))
            } else {
                let hi = k as f64 + 1.0;
                // The maximum value is quadratic in the argmax error: 1e-6 suffices.
                let (s_hat, v) = golden_max(&|s| d.ln_pmf(k, s), 0.0, hi, 1e-6);
                // The maximum may sit on the boundary s = 0.
                let v0 = d.ln_pmf(k, 0.0);
                if v0 >= v || s_hat < 1e-8 {
                    v0.max(v)
                } else {
                    v
                }
            };
            self.ln_best.push(v);
        }
        self.ln_best[n as usize]
    }

    /// Is the observed count inside the FC acceptance region of signal `s`?
    /// Counts are ranked by R(n) = P(n|s)/P(n|ŝ(n)) and added until their
    /// probability reaches CL; the observed count is accepted if the counts
    /// ranked above it hold less than CL.
    fn accepts(&mut self, s: f64) -> bool {
        let mu_hi = s + self.dist.background() + 12.0 * self.dist.background_error();
        // Beyond μ + 10√μ + 15 the Poisson tail is below 1e-15.
        let n_hi = (mu_hi + 10.0 * mu_hi.sqrt() + 15.0).ceil() as u64;
        let n_hi = n_hi.max(self.observed + 1);
        let r_obs = self.dist.ln_pmf(self.observed, s) - self.ln_best(self.observed);
        let mut above = 0.0;
        for n in 0..=n_hi {
            if n == self.observed {
                continue;
            }
            let lp = self.dist.ln_pmf(n, s);
            if lp - self.ln_best(n) > r_obs {
                above += lp.exp();
                if above >= self.cl {
                    return false;
                }
            }
        }
        true
    }
}

fn feldman_cousins(dist: &SmearedPoisson, n: u64, cl: f64) -> Result<f64, StatsError> {
    feldman_cousins_with_step(dist, n, cl, 1e-2)
}

fn feldman_cousins_with_step(
    dist: &SmearedPoisson,
    n: u64,
    cl: f64,
    rel_step: f64,
) -> Result<f64, StatsError> {
    let mut belt = FcBelt::new(dist, n, cl);
    // Start above the classical limit at a much higher CL, where the observed
    // count lies deep in the lower tail, and make sure it is rejected there.
    let cl_high = 1.0 - (1.0 - cl) / 20.0;
    let mut s_hi = classical(dist, n, cl_high).max(1.0) + 1.0;
    let mut guard = 0;
    while belt.accepts(s_hi) || belt.accepts(1.5 * s_hi) {
        s_hi *= 2.0;
        guard += 1;
        if guard > 60 {
            return Err(StatsError::Numerical(
                "Feldman-Cousins upper end not bracketed",
            ));
        }
    }
    // Scan down to the first accepted signal (the belt may be non-monotone:
    // the limit is the largest accepted s), then bisect the transition.
    // The step only has to be finer than any re-acceptance window of the
    // discrete belt; 1 % of the Poisson width is far below those.
    let step = rel_step * (1.0 + s_hi.sqrt());
    let mut s = s_hi;
    while s > 0.0 {
        let next = (s - step).max(0.0);
        if belt.accepts(next) {
            let (mut a, mut b) = (next, s);
            while b - a > LIMIT_TOL {
                let mid = 0.5 * (a + b);
                if belt.accepts(mid) {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            return Ok(0.5 * (a + b));
        }
        s = next;
        if next == 0.0 {
            break;
        }
    }
    // Not even s = 0 accepts the observation (cannot happen: at s = 0 the
    // ordering always admits the counts with the largest ratio first).
    Err(StatsError::Numerical(
        "Feldman-Cousins belt never accepts the observation",
    ))
}

/// Brent root of an arbitrary bracketed function, re-exported for callers that
/// solve for couplings at a given signal limit.
pub fn solve_bracketed(f: impl Fn(f64) -> f64, a: f64, b: f64) -> Option<f64> {
    brent(f, a, b, LIMIT_TOL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_names_round_trip() {
        for m in [
            LimitMethod::Classical,
            LimitMethod::Cls,
            LimitMethod::FeldmanCousins,
        ] {
            assert_eq!(m.name().parse::<LimitMethod>().unwrap(), m);
        }
        assert!("bayes".parse::<LimitMethod>().is_err());
    }

    #[test]
    fn invalid_cl_rejected() {
        assert!(upper_limit(LimitMethod::Cls, 1, 0.1, 0.0, 1.0).is_err());
        assert!(upper_limit(LimitMethod::Cls, 1, 0.1, 0.0, 0.0).is_err());
        assert!(upper_limit(LimitMethod::Cls, 1, 0.1, 0.0, f64::NAN).is_err());
    }

    #[test]
    fn fc_scan_step_misses_no_acceptance_window() {
        // The default step against a 10× finer scan over a grid of counts and
        // backgrounds (with and without a background error).
        for n in 0..7u64 {
            for &(b, d) in &[
                (0.0, 0.0),
                (0.5, 0.0),
                (1.0, 0.0),
                (2.5, 0.0),
                (4.0, 0.0),
                (1.0, 0.3),
            ] {
                if d > 0.0 && n > 2 {
                    continue; // slow in debug builds; the δ = 0 belt is the discrete one
                }
                let dist = SmearedPoisson::new(b, d).unwrap();
                let coarse = feldman_cousins_with_step(&dist, n, 0.9, 1e-2).unwrap();
                let fine = feldman_cousins_with_step(&dist, n, 0.9, 1e-3).unwrap();
                assert!(
                    (coarse - fine).abs() < 1e-8,
                    "n={n} b={b}±{d}: {coarse} vs {fine}"
                );
            }
        }
    }

    #[test]
    fn classical_empty_interval_gives_zero() {
        // n = 0 on b = 5: P(0 | 5) = e^-5 < 0.1 already.
        assert_eq!(
            upper_limit(LimitMethod::Classical, 0, 5.0, 0.0, 0.9).unwrap(),
            0.0
        );
    }
}
