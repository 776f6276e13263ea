//! Poisson probabilities at counts and means far beyond where the direct
//! sums converge (up to 10³⁰⁸).
//!
//! - [`ln_poisson_real`]: ln Pois(n | μ) for a real (integer-valued) count,
//!   written as −bd0(n, μ) − ½ ln(2πn) − stirlerr(n) so that no term ever
//!   overflows or cancels (C. Loader, "Fast and Accurate Computation of
//!   Binomial Probabilities", 2000, eqs. (2)–(5)).
//! - [`temme_ln_pq`]: the regularised incomplete gamma functions P(a, x) and
//!   Q(a, x) for large `a` near the transition x ≈ a, from N. M. Temme's
//!   uniform asymptotic expansion (SIAM J. Math. Anal. 10 (1979) 757; the
//!   coefficients as in A. R. DiDonato and A. H. Morris, ACM TOMS 12 (1986)
//!   377, eq. (32)):
//!   Q(a, x) = ½ erfc(η√(a/2)) + e^{−aη²/2}/√(2πa) · (C₀(η) + C₁(η)/a + …),
//!   λ = x/a, η = sign(λ−1)·√(2(λ − 1 − ln λ)).
//!   The neglected C₂/a² term bounds the relative error by about 1e-12 at
//!   a ≥ [`TEMME_MIN_A`] (checked against the exact series in the tests).
//! - [`ln_q_shift`]: ln Q(a, x + t) − ln Q(a, x) without forming x + t when
//!   x ≫ t, so that a signal of 2 events on a background of 10³⁰⁸ is not lost
//!   in rounding.

use super::special::{ln_gamma_q, ln_gamma_q_cf_parts};
use std::f64::consts::PI;

/// Smallest shape parameter `a` for which [`temme_ln_pq`] is used near
/// x ≈ a (below it the series and continued fraction converge quickly).
pub const TEMME_MIN_A: f64 = 1e5;
/// The expansion replaces the series below λ = x/a = 1 for λ ≥ 1 − TEMME_BAND
/// (below it the series converges in ≲ 40/(1 − λ) ≤ 130 terms) …
pub const TEMME_BAND: f64 = 0.3;
/// … and the continued fraction up to λ = 10 (beyond it the fraction
/// converges in a few terms; the expansion's C₀ there cancels one digit at
/// most: (λ − 1)/η ≤ 2.5).
pub const TEMME_MAX_LAMBDA: f64 = 10.0;

/// t − ln(1 + t), for t > −1, accurate also for |t| ≪ 1 (power series
/// Σ_{k≥2} (−1)^k t^k / k below |t| = 0.1).
#[must_use]
pub fn t_minus_ln1p(t: f64) -> f64 {
    if t.abs() < 0.1 {
        let mut term = t * t;
        let mut sum = 0.0;
        for k in 2..40 {
            let c = term / k as f64;
            sum += if k % 2 == 0 { c } else { -c };
            if c.abs() < 1e-18 * sum.abs() {
                break;
            }
            term *= t;
        }
        sum
    } else {
        t - t.ln_1p()
    }
}

/// The Stirling-series error stirlerr(n) = ln n! − (n + ½) ln n + n − ln √(2π)
/// (Loader 2000, eq. (4)); exact via lnΓ below n = 15, the asymptotic series
/// 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) above (error < 1e-16).
#[must_use]
pub fn stirlerr(n: f64) -> f64 {
    if n < 15.0 {
        let ln_sqrt_2pi = 0.5 * (2.0 * PI).ln();
        libm::lgamma(n + 1.0) - (n + 0.5) * n.ln() + n - ln_sqrt_2pi
    } else {
        let n2 = 1.0 / (n * n);
        (1.0 / 12.0 - n2 * (1.0 / 360.0 - n2 * (1.0 / 1260.0 - n2 / 1680.0))) / n
    }
}

