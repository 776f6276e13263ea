//! `darkscan analysis peak-scan`.

use anyhow::{Result, bail};
use clap::Args;
use darkscan::analysis::events::{Pid, read_events};
use darkscan::analysis::peak_scan::{
    PeakScanOptions, Resolution, m2_of_events, parse_masses, read_table, scan,
};
use std::path::PathBuf;

/// m2_miss = (P_K - P_l)^2 peak scan: per mass a window of +-k sigma, the
/// background from a linear fit of the sidebands, local p-value, CLs upper
/// limit (and BR and |U|^2 limits with --n-kaons and --acceptance), and the
/// global significance of the largest excess by toys.
#[derive(Args)]
pub struct Opts {
    /// Event file: one lepton track per event with the kaon_p*_gev columns.
    events: PathBuf,
    /// The charged lepton: e or mu.
    #[arg(long)]
    lepton: String,
    /// Mass hypotheses LO:HI:N in GeV.
    #[arg(long)]
    masses: String,
    /// Gaussian sigma of m2_miss in GeV^2: one number, or a CSV file of mass,sigma.
    #[arg(long)]
    resolution: String,
    /// Number of kaon decays in the sample (for BR and |U|^2 limits).
    #[arg(long, allow_negative_numbers = true)]
    n_kaons: Option<f64>,
    /// CSV of mass,acceptance (for BR and |U|^2 limits).
    #[arg(long)]
    acceptance: Option<PathBuf>,
    /// Half-width of the signal window in units of sigma.
    #[arg(long, default_value_t = 1.5, allow_negative_numbers = true)]
    window_sigmas: f64,
    /// Toys for the global significance (0: skip).
    #[arg(long, default_value_t = 1000)]
    toys: u64,
    /// Seed of the toys.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl Opts {
    pub fn run(&self) -> Result<()> {
        let lepton = match self.lepton.as_str() {
            "e" => Pid::Electron,
            "mu" => Pid::Muon,
            other => bail!("invalid --lepton value '{other}': expected e or mu"),
        };
        let masses = parse_masses(&self.masses)?;
        let resolution = match self.resolution.trim().parse::<f64>() {
            Ok(s) => Resolution::Constant(s),
            Err(_) => {
                let text = std::fs::read_to_string(&self.resolution).map_err(|e| {
                    anyhow::anyhow!(
                        "invalid --resolution '{}': neither a number nor a readable CSV file ({e})",
                        self.resolution
                    )
                })?;
                Resolution::Table(read_table(&text, &self.resolution)?)
            }
        };
        let acceptance = match &self.acceptance {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|e| {
                    anyhow::anyhow!("cannot read --acceptance {}: {e}", p.display())
                })?;
                Some(read_table(&text, &p.display().to_string())?)
            }
            None => None,
        };
        let events = read_events(&self.events, 1)?;
        let m2 = m2_of_events(&self.events.display().to_string(), &events, lepton)?;
        let mut opts = PeakScanOptions::new(lepton, masses, resolution);
        opts.window_sigmas = self.window_sigmas;
        opts.n_kaons = self.n_kaons;
        opts.acceptance = acceptance;
        opts.toys = self.toys;
        opts.seed = self.seed;
        let r = scan(&m2, &opts)?;
        if self.json {
            println!("{}", serde_json::to_value(&r)?);
            return Ok(());
        }
        println!(
            "{:>10} {:>9} {:>10} {:>10} {:>8} {:>9} {:>11} {:>11}",
            "mass", "observed", "expected", "p_local", "z_local", "n_ul", "br_ul", "u2_ul"
        );
        let opt = |v: Option<f64>| v.map_or("-".to_string(), |x| format!("{x:.3e}"));
        for p in &r.masses {
            println!(
                "{:>10.5} {:>9} {:>10.3} {:>10.3e} {:>8.3} {:>9.3} {:>11} {:>11}",
                p.mass,
                p.observed,
                p.expected,
                p.p_local,
                p.z_local,
                p.n_ul,
                opt(p.br_ul),
                opt(p.u2_ul)
            );
        }
        println!("max z_local {:.3} at {} GeV", r.max_z_local, r.max_z_mass);
        if let (Some(p), Some(z)) = (r.p_global, r.z_global) {
            println!(
                "p_global {p:.4}  z_global {z:.3}  ({} toys, seed {})",
                self.toys, self.seed
            );
        }
        Ok(())
    }
}
