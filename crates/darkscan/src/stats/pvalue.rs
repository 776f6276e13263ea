//! Background-only p-values and significances.
//!
//! Definitions follow the NA62 beam-dump A′→μμ analysis (seed talk 000,
//! JHEP 09 (2023) 035): for an observed count `N_obs`,
//! - `p_excess` = P(N ≥ N_obs | s = 0), the probability of at least as many
//!   events;
//! - `p_likelihood` = P(L ≤ L_obs | s = 0), the total probability of all
//!   outcomes no more likely than the observed one. Outcomes whose probability
//!   equals the observed one within a relative 1e-9 are counted (exact ties
//!   matter for integer means).
//!
//! Several regions with fully correlated background errors (NA62's
//! CR1+2+3) share one nuisance x ~ N(0, 1):
//! P(n⃗) = ∫ Π_i Pois(n_i | max(0, b_i + δ_i x)) φ(x) dx.

use super::StatsError;
use super::interval::{integer_argmax, superlevel_interval};
use super::poisson::{SmearedPoisson, ln_poisson};
use crate::numeric::quadrature::ln_integrate_log_concave;
use crate::numeric::special::{ln_normal_pdf, normal_quantile_upper};
use serde::Serialize;

/// Relative tolerance for treating an outcome as "no more likely" than the
/// observed one.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// The p-values of an observation under the background-only hypothesis, and
/// the significances that correspond to `p_excess`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PValues {
    /// P(N ≥ N_obs | background only); for several regions, of the total count.
    pub p_excess: f64,
    /// P(L ≤ L_obs | background only).
    pub p_likelihood: f64,
    /// Φ⁻¹(1 − p_excess): one-sided Gaussian significance (−∞ for p = 1).
    pub z_one_sided: f64,
    /// Φ⁻¹(1 − p_excess/2): the two-sided convention behind NA62's "2.4σ".
    pub z_two_sided: f64,
}

impl PValues {
    fn from_ps(p_excess: f64, p_likelihood: f64) -> Self {
        let (z_one_sided, z_two_sided) = significances(p_excess);
        Self {
            p_excess,
            p_likelihood,
            z_one_sided,
            z_two_sided,
        }
    }
}

/// One- and two-sided Gaussian significances of a p-value:
/// (Φ⁻¹(1 − p), Φ⁻¹(1 − p/2)).
#[must_use]
pub fn significances(p: f64) -> (f64, f64) {
    // `+ 0.0` turns the −0.0 of p = 1 into 0.0.
    (
        normal_quantile_upper(p) + 0.0,
        normal_quantile_upper(0.5 * p) + 0.0,
    )
}

/// p-values for one region: `observed` events on a background `b ± delta`.
pub fn pvalues(observed: u64, b: f64, delta: f64) -> Result<PValues, StatsError> {
    let dist = SmearedPoisson::new(b, delta)?;
    let p_excess = dist.ln_sf(observed, 0.0).exp().min(1.0);
    let p_likelihood = p_likelihood_single(&dist, observed);
    Ok(PValues::from_ps(p_excess, p_likelihood))
}

/// P(L ≤ L_obs) for one region. The smeared Poisson is a Poisson mixture over
/// a log-concave prior and hence unimodal, so the outcomes more likely than the
/// observed one form one interval around the mode: it is found by bisection
/// (O(log b) probabilities, so a background of 10³⁰⁸ costs no more than one of
/// 10) and the rest of the distribution is summed through its cumulative
/// functions.
fn p_likelihood_single(dist: &SmearedPoisson, observed: u64) -> f64 {
    let obs = observed as f64;
    let ln_thr = dist.ln_pmf_real(obs, 0.0) + TIE_TOLERANCE.ln_1p();
    let (b, delta) = (dist.background(), dist.background_error());
    let width = b.sqrt() + delta + 1.0;
    let top = b + 40.0 * delta + 10.0 * width + 20.0;
    let mut lp = |n: f64| dist.ln_pmf_real(n, 0.0);
    let (mode, lp_mode) = integer_argmax(&mut lp, top);
    if lp_mode.is_nan() || lp_mode <= ln_thr {
        return 1.0;
    }
    let (lo, hi) = superlevel_interval(&mut lp, mode, ln_thr, width);
    let below = if lo > 0.0 {
        dist.ln_cdf_real(lo - 1.0, 0.0).exp()
    } else {
        0.0
    };
    let above = dist.ln_sf_real(hi + 1.0, 0.0).exp();
    let mut p = below + above;
    if (lo..=hi).contains(&obs) {
        p += dist.ln_pmf_real(obs, 0.0).exp();
    }
    p.clamp(0.0, 1.0)
}

