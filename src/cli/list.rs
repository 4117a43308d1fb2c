//! `saidso list`: one record per article.

use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use saidso::corpus::Article;
use saidso::corpus::stream::StreamedArticle;
use saidso::export::markdown;

use super::format::{Format, FormatArgs, write_csv};
use super::{CorpusArgs, exit_status, jsonl, output};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Text (tab-separated: path, title, byline, words), JSON (--json:
    /// [{"path", "title", "byline", "outlet", "date" (ISO 8601),
    /// "date_text" (as written), "url", "words", "paragraphs",
    /// "title_derived", "notes"}, and "text" with --text]),
    /// CSV (the same columns but notes) or a Markdown table.
    #[command(flatten)]
    pub output: FormatArgs,
    /// With --json or --format csv: each article's text too, as the reader
    /// shows it (boilerplate and repeats left out, headline and byline
    /// apart), paragraphs separated by a blank line.
    #[arg(long)]
    pub text: bool,
    /// Stream: one JSON line per article as it is read (the --json
    /// record, and the input record's "id" when it has one), in input
    /// order, memory bounded by the largest article. Without paths, JSON
    /// Lines on standard input (see the README).
    #[arg(long, conflicts_with_all = ["format", "json"])]
    pub jsonl: bool,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// The `list --json` record: the contract later tests rely on.
#[derive(Debug, Serialize)]
struct ListRecord<'a> {
    path: &'a str,
    title: &'a str,
    byline: Option<&'a str>,
    /// The outlet (site, feed or publisher name).
    outlet: Option<&'a str>,
    /// ISO 8601 (`2024-07-15T20:24:59Z`, or `2024-07-15` when the source
    /// gives no time and zone); null when there is none or it does not
    /// read as a date.
    date: Option<String>,
    /// The date as the source wrote it.
    date_text: Option<&'a str>,
    url: Option<&'a str>,
    words: usize,
    paragraphs: usize,
    title_derived: bool,
    notes: Vec<&'a str>,
    /// Only with `--text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

impl<'a> From<&'a Article> for ListRecord<'a> {
    fn from(a: &'a Article) -> Self {
        ListRecord {
            path: &a.path,
            title: &a.title,
            byline: a.byline.as_deref(),
            outlet: a.source.as_deref(),
            date: a.published().map(|d| d.iso()),
            date_text: a.date.as_deref(),
            url: a.url.as_deref(),
            words: a.words,
            paragraphs: a.paragraphs.len(),
            title_derived: a.title_derived,
            notes: a.notes.iter().map(|n| n.text.as_str()).collect(),
            text: None,
        }
    }
}

pub fn run(args: &ListArgs) -> anyhow::Result<ExitCode> {
    if args.jsonl {
        return jsonl::run(
            &args.corpus,
            if args.text {
                jsonl_line_with_text
            } else {
                jsonl_line
            },
        );
    }
    let format = args.output.format();
    if args.text && !matches!(format, Format::Json | Format::Csv) {
        saidso::export::terminal::warn("--text goes with --json or --format csv");
        return Ok(ExitCode::from(2));
    }
    let corpus = args.corpus.load();
    let records: Vec<ListRecord> = corpus
        .articles
        .iter()
        .map(|a| ListRecord {
            text: args.text.then(|| a.shown_text()),
            ..ListRecord::from(a)
        })
        .collect();
    match format {
        Format::Json => output::json(&records)?,
        Format::Csv => output::to_stdout(|w| {
            let header: Vec<&str> = CSV_HEADER
                .iter()
                .copied()
                .chain(args.text.then_some("text"))
                .collect();
            write_csv(w, &header, records.iter().map(csv_row))
        })?,
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

/// The `--jsonl` line of one article: the `--json` record.
fn jsonl_line(a: &StreamedArticle, out: &mut dyn std::io::Write) -> serde_json::Result<()> {
    let line = jsonl::Line {
        id: a.id.as_ref(),
        record: ListRecord::from(&a.article),
    };
    serde_json::to_writer(out, &line)
}

/// The same with `--text`.
fn jsonl_line_with_text(
    a: &StreamedArticle,
    out: &mut dyn std::io::Write,
) -> serde_json::Result<()> {
    let line = jsonl::Line {
        id: a.id.as_ref(),
        record: ListRecord {
            text: Some(a.article.shown_text()),
            ..ListRecord::from(&a.article)
        },
    };
    serde_json::to_writer(out, &line)
}

/// The `--format csv` columns: the JSON record's, notes left out.
const CSV_HEADER: &[&str] = &[
    "path",
    "title",
    "byline",
    "outlet",
    "date",
    "date_text",
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
        opt(r.outlet),
        opt(r.date.as_deref()),
        opt(r.date_text),
        opt(r.url),
        r.words.to_string(),
        r.paragraphs.to_string(),
        r.title_derived.to_string(),
    ]
    .into_iter()
    .chain(r.text.clone())
    .collect()
}

/// A Markdown table: title, byline, words, file.
fn write_markdown(w: &mut dyn std::io::Write, records: &[ListRecord]) -> std::io::Result<()> {
    writeln!(w, "| title | by | words | file |")?;
    writeln!(w, "| --- | --- | ---: | --- |")?;
    for r in records {
        let by = r.byline.or(r.outlet).unwrap_or("");
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
