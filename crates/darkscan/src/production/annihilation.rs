//! Resonant production of a vector boson by shower positrons annihilating on
//! atomic electrons, e⁺e⁻ → A′ (→ f).
//!
//! # Cross section
//!
//! A vector A′ of mass m that couples to the electron with ε e and to a final
//! state f with the partial width Γ_f(√s) (the width it would have at mass
//! √s) is produced in e⁺e⁻ collisions with the s-channel Breit–Wigner cross
//! section (electron mass neglected in the initial-state flux)
//!
//!   σ(s) = 4π α ε² · √s Γ_f(√s) / [(s − m²)² + m² Γ²],            (1)
//!
//! Γ the total width at the pole. For f = χχ̄ (Dirac, coupling g_D) this is
//! the tree-level σ(e⁺e⁻ → χχ̄) = (4π/3) α α_D ε² s β(3 − β²)/2 / [(s − m²)² +
//! m²Γ²]. Its narrow-width limit (∫ds of the Lorentzian is π/(mΓ)) is
//!
//!   σ(s) → 4π² α ε² BR(A′ → f) δ(s − m²),                           (2)
//!
//! the form of E. Nardi, C. D. R. Carvajal, A. Ghoshal, D. Meloni,
//! M. Raggi, PRD 97 (2018) 095004, and of L. Marsicano, M. Battaglieri,
//! M. Bondí, C. D. R. Carvajal, A. Celentano, M. De Napoli, R. De Vita,
//! E. Nardi, M. Raggi, P. Valente, PRL 121 (2018) 041802, which introduced
//! the process for thick-target electron-beam experiments; NA64 includes it
//! from PRD 104 (2021) L091701. With an electron at rest, s = 2 m_e (E₊ + m_e), so the
//! resonance is at the positron (total) energy
//! E_R = (m² − 2m_e²)/(2m_e) ≈ m²/(2m_e).
//!
//! # Yield
//!
//! For a positron differential track length dT₊/dE (X₀ per GeV per primary)
//! in a target with n_e electrons per cm² per X₀, the A′ per primary are
//! n_e ∫ dE dT₊/dE σ(s(E)). [`yield_per_primary`] evaluates this on the
//! shower's histogram: inside each energy bin the track length is taken as
//! uniform in s (bins are 0.35 % wide at NA64's settings) and the Lorentzian
//! of Eq. (1) is integrated exactly over the bin (an arctangent), with the
//! slowly varying numerator √s Γ_f(√s) at the bin centre. This is exact in
//! the narrow-width limit however narrow the resonance is compared to a bin,
//! and it is the full Breit–Wigner when the width spans many bins (for
//! α_D = 0.5, m_A′ = 3m_χ, Γ/m ≈ 0.15, so the resonance covers ≈ ±15 % of
//! E_R and the NA64 yield reaches well below and above the nominal window
//! m = √(2m_e E_R) with E_R from 50 to 100 GeV, i.e. m ∈ [0.226, 0.320] GeV).
//!
//! Each bin is weighted by the probability that the event passes the
//! missing-energy cut: the A′ takes E₊ + m_e, the rest of the shower
//! deposits E₀ − E₊ − m_e, and the measured deposit is that smeared by the
//! calorimeter's Gaussian resolution ([`EcalResolution`]).
//!
//! # Approximations
//!
//! - Target electrons at rest. Atomic-electron motion (Pb K-shell electrons
//!   carry p ~ Zα m_e) broadens the resonance in E₊ (F. Arias-Aragón,
//!   G. Grilli di Cortona, E. Nardi, arXiv:2507.08941 and refs. therein);
//!   NA64's published analyses use electrons at rest, as here.
//! - Total width at the pole, fixed (not running with s); Γ is taken as the
//!   dark-sector width, i.e. the ε → 0 limit (Γ_SM/Γ_inv ≈ αε²/α_D < 10⁻⁶ at
//!   the couplings NA64 probes).
//! - Initial-state radiation of the positron before annihilating is part of
//!   the shower (the positron loses energy by bremsstrahlung along its track),
//!   not a separate radiator function.

