//! Natural units and physical constants.
//!
//! darkscan works in natural units with energies, momenta and masses in **GeV**,
//! lengths in **metres** and times in **seconds**. Conversions go through ħc
//! and ħ below. Particle data are PDG 2024 (S. Navas et al., Particle Data
//! Group, Phys. Rev. D 110 (2024) 030001) unless stated otherwise; fundamental
//! constants are CODATA 2018 as tabulated by the PDG 2024 "Physical constants"
//! table.

/// ħc in GeV·m (PDG 2024 physical constants: 197.3269804 MeV fm).
pub const HBARC_GEV_M: f64 = 1.973_269_804e-16;
/// ħc in GeV·cm.
pub const HBARC_GEV_CM: f64 = 1.973_269_804e-14;
/// (ħc)² in GeV²·mb (PDG 2024: 0.389379372 GeV² mbarn); converts GeV⁻² to mb.
pub const HBARC2_GEV2_MB: f64 = 0.389_379_372;
/// (ħc)² in GeV²·cm²: converts a cross section in GeV⁻² to cm².
pub const HBARC2_GEV2_CM2: f64 = 0.389_379_372e-27;
/// ħ in GeV·s (PDG 2024: 6.582119569e-25 GeV s).
pub const HBAR_GEV_S: f64 = 6.582_119_569e-25;
/// Speed of light in m/s (exact).
pub const C_M_PER_S: f64 = 299_792_458.0;
/// Fine-structure constant at zero momentum transfer, α = 1/137.035999084
/// (CODATA 2018, PDG 2024).
pub const ALPHA_EM: f64 = 1.0 / 137.035_999_084;
/// Fermi constant G_F/(ħc)³ in GeV⁻² (PDG 2024: 1.1663788(6)e-5 GeV⁻²).
pub const G_FERMI: f64 = 1.166_378_8e-5;
/// Avogadro constant in mol⁻¹ (exact, SI 2019).
pub const AVOGADRO: f64 = 6.022_140_76e23;

/// Converts a decay width in GeV to a mean lifetime in seconds: τ = ħ/Γ.
#[must_use]
pub fn width_to_lifetime_s(width_gev: f64) -> f64 {
    HBAR_GEV_S / width_gev
}

/// Converts a decay width in GeV to cτ in metres: cτ = ħc/Γ.
#[must_use]
pub fn width_to_ctau_m(width_gev: f64) -> f64 {
    HBARC_GEV_M / width_gev
}

/// Converts a mean lifetime in seconds to a width in GeV: Γ = ħ/τ.
#[must_use]
pub fn lifetime_to_width(lifetime_s: f64) -> f64 {
    HBAR_GEV_S / lifetime_s
}

/// How a particle's decay rate is tabulated by the PDG.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decay {
    /// Mean lifetime in seconds (long-lived states).
    LifetimeS(f64),
    /// Full width in GeV (resonances).
    WidthGev(f64),
    /// Stable.
    Stable,
}

/// PDG data for one particle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Particle {
    /// PDG Monte Carlo numbering scheme code.
    pub pdg_id: i32,
    /// Name as commonly written.
    pub name: &'static str,
    /// Mass in GeV.
    pub mass: f64,
    /// Lifetime or width.
    pub decay: Decay,
}

impl Particle {
    /// Full width in GeV (0 for stable particles).
    #[must_use]
    pub fn width(&self) -> f64 {
        match self.decay {
            Decay::LifetimeS(t) => lifetime_to_width(t),
            Decay::WidthGev(w) => w,
            Decay::Stable => 0.0,
        }
    }

    /// cτ in metres (∞ for stable particles).
    #[must_use]
    pub fn ctau_m(&self) -> f64 {
        match self.decay {
            Decay::LifetimeS(t) => C_M_PER_S * t,
            Decay::WidthGev(w) => width_to_ctau_m(w),
            Decay::Stable => f64::INFINITY,
        }
    }
}

