//! `darkscan reach`.

use crate::input::{confidence_level, non_negative};
use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use darkscan::experiment::search::SearchPreset;
use darkscan::reach::{Plane, ReachOptions, ReachResult, log_space};
use darkscan::run_preset;
use darkscan::stats::LimitMethod;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::PathBuf;

/// Output plane.
#[derive(Clone, Copy, ValueEnum)]
enum PlaneArg {
    /// ε versus m_A′.
    Epsilon,
    /// y = ε² α_D (m_χ/m_A′)⁴ versus m_χ.
    Y,
}

/// Exclusion reach of an experiment preset (a shipped name or a TOML file):
/// expected signal on a (mass, coupling) grid, the 90 % CL signal upper limit
/// from the preset's observed count and background, the excluded coupling
/// intervals per mass, and (with --out) tables and plots.
#[derive(Args)]
pub struct Opts {
    /// Preset name (see `darkscan preset list`) or path to a preset TOML file.
    preset: String,
    /// Exposure: particles on target (overrides the preset).
    #[arg(long, allow_negative_numbers = true)]
    exposure: Option<String>,
    /// Masses in GeV: a list `0.001,0.01,0.1` or a log range `lo:hi:n`.
    #[arg(long, allow_negative_numbers = true)]
    masses: Option<String>,
    /// Plane of the limits.
    #[arg(long, value_enum, default_value = "epsilon")]
    plane: PlaneArg,
    /// Dark coupling α_D (y plane and invisible width).
    #[arg(long, allow_negative_numbers = true)]
    alpha_d: Option<f64>,
    /// m_A′/m_χ.
    #[arg(long, allow_negative_numbers = true)]
    mass_ratio: Option<f64>,
    /// Limit method (overrides the preset): cls, classical or fc.
    #[arg(long)]
    method: Option<LimitMethod>,
    /// Observed events (overrides the preset).
    #[arg(long, allow_negative_numbers = true)]
    observed: Option<String>,
    /// Expected background (overrides the preset).
    #[arg(long, allow_negative_numbers = true)]
    background: Option<String>,
    /// Background uncertainty (overrides the preset).
    #[arg(long, allow_negative_numbers = true)]
    background_error: Option<String>,
    /// Confidence level of the limit, in (0, 1) (overrides the preset).
    #[arg(long, allow_negative_numbers = true)]
    cl: Option<f64>,
    /// Write limits.csv, limits.yaml (HEPData), yields.csv, reach.svg and reach.png here.
    #[arg(long)]
    out: Option<PathBuf>,
    /// A published curve to draw over the exclusion in the --out plots
    /// (repeatable): a text file of `mass coupling` lines (space or comma
    /// separated, `#` comments, optional `# label: TEXT` line for the legend).
    #[arg(long, value_name = "FILE")]
    compare: Vec<PathBuf>,
    /// Do not draw the thermal relic targets (scalar, Majorana,
    /// pseudo-Dirac, solved at the plot's α_D and m_A′/m_χ) on the y-plane
    /// plots, nor write relic_targets.csv.
    #[arg(long)]
    no_relic_targets: bool,
    /// Do not draw the (g−2)_μ favoured band (±2σ) on L_μ−L_τ plots, nor
    /// write g2_band.csv.
    #[arg(long)]
    no_g2_band: bool,
    /// Keep a resume cache in the --out directory (.darkscan-resume.jsonl):
    /// a scan stopped by Ctrl-C is continued by the next run with the same
    /// arguments, which reuses the finished masses and writes the same bytes.
    #[arg(long)]
    resume: bool,
    /// Kaon-mode presets: the expected sensitivity from first principles
    /// (K⁺-decay-in-flight acceptance, the preset's [expected] inputs)
    /// instead of the published limits re-expressed.
    #[arg(long)]
    expected: bool,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
    /// Show progress even with --json.
    #[arg(short, long)]
    verbose: bool,
}

/// Parses `--masses`: a comma list or `lo:hi:n` (log-spaced).
fn parse_masses(text: &str) -> Result<Vec<f64>> {
    if text.contains(':') {
        let parts: Vec<&str> = text.split(':').collect();
        if parts.len() != 3 {
            bail!("invalid --masses value '{text}': expected lo:hi:n or a comma-separated list");
        }
        let lo = mass(parts[0])?;
        let hi = mass(parts[1])?;
        let n: usize = parts[2]
            .trim()
            .parse()
            .ok()
            .filter(|&n| n >= 1)
            .with_context(|| {
                format!(
                    "invalid --masses count '{}': expected a positive integer",
                    parts[2]
                )
            })?;
        if hi < lo {
            bail!("invalid --masses value '{text}': hi < lo");
        }
        darkscan::experiment::bounds::check_mass_count("command line", "--masses", n)?;
        return Ok(log_space(lo, hi, n));
    }
    let masses = text.split(',').map(mass).collect::<Result<Vec<_>>>()?;
    darkscan::experiment::bounds::check_mass_count("command line", "--masses", masses.len())?;
    Ok(masses)
}