use crate::production::shower::TrackLengths;
use crate::units::{ALPHA_EM, AVOGADRO, ELECTRON, HBARC2_GEV2_CM2};
use std::f64::consts::PI;

/// Mandelstam s (GeV²) of a positron of total energy `e_positron` (GeV) on
/// an electron at rest: 2 m_e (E₊ + m_e).
#[must_use]
pub fn mandelstam_s(e_positron: f64) -> f64 {
    2.0 * ELECTRON.mass * (e_positron + ELECTRON.mass)
}

/// Positron total energy (GeV) at which e⁺e⁻ → A′ is resonant for an
/// electron at rest: E_R = (m² − 2m_e²)/(2m_e).
#[must_use]
pub fn resonance_energy(mass: f64) -> f64 {
    let me = ELECTRON.mass;
    (mass * mass - 2.0 * me * me) / (2.0 * me)
}

/// The Breit–Wigner cross section of Eq. (1) in GeV⁻² at ε = 1:
/// 4πα √s Γ_f(√s) / [(s − m²)² + m²Γ²]. `partial_width_at` gives Γ_f (GeV)
/// at mass √s; `total_width` is Γ at the pole (GeV).
#[must_use]
pub fn sigma_breit_wigner(
    s: f64,
    mass: f64,
    total_width: f64,
    partial_width_at: impl Fn(f64) -> f64,
) -> f64 {
    if s.is_nan() || s <= 0.0 {
        return 0.0;
    }
    let rs = s.sqrt();
    let d = s - mass * mass;
    let mg = mass * total_width;
    4.0 * PI * ALPHA_EM * rs * partial_width_at(rs) / (d * d + mg * mg)
}

/// ∫ σ ds (GeV⁰) of the narrow-width limit, Eq. (2), at ε = 1:
/// 4π² α BR(A′ → f).
#[must_use]
pub fn narrow_width_integral(branching_ratio: f64) -> f64 {
    4.0 * PI * PI * ALPHA_EM * branching_ratio
}

/// Gaussian energy resolution of the calorimeter that measures the deposit:
/// σ_E/E = a/√(E/GeV) ⊕ b (added in quadrature). All zero: a sharp cut.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct EcalResolution {
    /// Stochastic term a (e.g. 0.1 for 10 %/√E).
    pub stochastic: f64,
    /// Constant term b.
    pub constant: f64,
}

impl EcalResolution {
    /// σ_E in GeV at deposit `energy` (GeV; 0 for E ≤ 0).
    #[must_use]
    pub fn sigma(&self, energy: f64) -> f64 {
        if energy <= 0.0 {
            return 0.0;
        }
        let a = self.stochastic * energy.sqrt();
        let b = self.constant * energy;
        a.hypot(b)
    }

    /// Probability that a true deposit `deposit` is measured below `cut`
    /// (both GeV): Φ((cut − E)/σ_E), a step without resolution.
    #[must_use]
    pub fn pass_probability(&self, deposit: f64, cut: f64) -> f64 {
        let s = self.sigma(deposit);
        if s <= 0.0 {
            return if deposit < cut { 1.0 } else { 0.0 };
        }
        crate::numeric::special::normal_cdf((cut - deposit) / s)
    }

    /// Lowest A′ energy (GeV) worth histogramming: E₀ − cut − n σ_E(cut),
    /// below which fewer than Φ(−`n_sigma`) of the events pass the smeared
    /// cut. Used to extend the shower histogram below E₀ − cut.
    #[must_use]
    pub fn lowest_relevant_energy(&self, beam_energy: f64, cut: f64, n_sigma: f64) -> f64 {
        beam_energy - cut - n_sigma * self.sigma(cut)
    }
}