macro_rules! particles {
    ($( $(#[$doc:meta])* $id:ident = ($pdg:expr, $name:expr, $mass:expr, $decay:expr); )*) => {
        $( $(#[$doc])* pub const $id: Particle = Particle { pdg_id: $pdg, name: $name, mass: $mass, decay: $decay }; )*
        /// Every particle defined in this module, for look-up by name.
        pub const ALL_PARTICLES: &[Particle] = &[$($id),*];
    };
}

use Decay::{LifetimeS, Stable, WidthGev};

particles! {
    /// Electron: m = 0.51099895 MeV (PDG 2024).
    ELECTRON = (11, "e", 0.510_998_95e-3, Stable);
    /// Muon: m = 105.6583755 MeV, τ = 2.1969811 μs (PDG 2024).
    MUON = (13, "mu", 0.105_658_375_5, LifetimeS(2.196_981_1e-6));
    /// Tau: m = 1776.93 MeV, τ = 290.3 fs (PDG 2024).
    TAU = (15, "tau", 1.776_93, LifetimeS(290.3e-15));
    /// Charged pion: m = 139.57039 MeV, τ = 26.033 ns (PDG 2024).
    PION_CHARGED = (211, "pi+", 0.139_570_39, LifetimeS(2.6033e-8));
    /// Neutral pion: m = 134.9768 MeV, τ = 8.43e-17 s (PDG 2024).
    PION_NEUTRAL = (111, "pi0", 0.134_976_8, LifetimeS(8.43e-17));
    /// Charged kaon: m = 493.677 MeV, τ = 12.380 ns (PDG 2024).
    KAON_CHARGED = (321, "K+", 0.493_677, LifetimeS(1.2380e-8));
    /// K_L: m = 497.611 MeV, τ = 51.16 ns (PDG 2024).
    KAON_LONG = (130, "K_L", 0.497_611, LifetimeS(5.116e-8));
    /// K_S: m = 497.611 MeV, τ = 89.54 ps (PDG 2024).
    KAON_SHORT = (310, "K_S", 0.497_611, LifetimeS(8.954e-11));
    /// η: m = 547.862 MeV, Γ = 1.31 keV (PDG 2024).
    ETA = (221, "eta", 0.547_862, WidthGev(1.31e-6));
    /// η′(958): m = 957.78 MeV, Γ = 0.188 MeV (PDG 2024).
    ETA_PRIME = (331, "eta'", 0.957_78, WidthGev(0.188e-3));
    /// ρ(770)⁰: m = 775.26 MeV, Γ = 149.1 MeV (PDG 2024, e⁺e⁻ and τ average).
    RHO = (113, "rho0", 0.775_26, WidthGev(0.1491));
    /// ω(782): m = 782.66 MeV, Γ = 8.68 MeV (PDG 2024).
    OMEGA = (223, "omega", 0.782_66, WidthGev(8.68e-3));
    /// φ(1020): m = 1019.461 MeV, Γ = 4.249 MeV (PDG 2024).
    PHI = (333, "phi", 1.019_461, WidthGev(4.249e-3));
    /// D±: m = 1869.66 MeV, τ = 1.033 ps (PDG 2024).
    D_CHARGED = (411, "D+", 1.869_66, LifetimeS(1.033e-12));
    /// D⁰: m = 1864.84 MeV, τ = 0.4103 ps (PDG 2024).
    D_NEUTRAL = (421, "D0", 1.864_84, LifetimeS(4.103e-13));
    /// D_s±: m = 1968.35 MeV, τ = 0.501 ps (PDG 2024).
    D_S = (431, "D_s+", 1.968_35, LifetimeS(5.01e-13));
    /// B±: m = 5279.34 MeV, τ = 1.638 ps (PDG 2024).
    B_CHARGED = (521, "B+", 5.279_34, LifetimeS(1.638e-12));
    /// B⁰: m = 5279.65 MeV, τ = 1.517 ps (PDG 2024).
    B_NEUTRAL = (511, "B0", 5.279_65, LifetimeS(1.517e-12));
    /// B_s⁰: m = 5366.88 MeV, τ = 1.520 ps (PDG 2024).
    B_S = (531, "B_s0", 5.366_88, LifetimeS(1.520e-12));
    /// Λ_c⁺: m = 2286.46 MeV, τ = 202.6 fs (PDG 2024).
    LAMBDA_C = (4122, "Lambda_c+", 2.286_46, LifetimeS(202.6e-15));
    /// Λ_b⁰: m = 5619.60 MeV, τ = 1.471 ps (PDG 2024).
    LAMBDA_B = (5122, "Lambda_b0", 5.619_60, LifetimeS(1.471e-12));
    /// J/ψ(1S): m = 3096.900 MeV, Γ = 92.6 keV (PDG 2024).
    J_PSI = (443, "J/psi", 3.096_900, WidthGev(92.6e-6));
    /// Proton: m = 938.27208816 MeV (PDG 2024).
    PROTON = (2212, "p", 0.938_272_088_16, Stable);
    /// Neutron: m = 939.56542052 MeV (PDG 2024; lifetime irrelevant here).
    NEUTRON = (2112, "n", 0.939_565_420_52, Stable);
    /// ρ(770)±: m = 775.11 MeV, Γ = 149.1 MeV (PDG 2024).
    RHO_CHARGED = (213, "rho+", 0.775_11, WidthGev(0.1491));
    /// K⁰: m = 497.611 MeV (PDG 2024; a mixture of K_S and K_L, no lifetime).
    KAON_NEUTRAL = (311, "K0", 0.497_611, Stable);
    /// K*(892)±: m = 891.67 MeV, Γ = 51.4 MeV (PDG 2024, hadroproduced).
    KSTAR_CHARGED = (323, "K*+", 0.891_67, WidthGev(0.0514));
    /// K*(892)⁰: m = 895.55 MeV, Γ = 47.3 MeV (PDG 2024).
    KSTAR_NEUTRAL = (313, "K*0", 0.895_55, WidthGev(0.0473));
    /// D*(2010)±: m = 2010.26 MeV, Γ = 83.4 keV (PDG 2024).
    DSTAR_CHARGED = (413, "D*+", 2.010_26, WidthGev(83.4e-6));
    /// D*(2007)⁰: m = 2006.85 MeV (PDG 2024; only Γ < 2.1 MeV is known,
    /// entered as 0).
    DSTAR_NEUTRAL = (423, "D*0", 2.006_85, WidthGev(0.0));
    /// D_s*±: m = 2112.2 MeV (PDG 2024; only Γ < 1.9 MeV is known, entered as 0).
    DSSTAR = (433, "D_s*+", 2.112_2, WidthGev(0.0));
    /// η_c(1S): m = 2984.1 MeV, Γ = 30.5 MeV (PDG 2024).
    ETA_C = (441, "eta_c", 2.984_1, WidthGev(0.0305));
    /// B_c±: m = 6274.47 MeV, τ = 0.510 ps (PDG 2024).
    B_C = (541, "B_c+", 6.274_47, LifetimeS(0.510e-12));
}

/// Looks a particle up by the name used in [`ALL_PARTICLES`].
#[must_use]
pub fn particle(name: &str) -> Option<&'static Particle> {
    ALL_PARTICLES
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_are_consistent() {
        // ħc = ħ·c.
        assert!((HBAR_GEV_S * C_M_PER_S / HBARC_GEV_M - 1.0).abs() < 1e-9);
        // PDG: cτ(K±) = 3.712 m, cτ(π±) = 7.8045 m, cτ(μ) = 658.6384 m.
        assert!((KAON_CHARGED.ctau_m() - 3.712).abs() < 2e-3);
        assert!((PION_CHARGED.ctau_m() - 7.8045).abs() < 1e-3);
        assert!((MUON.ctau_m() - 658.638).abs() < 1e-2);
        // PDG: cτ(B⁰) = 455.4 μm, cτ(D⁰) = 123.0 μm.
        assert!((B_NEUTRAL.ctau_m() - 455.4e-6).abs() < 1e-6);
        assert!((D_NEUTRAL.ctau_m() - 123.0e-6).abs() < 0.2e-6);
        // (ħc)² in GeV² mb equals ħc² in GeV² cm² × 1e27.
        assert!((HBARC2_GEV2_MB - HBARC_GEV_CM * HBARC_GEV_CM * 1e27).abs() < 1e-9);
    }

    #[test]
    fn widths_and_lifetimes_invert() {
        let w = ETA.width();
        assert_eq!(w, 1.31e-6);
        assert!((lifetime_to_width(width_to_lifetime_s(w)) / w - 1.0).abs() < 1e-15);
        assert_eq!(ELECTRON.width(), 0.0);
        assert!(ELECTRON.ctau_m().is_infinite());
        assert_eq!(particle("k+").unwrap().pdg_id, 321);
        assert!(particle("graviton").is_none());
    }
}
