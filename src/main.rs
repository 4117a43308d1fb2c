//! The `saidso` binary: parse the command line, run a command or the reader.
//!
//! The config file is checked before anything runs, the terminal included,
//! so a broken file stops every command alike (status 2). Headless
//! commands take only the corpus paths from it; only the reader builds its
//! settings (theme, keymap) from the checked file.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::process::ExitCode;

use clap::Parser;

mod cli;

use cli::{Cli, Command};
use saidso::config;
use saidso::export::terminal::warn;
use saidso::tui::settings::{Settings, vocabulary};

fn main() -> ExitCode {
    saidso::tui::terminal::install_panic_hook();
    let mut cli = Cli::parse();
    if cli.no_cache {
        saidso::corpus::cache::disable();
    }
    // A word that is neither a path nor a command: a usage error (2).
    if cli.command.is_none()
        && let Some(message) = cli::mistyped::check(&cli.corpus.paths)
    {
        warn(&message);
        return ExitCode::from(2);
    }
    // `saidso config` does not read the file (and must work when it is
    // broken).
    if let Some(Command::Config(args)) = &cli.command {
        return report(cli::config::run(args, cli.config.as_deref()));
    }
    let checked = match config::read(cli.config.as_deref(), &vocabulary()) {
        Ok(c) => c,
        Err(errors) => {
            for e in errors {
                warn(&e.to_string());
            }
            return ExitCode::from(2);
        }
    };
    if let Some(corpus) = cli.corpus_mut() {
        if let Some(given) = corpus.newsboat.take() {
            match cli::newsboat::cache_path(given) {
                Ok(path) => corpus.paths.push(path),
                Err(message) => {
                    warn(&message);
                    return ExitCode::from(2);
                }
            }
        }
        // Nothing named: what is piped in (`cat story.txt | saidso`), else
        // the config's paths, else the bundled articles.
        if corpus.paths.is_empty() {
            if cli::stdin::piped() {
                corpus.paths.push("-".into());
            } else {
                corpus.paths.clone_from(&checked.corpus_paths);
            }
        }
        if let Some(message) = cli::stdin::refuse_terminal(&corpus.paths) {
            warn(&message);
            return ExitCode::from(2);
        }
    }
    report(match &cli.command {
        Some(Command::List(args)) => cli::list::run(args),
        Some(Command::Quotes(args)) => cli::quotes::run(args),
        Some(Command::Search(args)) => cli::search::run(args),
        Some(Command::Speakers(args)) => cli::speakers::run(args),
        Some(Command::Compare(args)) => cli::compare::run(args),
        Some(Command::Statements(args)) => cli::statements::run(args),
        Some(Command::Trace(args)) => cli::statements::run_trace(args),
        Some(Command::Coverage(args)) => cli::coverage::run(args),
        Some(Command::Copies(args)) => cli::copies::run(args),
        Some(Command::Stories(args)) => cli::stories::run(args),
        Some(Command::Config(args)) => cli::config::run(args, cli.config.as_deref()),
        None => saidso::tui::run(
            cli.corpus.request(),
            Settings {
                query: cli.query.clone(),
                ..Settings::from_checked(&checked, config::no_color())
            },
            cli.state_dir(),
        ),
    })
}

/// A command's status, or its error on stderr and status 1.
fn report(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(e) => {
            warn(&format!("{e:#}"));
            ExitCode::FAILURE
        }
    }
}
