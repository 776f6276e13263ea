//! The Poisson distribution with a Gaussian-smeared background mean.

use super::StatsError;
use crate::numeric::quadrature::ln_integrate_log_concave;
use crate::numeric::special::{ln_factorial, ln_gamma_p, ln_gamma_q, ln_normal_pdf, normal_cdf};

/// How far (in standard deviations) the Gaussian prior is integrated; beyond
/// ±40σ the density is below e^-800 and contributes nothing in f64.
const PRIOR_RANGE: f64 = 40.0;

/// A counting experiment's background: mean `b` with Gaussian uncertainty
/// `delta`, the prior truncated at zero and renormalised (Cousins–Highland,
/// NIM A 320 (1992) 331). `delta = 0` is a plain Poisson background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SmearedPoisson {
    b: f64,
    delta: f64,
    /// ln Φ(b/δ), the prior's normalisation (0 when δ = 0).
    ln_norm: f64,
}

impl SmearedPoisson {
    /// A background `b ± delta`; both must be finite and non-negative.
    pub fn new(b: f64, delta: f64) -> Result<Self, StatsError> {
        if !(b.is_finite() && b >= 0.0) {
            return Err(StatsError::InvalidBackground(b));
        }
        if !(delta.is_finite() && delta >= 0.0) {
            return Err(StatsError::InvalidBackgroundError(delta));
        }
        let ln_norm = if delta > 0.0 {
            normal_cdf(b / delta).ln()
        } else {
            0.0
        };
        Ok(Self { b, delta, ln_norm })
    }

    /// Expected background mean.
    #[must_use]
    pub fn background(&self) -> f64 {
        self.b
    }

    /// Background uncertainty.
    #[must_use]
    pub fn background_error(&self) -> f64 {
        self.delta
    }

    /// ln P(n | s): probability of observing exactly `n` for signal mean `s`.
    #[must_use]
    pub fn ln_pmf(&self, n: u64, s: f64) -> f64 {
        self.smear(s, |mu| ln_poisson(n, mu))
    }

    /// ln P(N ≤ n | s).
    #[must_use]
    pub fn ln_cdf(&self, n: u64, s: f64) -> f64 {
        self.smear(s, |mu| ln_gamma_q(n as f64 + 1.0, mu))
    }

    /// ln P(N ≥ n | s).
    #[must_use]
    pub fn ln_sf(&self, n: u64, s: f64) -> f64 {
        if n == 0 {
            return 0.0;
        }
        self.smear(s, |mu| ln_gamma_p(n as f64, mu))
    }

    /// P(n | s).
    #[must_use]
    pub fn pmf(&self, n: u64, s: f64) -> f64 {
        self.ln_pmf(n, s).exp()
    }

    /// ln ∫ exp(f(s + b′)) π(b′) db′ for a log-concave-in-μ `f`.
    fn smear(&self, s: f64, f: impl Fn(f64) -> f64) -> f64 {
        if self.delta == 0.0 {
            return f(s + self.b);
        }
        let (b, d) = (self.b, self.delta);
        // Integrate over x = (b′ − b)/δ ≥ −b/δ, the truncation at b′ = 0.
        let lo = (-b / d).max(-PRIOR_RANGE);
        let g = |x: f64| f((s + b + d * x).max(0.0)) + ln_normal_pdf(x);
        ln_integrate_log_concave(&g, lo, PRIOR_RANGE) - self.ln_norm
    }
}

/// ln Pois(n | μ) = n ln μ − μ − ln n!, with Pois(0 | 0) = 1.
#[must_use]
pub fn ln_poisson(n: u64, mu: f64) -> f64 {
    if mu <= 0.0 {
        return if n == 0 { 0.0 } else { f64::NEG_INFINITY };
    }
    n as f64 * mu.ln() - mu - ln_factorial(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_smearing_is_poisson() {
        let p = SmearedPoisson::new(2.5, 0.0).unwrap();
        assert!((p.pmf(3, 0.5) - (-3f64).exp() * 27.0 / 6.0).abs() < 1e-15);
    }

    #[test]
    fn smeared_pmf_matches_closed_form_for_n0() {
        // E[e^{-b'}] over the truncated Gaussian prior is
        // e^{-b + δ²/2} Φ((b − δ²)/δ) / Φ(b/δ) (complete the square).
        use crate::numeric::special::normal_cdf;
        for &(b, d) in &[(26.3, 3.4), (0.29, 0.04), (0.5, 0.6)] {
            let p = SmearedPoisson::new(b, d).unwrap();
            let exact = (-b + 0.5 * d * d).exp() * normal_cdf((b - d * d) / d) / normal_cdf(b / d);
            let v = p.pmf(0, 0.0);
            assert!(
                ((v - exact) / exact).abs() < 1e-12,
                "b={b} d={d}: {v} vs {exact}"
            );
        }
    }

    #[test]
    fn smeared_probabilities_sum_to_one() {
        for &(b, d) in &[(0.29, 0.04), (0.5, 0.45), (26.3, 3.4), (0.0, 0.3)] {
            let p = SmearedPoisson::new(b, d).unwrap();
            let total: f64 = (0..200).map(|n| p.pmf(n, 0.3)).sum();
            assert!((total - 1.0).abs() < 1e-11, "b={b} d={d}: {total}");
            // cdf and sf agree with the sums.
            let cdf3: f64 = (0..=3).map(|n| p.pmf(n, 0.3)).sum();
            assert!((p.ln_cdf(3, 0.3).exp() - cdf3).abs() < 1e-12);
            assert!((p.ln_sf(4, 0.3).exp() - (1.0 - cdf3)).abs() < 1e-12);
        }
    }

    #[test]
    fn large_counts_work() {
        let p = SmearedPoisson::new(1e6, 1e3).unwrap();
        let lp = p.ln_pmf(1_000_000, 0.0);
        // Dominated by the prior width: ≈ 1/(√(2π)·√(δ² + μ)).
        let approx = -(2.0 * std::f64::consts::PI * (1e6 + 1e6)).sqrt().ln();
        assert!((lp - approx).abs() < 1e-3, "{lp} vs {approx}");
        assert!(p.ln_cdf(1_000_000, 0.0).exp() > 0.49);
    }

    #[test]
    fn rejects_bad_input() {
        assert!(SmearedPoisson::new(-1.0, 0.0).is_err());
        assert!(SmearedPoisson::new(1.0, f64::NAN).is_err());
        assert!(SmearedPoisson::new(f64::INFINITY, 0.1).is_err());
    }
}
