//! `darkscan widths scalar` and `darkscan widths alp`.

use anyhow::{Result, bail};
use clap::Args;
use darkscan::model::Fip;
use darkscan::model::alp::AlpModel;
use darkscan::model::scalar::ScalarModel;

/// Checks a value is finite and positive, naming the option otherwise.
fn positive(option: &str, v: f64, what: &str) -> Result<f64> {
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else {
        bail!("invalid {option} value '{v}': expected {what}")
    }
}

/// Checks a coupling is finite (it may be zero or negative).
fn finite(option: &str, v: f64) -> Result<f64> {
    if v.is_finite() {
        Ok(v)
    } else {
        bail!("invalid {option} value '{v}': expected a finite number")
    }
}

/// Dark scalar (Higgs mixing) decay widths.
#[derive(Args)]
pub struct ScalarOpts {
    /// Scalar mass in GeV (up to 10).
    #[arg(long, allow_negative_numbers = true)]
    mass: f64,
    /// Mixing angle squared θ² (widths scale as θ²).
    #[arg(long, default_value_t = 1.0, allow_negative_numbers = true)]
    theta2: f64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl ScalarOpts {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        positive("--mass", self.mass, "a positive mass in GeV")?;
        positive("--theta2", self.theta2, "a positive mixing angle squared")?;
        let model = ScalarModel::new(self.theta2)?;
        let table = model
            .decays(self.mass)
            .map_err(|e| anyhow::anyhow!("invalid --mass value '{}': {e}", self.mass))?;
        let total = table.total_width(1.0);
        let ctau = table.ctau_m(1.0);
        let grouped = model.grouped(self.mass)?;
        let fine = table.branching_ratios(1.0);
        if self.json {
            let brs: serde_json::Map<String, serde_json::Value> = grouped
                .iter()
                .map(|(k, v)| (k.clone(), crate::input::json_number(*v)))
                .collect();
            let channels: serde_json::Map<String, serde_json::Value> = fine
                .iter()
                .map(|(k, v)| (k.clone(), crate::input::json_number(*v)))
                .collect();
            let v = serde_json::json!({
                "model": "scalar",
                "mass": self.mass,
                "theta2": self.theta2,
                "total_width": total,
                "ctau_m": crate::input::json_number(ctau),
                "branching_ratios": brs,
                "channels": channels,
            });
            println!("{v}");
        } else {
            println!("model          scalar (Higgs mixing; hadrons: Winkler 2019)");
            println!("mass           {} GeV", self.mass);
            println!("theta^2        {}", self.theta2);
            println!("total width    {total:.6e} GeV");
            println!("c tau          {ctau:.6e} m");
            for (k, v) in &fine {
                println!("{:<15}{v:.6e}", format!("BR({k})"));
            }
        }
        Ok(())
    }
}

/// Axion-like particle decay widths.
#[derive(Args)]
pub struct AlpOpts {
    /// ALP mass in GeV (up to 10).
    #[arg(long, allow_negative_numbers = true)]
    mass: f64,
    /// Photon coupling g_aγγ in 1/GeV.
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    g_agg: f64,
    /// Universal Yukawa-like fermion coupling g_Y of the PBC BC10 benchmark
    /// (each fermion couples as g_Y m_f / v); with hadronic channels
    /// (arXiv:2310.03524), masses up to 3 GeV. Alias --g-y.
    #[arg(
        long,
        alias = "g-y",
        default_value_t = 0.0,
        allow_negative_numbers = true
    )]
    g_aff: f64,
    /// Electron coupling g_aee (L = -i g_aee a ē γ5 e).
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    g_aee: f64,
    /// Muon coupling g_aμμ.
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    g_amumu: f64,
    /// Gluon coupling 1/f_G in 1/GeV, L = (α_s/8π)(a/f_G) G G̃ (PBC BC11;
    /// ALPINIST's c_g/Λ is 1/(32π² f_G)); masses up to 3 GeV.
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    inv_f_g: f64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl AlpOpts {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        positive("--mass", self.mass, "a positive mass in GeV")?;
        let model = AlpModel {
            g_agg: finite("--g-agg", self.g_agg)?,
            g_y: finite("--g-aff", self.g_aff)?,
            g_aee: finite("--g-aee", self.g_aee)?,
            g_amumu: finite("--g-amumu", self.g_amumu)?,
            g_atautau: 0.0,
            inv_f_g: finite("--inv-f-g", self.inv_f_g)?,
        };
        if [
            model.g_agg,
            model.g_y,
            model.g_aee,
            model.g_amumu,
            model.inv_f_g,
        ]
        .iter()
        .all(|&g| g == 0.0)
        {
            bail!(
                "no ALP coupling given: set at least one of --g-agg, --g-aff, --g-aee, --g-amumu"
            );
        }
        let table = model
            .decays(self.mass)
            .map_err(|e| anyhow::anyhow!("invalid --mass value '{}': {e}", self.mass))?;
        let total = table.total_width(1.0);
        let ctau = table.ctau_m(1.0);
        let brs = table.branching_ratios(1.0);
        if self.json {
            let map: serde_json::Map<String, serde_json::Value> = brs
                .iter()
                .map(|(k, v)| (k.clone(), crate::input::json_number(*v)))
                .collect();
            let v = serde_json::json!({
                "model": "alp",
                "mass": self.mass,
                "couplings": {
                    "g_agg": model.g_agg,
                    "g_aff": model.g_y,
                    "g_aee": model.g_aee,
                    "g_amumu": model.g_amumu,
                    "inv_f_g": model.inv_f_g,
                },
                "total_width": total,
                "ctau_m": crate::input::json_number(ctau),
                "branching_ratios": map,
            });
            println!("{v}");
        } else {
            println!("model          alp");
            println!("mass           {} GeV", self.mass);
            println!(
                "couplings      g_agg = {} /GeV, g_aff (g_Y) = {}, g_aee = {}, g_amumu = {}, 1/f_G = {} /GeV",
                model.g_agg, model.g_y, model.g_aee, model.g_amumu, model.inv_f_g
            );
            println!("total width    {total:.6e} GeV");
            println!("c tau          {ctau:.6e} m");
            for (k, v) in &brs {
                println!("{:<15}{v:.6e}", format!("BR({k})"));
            }
        }
        Ok(())
    }
}
