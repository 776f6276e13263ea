//! `darkscan stats …`: counting-experiment statistics.

mod limit;
mod pvalue;
mod sum;

use crate::input::{counts, non_negatives};
use anyhow::{Result, bail};
use clap::{Args, Subcommand};

/// The counting-experiment inputs shared by `pvalue` and `limit`.
#[derive(Args)]
pub struct CountingArgs {
    /// Observed count (comma-separated counts, one per region, for `pvalue`).
    #[arg(long, allow_negative_numbers = true)]
    observed: String,
    /// Expected background mean(s), comma-separated like --observed.
    #[arg(long, allow_negative_numbers = true)]
    background: String,
    /// Gaussian uncertainty on each background (default 0).
    #[arg(long, allow_negative_numbers = true)]
    background_error: Option<String>,
}

/// Validated counting inputs: one (n, b, δ) per region.
pub struct Counting {
    /// Observed counts.
    pub observed: Vec<u64>,
    /// Backgrounds.
    pub background: Vec<f64>,
    /// Background errors.
    pub background_error: Vec<f64>,
}

impl CountingArgs {
    /// Parses the three lists and checks they have one entry per region.
    pub fn parse(&self) -> Result<Counting> {
        let n = counts("--observed", &self.observed)?;
        let b = non_negatives("--background", &self.background)?;
        let d = match &self.background_error {
            Some(t) => non_negatives("--background-error", t)?,
            None => vec![0.0; b.len()],
        };
        if n.len() != b.len() {
            bail!(
                "--observed has {} values but --background has {}: give one per region",
                n.len(),
                b.len()
            );
        }
        if d.len() != b.len() {
            bail!(
                "--background-error has {} values but --background has {}: give one per region",
                d.len(),
                b.len()
            );
        }
        Ok(Counting {
            observed: n,
            background: b,
            background_error: d,
        })
    }
}

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
