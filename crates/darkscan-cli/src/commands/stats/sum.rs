//! `darkscan stats sum`.

use anyhow::Result;
use clap::Args;
use darkscan::stats::{BackgroundTerm, sum_backgrounds};

/// Add background estimates: central values add, errors add in quadrature; a
/// term '<u' (a 90 % CL upper limit) enters as u ± u/Φ⁻¹(0.90).
#[derive(Args)]
pub struct Opts {
    /// Terms: VALUE, VALUE+-ERROR (or VALUE±ERROR), or '<LIMIT' (quote it).
    #[arg(required = true, allow_negative_numbers = true)]
    terms: Vec<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

impl Opts {
    pub fn run(&self) -> Result<()> {
        let terms = self
            .terms
            .iter()
            .map(|t| t.parse::<BackgroundTerm>())
            .collect::<Result<Vec<_>, _>>()?;
        let s = sum_backgrounds(&terms)?;
        if self.json {
            println!(
                "{}",
                serde_json::json!({ "total": s.total, "error": s.error })
            );
        } else {
            for (text, t) in self.terms.iter().zip(&terms) {
                let (v, e) = t.value_and_error();
                println!("{text:<16} {v:.4} ± {e:.4}");
            }
            println!("{:<16} {:.4} ± {:.4}", "total", s.total, s.error);
        }
        Ok(())
    }
}