/// Electrons per cm² in one radiation length of a sampling calorimeter of
/// `heavy_mm` of a heavy absorber and `light_mm` of a light one per layer:
/// (t_h ρ_h (Z/A)_h + t_l ρ_l (Z/A)_l) N_A / (t_h/X₀,h + t_l/X₀,l).
/// Inputs: densities in g/cm³, Z/A in mol/g, X₀ in cm.
#[must_use]
#[expect(
    clippy::too_many_arguments,
    reason = "two layers, each fully described by its thickness, density, Z/A and X0"
)]
pub fn sandwich_electrons_per_x0_cm2(
    heavy_mm: f64,
    heavy_density: f64,
    heavy_z_over_a: f64,
    heavy_x0_cm: f64,
    light_mm: f64,
    light_density: f64,
    light_z_over_a: f64,
    light_x0_cm: f64,
) -> f64 {
    let (th, tl) = (heavy_mm / 10.0, light_mm / 10.0);
    let electrons =
        (th * heavy_density * heavy_z_over_a + tl * light_density * light_z_over_a) * AVOGADRO;
    electrons / (th / heavy_x0_cm + tl / light_x0_cm)
}

/// Electrons per cm² per X₀ of the NA64 ECAL (1.5 mm Pb + 1.5 mm
/// scintillator layers, NA64 PRD 97 (2018) 072002): lead ρ = 11.35 g/cm³,
/// Z/A = 82/207.2, X₀ = 0.5612 cm; polystyrene scintillator ρ = 1.06 g/cm³,
/// Z/A = 0.53768, X₀ = 41.31 cm (PDG atomic and nuclear properties). The
/// scintillator adds 12.7 % to lead's electrons (unlike coherent
/// bremsstrahlung, annihilation counts every electron, ∝ Z): 1.688×10²⁴.
#[must_use]
pub fn na64_ecal_electrons_per_x0_cm2() -> f64 {
    sandwich_electrons_per_x0_cm2(
        1.5,
        11.35,
        82.0 / 207.2,
        6.37 / 11.35,
        1.5,
        1.06,
        0.53768,
        41.31,
    )
}

/// The resonant final state and its widths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resonance<F: Fn(f64) -> f64> {
    /// A′ mass (GeV).
    pub mass: f64,
    /// Total width at the pole (GeV), ε-independent part (see module docs).
    pub total_width: f64,
    /// Γ_f at mass √s (GeV), at ε = 1 where it depends on ε.
    pub partial_width_at: F,
}

/// Missing-energy selection seen by the annihilation yield.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EnergyCut {
    /// Beam energy E₀ (GeV).
    pub beam_energy: f64,
    /// Largest measured deposit accepted (GeV).
    pub deposit_max: f64,
    /// Resolution of the measured deposit.
    pub resolution: EcalResolution,
}

