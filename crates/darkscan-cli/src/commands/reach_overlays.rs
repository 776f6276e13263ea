//! Theory overlays of `darkscan reach --out` (library: `darkscan::overlays`):
//! the thermal relic targets on missing-energy y-plane plots and the
//! (g−2)_μ band on L_μ−L_τ plots, each also written as a CSV table.

use darkscan::experiment::search::SearchPreset;
use darkscan::model::ModelSpec;
use darkscan::plot::Overlay;
use darkscan::reach::{Plane, ReachResult};

/// What the user asked for.
pub struct Choice {
    /// `--alpha-d` (None: the preset's).
    pub alpha_d: Option<f64>,
    /// `--mass-ratio` (None: the preset's).
    pub mass_ratio: Option<f64>,
    /// Not `--no-relic-targets`.
    pub relic_targets: bool,
    /// Not `--no-g2-band`.
    pub g2_band: bool,
}

/// Width of the (g−2)_μ band in σ of Δa_μ (the ±2σ band of the NA64μ plots).
const G2_N_SIGMA: f64 = 2.0;

/// The overlays for this result and the tables to write next to the plots,
/// as (file name, contents). A relic solve that fails leaves the plot
/// without targets and says so on stderr; the reach itself stands.
pub fn compute(
    preset: &SearchPreset,
    result: &ReachResult,
    choice: &Choice,
) -> (Vec<Overlay>, Vec<(&'static str, String)>) {
    let mut overlays = Vec::new();
    let mut tables = Vec::new();
    let masses = result.limits.iter().map(|l| l.mass);
    let lo = masses.clone().fold(f64::INFINITY, f64::min);
    let hi = masses.fold(0.0, f64::max);
    match preset {
        SearchPreset::MissingEnergy(p) if choice.relic_targets && result.plane == Plane::Y => {
            let alpha_d = choice.alpha_d.unwrap_or(p.model.alpha_d);
            let ratio = choice.mass_ratio.unwrap_or(p.model.mass_ratio);
            match darkscan::overlays::relic_targets(alpha_d, ratio, lo, hi) {
                Ok(Some(t)) => {
                    overlays.extend(t.overlays());
                    tables.push(("relic_targets.csv", t.csv()));
                }
                Ok(None) => {}
                Err(e) => eprintln!("darkscan: warning: relic targets not drawn: {e}"),
            }
        }
        SearchPreset::MissingMomentum(p)
            if choice.g2_band && matches!(p.model, ModelSpec::LmuLtau {}) =>
        {
            if let Some(b) = darkscan::overlays::g2_band(lo, hi, G2_N_SIGMA) {
                overlays.extend(b.overlays());
                tables.push(("g2_band.csv", b.csv()));
            }
        }
        _ => {}
    }
    (overlays, tables)
}
