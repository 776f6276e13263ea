//! Combinatorial (accidental) background from single tracks.
//!
//! The NA62 beam-dump method (NA62, JHEP 09 (2023) 035, section 4; seed
//! talk 000): single tracks from an orthogonal ("halo") sample are paired,
//! each positive with each negative track of a different event, after
//! shifting both to a common time; the pairs that pass the selection, each
//! weighted for the chance of such a coincidence, estimate the background
//! from two unrelated tracks in one time window.
//!
//! **Weight.** Two independent Poisson streams of rates r₊ = N₊/T and
//! r₋ = N₋/T give chance coincidences within a window of full width Δt
//! (|t₊ − t₋| < Δt/2) at the rate R = r₊ r₋ Δt (the standard accidental
//! rate, e.g. G. F. Knoll, *Radiation Detection and Measurement*, 4th ed.,
//! 2010, §17.II.B, R_ch = 2τ r₁ r₂ with 2τ = Δt). Over the live time T the
//! expected number of accidental pairs in a region is therefore
//!
//! N_exp = N₊ N₋ (Δt / T) · f,   f = K / (N₊ N₋),
//!
//! where K counts the (+, −) pairs of the sample that pass: every pair
//! carries the weight w = Δt/T. T is the sample's live time (`livetime_s`),
//! or when not given the span of its track times scaled by N/(N − 1) (the
//! unbiased span estimate for uniform arrival times).
//!
//! **Error.** K is a two-sample U-statistic, not a Poisson count: each track
//! enters many pairs. Its variance (W. Hoeffding, Ann. Math. Statist. 19
//! (1948) 293; two-sample form E. L. Lehmann, Ann. Math. Statist. 22 (1951)
//! 165) is
//!
//! Var(f̂) = [(N₋ − 1) ζ₁₀ + (N₊ − 1) ζ₀₁ + f(1 − f)] / (N₊ N₋),
//!
//! with ζ₁₀ the variance over positive tracks of their pass probability,
//! estimated as the sample variance of c_i/N₋ (c_i: passing partners of
//! track i) minus its binomial part f(1 − f)/N₋ (floored at 0), and ζ₀₁
//! likewise. For rare, unrelated passes this reduces to √K · w.
//!
//! **Cost.** Pairs are not all evaluated. When the selection bounds the
//! two-track CDA (`cda_m < c`) and the vertex z (`z₁ < vertex_z_m < z₂`),
//! every passing pair has a transverse separation |δ(z)| ≤ R = c (1 + s_max)
//! at its vertex z (s_max: the largest transverse slope |p_T|/p_z of the
//! sample; the closest points differ in z by at most c). δ(z) is linear in z,
//! so the z* ∈ [z₁, z₂] where |δ| is smallest has |δ(z*)| ≤ R. [z₁, z₂] is cut
//! into slabs of half-length h; at the slab centre the two tracks are then
//! within L = R + 2 s_max h of each other, so a grid of cell size L finds
//! every candidate among the 3 × 3 neighbouring cells, and a pair is
//! evaluated only in the slab that holds its z*. h balances the per-slab
//! grid cost against the candidates (2 s_max h = √(R² + c₁/(9ρc₂)), see
//! `binned_pairs`): the work is ∝ N × (slabs + tracks within a few L), not N².

use super::AnalysisError;
use super::events::Track;
use super::pairs::{BeamLine, Var, pair_of};
use super::selection::Selection;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// Options of the estimate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CombinatorialOptions {
    /// Full width Δt of the coincidence window (ns).
    pub window_ns: f64,
    /// Live time of the single-track sample (s); `None`: from the track times.
    pub livetime_s: Option<f64>,
    /// Largest number of pairs evaluated one by one when the selection
    /// bounds neither the CDA nor the vertex z (no binning possible).
    pub max_unbinned_pairs: u64,
    /// Most slabs along z.
    pub max_slabs: usize,
}

impl Default for CombinatorialOptions {
    fn default() -> Self {
        Self {
            window_ns: 10.0,
            livetime_s: None,
            max_unbinned_pairs: 100_000_000,
            max_slabs: 4096,
        }
    }
}

