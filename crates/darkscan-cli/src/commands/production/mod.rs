//! `darkscan production …`: production branching ratios of a FIP in parent
//! decays, one module per model.

mod alp;
mod hnl;
pub mod scalar;

use anyhow::Result;
use clap::Subcommand;

/// Production branching ratios of a FIP in parent decays.
#[derive(Subcommand)]
pub enum ProductionCommand {
    /// Heavy neutral lepton: BR(parent -> N + X) per channel (K+, pi+, D+, D0, D_s+, B+, B0, B_s0, B_c+, tau-).
    Hnl(hnl::Opts),
    /// Dark scalar S from K+ -> pi+ S, K_L -> pi0 S, B -> K(*) S (top loop).
    Scalar(scalar::Opts),
    /// Axion-like particle a from K+ -> pi+ a (g_Y, 1/f_G) and B -> K(*) a (g_Y, top loop).
    Alp(alp::Opts),
}

impl ProductionCommand {
    /// Runs the chosen `production` subcommand.
    pub fn run(&self) -> Result<()> {
        match self {
            Self::Hnl(o) => o.run(),
            Self::Scalar(o) => o.run(),
            Self::Alp(o) => o.run(),
        }
    }
}

/// The parent (K+, K_L, B+, B0) and mass of a spin-0 production request
/// (scalar and ALP share the parents), or the one-line error naming the
/// flag.
pub(crate) fn spin0_parent_and_mass(parent: &str, mass: f64) -> Result<i32> {
    let Some(pdg) = darkscan::production::scalar::parent_pdg(parent) else {
        anyhow::bail!("invalid --parent value '{parent}': expected one of K+, K_L, B+, B0");
    };
    if !(mass.is_finite() && mass > 0.0) {
        anyhow::bail!("invalid --mass value '{mass}': expected a positive mass in GeV");
    }
    Ok(pdg)
}
