//! Charm, beauty and prompt-J/ψ parents from 400 GeV/c protons on the NA62
//! TAX (copper) dump.
//!
//! FIPs from heavy-meson decays (HNLs from D_s → ℓN and B → DℓN, dark scalars
//! from B → KS, ALPs, invisible J/ψ decays, ...) need the momentum and angle
//! spectra of the heavy hadrons and their number per proton on target. This
//! module embeds `data/heavy_flavour_spectra_p400.csv` and provides both.
//!
//! **The table** is made by `tools/meson_spectra/heavy_flavour.py` with
//! Pythia 8.317 (T. Bierlich et al., SciPost Phys. Codeb. 8 (2022)), Monash
//! tune, fixed-target frame, pp and pn at p_beam = 400 GeV/c (√s = 27.4 GeV):
//! `HardQCD:hardccbar` for charm, `HardQCD:hardbbbar` for beauty (LO massive
//! matrix elements) and `Charmonium:all` (NRQCD singlet + octet) for prompt
//! J/ψ. Every hadron in the event record is counted once, prompt or from a
//! heavier hadron's decay (D* → Dπ, Σ_c → Λ_cπ, B* → Bγ, χ_c → J/ψγ, ...);
//! particles and antiparticles are separate rows. pp and pn are combined with
//! copper's proton and neutron fractions (Z/A = 29/63.5). The file header
//! lists the settings, seeds, event counts and Pythia's cross sections.
//!
//! **Normalisation.** Each row is hadrons per *unit* of its [`Source`]: per
//! produced cc̄ pair (charm), per bb̄ pair (beauty), per prompt J/ψ (J/ψ,
//! whose rows sum to 1). Pythia's LO cross sections are not used; the number
//! of units per proton on target is χ = (σ/A)/(σ_inel(pCu)/A), from measured
//! cross sections per nucleon ([`HeavyFlavourTable::chi`]): heavy-quark
//! production scales as A¹, so per inelastic p–Cu collision the number of
//! pairs is A σ_QQ̄/σ_inel(pCu); for the ≈ 20 interaction lengths of the TAX
//! every proton interacts, so this is per POT from primary interactions.
//! Secondary interactions in the dump (the cascade) are not included: SHiP's
//! estimate of their enhancement is exposed as
//! [`Source::cascade_enhancement`] but not applied.
//!
//! **Status of the inputs.** The charm and beauty cross sections and the
//! inelastic cross section are the values the SHiP collaboration uses at
//! 400 GeV; they were taken from secondary quotations of the SHiP documents
//! (the primary documents could not be opened when this was written) and
//! are marked *unverified* here and in the table header. One check against
//! a measurement at this energy exists for charm: σ_cc̄/A × the table's D
//! mesons per pair gives σ(D⁰ + D̄⁰ + D⁺ + D⁻) = 29.6 μb per nucleon against
//! NA27's 30.2 ± 3.3 μb in pp at 400 GeV/c (`tests/heavy_flavour_spectra.rs`,
//! `charm_normalisation_against_na27`); beauty has no measurement at 400 GeV/c.
//! The J/ψ
//! normalisation is a measurement in a rapidity window (read in the abstract
//! of the SHiP di-muon paper), extrapolated to all rapidities with Pythia's
//! shape: uncertain at the 20–30 % level.

use super::binned::{BinnedSpectrum, RowError, parse_rows};
use crate::numeric::rng::Rng;
use crate::units::{
    B_CHARGED, B_NEUTRAL, B_S, D_CHARGED, D_NEUTRAL, D_S, J_PSI, LAMBDA_B, LAMBDA_C, Particle,
};
use std::sync::OnceLock;
use thiserror::Error;

/// The embedded table (see the module documentation and the file header).
const TABLE_CSV: &str = include_str!("../../data/heavy_flavour_spectra_p400.csv");

/// The column header line of the table.
const COLUMNS: &str = "hadron,log10p_lo,log10p_hi,log10theta_lo,log10theta_hi,n_per_unit,n_mc";

/// The header line holding the fraction of the table's J/ψ in the measured
/// rapidity window (a generator output, needed for the J/ψ normalisation).
const WINDOW_KEY: &str = "# jpsi_window_fraction:";

