//! Why darkscan's thermal targets lie above the published NA64 lines
//! (`tests/relic_targets.rs`; ESPP2026-PPG/Quasi-elastic-DM
//! `relic-target-{scalar,majorana,pseudodirac}.csv`, m_A′ = 3 m_χ,
//! α_D = 0.1): the same solver with the thermal average or the plasma
//! degrees of freedom replaced by common simplifications. No variant is an
//! error fix; each test asserts what a variant does, as measured.

use super::*;
use crate::units::ALPHA_EM;

/// Published (m_χ / GeV, y) rows compared here (rows of the files, no
/// interpolation; the same rows as `tests/relic_targets.rs`).
const SCALAR_1MEV: (f64, f64) = (0.001_057_374_387_989_903_7, 1.358_956_247_306_346_8e-13);
const MAJORANA_1MEV: (f64, f64) = (0.001_053_636_702_351_852_6, 6.476_814_368_407_58e-14);
const PSEUDO_DIRAC_1MEV: (f64, f64) = (0.001_057_374_387_989_903_7, 6.665_761_711_181_122e-15);
const SCALAR_10MEV: (f64, f64) = (0.010_053_811_906_875_74, 1.167_910_501_530_595_5e-11);
const MAJORANA_10MEV: (f64, f64) = (0.010_197_232_949_896_18, 5.750_363_206_548_422e-12);
const PSEUDO_DIRAC_10MEV: (f64, f64) = (0.010_342_699_942_828_12, 5.252_602_946_350_751e-13);
const SCALAR_30MEV: (f64, f64) = (0.030_349_697_272_379_14, 1.325_653_356_286_174e-10);
const MAJORANA_30MEV: (f64, f64) = (0.030_457_360_214_796_544, 6.375_450_501_675_918e-11);
const PSEUDO_DIRAC_30MEV: (f64, f64) = (0.031_221_770_921_456_556, 5.159_363_787_003_509e-12);

fn model(kind: DmKind, mass_chi: f64) -> RelicModel {
    RelicModel {
        kind,
        mass_chi,
        mass_ratio: 3.0,
        alpha_d: 0.1,
        splitting: 0.0,
    }
}

type SigmaV = dyn Fn(&RelicModel, f64, f64) -> f64;
type Plasma = dyn Fn(f64) -> (f64, f64);

/// The y giving Ω h² = 0.12 with ⟨σv⟩(x, ε) from `sv` and the plasma
/// (h_eff, g_*^{1/2}) at T from `dof`: [`RelicModel::thermal_target`] with
/// those two inputs swapped.
fn target_with(model: &RelicModel, sv: &SigmaV, dof: &Plasma) -> f64 {
    let n = 1500;
    let xs: Vec<f64> = (0..=n)
        .map(|i| (1000f64.ln() * f64::from(i) / f64::from(n)).exp())
        .collect();
    let d: Vec<(f64, f64)> = xs.iter().map(|&x| dof(model.mass_chi / x)).collect();
    let mut y = 1e-10;
    for _ in 0..2 {
        let eps = model.epsilon_of_y(y);
        let grid: Vec<(f64, f64)> = xs.iter().map(|&x| (x, sv(model, x, eps))).collect();
        let steps = model.freeze_out_steps(&grid, &d);
        let mut ratio = 1.0;
        for _ in 0..60 {
            let f = model.omega_from_steps(&steps, ratio) / OMEGA_DM_H2;
            ratio *= f;
            if (f - 1.0).abs() < 1e-5 {
                break;
            }
        }
        y *= ratio;
    }
    y
}

/// σ v at centre-of-mass velocity β of each particle (v = 2β the relative
/// velocity, the Møller velocity in the centre-of-mass frame).
fn sigma_v_at(model: &RelicModel, beta: f64, eps: f64) -> f64 {
    let m = model.mass_chi;
    model.sigma(4.0 * m * m / (1.0 - beta * beta), eps) * 2.0 * beta
}

/// The non-relativistic expansion σv = a + b v², ⟨σv⟩ = a + 6b/x
/// (⟨v²⟩ = 6/x for the relative velocity of two Maxwell–Boltzmann
/// particles; Kolb & Turner, "The Early Universe", Ch. 5), a and b read off
/// σv at β = 10⁻⁴ and 10⁻².
fn sv_nr(model: &RelicModel, x: f64, eps: f64) -> f64 {
    let a = sigma_v_at(model, 1e-4, eps);
    let b = (sigma_v_at(model, 1e-2, eps) - a) / 4e-4;
    a + 6.0 * b / x
}

