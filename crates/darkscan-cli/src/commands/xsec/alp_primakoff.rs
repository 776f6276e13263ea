//! `darkscan xsec alp-primakoff`.

use anyhow::Result;
use clap::Args;
use darkscan::production::xsec_request::PrimakoffXsecRequest;

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
        let req = PrimakoffXsecRequest::new(&self.target, self.energy, self.mass, self.g_agg)
            .map_err(super::cli_error)?;
        let mat = &req.material;
        let sigma = req.sigma_cm2();
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