/// σ(pN → cc̄ X) per nucleon for 400 GeV/c protons, in mb: 18.1 ± 1.7 μb.
///
/// Source: SHiP Collaboration, Technical Proposal, CERN-SPSC-2015-016
/// (arXiv:1504.04956), Sec. 5.3, from the compilation of fixed-target data by
/// C. Lourenço and H. K. Wöhri, Phys. Rept. 433 (2006) 127. **Unverified:**
/// quoted from secondary texts, the primary document was not read.
pub const SIGMA_CCBAR_PER_NUCLEON_MB: f64 = 18.1e-3;

/// χ_bb̄ = σ_bb̄/σ_pN = 1.6 × 10⁻⁷ for 400 GeV/c protons on molybdenum (with
/// [`SIGMA_INEL_PER_NUCLEON_MO_MB`]), so σ_bb̄/A = 1.7 nb.
///
/// Source: SHiP Collaboration, "Sensitivity of the SHiP experiment to Heavy
/// Neutral Leptons", JHEP 04 (2019) 077 (arXiv:1811.00930), Table 1 (which
/// gives χ_cc̄ = 1.7 × 10⁻³ alongside). **Unverified:** quoted from secondary
/// texts.
pub const CHI_BBBAR_MO: f64 = 1.6e-7;

/// The inelastic cross section per nucleon in molybdenum, σ_pMo/A =
/// 10.7 mb, with σ_pA ∝ A^[`INELASTIC_A_EXPONENT`].
///
/// Source: SHiP Technical Proposal (as for [`SIGMA_CCBAR_PER_NUCLEON_MB`]),
/// Eq. (5.15). **Unverified:** quoted from secondary texts.
pub const SIGMA_INEL_PER_NUCLEON_MO_MB: f64 = 10.7;

/// Exponent of the A dependence of the inelastic proton–nucleus cross
/// section, σ_pA ∝ A^0.71 (SHiP Technical Proposal, Sec. 5.3, as for
/// [`SIGMA_INEL_PER_NUCLEON_MO_MB`]). **Unverified.**
pub const INELASTIC_A_EXPONENT: f64 = 0.71;

/// Standard atomic weight of molybdenum, 95.95 (IUPAC/CIAAW 2021).
pub const A_MO: f64 = 95.95;

/// Standard atomic weight of copper, 63.546 (IUPAC/CIAAW 2021; the same value
/// as [`crate::experiment::material::copper`]).
pub const A_CU: f64 = 63.546;

/// B(J/ψ → μ⁺μ⁻) σ(J/ψ)/A = 0.99 ± 0.04 nb per nucleon in
/// [`JPSI_Y_CM_WINDOW`] for 400 GeV/c protons: NA50's measurement
/// extrapolated to that window and to Mo/W.
///
/// Source: abstract of SHiP Collaboration, "Measurement of di-muons from
/// 400 GeV/c protons interacting in a thick molybdenum/tungsten target",
/// arXiv:2604.03661 (to appear in Eur. Phys. J. C), which measures
/// 1.18 ± 0.04 ± 0.10 nb in SHiP's thick target and sees no significant
/// cascade enhancement (< 32 %).
pub const JPSI_BMUMU_SIGMA_WINDOW_NB: f64 = 0.99;

/// The centre-of-mass rapidity window of [`JPSI_BMUMU_SIGMA_WINDOW_NB`]:
/// 0.3 < y_cm < 0.6 (arXiv:2604.03661).
pub const JPSI_Y_CM_WINDOW: (f64, f64) = (0.3, 0.6);

/// B(J/ψ → μ⁺μ⁻) = 5.961 % (PDG 2024, S. Navas et al., PRD 110 (2024) 030001).
pub const BR_JPSI_MUMU: f64 = 0.059_61;

/// Enhancement of charm production by secondary interactions in a thick
/// target (the cascade), 2.3, for SHiP's Mo/W target.
///
/// Source: H. Dijkstra and T. Ruf, "Heavy Flavour Cascade Production in a
/// Beam Dump", CERN-SHiP-NOTE-2015-009. **Unverified:** quoted from
/// secondary texts; not computed for the NA62 copper TAX.
pub const CASCADE_ENHANCEMENT_CHARM: f64 = 2.3;

/// Enhancement of beauty production by the cascade, 1.7 (as for
/// [`CASCADE_ENHANCEMENT_CHARM`]). **Unverified.**
pub const CASCADE_ENHANCEMENT_BEAUTY: f64 = 1.7;

