//! Lifetime re-weighting of an [`AcceptanceSample`]: the expected fraction
//! of FIPs that decay inside the decay volume and pass the selection, for any
//! cτ, by arithmetic on the stored sample.
//!
//! # The estimator
//!
//! A FIP with decay length λ = βγ cτ decays at path length L with density
//! e^{−L/λ}/λ. The probability that it decays inside [L₁, L₂] and is selected
//! is
//!
//! ```text
//! P = ∫_{L₁}^{L₂} e^{−L/λ}/λ · A(L) dL = P_decay · E_trunc[A],
//! P_decay = e^{−L₁/λ} − e^{−L₂/λ},
//! ```
//!
//! with E_trunc the mean over the exponential truncated to [L₁, L₂]. The sample
//! holds A at K points L_k = L₁ + (k + u)δ, δ = (L₂ − L₁)/K, one in each of K
//! equal strata. The truncated-exponential weights at those points,
//! normalised, are w_k = r^k / Σ_j r^j with r = e^{−δ/λ} (the common factor
//! e^{−uδ/λ} cancels), and Σ_j r^j = (1 − r^K)/(1 − r), P_decay =
//! e^{−L₁/λ}(1 − r^K). Hence
//!
//! ```text
//! P ≈ P_decay Σ_k w_k A_k = e^{−L₁/λ} (1 − r) Σ_k A_k r^k,
//! ```
//!
//! which is also the exact probability of a decay in stratum k,
//! e^{−(L₁+kδ)/λ}(1 − r), times the acceptance sampled in that stratum: the
//! acceptance is taken constant within each stratum. It is exact for a
//! constant acceptance, unbiased for λ ≫ L₂ − L₁ (uniform decays), and for
//! λ ≪ δ it takes the acceptance of the first stratum. The stored A_k depend on
//! the random decay angles and smearing only, so every cτ sees the same
//! decays: a scan in cτ is smooth.
//!
//! # Numerics
//!
//! 1 − r = −expm1(−δ/λ) keeps full precision for λ ≫ δ (where 1 − r ≈ δ/λ and
//! the whole expression tends to (L₂ − L₁)/λ · Ā), r itself is an `exp` (so
//! r^k keeps its relative precision when r ≪ 1), and e^{−L₁/λ} underflows
//! cleanly to 0 for λ ≪ L₁; Σ A_k r^k is a Horner polynomial in r ∈ [0, 1]
//! (r → 0 leaves A₀). The exponentials are a vectorisable Cody–Waite `exp`
//! (checked against libm to a few ulp in the tests) and contributions below
//! e^{−708} ≈ 3e-308 are dropped. No step divides by a small difference, so every cτ > 0
//! from 10⁻¹² m to 10²⁰ m gives a finite, non-negative result; cτ ≤ 0 or NaN
//! gives 0.

use crate::mc::acceptance::AcceptanceSample;
use rayon::prelude::*;

/// Events per block of the batched kernel: each rayon task sums one block for
/// every cτ, and the blocks are added in order (the result does not depend on
/// the number of threads). Small enough for the block's inputs and scratch
/// (~64 KiB) to stay in L2.
const BLOCK_EVENTS: usize = 1024;

/// Beyond this x, e^{−x} (< 3.3e-308, the edge of the normal range) is
/// returned as 0 by [`exp_neg`].
const EXP_NEG_MAX: f64 = 708.0;

/// e^{−x} for x ≥ 0, to ~1 ulp, in branch-free f64/u64 arithmetic that the
/// compiler vectorises (libm's `exp` is an opaque call, which would keep the
/// kernel scalar). Cody–Waite reduction x·log₂e = n + f with the fdlibm split
/// of ln 2 (W. J. Cody and W. Waite, "Software Manual for the Elementary
/// Functions", 1980; fdlibm e_exp.c), e^{r} by its Taylor polynomial of
/// degree 12 on |r| ≤ ln2/2 (truncation < 2e-16), and 2ⁿ built in the
/// exponent bits. Returns 0 for x > 708.
#[inline(always)]
fn exp_neg(x: f64) -> f64 {
    const LN2_HI: f64 = 6.931_471_803_691_238e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
    // 1.5·2⁵²: adding it rounds to an integer held in the low mantissa bits.
    const MAGIC: f64 = 6_755_399_441_055_744.0;
    let xc = x.min(EXP_NEG_MAX);
    let t = -xc * std::f64::consts::LOG2_E + MAGIC;
    let nf = t - MAGIC;
    let n = t.to_bits().wrapping_sub(MAGIC.to_bits());
    let r = (-xc - nf * LN2_HI) - nf * LN2_LO;
    let mut p = 1.0 / 479_001_600.0;
    p = p * r + 1.0 / 39_916_800.0;
    p = p * r + 1.0 / 3_628_800.0;
    p = p * r + 1.0 / 362_880.0;
    p = p * r + 1.0 / 40_320.0;
    p = p * r + 1.0 / 5_040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    let scale = f64::from_bits(n.wrapping_add(1023) << 52);
    let y = p * scale;
    if x > EXP_NEG_MAX { 0.0 } else { y }
}

