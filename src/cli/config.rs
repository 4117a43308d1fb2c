//! `saidso config`: the config file's default text and whereabouts. It
//! does not read the file, so it still works when the file is broken.

use std::path::Path;
use std::process::ExitCode;

use clap::Args;

use saidso::config::ConfigPath;
use saidso::export::terminal::warn;
use saidso::tui::settings::default_config;

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true))]
pub struct ConfigArgs {
    /// Print a config file with every setting at its default, commented.
    #[arg(long, group = "what")]
    pub print_default: bool,
    /// Print the path of the config file that would be read.
    #[arg(long, group = "what")]
    pub path: bool,
}

pub fn run(args: &ConfigArgs, explicit: Option<&Path>) -> anyhow::Result<ExitCode> {
    if args.print_default {
        print!("{}", default_config::text());
        return Ok(ExitCode::SUCCESS);
    }
    let Some(at) = ConfigPath::locate(explicit) else {
        anyhow::bail!("no config location: neither XDG_CONFIG_HOME nor HOME is set");
    };
    println!("{}", at.path.display());
    if !at.path.exists() {
        warn(&format!(
            "{} does not exist{}",
            at.path.display(),
            if at.explicit {
                ""
            } else {
                " (the defaults are in use)"
            }
        ));
    }
    Ok(ExitCode::SUCCESS)
}
