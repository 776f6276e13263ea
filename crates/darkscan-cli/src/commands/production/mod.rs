//! `darkscan production`: production branching ratios of a FIP in parent
//! decays.

pub mod scalar;

use anyhow::Result;
use clap::Subcommand;

/// The `production` subcommands.
#[derive(Subcommand)]
pub enum ProductionCommand {
    /// Dark scalar S from K+ -> pi+ S, K_L -> pi0 S, B -> K(*) S (top loop).
    Scalar(scalar::Opts),
}

impl ProductionCommand {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        match self {
            Self::Scalar(o) => o.run(),
        }
    }
}
