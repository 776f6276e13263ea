//! S, P, V, A bremsstrahlung off electrons (`production::boson_brem`):
//! the IWW formulas against BEST's vector, their analytic large-mass limit,
//! and the exact-tree-level (ETL) cross sections tabulated in DMG4.
//!
//! Published numbers used: DMG4 (M. Bondi et al., CPC 269 (2021) 108129),
//! the ETL total cross sections on lead at ε = 1 for x > 0.01 that its
//! classes `DarkPhotons`, `DarkScalars`, `DarkPseudoScalars`, `DarkAxials`
//! tabulate below 1 MeV (`TotCS…Particle`, GeV⁻²): at m = 0.9 MeV
//! V 60733.3, S 16881.1, P 14184, A 90558.2; at m = 1 keV P 37492.4,
//! A 3.90092857×10¹⁰. No published S/P/A cross section at NA64's masses
//! (≥ 1 MeV) was reachable (Kirpichnikov et al., PRD 102 (2020) 095024 and
//! the NA64 papers show them only in figures).

use darkscan::model::electron_g2::BosonType;
use darkscan::numeric::quadrature::composite_gauss_legendre;
use darkscan::production::boson_brem::{
    dsigma_dx, dsigma_dx_leading, sigma_iww, sigma_iww_checked, width_ee,
};
use darkscan::production::electron_brem::{self, LEAD, chi};
use darkscan::units::ELECTRON;

const ALL: [BosonType; 4] = [
    BosonType::Scalar,
    BosonType::Pseudoscalar,
    BosonType::Vector,
    BosonType::Axial,
];

#[test]
fn vector_is_best_iww() {
    // The leading form (m_e only in U) of the vector is BEST's formula,
    // electron_brem::dsigma_dx_iww, to rounding.
    for &(e0, m) in &[(100.0, 0.0167), (150.0, 0.002), (100.0, 0.5)] {
        let c = chi(e0, m, LEAD);
        for &x in &[1e-3, 0.05, 0.5, 0.9, 0.999_9] {
            let a = dsigma_dx_leading(BosonType::Vector, e0, m, x, c);
            let b = electron_brem::dsigma_dx_iww(e0, m, x, c);
            assert!((a / b - 1.0).abs() < 1e-12, "{e0} {m} {x}: {a} {b}");
        }
        // The full vector form adds only the m_e² numerator term, which near
        // x → 1 integrates to 4α³βχ/(6m²) against the leading 4α³βχ L/(3m²),
        // L = ln(m²/m_e²): a positive excess below 1/(2L) (measured 6.3 % at
        // 16.7 MeV, 10.4 % at 2 MeV).
        let full = sigma_iww(BosonType::Vector, e0, m, LEAD, 0.0);
        let best = electron_brem::sigma_iww(e0, m, LEAD, 0.0);
        let l = (m / ELECTRON.mass).powi(2).ln();
        println!("m = {m}: full/BEST vector = {:.4}", full / best);
        assert!(full > best && full / best - 1.0 < 0.5 / l, "{full} {best}");
    }
}

/// ∫ dσ/dx (leading form) over [x_lo, x_hi] in u = −ln(1 − x).
fn sigma_leading(b: BosonType, e0: f64, m: f64) -> f64 {
    let (x_lo, x_hi) = electron_brem::x_range(e0, m);
    let (u_lo, u_hi) = (-(-x_lo).ln_1p(), -(-x_hi).ln_1p());
    composite_gauss_legendre(
        |u| {
            let omx = (-u).exp();
            dsigma_dx_leading(b, e0, m, 1.0 - omx, 1.0) * omx
        },
        u_lo,
        u_hi,
        40,
    )
}