/// The estimate for one region.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CombinatorialRegion {
    /// Expected accidental pairs in the data.
    pub expected: f64,
    /// Its statistical error.
    pub error: f64,
    /// Sample pairs that passed (K).
    pub pairs_used: u64,
}

/// The estimate for every region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CombinatorialResult {
    /// By region name.
    pub regions: BTreeMap<String, CombinatorialRegion>,
    /// The weight Δt/T of one pair.
    pub pair_weight: f64,
    /// The live time used (s).
    pub livetime_s: f64,
    /// Positive and negative tracks.
    pub n_positive: u64,
    /// Negative tracks.
    pub n_negative: u64,
    /// Pairs whose variables were computed (the work done).
    pub pairs_evaluated: u64,
}

/// A passing pair: positive index, negative index, region bit mask.
type Passing = (u32, u32, u64);

struct Prepared {
    x: f64,
    y: f64,
    sx: f64,
    sy: f64,
    z0: f64,
}

fn prepare(t: &Track) -> Prepared {
    let sx = t.momentum.x / t.momentum.z;
    let sy = t.momentum.y / t.momentum.z;
    Prepared {
        x: t.point_m.x,
        y: t.point_m.y,
        sx,
        sy,
        z0: t.point_m.z,
    }
}

/// Estimates the accidental background of every region from single tracks
/// (one track per event; see the module docs for the method).
///
/// # Errors
/// [`AnalysisError::Invalid`] for a bad window or live time, a sample
/// without both charges, tracks with p_z ≤ 0 (the binning needs them forward),
/// or too many pairs for a selection that bounds neither CDA nor vertex z.
pub fn estimate(
    singles: &[Track],
    sel: &Selection,
    beam: &BeamLine,
    opts: &CombinatorialOptions,
) -> Result<CombinatorialResult, AnalysisError> {
    if !(opts.window_ns.is_finite() && opts.window_ns > 0.0) {
        return Err(AnalysisError::Invalid(format!(
            "the coincidence window must be a positive number of ns, got {}",
            opts.window_ns
        )));
    }
    let pos: Vec<&Track> = singles.iter().filter(|t| t.charge > 0).collect();
    let neg: Vec<&Track> = singles.iter().filter(|t| t.charge < 0).collect();
    if pos.is_empty() || neg.is_empty() {
        return Err(AnalysisError::Invalid(format!(
            "the single-track sample needs both charges: {} positive, {} negative",
            pos.len(),
            neg.len()
        )));
    }
    let livetime_s = match opts.livetime_s {
        Some(t) if t.is_finite() && t > 0.0 => t,
        Some(t) => {
            return Err(AnalysisError::Invalid(format!(
                "the live time must be a positive number of seconds, got {t}"
            )));
        }
        None => {
            let (lo, hi) = singles
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |a, t| {
                    (a.0.min(t.time_ns), a.1.max(t.time_ns))
                });
            let n = singles.len() as f64;
            let span = (hi - lo) * n / (n - 1.0) * 1e-9;
            if !(span.is_finite() && span > 0.0) {
                return Err(AnalysisError::Invalid(
                    "the track times span no interval: give the sample's live time (--livetime-s)"
                        .into(),
                ));
            }
            span
        }
    };
    let weight = opts.window_ns * 1e-9 / livetime_s;
    let (np, nn) = (pos.len(), neg.len());
    let nreg = sel.regions.len();
    // Passing pairs: (positive index, negative index, region bit mask).
    let (cda_lo_hi, z_bounds) = (sel.bounds(Var::Cda), sel.bounds(Var::VertexZ));
    let binned = cda_lo_hi.1.is_finite() && z_bounds.0.is_finite() && z_bounds.1.is_finite();
    let evaluate = |i: usize, j: usize| -> u64 {
        let mut n = *neg[j];
        n.time_ns = pos[i].time_ns; // shifted to a common time
        let p = pair_of(pos[i], &n, beam);
        let mut mask = 0_u64;
        for r in sel.regions_of(&p) {
            mask |= 1 << r;
        }
        mask
    };
    if nreg > 64 {
        return Err(AnalysisError::Invalid("at most 64 regions".into()));
    }
    let (passing, evaluated): (Vec<(u32, u32, u64)>, u64) = if binned {
        if let Some(t) = singles
            .iter()
            .find(|t| t.momentum.z.is_nan() || t.momentum.z <= 0.0)
        {
            return Err(AnalysisError::Invalid(format!(
                "row {}: the binned pairing needs forward tracks (pz_gev > 0), got {}",
                t.row, t.momentum.z
            )));
        }
        binned_pairs(&pos, &neg, cda_lo_hi.1.max(0.0), z_bounds, opts, &evaluate)
    } else {
        let total = np as u64 * nn as u64;
        if total > opts.max_unbinned_pairs {
            return Err(AnalysisError::Invalid(format!(
                "the selection bounds neither cda_m from above nor vertex_z_m on both sides, so all {total} pairs would be evaluated (limit {}): add such cuts",
                opts.max_unbinned_pairs
            )));
        }
        let v: Vec<(u32, u32, u64)> = (0..np)
            .into_par_iter()
            .flat_map_iter(|i| {
                (0..nn).filter_map(move |j| {
                    let m = evaluate(i, j);
                    (m != 0).then_some((i as u32, j as u32, m))
                })
            })
            .collect();
        (v, total)
    };
    let mut regions = BTreeMap::new();
    for (r, region) in sel.regions.iter().enumerate() {
        let bit = 1_u64 << r;
        let mut cp = vec![0_u32; np];
        let mut cn = vec![0_u32; nn];
        let mut k = 0_u64;
        for &(i, j, m) in &passing {
            if m & bit != 0 {
                cp[i as usize] += 1;
                cn[j as usize] += 1;
                k += 1;
            }
        }
        let (npf, nnf) = (np as f64, nn as f64);
        let f = k as f64 / (npf * nnf);
        let zeta = |c: &[u32], partners: f64| -> f64 {
            let n = c.len() as f64;
            if n < 2.0 {
                return 0.0;
            }
            let mean = c.iter().map(|&x| f64::from(x)).sum::<f64>() / n;
            let var = c
                .iter()
                .map(|&x| (f64::from(x) - mean).powi(2))
                .sum::<f64>()
                / (n - 1.0);
            (var / (partners * partners) - f * (1.0 - f) / partners).max(0.0)
        };
        let var_f = ((nnf - 1.0) * zeta(&cp, nnf) + (npf - 1.0) * zeta(&cn, npf) + f * (1.0 - f))
            / (npf * nnf);
        let scale = npf * nnf * weight;
        regions.insert(
            region.name.clone(),
            CombinatorialRegion {
                expected: f * scale,
                error: var_f.sqrt() * scale,
                pairs_used: k,
            },
        );
    }
    Ok(CombinatorialResult {
        regions,
        pair_weight: weight,
        livetime_s,
        n_positive: np as u64,
        n_negative: nn as u64,
        pairs_evaluated: evaluated,
    })
}

