//! `darkscan xsec`.

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};
use darkscan::production::electron_brem::BremMethod;
use darkscan::production::xsec_request::{BremXsecRequest, XsecInputError};

mod alp_primakoff;

/// The `xsec` subcommands.
#[derive(Subcommand)]
pub enum XsecCommand {
    /// A′ bremsstrahlung e Z → e Z A′ per nucleus, at ε = 1 (scale by ε²).
    DarkPhotonBrem(BremOpts),
    /// ALP Primakoff production gamma N -> a N on a nucleus (Tsai form factor), at the given g_agg.
    AlpPrimakoff(alp_primakoff::PrimakoffOpts),
}

/// Dark-photon bremsstrahlung cross section.
#[derive(Args)]
pub struct BremOpts {
    /// Target material (its heaviest nucleus): Pb, W, Fe, Cu, na64-ecal.
    #[arg(long, default_value = "Pb")]
    target: String,
    /// Beam energy in GeV.
    #[arg(long, allow_negative_numbers = true)]
    energy: f64,
    /// A′ mass in GeV.
    #[arg(long, allow_negative_numbers = true)]
    mass: f64,
    /// etl (exact tree level, NA64/DMG4) or iww (improved Weizsäcker–Williams).
    #[arg(long, default_value = "etl")]
    method: BremMethod,
    /// Only A′ with energy fraction x = E_A′/E above this (default: all).
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    x_min: f64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl XsecCommand {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        match self {
            Self::DarkPhotonBrem(o) => o.run(),
            Self::AlpPrimakoff(o) => o.run(),
        }
    }
}

impl BremOpts {
    fn run(&self) -> Result<()> {
        let req = BremXsecRequest::new(
            &self.target,
            self.energy,
            self.mass,
            self.method,
            self.x_min,
        )
        .map_err(cli_error)?;
        let mat = &req.material;
        let sigma = req.sigma_cm2();
        if self.json {
            println!(
                "{}",
                serde_json::json!({ "sigma_cm2": sigma, "method": self.method.name() })
            );
        } else {
            println!("target     {} (Z = {}, A = {})", mat.name, mat.z, mat.a);
            println!("energy     {} GeV", self.energy);
            println!("mass       {} GeV", self.mass);
            println!("method     {}", self.method.name());
            println!(
                "sigma      {sigma:.6e} cm^2 at epsilon = 1 (x > {})",
                self.x_min
            );
        }
        Ok(())
    }
}

/// The library's typed input error as the CLI's one-line message, with the
/// parameter spelled as its flag: "invalid --energy value '-1': expected a
/// positive energy in GeV".
pub(crate) fn cli_error(e: XsecInputError) -> anyhow::Error {
    match e {
        XsecInputError::UnknownTarget { .. } => anyhow!("{e}"),
        _ => anyhow!(
            "invalid --{} value '{}': {}",
            e.parameter().replace('_', "-"),
            e.value(),
            e.expectation()
        ),
    }
}
