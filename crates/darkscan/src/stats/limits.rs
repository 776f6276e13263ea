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

use super::interval::{integer_argmax, superlevel_interval};
use super::poisson::SmearedPoisson;
use super::{StatsError, check_cl};
use crate::numeric::asymptotic::bd0;
use crate::numeric::quadrature::golden_max;
use crate::numeric::roots::{brent, root_decreasing};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
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
    // P(N ≤ n | s) = P(N ≤ n | 0) · [CLs ratio]: the same function as CLs,
    // with a lower target, so the classical limit never exceeds CLs.
    let at_zero = dist.ln_cdf(n, 0.0);
    if at_zero.is_nan() || at_zero <= target {
        return 0.0;
    }
    root_decreasing(
        |s| at_zero + dist.ln_cdf_ratio(n, s) - target,
        0.0,
        start_guess(n),
        LIMIT_TOL,
    )
    .unwrap_or(0.0)
}

fn cls(dist: &SmearedPoisson, n: u64, cl: f64) -> Result<f64, StatsError> {
    // ln[P(N ≤ n | s) / P(N ≤ n | 0)] = ln(1 − CL), with the ratio computed
    // directly (a background of 10³⁰⁸ leaves both terms near −10³⁰⁸).
    let target = (1.0 - cl).ln();
    root_decreasing(
        |s| dist.ln_cdf_ratio(n, s) - target,
        0.0,
        start_guess(n),
        LIMIT_TOL,
    )
    .ok_or(StatsError::Numerical("CLs root not bracketed"))
}

/// Largest background for which Feldman–Cousins with a background
/// uncertainty (δ > 0) is computed. The smeared probabilities are evaluated
/// in absolute log space, where a background b leaves an absolute rounding of
/// b·1e-16 on ln P; at 10¹² that is 1e-4, still far below the differences
/// the ordering compares. Without an uncertainty the ordering is evaluated in
/// closed form and any finite background works.
pub const FC_SMEARED_MAX_BACKGROUND: f64 = 1e12;

/// Largest observed count for Feldman–Cousins with a background uncertainty
/// (δ > 0). Each count of the smeared belt needs its own best-fit search
/// (a golden-section search over integrals), and the work grows with the
/// count: at n = 1000 and δ = 10⁴ one limit takes about 10 s in a debug
/// build. Without an uncertainty any count up to 10¹⁵ works (closed forms).
pub const FC_SMEARED_MAX_OBSERVED: f64 = 1e3;

/// Largest background at which the Feldman–Cousins belt is ranked count by
/// count; beyond it the limit is evaluated here (see `feldman_cousins`).
pub const FC_MAX_RANKED_BACKGROUND: f64 = 1e15;

/// The Feldman–Cousins acceptance test and its ingredients for one
/// observation: the best-fit likelihood of every count is cached because it
/// does not depend on the signal hypothesis being tested.
struct FcBelt<'a> {
    dist: &'a SmearedPoisson,
    cl: f64,
    observed: f64,
    /// ln P(n | ŝ(n)), keyed by the count's bits.
    ln_best: HashMap<u64, f64>,
}

impl<'a> FcBelt<'a> {
    fn new(dist: &'a SmearedPoisson, observed: u64, cl: f64) -> Self {
        Self {
            dist,
            cl,
            observed: observed as f64,
            ln_best: HashMap::new(),
        }
    }

    /// ln max_{s ≥ 0} P(n | s) for δ > 0. The smeared likelihood is
    /// log-concave in s (Prékopa), so a golden-section search finds the
    /// maximum.
    fn ln_best(&mut self, n: f64) -> f64 {
        if let Some(&v) = self.ln_best.get(&n.to_bits()) {
            return v;
        }
        let d = self.dist;
        let hi = n + 1.0;
        // The maximum value is quadratic in the argmax error: 1e-6 of the
        // likelihood's width suffices.
        let tol = 1e-6 * (1.0 + n.sqrt());
        let (s_hat, v) = golden_max(&|s| d.ln_pmf_real(n, s), 0.0, hi, tol);
        // The maximum may sit on the boundary s = 0.
        let v0 = d.ln_pmf_real(n, 0.0);
        let v = if v0 >= v || s_hat < 1e-8 {
            v0.max(v)
        } else {
            v
        };
        self.ln_best.insert(n.to_bits(), v);
        v
    }