/// The inelastic p–Cu cross section per nucleon in mb, σ_pCu/A =
/// [`SIGMA_INEL_PER_NUCLEON_MO_MB`] × (A_Cu/A_Mo)^(α−1) with α =
/// [`INELASTIC_A_EXPONENT`]: ≈ 12.06 mb (σ_pCu ≈ 766 mb).
#[must_use]
pub fn sigma_inel_per_nucleon_cu_mb() -> f64 {
    SIGMA_INEL_PER_NUCLEON_MO_MB * (A_CU / A_MO).powf(INELASTIC_A_EXPONENT - 1.0)
}

/// What a row of the table is normalised to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Open charm, per produced cc̄ pair.
    Charm,
    /// Open beauty, per produced bb̄ pair.
    Beauty,
    /// Prompt J/ψ (direct and from χ_c, ψ(2S) decays), per J/ψ.
    PromptJpsi,
}

impl Source {
    /// All sources, in table order.
    pub const ALL: [Source; 3] = [Source::Charm, Source::Beauty, Source::PromptJpsi];

    /// Short name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Source::Charm => "charm",
            Source::Beauty => "beauty",
            Source::PromptJpsi => "jpsi",
        }
    }

    /// The unit the rows of this source are normalised to.
    #[must_use]
    pub fn unit(self) -> &'static str {
        match self {
            Source::Charm => "cc̄ pair",
            Source::Beauty => "bb̄ pair",
            Source::PromptJpsi => "prompt J/ψ",
        }
    }

    /// The tabulated hadrons of this source, in table order.
    #[must_use]
    pub fn hadrons(self) -> &'static [HeavyHadron] {
        let all = &HeavyHadron::ALL;
        match self {
            Source::Charm => &all[0..8],
            Source::Beauty => &all[8..16],
            Source::PromptJpsi => &all[16..17],
        }
    }

    /// SHiP's estimate of the enhancement by secondary interactions in a
    /// thick target ([`CASCADE_ENHANCEMENT_CHARM`],
    /// [`CASCADE_ENHANCEMENT_BEAUTY`]); `None` for J/ψ, where SHiP measures
    /// no significant enhancement (< 32 %, arXiv:2604.03661). Not applied by
    /// [`HeavyFlavourTable::per_pot`].
    #[must_use]
    pub fn cascade_enhancement(self) -> Option<f64> {
        match self {
            Source::Charm => Some(CASCADE_ENHANCEMENT_CHARM),
            Source::Beauty => Some(CASCADE_ENHANCEMENT_BEAUTY),
            Source::PromptJpsi => None,
        }
    }
}

/// A heavy hadron of the table. Antiparticles are separate species (the
/// asymmetries are physical: the beam's valence quarks favour Λ_c⁺ over
/// Λ̄_c⁻ and D⁻, D̄⁰ over D⁺, D⁰).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeavyHadron {
    /// D⁰ (PDG 421).
    D0,
    /// D̄⁰ (−421).
    D0Bar,
    /// D⁺ (411).
    DPlus,
    /// D⁻ (−411).
    DMinus,
    /// D_s⁺ (431).
    DsPlus,
    /// D_s⁻ (−431).
    DsMinus,
    /// Λ_c⁺ (4122).
    LambdaC,
    /// Λ̄_c⁻ (−4122).
    LambdaCBar,
    /// B⁺ (521).
    BPlus,
    /// B⁻ (−521).
    BMinus,
    /// B⁰ (511), production flavour.
    B0,
    /// B̄⁰ (−511), production flavour.
    B0Bar,
    /// B_s⁰ (531), production flavour.
    Bs,
    /// B̄_s⁰ (−531), production flavour.
    BsBar,
    /// Λ_b⁰ (5122).
    LambdaB,
    /// Λ̄_b⁰ (−5122).
    LambdaBBar,
    /// J/ψ(1S) (443), prompt.
    JPsi,
}

impl HeavyHadron {
    /// All hadrons of the table, in table order.
    pub const ALL: [HeavyHadron; 17] = [
        HeavyHadron::D0,
        HeavyHadron::D0Bar,
        HeavyHadron::DPlus,
        HeavyHadron::DMinus,
        HeavyHadron::DsPlus,
        HeavyHadron::DsMinus,
        HeavyHadron::LambdaC,
        HeavyHadron::LambdaCBar,
        HeavyHadron::BPlus,
        HeavyHadron::BMinus,
        HeavyHadron::B0,
        HeavyHadron::B0Bar,
        HeavyHadron::Bs,
        HeavyHadron::BsBar,
        HeavyHadron::LambdaB,
        HeavyHadron::LambdaBBar,
        HeavyHadron::JPsi,
    ];

