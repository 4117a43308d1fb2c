//! `saidso quotes`: every quotation and its speaker.

use std::process::ExitCode;

use clap::Args;

use super::CorpusArgs;

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Print JSON: [{"path", "title", "quotes": [{"text", "speaker", "role", "start", "end", "paragraph"}]}].
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

pub fn run(_args: &QuotesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the quotes command is not built yet")
}
