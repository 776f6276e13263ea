//! `darkscan man`: the manual page, generated from the clap definitions
//! (clap_mangen).

use anyhow::Result;
use clap::{Args, CommandFactory};

/// Print the darkscan(1) manual page (roff) on stdout.
///
/// Read it with `darkscan man | man -l -`, or install it with
/// `darkscan man > ~/.local/share/man/man1/darkscan.1`.
#[derive(Args)]
pub struct Opts {}

impl Opts {
    pub fn run(&self) -> Result<()> {
        let cmd = crate::Cli::command();
        clap_mangen::Man::new(cmd).render(&mut std::io::stdout())?;
        Ok(())
    }
}