fn sv_exact(model: &RelicModel, x: f64, eps: f64) -> f64 {
    model.sigma_v(x, eps)
}

/// darkscan's plasma (module docs): neutrinos decoupled below 1 MeV.
fn dof_darkscan(t: f64) -> (f64, f64) {
    (sm_dof(t).1, g_star_half(t))
}

/// Below 1 MeV, γ, e± and three ν species at one temperature (no neutrino
/// decoupling: the e± entropy is shared with the ν), g_*^{1/2} with its
/// d ln h_eff/d ln T term.
fn dof_nu_equilibrium(t: f64) -> (f64, f64) {
    let one = |t: f64| {
        if t >= 1e-3 {
            sm_dof(t)
        } else {
            let (ge, he) = electron_dof(t);
            (2.0 + ge + 5.25, 2.0 + he + 5.25)
        }
    };
    let (g, h) = one(t);
    let d: f64 = 1.01;
    let dlnh = (one(t * d).1 / one(t / d).1).ln() / (d * d).ln();
    (h, h / g.sqrt() * (1.0 + dlnh / 3.0))
}

/// The v → 0 limits of the module's Breit–Wigner σ against the closed
/// forms (m_A′ = M, final e⁺e⁻ with its kinematic factor
/// K_e = (1 + 2r)√(1 − 4r), r = m_e²/4m²):
/// Dirac / pseudo-Dirac (Δ = 0) σv → 16π α α_D ε² m² K_e/(M² − 4m²)²;
/// complex scalar σv → b v², b = 8π α α_D ε² m² K_e/(3(M² − 4m²)²);
/// Majorana with (g_D/2)χ̄γ^μγ⁵χ: the same b as the scalar. These are the
/// forms quoted with the thermal targets (Berlin, Blinov, Krnjaic,
/// Schuster, Toro, PRD 99 (2019) 075001, Sec. II; Izaguirre, Krnjaic,
/// Schuster, Toro, PRL 115 (2015) 251301). With the ⟨σv⟩_eff weights of
/// the module docs (scalar ½, Majorana 1, both g_χ = 2) the Majorana y is
/// half the scalar one, as in the published files (ratio 2.03–2.10 at
/// 1–30 MeV). Tolerance 1 %: the A′ width in the propagator
/// ((MΓ)²/(M² − 4m²)² = 0.3 % at α_D = 0.1) and the O(β²) terms.
#[test]
fn non_relativistic_limits_match_the_closed_forms() {
    let m = 0.01;
    let eps = 1e-4;
    let big_m2: f64 = (3.0 * m) * (3.0 * m);
    let r = (ELECTRON.mass / (2.0 * m)).powi(2);
    let k_e = (1.0 + 2.0 * r) * (1.0 - 4.0 * r).sqrt();
    let den = (big_m2 - 4.0 * m * m).powi(2);
    let a_dirac = 16.0 * PI * ALPHA_EM * 0.1 * eps * eps * m * m * k_e / den;
    let b_pwave = 8.0 * PI * ALPHA_EM * 0.1 * eps * eps * m * m * k_e / (3.0 * den);
    let beta: f64 = 1e-3;
    let v2 = 4.0 * beta * beta;
    for (kind, expected) in [
        (DmKind::Dirac, a_dirac),
        (DmKind::PseudoDirac, a_dirac),
        (DmKind::Scalar, b_pwave * v2),
        (DmKind::Majorana, b_pwave * v2),
    ] {
        let sv = sigma_v_at(&model(kind, m), beta, eps);
        assert!(
            (sv / expected - 1.0).abs() < 0.01,
            "{}: {sv:e} vs {expected:e}",
            kind.name()
        );
    }
}