/// A′ per primary at ε = 1 from resonant annihilation of the shower's
/// positrons (`tracks.positron`) on the target's electrons
/// (`electrons_per_x0_cm2`), counted if the event passes `cut`. See the
/// module docs for the per-bin integration.
#[must_use]
pub fn yield_per_primary<F: Fn(f64) -> f64>(
    tracks: &TrackLengths,
    electrons_per_x0_cm2: f64,
    resonance: &Resonance<F>,
    cut: &EnergyCut,
) -> f64 {
    let m = resonance.mass;
    let mg = m * resonance.total_width;
    if m.is_nan() || mg.is_nan() || m <= 0.0 || mg <= 0.0 {
        return 0.0;
    }
    let m2 = m * m;
    let mut total = 0.0;
    for (k, w) in tracks.edges.windows(2).enumerate() {
        let t = tracks.positron[k];
        if t <= 0.0 {
            continue;
        }
        let (s_lo, s_hi) = (mandelstam_s(w[0]), mandelstam_s(w[1]));
        let lorentz = ((s_hi - m2) / mg).atan() - ((s_lo - m2) / mg).atan();
        if lorentz <= 0.0 {
            continue;
        }
        let e_c = 0.5 * (w[0] + w[1]);
        let e_aprime = e_c + ELECTRON.mass;
        let pass = cut
            .resolution
            .pass_probability(cut.beam_energy - e_aprime, cut.deposit_max);
        if pass <= 0.0 {
            continue;
        }
        let s_c = mandelstam_s(e_c);
        let rs = s_c.sqrt();
        let numerator = rs * (resonance.partial_width_at)(rs);
        // ∫ over the bin of σ ds, times the track length per unit s.
        total += pass * t / (s_hi - s_lo) * 4.0 * PI * ALPHA_EM * numerator / mg * lorentz;
    }
    total * electrons_per_x0_cm2 * HBARC2_GEV2_CM2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resonance_energy_inverts_s() {
        for m in [0.05, 0.226, 0.3] {
            let e = resonance_energy(m);
            assert!((mandelstam_s(e) / (m * m) - 1.0).abs() < 1e-12);
        }
        // m = 0.2261 GeV resonates at ≈ 50 GeV: m²/2m_e.
        assert!((resonance_energy(0.2261) / 50.0 - 1.0).abs() < 2e-3);
    }

    #[test]
    fn breit_wigner_integrates_to_the_narrow_width_limit() {
        // Constant Γ_f: ∫σ ds over a wide range = 4π²α Γ_f/Γ (minus tails).
        let (m, g, gf) = (0.3, 0.0003, 0.00015);
        let n = 400_000;
        let (lo, hi) = (m * m - 200.0 * m * g, m * m + 200.0 * m * g);
        let h = (hi - lo) / n as f64;
        let sum: f64 = (0..n)
            .map(|i| {
                let s = lo + (i as f64 + 0.5) * h;
                // Γ_f(√s)·√s held at m·Γ_f to compare with Eq. (2) exactly.
                sigma_breit_wigner(s, m, g, |rs| gf * m / rs) * h
            })
            .sum();
        let expect = narrow_width_integral(gf / g);
        // Tails beyond ±200 mΓ hold 1 − (2/π) atan(200) of the integral.
        let inside = 2.0 / PI * 200f64.atan();
        assert!((sum / expect / inside - 1.0).abs() < 1e-6, "{sum} {expect}");
    }

    #[test]
    fn binned_yield_equals_narrow_width_for_narrow_resonance() {
        // A flat positron track-length density of 1 X₀/GeV from 40 to 100
        // GeV: the narrow-width yield is n_e·4π²α·BR·(dT/dE)/(2m_e).
        let n = 100;
        let edges: Vec<f64> = (0..=n).map(|i| 40.0 + 0.6 * i as f64).collect();
        let tracks = TrackLengths {
            electron: vec![0.0; n],
            positron: vec![0.6; n],
            edges,
            n_events: 1,
        };
        let m = 0.28;
        let res = Resonance {
            mass: m,
            total_width: 1e-7,
            partial_width_at: |rs: f64| 1e-7 * 0.28 / rs,
        };
        let cut = EnergyCut {
            beam_energy: 100.0,
            deposit_max: 50.0,
            resolution: EcalResolution::default(),
        };
        let y = yield_per_primary(&tracks, 1e24, &res, &cut);
        let expect = 1e24 * narrow_width_integral(1.0) / (2.0 * ELECTRON.mass) * HBARC2_GEV2_CM2;
        assert!((y / expect - 1.0).abs() < 1e-6, "{y} vs {expect}");
        // Below the cut (E_R ≈ 44 GeV < 50 GeV) nothing passes without smearing.
        let low = Resonance { mass: 0.212, ..res };
        assert!(yield_per_primary(&tracks, 1e24, &low, &cut) < 1e-4 * y);
    }

    #[test]
    fn resolution_smears_the_cut() {
        let r = EcalResolution {
            stochastic: 0.1,
            constant: 0.0,
        };
        assert!((r.sigma(100.0) - 1.0).abs() < 1e-12);
        assert!((r.pass_probability(50.0, 50.0) - 0.5).abs() < 1e-12);
        assert!(r.pass_probability(40.0, 50.0) > 0.999);
        assert_eq!(EcalResolution::default().pass_probability(49.9, 50.0), 1.0);
    }

    #[test]
    fn na64_ecal_electron_density() {
        let n = na64_ecal_electrons_per_x0_cm2();
        assert!((n / 1.688e24 - 1.0).abs() < 2e-3, "{n}");
    }
}
