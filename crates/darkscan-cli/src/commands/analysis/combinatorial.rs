//! `darkscan analysis combinatorial`.

use anyhow::{Result, bail};
use clap::Args;
use darkscan::analysis::combinatorial::{CombinatorialOptions, estimate};
use darkscan::analysis::events::open;
use darkscan::analysis::selection::Selection;
use std::path::PathBuf;

/// Combinatorial background: every positive single track paired with every
/// negative one (shifted to a common time), each pair weighted by
/// window/livetime, counted in the regions of a selection.
#[derive(Args)]
pub struct Opts {
    /// Single-track file (CSV, one track per event).
    singles: PathBuf,
    /// Selection TOML (its cuts should bound cda_m and vertex_z_m for speed).
    #[arg(long)]
    selection: PathBuf,
    /// Full width of the coincidence window in ns (|t+ - t-| < window/2).
    #[arg(long, allow_negative_numbers = true)]
    window_ns: f64,
    /// Live time of the single-track sample in s (default: the span of its track times).
    #[arg(long, allow_negative_numbers = true)]
    livetime_s: Option<f64>,
    /// Most single tracks read (bounds memory: about 120 bytes per track).
    #[arg(long, default_value_t = 2_000_000)]
    max_tracks: usize,
    #[command(flatten)]
    beam: super::BeamArgs,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

impl Opts {
    pub fn run(&self) -> Result<()> {
        let sel = Selection::from_file(&self.selection)?;
        let mut reader = open(&self.singles, 1)?;
        let mut tracks = Vec::new();
        while let Some(ev) = reader.next_event()? {
            if tracks.len() >= self.max_tracks {
                bail!(
                    "{}: more than {} single tracks (raise --max-tracks)",
                    self.singles.display(),
                    self.max_tracks
                );
            }
            tracks.extend(ev.tracks);
        }
        if tracks.is_empty() {
            bail!("{}: the file has no tracks", self.singles.display());
        }
        let opts = CombinatorialOptions {
            window_ns: self.window_ns,
            livetime_s: self.livetime_s,
            ..CombinatorialOptions::default()
        };
        let r = estimate(&tracks, &sel, &self.beam.beam()?, &opts)?;
        if self.json {
            let regions: serde_json::Map<String, serde_json::Value> = r
                .regions
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        serde_json::json!({"expected": v.expected, "error": v.error, "pairs_used": v.pairs_used}),
                    )
                })
                .collect();
            let v = serde_json::json!({
                "regions": regions,
                "pair_weight": r.pair_weight,
                "livetime_s": r.livetime_s,
                "n_positive": r.n_positive,
                "n_negative": r.n_negative,
                "pairs_evaluated": r.pairs_evaluated,
            });
            println!("{v}");
            return Ok(());
        }
        println!(
            "{} positive x {} negative tracks, live time {:.6e} s, pair weight {:.6e}, {} pairs evaluated",
            r.n_positive, r.n_negative, r.livetime_s, r.pair_weight, r.pairs_evaluated
        );
        println!(
            "{:<16} {:>14} {:>14} {:>12}",
            "region", "expected", "error", "pairs_used"
        );
        for (name, c) in &r.regions {
            println!(
                "{name:<16} {:>14.6e} {:>14.6e} {:>12}",
                c.expected, c.error, c.pairs_used
            );
        }
        Ok(())
    }
}
