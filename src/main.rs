//! The `saidso` binary: parse the command line, run a command or the reader.

use std::process::ExitCode;

use clap::Parser;

mod cli;

use cli::{Cli, Command};
use saidso::tui::settings::{Settings, no_color_in_env};

fn main() -> ExitCode {
    saidso::tui::terminal::install_panic_hook();
    let mut cli = Cli::parse();
    if cli.no_cache {
        saidso::corpus::cache::disable();
    }
    // The config is checked before anything runs, the terminal included;
    // `saidso config` does not need it (and must work when it is broken).
    let settings = if let Some(Command::Config(_)) = &cli.command {
        None
    } else {
        match Settings::load(cli.config.as_deref(), no_color_in_env()) {
            Ok(s) => Some(s),
            Err(errors) => {
                for e in errors {
                    eprintln!("saidso: {e}");
                }
                return ExitCode::from(2);
            }
        }
    };
    if let (Some(s), Some(corpus)) = (&settings, cli.corpus_mut())
        && corpus.paths.is_empty()
    {
        corpus.paths.clone_from(&s.corpus_paths);
    }
    let result = match &cli.command {
        Some(Command::List(args)) => cli::list::run(args),
        Some(Command::Quotes(args)) => cli::quotes::run(args),
        Some(Command::Search(args)) => cli::search::run(args),
        Some(Command::Speakers(args)) => cli::speakers::run(args),
        Some(Command::Compare(args)) => cli::compare::run(args),
        Some(Command::Config(args)) => cli::config::run(args, cli.config.as_deref()),
        None => saidso::tui::run(
            cli.corpus.request(),
            settings.unwrap_or_else(|| Settings::defaults(no_color_in_env())),
            cli.state_dir(),
        )
        .map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("saidso: {e:#}");
            ExitCode::FAILURE
        }
    }
}
