//! `darkscan completions SHELL`: shell completion scripts generated from the
//! clap definitions (clap_complete), so they never drift from the CLI.

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

/// Print a completion script for SHELL on stdout.
///
/// bash: `darkscan completions bash > ~/.local/share/bash-completion/completions/darkscan`;
/// zsh: `darkscan completions zsh > ~/.zfunc/_darkscan` (with `fpath+=~/.zfunc`);
/// fish: `darkscan completions fish > ~/.config/fish/completions/darkscan.fish`.
#[derive(Args)]
pub struct Opts {
    /// The shell: bash, zsh, fish, elvish or powershell.
    shell: Shell,
}

impl Opts {
    pub fn run(&self) -> Result<()> {
        let mut cmd = crate::Cli::command();
        clap_complete::generate(self.shell, &mut cmd, "darkscan", &mut std::io::stdout());
        Ok(())
    }
}
