//! `darkscan stats pvalue`.

use crate::input::json_number;
use anyhow::Result;
use clap::Args;
use darkscan::stats::{pvalues, pvalues_correlated};

/// Background-only p-values: p_excess = P(N ≥ N_obs), p_likelihood =
/// P(L ≤ L_obs). Comma-separated lists give several regions with fully
/// correlated background errors (p_excess then refers to the total count).
#[derive(Args)]
pub struct Opts {
    #[command(flatten)]
    counting: super::CountingArgs,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

impl Opts {
    pub fn run(&self) -> Result<()> {
        let c = self.counting.parse()?;
        let (n, b, d) = (&c.observed, &c.background, &c.background_error);
        let p = if n.len() == 1 {
            pvalues(n[0], b[0], d[0])?
        } else {
            pvalues_correlated(n, b, d)?
        };
        if self.json {
            let v = serde_json::json!({
                "p_excess": json_number(p.p_excess),
                "p_likelihood": json_number(p.p_likelihood),
                "z_one_sided": json_number(p.z_one_sided),
                "z_two_sided": json_number(p.z_two_sided),
            });
            println!("{v}");
        } else {
            let regions = n.len();
            println!("regions        {regions}");
            println!(
                "observed       {}",
                join(&n.iter().map(|&k| k as f64).collect::<Vec<_>>())
            );
            println!("background     {} ± {}", join(b), join(d));
            println!("p_excess       {:.6}   P(N >= N_obs)", p.p_excess);
            println!("p_likelihood   {:.6}   P(L <= L_obs)", p.p_likelihood);
            println!("z_one_sided    {:.4}   Phi^-1(1 - p_excess)", p.z_one_sided);
            println!(
                "z_two_sided    {:.4}   Phi^-1(1 - p_excess/2)",
                p.z_two_sided
            );
        }
        Ok(())
    }
}

fn join(v: &[f64]) -> String {
    v.iter().map(f64::to_string).collect::<Vec<_>>().join(",")
}