/// Several regions with fully correlated background errors.
///
/// `p_excess` is computed for the total count on the total background
/// Σb_i ± Σδ_i (errors add linearly when fully correlated); `p_likelihood`
/// sums the joint probability over every outcome vector no more likely than
/// the observed one.
pub fn pvalues_correlated(
    observed: &[u64],
    b: &[f64],
    delta: &[f64],
) -> Result<PValues, StatsError> {
    let joint = CorrelatedRegions::new(b, delta)?;
    if observed.len() != b.len() {
        return Err(StatsError::LengthMismatch {
            what: "observed",
            expected: b.len(),
            got: observed.len(),
        });
    }
    let outcomes = joint.outcome_bound();
    if outcomes > MAX_JOINT_OUTCOMES {
        return Err(StatsError::OutOfRange {
            what: "joint outcomes to enumerate (product of per-region count ranges) for a correlated p_likelihood",
            value: outcomes,
            max: MAX_JOINT_OUTCOMES,
        });
    }
    let total_n: u64 = observed.iter().sum();
    let total = SmearedPoisson::new(b.iter().sum(), delta.iter().sum())?;
    let p_excess = total.ln_sf(total_n, 0.0).exp().min(1.0);
    let p_likelihood = joint.p_likelihood(observed);
    Ok(PValues::from_ps(p_excess, p_likelihood))
}

/// Most outcome vectors the correlated `p_likelihood` may enumerate: the
/// product over regions of the count ranges searched
/// (b + 12δ + 12√(b + 12δ) + 41 each). NA62's three control regions
/// (0.29 ± 0.04, 0.58 ± 0.07, 1.70 ± 0.22) need 2.1·10⁵; a cap of 10⁶ bounds
/// one call to seconds, and larger inputs are refused before any work.
pub const MAX_JOINT_OUTCOMES: f64 = 1e6;

/// Regions whose background errors move together with one Gaussian nuisance.
#[derive(Debug, Clone)]
pub struct CorrelatedRegions {
    b: Vec<f64>,
    delta: Vec<f64>,
}

impl CorrelatedRegions {
    /// Backgrounds `b[i] ± delta[i]`, one per region.
    pub fn new(b: &[f64], delta: &[f64]) -> Result<Self, StatsError> {
        if b.is_empty() {
            return Err(StatsError::Empty);
        }
        if delta.len() != b.len() {
            return Err(StatsError::LengthMismatch {
                what: "background error",
                expected: b.len(),
                got: delta.len(),
            });
        }
        for (&bi, &di) in b.iter().zip(delta) {
            SmearedPoisson::new(bi, di)?;
        }
        Ok(Self {
            b: b.to_vec(),
            delta: delta.to_vec(),
        })
    }

    /// ln P(n_1, …, n_k) for the first k = `n.len()` regions (the marginal
    /// over the others).
    #[must_use]
    pub fn ln_prob(&self, n: &[u64]) -> f64 {
        let terms = || n.iter().zip(self.b.iter().zip(&self.delta));
        if terms().all(|(_, (_, &d))| d == 0.0) {
            return terms().map(|(&ni, (&bi, _))| ln_poisson(ni, bi)).sum();
        }
        // Where some b_i + δ_i x ≤ 0 with n_i > 0 the integrand vanishes.
        let mut lo: f64 = -40.0;
        for (&ni, (&bi, &di)) in terms() {
            if ni > 0 {
                if di > 0.0 {
                    lo = lo.max(-bi / di);
                } else if bi == 0.0 {
                    return f64::NEG_INFINITY;
                }
            }
        }
        if lo >= 40.0 {
            return f64::NEG_INFINITY;
        }
        let g = |x: f64| {
            terms()
                .map(|(&ni, (&bi, &di))| ln_poisson(ni, (bi + di * x).max(0.0)))
                .sum::<f64>()
                + ln_normal_pdf(x)
        };
        ln_integrate_log_concave(&g, lo, 40.0)
    }

