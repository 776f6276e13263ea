//! `darkscan production hnl`.

use anyhow::{Result, anyhow};
use clap::Args;
use darkscan::model::hnl::HnlModel;
use darkscan::production::hnl::{channels, parent_from_name, parent_name, parents};

/// HNL production branching ratios in the decays of one parent.
#[derive(Args)]
pub struct Opts {
    /// Parent: K+, pi+, D+, D0, D_s+, B+, B0, B_s0, B_c+, tau- (or a charge conjugate, e.g. K-).
    #[arg(long)]
    parent: String,
    /// HNL mass in GeV.
    #[arg(long, allow_negative_numbers = true, allow_hyphen_values = true)]
    mass: f64,
    #[command(flatten)]
    couplings: crate::input::HnlCouplings,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl Opts {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        let parent = parent_from_name(&self.parent).ok_or_else(|| {
            let known: Vec<String> = parents().iter().map(|&p| parent_name(p)).collect();
            anyhow!(
                "invalid --parent value '{}': expected one of {} (or a charge conjugate)",
                self.parent,
                known.join(", ")
            )
        })?;
        let model = HnlModel::new(
            self.couplings.ue2,
            self.couplings.umu2,
            self.couplings.utau2,
            self.couplings.dirac,
        )?;
        let chans = channels(parent, self.mass, &model)?;
        let total: f64 = chans.iter().map(|c| c.branching_ratio).sum();
        if self.json {
            let map: serde_json::Map<String, serde_json::Value> = chans
                .iter()
                .map(|c| (c.name.clone(), crate::input::json_number(c.branching_ratio)))
                .collect();
            let v = serde_json::json!({
                "model": "hnl",
                "parent": parent_name(parent),
                "mass": self.mass,
                "ue2": self.couplings.ue2,
                "umu2": self.couplings.umu2,
                "utau2": self.couplings.utau2,
                "branching_ratio": total,
                "channels": map,
            });
            println!("{v}");
        } else {
            println!("parent         {}", parent_name(parent));
            println!("mass           {} GeV", self.mass);
            println!("BR(total)      {total:.6e}");
            for c in &chans {
                println!("{:<32}{:.6e}", format!("BR({})", c.name), c.branching_ratio);
            }
        }
        Ok(())
    }
}