#[test]
fn heavy_boson_ratios_follow_the_leading_log() {
    // For m ≫ m_e and m/E₀ ≪ m_e²/m² the x → 1 end point dominates:
    // ∫ dx x f(x)/(m²(1 − x) + m_e² x²) = [f(1) L + ∫(x f − f(1))/(1 − x)]/m²,
    // L = ln(m²/m_e²), with f_V = 1 − x + x²/3 (→ L/3 − 1/9) and
    // f_P = f_S = x²/6 (→ (L/3 − 11/18)/2). So σ_P/σ_V = (L/3 − 11/18)/(2(L/3 − 1/9)),
    // → 1/2 as L → ∞: the (2/3) α³ of S and P against the (4/3) α³ of V and
    // A in DMG4's leading-log totals (`TotalCrossSectionCalc`), one spin
    // state against two. A/V − 1 = O(m_e²/m²). Neglected: O(m_e²/m²) and
    // O(m/E₀) terms, < 1e-3 here; asserted to 2e-3.
    let e0 = 1e6;
    for &m in &[0.05, 0.1, 0.3] {
        let l = (m / ELECTRON.mass).powi(2).ln();
        let expected = (l / 3.0 - 11.0 / 18.0) / (2.0 * (l / 3.0 - 1.0 / 9.0));
        let v = sigma_leading(BosonType::Vector, e0, m);
        let p = sigma_leading(BosonType::Pseudoscalar, e0, m);
        let s = sigma_leading(BosonType::Scalar, e0, m);
        let a = sigma_leading(BosonType::Axial, e0, m);
        println!(
            "m = {m}: P/V = {:.5} (expected {expected:.5}), A/V = {:.6}",
            p / v,
            a / v
        );
        assert!((p / v / expected - 1.0).abs() < 2e-3);
        assert_eq!(s, p);
        assert!((a / v - 1.0).abs() < 2e-3);
    }
}

#[test]
fn ratios_against_dmg4_etl_tables() {
    // DMG4 ETL totals at m = 0.9 MeV (see the module docs): the ratios of
    // the four against darkscan's IWW ratios (100 GeV, x > 0.01). The S/P
    // ratio there comes from the m_e² numerator terms alone (the leading
    // forms are equal): DMG4 1.1902, asserted to 2 %. The other ratios
    // mix in the IWW-vs-ETL difference, which is not the same for spin 0
    // and spin 1; measured S/V 0.297 (DMG4 0.278), P/V 0.250 (0.234),
    // A/V 1.511 (1.491): asserted to 10 %.
    let m = 0.0009;
    let sig = |b| sigma_iww(b, 100.0, m, LEAD, 0.01);
    let [s, p, v, a] = ALL.map(sig);
    let (ds, dp, dv, da) = (16881.1, 14184.0, 60733.3, 90558.2);
    println!(
        "0.9 MeV: S/P {:.4} ({:.4}), S/V {:.4} ({:.4}), P/V {:.4} ({:.4}), A/V {:.4} ({:.4})",
        s / p,
        ds / dp,
        s / v,
        ds / dv,
        p / v,
        dp / dv,
        a / v,
        da / dv
    );
    assert!((s / p / (ds / dp) - 1.0).abs() < 0.02);
    // Absolute: darkscan's IWW over DMG4's ETL at 0.9 MeV, measured
    // S 0.831, P 0.832, V 0.777, A 0.787 (the IWW-vs-ETL difference that
    // NA64's K-factors encode, Gninenko et al. PLB 782 (2018) 406: tens of
    // per cent at these masses); asserted within [0.7, 0.9].
    for (ours, theirs) in [(s, ds), (p, dp), (v, dv), (a, da)] {
        let r = ours / theirs;
        println!("IWW/ETL(DMG4) = {r:.3}");
        assert!((0.7..0.9).contains(&r), "{r}");
    }
    for (ours, theirs) in [(s / v, ds / dv), (p / v, dp / dv), (a / v, da / dv)] {
        assert!((ours / theirs - 1.0).abs() < 0.10, "{ours} {theirs}");
    }
    // At 1 keV the axial vector's longitudinal mode dominates:
    // σ_A/σ_P → 4 m_e²/m² (Goldstone equivalence). DMG4's ETL tables:
    // 3.90092857e10/37492.4 = 1.0405e6; darkscan's IWW ratio (independent
    // of the flux, which cancels) is asserted to 1 %.
    let m = 1e-6;
    let r = sigma_iww(BosonType::Axial, 100.0, m, LEAD, 0.01)
        / sigma_iww(BosonType::Pseudoscalar, 100.0, m, LEAD, 0.01);
    let dmg4 = 3.900_928_571_4e10 / 37_492.4;
    println!("1 keV: A/P = {r:.5e} (DMG4 ETL {dmg4:.5e})");
    assert!((r / dmg4 - 1.0).abs() < 0.01);
}

