//! `saidso list`: one record per article.

use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use saidso::corpus::Article;

use saidso::export::markdown;

use super::format::{Format, FormatArgs, write_csv};
use super::{CorpusArgs, exit_status, output};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Text (tab-separated: path, title, byline, words), JSON (--json:
    /// [{"path", "title", "byline", "source", "date", "url", "words",
    /// "paragraphs", "title_derived", "notes"}]), CSV (the same columns but
    /// notes) or a Markdown table.
    #[command(flatten)]
    pub output: FormatArgs,
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
    let records: Vec<ListRecord> = corpus.articles.iter().map(ListRecord::from).collect();
    match args.output.format() {
        Format::Json => output::json(&records)?,
        Format::Csv => {
            output::to_stdout(|w| write_csv(w, CSV_HEADER, records.iter().map(csv_row)))?
        }
        Format::Markdown => output::to_stdout(|w| write_markdown(w, &records))?,
        Format::Text => output::to_stdout(|w| {
            for a in &corpus.articles {
                let by = a.byline.as_deref().or(a.source.as_deref()).unwrap_or("");
                writeln!(w, "{}\t{}\t{}\t{} words", a.path, a.title, by, a.words)?;
            }
            Ok(())
        })?,
    }
    Ok(exit_status(&corpus))
}

/// The `--format csv` columns: the JSON record's, notes left out.
const CSV_HEADER: &[&str] = &[
    "path",
    "title",
    "byline",
    "source",
    "date",
    "url",
    "words",
    "paragraphs",
    "title_derived",
];

fn csv_row(r: &ListRecord) -> Vec<String> {
    let opt = |s: Option<&str>| s.unwrap_or("").to_string();
    vec![
        r.path.to_string(),
        r.title.to_string(),
        opt(r.byline),
        opt(r.source),
        opt(r.date),
        opt(r.url),
        r.words.to_string(),
        r.paragraphs.to_string(),
        r.title_derived.to_string(),
    ]
}

/// A Markdown table: title, byline, words, file.
fn write_markdown(w: &mut dyn std::io::Write, records: &[ListRecord]) -> std::io::Result<()> {
    writeln!(w, "| title | by | words | file |")?;
    writeln!(w, "| --- | --- | ---: | --- |")?;
    for r in records {
        let by = r.byline.or(r.source).unwrap_or("");
        writeln!(
            w,
            "| {} | {} | {} | {} |",
            markdown::table_cell(r.title),
            markdown::table_cell(by),
            r.words,
            markdown::code(r.path)
        )?;
    }
    Ok(())
}
