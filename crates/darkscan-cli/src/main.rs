//! `darkscan`: the command-line interface of the darkscan toolkit.
//!
//! Each subcommand lives in its own module under `commands/` with an `Opts`
//! struct (clap derive) and a `run` method, following PineAPPL's layout. No
//! physics lives here: the commands parse, call the library and print.

mod commands;
mod input;

use clap::Parser;
use std::process::ExitCode;

/// Dark-sector searches at fixed-target experiments (NA62, NA64, ...).
#[derive(Parser)]
#[command(name = "darkscan", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = Cli::parse();
    match cli.command.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line, the whole context chain: "invalid --observed value '-1': ...".
            eprintln!("darkscan: error: {err:#}");
            let io_failure = err.downcast_ref::<std::io::Error>().is_some()
                || err.downcast_ref::<darkscan::io::IoError>().is_some();
            if io_failure {
                ExitCode::from(1)
            } else {
                // Bad input, like clap's own usage errors.
                ExitCode::from(2)
            }
        }
    }
}

/// Rust ignores SIGPIPE, so `darkscan preset list | head -1` would panic on
/// the closed pipe; restore the default action (end quietly), as C tools do.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first in main, before any other thread exists; setting
    // a signal's disposition to SIG_DFL has no other precondition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
