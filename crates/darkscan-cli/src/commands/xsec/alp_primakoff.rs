//! `darkscan xsec alp-primakoff`.

use anyhow::{Result, bail};
use clap::Args;
use darkscan::experiment::material;
use darkscan::production::primakoff::sigma_primakoff;
use darkscan::units::HBARC2_GEV2_CM2;

/// Primakoff production γ N → a N on a nucleus.
#[derive(Args)]
pub struct PrimakoffOpts {
    /// Target material (its heaviest nucleus): Pb, W, Fe, Cu, na64-ecal.
    #[arg(long, default_value = "Pb")]
    target: String,
    /// Photon energy in GeV.
    #[arg(long, allow_negative_numbers = true)]
    energy: f64,
    /// ALP mass in GeV.
    #[arg(long, allow_negative_numbers = true)]
    mass: f64,
    /// Photon coupling g_aγγ in 1/GeV (σ ∝ g²).
    #[arg(long, default_value_t = 1.0, allow_negative_numbers = true)]
    g_agg: f64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl PrimakoffOpts {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        let Some(mat) = material::by_name(&self.target) else {
            let known: Vec<_> = material::all().iter().map(|m| m.name).collect();
            bail!(
                "unknown target material '{}'; known: {}",
                self.target,
                known.join(", ")
            );
        };
        if !(self.energy.is_finite() && self.energy > 0.0) {
            bail!(
                "invalid --energy value '{}': expected a positive photon energy in GeV",
                self.energy
            );
        }
        if !(self.mass.is_finite() && self.mass > 0.0 && self.mass < self.energy) {
            bail!(
                "invalid --mass value '{}': expected 0 < mass < photon energy ({} GeV)",
                self.mass,
                self.energy
            );
        }
        if !self.g_agg.is_finite() {
            bail!(
                "invalid --g-agg value '{}': expected a finite coupling in 1/GeV",
                self.g_agg
            );
        }
        let sigma =
            sigma_primakoff(self.energy, self.mass, self.g_agg, mat.z, mat.a) * HBARC2_GEV2_CM2;
        if self.json {
            println!(
                "{}",
                serde_json::json!({
                    "sigma_cm2": sigma,
                    "target": mat.name,
                    "energy": self.energy,
                    "mass": self.mass,
                    "g_agg": self.g_agg,
                })
            );
        } else {
            println!("target     {} (Z = {}, A = {})", mat.name, mat.z, mat.a);
            println!("energy     {} GeV", self.energy);
            println!("mass       {} GeV", self.mass);
            println!("g_agg      {} /GeV", self.g_agg);
            println!("sigma      {sigma:.6e} cm^2 (coherent Primakoff, Tsai form factor)");
        }
        Ok(())
    }
}
