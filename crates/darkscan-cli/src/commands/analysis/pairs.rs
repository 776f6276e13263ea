//! `darkscan analysis pairs`.

use anyhow::Result;
use clap::Args;
use darkscan::analysis::pairs::pairs_from_file;
use std::fmt::Write as _;
use std::path::PathBuf;

/// For each event with exactly two opposite-charge tracks: the vertex (CDA
/// midpoint), the two-track CDA, the invariant mass, dt = t+ - t-, and the
/// pointing of the pair's total momentum to the beam line (cda_tax_m, z_tax_m).
#[derive(Args)]
pub struct Opts {
    /// Event file (CSV, one row per track).
    events: PathBuf,
    #[command(flatten)]
    beam: super::BeamArgs,
    /// Print one JSON object {"pairs":[...]}.
    #[arg(long)]
    json: bool,
    /// Write the pairs to FILE (CSV if it ends in .csv, else the JSON object).
    #[arg(long, conflicts_with = "json")]
    out: Option<PathBuf>,
}

impl Opts {
    pub fn run(&self) -> Result<()> {
        let beam = self.beam.beam()?;
        let pairs = pairs_from_file(&self.events, &beam)?;
        let json = || {
            let list: Vec<serde_json::Value> = pairs
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "event": p.event,
                        "vertex_m": p.vertex_m,
                        "cda_m": p.cda_m,
                        "mass_gev": p.mass_gev,
                        "dt_ns": p.dt_ns,
                        "cda_tax_m": p.cda_tax_m,
                        "z_tax_m": p.z_tax_m,
                    })
                })
                .collect();
            serde_json::json!({ "pairs": list })
        };
        if self.json {
            println!("{}", json());
            return Ok(());
        }
        let mut csv = String::from(
            "event,vertex_x_m,vertex_y_m,vertex_z_m,cda_m,mass_gev,dt_ns,cda_tax_m,z_tax_m\n",
        );
        for p in &pairs {
            let _ = writeln!(
                csv,
                "{},{:?},{:?},{:?},{:?},{:?},{:?},{:?},{:?}",
                p.event,
                p.vertex_m[0],
                p.vertex_m[1],
                p.vertex_m[2],
                p.cda_m,
                p.mass_gev,
                p.dt_ns,
                p.cda_tax_m,
                p.z_tax_m
            );
        }
        match &self.out {
            Some(path) => {
                let is_csv = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
                let text = if is_csv { csv } else { format!("{}\n", json()) };
                darkscan::io::write_atomic(path, text.as_bytes())?;
                eprintln!("wrote {} pairs to {}", pairs.len(), path.display());
            }
            None => print!("{csv}"),
        }
        Ok(())
    }
}
