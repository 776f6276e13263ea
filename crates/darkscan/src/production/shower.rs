//! TEMPORARY STUB (replaced by the shower Monte Carlo being merged).
#![allow(missing_docs, dead_code)]
pub struct ShowerConfig {
    pub beam_energy: f64,
    pub primary_is_positron: bool,
    pub e_min: f64,
    pub e_cut: f64,
    pub critical_energy: f64,
    pub depth_x0: f64,
    pub y_min: f64,
    pub n_events: u64,
    pub n_bins: usize,
    pub seed: u64,
}
impl ShowerConfig {
    pub fn new(beam_energy: f64, e_min: f64) -> Self {
        Self {
            beam_energy,
            primary_is_positron: false,
            e_min,
            e_cut: e_min,
            critical_energy: 0.00743,
            depth_x0: 40.0,
            y_min: 1e-4,
            n_events: 100_000,
            n_bins: 200,
            seed: 1,
        }
    }
}
pub struct TrackLengths {
    pub edges: Vec<f64>,
    pub electron: Vec<f64>,
    pub positron: Vec<f64>,
    pub n_events: u64,
}
impl TrackLengths {
    pub fn centers(&self) -> Vec<f64> {
        self.edges
            .windows(2)
            .map(|w| (w[0] * w[1]).sqrt())
            .collect()
    }
}
pub fn simulate(c: &ShowerConfig) -> TrackLengths {
    let n = c.n_bins;
    let r = c.beam_energy / c.e_min;
    let edges: Vec<f64> = (0..=n)
        .map(|i| c.e_min * r.powf(i as f64 / n as f64))
        .collect();
    // primary only, mean energy E0 exp(-4/3 t): dT/dE = 3/(4E)
    let electron = edges
        .windows(2)
        .map(|w| 0.75 * (w[1] / w[0]).ln())
        .collect();
    TrackLengths {
        edges,
        electron,
        positron: vec![0.0; n],
        n_events: c.n_events,
    }
}
