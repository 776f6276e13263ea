//! `darkscan widths`.

use anyhow::Result;
use clap::{Args, Subcommand};
use darkscan::model::dark_photon::DarkPhoton;

mod b_minus_l;
mod lmu_ltau;
mod scalar_alp;

/// The `widths` subcommands.
#[derive(Subcommand)]
pub enum WidthsCommand {
    /// Minimal dark photon: widths to e+e-, mu+mu-, tau+tau-, hadrons (R ratio), invisible.
    DarkPhoton(DarkPhotonOpts),
    /// Heavy neutral lepton: every open channel (leptonic, two-body mesonic, inclusive hadrons).
    Hnl(HnlOpts),
    /// Dark scalar mixing with the Higgs: leptons, photons, pi pi and K K (Winkler 2019), multi-hadron, g g / s sbar / c cbar above 2 GeV.
    Scalar(scalar_alp::ScalarOpts),
    /// Axion-like particle: gamma gamma (g_agg, fermion loops, gluon mixing), leptons, hadrons (gluon coupling, Aloni-Soreq-Williams; fermion coupling g_Y, arXiv:2310.03524).
    Alp(scalar_alp::AlpOpts),
    /// U(1)_{B-L} Z': nu nubar (with or without light right-handed neutrinos, or heavy N), e+e-, mu+mu-, tau+tau- (no hadrons; m <= 0.6 GeV).
    BMinusL(b_minus_l::BMinusLOpts),
    /// Z' of gauged L_mu - L_tau: nu_mu nu_mu~, nu_tau nu_tau~, mu+mu-, tau+tau-; its (g-2)_mu contribution and favoured coupling.
    LmuLtau(lmu_ltau::LmuLtauOpts),
}

/// HNL decay widths.
#[derive(Args)]
pub struct HnlOpts {
    /// HNL mass in GeV (up to 5).
    #[arg(long, allow_negative_numbers = true, allow_hyphen_values = true)]
    mass: f64,
    #[command(flatten)]
    couplings: crate::input::HnlCouplings,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

/// Dark photon decay widths.
#[derive(Args)]
pub struct DarkPhotonOpts {
    /// A′ mass in GeV.
    #[arg(long, allow_negative_numbers = true)]
    mass: f64,
    /// Kinetic mixing ε (widths scale as ε²).
    #[arg(long, default_value_t = 1.0, allow_negative_numbers = true)]
    coupling: f64,
    /// Dark coupling α_D; with --dm-mass enables A′ → χχ̄.
    #[arg(long, allow_negative_numbers = true)]
    alpha_d: Option<f64>,
    /// Dark-matter (Dirac χ) mass in GeV (default m_A′/3 when --alpha-d is given).
    #[arg(long, allow_negative_numbers = true)]
    dm_mass: Option<f64>,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl WidthsCommand {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        match self {
            Self::DarkPhoton(o) => o.run(),
            Self::Hnl(o) => o.run(),
            Self::Scalar(o) => o.run(),
            Self::Alp(o) => o.run(),
            Self::BMinusL(o) => o.run(),
            Self::LmuLtau(o) => o.run(),
        }
    }
}

impl DarkPhotonOpts {
    fn run(&self) -> Result<()> {
        let mut a = DarkPhoton::new(self.mass, self.coupling)?;
        if let Some(ad) = self.alpha_d {
            a = a.with_dark_sector(
                ad,
                self.dm_mass
                    .unwrap_or(self.mass / darkscan::model::dark_photon::DEFAULT_MASS_RATIO),
            )?;
        }
        let br = a.branching_ratios();
        let total = a.total_width();
        let ctau = a.ctau_m();
        if self.json {
            let v = serde_json::json!({
                "mass": self.mass,
                "coupling": self.coupling,
                "total_width": total,
                "ctau_m": crate::input::json_number(ctau),
                "branching_ratios": {
                    "e+e-": br.ee,
                    "mu+mu-": br.mumu,
                    "tau+tau-": br.tautau,
                    "hadrons": br.hadrons,
                    "invisible": br.invisible,
                },
            });
            println!("{v}");
        } else {
            println!("mass           {} GeV", self.mass);
            println!("coupling       {}", self.coupling);
            println!("total width    {total:.6e} GeV");
            println!("c tau          {ctau:.6e} m");
            println!("BR(e+e-)       {:.6}", br.ee);
            println!("BR(mu+mu-)     {:.6}", br.mumu);
            println!("BR(tau+tau-)   {:.6}", br.tautau);
            println!("BR(hadrons)    {:.6}", br.hadrons);
            println!("BR(invisible)  {:.6}", br.invisible);
        }
        Ok(())
    }
}

impl HnlOpts {
    fn run(&self) -> Result<()> {
        use darkscan::model::hnl::HnlModel;
        let model = HnlModel::new(
            self.couplings.ue2,
            self.couplings.umu2,
            self.couplings.utau2,
            self.couplings.dirac,
        )?;
        let total = model.total_width(self.mass)?;
        let ctau = model.ctau_m(self.mass)?;
        let brs = model.branching_ratios(self.mass)?;
        if self.json {
            let map: serde_json::Map<String, serde_json::Value> = brs
                .iter()
                .map(|(n, b)| (n.clone(), crate::input::json_number(*b)))
                .collect();
            let v = serde_json::json!({
                "model": "hnl",
                "mass": self.mass,
                "ue2": self.couplings.ue2,
                "umu2": self.couplings.umu2,
                "utau2": self.couplings.utau2,
                "majorana": model.majorana,
                "total_width": total,
                "ctau_m": crate::input::json_number(ctau),
                "branching_ratios": map,
            });
            println!("{v}");
        } else {
            println!("mass           {} GeV", self.mass);
            println!(
                "U^2 (e, mu, tau) {}, {}, {}  ({})",
                self.couplings.ue2,
                self.couplings.umu2,
                self.couplings.utau2,
                if model.majorana { "Majorana" } else { "Dirac" }
            );
            println!("total width    {total:.6e} GeV");
            println!("c tau          {ctau:.6e} m");
            for (n, b) in &brs {
                println!("{:<24}{b:.6e}", format!("BR({n})"));
            }
        }
        Ok(())
    }
}