/// Not the non-relativistic expansion: ⟨σv⟩ = a + 6b/x instead of the
/// Gondolo–Gelmini average moves darkscan's p-wave y further ABOVE the
/// published lines (the propagator 1/(s − M²)² and s Γ_in Γ_out grow with
/// s, so the relativistic average exceeds a + 6b/x: y by 28–36 % here),
/// while the s-wave y hardly moves. Measured y ratios darkscan/published,
/// exact → expansion: scalar 1.33 → 1.81 (1 MeV), 1.17 → 1.50 (10 MeV);
/// Majorana 1.40 → 1.88, 1.23 → 1.58; pseudo-Dirac 1.24 → 1.22,
/// 1.13 → 1.11. So the published p-wave lines are not a + 6b/x lines.
/// Asserted within ±3 % of the measured ratios (deterministic solver).
#[test]
fn nr_expansion_raises_the_p_wave_targets() {
    for (kind, (m, y_pub), exact, nr) in [
        (DmKind::Scalar, SCALAR_1MEV, 1.325, 1.806),
        (DmKind::Scalar, SCALAR_10MEV, 1.169, 1.505),
        (DmKind::Majorana, MAJORANA_1MEV, 1.400, 1.882),
        (DmKind::Majorana, MAJORANA_10MEV, 1.229, 1.575),
        (DmKind::PseudoDirac, PSEUDO_DIRAC_1MEV, 1.237, 1.218),
        (DmKind::PseudoDirac, PSEUDO_DIRAC_10MEV, 1.130, 1.109),
    ] {
        let md = model(kind, m);
        let re = target_with(&md, &sv_exact, &dof_darkscan) / y_pub;
        let rn = target_with(&md, &sv_nr, &dof_darkscan) / y_pub;
        println!("{} {m}: exact {re:.3}, a + 6b/x {rn:.3}", kind.name());
        assert!((re / exact - 1.0).abs() < 0.03, "{re} vs {exact}");
        assert!((rn / nr - 1.0).abs() < 0.03, "{rn} vs {nr}");
    }
}

/// The 1 MeV excess is the plasma below 1 MeV: keeping the neutrinos in
/// equilibrium with γ e± during e± annihilation (a single-temperature
/// g_*(T), no neutrino decoupling) brings all three types to the published
/// lines at 1 MeV (measured y ratios 0.947 scalar, 1.008 Majorana,
/// 0.941 pseudo-Dirac, against 1.325, 1.400, 1.237 with decoupled
/// neutrinos), and changes nothing at 10 and 30 MeV (freeze-out above
/// 1 MeV: ≤ 1 % there). darkscan keeps the decoupled neutrinos (the
/// physical plasma: T_ν/T → (4/11)^{1/3}); the p-wave targets are the most
/// sensitive because p-wave annihilation continues longest after freeze-out
/// (rate ∝ 1/x), into the e± annihilation era. Asserted within ±3 % of the
/// measured ratios.
#[test]
fn neutrinos_in_equilibrium_reproduce_the_1_mev_points() {
    for (kind, (m, y_pub), equilibrium) in [
        (DmKind::Scalar, SCALAR_1MEV, 0.947),
        (DmKind::Majorana, MAJORANA_1MEV, 1.008),
        (DmKind::PseudoDirac, PSEUDO_DIRAC_1MEV, 0.941),
        (DmKind::Scalar, SCALAR_30MEV, 1.110),
        (DmKind::Majorana, MAJORANA_30MEV, 1.165),
        (DmKind::PseudoDirac, PSEUDO_DIRAC_30MEV, 1.097),
    ] {
        let md = model(kind, m);
        let r = target_with(&md, &sv_exact, &dof_nu_equilibrium) / y_pub;
        println!("{} {m}: neutrinos in equilibrium {r:.3}", kind.name());
        assert!((r / equilibrium - 1.0).abs() < 0.03, "{r} vs {equilibrium}");
    }
}

/// No factor in the p-wave bookkeeping: the p-wave excess over the s-wave
/// excess, (y/y_pub)_p-wave ÷ (y/y_pub)_pseudo-Dirac, is 0.95–1.09 at
/// 10 MeV, 30 MeV (measured: scalar 1.035, 1.010; Majorana 1.088, 1.061),
/// where no threshold, resonance or plasma change intervenes; a wrong
/// identical-particle factor or g_χ would show as 2 or ½. Asserted within
/// 10 % of 1.
#[test]
fn p_wave_and_s_wave_excesses_agree_away_from_features() {
    let ratio = |kind, (m, y_pub): (f64, f64)| model(kind, m).thermal_target().unwrap().y / y_pub;
    for (pd, scalar, majorana) in [
        (PSEUDO_DIRAC_10MEV, SCALAR_10MEV, MAJORANA_10MEV),
        (PSEUDO_DIRAC_30MEV, SCALAR_30MEV, MAJORANA_30MEV),
    ] {
        let s_wave = ratio(DmKind::PseudoDirac, pd);
        for (kind, p) in [(DmKind::Scalar, scalar), (DmKind::Majorana, majorana)] {
            let rel = ratio(kind, p) / s_wave;
            println!("{} {}: p-wave/s-wave excess {rel:.3}", kind.name(), p.0);
            assert!((rel - 1.0).abs() < 0.10, "{rel}");
        }
    }
}