#[test]
fn spectra_shapes_and_errors() {
    // Spin 0: dσ/dx ∝ x³/(m²(1 − x) + m_e²x²) at small x (soft scalars are
    // not enhanced; LMM, PRD 95 (2017) 036010); the vector ∝ x (its 1/x
    // soft photon limit is cut by m²/x in U).
    let (e0, m) = (100.0, 0.0167);
    let c = chi(e0, m, LEAD);
    let r = |b, x1: f64, x2: f64| dsigma_dx(b, e0, m, x2, c) / dsigma_dx(b, e0, m, x1, c);
    let p = r(BosonType::Pseudoscalar, 1e-3, 2e-3);
    let v = r(BosonType::Vector, 1e-3, 2e-3);
    assert!((p / 8.0 - 1.0).abs() < 0.01, "{p}");
    assert!((v / 2.0 - 1.0).abs() < 0.01, "{v}");
    for b in ALL {
        assert!(sigma_iww_checked(b, 100.0, 0.0, LEAD, 0.0).is_err());
        assert!(sigma_iww_checked(b, 100.0, f64::NAN, LEAD, 0.0).is_err());
        assert!(sigma_iww_checked(b, 0.01, 0.02, LEAD, 0.0).is_err());
        assert!(sigma_iww_checked(b, 100.0, 0.02, LEAD, -0.1).is_err());
        let s = sigma_iww_checked(b, 100.0, 0.02, LEAD, 0.5).unwrap();
        assert!(s > 0.0 && s.is_finite());
        assert_eq!(width_ee(b, 0.001, 1.0), 0.0);
        assert!(width_ee(b, 0.0167, 1e-4) > 0.0);
    }
}

/// A complex number and 4×4 complex matrices, just enough for Dirac traces.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct C(f64, f64);
impl std::ops::Add for C {
    type Output = C;
    fn add(self, o: C) -> C {
        C(self.0 + o.0, self.1 + o.1)
    }
}
impl std::ops::Mul for C {
    type Output = C;
    fn mul(self, o: C) -> C {
        C(self.0 * o.0 - self.1 * o.1, self.0 * o.1 + self.1 * o.0)
    }
}
type M4 = [[C; 4]; 4];
fn mm(a: &M4, b: &M4) -> M4 {
    let mut r = [[C::default(); 4]; 4];
    for i in 0..4 {
        for j in 0..4 {
            for k in 0..4 {
                r[i][j] = r[i][j] + a[i][k] * b[k][j];
            }
        }
    }
    r
}
fn lin(terms: &[(C, &M4)]) -> M4 {
    let mut r = [[C::default(); 4]; 4];
    for (c, m) in terms {
        for i in 0..4 {
            for j in 0..4 {
                r[i][j] = r[i][j] + *c * m[i][j];
            }
        }
    }
    r
}
fn re(x: f64) -> C {
    C(x, 0.0)
}
/// γ⁰..γ³ (Dirac representation) and γ⁵ = iγ⁰γ¹γ²γ³.
fn gammas() -> ([M4; 4], M4) {
    let z = C::default();
    let o = re(1.0);
    let i = C(0.0, 1.0);
    let n = re(-1.0);
    let ni = C(0.0, -1.0);
    let g0 = [[o, z, z, z], [z, o, z, z], [z, z, n, z], [z, z, z, n]];
    let g1 = [[z, z, z, o], [z, z, o, z], [z, n, z, z], [n, z, z, z]];
    let g2 = [[z, z, z, ni], [z, z, i, z], [z, i, z, z], [ni, z, z, z]];
    let g3 = [[z, z, o, z], [z, z, z, n], [n, z, z, z], [z, o, z, z]];
    let g5 = lin(&[(i, &mm(&mm(&g0, &g1), &mm(&g2, &g3)))]);
    ([g0, g1, g2, g3], g5)
}
const ETA: [f64; 4] = [1.0, -1.0, -1.0, -1.0];
fn dot(a: [f64; 4], b: [f64; 4]) -> f64 {
    (0..4).map(|m| ETA[m] * a[m] * b[m]).sum()
}

