//! `darkscan preset list|show`.

use anyhow::{Result, bail};
use clap::Subcommand;
use darkscan::experiment::search::{self, SearchPreset};

/// The `preset` subcommands.
#[derive(Subcommand)]
pub enum PresetCommand {
    /// List the shipped presets with their descriptions.
    List,
    /// Print a preset's TOML (copy it, edit it, pass the file to `reach`).
    Show {
        /// Preset name.
        name: String,
    },
}

impl PresetCommand {
    /// Runs the subcommand.
    pub fn run(&self) -> Result<()> {
        match self {
            Self::List => {
                for (name, text) in search::shipped() {
                    let p = SearchPreset::parse(text, name)?;
                    println!("{name:<24} {}  [{}]", p.description(), p.reference());
                }
            }
            Self::Show { name } => match search::shipped_text(name) {
                Some(t) => print!("{t}"),
                None => bail!(
                    "unknown preset '{name}'; shipped presets: {}",
                    darkscan::experiment::preset_names().join(", ")
                ),
            },
        }
        Ok(())
    }
}