    /// The number of outcome vectors the enumeration could visit at most (in
    /// f64, so that huge backgrounds do not overflow).
    #[must_use]
    pub fn outcome_bound(&self) -> f64 {
        self.b
            .iter()
            .zip(&self.delta)
            .map(|(&b, &d)| {
                let hi = b + 12.0 * d;
                hi + 12.0 * hi.sqrt() + 41.0
            })
            .product()
    }

    /// Upper end of the count range searched for region `i`: beyond it the
    /// marginal probability is negligible and falling.
    fn count_cap(&self, i: usize) -> u64 {
        let hi = self.b[i] + 12.0 * self.delta[i];
        (hi + 12.0 * hi.sqrt() + 40.0).ceil() as u64
    }

    /// P(L ≤ L_obs) summed over outcome vectors.
    ///
    /// Computed as 1 − Σ{P(n⃗) : P(n⃗) > P_obs(1 + 1e-9)}. The enumeration
    /// prunes on marginals: P(n⃗) never exceeds the marginal of its first k
    /// components, so a partial vector whose marginal is already below the
    /// threshold has no completion to count.
    #[must_use]
    pub fn p_likelihood(&self, observed: &[u64]) -> f64 {
        let ln_thr = self.ln_prob(observed) + TIE_TOLERANCE.ln_1p();
        let mut partial = Vec::with_capacity(self.b.len());
        let more_likely = self.sum_above(&mut partial, ln_thr);
        (1.0 - more_likely).clamp(0.0, 1.0)
    }

    fn sum_above(&self, partial: &mut Vec<u64>, ln_thr: f64) -> f64 {
        let k = partial.len();
        let mut total = 0.0;
        let cap = self.count_cap(k);
        let mode_hi = (self.b[k] + 12.0 * self.delta[k]).ceil() as u64 + 1;
        for n in 0..=cap {
            partial.push(n);
            let lp = self.ln_prob(partial);
            if lp > ln_thr {
                total += if k + 1 == self.b.len() {
                    lp.exp()
                } else {
                    self.sum_above(partial, ln_thr)
                };
            }
            partial.pop();
            if lp <= ln_thr && n > mode_hi {
                break;
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn significance_conventions() {
        let (one, two) = significances(0.05);
        assert!((one - 1.644_853_626_951_472).abs() < 1e-12);
        assert!((two - 1.959_963_984_540_054).abs() < 1e-12);
        let (one, two) = significances(1.0);
        assert_eq!(one, f64::NEG_INFINITY);
        assert_eq!(two, 0.0);
    }

    #[test]
    fn joint_probabilities_sum_to_one() {
        let r = CorrelatedRegions::new(&[0.29, 0.58, 1.70], &[0.04, 0.07, 0.22]).unwrap();
        let mut total = 0.0;
        for a in 0..15 {
            for b in 0..15 {
                for c in 0..20 {
                    total += r.ln_prob(&[a, b, c]).exp();
                }
            }
        }
        assert!((total - 1.0).abs() < 1e-10, "{total}");
        // Marginal of the first region equals the one-region smeared Poisson
        // up to the truncation/clamping difference (7σ away here).
        let single = SmearedPoisson::new(0.29, 0.04).unwrap();
        assert!((r.ln_prob(&[1]) - single.ln_pmf(1, 0.0)).abs() < 1e-9);
    }

    #[test]
    fn single_region_matches_correlated_with_one_region() {
        let one = pvalues(2, 1.7, 0.22).unwrap();
        let joint = pvalues_correlated(&[2], &[1.7], &[0.22]).unwrap();
        assert!((one.p_likelihood - joint.p_likelihood).abs() < 1e-9);
        assert!((one.p_excess - joint.p_excess).abs() < 1e-12);
    }

    #[test]
    fn mismatched_lengths_are_errors() {
        assert!(matches!(
            pvalues_correlated(&[1, 2], &[0.1, 0.2, 0.3], &[0.0, 0.0, 0.0]),
            Err(StatsError::LengthMismatch { .. })
        ));
        assert!(matches!(
            pvalues_correlated(&[1], &[0.1], &[0.0, 0.1]),
            Err(StatsError::LengthMismatch { .. })
        ));
    }
}