fn mass(t: &str) -> Result<f64> {
    let t = t.trim();
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => bail!("invalid mass '{t}' in --masses: expected a positive number in GeV"),
    }
}

impl Opts {
    pub fn run(&self) -> Result<()> {
        let cl = self.cl.map(confidence_level).transpose()?;
        // Reference curves are read first: a bad file fails before the scan.
        if !self.compare.is_empty() && self.out.is_none() {
            anyhow::bail!("--compare draws on the --out plots: give --out DIR as well");
        }
        let references = self
            .compare
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| anyhow::anyhow!("--compare {}: {e}", path.display()))?;
                let label = path
                    .file_stem()
                    .map_or_else(|| "reference".into(), |s| s.to_string_lossy().into_owned());
                darkscan::plot::ReferenceCurve::parse(&text, &label)
                    .map_err(|e| anyhow::anyhow!("--compare {}: {e}", path.display()))
            })
            .collect::<Result<Vec<_>>>()?;
        let preset = SearchPreset::load(&self.preset)?;
        let exposure = match &self.exposure {
            Some(t) => {
                let v = non_negative("--exposure", t)?;
                if v == 0.0 {
                    bail!("invalid --exposure value '{t}': must be positive");
                }
                Some(v)
            }
            None => None,
        };
        let observed = match &self.observed {
            Some(t) => match crate::input::counts("--observed", t)?.as_slice() {
                [n] => Some(*n),
                _ => bail!("invalid --observed value '{t}': reach takes one count"),
            },
            None => None,
        };
        let opts = ReachOptions {
            exposure,
            masses: self.masses.as_deref().map(parse_masses).transpose()?,
            plane: match self.plane {
                PlaneArg::Epsilon => Plane::Epsilon,
                PlaneArg::Y => Plane::Y,
            },
            cl,
            alpha_d: self.alpha_d,
            mass_ratio: self.mass_ratio,
            method: self.method,
            observed,
            background: self
                .background
                .as_deref()
                .map(|t| non_negative("--background", t))
                .transpose()?,
            background_error: self
                .background_error
                .as_deref()
                .map(|t| non_negative("--background-error", t))
                .transpose()?,
            expected_sensitivity: self.expected,
            resume_file: match (&self.out, self.resume) {
                (Some(dir), true) => Some(dir.join(".darkscan-resume.jsonl")),
                (None, true) => {
                    bail!("--resume keeps its cache in the --out directory: give --out DIR as well")
                }
                _ => None,
            },
        };
        let (name, scan_masses) = (preset.name().to_string(), preset.n_masses());
        let n_masses = opts.masses.as_ref().map_or(scan_masses, Vec::len);
        let bar = ProgressBar::new(n_masses as u64);
        if self.json && !self.verbose {
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} masses ({elapsed})")
                .expect("static template")
                .progress_chars("=> "),
        );
        bar.set_message(format!("reach {name}"));
        let progress = |done: usize| bar.set_position(done as u64);
        let result = run_preset(&self.preset, &preset, &opts, &progress)?;
        bar.finish_and_clear();
        if let Some(dir) = &self.out {
            let (overlays, tables) = crate::commands::reach_overlays::compute(
                &preset,
                &result,
                &crate::commands::reach_overlays::Choice {
                    alpha_d: self.alpha_d,
                    mass_ratio: self.mass_ratio,
                    relic_targets: !self.no_relic_targets,
                    g2_band: !self.no_g2_band,
                },
            );
            let mut files = darkscan::io::write_reach_outputs_with_overlays(
                &result,
                dir,
                &darkscan::plot::default_title(&result),
                &references,
                &overlays,
            )?;
            for (name, text) in tables {
                let path = dir.join(name);
                darkscan::io::write_atomic(&path, text.as_bytes())?;
                files.push(path);
            }
            if !self.json {
                for f in files {
                    eprintln!("wrote {}", f.display());
                }
            }
        }
        if self.json {
            println!("{}", serde_json::to_string(&result)?);
        } else {
            print_table(&result);
        }
        Ok(())
    }
}

fn print_table(r: &ReachResult) {
    println!("preset              {}", r.preset);
    println!("model               {}", r.model);
    println!("exposure            {:.4e}", r.exposure);
    println!("signal upper limit  {:.4} events", r.signal_upper_limit);
    println!("coupling            {}", r.coupling_label());
    println!("{:>14}  {:>12}  {:>12}", r.mass_label(), "lower", "upper");
    for l in &r.limits {
        if l.excluded.is_empty() {
            println!("{:>14.6e}  {:>12}  {:>12}", l.mass, "-", "-");
        }
        for (lo, hi) in &l.excluded {
            let hi = hi.map_or("open".to_string(), |h| format!("{h:.4e}"));
            println!("{:>14.6e}  {:>12.4e}  {:>12}", l.mass, lo, hi);
        }
    }
}