/// 1 − e^{−y} for 0 ≤ y < 0.5 by its Taylor series to y¹⁵ (relative
/// truncation < 1e-17): full relative precision as y → 0, vectorisable.
#[inline(always)]
fn one_minus_exp_neg_small(y: f64) -> f64 {
    // Σ_{k=1}^{15} (−1)^{k+1} y^k / k!
    let mut q = 1.0 / 1_307_674_368_000.0;
    q = q * y - 1.0 / 87_178_291_200.0;
    q = q * y + 1.0 / 6_227_020_800.0;
    q = q * y - 1.0 / 479_001_600.0;
    q = q * y + 1.0 / 39_916_800.0;
    q = q * y - 1.0 / 3_628_800.0;
    q = q * y + 1.0 / 362_880.0;
    q = q * y - 1.0 / 40_320.0;
    q = q * y + 1.0 / 5_040.0;
    q = q * y - 1.0 / 720.0;
    q = q * y + 1.0 / 120.0;
    q = q * y - 1.0 / 24.0;
    q = q * y + 1.0 / 6.0;
    q = q * y - 0.5;
    q = q * y + 1.0;
    q * y
}

/// P_decay = e^{−L₁/λ} − e^{−L₂/λ}, the probability that a particle of decay
/// length `lambda_m` decays between path lengths `l1_m` ≤ `l2_m`, written as
/// e^{−L₁/λ} · (−expm1(−(L₂ − L₁)/λ)) so that it is accurate both for λ ≫ L
/// (≈ (L₂ − L₁)/λ) and λ ≪ L (underflows to 0, never NaN). Returns 0 for
/// λ ≤ 0 or NaN.
#[must_use]
pub fn decay_probability(l1_m: f64, l2_m: f64, lambda_m: f64) -> f64 {
    if lambda_m.is_nan() || lambda_m <= 0.0 || l2_m <= l1_m {
        return 0.0;
    }
    let inv = 1.0 / lambda_m;
    (-l1_m * inv).exp() * -(-(l2_m - l1_m) * inv).exp_m1()
}

/// Per-FIP quantities of the kernel that do not depend on cτ: built once
/// per acceptance sample ([`PreparedSample::new`]) and reused for every
/// coupling of a scan — building it allocates n·K values, which per call
/// would dominate a large scan's time in page faults.
#[derive(Clone)]
pub struct PreparedSample {
    /// L₁/βγ (m).
    a: Vec<f64>,
    /// δ/βγ (m).
    d: Vec<f64>,
    weight: Vec<f64>,
    /// Acceptance flags as 0.0/1.0, block by block: block b holds
    /// `flags[(b·K + k)·BLOCK_EVENTS + i]` for its event i and point k, so
    /// the Horner pass reads contiguous rows.
    flags: Vec<f64>,
    k: usize,
}

impl PreparedSample {
    /// Prepares `s` for [`expected_fractions_prepared`].
    #[must_use]
    pub fn new(s: &AcceptanceSample) -> Self {
        let k = s.decay_points.clamp(1, 64);
        let kf = k as f64;
        let n = s.len();
        let mut a = Vec::with_capacity(n);
        let mut d = Vec::with_capacity(n);
        for i in 0..n {
            let bg = s.beta_gamma[i];
            a.push(s.l1_m[i] / bg);
            d.push((s.l2_m[i] - s.l1_m[i]) / kf / bg);
        }
        let n_blocks = n.div_ceil(BLOCK_EVENTS);
        let mut flags = vec![0.0; n_blocks * k * BLOCK_EVENTS];
        for (i, m) in s.accepted.iter().enumerate() {
            let (b, j) = (i / BLOCK_EVENTS, i % BLOCK_EVENTS);
            for kk in 0..k {
                if m >> kk & 1 == 1 {
                    flags[(b * k + kk) * BLOCK_EVENTS + j] = 1.0;
                }
            }
        }
        Self {
            a,
            d,
            weight: s.weight.clone(),
            flags,
            k,
        }
    }

