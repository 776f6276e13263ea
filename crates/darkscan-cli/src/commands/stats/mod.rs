//! `darkscan stats …`: counting-experiment statistics.

mod limit;
mod pvalue;
mod sum;

use anyhow::Result;
use clap::Subcommand;

/// The `stats` subcommands.
#[derive(Subcommand)]
pub enum StatsCommand {
    /// Background-only p-values and significances of an observed count.
    Pvalue(pvalue::Opts),
    /// Upper limit on the signal mean.
    Limit(limit::Opts),
    /// Add background estimates (VALUE, VALUE+-ERROR or '<LIMIT').
    Sum(sum::Opts),
}

impl StatsCommand {
    /// Runs the chosen `stats` subcommand.
    pub fn run(&self) -> Result<()> {
        match self {
            Self::Pvalue(o) => o.run(),
            Self::Limit(o) => o.run(),
            Self::Sum(o) => o.run(),
        }
    }
}
