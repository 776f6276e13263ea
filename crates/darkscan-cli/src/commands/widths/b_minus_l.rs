//! `darkscan widths b-minus-l`.

use anyhow::{Result, bail};
use clap::Args;
use darkscan::model::Fip;
use darkscan::model::b_minus_l::{BMinusLModel, invisible_branching_ratio};

/// U(1)_{B−L} Z′ decay widths.
#[derive(Args)]
pub struct BMinusLOpts {
    /// Z′ mass in GeV (up to 0.6: hadronic decays are not modelled).
    #[arg(long, allow_negative_numbers = true)]
    mass: f64,
    /// g_{B−L} (widths scale as g²).
    #[arg(long, default_value_t = 1.0, allow_negative_numbers = true)]
    coupling: f64,
    /// Left-handed neutrinos only (no light right-handed ones).
    #[arg(long)]
    left_handed_only: bool,
    /// Broken model: three heavy Majorana N with m_N = R × m_Z′ (implies
    /// --left-handed-only).
    #[arg(long, allow_negative_numbers = true)]
    heavy_neutrino_mass_ratio: Option<f64>,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl BMinusLOpts {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        if !(self.coupling.is_finite() && self.coupling > 0.0) {
            bail!(
                "invalid --coupling value '{}': expected a positive g_B-L",
                self.coupling
            );
        }
        let model = BMinusLModel {
            light_right_handed: !self.left_handed_only && self.heavy_neutrino_mass_ratio.is_none(),
            heavy_neutrino_mass_ratio: self.heavy_neutrino_mass_ratio,
        };
        model.validate().map_err(|e| {
            anyhow::anyhow!(
                "invalid --heavy-neutrino-mass-ratio value '{:?}': {e}",
                self.heavy_neutrino_mass_ratio
            )
        })?;
        let table = model
            .decays(self.mass)
            .map_err(|e| anyhow::anyhow!("invalid --mass value '{}': {e}", self.mass))?;
        let g = self.coupling;
        let total = table.total_width(g);
        let ctau = table.ctau_m(g);
        let brs = table.branching_ratios(g);
        let inv = invisible_branching_ratio(&model, self.mass)?;
        if self.json {
            let map: serde_json::Map<String, serde_json::Value> = brs
                .iter()
                .map(|(n, b)| (n.clone(), crate::input::json_number(*b)))
                .collect();
            let v = serde_json::json!({
                "model": "b-minus-l",
                "mass": self.mass,
                "coupling": g,
                "light_right_handed": model.light_right_handed,
                "heavy_neutrino_mass_ratio": model.heavy_neutrino_mass_ratio,
                "total_width": total,
                "ctau_m": crate::input::json_number(ctau),
                "branching_ratios": map,
                "invisible": inv,
            });
            println!("{v}");
        } else {
            println!("mass           {} GeV", self.mass);
            println!("g_B-L          {g}");
            println!("total width    {total:.6e} GeV");
            println!("c tau          {ctau:.6e} m");
            for (n, b) in &brs {
                println!("{:<15}{b:.6}", format!("BR({n})"));
            }
            println!("BR(invisible)  {inv:.6}");
        }
        Ok(())
    }
}
