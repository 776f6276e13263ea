//! `darkscan analysis count`.

use anyhow::Result;
use clap::Args;
use darkscan::analysis::count::count;
use darkscan::analysis::pairs::pairs_from_file;
use darkscan::analysis::selection::Selection;
use std::path::PathBuf;

/// Counts the pairs of an event file in the regions of a selection and gives
/// each region with an expected background its p-values (groups of regions:
/// joint p-values with fully correlated errors). Blind regions report no count
/// unless --unblind is given.
#[derive(Args)]
pub struct Opts {
    /// Event file (CSV, one row per track, two tracks per event).
    events: PathBuf,
    /// Selection TOML (cuts, [regions.NAME] with expr/expected/expected_error/blind, [groups]).
    #[arg(long)]
    selection: PathBuf,
    /// Show the counts of blind regions.
    #[arg(long)]
    unblind: bool,
    #[command(flatten)]
    beam: super::BeamArgs,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl Opts {
    pub fn run(&self) -> Result<()> {
        let sel = Selection::from_file(&self.selection)?;
        let pairs = pairs_from_file(&self.events, &self.beam.beam()?)?;
        let r = count(&pairs, &sel, self.unblind)?;
        if self.json {
            println!("{}", serde_json::to_value(&r)?);
            return Ok(());
        }
        println!(
            "{:<16} {:>9} {:>20} {:>10} {:>12}",
            "region", "observed", "expected", "p_excess", "p_likelihood"
        );
        let opt = |v: Option<f64>| v.map_or("-".to_string(), |x| format!("{x:.4}"));
        for (name, c) in &r.regions {
            let obs = c.observed.map_or("blind".to_string(), |n| n.to_string());
            let exp = c
                .expected
                .map_or("-".to_string(), |b| format!("{b} ± {}", c.expected_error));
            println!(
                "{name:<16} {obs:>9} {exp:>20} {:>10} {:>12}",
                opt(c.p_excess),
                opt(c.p_likelihood)
            );
        }
        Ok(())
    }
}