/// The deviance term bd0(x, μ) = x ln(x/μ) + μ − x ≥ 0 (Loader 2000, eq. (5)),
/// written as μ·φ((x − μ)/μ) with φ(t) = (1 + t) ln(1 + t) − t evaluated
/// without cancellation.
#[must_use]
pub fn bd0(x: f64, mu: f64) -> f64 {
    let t = (x - mu) / mu;
    if t.abs() < 0.1 {
        // φ(t) = Σ_{k≥2} (−1)^k t^k / (k(k−1)).
        let mut term = t * t;
        let mut sum = 0.0;
        for k in 2..40 {
            let c = term / (k * (k - 1)) as f64;
            sum += if k % 2 == 0 { c } else { -c };
            if c.abs() < 1e-18 * sum.abs() {
                break;
            }
            term *= t;
        }
        mu * sum
    } else {
        // Far from μ both forms are well conditioned; x ln(x/μ) avoids the
        // overflow of x ln x for x near 10³⁰⁸.
        x * (x / mu).ln() + mu - x
    }
}

/// ln Pois(n | μ) for a real, integer-valued count `n` ≥ 0 and mean μ ≥ 0,
/// finite for counts and means up to f64::MAX (Loader 2000, eq. (2)).
#[must_use]
pub fn ln_poisson_real(n: f64, mu: f64) -> f64 {
    if mu <= 0.0 {
        return if n == 0.0 { 0.0 } else { f64::NEG_INFINITY };
    }
    if n == 0.0 {
        return -mu;
    }
    -stirlerr(n) - 0.5 * (2.0 * PI * n).ln() - bd0(n, mu)
}

/// e^{z²} erfc(z) for z ≥ 0: libm's erfc below z = 25, the asymptotic series
/// 1/(z√π)·(1 − 1/(2z²) + 3/(4z⁴) − 15/(8z⁶) + 105/(16z⁸)) above (Abramowitz &
/// Stegun 7.1.23; the next term is below 3e-14 relative there).
fn erfcx(z: f64) -> f64 {
    if z < 25.0 {
        (z * z).exp() * libm::erfc(z)
    } else {
        let u = 1.0 / (2.0 * z * z);
        (1.0 - u * (1.0 - 3.0 * u * (1.0 - 5.0 * u * (1.0 - 7.0 * u)))) / (z * PI.sqrt())
    }
}

/// (ln P(a, x), ln Q(a, x)) by Temme's uniform expansion (module docs). Meant
/// for a ≥ [`TEMME_MIN_A`] and |x/a − 1| ≤ [`TEMME_BAND`].
#[must_use]
pub fn temme_ln_pq(a: f64, x: f64) -> (f64, f64) {
    let t = (x - a) / a; // λ − 1
    let eta = (2.0 * t_minus_ln1p(t)).sqrt().copysign(t);
    // C₀ and C₁ (DiDonato & Morris 1986, eq. (32)); their Taylor series near
    // η = 0, where the closed forms cancel.
    let (c0, c1) = if eta.abs() < 1e-3 {
        (
            -1.0 / 3.0 + eta / 12.0 - 2.0 * eta * eta / 135.0,
            -1.0 / 540.0 - eta / 288.0,
        )
    } else {
        (
            1.0 / t - 1.0 / eta,
            1.0 / eta.powi(3) - 1.0 / t.powi(3) - 1.0 / (t * t) - 1.0 / (12.0 * t),
        )
    };
    let r = (c0 + c1 / a) / (2.0 * PI * a).sqrt();
    let z = eta * (0.5 * a).sqrt();
    let e = z * z;
    if eta >= 0.0 {
        // Q = e^{−z²} (½ erfcx(z) + r).
        let ln_q = -e + (0.5 * erfcx(z) + r).ln();
        (super::special::ln_1m_exp(ln_q.min(0.0)), ln_q)
    } else {
        // P = ½ erfc(|z|) − R = e^{−z²} (½ erfcx(|z|) − r).
        let ln_p = -e + (0.5 * erfcx(-z) - r).ln();
        (ln_p, super::special::ln_1m_exp(ln_p.min(0.0)))
    }
}