    fn index(self) -> usize {
        HeavyHadron::ALL
            .iter()
            .position(|&h| h == self)
            .unwrap_or(0)
    }

    /// PDG data from [`crate::units`] (antiparticles share their particle's
    /// mass and lifetime).
    #[must_use]
    pub fn particle(self) -> &'static Particle {
        use HeavyHadron::*;
        match self {
            D0 | D0Bar => &D_NEUTRAL,
            DPlus | DMinus => &D_CHARGED,
            DsPlus | DsMinus => &D_S,
            LambdaC | LambdaCBar => &LAMBDA_C,
            BPlus | BMinus => &B_CHARGED,
            B0 | B0Bar => &B_NEUTRAL,
            Bs | BsBar => &B_S,
            LambdaB | LambdaBBar => &LAMBDA_B,
            JPsi => &J_PSI,
        }
    }

    /// Whether this is the antiparticle (negative PDG code).
    #[must_use]
    pub fn is_antiparticle(self) -> bool {
        use HeavyHadron::*;
        matches!(
            self,
            D0Bar | DMinus | DsMinus | LambdaCBar | BMinus | B0Bar | BsBar | LambdaBBar
        )
    }

    /// The charge conjugate (J/ψ is its own).
    #[must_use]
    pub fn conjugate(self) -> HeavyHadron {
        if self == HeavyHadron::JPsi {
            return self;
        }
        let i = self.index();
        HeavyHadron::ALL[if i % 2 == 0 { i + 1 } else { i - 1 }]
    }

    /// PDG Monte Carlo code, negative for antiparticles.
    #[must_use]
    pub fn pdg_id(self) -> i32 {
        let id = self.particle().pdg_id;
        if self.is_antiparticle() { -id } else { id }
    }

    /// Mass in GeV (PDG 2024, via [`crate::units`]).
    #[must_use]
    pub fn mass(self) -> f64 {
        self.particle().mass
    }

    /// Which source, and so which normalisation, the hadron belongs to.
    #[must_use]
    pub fn source(self) -> Source {
        match self.index() {
            0..=7 => Source::Charm,
            8..=15 => Source::Beauty,
            _ => Source::PromptJpsi,
        }
    }

    /// Name as used in the table's `hadron` column.
    #[must_use]
    pub fn name(self) -> &'static str {
        use HeavyHadron::*;
        match self {
            D0 => "D0",
            D0Bar => "D0bar",
            DPlus => "D+",
            DMinus => "D-",
            DsPlus => "Ds+",
            DsMinus => "Ds-",
            LambdaC => "Lambdac+",
            LambdaCBar => "Lambdacbar-",
            BPlus => "B+",
            BMinus => "B-",
            B0 => "B0",
            B0Bar => "B0bar",
            Bs => "Bs0",
            BsBar => "Bs0bar",
            LambdaB => "Lambdab0",
            LambdaBBar => "Lambdab0bar",
            JPsi => "J/psi",
        }
    }

    /// The hadron with table name `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<HeavyHadron> {
        HeavyHadron::ALL.into_iter().find(|h| h.name() == name)
    }
}

/// A malformed heavy-flavour table.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum HeavyFlavourError {
    /// The column header line is missing or different.
    #[error("missing column header '{COLUMNS}'")]
    MissingHeader,
    /// A data line that does not have seven fields.
    #[error("line {line}: expected 7 comma-separated fields, got {got}")]
    FieldCount {
        /// 1-based line number.
        line: usize,
        /// Number of fields found.
        got: usize,
    },
    /// A hadron name not in [`HeavyHadron::ALL`].
    #[error("line {line}: unknown hadron '{name}'")]
    UnknownHadron {
        /// 1-based line number.
        line: usize,
        /// The name found.
        name: String,
    },
    /// A field that is not a number, a bin that is empty or inverted, or a
    /// negative or non-finite weight.
    #[error("line {line}: invalid {what}")]
    InvalidValue {
        /// 1-based line number.
        line: usize,
        /// Which field.
        what: &'static str,
    },
    /// A hadron without any non-empty bin.
    #[error("no bins for hadron {0}")]
    MissingHadron(&'static str),
    /// The `# jpsi_window_fraction:` header line is missing, or its value is
    /// not in (0, 1].
    #[error("missing or invalid header line '{WINDOW_KEY} f' with 0 < f <= 1")]
    MissingWindowFraction,
}

