//! The `saidso` binary: parse the command line, run a command or the reader.

use std::process::ExitCode;

use clap::Parser;

mod cli;

use cli::{Cli, Command};

fn main() -> ExitCode {
    saidso::tui::terminal::install_panic_hook();
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::List(args)) => cli::list::run(args),
        Some(Command::Quotes(args)) => cli::quotes::run(args),
        Some(Command::Search(args)) => cli::search::run(args),
        Some(Command::Speakers(args)) => cli::speakers::run(args),
        Some(Command::Compare(args)) => cli::compare::run(args),
        None => saidso::tui::run(cli.corpus.request(), cli.state_dir()).map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("saidso: {e:#}");
            ExitCode::FAILURE
        }
    }
}
