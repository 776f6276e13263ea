//! Observed counts per region, blinding, and the stats engine's p-values.
//!
//! A pair counts in a region when it passes the selection's cuts and the
//! region's expression (regions may overlap). For a region with an expected
//! background b ± δ the p-values are those of [`crate::stats::pvalues`]
//! (Cousins–Highland smeared Poisson; NA62 JHEP 09 (2023) 035, seed talk
//! 000); a group of regions gets [`crate::stats::pvalues_correlated`] (one
//! Gaussian nuisance shared by all members, backgrounds and errors summed
//! linearly for `expected` and `expected_error`). Blind regions, and groups
//! with a blind member, report no count unless unblinded.

use super::AnalysisError;
use super::pairs::Pair;
use super::selection::Selection;
use crate::stats::{pvalues, pvalues_correlated};
use serde::Serialize;
use std::collections::BTreeMap;

/// The outcome of one region or group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionCount {
    /// Observed pairs (`None` while blind).
    pub observed: Option<u64>,
    /// Expected background (`None` when the selection gives none).
    pub expected: Option<f64>,
    /// Its error (0 when not given).
    pub expected_error: f64,
    /// P(N ≥ N_obs | background only).
    pub p_excess: Option<f64>,
    /// P(L ≤ L_obs | background only).
    pub p_likelihood: Option<f64>,
}

/// Counts of every region and group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountResult {
    /// By region or group name.
    pub regions: BTreeMap<String, RegionCount>,
    /// The names of the regions and groups kept blind.
    pub blinded: Vec<String>,
}

/// Counts `pairs` in the regions of `sel`.
///
/// # Errors
/// [`AnalysisError::Stats`] only for inputs the selection parser already
/// rejects (kept for safety).
pub fn count(pairs: &[Pair], sel: &Selection, unblind: bool) -> Result<CountResult, AnalysisError> {
    let mut n = vec![0_u64; sel.regions.len()];
    for p in pairs {
        for i in sel.regions_of(p) {
            n[i] += 1;
        }
    }
    let mut regions = BTreeMap::new();
    let mut blinded = Vec::new();
    for (i, r) in sel.regions.iter().enumerate() {
        let blind = r.blind && !unblind;
        if blind {
            blinded.push(r.name.clone());
        }
        let ps = match (blind, r.expected) {
            (false, Some(b)) => Some(pvalues(n[i], b, r.expected_error)?),
            _ => None,
        };
        regions.insert(
            r.name.clone(),
            RegionCount {
                observed: (!blind).then_some(n[i]),
                expected: r.expected,
                expected_error: r.expected_error,
                p_excess: ps.map(|p| p.p_excess),
                p_likelihood: ps.map(|p| p.p_likelihood),
            },
        );
    }
    for (name, members) in &sel.groups {
        let idx: Vec<usize> = members
            .iter()
            .filter_map(|m| sel.regions.iter().position(|r| &r.name == m))
            .collect();
        let blind = !unblind && idx.iter().any(|&i| sel.regions[i].blind);
        if blind {
            blinded.push(name.clone());
        }
        let obs: Vec<u64> = idx.iter().map(|&i| n[i]).collect();
        let b: Option<Vec<f64>> = idx.iter().map(|&i| sel.regions[i].expected).collect();
        let d: Vec<f64> = idx.iter().map(|&i| sel.regions[i].expected_error).collect();
        let ps = match (&b, blind) {
            (Some(b), false) => Some(pvalues_correlated(&obs, b, &d)?),
            _ => None,
        };
        regions.insert(
            name.clone(),
            RegionCount {
                observed: (!blind).then(|| obs.iter().sum()),
                expected: b.as_ref().map(|b| b.iter().sum()),
                expected_error: d.iter().sum(),
                p_excess: ps.map(|p| p.p_excess),
                p_likelihood: ps.map(|p| p.p_likelihood),
            },
        );
    }
    Ok(CountResult { regions, blinded })
}
