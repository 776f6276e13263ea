//! Bindings of the generic model layer, production branching ratios and
//! cross sections: thin calls of the library (no physics here), returning
//! what the CLI prints with `--json`.

use darkscan::model::hnl::HnlModel;
use darkscan::model::scalar::ScalarModel;
use darkscan::model::{DecayTable, ModelSpec};
use darkscan::production::electron_brem::BremMethod;
use darkscan::production::xsec_request::{BremXsecRequest, PrimakoffXsecRequest};
use darkscan::production::{hnl, scalar};
use pyo3::prelude::*;
use serde_json::{Map, Value, json};

use crate::bindings::{err, num};

/// (total widths, cτ, channel names, BR[channel][point]).
type WidthColumns = (Vec<f64>, Vec<f64>, Vec<String>, Vec<Vec<f64>>);

/// Widths of any model over (mass, g) points: `spec_json` is a
/// [`ModelSpec`] as JSON (`{"name": "hnl", "umu2": 1e-6}`), `masses` and
/// `couplings` have one entry per point (g scales the coupling vector).
/// Returns total widths (GeV), cτ (m, ∞ when stable), the channel names
/// (in order of first appearance) and BR[channel][point] (0 where closed).
#[pyfunction]
pub fn widths_model(
    py: Python<'_>,
    spec_json: &str,
    masses: Vec<f64>,
    couplings: Vec<f64>,
) -> PyResult<WidthColumns> {
    let spec: ModelSpec = serde_json::from_str(spec_json).map_err(err)?;
    let fip = spec.fip().map_err(err)?;
    if masses.len() != couplings.len() {
        return Err(err("masses and couplings must have the same length"));
    }
    py.detach(|| -> Result<WidthColumns, String> {
        let n = masses.len();
        let mut total = Vec::with_capacity(n);
        let mut ctau = Vec::with_capacity(n);
        let mut names: Vec<String> = Vec::new();
        let mut brs: Vec<Vec<f64>> = Vec::new();
        let mut table: Option<DecayTable> = None;
        for (i, (&m, &g)) in masses.iter().zip(&couplings).enumerate() {
            if !g.is_finite() {
                return Err(format!(
                    "invalid coupling scale {g}: expected a finite number"
                ));
            }
            // Points are usually a mass grid: one decay table per mass.
            if table
                .as_ref()
                .is_none_or(|t| t.mass.to_bits() != m.to_bits())
            {
                table = Some(fip.decays(m).map_err(|e| e.to_string())?);
            }
            let t = table.as_ref().expect("set above");
            total.push(t.total_width(g));
            ctau.push(t.ctau_m(g));
            for (name, br) in t.branching_ratios(g) {
                let k = names.iter().position(|x| *x == name).unwrap_or_else(|| {
                    names.push(name);
                    brs.push(vec![0.0; n]);
                    names.len() - 1
                });
                brs[k][i] += br;
            }
        }
        Ok((total, ctau, names, brs))
    })
    .map_err(err)
}

fn channels_json(list: &[darkscan::production::source::ProductionChannel]) -> (f64, Value) {
    let total: f64 = list.iter().map(|c| c.branching_ratio).sum();
    let map: Map<String, Value> = list
        .iter()
        .map(|c| (c.name.clone(), num(c.branching_ratio)))
        .collect();
    (total, Value::Object(map))
}

/// HNL production BRs in one parent's decays: `darkscan production hnl --json`.
#[pyfunction]
#[pyo3(signature = (parent, mass, ue2=0.0, umu2=0.0, utau2=0.0, dirac=false))]
pub fn production_hnl(
    parent: &str,
    mass: f64,
    ue2: f64,
    umu2: f64,
    utau2: f64,
    dirac: bool,
) -> PyResult<String> {
    let pdg = hnl::parent_from_name(parent).ok_or_else(|| {
        let known: Vec<String> = hnl::parents()
            .iter()
            .map(|&p| hnl::parent_name(p))
            .collect();
        err(format!(
            "invalid parent '{parent}': expected one of {} (or a charge conjugate)",
            known.join(", ")
        ))
    })?;
    let model = HnlModel::new(ue2, umu2, utau2, dirac).map_err(err)?;
    let list = hnl::channels(pdg, mass, &model).map_err(err)?;
    let (total, map) = channels_json(&list);
    Ok(json!({
        "model": "hnl",
        "parent": hnl::parent_name(pdg),
        "mass": mass,
        "ue2": ue2,
        "umu2": umu2,
        "utau2": utau2,
        "branching_ratio": total,
        "channels": map,
    })
    .to_string())
}

/// Dark-scalar production BRs: `darkscan production scalar --json`.
#[pyfunction]
#[pyo3(signature = (parent, mass, theta2=1.0))]
pub fn production_scalar(parent: &str, mass: f64, theta2: f64) -> PyResult<String> {
    let pdg = scalar::parent_pdg(parent).ok_or_else(|| {
        err(format!(
            "invalid parent '{parent}': expected one of K+, K_L, B+, B0"
        ))
    })?;
    let model = ScalarModel::new(theta2).map_err(err)?;
    let list = scalar::channels(pdg, mass, &model).map_err(err)?;
    let (total, map) = channels_json(&list);
    Ok(json!({
        "model": "scalar",
        "parent": parent,
        "parent_pdg": pdg,
        "mass": mass,
        "theta2": theta2,
        "branching_ratio": total,
        "channels": map,
    })
    .to_string())
}

/// A′ bremsstrahlung per nucleus at ε = 1: `darkscan xsec dark-photon-brem --json`.
#[pyfunction]
#[pyo3(signature = (target_name, energy, mass, method="etl", x_min=0.0))]
pub fn xsec_dark_photon_brem(
    target_name: &str,
    energy: f64,
    mass: f64,
    method: &str,
    x_min: f64,
) -> PyResult<String> {
    let method: BremMethod = method.parse().map_err(err)?;
    // The range checks are the library's (the same as `darkscan xsec`).
    let req = BremXsecRequest::new(target_name, energy, mass, method, x_min).map_err(err)?;
    let sigma = req.sigma_cm2();
    Ok(json!({ "sigma_cm2": sigma, "method": method.name() }).to_string())
}

/// ALP Primakoff production γ N → a N: `darkscan xsec alp-primakoff --json`.
#[pyfunction]
#[pyo3(signature = (target_name, energy, mass, g_agg=1.0))]
pub fn xsec_alp_primakoff(
    target_name: &str,
    energy: f64,
    mass: f64,
    g_agg: f64,
) -> PyResult<String> {
    let req = PrimakoffXsecRequest::new(target_name, energy, mass, g_agg).map_err(err)?;
    let sigma = req.sigma_cm2();
    let mat = &req.material;
    Ok(json!({
        "sigma_cm2": sigma,
        "target": mat.name,
        "energy": energy,
        "mass": mass,
        "g_agg": g_agg,
    })
    .to_string())
}
