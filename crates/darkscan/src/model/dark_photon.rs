//! The minimal dark photon A′: a massive vector that mixes kinetically with the
//! photon, L ⊃ −(ε/2) F′_μν F^μν, so that it couples to the electromagnetic
//! current with strength ε e. Optionally it also couples with g_D to a Dirac
//! dark-matter fermion χ (α_D = g_D²/4π).
//!
//! Widths at tree level (m = m_A′, r_f = m_f²/m²):
//!
//! - Γ(A′→ℓ⁺ℓ⁻) = (α ε² m/3)(1 + 2r_ℓ)√(1 − 4r_ℓ) for ℓ = e, μ, τ;
//! - Γ(A′→hadrons) = (α ε² m/3)·R(m), with R(√s) = σ(e⁺e⁻→hadrons)/σ_pt and
//!   σ_pt = 4πα²/(3s) the point-like μ⁺μ⁻ cross section (see
//!   [`DarkPhoton::width_hadrons`] for the convention);
//! - Γ(A′→χχ̄) = (α_D m/3)(1 + 2r_χ)√(1 − 4r_χ).
//!
//! The fermion-pair formula is the vector-coupling case of DarkCast, P. Ilten,
//! Y. Soreq, M. Williams, W. Xue, JHEP 06 (2018) 004, arXiv:1801.04847,
//! Eq. (2.13) (with x_f = Q_f ε e, resp. g_D), and the hadronic width is its
//! Eqs. (2.17)–(2.18) summed for the dark-photon charges. The same forms are in
//! FORESEE (F. Kling, S. Trojanowski, PRD 104 (2021) 035012, arXiv:2105.07077),
//! whose tables `Models/DarkPhoton/model/br/bfrac_*.txt` and `ctau.txt`
//! (repository `KlingFelix/FORESEE`) the integration test
//! `tests/dark_photon_widths.rs` checks against.
//!
//! Not included: A′→3γ below 2m_e (loop-suppressed, negligible for the masses
//! darkscan scans) and A′→π⁰γ below 2m_π (the R table starts at 2m_π).

use super::ModelError;
use crate::units::{ALPHA_EM, ELECTRON, MUON, PION_CHARGED, TAU, width_to_ctau_m};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The hadronic R(√s) table, `data/r_ratio.csv`: √s in GeV and R, rows in
/// increasing √s. Source and thinning are described in the file header: the
/// DarkCast-derived smooth R of `kdund/gambit`,
/// `Elements/data/darkcast_hadronicrpp.dat` (commit 49feb3d3).
const R_RATIO_CSV: &str = include_str!("../../data/r_ratio.csv");

/// The value of R in the source table above its last non-constant point
/// (√s > 2.0 GeV), where it is flat up to its end at 28 GeV.
const R_CONTINUUM: f64 = 2.1801;

/// Parses [`R_RATIO_CSV`]: comment lines start with `#`; the column header
/// and any line that does not hold two numbers are skipped. The table's
/// integrity (row count, ordering) is a unit test.
fn parse_r_table(text: &str) -> Vec<(f64, f64)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (x, y) = l.split_once(',')?;
            Some((x.trim().parse().ok()?, y.trim().parse().ok()?))
        })
        .collect()
}

/// The R(√s) points: a threshold point (2m_π±, 0) followed by the table, so
/// that R rises continuously from the π⁺π⁻ threshold to the first tabulated
/// point (√s = 0.2818 GeV, R = 4.9e-4). Parsed once.
fn r_table() -> &'static [(f64, f64)] {
    static TABLE: OnceLock<Vec<(f64, f64)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![(2.0 * PION_CHARGED.mass, 0.0)];
        t.extend(parse_r_table(R_RATIO_CSV));
        t
    })
}

