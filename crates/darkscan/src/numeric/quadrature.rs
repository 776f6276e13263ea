//! Quadrature: Gauss–Legendre rules and an integrator for log-concave
//! integrands evaluated in log space.
//!
//! Every integral in the counting statistics — a Poisson probability smeared
//! by a (truncated) Gaussian background prior — has a log-concave integrand:
//! the Poisson pmf, its cumulative and survival functions are log-concave in
//! the mean, and so is the Gaussian. That makes the integrand unimodal with
//! tails that fall at least as fast as a Gaussian, so the mode can be found by
//! golden-section search, the region that matters is bracketed exactly by
//! bisection, and a composite Gauss–Legendre rule on each side of the mode
//! converges to machine precision with a fixed number of points.

use std::sync::OnceLock;

/// Number of nodes in each Gauss–Legendre panel.
const GL_ORDER: usize = 20;
/// Panels on each side of the mode.
const PANELS_PER_SIDE: usize = 4;
/// How far below the maximum (in natural log units) the integration region
/// extends: e^-50 ≈ 2e-22, far below the 1e-10 target.
const LOG_DROP: f64 = 50.0;

/// Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1], computed
/// by Newton iteration on the Legendre recurrence (Golub–Welsch would do as
/// well; this is the classic approach of Numerical Recipes §4.6).
#[must_use]
pub fn gauss_legendre(n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut x = vec![0.0; n];
    let mut w = vec![0.0; n];
    let nf = n as f64;
    for i in 0..n.div_ceil(2) {
        let mut z = (std::f64::consts::PI * (i as f64 + 0.75) / (nf + 0.5)).cos();
        let mut pp = 0.0;
        for _ in 0..100 {
            let (mut p1, mut p2) = (1.0, 0.0);
            for j in 0..n {
                let p3 = p2;
                p2 = p1;
                let jf = j as f64;
                p1 = ((2.0 * jf + 1.0) * z * p2 - jf * p3) / (jf + 1.0);
            }
            pp = nf * (z * p1 - p2) / (z * z - 1.0);
            let dz = p1 / pp;
            z -= dz;
            if dz.abs() < 1e-15 {
                break;
            }
        }
        x[i] = -z;
        x[n - 1 - i] = z;
        w[i] = 2.0 / ((1.0 - z * z) * pp * pp);
        w[n - 1 - i] = w[i];
    }
    (x, w)
}

fn gl_rule() -> &'static (Vec<f64>, Vec<f64>) {
    static RULE: OnceLock<(Vec<f64>, Vec<f64>)> = OnceLock::new();
    RULE.get_or_init(|| gauss_legendre(GL_ORDER))
}

/// Composite 20-point Gauss–Legendre rule with `panels` equal panels on
/// [a, b] (0 when b ≤ a): the cross-section integrals of the electron and
/// muon bremsstrahlung modules.
pub fn composite_gauss_legendre(f: impl Fn(f64) -> f64, a: f64, b: f64, panels: usize) -> f64 {
    if b <= a {
        return 0.0;
    }
    let (x, w) = gl_rule();
    let h = (b - a) / panels as f64;
    let mut sum = 0.0;
    for p in 0..panels {
        let mid = a + (p as f64 + 0.5) * h;
        for (xi, wi) in x.iter().zip(w) {
            sum += wi * f(mid + 0.5 * h * xi);
        }
    }
    0.5 * h * sum
}

/// Maximise a unimodal function on [lo, hi] by golden-section search;
/// returns (argmax, max).
pub fn golden_max(f: &impl Fn(f64) -> f64, mut lo: f64, mut hi: f64, tol: f64) -> (f64, f64) {
    const INV_PHI: f64 = 0.618_033_988_749_894_9;
    let mut x1 = hi - INV_PHI * (hi - lo);
    let mut x2 = lo + INV_PHI * (hi - lo);
    let mut f1 = f(x1);
    let mut f2 = f(x2);
    // 0.618^2000 ≈ 1e-418: past any tolerance, so the cap only stops loops
    // whose tolerance is below the spacing of floating-point numbers.
    let mut iterations = 0;
    while hi - lo > tol && iterations < 2000 {
        iterations += 1;
        if f1 < f2 {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + INV_PHI * (hi - lo);
            f2 = f(x2);
        } else {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - INV_PHI * (hi - lo);
            f1 = f(x1);
        }
    }
    if f1 >= f2 { (x1, f1) } else { (x2, f2) }
}

/// ln ∫_lo^hi exp(g(x)) dx for a concave `g` (a log-concave integrand).
///
/// `g` may be −∞ at the ends of the interval but must be finite inside the
/// region where the integrand matters. Returns −∞ if the integrand vanishes.
/// Relative accuracy is better than 1e-12 for the smooth integrands used in
/// this crate (see the tests).
pub fn ln_integrate_log_concave(g: &impl Fn(f64) -> f64, lo: f64, hi: f64) -> f64 {
    ln_integrate_log_concave_scaled(g, lo, hi, 1.0)
}