fn binned_pairs(
    pos: &[&Track],
    neg: &[&Track],
    cda_max: f64,
    (z1, z2): (f64, f64),
    opts: &CombinatorialOptions,
    evaluate: &(dyn Fn(usize, usize) -> u64 + Sync),
) -> (Vec<(u32, u32, u64)>, u64) {
    if z2 < z1 {
        return (Vec::new(), 0);
    }
    let pp: Vec<Prepared> = pos.iter().map(|t| prepare(t)).collect();
    let pn: Vec<Prepared> = neg.iter().map(|t| prepare(t)).collect();
    let s_max = pp
        .iter()
        .chain(&pn)
        .map(|p| p.sx.hypot(p.sy))
        .fold(0.0, f64::max);
    // Transverse radius that any passing pair reaches (a little margin for
    // rounding: 1e-9 relative plus 1 nm).
    let r = cda_max * (1.0 + s_max) * (1.0 + 1e-9) + 1e-9;
    let length = z2 - z1;
    // Slab half-length: the work is (slabs) × N × [c₁ + 9 ρ c₂ L²] with
    // L = R + 2 s_max h (c₁: grid set-up per track and slab, c₂: one
    // candidate check, ρ: negative tracks per m²); its minimum over h is at
    // 2 s_max h = √(R² + c₁/(9 ρ c₂)). c₁/c₂ ≈ 50 is an estimate (a grid
    // insertion and search costs some fifty candidate checks; 5 and 500
    // were measured 4 % and 40 % slower on 10⁵ halo tracks); only the speed
    // depends on it, never the pairs found.
    let (xs, ys) = pn.iter().fold(
        (
            (f64::INFINITY, f64::NEG_INFINITY),
            (f64::INFINITY, f64::NEG_INFINITY),
        ),
        |(a, b), p| {
            let z = 0.5 * (z1 + z2) - p.z0;
            let (x, y) = (p.x + p.sx * z, p.y + p.sy * z);
            ((a.0.min(x), a.1.max(x)), (b.0.min(y), b.1.max(y)))
        },
    );
    let area = ((xs.1 - xs.0) * (ys.1 - ys.0)).max(r * r);
    let rho = pn.len() as f64 / area;
    let slabs = if s_max > 0.0 && length > 0.0 {
        let u = (r * r + 50.0 / (9.0 * rho)).sqrt();
        let h = u / (2.0 * s_max);
        ((length / (2.0 * h)).ceil() as usize).clamp(1, opts.max_slabs.max(1))
    } else {
        1
    };
    let h = 0.5 * length / slabs as f64;
    let cell = (r + 2.0 * s_max * h).max(1e-12);
    /// Most grid cells per axis.
    const MAX_CELLS: i64 = 4096;
    let results: Vec<(Vec<Passing>, u64)> = (0..slabs)
        .into_par_iter()
        .map(|k| {
            let zk = z1 + (2 * k + 1) as f64 * h;
            let (lo, hi) = (z1 + (2 * k) as f64 * h, z1 + (2 * k + 2) as f64 * h);
            let last = k + 1 == slabs;
            let at = |p: &Prepared| (p.x + p.sx * (zk - p.z0), p.y + p.sy * (zk - p.z0));
            let neg_at: Vec<(f64, f64)> = pn.iter().map(at).collect();
            let (x0, y0) = neg_at.iter().fold((f64::INFINITY, f64::INFINITY), |a, p| {
                (a.0.min(p.0), a.1.min(p.1))
            });
            let (x1, y1) = neg_at
                .iter()
                .fold((x0, y0), |a, p| (a.0.max(p.0), a.1.max(p.1)));
            // Cells of at least L; larger where the tracks spread over more
            // than MAX_CELLS of them (neighbours within L stay adjacent).
            let cell = cell
                .max((x1 - x0) / (MAX_CELLS - 2) as f64)
                .max((y1 - y0) / (MAX_CELLS - 2) as f64);
            let cells = |w: f64| ((w / cell).ceil() as i64 + 1).clamp(1, MAX_CELLS);
            let (gx, gy) = (cells(x1 - x0), cells(y1 - y0));
            let index = |v: f64, o: f64, g: i64| (((v - o) / cell).floor() as i64).clamp(0, g - 1);
            let mut order: Vec<(u64, u32)> = neg_at
                .iter()
                .enumerate()
                .map(|(j, &(x, y))| ((index(x, x0, gx) * gy + index(y, y0, gy)) as u64, j as u32))
                .collect();
            order.sort_unstable();
            let keys: Vec<u64> = order.iter().map(|o| o.0).collect();
            // Negative tracks in grid order, contiguous: (x, y, sx, sy, index).
            let sorted: Vec<(f64, f64, f64, f64, u32)> = order
                .iter()
                .map(|&(_, j)| {
                    let (x, y) = neg_at[j as usize];
                    let p = &pn[j as usize];
                    (x, y, p.sx, p.sy, j)
                })
                .collect();
            let mut out = Vec::new();
            let mut evaluated = 0_u64;
            for (i, a) in pp.iter().enumerate() {
                let (xa, ya) = at(a);
                let (ix, iy) = (index(xa, x0, gx), index(ya, y0, gy));
                let (ylo, yhi) = ((iy - 1).max(0), (iy + 1).min(gy - 1));
                for cx in (ix - 1).max(0)..=(ix + 1).min(gx - 1) {
                    let k_lo = (cx * gy + ylo) as u64;
                    let k_hi = (cx * gy + yhi) as u64;
                    let start = keys.partition_point(|&k| k < k_lo);
                    let end = start + keys[start..].partition_point(|&k| k <= k_hi);
                    for &(xb, yb, sxb, syb, j) in &sorted[start..end] {
                        let (d0x, d0y) = (xa - xb, ya - yb);
                        let (dsx, dsy) = (a.sx - sxb, a.sy - syb);
                        let ds2 = dsx * dsx + dsy * dsy;
                        let zs = if ds2 > 0.0 {
                            (zk - (d0x * dsx + d0y * dsy) / ds2).clamp(z1, z2)
                        } else {
                            z1
                        };
                        if zs < lo || (zs >= hi && !last) {
                            continue;
                        }
                        let (ex, ey) = (d0x + dsx * (zs - zk), d0y + dsy * (zs - zk));
                        if ex * ex + ey * ey > r * r {
                            continue;
                        }
                        evaluated += 1;
                        let m = evaluate(i, j as usize);
                        if m != 0 {
                            out.push((i as u32, j, m));
                        }
                    }
                }
            }
            (out, evaluated)
        })
        .collect();
    let evaluated = results.iter().map(|r| r.1).sum();
    let passing = results.into_iter().flat_map(|r| r.0).collect();
    (passing, evaluated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::generate::{HaloModel, dump_halo};

    fn selection() -> Selection {
        Selection::from_toml(
            r#"
cuts = "vertex_z_m > 105 && vertex_z_m < 180 && cda_m < 0.05"
[regions.all]
expr = "cda_m < 0.05"
[regions.tight]
expr = "cda_m < 0.01 && p_gev > 40"
"#,
        )
        .unwrap()
    }

    #[test]
    fn binned_equals_all_pairs() {
        // The binning must find exactly the pairs that a brute-force loop
        // over all N₊N₋ pairs finds.
        let tracks = dump_halo(&HaloModel::default(), 3000, 5);
        let sel = selection();
        let opts = CombinatorialOptions::default();
        let binned = estimate(&tracks, &sel, &BeamLine::default(), &opts).unwrap();
        // Same selection with the cuts hidden behind a negation: no bounds.
        let mut brute_sel = sel.clone();
        brute_sel.cuts = crate::analysis::selection::Expr::Not(Box::new(
            crate::analysis::selection::Expr::Not(Box::new(sel.cuts.clone())),
        ));
        let brute = estimate(&tracks, &brute_sel, &BeamLine::default(), &opts).unwrap();
        assert_eq!(brute.pairs_evaluated, binned.n_positive * binned.n_negative);
        assert!(binned.pairs_evaluated * 10 < brute.pairs_evaluated);
        for name in ["all", "tight"] {
            assert_eq!(
                binned.regions[name].pairs_used, brute.regions[name].pairs_used,
                "{name}"
            );
            assert!(binned.regions[name].pairs_used > 0);
        }
        // A thin z range with a tiny CDA cut: one slab, cells far smaller than
        // the spread of the tracks (the grid is then capped and coarsened).
        let thin = Selection::from_toml(
            "cuts = \"vertex_z_m > 105 && vertex_z_m < 106 && cda_m < 0.002\"\n[regions.a]\nexpr = \"cda_m < 0.002\"\n",
        )
        .unwrap();
        let b = estimate(&tracks, &thin, &BeamLine::default(), &opts).unwrap();
        let mut brute_thin = thin.clone();
        brute_thin.cuts = crate::analysis::selection::Expr::Not(Box::new(
            crate::analysis::selection::Expr::Not(Box::new(thin.cuts.clone())),
        ));
        let a = estimate(&tracks, &brute_thin, &BeamLine::default(), &opts).unwrap();
        assert_eq!(a.regions["a"].pairs_used, b.regions["a"].pairs_used);
        assert!(b.pairs_evaluated * 100 < a.pairs_evaluated);
    }
}