/// The hadronic ratio R(√s) = σ(e⁺e⁻→hadrons)/σ_pt(e⁺e⁻→μ⁺μ⁻), with
/// σ_pt = 4πα²/(3s), at centre-of-mass energy `sqrt_s` in GeV.
///
/// Source: the DarkCast-derived R table (built from the exclusive-channel VMD
/// fits of Ilten et al., arXiv:1801.04847) as shipped in public repository
/// `kdund/gambit`, file `Elements/data/darkcast_hadronicrpp.dat`, embedded
/// here (thinned away from the ρ/ω and φ peaks) as `data/r_ratio.csv`.
/// Interpolation is linear in √s, as in DarkCast and in GAMBIT's reader.
///
/// - Below 2m_π± (and for non-finite input) R = 0; between 2m_π± and the first
///   tabulated point (0.2818 GeV) R rises linearly from 0.
/// - Above the last row (2.0045 GeV) R = 2.1801, the constant continuation of
///   the source table. This is the light-quark (u, d, s) continuum: it is
///   adequate up to the open-charm threshold (≈ 3.7 GeV), but does not
///   include J/ψ, ψ(2S) or charm, so it underestimates R above that.
///
/// Near 1.0–1.5 GeV data-driven R parametrisations differ among themselves by
/// up to ~20 % (DarkCast 1.08, PDG 0.93, FORESEE's effective R 0.91 at
/// 1.2 GeV); see the integration test for the consequences.
#[must_use]
pub fn r_ratio(sqrt_s: f64) -> f64 {
    let t = r_table();
    if !sqrt_s.is_finite() || sqrt_s <= t[0].0 {
        return 0.0;
    }
    let last = t[t.len() - 1];
    if sqrt_s >= last.0 {
        return R_CONTINUUM;
    }
    // First index with x > sqrt_s; 1 ≤ i ≤ len − 1 by the checks above.
    let i = t.partition_point(|&(x, _)| x <= sqrt_s);
    let (x0, y0) = t[i - 1];
    let (x1, y1) = t[i];
    y0 + (y1 - y0) * (sqrt_s - x0) / (x1 - x0)
}

/// Kinematic factor of a vector decaying to a fermion pair through a vector
/// coupling, (1 + 2r)√(1 − 4r) with r = m_f²/m²; 0 at and below threshold or
/// for an invalid fermion mass. DarkCast Eq. (2.13), vector part.
fn vector_to_fermions(mass: f64, fermion_mass: f64) -> f64 {
    if !(fermion_mass.is_finite() && fermion_mass >= 0.0) || mass <= 2.0 * fermion_mass {
        return 0.0;
    }
    let r = (fermion_mass / mass).powi(2);
    (1.0 + 2.0 * r) * (1.0 - 4.0 * r).sqrt()
}

/// The dark sector an A′ may decay into: a Dirac fermion χ of mass `m_chi`
/// (GeV) with vector coupling g_D, α_D = g_D²/4π.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DarkSector {
    /// Dark fine-structure constant α_D = g_D²/4π.
    pub alpha_d: f64,
    /// Dark-matter (χ) mass in GeV.
    pub m_chi: f64,
}

/// A minimal dark photon: mass in GeV, kinetic mixing ε, and optionally a dark
/// sector it decays into invisibly.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DarkPhoton {
    /// A′ mass in GeV.
    pub mass: f64,
    /// Kinetic mixing ε (the A′ couples to the EM current with ε e).
    pub epsilon: f64,
    /// Invisible decay channel, if any.
    pub dark_sector: Option<DarkSector>,
}

/// Branching ratios of a dark photon. They sum to 1 whenever any channel is
/// open, and are all 0 when none is (m ≤ 2m_e without a lighter χ).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BranchingRatios {
    /// A′→e⁺e⁻.
    pub ee: f64,
    /// A′→μ⁺μ⁻.
    pub mumu: f64,
    /// A′→τ⁺τ⁻.
    pub tautau: f64,
    /// A′→hadrons (all exclusive hadronic channels together).
    pub hadrons: f64,
    /// A′→χχ̄ (dark matter).
    pub invisible: f64,
}

impl BranchingRatios {
    /// The visible (SM final state) branching ratio, 1 − BR(invisible) when
    /// any channel is open.
    #[must_use]
    pub fn visible(&self) -> f64 {
        self.ee + self.mumu + self.tautau + self.hadrons
    }
}

