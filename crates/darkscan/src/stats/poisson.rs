//! The Poisson distribution with a Gaussian-smeared background mean.

use super::StatsError;
use crate::numeric::asymptotic::{ln_poisson_real, ln_q_shift};
use crate::numeric::quadrature::ln_integrate_log_concave_scaled;
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
        self.ln_pmf_real(n as f64, s)
    }

    /// ln P(N ≤ n | s).
    #[must_use]
    pub fn ln_cdf(&self, n: u64, s: f64) -> f64 {
        self.ln_cdf_real(n as f64, s)
    }

    /// ln P(N ≥ n | s).
    #[must_use]
    pub fn ln_sf(&self, n: u64, s: f64) -> f64 {
        self.ln_sf_real(n as f64, s)
    }

    /// [`Self::ln_pmf`] for a count held as an integer-valued `f64`, so that
    /// counts beyond u64 (backgrounds up to 10³⁰⁸) can be ranked.
    #[must_use]
    pub fn ln_pmf_real(&self, n: f64, s: f64) -> f64 {
        self.smear(s, n, |mu| ln_poisson_real(n, mu))
    }

    /// [`Self::ln_cdf`] for an integer-valued `f64` count.
    #[must_use]
    pub fn ln_cdf_real(&self, n: f64, s: f64) -> f64 {
        self.smear(s, n, |mu| ln_gamma_q(n + 1.0, mu))
    }

    /// [`Self::ln_sf`] for an integer-valued `f64` count.
    #[must_use]
    pub fn ln_sf_real(&self, n: f64, s: f64) -> f64 {
        if n <= 0.0 {
            return 0.0;
        }
        self.smear(s, n, |mu| ln_gamma_p(n, mu))
    }

    /// P(n | s).
    #[must_use]
    pub fn pmf(&self, n: u64, s: f64) -> f64 {
        self.ln_pmf(n, s).exp()
    }

    /// ln [P(N ≤ n | s) / P(N ≤ n | 0)], the CLs ratio, computed without
    /// subtracting the two logarithms: on a background of 10³⁰⁸ both are
    /// about −10³⁰⁸ and a signal of a few events would vanish in their
    /// rounding. Every background value b′ of the prior enters through
    /// ln Q(n+1, b′ + s) − ln Q(n+1, b′) ([`ln_q_shift`]), and the prior's
    /// own weights through shifts from its lowest point.
    #[must_use]
    pub fn ln_cdf_ratio(&self, n: u64, s: f64) -> f64 {
        let a = n as f64 + 1.0;
        if self.delta == 0.0 {
            return ln_q_shift(a, self.b, s);
        }
        let w = self.window(a - 1.0);
        let h = |s: f64| {
            move |t: f64| {
                let shift = self.delta * t;
                ln_q_shift(a, w.mu_lo, shift)
                    + ln_q_shift(a, w.mu_lo + shift, s)
                    + ln_normal_pdf(w.x_lo + t)
            }
        };
        let with = ln_integrate_log_concave_scaled(&h(s), 0.0, w.t_hi, w.scale);
        let without = ln_integrate_log_concave_scaled(&h(0.0), 0.0, w.t_hi, w.scale);
        (with - without).min(0.0)
    }

    /// The integration window of the prior, in t = x − x_lo ≥ 0 where
    /// x = (b′ − b)/δ: measuring from the lower end keeps b′ = μ_lo + δt
    /// exact near b′ = 0 even when δ is 10³⁰⁸.
    fn window(&self, n: f64) -> PriorWindow {
        let (b, d) = (self.b, self.delta);
        let (x_lo, mu_lo) = if b / d <= PRIOR_RANGE {
            (-b / d, 0.0)
        } else {
            (-PRIOR_RANGE, b - PRIOR_RANGE * d)
        };
        PriorWindow {
            x_lo,
            mu_lo,
            t_hi: PRIOR_RANGE - x_lo,
            // The Poisson factor of count n varies on a scale of at least
            // 1 + √n events (its width near b′ = n; a slope of about one
            // e-fold per event far above), (1 + √n)/δ in t.
            scale: ((1.0 + n.sqrt()) / d).min(1.0),
        }
    }

    /// ln ∫ exp(f(s + b′)) π(b′) db′ for a log-concave-in-μ `f`.
    fn smear(&self, s: f64, n: f64, f: impl Fn(f64) -> f64) -> f64 {
        if self.delta == 0.0 {
            return f(s + self.b);
        }
        let w = self.window(n);
        let d = self.delta;
        let g = |t: f64| f(s + w.mu_lo + d * t) + ln_normal_pdf(w.x_lo + t);
        ln_integrate_log_concave_scaled(&g, 0.0, w.t_hi, w.scale) - self.ln_norm
    }
}

/// See [`SmearedPoisson::window`].
#[derive(Debug, Clone, Copy)]
struct PriorWindow {
    x_lo: f64,
    mu_lo: f64,
    t_hi: f64,
    scale: f64,
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