    /// ln R(n) = ln P(n | s) − ln P(n | ŝ(n)), the FC ordering score.
    ///
    /// Without a background uncertainty ŝ(n) = max(0, n − b) and the score
    /// has closed forms that stay exact for any b: for n ≤ b,
    /// ln R = n ln(1 + s/b) − s; for n > b, ln R = −bd0(n, s + b) (the Stirling
    /// terms of the two Poisson probabilities cancel; Loader 2000, eq. (5)).
    fn ln_r(&mut self, n: f64, s: f64) -> f64 {
        let d = self.dist;
        if d.background_error() > 0.0 {
            return d.ln_pmf_real(n, s) - self.ln_best(n);
        }
        let b = d.background();
        if n == 0.0 {
            -s
        } else if n <= b {
            n * (s / b).ln_1p() - s
        } else if s + b <= 0.0 {
            f64::NEG_INFINITY
        } else {
            -bd0(n, s + b)
        }
    }

    /// ln R(n) − ln R(n_obs). Without a background uncertainty, when both
    /// counts lie at or below b this is (n − n_obs)·ln(1 + s/b), which stays
    /// positive for n > n_obs even where both scores round to −s (b = 10³⁰⁸).
    fn score_above_observed(&mut self, n: f64, s: f64, r_obs: f64) -> f64 {
        let d = self.dist;
        let b = d.background();
        let obs = self.observed;
        if d.background_error() == 0.0 && n <= b && obs <= b && b > 0.0 {
            (n - obs) * (s / b).ln_1p()
        } else {
            self.ln_r(n, s) - r_obs
        }
    }