impl DarkPhoton {
    /// A dark photon of mass `mass` (GeV, finite and > 0) and kinetic mixing
    /// `epsilon` (finite and > 0), with no dark sector.
    pub fn new(mass: f64, epsilon: f64) -> Result<Self, ModelError> {
        if !(mass.is_finite() && mass > 0.0) {
            return Err(ModelError::InvalidMass(mass));
        }
        if !(epsilon.is_finite() && epsilon > 0.0) {
            return Err(ModelError::InvalidCoupling(epsilon));
        }
        Ok(Self {
            mass,
            epsilon,
            dark_sector: None,
        })
    }

    /// Adds (or replaces) a Dirac dark-matter fermion of mass `m_chi` (GeV,
    /// finite and ≥ 0) with dark coupling `alpha_d` (finite and > 0).
    pub fn with_dark_sector(self, alpha_d: f64, m_chi: f64) -> Result<Self, ModelError> {
        if !(alpha_d.is_finite() && alpha_d > 0.0) {
            return Err(ModelError::InvalidAlphaD(alpha_d));
        }
        if !(m_chi.is_finite() && m_chi >= 0.0) {
            return Err(ModelError::InvalidDarkMatterMass(m_chi));
        }
        Ok(Self {
            dark_sector: Some(DarkSector { alpha_d, m_chi }),
            ..self
        })
    }

    /// α ε² m/3 in GeV: the width into one massless unit-charge fermion pair.
    fn unit_width(&self) -> f64 {
        ALPHA_EM * self.epsilon * self.epsilon * self.mass / 3.0
    }

    /// Γ(A′→ℓ⁺ℓ⁻) in GeV for a lepton of mass `lepton_mass` (GeV):
    /// (α ε² m/3)(1 + 2m_ℓ²/m²)√(1 − 4m_ℓ²/m²), 0 at or below threshold (and
    /// for a negative or non-finite lepton mass). DarkCast, arXiv:1801.04847,
    /// Eq. (2.13) with x_ℓ = −ε e.
    #[must_use]
    pub fn width_lepton(&self, lepton_mass: f64) -> f64 {
        self.unit_width() * vector_to_fermions(self.mass, lepton_mass)
    }

    /// Γ(A′→e⁺e⁻) in GeV.
    #[must_use]
    pub fn width_ee(&self) -> f64 {
        self.width_lepton(ELECTRON.mass)
    }

    /// Γ(A′→μ⁺μ⁻) in GeV.
    #[must_use]
    pub fn width_mumu(&self) -> f64 {
        self.width_lepton(MUON.mass)
    }

    /// Γ(A′→τ⁺τ⁻) in GeV (0 below 2m_τ).
    #[must_use]
    pub fn width_tautau(&self) -> f64 {
        self.width_lepton(TAU.mass)
    }

    /// Γ(A′→hadrons) in GeV: (α ε² m/3)·R(m), with R from [`r_ratio`]
    /// (0 below 2m_π).
    ///
    /// Convention: this is DarkCast's (arXiv:1801.04847, Eqs. 2.17–2.18: the
    /// hadronic width is m/(12π)·e²·R_μ^F summed over channels, with no muon
    /// mass factor), consistent with R being normalised to the point-like
    /// σ_pt = 4πα²/(3s). An alternative convention in the literature writes
    /// Γ_had = Γ(A′→μ⁺μ⁻)·R(m), i.e. multiplies by the muon factor
    /// (1 + 2r_μ)√(1 − 4r_μ): that is 11 % lower at m = 0.3 GeV, < 1.3 % lower
    /// above 0.5 GeV and < 0.5 % above 0.7 GeV; BR_had changes from 0.0090 to
    /// 0.0079 at 0.3 GeV.
    #[must_use]
    pub fn width_hadrons(&self) -> f64 {
        self.unit_width() * r_ratio(self.mass)
    }

    /// Γ(A′→χχ̄) in GeV: (α_D m/3)(1 + 2m_χ²/m²)√(1 − 4m_χ²/m²) for a Dirac χ
    /// with vector coupling g_D (DarkCast Eq. 2.13 with x_f → g_D), 0 without
    /// a dark sector or below threshold. Independent of ε.
    #[must_use]
    pub fn width_invisible(&self) -> f64 {
        self.dark_sector.map_or(0.0, |ds| {
            ds.alpha_d * self.mass / 3.0 * vector_to_fermions(self.mass, ds.m_chi)
        })
    }

