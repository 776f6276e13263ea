//! `darkscan production scalar`.

use anyhow::{Result, bail};
use clap::Args;
use darkscan::model::scalar::ScalarModel;
use darkscan::production::scalar::channels;

/// Dark-scalar production branching ratios.
#[derive(Args)]
pub struct Opts {
    /// Parent meson: K+, K_L, B+ or B0.
    #[arg(long)]
    parent: String,
    /// Scalar mass in GeV.
    #[arg(long, allow_negative_numbers = true)]
    mass: f64,
    /// Mixing angle squared θ² (branching ratios scale as θ²).
    #[arg(long, default_value_t = 1.0, allow_negative_numbers = true)]
    theta2: f64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl Opts {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        let pdg = super::spin0_parent_and_mass(&self.parent, self.mass)?;
        if !(self.theta2.is_finite() && self.theta2 > 0.0) {
            bail!(
                "invalid --theta2 value '{}': expected a positive mixing angle squared",
                self.theta2
            );
        }
        let model = ScalarModel::new(self.theta2)?;
        let list = channels(pdg, self.mass, &model)?;
        let total: f64 = list.iter().map(|c| c.branching_ratio).sum();
        if self.json {
            let map: serde_json::Map<String, serde_json::Value> = list
                .iter()
                .map(|c| (c.name.clone(), crate::input::json_number(c.branching_ratio)))
                .collect();
            println!(
                "{}",
                serde_json::json!({
                    "model": "scalar",
                    "parent": self.parent,
                    "parent_pdg": pdg,
                    "mass": self.mass,
                    "theta2": self.theta2,
                    "branching_ratio": total,
                    "channels": map,
                })
            );
        } else {
            println!("parent         {} (PDG {pdg})", self.parent);
            println!("mass           {} GeV", self.mass);
            println!("theta^2        {}", self.theta2);
            for c in &list {
                println!("{:<25}{:.6e}", format!("BR({})", c.name), c.branching_ratio);
            }
            println!("{:<25}{total:.6e}", "BR(total)");
        }
        Ok(())
    }
}