    /// Is the observed count inside the FC acceptance region of signal `s`?
    /// Counts are ranked by R(n) = P(n|s)/P(n|ŝ(n)); the observed count is
    /// accepted if the counts ranked strictly above it hold less than CL.
    /// Those counts form one interval (R is unimodal in n), whose probability
    /// is a difference of cumulative distributions.
    fn accepts(&mut self, s: f64) -> bool {
        let d = self.dist;
        let (b, delta) = (d.background(), d.background_error());
        let obs = self.observed;
        let r_obs = self.ln_r(obs, s);
        let mu = s + b;
        let width = mu.sqrt() + delta + 1.0;
        let mut score = |n: f64| self.score_above_observed(n, s, r_obs);
        let (peak, score_peak) = if delta == 0.0 {
            // ŝ(n) = s exactly at n = s + b: R peaks at a neighbouring integer.
            let (lo, hi) = (mu.floor(), mu.ceil());
            let (rl, rh) = (score(lo), score(hi));
            if rl >= rh { (lo, rl) } else { (hi, rh) }
        } else {
            let top = mu + 40.0 * delta + 10.0 * width + 20.0;
            integer_argmax(&mut score, top)
        };
        if score_peak.is_nan() || score_peak <= 0.0 {
            return true;
        }
        let (lo, hi) = superlevel_interval(&mut score, peak, 0.0, width);
        let below = if lo > 0.0 {
            d.ln_cdf_real(lo - 1.0, s).exp()
        } else {
            0.0
        };
        let above = d.ln_sf_real(hi + 1.0, s).exp();
        let mut p_set = 1.0 - below - above;
        if (lo..=hi).contains(&obs) {
            p_set -= d.ln_pmf_real(obs, s).exp();
        }
        p_set < self.cl
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
    let n_max = if dist.background_error() > 0.0 {
        FC_SMEARED_MAX_OBSERVED
    } else {
        FC_MAX_RANKED_BACKGROUND
    };
    if n as f64 > n_max {
        return Err(StatsError::OutOfRange {
            what: "observed count for Feldman-Cousins (with this background error)",
            value: n as f64,
            max: n_max,
        });
    }
    if dist.background_error() > 0.0 && dist.background() > FC_SMEARED_MAX_BACKGROUND {
        return Err(StatsError::OutOfRange {
            what: "background with a background error, for Feldman-Cousins",
            value: dist.background(),
            max: FC_SMEARED_MAX_BACKGROUND,
        });
    }
    // Above 2⁵³ ≈ 9e15 neighbouring counts near b are no longer distinct
    // f64 values and the belt cannot be ranked. It has converged long
    // before: for n ≪ b the acceptance condition tends to
    // Φ(√(2s)) < CL, i.e. s_up → Φ⁻¹(CL)²/2 (0.8212 at 90 %), and between
    // b = 1e12 and 1e15 the limit moves by < 1e-6 (test below). So larger
    // backgrounds are evaluated at b = 1e15.
    let capped;
    let dist = if dist.background() > FC_MAX_RANKED_BACKGROUND {
        if n as f64 > FC_MAX_RANKED_BACKGROUND / 1e3 {
            return Err(StatsError::OutOfRange {
                what: "observed count with a background above 1e15, for Feldman-Cousins",
                value: n as f64,
                max: FC_MAX_RANKED_BACKGROUND / 1e3,
            });
        }
        capped = SmearedPoisson::new(FC_MAX_RANKED_BACKGROUND, 0.0)?;
        &capped
    } else {
        dist
    };
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
    // discrete belt; 1 % of the Poisson width is far below those. At most
    // 5000 steps are taken (the bound on the work of one call).
    let step = (rel_step * (1.0 + s_hi.sqrt())).max(s_hi / 5000.0);
    let mut s = s_hi;
    while s > 0.0 {
        let next = (s - step).max(0.0);
        if belt.accepts(next) {
            let (mut a, mut b) = (next, s);
            while b - a > LIMIT_TOL * (1.0 + a) {
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
    fn fc_limit_tends_to_its_large_background_asymptote() {
        // For n ≪ b the FC acceptance condition tends to Φ(√(2s)) < CL, so
        // s_up → Φ⁻¹(0.9)²/2 = 1.2815515655446004²/2 = 0.8211872.
        let asymptote = 0.5 * 1.281_551_565_544_600_4_f64.powi(2);
        let at_1e12 = upper_limit(LimitMethod::FeldmanCousins, 1, 1e12, 0.0, 0.9).unwrap();
        let at_1e15 = upper_limit(LimitMethod::FeldmanCousins, 1, 1e15, 0.0, 0.9).unwrap();
        let at_max = upper_limit(LimitMethod::FeldmanCousins, 1, 1e308, 0.0, 0.9).unwrap();
        assert!((at_1e12 - at_1e15).abs() < 1e-6, "{at_1e12} vs {at_1e15}");
        assert!((at_max - asymptote).abs() < 1e-5, "{at_max} vs {asymptote}");
        // CLs for n = 1 tends to −ln(1 − CL) = 2.302585 (the ratio e^{−s}).
        let cls = upper_limit(LimitMethod::Cls, 1, 1e308, 0.0, 0.9).unwrap();
        assert!((cls - 10f64.ln()).abs() < 1e-9, "{cls}");
    }

    #[test]
    fn interval_belt_matches_count_by_count_ranking() {
        // The O(log n) interval acceptance test against a direct walk over
        // every count (the definition), on a grid of signals.
        for &(n, b, d) in &[
            (0u64, 0.0, 0.0),
            (1, 3.0, 0.0),
            (4, 2.5, 0.0),
            (2, 1.0, 0.3),
            (6, 4.0, 1.0),
        ] {
            let dist = SmearedPoisson::new(b, d).unwrap();
            let mut belt = FcBelt::new(&dist, n, 0.9);
            for i in 0..60 {
                let s = 0.17 * i as f64;
                let r_obs = belt.ln_r(n as f64, s);
                let top = (s + b + 12.0 * d + 10.0 * (s + b + 12.0 * d).sqrt() + 30.0) as u64;
                let mut above = 0.0;
                for k in 0..=top {
                    if k != n && belt.ln_r(k as f64, s) > r_obs {
                        above += dist.pmf(k, s);
                    }
                }
                assert_eq!(
                    belt.accepts(s),
                    above < 0.9,
                    "n={n} b={b}±{d} s={s}: {above}"
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
