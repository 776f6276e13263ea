//! `darkscan stats limit`.

use crate::input::confidence_level;
use anyhow::{Result, bail};
use clap::Args;
use darkscan::stats::{DEFAULT_CL, LimitMethod, upper_limit};

/// Upper limit on the signal mean for an observed count and a background
/// b ± δ (Gaussian prior truncated at 0).
#[derive(Args)]
pub struct Opts {
    #[command(flatten)]
    counting: super::CountingArgs,
    /// Limit construction: classical (Neyman), cls, or fc (Feldman–Cousins).
    #[arg(long, default_value = "cls")]
    method: LimitMethod,
    /// Confidence level, in (0, 1).
    #[arg(long, default_value_t = DEFAULT_CL, allow_negative_numbers = true)]
    cl: f64,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

impl Opts {
    pub fn run(&self) -> Result<()> {
        let c = self.counting.parse()?;
        let (n, b, d) = match (
            c.observed.as_slice(),
            c.background.as_slice(),
            c.background_error.as_slice(),
        ) {
            ([n], [b], [d]) => (vec![*n], *b, *d),
            _ => bail!("limits take one region: give single values to --observed and --background"),
        };
        let cl = confidence_level(self.cl)?;
        let ul = upper_limit(self.method, n[0], b, d, cl)?;
        if self.json {
            let v = serde_json::json!({
                "upper_limit": ul,
                "method": self.method.name(),
                "cl": cl,
            });
            println!("{v}");
        } else {
            println!("observed      {}", n[0]);
            println!("background    {b} ± {d}");
            println!("method        {}", self.method);
            println!("cl            {cl}");
            println!("upper_limit   {ul:.6}   (signal events)");
        }
        Ok(())
    }
}
