//! `saidso statements` (every statement, carried by the most outlets
//! first) and `saidso trace TEXT` (the statement a piece of text belongs
//! to): each rendering with its outlet, date, carrier and the word diff
//! against the most common wording.

use std::process::ExitCode;

use clap::Args;
use rayon::prelude::*;
use serde::Serialize;

use saidso::compare::render_word_diff;
use saidso::export::markdown;
use saidso::library;
use saidso::quotes::cite::one_line;
use saidso::quotes::{ArticleQuotes, QuoteRef};
use saidso::statements::{self, Statement, Statements, wording};
use saidso::tui::text::count;

use super::format::{Format, FormatArgs, day_range, write_csv};
use super::speakers::Indexed;
use super::{CorpusArgs, exit_status, output};

#[derive(Debug, Args)]
#[command(after_help = FORMATS)]
pub struct StatementsArgs {
    #[command(flatten)]
    pub output: FormatArgs,
    /// Only the statements of the speaker answering to NAME (a name, an
    /// alias or a surname).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only statements carried by at least N outlets.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_outlets: usize,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

#[derive(Debug, Args)]
#[command(after_help = FORMATS)]
pub struct TraceArgs {
    /// A piece of the statement, in any outlet's wording.
    #[arg(value_name = "TEXT")]
    pub text: String,
    #[command(flatten)]
    pub output: FormatArgs,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// `--help`: what each format writes.
const FORMATS: &str = "A statement is one thing one named speaker said, as every article that
quotes it renders it: their quotations grouped where the wording aligns
(a partial quotation joins the whole; another translation joins when
enough content words agree). Statements carried by the most outlets come
first; renderings are earliest first where the articles give a date.

Formats (--format):
  text      per statement: the speaker, outlets, dates and carriers; then
            each rendering with its article, outlet and date, as a word
            diff against the most common wording ([-left out-] {+put in+})
  json      [{\"speaker\", \"outlets\", \"articles\", \"first\", \"last\",
            \"carriers\", \"common\", \"renderings\": [{\"path\", \"outlet\",
            \"date\", \"via\", \"quote\", \"text\", \"diff\", \"part\"}]}];
            a part of the statement has no diff; --json is the
            same (trace: one object, with \"similarity\")
  csv       one row per rendering: statement,speaker,path,outlet,date,via,
            common,part,text,diff
  markdown  a heading per statement, its renderings as a list

CSV cells that start with = + - or @ get a leading ' so that a spreadsheet
shows them as text instead of running them as a formula.";

/// The `--format csv` columns, one row per rendering.
const CSV_HEADER: &[&str] = &[
    "statement",
    "speaker",
    "path",
    "outlet",
    "date",
    "via",
    "common",
    "part",
    "text",
    "diff",
];

#[derive(Debug, Serialize)]
struct StatementRecord<'a> {
    speaker: &'a str,
    outlets: &'a [String],
    articles: usize,
    first: Option<String>,
    last: Option<String>,
    carriers: &'a [String],
    /// The most common wording.
    common: &'a str,
    renderings: Vec<RenderingRecord<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    similarity: Option<f32>,
}

#[derive(Debug, Serialize)]
struct RenderingRecord<'a> {
    path: &'a str,
    outlet: Option<&'a str>,
    date: Option<String>,
    via: Option<&'a str>,
    /// Index of the quotation in the article (as `saidso quotes` counts).
    quote: usize,
    text: &'a str,
    /// Against the most common wording; empty for that wording itself
    /// and for a part of the statement.
    diff: String,
    /// Quotes only a part of the statement.
    part: bool,
}

/// The corpus, its speakers and its statements.
struct Built {
    ix: Indexed,
    statements: Statements,
}

impl Built {
    fn load(args: &CorpusArgs) -> Built {
        let ix = Indexed::load(args);
        let stored =
            library::stored_derived(&args.request(), &ix.corpus.articles, &ix.quotes, &ix.index);
        let statements = match stored {
            Some((statements, _, _)) => statements,
            None => {
                let refs = library::refs(&ix.quotes);
                statements::build(&ix.corpus.articles, &refs, &ix.index, &|| false)
                    .unwrap_or_default()
            }
        };
        Built { ix, statements }
    }

    fn refs(&self) -> Vec<&ArticleQuotes> {
        library::refs(&self.ix.quotes)
    }

    /// `refs`: [`Self::refs`], made once by the caller (it is one pointer
    /// per article, and there is a record per statement).
    fn record<'a>(
        &'a self,
        refs: &[&'a ArticleQuotes],
        s: &'a Statement,
        similarity: Option<f32>,
    ) -> StatementRecord<'a> {
        let articles = &self.ix.corpus.articles;
        let common = s.renderings[s.common];
        let renderings = s
            .renderings
            .iter()
            .map(|&r| {
                let a = &articles[r.article];
                let q = &self.ix.quotes[r.article].quotes[r.quote];
                RenderingRecord {
                    path: &a.path,
                    outlet: a.source.as_deref(),
                    date: a.published().map(|d| d.iso()),
                    via: q.via.as_deref(),
                    quote: r.quote,
                    text: wording::text(articles, refs, r),
                    diff: self.diff(refs, common, r),
                    part: wording::is_part(articles, refs, common, r),
                }
            })
            .collect();
        StatementRecord {
            speaker: &self.ix.index.speakers[s.speaker].name,
            outlets: &s.outlets,
            articles: s.articles,
            first: s.first.map(|d| d.iso()),
            last: s.last.map(|d| d.iso()),
            carriers: &s.carriers,
            common: wording::text(articles, refs, common),
            renderings,
            similarity,
        }
    }

    /// The word diff of a rendering against the common wording, marked as
    /// `git diff --word-diff` does; empty for the common wording itself.
    fn diff(&self, refs: &[&ArticleQuotes], common: QuoteRef, r: QuoteRef) -> String {
        let articles = &self.ix.corpus.articles;
        if r == common || wording::is_part(articles, refs, common, r) {
            return String::new();
        }
        let (left, right) = (
            wording::text(articles, refs, common),
            wording::text(articles, refs, r),
        );
        render_word_diff(
            left,
            right,
            &wording::against_common(articles, refs, common, r),
        )
    }
}

pub fn run(args: &StatementsArgs) -> anyhow::Result<ExitCode> {
    let built = Built::load(&args.corpus);
    let speakers = match &args.speaker {
        Some(name) => {
            let found = built.ix.index.find(name);
            if found.is_empty() {
                anyhow::bail!("no speaker answers to {name:?} (see `saidso speakers`)");
            }
            Some(found)
        }
        None => None,
    };
    let refs = built.refs();
    // Each record's word diffs on their own, in parallel, kept in order.
    let records: Vec<StatementRecord> = built
        .statements
        .statements
        .par_iter()
        .filter(|s| speakers.as_ref().is_none_or(|f| f.contains(&s.speaker)))
        .filter(|s| s.outlets.len() >= args.min_outlets)
        .map(|s| built.record(&refs, s, None))
        .collect();
    write(&records, args.output.format(), false)?;
    Ok(exit_status(&built.ix.corpus))
}

pub fn run_trace(args: &TraceArgs) -> anyhow::Result<ExitCode> {
    let built = Built::load(&args.corpus);
    let refs = built.refs();
    let Some(found) = statements::trace(
        &args.text,
        &built.ix.corpus.articles,
        &refs,
        &built.statements,
    ) else {
        saidso::export::terminal::warn(&format!(
            "no statement in these articles is like {:?}",
            one_line(&args.text)
        ));
        return Ok(ExitCode::FAILURE);
    };
    let s = &built.statements.statements[found.statement];
    let record = built.record(&refs, s, Some(found.similarity));
    write(std::slice::from_ref(&record), args.output.format(), true)?;
    Ok(exit_status(&built.ix.corpus))
}

/// Write the statements in `format`; `one` writes a JSON object, not a
/// list (`trace`).
fn write(records: &[StatementRecord], format: Format, one: bool) -> anyhow::Result<()> {
    match format {
        Format::Json if one => output::json(&records[0]),
        Format::Json => output::json(&records),
        Format::Csv => output::to_stdout(|w| {
            let rows = records.iter().enumerate().flat_map(|(n, s)| {
                s.renderings.iter().map(move |r| {
                    vec![
                        (n + 1).to_string(),
                        s.speaker.to_string(),
                        r.path.to_string(),
                        r.outlet.unwrap_or("").to_string(),
                        r.date.clone().unwrap_or_default(),
                        r.via.unwrap_or("").to_string(),
                        (r.text == s.common && r.diff.is_empty()).to_string(),
                        r.part.to_string(),
                        r.text.to_string(),
                        r.diff.clone(),
                    ]
                })
            });
            write_csv(w, CSV_HEADER, rows)
        }),
        Format::Markdown => output::to_stdout(|w| {
            for (n, s) in records.iter().enumerate() {
                if n > 0 {
                    writeln!(w)?;
                }
                writeln!(
                    w,
                    "### {}",
                    markdown::heading(&format!("{} — {}", s.speaker, summary(s)))
                )?;
                writeln!(w)?;
                for r in &s.renderings {
                    writeln!(
                        w,
                        "- {} ({}): “{}”",
                        markdown::code(r.path),
                        markdown::escape(&one_line(&place(r))),
                        markdown::escape(&one_line(r.text))
                    )?;
                }
            }
            Ok(())
        }),
        Format::Text => output::to_stdout(|w| {
            for (n, s) in records.iter().enumerate() {
                if n > 0 {
                    writeln!(w)?;
                }
                writeln!(w, "{}. {} — {}", n + 1, one_line(s.speaker), summary(s))?;
                for r in &s.renderings {
                    let words = if r.diff.is_empty() { r.text } else { &r.diff };
                    writeln!(w, "   {} ({})", one_line(r.path), one_line(&place(r)))?;
                    writeln!(w, "     “{}”", one_line(words))?;
                }
            }
            Ok(())
        }),
    }
}

/// "2 outlets, 3 articles, 2022-03-30 to 2022-04-01, via TASS".
fn summary(s: &StatementRecord) -> String {
    let mut parts = vec![
        count(s.outlets.len(), "outlet"),
        count(s.articles, "article"),
    ];
    parts.extend(day_range(s.first.as_deref(), s.last.as_deref()));
    if !s.carriers.is_empty() {
        parts.push(format!("via {}", s.carriers.join(", ")));
    }
    if let Some(sim) = s.similarity {
        parts.push(format!("similarity {sim:.2}"));
    }
    parts.join(", ")
}

/// Where a rendering ran: outlet, date and carrier, as far as known.
fn place(r: &RenderingRecord) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(r.outlet.map(str::to_string));
    parts.extend(
        r.date
            .as_ref()
            .map(|d| d.get(..10).unwrap_or(d).to_string()),
    );
    parts.extend(r.via.map(|v| format!("via {v}")));
    if r.part {
        parts.push("a part".to_string());
    }
    if parts.is_empty() {
        "no outlet or date".to_string()
    } else {
        parts.join(", ")
    }
}