    /// Σ_i weight_i e^{−a_i/cτ}(1 − r_i) Σ_k A_ik r_i^k over the events of
    /// `range` (at most [`BLOCK_EVENTS`]), in three vectorisable passes:
    /// the exponentials, the Horner polynomial in r over the K mask bits
    /// (k outer, events inner), and the weighted sum (4 partial sums).
    #[inline(always)]
    fn block_sum(&self, range: std::ops::Range<usize>, inv_ctau: f64, sc: &mut Scratch) -> f64 {
        debug_assert_eq!(range.start % BLOCK_EVENTS, 0);
        let n = range.len();
        let a = &self.a[range.clone()];
        let d = &self.d[range.clone()];
        let w = &self.weight[range.clone()];
        let block = range.start / BLOCK_EVENTS;
        let flags = &self.flags[block * self.k * BLOCK_EVENTS..(block + 1) * self.k * BLOCK_EVENTS];
        let e1 = &mut sc.e1[..n];
        let r = &mut sc.r[..n];
        let omr = &mut sc.omr[..n];
        let poly = &mut sc.poly[..n];
        for i in 0..n {
            let y = d[i] * inv_ctau;
            let ri = exp_neg(y);
            e1[i] = exp_neg(a[i] * inv_ctau);
            r[i] = ri;
            // 1 − r without cancellation: the series while y < 1/2, else the
            // difference is exact enough (r < 0.61).
            omr[i] = if y < 0.5 {
                one_minus_exp_neg_small(y)
            } else {
                1.0 - ri
            };
            poly[i] = 0.0;
        }
        for k in (0..self.k).rev() {
            let f = &flags[k * BLOCK_EVENTS..k * BLOCK_EVENTS + n];
            for i in 0..n {
                poly[i] = poly[i] * r[i] + f[i];
            }
        }
        let mut acc = [0.0f64; 4];
        let mut chunks = 0;
        for (j, (((w4, e4), o4), p4)) in w
            .chunks_exact(4)
            .zip(e1.chunks_exact(4))
            .zip(omr.chunks_exact(4))
            .zip(poly.chunks_exact(4))
            .enumerate()
        {
            for l in 0..4 {
                acc[l] += w4[l] * e4[l] * o4[l] * p4[l];
            }
            chunks = j + 1;
        }
        let mut total = (acc[0] + acc[1]) + (acc[2] + acc[3]);
        for i in 4 * chunks..n {
            total += w[i] * e1[i] * omr[i] * poly[i];
        }
        total
    }
}

/// [`PreparedSample::block_sum`] compiled for AVX2 (4 f64 lanes instead of SSE2's
/// 2). Rust never fuses a·b + c on its own, so the result is bit-identical to
/// the baseline build.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn block_sum_avx2(
    p: &PreparedSample,
    range: std::ops::Range<usize>,
    inv_ctau: f64,
    sc: &mut Scratch,
) -> f64 {
    p.block_sum(range, inv_ctau, sc)
}

/// The block sum with the widest vector unit the CPU has.
fn block_sum_dispatch(
    p: &PreparedSample,
    range: std::ops::Range<usize>,
    inv_ctau: f64,
    sc: &mut Scratch,
    avx2: bool,
) -> f64 {
    #[cfg(target_arch = "x86_64")]
    if avx2 {
        // SAFETY: `avx2` is true only when the CPU reports AVX2.
        return unsafe { block_sum_avx2(p, range, inv_ctau, sc) };
    }
    let _ = avx2;
    p.block_sum(range, inv_ctau, sc)
}

/// Whether the running CPU has AVX2.
fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Per-task scratch of [`PreparedSample::block_sum`].
struct Scratch {
    e1: Vec<f64>,
    r: Vec<f64>,
    omr: Vec<f64>,
    poly: Vec<f64>,
}

impl Scratch {
    fn new() -> Self {
        Self {
            e1: vec![0.0; BLOCK_EVENTS],
            r: vec![0.0; BLOCK_EVENTS],
            omr: vec![0.0; BLOCK_EVENTS],
            poly: vec![0.0; BLOCK_EVENTS],
        }
    }
}

/// Expected fraction Σ_i weight_i · P_i(cτ) for one `ctau_m` (see the module
/// docs for P): the number of selected decays in the volume per source call.
#[must_use]
pub fn expected_fraction(sample: &AcceptanceSample, ctau_m: f64) -> f64 {
    expected_fractions(sample, &[ctau_m])[0]
}

