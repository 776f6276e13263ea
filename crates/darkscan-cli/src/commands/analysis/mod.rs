//! `darkscan analysis …`: event-level analysis of event files.

mod combinatorial;
mod count;
mod pairs;
mod peak_scan;

use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use darkscan::analysis::pairs::{BeamLine, beam_line};
use darkscan::kinematics::Vec3;

/// The `analysis` subcommands.
#[derive(Subcommand)]
pub enum AnalysisCommand {
    /// Two-track vertices, masses and pointing to the dump (CDA_TAX, Z_TAX).
    Pairs(pairs::Opts),
    /// Observed counts and p-values per region of a selection (blind regions hidden).
    Count(count::Opts),
    /// Combinatorial background from pairs of single tracks.
    Combinatorial(combinatorial::Opts),
    /// m2_miss peak scan for K+ -> l+ N.
    PeakScan(peak_scan::Opts),
}

impl AnalysisCommand {
    /// Runs the chosen subcommand.
    pub fn run(&self) -> Result<()> {
        match self {
            Self::Pairs(o) => o.run(),
            Self::Count(o) => o.run(),
            Self::Combinatorial(o) => o.run(),
            Self::PeakScan(o) => o.run(),
        }
    }
}

/// The beam line of the pointing variables.
#[derive(Args)]
pub struct BeamArgs {
    /// A point on the beam line, X,Y,Z in metres (default the origin).
    #[arg(long, allow_negative_numbers = true)]
    beam_point: Option<String>,
    /// The beam direction DX,DY,DZ (default 0,0,1).
    #[arg(long, allow_negative_numbers = true)]
    beam_direction: Option<String>,
}

fn vec3(option: &str, text: &str) -> Result<Vec3> {
    let v: Vec<f64> = text
        .split(',')
        .map(|t| t.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| {
            anyhow::anyhow!("invalid {option} value '{text}': expected three numbers X,Y,Z")
        })?;
    match v.as_slice() {
        [x, y, z] if v.iter().all(|a| a.is_finite()) => Ok(Vec3::new(*x, *y, *z)),
        _ => bail!("invalid {option} value '{text}': expected three finite numbers X,Y,Z"),
    }
}

impl BeamArgs {
    /// The beam line.
    pub fn beam(&self) -> Result<BeamLine> {
        let p = match &self.beam_point {
            Some(t) => vec3("--beam-point", t)?,
            None => Vec3::new(0.0, 0.0, 0.0),
        };
        let d = match &self.beam_direction {
            Some(t) => vec3("--beam-direction", t)?,
            None => Vec3::new(0.0, 0.0, 1.0),
        };
        Ok(beam_line(p, d)?)
    }
}
