//! The subcommands, one module each.

pub mod analysis;
pub mod completions;
pub mod g2;
pub mod generate;
pub mod man;
pub mod preset;
pub mod production;
pub mod reach;
pub mod reach_overlays;
pub mod relic;
pub mod stats;
pub mod widths;
pub mod xsec;

use anyhow::Result;
use clap::Subcommand;

/// All top-level subcommands.
#[derive(Subcommand)]
pub enum Command {
    /// Counting statistics: p-values, upper limits, background sums.
    #[command(subcommand)]
    Stats(stats::StatsCommand),
    /// Exclusion reach of a preset: grid -> limit -> contour -> tables -> plot.
    Reach(reach::Opts),
    /// List or print the shipped experiment presets.
    #[command(subcommand)]
    Preset(preset::PresetCommand),
    /// Decay widths, branching ratios and lifetime of a FIP.
    #[command(subcommand)]
    Widths(widths::WidthsCommand),
    /// Production cross sections.
    #[command(subcommand)]
    Xsec(xsec::XsecCommand),
    /// Production branching ratios of a FIP in parent decays.
    #[command(subcommand)]
    Production(production::ProductionCommand),
    /// Thermal relic target: the y giving Omega h^2 = 0.12 (freeze-out solver).
    Relic(relic::Opts),
    /// One-loop Delta a_e of an electron-coupled scalar, pseudoscalar, vector or axial boson.
    G2(g2::Opts),
    /// Event-level analysis: pairs, counts, combinatorial background, peak scans.
    #[command(subcommand)]
    Analysis(analysis::AnalysisCommand),
    /// Toy events in the event-file schema (and HepMC3).
    #[command(subcommand)]
    Generate(generate::GenerateCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::Opts),
    /// Print the manual page (roff), for `man -l -` or a man directory.
    Man(man::Opts),
}

impl Command {
    /// Runs the chosen subcommand.
    pub fn run(&self) -> Result<()> {
        match self {
            Self::Stats(c) => c.run(),
            Self::Reach(o) => o.run(),
            Self::Preset(c) => c.run(),
            Self::Widths(c) => c.run(),
            Self::Xsec(c) => c.run(),
            Self::Production(c) => c.run(),
            Self::Relic(o) => o.run(),
            Self::G2(o) => o.run(),
            Self::Analysis(c) => c.run(),
            Self::Generate(c) => c.run(),
            Self::Completions(o) => o.run(),
            Self::Man(o) => o.run(),
        }
    }
}