impl From<RowError> for HeavyFlavourError {
    fn from(e: RowError) -> Self {
        match e {
            RowError::MissingHeader => HeavyFlavourError::MissingHeader,
            RowError::FieldCount { line, got } => HeavyFlavourError::FieldCount { line, got },
            RowError::UnknownName { line, name } => HeavyFlavourError::UnknownHadron { line, name },
            RowError::InvalidValue { line, what } => HeavyFlavourError::InvalidValue { line, what },
        }
    }
}

/// The momentum and angle spectrum of one heavy hadron, per unit of its
/// [`Source`].
#[derive(Debug, Clone, PartialEq)]
pub struct HeavyFlavourSpectrum {
    /// Which hadron.
    pub hadron: HeavyHadron,
    /// Mean number per unit of the source (per cc̄ pair, bb̄ pair or J/ψ).
    pub per_unit: f64,
    spectrum: BinnedSpectrum,
}

impl HeavyFlavourSpectrum {
    /// Number of non-empty (p, θ) bins.
    #[must_use]
    pub fn n_bins(&self) -> usize {
        self.spectrum.n_bins()
    }

    /// Draws a momentum in GeV and a polar angle to the beam in rad (a bin ∝
    /// its weight, then log p and log θ uniform within it; θ² uniform below
    /// 10⁻⁵ rad).
    pub fn sample(&self, rng: &mut Rng) -> (f64, f64) {
        self.spectrum.sample(rng)
    }

    /// Mean momentum in GeV for the sampling rule of [`Self::sample`].
    #[must_use]
    pub fn mean_momentum(&self) -> f64 {
        self.spectrum.mean_momentum()
    }

    /// Fraction with momentum above `p_min` GeV and angle below `theta_max`
    /// rad (exact for the within-bin distributions of [`Self::sample`]).
    #[must_use]
    pub fn fraction(&self, p_min: f64, theta_max: f64) -> f64 {
        self.spectrum.fraction(p_min, theta_max)
    }
}

/// The whole table: one spectrum per [`HeavyHadron`] and the J/ψ window
/// fraction that fixes the J/ψ normalisation.
#[derive(Debug, Clone, PartialEq)]
pub struct HeavyFlavourTable {
    spectra: Vec<HeavyFlavourSpectrum>,
    jpsi_window_fraction: f64,
}

