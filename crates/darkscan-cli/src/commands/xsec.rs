//! `darkscan xsec`.

use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use darkscan::experiment::material;
use darkscan::production::electron_brem::{BremMethod, Nucleus, sigma_above};
use darkscan::units::HBARC2_GEV2_CM2;

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
                "invalid --energy value '{}': expected a positive energy in GeV",
                self.energy
            );
        }
        if !(self.mass.is_finite() && self.mass > 0.0 && self.mass < self.energy) {
            bail!(
                "invalid --mass value '{}': expected 0 < mass < beam energy ({} GeV)",
                self.mass,
                self.energy
            );
        }
        if !(self.x_min.is_finite() && (0.0..1.0).contains(&self.x_min)) {
            bail!(
                "invalid --x-min value '{}': expected 0 <= x < 1",
                self.x_min
            );
        }
        let nucleus = Nucleus { z: mat.z, a: mat.a };
        let sigma =
            sigma_above(self.method, self.energy, self.mass, nucleus, self.x_min) * HBARC2_GEV2_CM2;
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
