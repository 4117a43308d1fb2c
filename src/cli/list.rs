//! `saidso list`: one record per article.

use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use saidso::corpus::Article;

use super::{CorpusArgs, exit_status, output};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// The `list --json` record: the contract later tests rely on.
#[derive(Debug, Serialize)]
struct ListRecord<'a> {
    path: &'a str,
    title: &'a str,
    byline: Option<&'a str>,
    source: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    words: usize,
    paragraphs: usize,
    title_derived: bool,
    notes: Vec<&'a str>,
}

impl<'a> From<&'a Article> for ListRecord<'a> {
    fn from(a: &'a Article) -> Self {
        ListRecord {
            path: &a.path,
            title: &a.title,
            byline: a.byline.as_deref(),
            source: a.source.as_deref(),
            date: a.date.as_deref(),
            url: a.url.as_deref(),
            words: a.words,
            paragraphs: a.paragraphs.len(),
            title_derived: a.title_derived,
            notes: a.notes.iter().map(|n| n.0.as_str()).collect(),
        }
    }
}

pub fn run(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let corpus = args.corpus.load();
    if args.json {
        let records: Vec<ListRecord> = corpus.articles.iter().map(ListRecord::from).collect();
        output::json(&records)?;
    } else {
        output::to_stdout(|w| {
            for a in &corpus.articles {
                let by = a.byline.as_deref().or(a.source.as_deref()).unwrap_or("");
                writeln!(w, "{}\t{}\t{}\t{} words", a.path, a.title, by, a.words)?;
            }
            Ok(())
        })?;
    }
    Ok(exit_status(&corpus))
}