/// [`expected_fraction`] for many cτ values at once: the hot kernel of a
/// (mass, coupling) scan. Events are split in blocks run on rayon; the
/// per-block sums are added in block order, so the result is the same for
/// any number of threads.
#[must_use]
pub fn expected_fractions(sample: &AcceptanceSample, ctau_m: &[f64]) -> Vec<f64> {
    expected_fractions_prepared(&PreparedSample::new(sample), ctau_m)
}

/// [`expected_fractions`] on a sample prepared once ([`PreparedSample`]):
/// the same numbers, without rebuilding the per-FIP arrays at each call.
#[must_use]
pub fn expected_fractions_prepared(prep: &PreparedSample, ctau_m: &[f64]) -> Vec<f64> {
    let n = prep.a.len();
    // 1/cτ; 0 marks a cτ that contributes nothing (cτ ≤ 0, NaN, or so
    // small that 1/cτ overflows).
    let inv: Vec<f64> = ctau_m
        .iter()
        .map(|&c| {
            let i = 1.0 / c;
            if c > 0.0 && i.is_finite() { i } else { 0.0 }
        })
        .collect();
    let avx2 = has_avx2();
    let blocks: Vec<Vec<f64>> = (0..n.div_ceil(BLOCK_EVENTS))
        .into_par_iter()
        .map_init(Scratch::new, |sc, b| {
            let range = b * BLOCK_EVENTS..((b + 1) * BLOCK_EVENTS).min(n);
            inv.iter()
                .map(|&ic| {
                    if ic > 0.0 {
                        block_sum_dispatch(prep, range.clone(), ic, sc, avx2)
                    } else {
                        0.0
                    }
                })
                .collect()
        })
        .collect();
    let mut out = vec![0.0; ctau_m.len()];
    for b in blocks {
        for (o, v) in out.iter_mut().zip(b) {
            *o += v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_neg_matches_libm() {
        let mut x: f64 = 1e-300;
        while x < 800.0 {
            for v in [x, x * 1.37, x * 2.91] {
                let want = (-v).exp();
                let got = exp_neg(v);
                if v > EXP_NEG_MAX {
                    assert_eq!(got, 0.0);
                } else {
                    assert!((got - want).abs() <= 4e-16 * want, "{v}: {got} vs {want}");
                }
            }
            x *= 1.9;
        }
        assert_eq!(exp_neg(0.0), 1.0);
        for i in 0..5000 {
            let y = 0.5 * f64::from(i) / 5000.0 + 1e-20;
            let want = -(-y).exp_m1();
            let got = one_minus_exp_neg_small(y);
            assert!((got - want).abs() <= 4e-16 * want, "{y}: {got} vs {want}");
        }
    }

    /// The vectorised kernel against a plain libm evaluation of the
    /// stratified estimator.
    #[test]
    fn kernel_matches_reference() {
        use crate::numeric::rng::Rng;
        let mut rng = Rng::new(3, 0);
        let k = 12;
        let mut s = AcceptanceSample::new(0.4, 0.1, k);
        for _ in 0..3000 {
            s.weight.push(rng.uniform());
            s.beta_gamma.push(1.0 + 1e3 * rng.uniform());
            let l1 = 80.0 + 5.0 * rng.uniform();
            s.l1_m.push(l1);
            s.l2_m.push(l1 + 70.0 * rng.uniform() + 1e-3);
            s.stratum_offset.push(rng.uniform());
            s.accepted.push(rng.next_u64() & ((1 << k) - 1));
        }
        let ctaus: Vec<f64> = (0..60)
            .map(|i| 10f64.powf(-4.0 + 0.25 * f64::from(i)))
            .collect();
        let fast = expected_fractions(&s, &ctaus);
        for (c, f) in ctaus.iter().zip(&fast) {
            let mut want = 0.0;
            for i in 0..s.len() {
                let lam = s.beta_gamma[i] * c;
                let delta = (s.l2_m[i] - s.l1_m[i]) / k as f64;
                let r = (-delta / lam).exp();
                let mut poly = 0.0;
                for j in (0..k).rev() {
                    poly = poly * r + f64::from(u8::from(s.is_accepted(i, j)));
                }
                want += s.weight[i] * (-s.l1_m[i] / lam).exp() * -(-delta / lam).exp_m1() * poly;
            }
            assert!(
                (f - want).abs() <= 1e-12 * want + 1e-300,
                "{c}: {f} vs {want}"
            );
        }
        assert_eq!(expected_fraction(&s, 0.0), 0.0);
        assert_eq!(expected_fraction(&s, -1.0), 0.0);
        assert_eq!(expected_fraction(&s, f64::NAN), 0.0);
        assert_eq!(expected_fraction(&s, 1e-320), 0.0);
    }
}
