//! The `darkscan._darkscan` extension module.

use darkscan::experiment::bounds;
use darkscan::experiment::search::SearchPreset;
use darkscan::model::dark_photon::DarkPhoton;
use darkscan::reach::{Plane, ReachOptions};
use darkscan::run_preset;
use darkscan::stats::{
    BackgroundTerm, LimitMethod, pvalues, pvalues_correlated, sum_backgrounds, upper_limit,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde_json::{Value, json};

pub(crate) fn err(e: impl ToString) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// A JSON number, or null for ±∞/NaN (as the CLI prints them).
pub(crate) fn num(x: f64) -> Value {
    if x.is_finite() { json!(x) } else { Value::Null }
}

/// Dark-photon widths at one (mass, coupling): the CLI's `widths dark-photon --json`.
#[pyfunction]
#[pyo3(signature = (mass, coupling, alpha_d=None, dm_mass=None))]
fn widths_dark_photon(
    mass: f64,
    coupling: f64,
    alpha_d: Option<f64>,
    dm_mass: Option<f64>,
) -> PyResult<String> {
    let mut a = DarkPhoton::new(mass, coupling).map_err(err)?;
    if let Some(ad) = alpha_d {
        a = a
            .with_dark_sector(ad, dm_mass.unwrap_or(mass / 3.0))
            .map_err(err)?;
    }
    let br = a.branching_ratios();
    Ok(json!({
        "mass": mass,
        "coupling": coupling,
        "total_width": a.total_width(),
        "ctau_m": num(a.ctau_m()),
        "branching_ratios": {
            "e+e-": br.ee, "mu+mu-": br.mumu, "tau+tau-": br.tautau,
            "hadrons": br.hadrons, "invisible": br.invisible,
        },
    })
    .to_string())
}

/// The CLI's `stats pvalue --json`.
#[pyfunction]
fn stats_pvalue(
    observed: Vec<u64>,
    background: Vec<f64>,
    background_error: Vec<f64>,
) -> PyResult<String> {
    let p = if observed.len() == 1 && background.len() == 1 && background_error.len() == 1 {
        pvalues(observed[0], background[0], background_error[0])
    } else {
        pvalues_correlated(&observed, &background, &background_error)
    }
    .map_err(err)?;
    Ok(json!({
        "p_excess": num(p.p_excess),
        "p_likelihood": num(p.p_likelihood),
        "z_one_sided": num(p.z_one_sided),
        "z_two_sided": num(p.z_two_sided),
    })
    .to_string())
}

/// The CLI's `stats limit --json`.
#[pyfunction]
fn stats_limit(
    observed: u64,
    background: f64,
    background_error: f64,
    method: &str,
    cl: f64,
) -> PyResult<String> {
    let m: LimitMethod = method.parse().map_err(err)?;
    let ul = upper_limit(m, observed, background, background_error, cl).map_err(err)?;
    Ok(json!({ "upper_limit": ul, "method": m.name(), "cl": cl }).to_string())
}

/// The CLI's `stats sum --json`.
#[pyfunction]
fn stats_sum(terms: Vec<String>) -> PyResult<String> {
    let t = terms
        .iter()
        .map(|s| s.parse::<BackgroundTerm>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(err)?;
    let s = sum_backgrounds(&t).map_err(err)?;
    Ok(json!({ "total": s.total, "error": s.error }).to_string())
}

/// Names of the shipped presets.
#[pyfunction]
fn preset_names() -> Vec<String> {
    darkscan::experiment::preset_names()
        .into_iter()
        .map(String::from)
        .collect()
}

/// The TOML text of a shipped preset.
#[pyfunction]
fn preset_text(name: &str) -> PyResult<String> {
    darkscan::experiment::search::shipped_text(name)
        .map(str::to_string)
        .ok_or_else(|| {
            err(format!(
                "unknown preset '{name}'; shipped: {}",
                darkscan::experiment::preset_names().join(", ")
            ))
        })
}

fn options(overrides: &str) -> PyResult<ReachOptions> {
    let v: Value = serde_json::from_str(overrides).map_err(err)?;
    let mut o = ReachOptions::default();
    let obj = v
        .as_object()
        .ok_or_else(|| err("overrides must be a mapping"))?;
    let f = |key: &str, x: &Value| {
        x.as_f64()
            .ok_or_else(|| err(format!("invalid {key} = {x}: expected a number")))
    };
    for (key, x) in obj {
        match key.as_str() {
            "exposure" => o.exposure = Some(f(key, x)?),
            "alpha_d" => o.alpha_d = Some(f(key, x)?),
            "expected" => {
                o.expected_sensitivity = x.as_bool().ok_or_else(|| {
                    err(format!("invalid expected = {x}: expected true or false"))
                })?;
            }
            "mass_ratio" => o.mass_ratio = Some(f(key, x)?),
            "background" => o.background = Some(f(key, x)?),
            "background_error" => o.background_error = Some(f(key, x)?),
            "cl" => o.cl = Some(f(key, x)?),
            "observed" => {
                o.observed = Some(x.as_u64().ok_or_else(|| {
                    err(format!(
                        "invalid observed = {x}: expected a non-negative integer"
                    ))
                })?);
            }
            "method" => {
                let s = x
                    .as_str()
                    .ok_or_else(|| err(format!("invalid method = {x}")))?;
                o.method = Some(s.parse().map_err(err)?);
            }
            "plane" => {
                o.plane = match x.as_str() {
                    Some("epsilon") => Plane::Epsilon,
                    Some("y") => Plane::Y,
                    _ => {
                        return Err(err(format!(
                            "invalid plane = {x}: expected 'epsilon' or 'y'"
                        )));
                    }
                };
            }
            "masses" => {
                let list = x
                    .as_array()
                    .ok_or_else(|| err(format!("invalid masses = {x}: expected a list")))?;
                bounds::check_mass_count("python", "masses", list.len()).map_err(err)?;
                let m = list
                    .iter()
                    .map(|y| match y.as_f64() {
                        Some(v) if v.is_finite() && v > 0.0 => Ok(v),
                        _ => Err(err(format!(
                            "invalid mass {y} in masses: expected a positive number in GeV"
                        ))),
                    })
                    .collect::<PyResult<Vec<f64>>>()?;
                o.masses = Some(m);
            }
            other => return Err(err(format!("unknown override '{other}'"))),
        }
    }
    Ok(o)
}

/// The outputs of one reach scan: the CLI's `reach --json` object,
/// limits.csv, limits.yaml (HEPData), yields.csv, and the yield grid
/// (masses, couplings, signal[mass][coupling]).
type ReachOutputs = (
    String,
    String,
    String,
    String,
    Vec<f64>,
    Vec<f64>,
    Vec<Vec<f64>>,
);

/// Runs a reach scan (the GIL is released meanwhile).
#[pyfunction]
fn reach(py: Python<'_>, preset_name: &str, overrides: &str) -> PyResult<ReachOutputs> {
    let opts = options(overrides)?;
    let name = preset_name.to_string();
    // The library's one entry point: any preset kind (missing energy,
    // beam dump, kaon mode), as the CLI does.
    let result = py.detach(move || -> Result<_, String> {
        let none = |_: usize| {};
        let p = SearchPreset::load(&name).map_err(|e| e.to_string())?;
        run_preset(&name, &p, &opts, &none).map_err(|e| e.to_string())
    });
    let r = result.map_err(err)?;
    Ok((
        serde_json::to_string(&r).map_err(err)?,
        darkscan::io::limits_csv(&r),
        darkscan::io::hepdata_yaml(&r),
        darkscan::io::yields_csv(&r),
        r.grid.masses.clone(),
        r.grid.couplings.clone(),
        r.grid.signal.clone(),
    ))
}

#[pymodule]
fn _darkscan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(widths_dark_photon, m)?)?;
    m.add_function(wrap_pyfunction!(stats_pvalue, m)?)?;
    m.add_function(wrap_pyfunction!(stats_limit, m)?)?;
    m.add_function(wrap_pyfunction!(stats_sum, m)?)?;
    m.add_function(wrap_pyfunction!(preset_names, m)?)?;
    m.add_function(wrap_pyfunction!(preset_text, m)?)?;
    m.add_function(wrap_pyfunction!(reach, m)?)?;
    m.add_function(wrap_pyfunction!(crate::portals::widths_model, m)?)?;
    m.add_function(wrap_pyfunction!(crate::portals::production_hnl, m)?)?;
    m.add_function(wrap_pyfunction!(crate::portals::production_scalar, m)?)?;
    m.add_function(wrap_pyfunction!(crate::portals::xsec_dark_photon_brem, m)?)?;
    m.add_function(wrap_pyfunction!(crate::portals::xsec_alp_primakoff, m)?)?;
    Ok(())
}