/// [`RelicModel::sigma_v`] (same quadrature) with the SM width Γ_out(√s)
/// replaced by `out(√s, ε)`.
fn sigma_v_with_out(model: &RelicModel, x: f64, eps: f64, out: &dyn Fn(f64, f64) -> f64) -> f64 {
    let m = model.mass_chi;
    let t = m / x;
    let gamma = model.total_width_aprime(eps);
    let ma = model.mass_aprime();
    let n = 240;
    let h = 60f64.sqrt() / f64::from(n);
    let mut sum = 0.0;
    for i in 1..=n {
        let u = f64::from(i) * h;
        let w = if i == n {
            1.0
        } else if i % 2 == 1 {
            4.0
        } else {
            2.0
        };
        let tau = u * u;
        let rs = 2.0 * m + t * tau;
        let s = rs * rs;
        let (g_in, spin) = model.width_in(rs);
        let d = s - ma * ma;
        let sigma = spin * 4.0 * PI / (s / 4.0 - m * m) * s * g_in * out(rs, eps)
            / (d * d + ma * ma * gamma * gamma);
        sum +=
            w * sigma * (s - 4.0 * m * m) * s * bessel_k1_scaled(rs / t) * (-tau).exp() * 2.0 * u;
    }
    let k2x = bessel_k2_scaled(x);
    sum * h / 3.0 / (4.0 * m.powi(4) * k2x * k2x)
}

/// The 0.1 GeV and 0.3 GeV excesses have one signature: the published
/// lines behave as if the SM final-state thresholds and resonances (μ⁺μ⁻
/// at m_χ = m_μ, the ρ/ω) sat at 5 % lower √s/2m_χ than darkscan's.
/// Γ_out(√s) → Γ_out(1.05 √s)/1.05 (the same SM widths, their √s scale
/// moved by 5 %; a diagnostic, not a physical model) brings the ratios
/// darkscan/published from 1.28, 1.25 (pseudo-Dirac, 0.10 and 0.30 GeV),
/// 1.23, 1.41 (scalar) and 1.33, 1.40 (Majorana) to 1.109, 1.033, 0.997,
/// 1.099, 1.088, 1.113, the level of the common offset elsewhere, and
/// leaves 30 MeV (no SM threshold near √s = 60 MeV) at 1.109. Compare the
/// feature positions in `tests/relic_targets.rs` (3–13 % in m_χ). The
/// files carry no provenance telling whether their R(√s), their thermal
/// average or their mass axis causes it. Asserted within ±3 % of the
/// measured ratios.
#[test]
fn sm_thresholds_five_percent_lower_explain_0_1_and_0_3_gev() {
    let k = 1.05;
    let shifted = move |md: &RelicModel, x: f64, eps: f64| {
        sigma_v_with_out(md, x, eps, &|rs, e| {
            DarkPhoton::new(rs * k, e).map_or(0.0, |a| a.total_width() / k)
        })
    };
    for (kind, m, y_pub, measured) in [
        (
            DmKind::PseudoDirac,
            0.099_744_160_484_529_68,
            4.714_311_900_171_009_5e-11,
            1.109,
        ),
        (
            DmKind::PseudoDirac,
            0.301_100_229_786_753_05,
            1.325_653_356_286_174e-10,
            1.033,
        ),
        (
            DmKind::Scalar,
            0.101_167_044_825_752_13,
            1.340_328_710_977_725_5e-9,
            0.997,
        ),
        (
            DmKind::Scalar,
            0.305_395_526_875_032_24,
            3.309_055_364_666_473_4e-9,
            1.099,
        ),
        (
            DmKind::Majorana,
            0.099_744_160_484_529_68,
            6.319_131_361_637_071e-10,
            1.088,
        ),
        (
            DmKind::Majorana,
            0.301_100_229_786_753_05,
            1.713_836_305_355_177_4e-9,
            1.113,
        ),
        (DmKind::Scalar, SCALAR_30MEV.0, SCALAR_30MEV.1, 1.109),
    ] {
        let r = target_with(&model(kind, m), &shifted, &dof_darkscan) / y_pub;
        println!("{} {m:.4}: SM thresholds 5 % lower {r:.3}", kind.name());
        assert!((r / measured - 1.0).abs() < 0.03, "{r} vs {measured}");
    }
}