    /// Total width in GeV: e⁺e⁻ + μ⁺μ⁻ + τ⁺τ⁻ + hadrons + χχ̄.
    #[must_use]
    pub fn total_width(&self) -> f64 {
        self.width_ee()
            + self.width_mumu()
            + self.width_tautau()
            + self.width_hadrons()
            + self.width_invisible()
    }

    /// Branching ratios into each channel (all 0 if no channel is open).
    #[must_use]
    pub fn branching_ratios(&self) -> BranchingRatios {
        let total = self.total_width();
        let br = |w: f64| if total > 0.0 { w / total } else { 0.0 };
        BranchingRatios {
            ee: br(self.width_ee()),
            mumu: br(self.width_mumu()),
            tautau: br(self.width_tautau()),
            hadrons: br(self.width_hadrons()),
            invisible: br(self.width_invisible()),
        }
    }

    /// Proper decay length cτ = ħc/Γ_tot in metres (∞ if no channel is open).
    #[must_use]
    pub fn ctau_m(&self) -> f64 {
        width_to_ctau_m(self.total_width())
    }
}

/// The conventional m_A′/m_χ = 3 of the thermal-target benchmarks
/// (Izaguirre, Krnjaic, Schuster, Toro, PRL 115 (2015) 251301), used when a
/// dark-matter mass is not given.
pub const DEFAULT_MASS_RATIO: f64 = 3.0;

/// How the dark sector of a [`DarkPhotonModel`] is set at each mass: α_D and
/// the mass ratio R = m_A′/m_χ (so m_χ = m_A′/R follows the scan).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DarkSectorRatio {
    /// Dark fine-structure constant α_D.
    pub alpha_d: f64,
    /// m_A′/m_χ.
    pub mass_ratio: f64,
}

/// The dark photon on the portal layer ([`crate::model::Fip`]): coupling axis
/// ε, widths ∝ ε² (p = 2), the decay to dark matter (if any) fixed.
///
/// Channels: "e+e-", "mu+mu-", "tau+tau-" (with daughters), "hadrons" (the
/// R-ratio width, inclusive: no daughters) and "invisible" (χχ̄).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct DarkPhotonModel {
    /// Dark sector for the invisible decay; `None` for a visibly decaying A′.
    pub dark_sector: Option<DarkSectorRatio>,
}

