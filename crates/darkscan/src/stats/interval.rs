//! Sets of counts where a unimodal score exceeds a threshold.
//!
//! Both the Feldman–Cousins ordering and the likelihood p-value sum the
//! probability of every count that ranks above the observed one. Walking the
//! counts one by one takes as many steps as the background is large (10³⁰⁸
//! is a possible input); but the scores used are unimodal in the count (the
//! smeared Poisson is log-concave in n, and so is the likelihood ratio of the
//! FC ordering), so the set is one interval [lo, hi], found here by bisection
//! in O(log n) evaluations, and its probability is a difference of two
//! cumulative distribution functions.
//!
//! Counts are integer-valued `f64`s. Above 2⁵³ neighbouring integers are not
//! representable and the ends are located to within 1e-9 of the
//! distribution's width instead (a probability error of the same order).

/// The integer interval [lo, hi] around `inside` on which the unimodal `f`
/// exceeds `thr`, given `f(inside) > thr`; `width` is the scale of the
/// distribution (√μ), used for the first gallop step and the resolution.
pub(crate) fn superlevel_interval(
    f: &mut impl FnMut(f64) -> f64,
    inside: f64,
    thr: f64,
    width: f64,
) -> (f64, f64) {
    let res = (1e-9 * width).max(1.0);
    // Left end: smallest n ≥ 0 with f(n) > thr.
    let lo = if f(0.0) > thr {
        0.0
    } else {
        let (mut out, mut inn) = (0.0, inside);
        while inn - out > res {
            let mid = (0.5 * (inn + out)).floor();
            if mid <= out || mid >= inn {
                break;
            }
            if f(mid) > thr {
                inn = mid;
            } else {
                out = mid;
            }
        }
        inn
    };
    // Right end: gallop out, then bisect.
    let mut step = width.max(1.0).ceil();
    let mut inn = inside;
    let mut out = inside + step;
    while f(out) > thr && out < f64::MAX / 4.0 {
        inn = out;
        step *= 2.0;
        out = inside + step;
    }
    while out - inn > res {
        let mid = (0.5 * (inn + out)).floor();
        if mid <= inn || mid >= out {
            break;
        }
        if f(mid) > thr {
            inn = mid;
        } else {
            out = mid;
        }
    }
    (lo, inn)
}

/// The maximum of a unimodal `f` over the integers in [0, hi], by ternary
/// search (O(log hi) evaluations). Returns (argmax, max).
pub(crate) fn integer_argmax(f: &mut impl FnMut(f64) -> f64, hi: f64) -> (f64, f64) {
    let (mut a, mut b) = (0.0_f64, hi.max(0.0).floor());
    let res = (1e-12 * b).max(2.0);
    while b - a > res {
        let m1 = (a + (b - a) / 3.0).floor();
        let m2 = (b - (b - a) / 3.0).ceil();
        if m1 >= m2 {
            break;
        }
        if f(m1) < f(m2) {
            a = m1 + 1.0;
        } else {
            b = m2 - 1.0;
        }
    }
    // A few integers are left (or, beyond 2⁵³, an interval below the
    // resolution): take the best of its ends and middle.
    let candidates: Vec<f64> = if b - a <= 4.0 {
        let mut v = Vec::new();
        let mut n = a;
        while n <= b {
            v.push(n);
            n += 1.0;
        }
        v
    } else {
        vec![a, (0.5 * (a + b)).floor(), b]
    };
    let mut best = (a, f64::NEG_INFINITY);
    for n in candidates {
        let v = f(n);
        if v > best.1 {
            best = (n, v);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_interval_of_a_parabola() {
        // f(n) = −(n − 1000)²: f > −100 on n ∈ [991, 1009].
        let mut f = |n: f64| -(n - 1000.0) * (n - 1000.0);
        assert_eq!(
            superlevel_interval(&mut f, 1000.0, -100.0, 30.0),
            (991.0, 1009.0)
        );
        assert_eq!(integer_argmax(&mut f, 5000.0).0, 1000.0);
        let mut g = |n: f64| -n;
        assert_eq!(superlevel_interval(&mut g, 0.0, -3.5, 1.0), (0.0, 3.0));
    }
}