impl HeavyFlavourTable {
    /// The embedded table, parsed once. An error here means the shipped file
    /// is broken (a unit test guarantees it is not).
    pub fn embedded() -> Result<&'static HeavyFlavourTable, HeavyFlavourError> {
        static TABLE: OnceLock<Result<HeavyFlavourTable, HeavyFlavourError>> = OnceLock::new();
        TABLE
            .get_or_init(|| HeavyFlavourTable::parse(TABLE_CSV))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Parses a table in the format of `data/heavy_flavour_spectra_p400.csv`:
    /// `#` comment lines (one of them `# jpsi_window_fraction: f`), the
    /// column header, then one row per non-empty bin. Every hadron of
    /// [`HeavyHadron::ALL`] must have at least one bin.
    pub fn parse(text: &str) -> Result<HeavyFlavourTable, HeavyFlavourError> {
        let mut spectra: Vec<HeavyFlavourSpectrum> = HeavyHadron::ALL
            .into_iter()
            .map(|hadron| HeavyFlavourSpectrum {
                hadron,
                per_unit: 0.0,
                spectrum: BinnedSpectrum::default(),
            })
            .collect();
        for row in parse_rows(text, COLUMNS, "n_per_unit", HeavyHadron::from_name)? {
            let s = &mut spectra[row.species.index()];
            s.spectrum.push(row.bin, row.weight);
            s.per_unit = s.spectrum.total();
        }
        for s in &spectra {
            if s.spectrum.n_bins() == 0 || s.per_unit <= 0.0 {
                return Err(HeavyFlavourError::MissingHadron(s.hadron.name()));
            }
        }
        let jpsi_window_fraction = text
            .lines()
            .find_map(|l| l.trim().strip_prefix(WINDOW_KEY))
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|f| *f > 0.0 && *f <= 1.0)
            .ok_or(HeavyFlavourError::MissingWindowFraction)?;
        Ok(HeavyFlavourTable {
            spectra,
            jpsi_window_fraction,
        })
    }

    /// The spectrum of one hadron.
    #[must_use]
    pub fn spectrum(&self, hadron: HeavyHadron) -> &HeavyFlavourSpectrum {
        &self.spectra[hadron.index()]
    }

    /// All spectra, in the order of [`HeavyHadron::ALL`].
    #[must_use]
    pub fn spectra(&self) -> &[HeavyFlavourSpectrum] {
        &self.spectra
    }

    /// Fraction of the table's prompt J/ψ with [`JPSI_Y_CM_WINDOW`] (from the
    /// generator, stated in the file header).
    #[must_use]
    pub fn jpsi_window_fraction(&self) -> f64 {
        self.jpsi_window_fraction
    }

    /// Production cross section per nucleon in mb: σ_cc̄/A, σ_bb̄/A or
    /// σ(J/ψ)/A (the last = [`JPSI_BMUMU_SIGMA_WINDOW_NB`] /
    /// ([`BR_JPSI_MUMU`] × window fraction)).
    #[must_use]
    pub fn sigma_per_nucleon_mb(&self, source: Source) -> f64 {
        match source {
            Source::Charm => SIGMA_CCBAR_PER_NUCLEON_MB,
            Source::Beauty => CHI_BBBAR_MO * SIGMA_INEL_PER_NUCLEON_MO_MB,
            Source::PromptJpsi => {
                JPSI_BMUMU_SIGMA_WINDOW_NB * 1e-6 / (BR_JPSI_MUMU * self.jpsi_window_fraction)
            }
        }
    }

    /// χ: units of `source` (cc̄ pairs, bb̄ pairs, prompt J/ψ) per inelastic
    /// p–Cu collision = per proton on the TAX from primary interactions,
    /// (σ/A)/(σ_inel(pCu)/A) with [`sigma_inel_per_nucleon_cu_mb`].
    #[must_use]
    pub fn chi(&self, source: Source) -> f64 {
        self.sigma_per_nucleon_mb(source) / sigma_inel_per_nucleon_cu_mb()
    }

    /// Number of `hadron` per proton on target (primary interactions, no
    /// cascade): per-unit multiplicity × [`Self::chi`].
    #[must_use]
    pub fn per_pot(&self, hadron: HeavyHadron) -> f64 {
        self.spectrum(hadron).per_unit * self.chi(hadron.source())
    }

    /// Sum of the per-unit multiplicities of the tabulated hadrons of
    /// `source` (≈ 2 per pair for charm and beauty, 1 for J/ψ).
    #[must_use]
    pub fn per_unit_sum(&self, source: Source) -> f64 {
        source
            .hadrons()
            .iter()
            .map(|&h| self.spectrum(h).per_unit)
            .sum()
    }
}

