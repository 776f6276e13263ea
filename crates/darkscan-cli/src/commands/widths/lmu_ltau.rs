//! `darkscan widths lmu-ltau`: the Z′ of gauged U(1)_{Lμ−Lτ}.

use anyhow::{Result, bail};
use clap::Args;
use darkscan::model::Fip;
use darkscan::model::lmu_ltau::{
    DELTA_A_MU_WP2020, DELTA_A_MU_WP2020_ERROR, LmuLtauModel, delta_a_mu, g_for_delta_a_mu,
};

/// Lμ−Lτ Z′ decay widths (and its (g−2)_μ contribution).
#[derive(Args)]
pub struct LmuLtauOpts {
    /// Z′ mass in GeV (up to 10).
    #[arg(long, allow_negative_numbers = true)]
    mass: f64,
    /// Gauge coupling g_Z′ (widths scale as g²).
    #[arg(long, default_value_t = 1.0, allow_negative_numbers = true)]
    coupling: f64,
    /// Δa_μ (experiment − theory) defining the favoured coupling; default
    /// 2.49e-9 (Fermilab+BNL 2023 minus the 2020 White Paper; with the 2025
    /// lattice-based White Paper there is no significant discrepancy).
    #[arg(long, default_value_t = DELTA_A_MU_WP2020, allow_negative_numbers = true)]
    delta_a_mu: f64,
    /// 1σ uncertainty of Δa_μ (default 0.48e-9, same sources).
    #[arg(long, default_value_t = DELTA_A_MU_WP2020_ERROR, allow_negative_numbers = true)]
    delta_a_mu_error: f64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl LmuLtauOpts {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        let finite_pos = |v: f64| v.is_finite() && v > 0.0;
        if !finite_pos(self.mass) {
            bail!(
                "invalid --mass value '{}': expected a positive mass in GeV",
                self.mass
            );
        }
        if !finite_pos(self.coupling) {
            bail!(
                "invalid --coupling value '{}': expected a positive coupling",
                self.coupling
            );
        }
        if !finite_pos(self.delta_a_mu) {
            bail!(
                "invalid --delta-a-mu value '{}': expected a positive number",
                self.delta_a_mu
            );
        }
        if !(self.delta_a_mu_error.is_finite() && self.delta_a_mu_error >= 0.0) {
            bail!(
                "invalid --delta-a-mu-error value '{}': expected a non-negative number",
                self.delta_a_mu_error
            );
        }
        let table = LmuLtauModel
            .decays(self.mass)
            .map_err(|e| anyhow::anyhow!("invalid --mass value '{}': {e}", self.mass))?;
        let g = self.coupling;
        let total = table.total_width(g);
        let ctau = table.ctau_m(g);
        let brs = table.branching_ratios(g);
        let invisible = table.branching_ratio_where(g, |c| {
            !c.daughters.is_empty() && c.daughters.iter().all(|d| d.is_invisible())
        });
        let da = delta_a_mu(self.mass, g);
        let g_fav = g_for_delta_a_mu(self.mass, self.delta_a_mu);
        let band = |n: f64| {
            (
                g_for_delta_a_mu(self.mass, self.delta_a_mu - n * self.delta_a_mu_error),
                g_for_delta_a_mu(self.mass, self.delta_a_mu + n * self.delta_a_mu_error),
            )
        };
        let (lo2, hi2) = band(2.0);
        if self.json {
            let map: serde_json::Map<String, serde_json::Value> = brs
                .iter()
                .map(|(k, v)| (k.clone(), crate::input::json_number(*v)))
                .collect();
            let v = serde_json::json!({
                "model": "lmu-ltau",
                "mass": self.mass,
                "coupling": g,
                "total_width": total,
                "ctau_m": crate::input::json_number(ctau),
                "branching_ratios": map,
                "invisible": invisible,
                "delta_a_mu": da,
                "g_minus_2": {
                    "delta_a_mu": self.delta_a_mu,
                    "delta_a_mu_error": self.delta_a_mu_error,
                    "g_favoured": crate::input::json_number(g_fav),
                    "g_2sigma_low": crate::input::json_number(lo2),
                    "g_2sigma_high": crate::input::json_number(hi2),
                },
            });
            println!("{v}");
        } else {
            println!("model          lmu-ltau (Z' of gauged L_mu - L_tau)");
            println!("mass           {} GeV", self.mass);
            println!("g_Z'           {g}");
            println!("total width    {total:.6e} GeV");
            println!("c tau          {ctau:.6e} m");
            for (k, v) in &brs {
                println!("{:<22}{v:.6e}", format!("BR({k})"));
            }
            println!("{:<22}{invisible:.6e}", "BR(invisible)");
            println!("Delta a_mu     {da:.6e} (this Z' at g_Z' = {g})");
            println!(
                "g-2 favoured   g_Z' = {g_fav:.4e} for Delta a_mu = {:.3e}; 2 sigma band [{lo2:.4e}, {hi2:.4e}]",
                self.delta_a_mu
            );
        }
        Ok(())
    }
}