/// Spin-averaged, polarisation-summed |M|² of e(p) γ(q) → e(p′) X(k) at unit
/// couplings, from explicit traces, at s̃ = s − m_e² and t₂ = (q − k)².
fn exact_msq(kind: BosonType, m: f64, st: f64, t2: f64) -> f64 {
    let me = ELECTRON.mass;
    let (g, g5) = gammas();
    let one: M4 = lin(&[(re(1.0), &mm(&g[0], &g[0]))]);
    let slash = |p: [f64; 4]| {
        let mut r = [[C::default(); 4]; 4];
        for mu in 0..4 {
            r = lin(&[(re(1.0), &r), (re(ETA[mu] * p[mu]), &g[mu])]);
        }
        r
    };
    let s = st + me * me;
    let rs = s.sqrt();
    let ep = (s + me * me) / (2.0 * rs);
    let pp = (ep * ep - me * me).sqrt();
    let p = [ep, 0.0, 0.0, pp];
    let q = [pp, 0.0, 0.0, -pp];
    let ek = (s + m * m - me * me) / (2.0 * rs);
    let kk = (ek * ek - m * m).sqrt();
    let cth = ((m * m - t2) / 2.0 - pp * ek) / (pp * kk);
    assert!(cth.abs() <= 1.0, "{cth}");
    let sth = (1.0 - cth * cth).sqrt();
    let k = [ek, kk * sth, 0.0, kk * cth];
    let pf = [
        p[0] + q[0] - k[0],
        p[1] + q[1] - k[1],
        p[2] + q[2] - k[2],
        p[3] + q[3] - k[3],
    ];
    let pk = [p[0] - k[0], p[1] - k[1], p[2] - k[2], p[3] - k[3]];
    let pq = [p[0] + q[0], p[1] + q[1], p[2] + q[2], p[3] + q[3]];
    let prop = |v: [f64; 4]| {
        lin(&[(
            re(1.0 / (dot(v, v) - me * me)),
            &lin(&[(re(1.0), &slash(v)), (re(me), &one)]),
        )])
    };
    let (su, ss) = (prop(pk), prop(pq));
    // X vertices (upper index) and their polarisation sum with lower indices.
    let (vertices, pol): (Vec<M4>, Vec<Vec<f64>>) = match kind {
        BosonType::Scalar => (vec![one], vec![vec![1.0]]),
        BosonType::Pseudoscalar => (vec![lin(&[(C(0.0, 1.0), &g5)])], vec![vec![1.0]]),
        BosonType::Vector | BosonType::Axial => {
            let v = (0..4)
                .map(|n| {
                    if kind == BosonType::Vector {
                        g[n]
                    } else {
                        mm(&g[n], &g5)
                    }
                })
                .collect();
            let kl: Vec<f64> = (0..4).map(|n| ETA[n] * k[n]).collect();
            let p = (0..4)
                .map(|a| {
                    (0..4)
                        .map(|b| (if a == b { -ETA[a] } else { 0.0 }) + kl[a] * kl[b] / (m * m))
                        .collect()
                })
                .collect();
            (v, p)
        }
    };
    let bar = |o: &M4| {
        let mut d = [[C::default(); 4]; 4];
        for i in 0..4 {
            for j in 0..4 {
                d[i][j] = C(o[j][i].0, -o[j][i].1);
            }
        }
        mm(&mm(&g[0], &d), &g[0])
    };
    let ends = (
        lin(&[(re(1.0), &slash(pf)), (re(me), &one)]),
        lin(&[(re(1.0), &slash(p)), (re(me), &one)]),
    );
    let mut total = 0.0;
    for mu in 0..4 {
        for (a, va) in vertices.iter().enumerate() {
            let o1 = lin(&[
                (re(1.0), &mm(&mm(&g[mu], &su), va)),
                (re(1.0), &mm(&mm(va, &ss), &g[mu])),
            ]);
            let left = mm(&mm(&ends.0, &o1), &ends.1);
            for (b, vb) in vertices.iter().enumerate() {
                let w = -ETA[mu] * pol[a][b];
                if w == 0.0 {
                    continue;
                }
                let o2 = lin(&[
                    (re(1.0), &mm(&mm(&g[mu], &su), vb)),
                    (re(1.0), &mm(&mm(vb, &ss), &g[mu])),
                ]);
                let t = mm(&left, &bar(&o2));
                total += w * (0..4).map(|i| t[i][i].0).sum::<f64>();
            }
        }
    }
    total / 4.0
}