/// Every hadron's number per proton on target from the embedded table, in
/// the order of [`HeavyHadron::ALL`].
pub fn multiplicities_per_pot() -> Result<Vec<(HeavyHadron, f64)>, HeavyFlavourError> {
    let t = HeavyFlavourTable::embedded()?;
    Ok(HeavyHadron::ALL
        .into_iter()
        .map(|h| (h, t.per_pot(h)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal_table() -> String {
        let mut t = format!("# c\n{WINDOW_KEY} 0.12\n{COLUMNS}\n");
        for h in HeavyHadron::ALL {
            t.push_str(&format!("{},0,1,-inf,-5,0.5,1\n", h.name()));
        }
        t
    }

    #[test]
    fn embedded_table_parses() {
        let t = HeavyFlavourTable::embedded().unwrap();
        assert_eq!(t.spectra().len(), 17);
        for (s, h) in t.spectra().iter().zip(HeavyHadron::ALL) {
            assert_eq!(s.hadron, h);
            assert!(s.per_unit > 0.0 && s.n_bins() > 10, "{h:?}");
        }
        assert!(t.jpsi_window_fraction() > 0.05 && t.jpsi_window_fraction() < 0.25);
    }

    #[test]
    fn hadron_data() {
        use HeavyHadron::*;
        assert_eq!(D0Bar.pdg_id(), -421);
        assert_eq!(DsPlus.pdg_id(), 431);
        assert_eq!(LambdaCBar.pdg_id(), -4122);
        assert_eq!(BsBar.pdg_id(), -531);
        assert_eq!(LambdaB.pdg_id(), 5122);
        assert_eq!(JPsi.pdg_id(), 443);
        assert!((LambdaC.mass() - 2.286_46).abs() < 1e-9);
        assert!((B0Bar.mass() - 5.279_65).abs() < 1e-9);
        for h in HeavyHadron::ALL {
            assert_eq!(h.conjugate().conjugate(), h);
            assert_eq!(
                h.conjugate().pdg_id(),
                if h == JPsi { 443 } else { -h.pdg_id() }
            );
            assert_eq!(HeavyHadron::from_name(h.name()), Some(h));
            assert!(h.source().hadrons().contains(&h));
        }
        assert_eq!(HeavyHadron::from_name("pi0"), None);
        let n: usize = Source::ALL.iter().map(|s| s.hadrons().len()).sum();
        assert_eq!(n, HeavyHadron::ALL.len());
        assert!(Source::PromptJpsi.cascade_enhancement().is_none());
    }

    #[test]
    fn copper_weight_matches_the_material_table() {
        assert_eq!(A_CU, crate::experiment::material::copper().a);
        // σ_pCu ≈ 766 mb, i.e. 12.06 mb per nucleon.
        let s = sigma_inel_per_nucleon_cu_mb();
        assert!((s - 12.058).abs() < 0.01, "{s}");
    }

    #[test]
    fn normalisation_of_a_minimal_table() {
        let t = HeavyFlavourTable::parse(&minimal_table()).unwrap();
        assert_eq!(t.jpsi_window_fraction(), 0.12);
        assert_eq!(t.per_unit_sum(Source::Charm), 4.0);
        let s_inel = sigma_inel_per_nucleon_cu_mb();
        assert!((t.chi(Source::Charm) - 18.1e-3 / s_inel).abs() < 1e-15);
        assert!((t.chi(Source::Beauty) - 1.712e-6 / s_inel).abs() < 1e-18);
        let sigma_jpsi = 0.99e-6 / (0.059_61 * 0.12);
        assert!((t.chi(Source::PromptJpsi) / (sigma_jpsi / s_inel) - 1.0).abs() < 1e-12);
        assert_eq!(t.per_pot(HeavyHadron::DsMinus), 0.5 * t.chi(Source::Charm));
    }

    #[test]
    fn malformed_tables_are_rejected() {
        let good = minimal_table();
        let head = format!("{WINDOW_KEY} 0.12\n{COLUMNS}\n");
        assert_eq!(
            HeavyFlavourTable::parse("D0,1,2,3,4,5,6\n"),
            Err(HeavyFlavourError::MissingHeader)
        );
        assert!(matches!(
            HeavyFlavourTable::parse(&format!("{head}D0,1,2\n")),
            Err(HeavyFlavourError::FieldCount { line: 3, got: 3 })
        ));
        assert!(matches!(
            HeavyFlavourTable::parse(&format!("{head}pi0,0,1,-1,0,1,1\n")),
            Err(HeavyFlavourError::UnknownHadron { line: 3, .. })
        ));
        assert!(matches!(
            HeavyFlavourTable::parse(&format!("{head}D0,0,1,-1,0,-1,1\n")),
            Err(HeavyFlavourError::InvalidValue {
                what: "n_per_unit",
                ..
            })
        ));
        // Only D0 present.
        assert_eq!(
            HeavyFlavourTable::parse(&format!("{head}D0,0,1,-inf,-5,1,1\n")),
            Err(HeavyFlavourError::MissingHadron("D0bar"))
        );
        // A hadron whose bins are all empty.
        assert_eq!(
            HeavyFlavourTable::parse(&good.replace("B+,0,1,-inf,-5,0.5,1", "B+,0,1,-inf,-5,0,1")),
            Err(HeavyFlavourError::MissingHadron("B+"))
        );
        for bad in ["", " x", " 0", " 1.5", " nan"] {
            let text = good.replace(&format!("{WINDOW_KEY} 0.12"), &format!("{WINDOW_KEY}{bad}"));
            assert_eq!(
                HeavyFlavourTable::parse(&text),
                Err(HeavyFlavourError::MissingWindowFraction),
                "{bad:?}"
            );
        }
        let no_line = good.replace(&format!("{WINDOW_KEY} 0.12\n"), "");
        assert_eq!(
            HeavyFlavourTable::parse(&no_line),
            Err(HeavyFlavourError::MissingWindowFraction)
        );
    }
}
