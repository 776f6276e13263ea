//! `darkscan production alp`.

use anyhow::{Result, bail};
use clap::Args;
use darkscan::model::alp::AlpModel;
use darkscan::production::alp_mesons::channels;

/// ALP production branching ratios in meson decays.
#[derive(Args)]
pub struct Opts {
    /// Parent meson: K+, K_L, B+ or B0.
    #[arg(long)]
    parent: String,
    /// ALP mass in GeV.
    #[arg(long, allow_negative_numbers = true)]
    mass: f64,
    /// BC10 universal fermion coupling g_Y (g_af = g_Y m_f/v); branching ratios scale as g_Y^2.
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    g_y: f64,
    /// BC11 gluon coupling 1/f_G in GeV^-1, L = (alpha_s/8pi)(a/f_G) G Gtilde (K -> pi a from the chiral term and, through its induced top loop, K_L and B channels).
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    inv_f_g: f64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl Opts {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        let pdg = super::spin0_parent_and_mass(&self.parent, self.mass)?;
        for (flag, v) in [("--g-y", self.g_y), ("--inv-f-g", self.inv_f_g)] {
            if !v.is_finite() {
                bail!("invalid {flag} value '{v}': expected a finite coupling");
            }
        }
        if self.g_y == 0.0 && self.inv_f_g == 0.0 {
            bail!("no coupling given: set --g-y (BC10) and/or --inv-f-g (BC11)");
        }
        let model = AlpModel {
            g_y: self.g_y,
            inv_f_g: self.inv_f_g,
            ..AlpModel::default()
        };
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
                    "model": "alp",
                    "parent": self.parent,
                    "parent_pdg": pdg,
                    "mass": self.mass,
                    "g_y": self.g_y,
                    "inv_f_g": self.inv_f_g,
                    "branching_ratio": total,
                    "channels": map,
                })
            );
        } else {
            println!("parent         {} (PDG {pdg})", self.parent);
            println!("mass           {} GeV", self.mass);
            println!("g_Y            {}", self.g_y);
            println!("1/f_G          {} 1/GeV", self.inv_f_g);
            for c in &list {
                println!("{:<25}{:.6e}", format!("BR({})", c.name), c.branching_ratio);
            }
            println!("{:<25}{total:.6e}", "BR(total)");
        }
        Ok(())
    }
}