/// The module's angular bracket k_X [A_X/U² + (1 − x)² M_X² C/U⁴] (see
/// `production::boson_brem` docs).
fn bracket(kind: BosonType, m: f64, x: f64, u: f64) -> f64 {
    let me2 = ELECTRON.mass * ELECTRON.mass;
    let c = m * m - u * x / (1.0 - x) + me2 * x * x / (1.0 - x);
    let (k, a, m2) = match kind {
        BosonType::Vector => (1.0, 1.0 - x + x * x / 2.0, m * m + 2.0 * me2),
        BosonType::Scalar => (0.5, x * x / 2.0, m * m - 4.0 * me2),
        BosonType::Pseudoscalar => (0.5, x * x / 2.0, m * m),
        BosonType::Axial => (
            1.0,
            1.0 - x + x * x / 2.0 + me2 / (m * m) * x * x,
            m * m - 4.0 * me2,
        ),
    };
    k * (a / (u * u) + (1.0 - x).powi(2) * m2 * c / u.powi(4))
}

#[test]
fn angular_forms_are_the_exact_2to2() {
    // With s̃ = U/(1 − x), ũ = −U, t₂ = m² − s̃ − ũ (q² = 0), the WW
    // cross section is ∝ (1 − x)|M|²/U² with a factor common to all four
    // bosons, so |M_X|²·U²/(1 − x) / bracket_X must be the same number for
    // S, P, V, A at every (m, x, U): checked to 1e-6 (rounding of the traces)
    // against the vector, and the vector's own factor against the massless
    // textbook amplitude 2(−s̃/ũ − ũ/s̃ − 2m²t₂/(s̃ũ)) to 1e-3 at m = 0.5 GeV.
    for &m in &[0.0015, 0.002, 0.0167, 0.1] {
        for &(x, f) in &[(0.1, 2.0), (0.3, 1.5), (0.5, 10.0), (0.8, 3.0), (0.95, 1.2)] {
            let u = f * (m * m * (1.0 - x) / x + ELECTRON.mass.powi(2) * x);
            let st = u / (1.0 - x);
            let t2 = m * m - st + u;
            let norm = |b| exact_msq(b, m, st, t2) * u * u / (1.0 - x) / bracket(b, m, x, u);
            let v = norm(BosonType::Vector);
            for b in ALL {
                let r = norm(b) / v;
                assert!((r - 1.0).abs() < 1e-6, "{b:?} m={m} x={x}: {r}");
            }
        }
    }
    let (m, x) = (0.5, 0.4);
    let u = 2.0 * m * m * (1.0 - x) / x;
    let (st, ut) = (u / (1.0 - x), -u);
    let t2 = m * m - st - ut;
    let textbook = 2.0 * (-st / ut - ut / st - 2.0 * m * m * t2 / (st * ut));
    let r = exact_msq(BosonType::Vector, m, st, t2) / textbook;
    assert!((r - 1.0).abs() < 1e-3, "{r}");
}
