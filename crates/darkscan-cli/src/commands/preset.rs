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
                // The name column is as wide as the longest shipped name.
                let shipped = search::shipped();
                let width = shipped.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
                for (name, text) in shipped {
                    let p = SearchPreset::parse(text, name)?;
                    println!("{name:<width$} {}  [{}]", p.description(), p.reference());
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
