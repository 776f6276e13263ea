//! `darkscan relic`: the thermal-relic coupling y = ε² α_D (m_χ/m_A′)⁴ that
//! gives Ω h² = 0.12 (library: `darkscan::model::relic`).

use anyhow::{Result, anyhow};
use clap::Args;
use darkscan::model::relic::{DmKind, RelicModel};

/// Thermal relic target of light dark matter annihilating through an A′.
#[derive(Args)]
pub struct Opts {
    /// Dark-matter type: scalar, majorana, pseudo-dirac or dirac.
    #[arg(long)]
    dm: String,
    /// Dark-matter mass m_χ in GeV (1e-4 to 10).
    #[arg(long, allow_negative_numbers = true)]
    mass_chi: f64,
    /// m_A′/m_χ (> 2).
    #[arg(long, default_value_t = 3.0, allow_negative_numbers = true)]
    mass_ratio: f64,
    /// Dark coupling α_D.
    #[arg(long, default_value_t = 0.5, allow_negative_numbers = true)]
    alpha_d: f64,
    /// Pseudo-Dirac fractional mass splitting (m₂ − m₁)/m₁, in [0, 1).
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    splitting: f64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl Opts {
    /// Runs the command.
    pub fn run(&self) -> Result<()> {
        let kind: DmKind = self
            .dm
            .parse()
            .map_err(|e: String| anyhow!("invalid --dm: {e}"))?;
        let model = RelicModel {
            kind,
            mass_chi: self.mass_chi,
            mass_ratio: self.mass_ratio,
            alpha_d: self.alpha_d,
            splitting: self.splitting,
        };
        let r = model.thermal_target()?;
        if self.json {
            let v = serde_json::json!({
                "dm": kind.name(),
                "mass_chi": self.mass_chi,
                "y": r.y,
                "epsilon": r.epsilon,
                "omega_h2": r.omega_h2,
            });
            println!("{v}");
        } else {
            println!(
                "{} m_chi = {} GeV (m_A'/m_chi = {}, alpha_D = {}): y = {:.4e}, epsilon = {:.4e}, Omega h^2 = {:.4}",
                kind.name(),
                self.mass_chi,
                self.mass_ratio,
                self.alpha_d,
                r.y,
                r.epsilon,
                r.omega_h2
            );
        }
        Ok(())
    }
}
