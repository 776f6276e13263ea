//! One-dimensional root finding.

/// Find a root of `f` in [a, b] by Brent's method (R. P. Brent, "Algorithms
/// for Minimization without Derivatives", 1973, ch. 4). `f(a)` and `f(b)` must
/// bracket a sign change; returns `None` if they do not.
pub fn brent(f: impl Fn(f64) -> f64, mut a: f64, mut b: f64, xtol: f64) -> Option<f64> {
    let mut fa = f(a);
    let mut fb = f(b);
    if fa == 0.0 {
        return Some(a);
    }
    if fb == 0.0 {
        return Some(b);
    }
    if fa.signum() == fb.signum() || fa.is_nan() || fb.is_nan() {
        return None;
    }
    let (mut c, mut fc) = (a, fa);
    let mut d = b - a;
    let mut e = d;
    for _ in 0..300 {
        if fb.signum() == fc.signum() {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if fc.abs() < fb.abs() {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        let tol = 2.0 * f64::EPSILON * b.abs() + 0.5 * xtol;
        let m = 0.5 * (c - b);
        if m.abs() <= tol || fb == 0.0 {
            return Some(b);
        }
        if e.abs() >= tol && fa.abs() > fb.abs() {
            let s = fb / fa;
            let (mut p, mut q);
            if a == c {
                p = 2.0 * m * s;
                q = 1.0 - s;
            } else {
                let qq = fa / fc;
                let r = fb / fc;
                p = s * (2.0 * m * qq * (qq - r) - (b - a) * (r - 1.0));
                q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if p > 0.0 {
                q = -q;
            } else {
                p = -p;
            }
            if 2.0 * p < (3.0 * m * q - (tol * q).abs()).min((e * q).abs()) {
                e = d;
                d = p / q;
            } else {
                d = m;
                e = m;
            }
        } else {
            d = m;
            e = m;
        }
        a = b;
        fa = fb;
        b += if d.abs() > tol { d } else { tol.copysign(m) };
        fb = f(b);
    }
    Some(b)
}

/// Find a root of a decreasing function `f` on [lo, ∞): expands the upper end
/// by doubling from `guess` until the sign changes, then runs [`brent`].
/// Returns `None` if `f(lo) < 0` or no sign change is found below 1e300.
pub fn root_decreasing(f: impl Fn(f64) -> f64, lo: f64, guess: f64, xtol: f64) -> Option<f64> {
    let flo = f(lo);
    if flo.is_nan() || flo < 0.0 {
        return None;
    }
    if flo == 0.0 {
        return Some(lo);
    }
    let mut a = lo;
    let mut b = guess.max(lo + 1.0);
    while f(b) > 0.0 {
        a = b;
        b *= 2.0;
        if b > 1e300 {
            return None;
        }
    }
    brent(f, a, b, xtol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_known_roots() {
        let r = brent(|x| x * x - 2.0, 0.0, 2.0, 1e-14).unwrap();
        assert!((r - 2f64.sqrt()).abs() < 1e-13);
        let r = root_decreasing(|s| (-s).exp() - 0.1, 0.0, 1.0, 1e-13).unwrap();
        assert!((r - 10f64.ln()).abs() < 1e-12);
        assert!(brent(|x| x * x + 1.0, -1.0, 1.0, 1e-12).is_none());
    }
}
