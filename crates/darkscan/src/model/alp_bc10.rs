//! Hadronic widths of the BC10 ALP (universal Yukawa-like fermion coupling
//! g_Y, g_af = g_Y m_f/v) from **Dalla Valle Garcia, Kahlhoefer,
//! Ovchynnikov, Zaporozhchenko, arXiv:2310.03524** ("DKOZ": ALP–meson
//! mixing with vector-meson dominance, chiral perturbation theory for
//! a → 3π, perturbative QCD above ≈ 2.5 GeV), shipped as the table
//! `data/alp_fermion_widths_dkoz.csv` (the curves digitised by the ALPINIST
//! authors; provenance and licence in its header) for m_a ≤ 3 GeV.
//!
//! Normalisation: Γ [GeV] = (g/2)² W with g = g_Y/v (GeV⁻¹), W the table's
//! `width_raw` — the reading of ALPINIST's loader (`Load_digitized_fermions`:
//! g_qq² W/4, with g_qq the coupling of its a → μμ width g² m_μ² m_a β/8π,
//! i.e. g_Y/v here). This is checked against ALPaca's independent BC10
//! widths in `tests/alp_bc10_hadronic.rs`, not assumed: a → π⁺π⁻γ at
//! 0.9–1.4 GeV (vector-meson dominance in both) agrees within 9–16 %; the
//! other channels differ by model factors (a → 3π 1.5–5×, a → ππη up to
//! ≈ 90× at 1.2 GeV), a theory spread of the BC10 lifetime above ≈ 0.9 GeV.
//!
//! The widths scale ∝ g_Y². The table's a → γγ curve is not used for the
//! decays (darkscan's own a → γγ keeps its fermion loops; the light-quark
//! mixing contribution to a → γγ is missing there, see `model::alp`).

use super::channel_tables::{self, ChannelTables};
use std::sync::OnceLock;

use super::scalar::higgs_vev;
use crate::model::{Daughter, DecayChannel};

/// Highest ALP mass (GeV) of the DKOZ tables: a g_Y-coupled ALP above it is
/// out of range (its hadronic width is not known here).
pub const MAX_BC10_HADRONIC_MASS: f64 = 3.0;

/// The shipped table, data/alp_fermion_widths_dkoz.csv.
const DKOZ_CSV: &str = include_str!("../../data/alp_fermion_widths_dkoz.csv");

/// The exclusive channels (table name = darkscan channel) with the PDG
/// numbers of their final state where it is one definite set of particles
/// the pipeline can follow (empty: K⁰ pairs, K* pairs).
pub const DKOZ_CHANNELS: [(&str, &[i32]); 18] = [
    ("3pi0", &[111, 111, 111]),
    ("pi+pi-pi0", &[211, -211, 111]),
    ("pi+pi-gamma", &[211, -211, 22]),
    ("pi+pi-eta", &[211, -211, 221]),
    ("pi0pi0eta", &[111, 111, 221]),
    ("pi+pi-eta'", &[211, -211, 331]),
    ("pi0pi0eta'", &[111, 111, 331]),
    ("3eta", &[221, 221, 221]),
    ("pi+pi-omega", &[211, -211, 223]),
    ("2pi+2pi-", &[211, -211, 211, -211]),
    ("pi+pi-2pi0", &[211, -211, 111, 111]),
    ("K+K-pi0", &[321, -321, 111]),
    ("K0K0bar pi0", &[]),
    ("K K0 pi", &[]),
    ("omega omega", &[223, 223]),
    ("phi phi", &[333, 333]),
    ("K*+K*-", &[]),
    ("K*0K*0bar", &[]),
];

/// Channel → sorted (m_a in GeV, W).
fn tables() -> &'static ChannelTables {
    static T: OnceLock<ChannelTables> = OnceLock::new();
    T.get_or_init(|| channel_tables::parse(DKOZ_CSV))
}

/// Γ (GeV) of the DKOZ table channel `name` at `mass` (GeV) for the BC10
/// coupling `g_y`: linear interpolation in the table, 0 outside it (below
/// each threshold the table's last row is a zero, so the width starts
/// continuously). `name` is a [`DKOZ_CHANNELS`] name, "hadrons (total)" or
/// "gamma gamma".
#[must_use]
pub fn dkoz_width(name: &str, mass: f64, g_y: f64) -> f64 {
    let Some(w) = channel_tables::interpolate(tables(), name, mass) else {
        return 0.0;
    };
    // Γ = (g/2)² W, g = g_Y/v (ALPINIST's normalisation of these curves).
    let half_g = 0.5 * g_y / higgs_vev();
    w.max(0.0) * half_g * half_g
}

/// The BC10 hadronic decay channels at `mass` for coupling `g_y`: the
/// exclusive DKOZ channels, and "hadrons (other)" = DKOZ total − Σ exclusive
/// where that is positive beyond 0.1 % of the exclusive sum (above ≈ 1.2 GeV:
/// channels not shown separately and the perturbative continuum). The
/// caller guarantees `mass` ≤ [`MAX_BC10_HADRONIC_MASS`].
#[must_use]
pub fn bc10_hadronic_channels(mass: f64, g_y: f64) -> Vec<DecayChannel> {
    let mut out = Vec::new();
    if g_y == 0.0 {
        return out;
    }
    let mut exclusive = 0.0;
    for (name, ids) in DKOZ_CHANNELS {
        let w = dkoz_width(name, mass, g_y);
        exclusive += w;
        let daughters = ids
            .iter()
            .map(|&id| Daughter::from_pdg(id).expect("particle in units"))
            .collect();
        out.push(DecayChannel::portal(name, w, daughters));
    }
    let other = dkoz_width("hadrons (total)", mass, g_y) - exclusive;
    if other > 1e-3 * exclusive {
        out.push(DecayChannel::portal("hadrons (other)", other, Vec::new()));
    }
    out
}
