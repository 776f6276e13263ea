//! `darkscan generate …`: toy events in the event-file schema.

use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use darkscan::analysis::events::to_csv;
use darkscan::analysis::generate::{HaloModel, KaonChannel, KaonModel, dump_halo, kaon_decays};
use darkscan::analysis::hepmc3;
use std::path::PathBuf;

/// The `generate` subcommands.
#[derive(Subcommand)]
pub enum GenerateCommand {
    /// Single halo-muon tracks (one per event) for the combinatorial method.
    DumpHalo(HaloOpts),
    /// K+ -> l+ N or K+ -> l+ nu decays (one lepton track per event, with the kaon momentum).
    Kaon(KaonOpts),
    /// Two-track signal events of a beam-dump preset at one (mass, coupling), from the reach's MC.
    DumpSignal(DumpSignalOpts),
}

impl GenerateCommand {
    /// Runs the chosen subcommand.
    pub fn run(&self) -> Result<()> {
        match self {
            Self::DumpHalo(o) => o.run(),
            Self::Kaon(o) => o.run(),
            Self::DumpSignal(o) => o.run(),
        }
    }
}

/// Most events one command generates (samples are built in memory, ≈ 0.2 kB each).
const MAX_EVENTS: u64 = 10_000_000;

fn check_events(n: u64) -> Result<()> {
    if n == 0 || n > MAX_EVENTS {
        bail!("invalid --events value '{n}': expected 1 to {MAX_EVENTS}");
    }
    Ok(())
}

fn write(out: &Option<PathBuf>, text: &str) -> Result<()> {
    match out {
        Some(p) => Ok(darkscan::io::write_atomic(p, text.as_bytes())?),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

/// Halo-muon toy: point at z = 105 m uniform in a 1 m disc, Gaussian slopes
/// (3 mrad), p = 5 GeV + exponential (mean 30 GeV), equal charges, times
/// uniform over events/rate.
#[derive(Args)]
pub struct HaloOpts {
    /// Number of tracks.
    #[arg(long)]
    events: u64,
    /// Seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Single-track rate in Hz (sets the live time events/rate).
    #[arg(long, default_value_t = 1.0e6, allow_negative_numbers = true)]
    rate_hz: f64,
    /// Output file (CSV; default stdout).
    #[arg(long)]
    out: Option<PathBuf>,
}

impl HaloOpts {
    fn run(&self) -> Result<()> {
        check_events(self.events)?;
        let model = HaloModel {
            rate_hz: self.rate_hz,
            ..HaloModel::default()
        };
        model.validate()?;
        write(
            &self.out,
            &to_csv(&dump_halo(&model, self.events, self.seed)),
        )
    }
}

/// Kaon decays in flight: 75 GeV/c K+ (1 % spread), decay z uniform in
/// 105-165 m, two-body decay, Gaussian m2_miss resolution.
#[derive(Args)]
pub struct KaonOpts {
    /// Decay channel: "K+ -> mu+ N", "K+ -> e+ N", "K+ -> mu+ nu" or "K+ -> e+ nu".
    #[arg(long)]
    channel: String,
    /// Mass of N in GeV (ignored for nu).
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    mass: f64,
    /// Number of decays.
    #[arg(long)]
    events: u64,
    /// Seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Gaussian sigma of m2_miss in GeV^2.
    #[arg(long, default_value_t = 1.0e-3, allow_negative_numbers = true)]
    resolution_gev2: f64,
    /// Number of the first event (to append samples to one file).
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    first_event: i64,
    /// Output format: csv (event-file schema, smeared lepton) or hepmc3 (true decay).
    #[arg(long, default_value = "csv")]
    format: String,
    /// Output file (default stdout).
    #[arg(long)]
    out: Option<PathBuf>,
}

impl KaonOpts {
    fn run(&self) -> Result<()> {
        check_events(self.events)?;
        let channel = KaonChannel::parse(&self.channel)?;
        let model = KaonModel {
            m2_resolution_gev2: self.resolution_gev2,
            ..KaonModel::default()
        };
        let mut decays = kaon_decays(&model, channel, self.mass, self.events, self.seed)?;
        for d in &mut decays {
            d.track.event = d.track.event.saturating_add(self.first_event);
        }
        let text = match self.format.as_str() {
            "csv" => to_csv(&decays.iter().map(|d| d.track).collect::<Vec<_>>()),
            "hepmc3" => hepmc3::write(
                &decays
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        hepmc3::kaon_decay_event(
                            self.first_event.saturating_add(i as i64),
                            d,
                            channel,
                        )
                    })
                    .collect::<Vec<_>>(),
            ),
            other => bail!("invalid --format value '{other}': expected csv or hepmc3"),
        };
        write(&self.out, &text)
    }
}

/// Two-track signal events of a beam-dump preset (a shipped name or a TOML
/// file) at one mass and coupling: the preset's model, sources and final
/// state, decays in the fiducial volume, both tracks in the spectrometer
/// acceptance (no pointing cut), toy resolution; the expected number of such
/// events for the preset's exposure is printed on stderr.
#[derive(Args)]
pub struct DumpSignalOpts {
    /// Beam-dump preset name or file.
    #[arg(long)]
    preset: String,
    /// FIP mass in GeV.
    #[arg(long, allow_negative_numbers = true)]
    mass: f64,
    /// Coupling scale (the preset's axis: epsilon, U^2, theta^2, g_agg).
    #[arg(long, allow_negative_numbers = true)]
    coupling: f64,
    /// Number of events.
    #[arg(long)]
    events: u64,
    /// Source calls per production source (more: smoother weights).
    #[arg(long, default_value_t = 100_000)]
    trials: u64,
    /// Seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// csv (the event-file schema) or hepmc3 (the true decays).
    #[arg(long, default_value = "csv")]
    format: String,
    /// Output file (default: standard output).
    #[arg(long)]
    out: Option<PathBuf>,
}

impl DumpSignalOpts {
    fn run(&self) -> Result<()> {
        check_events(self.events)?;
        if self.trials == 0 || self.trials > 10_000_000 {
            bail!(
                "invalid --trials value '{}': expected 1 to 10000000",
                self.trials
            );
        }
        if !matches!(self.format.as_str(), "csv" | "hepmc3") {
            bail!(
                "invalid --format value '{}': expected csv or hepmc3",
                self.format
            );
        }
        let preset = match darkscan::experiment::search::SearchPreset::load(&self.preset)? {
            darkscan::experiment::search::SearchPreset::BeamDump(p) => p,
            _ => bail!(
                "--preset {}: dump-signal needs a beam-dump preset (kind = \"beam-dump\")",
                self.preset
            ),
        };
        let sig = darkscan::analysis::dump_signal::dump_signal(
            &preset,
            self.mass,
            self.coupling,
            self.events as usize,
            self.trials as usize,
            self.seed,
        )?;
        eprintln!(
            "expected {:.4e} such events for {} ({:.3e} POT x efficiency {})",
            sig.expected_events, preset.name, preset.protons_on_target, preset.signal_efficiency
        );
        let text = if self.format == "csv" {
            to_csv(&sig.tracks)
        } else {
            hepmc3::write(&sig.hepmc)
        };
        write(&self.out, &text)
    }
}