/// [`ln_integrate_log_concave`] for an integrand whose peak may be much
/// narrower than the interval: `scale` ∈ (0, 1] is a lower bound on the
/// peak's width as a fraction of `hi − lo`, and the mode search and the
/// bracketing of the peak are refined down to that width (a Poisson
/// probability smeared by a prior 10³⁰⁰ times wider than the Poisson peak
/// needs 1500 golden-section steps instead of 50).
pub fn ln_integrate_log_concave_scaled(
    g: &impl Fn(f64) -> f64,
    lo: f64,
    hi: f64,
    scale: f64,
) -> f64 {
    debug_assert!(hi > lo);
    let scale = scale.clamp(f64::MIN_POSITIVE, 1.0);
    let tol = 1e-10 * (hi - lo).max(1e-300) * scale;
    let (x_mode, g_max) = golden_max(g, lo, hi, tol);
    if g_max == f64::NEG_INFINITY || g_max.is_nan() {
        return f64::NEG_INFINITY;
    }
    let target = g_max - LOG_DROP;
    let x_left = drop_point(g, lo, x_mode, target, true, scale);
    let x_right = drop_point(g, x_mode, hi, target, false, scale);
    let (nodes, weights) = gl_rule();
    let mut sum = 0.0;
    for (a, b) in [(x_left, x_mode), (x_mode, x_right)] {
        if b <= a {
            continue;
        }
        let h = (b - a) / PANELS_PER_SIDE as f64;
        for p in 0..PANELS_PER_SIDE {
            let mid = a + (p as f64 + 0.5) * h;
            let half = 0.5 * h;
            for (t, w) in nodes.iter().zip(weights) {
                let v = g(mid + half * t) - g_max;
                if v > -700.0 {
                    sum += w * half * v.exp();
                }
            }
        }
    }
    g_max + sum.ln()
}

/// The point between `a` and `b` where the concave `g` crosses `target`,
/// searching towards `a` (left side) or `b` (right side) of the mode.
fn drop_point(g: &impl Fn(f64) -> f64, a: f64, b: f64, target: f64, left: bool, scale: f64) -> f64 {
    let edge = if left { a } else { b };
    if g(edge) >= target {
        return edge;
    }
    // Invariant: g(inside) ≥ target > g(outside).
    let (mut inside, mut outside) = if left { (b, a) } else { (a, b) };
    for _ in 0..2100 {
        let mid = 0.5 * (inside + outside);
        if mid == inside || mid == outside {
            break;
        }
        if g(mid) >= target {
            inside = mid;
        } else {
            outside = mid;
        }
        if (inside - outside).abs() < 1e-6 * (b - a).abs() * scale {
            break;
        }
    }
    outside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legendre_rule_integrates_polynomials() {
        let (x, w) = gauss_legendre(GL_ORDER);
        let s: f64 = w.iter().sum();
        assert!((s - 2.0).abs() < 1e-14);
        // ∫ x^38 over [−1, 1] = 2/39, exact for a 20-point rule.
        let i: f64 = x.iter().zip(&w).map(|(x, w)| w * x.powi(38)).sum();
        assert!((i - 2.0 / 39.0).abs() < 1e-14);
    }

    #[test]
    fn gaussian_and_skewed_integrands() {
        // ∫ exp(−x²/2σ²) = σ√(2π), narrow and wide.
        for &sigma in &[1e-3, 1.0, 30.0] {
            let g = |x: f64| -0.5 * (x - 1.0) * (x - 1.0) / (sigma * sigma);
            let v = ln_integrate_log_concave(&g, -1e3, 1e3).exp();
            let exact = sigma * (2.0 * std::f64::consts::PI).sqrt();
            assert!(
                ((v - exact) / exact).abs() < 1e-12,
                "sigma={sigma}: {v} vs {exact}"
            );
        }
        // Gamma-shaped: ∫_0^∞ x^5 e^{-x} = 120, mode away from the edge, −∞ at 0.
        let g = |x: f64| 5.0 * x.ln() - x;
        let v = ln_integrate_log_concave(&g, 0.0, 500.0).exp();
        assert!(((v - 120.0) / 120.0).abs() < 1e-12, "{v}");
        // Exponential with the mode on the boundary: ∫_0^∞ e^{-3x} = 1/3.
        let g = |x: f64| -3.0 * x;
        let v = ln_integrate_log_concave(&g, 0.0, 100.0).exp();
        assert!((v - 1.0 / 3.0).abs() < 1e-13, "{v}");
    }
}