/// ln Q(a, x + t) − ln Q(a, x) for x ≥ 0 and x + t ≥ 0.
///
/// Where both arguments lie in the continued-fraction region (≥ a + 1) this
/// is −t + a·ln(1 + t/x) + ln h(a, x + t) − ln h(a, x), with h the continued
/// fraction of Numerical Recipes §6.2 (Q = e^{−x} xᵃ h / Γ(a)); nothing of
/// size x enters, so t survives even when x + t rounds to x. Elsewhere one of
/// the two values is of moderate size and the plain difference is accurate.
#[must_use]
pub fn ln_q_shift(a: f64, x: f64, t: f64) -> f64 {
    if t == 0.0 {
        return 0.0;
    }
    let y = x + t;
    let cf_ok = |v: f64| v >= a + 1.0 && !(a >= TEMME_MIN_A && v / a <= TEMME_MAX_LAMBDA);
    if cf_ok(x) && cf_ok(y) && x > 0.0 {
        let (_, ln_hx) = ln_gamma_q_cf_parts(a, x);
        let (_, ln_hy) = ln_gamma_q_cf_parts(a, y.max(x * f64::EPSILON));
        -t + a * (t / x).ln_1p() + ln_hy - ln_hx
    } else {
        ln_gamma_q(a, y.max(0.0)) - ln_gamma_q(a, x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::special::{ln_factorial, ln_gamma_p};

    #[test]
    fn real_count_poisson_matches_direct_form() {
        for &(n, mu) in &[
            (0.0, 2.0),
            (1.0, 0.5),
            (7.0, 3.0),
            (30.0, 31.5),
            (1e6, 1e6 + 300.0),
        ] {
            let direct = n * f64::ln(mu) - mu - ln_factorial(n as u64);
            let v = ln_poisson_real(n, mu);
            assert!(
                (v - direct).abs() < 1e-9 * direct.abs().max(1.0),
                "{n} {mu}: {v} vs {direct}"
            );
        }
        // Far beyond u64 the value is the Gaussian density −½ln(2πμ) − k²/2 at
        // n = μ + k√μ (up to O(k³/√μ) = 1e-11).
        let mu: f64 = 1e24;
        let n = mu + 2.0 * 1e12;
        let k = (n - mu) / mu.sqrt(); // 2 up to the rounding of n
        let v = ln_poisson_real(n, mu);
        let g = -0.5 * (2.0 * PI * mu).ln() - 0.5 * k * k;
        assert!((v - g).abs() < 1e-6, "{v} vs {g}");
    }

    #[test]
    fn temme_matches_series_and_fraction() {
        // Against the exact series / continued fraction, across the band.
        // At a = 1e3 the neglected C₂/a² term is visible (tolerance 1e-9,
        // where a wrong C₁ would show as ~3e-8); at a ≥ 1e5 the reference
        // itself carries ~1e-9 absolute rounding from lnΓ(a) ≈ 1e6.
        for &(a, tol) in &[(1e3f64, 1e-9), (1e5, 3e-9)] {
            for &k in &[-20.0, -5.0, -1.0, -0.1, 0.0, 0.3, 2.0, 8.0, 20.0] {
                let x = a + k * a.sqrt();
                let (lp, lq) = temme_ln_pq(a, x);
                let eq = crate::numeric::special::ln_gamma_q_exact(a, x);
                let ep = crate::numeric::special::ln_gamma_p_exact(a, x);
                assert!(
                    (lq - eq).abs() < tol * eq.abs().max(1.0),
                    "a={a} k={k}: Q {lq} vs {eq}"
                );
                assert!(
                    (lp - ep).abs() < tol * ep.abs().max(1.0),
                    "a={a} k={k}: P {lp} vs {ep}"
                );
            }
        }
        // Huge a: the median of a Poisson(μ) count is ≈ μ − 1/3, so P(N ≤ μ) ≈ ½.
        let q = ln_gamma_q(1e300 + 1.0, 1e300).exp();
        assert!((q - 0.5).abs() < 1e-9, "{q}");
        // Three standard deviations above the mean: P(a, a + 3√a) ≈ Φ(3) = 0.99865.
        let p = ln_gamma_p(1e20, 1e20 + 3e10).exp();
        assert!((p - 0.998_65).abs() < 1e-5, "{p}");
    }

    #[test]
    fn q_shift_keeps_small_shifts_of_huge_means() {
        // ln Q(2, 1e308 + t) − ln Q(2, 1e308) → −t for x ≫ a.
        let v = ln_q_shift(2.0, 1e308, 2.25);
        assert!((v + 2.25).abs() < 1e-12, "{v}");
        // Moderate arguments agree with the plain difference.
        for &(a, x, t) in &[(3.0, 10.0, 1.5), (3.0, 1.0, 4.0), (50.0, 80.0, -20.0)] {
            let d = ln_gamma_q(a, x + t) - ln_gamma_q(a, x);
            assert!((ln_q_shift(a, x, t) - d).abs() < 1e-11, "{a} {x} {t}");
        }
    }
}