impl crate::model::Fip for DarkPhotonModel {
    fn model_name(&self) -> &'static str {
        "dark-photon"
    }
    fn coupling_label(&self) -> String {
        "epsilon".into()
    }
    fn coupling_power(&self) -> i32 {
        2
    }
    fn mass_symbol(&self) -> String {
        "m_A'".into()
    }
    fn decays(&self, mass: f64) -> Result<crate::model::DecayTable, ModelError> {
        use crate::model::{Daughter, DecayChannel, DecayTable};
        let mut a = DarkPhoton::new(mass, 1.0)?;
        if let Some(ds) = self.dark_sector {
            a = a.with_dark_sector(ds.alpha_d, mass / ds.mass_ratio)?;
        }
        let pair = |id: i32| {
            vec![
                Daughter::from_pdg(-id).expect("lepton in units"),
                Daughter::from_pdg(id).expect("lepton in units"),
            ]
        };
        let mut channels = vec![
            DecayChannel::portal("e+e-", a.width_ee(), pair(11)),
            DecayChannel::portal("mu+mu-", a.width_mumu(), pair(13)),
            DecayChannel::portal("tau+tau-", a.width_tautau(), pair(15)),
            DecayChannel::portal("hadrons", a.width_hadrons(), Vec::new()),
        ];
        if let Some(ds) = a.dark_sector {
            let chi = Daughter {
                pdg_id: crate::model::portal::DARK_MATTER_PDG_ID,
                mass: ds.m_chi,
                charge: 0,
            };
            let anti = Daughter {
                pdg_id: -crate::model::portal::DARK_MATTER_PDG_ID,
                ..chi
            };
            channels.push(DecayChannel {
                name: "invisible".into(),
                width: a.width_invisible(),
                daughters: vec![chi, anti],
                scales_with_coupling: false,
            });
        }
        channels.retain(|c| c.width > 0.0);
        Ok(DecayTable {
            mass,
            coupling_power: 2,
            channels,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: f64, b: f64) -> f64 {
        (a / b - 1.0).abs()
    }

    #[test]
    fn constructors_validate() {
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                DarkPhoton::new(bad, 1e-4),
                Err(ModelError::InvalidMass(_))
            ));
            assert!(matches!(
                DarkPhoton::new(0.1, bad),
                Err(ModelError::InvalidCoupling(_))
            ));
            let ap = DarkPhoton::new(0.1, 1e-4).unwrap();
            assert!(matches!(
                ap.with_dark_sector(bad, 0.01),
                Err(ModelError::InvalidAlphaD(_))
            ));
        }
        let ap = DarkPhoton::new(0.1, 1e-4).unwrap();
        for bad in [-1e-3, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                ap.with_dark_sector(0.5, bad),
                Err(ModelError::InvalidDarkMatterMass(_))
            ));
        }
        assert_eq!(
            DarkPhoton::new(-2.0, 1e-4),
            Err(ModelError::InvalidMass(-2.0))
        );
        assert_eq!(
            DarkPhoton::new(-2.0, 1e-4).unwrap_err().to_string(),
            "mass must be a finite positive number in GeV, got -2"
        );
        // m_χ = 0 is allowed.
        let ap = ap.with_dark_sector(0.5, 0.0).unwrap();
        assert_eq!(
            ap.dark_sector,
            Some(DarkSector {
                alpha_d: 0.5,
                m_chi: 0.0
            })
        );
        assert!(ap.width_invisible() > 0.0);
    }

    #[test]
    fn r_table_parses_and_is_ordered() {
        let t = parse_r_table(R_RATIO_CSV);
        // 487 data rows (header and comments skipped); keep the file small.
        assert_eq!(t.len(), 487);
        assert!(t.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(t.iter().all(|&(x, y)| x > 0.0 && y >= 0.0));
        // First and last rows of the source file's range used here.
        assert_eq!(t[0], (0.281_838_29, 0.000_493_350_88));
        assert_eq!(t[t.len() - 1], (2.004_472, R_CONTINUUM));
    }

    #[test]
    fn r_ratio_edges() {
        assert_eq!(r_ratio(f64::NAN), 0.0);
        assert_eq!(r_ratio(-1.0), 0.0);
        assert_eq!(r_ratio(0.2), 0.0);
        assert_eq!(r_ratio(2.0 * PION_CHARGED.mass), 0.0);
        // Continuous ramp from threshold to the first row.
        let r = r_ratio(0.2805);
        assert!(r > 0.0 && r < 0.000_493_350_88);
        assert_eq!(r_ratio(2.5), R_CONTINUUM);
        assert_eq!(r_ratio(f64::INFINITY), 0.0);
        // Exact at table rows: the source's round value at √s = 1.0 GeV.
        assert!((r_ratio(1.0) - 0.93033).abs() < 1e-12);
    }

    /// The thinned table reproduces points of the full-resolution source
    /// (kdund/gambit Elements/data/darkcast_hadronicrpp.dat) that were dropped.
    #[test]
    fn thinning_error_is_small() {
        let dropped = [
            (0.298_538_261_891_795_94, 0.015_257_526_460_423_88),
            (0.500_034_534_976_978_5, 0.505_035_407_396_403_2),
            (0.601_173_737_483_278, 1.355_840_809_745_825),
            (0.703_072_319_883_833_5, 5.143_578_103_682_477_5),
            (0.833_681_184_619_634_3, 4.066_562_372_072_262),
            (0.901_571_137_605_956_8, 1.771_576_840_529_203_8),
            (1.205_035_940_371_797_4, 1.083_650_316_520_516_2),
            (1.524_052_753_797_291, 2.298_594_492_405_418_2),
            (1.901_078_279_923_300_1, 1.870_384_344_015_34),
        ];
        for (x, r_full) in dropped {
            let r = r_ratio(x);
            assert!(rel(r, r_full) < 5e-3, "R({x}) = {r}, full table {r_full}");
        }
    }

    /// The ω and φ peaks are resolved: the maximum of the interpolated R on a
    /// 0.1 MeV scan equals the full-resolution peak value of the source table
    /// (ω: 19.777996 at 0.781628 GeV; φ: 45.462603 at 1.018591 GeV) within 1 %.
    #[test]
    fn resonance_peaks_are_resolved() {
        let peak = |lo: f64, hi: f64| {
            let n = ((hi - lo) / 1e-4) as usize;
            (0..=n)
                .map(|k| {
                    let x = lo + (hi - lo) * k as f64 / n as f64;
                    (x, r_ratio(x))
                })
                .fold((0.0, 0.0), |a, b| if b.1 > a.1 { b } else { a })
        };
        let (x_omega, r_omega) = peak(0.75, 0.82);
        assert!(rel(r_omega, 19.777_996) < 0.01, "omega peak {r_omega}");
        assert!((x_omega - 0.781_628).abs() < 1e-3);
        let (x_phi, r_phi) = peak(0.99, 1.05);
        assert!(rel(r_phi, 45.462_603) < 0.01, "phi peak {r_phi}");
        assert!((x_phi - 1.018_591).abs() < 1e-3);
    }

    #[test]
    fn lepton_widths() {
        let ap = DarkPhoton::new(0.5, 1e-3).unwrap();
        let unit = ALPHA_EM * 1e-6 * 0.5 / 3.0;
        assert!(rel(ap.width_ee(), unit) < 1e-5);
        // f_μ(0.5 GeV) = (1 + 2r)√(1 − 4r), r = (0.10566/0.5)².
        let r = (MUON.mass / 0.5_f64).powi(2);
        assert!(
            rel(
                ap.width_mumu(),
                unit * (1.0 + 2.0 * r) * (1.0 - 4.0 * r).sqrt()
            ) < 1e-14
        );
        assert_eq!(ap.width_tautau(), 0.0);
        assert_eq!(ap.width_lepton(0.25), 0.0);
        assert_eq!(ap.width_lepton(-1.0), 0.0);
        assert_eq!(ap.width_lepton(f64::NAN), 0.0);
        assert!(DarkPhoton::new(4.0, 1e-3).unwrap().width_tautau() > 0.0);
    }

    #[test]
    fn below_electron_threshold_nothing_is_open() {
        let ap = DarkPhoton::new(1e-3, 1e-4).unwrap();
        assert_eq!(ap.total_width(), 0.0);
        assert!(ap.ctau_m().is_infinite());
        let br = ap.branching_ratios();
        assert_eq!(br.ee + br.mumu + br.hadrons + br.invisible, 0.0);
        // A lighter χ opens the invisible channel.
        let ap = ap.with_dark_sector(0.1, 1e-4).unwrap();
        assert_eq!(ap.branching_ratios().invisible, 1.0);
    }

    #[test]
    fn branching_ratios_sum_to_one() {
        for m in [0.01, 0.3, 0.78, 1.02, 1.5, 3.0, 4.0] {
            let ap = DarkPhoton::new(m, 1e-4)
                .unwrap()
                .with_dark_sector(1e-9, 0.05)
                .unwrap();
            let br = ap.branching_ratios();
            assert!((br.visible() + br.invisible - 1.0).abs() < 1e-12, "m = {m}");
        }
    }

    #[test]
    fn invisible_width_and_serialisation() {
        // Memo example: α_D = 0.5, m = 0.3 GeV, m_χ = 0.1 GeV → 4.555e-2 GeV.
        let ap = DarkPhoton::new(0.3, 1e-3)
            .unwrap()
            .with_dark_sector(0.5, 0.1)
            .unwrap();
        assert!(rel(ap.width_invisible(), 4.555e-2) < 1e-3);
        // Closed below threshold.
        let heavy = ap.with_dark_sector(0.5, 0.2).unwrap();
        assert_eq!(heavy.width_invisible(), 0.0);
        let json = serde_json::to_string(&ap.branching_ratios()).unwrap();
        for key in ["ee", "mumu", "tautau", "hadrons", "invisible"] {
            assert!(json.contains(&format!("\"{key}\"")));
        }
    }
}
