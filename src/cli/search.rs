//! `saidso search`: the fuzzy filter, headless.

use std::process::ExitCode;

use clap::Args;

use super::CorpusArgs;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query, in fzf's extended syntax.
    pub query: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// At most this many articles.
    #[arg(long)]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

pub fn run(_args: &SearchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the search command is not built yet")
}
