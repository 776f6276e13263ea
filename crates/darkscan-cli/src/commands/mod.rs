//! The subcommands, one module each.

pub mod stats;

use anyhow::Result;
use clap::Subcommand;

/// All top-level subcommands.
#[derive(Subcommand)]
pub enum Command {
    /// Counting statistics: p-values, upper limits, background sums.
    #[command(subcommand)]
    Stats(stats::StatsCommand),
}

impl Command {
    /// Runs the chosen subcommand.
    pub fn run(&self) -> Result<()> {
        match self {
            Self::Stats(c) => c.run(),
        }
    }
}
