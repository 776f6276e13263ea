//! `darkscan g2`: the one-loop contribution Δa_e of an electron-coupled
//! scalar, pseudoscalar, vector or axial-vector boson (library:
//! `darkscan::model::electron_g2`), next to the measured Δa_e values.

use anyhow::{Result, anyhow, bail};
use clap::Args;
use darkscan::model::electron_g2::{
    BosonType, DELTA_A_E_CS, DELTA_A_E_RB, coupling_for, delta_a_e,
};

/// Δa_e of a boson X coupled only to the electron.
#[derive(Args)]
pub struct Opts {
    /// Coupling type: scalar, pseudoscalar, vector or axial.
    #[arg(long)]
    boson: String,
    /// Boson mass in GeV.
    #[arg(long, allow_negative_numbers = true)]
    mass: f64,
    /// Coupling g_X to the electron (Δa_e ∝ g²).
    #[arg(long, allow_negative_numbers = true)]
    coupling: f64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl Opts {
    /// Runs the command.
    pub fn run(&self) -> Result<()> {
        let boson: BosonType = self
            .boson
            .parse()
            .map_err(|e: String| anyhow!("invalid --boson value '{}': {e}", self.boson))?;
        if !(self.mass.is_finite() && self.mass > 0.0) {
            bail!(
                "invalid --mass value '{}': expected a positive mass in GeV",
                self.mass
            );
        }
        if !(self.coupling.is_finite() && self.coupling >= 0.0) {
            bail!(
                "invalid --coupling value '{}': expected a non-negative coupling",
                self.coupling
            );
        }
        let da = delta_a_e(boson, self.mass, self.coupling)?;
        let g_rb = coupling_for(boson, self.mass, DELTA_A_E_RB.0)?;
        let g_cs = coupling_for(boson, self.mass, DELTA_A_E_CS.0)?;
        if self.json {
            let v = serde_json::json!({
                "boson": boson.name(),
                "mass": self.mass,
                "coupling": self.coupling,
                "delta_a_e": da,
                "delta_a_e_rb": {"value": DELTA_A_E_RB.0, "error": DELTA_A_E_RB.1},
                "delta_a_e_cs": {"value": DELTA_A_E_CS.0, "error": DELTA_A_E_CS.1},
                "coupling_for_rb": g_rb,
                "coupling_for_cs": g_cs,
            });
            println!("{v}");
        } else {
            let show = |g: Option<f64>| {
                g.map_or_else(|| "none (wrong sign)".into(), |g| format!("{g:.4e}"))
            };
            println!("boson            {}", boson.name());
            println!("mass             {} GeV", self.mass);
            println!("coupling         {}", self.coupling);
            println!("Delta a_e        {da:.4e}");
            println!(
                "Rb: Delta a_e = {:+.1e} +- {:.1e}; coupling that gives it: {}",
                DELTA_A_E_RB.0,
                DELTA_A_E_RB.1,
                show(g_rb)
            );
            println!(
                "Cs: Delta a_e = {:+.1e} +- {:.1e}; coupling that gives it: {}",
                DELTA_A_E_CS.0,
                DELTA_A_E_CS.1,
                show(g_cs)
            );
        }
        Ok(())
    }
}
