//! `saidso stories`: the articles about one event across outlets, the
//! largest story first, each article with its outlet and date.

use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use saidso::export::markdown;
use saidso::library;
use saidso::quotes::ArticleQuotes;
use saidso::quotes::cite::one_line;
use saidso::statements::{self, Statements, wording};
use saidso::stories::{self, Stories, Story};
use saidso::tui::text::count;

use super::format::{Format, FormatArgs, day_range, write_csv};
use super::speakers::Indexed;
use super::{CorpusArgs, exit_status, output};

#[derive(Debug, Args)]
#[command(after_help = FORMATS)]
pub struct StoriesArgs {
    #[command(flatten)]
    pub output: FormatArgs,
    /// Only stories of at least N articles (1 shows every article).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_articles: usize,
    /// Compare story N (as listed, from 1): its shared statements × its
    /// articles, carried in the most common wording (=), in other words
    /// (~) or not (·).
    #[arg(long, value_name = "N")]
    pub matrix: Option<usize>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// `--help`: what a story is and what each format writes.
const FORMATS: &str = "A story is the articles about one event: grouped by the statements they
share, the likeness of their titles and ledes (rare words weigh most) and
the rare names and speakers they share; two dated articles more than three
days apart are never one story. The largest stories come first, then the
most recent; articles are earliest first.

Formats (--format):
  text      per story: its size, outlets, dates and lead title; then each
            article with its outlet, date and title, and the statements
            its articles share
  json      [{\"title\", \"outlets\", \"first\", \"last\", \"articles\":
            [{\"path\", \"outlet\", \"date\", \"title\"}], \"statements\":
            [{\"speaker\", \"text\"}]}]; --json is the same
  csv       one row per article: story,size,path,outlet,date,title
  markdown  a heading per story, its articles as a list

CSV cells that start with = + - or @ get a leading ' so that a spreadsheet
shows them as text instead of running them as a formula.";

/// The `--format csv` columns, one row per article.
const CSV_HEADER: &[&str] = &["story", "size", "path", "outlet", "date", "title"];

#[derive(Debug, Serialize)]
struct StoryRecord<'a> {
    title: &'a str,
    outlets: &'a [String],
    first: Option<String>,
    last: Option<String>,
    articles: Vec<ArticleRecord<'a>>,
    statements: Vec<StatementRecord<'a>>,
}

#[derive(Debug, Serialize)]
struct ArticleRecord<'a> {
    path: &'a str,
    outlet: Option<&'a str>,
    date: Option<String>,
    title: &'a str,
}

#[derive(Debug, Serialize)]
struct StatementRecord<'a> {
    speaker: &'a str,
    /// Its most common wording.
    text: &'a str,
}

pub fn run(args: &StoriesArgs) -> anyhow::Result<ExitCode> {
    let ix = Indexed::load(&args.corpus);
    let refs = library::refs(&ix.quotes);
    let articles = &ix.corpus.articles;
    // What the reader kept for these articles, else built now.
    let stored = library::stored_derived(&args.corpus.request(), articles, &ix.quotes, &ix.index);
    let (statements, built): (_, Stories) = match stored {
        Some((statements, stories, _)) => (statements, stories),
        None => {
            let statements =
                statements::build(articles, &refs, &ix.index, &|| false).unwrap_or_default();
            let stories =
                stories::build(articles, &statements, &ix.index, &|| false).unwrap_or_default();
            (statements, stories)
        }
    };
    let listed = built
        .stories
        .iter()
        .filter(|s| s.articles.len() >= args.min_articles);
    if let Some(n) = args.matrix {
        let count = listed.clone().count();
        let Some(story) = n.checked_sub(1).and_then(|i| listed.clone().nth(i)) else {
            anyhow::bail!("no story {n}: these articles make {count} (see `saidso stories`)");
        };
        let input = super::story_matrix::Input {
            story,
            statements: &statements,
            articles,
            quotes: &refs,
            speakers: &ix.index,
        };
        super::story_matrix::write(&input, args.output.format())?;
        return Ok(exit_status(&ix.corpus));
    }
    let records: Vec<StoryRecord> = listed.map(|s| record(s, &ix, &refs, &statements)).collect();
    write(&records, args.output.format())?;
    Ok(exit_status(&ix.corpus))
}

/// One story as it is written out.
fn record<'a>(
    s: &'a Story,
    ix: &'a Indexed,
    refs: &[&'a ArticleQuotes],
    statements: &'a Statements,
) -> StoryRecord<'a> {
    let articles = &ix.corpus.articles;
    StoryRecord {
        title: &s.title,
        outlets: &s.outlets,
        first: s.first.map(|d| d.iso()),
        last: s.last.map(|d| d.iso()),
        articles: s
            .articles
            .iter()
            .map(|&a| {
                let a = &articles[a];
                ArticleRecord {
                    path: &a.path,
                    outlet: a.source.as_deref(),
                    date: a.published().map(|d| d.iso()),
                    title: &a.title,
                }
            })
            .collect(),
        statements: s
            .statements
            .iter()
            .map(|&st| {
                let st = &statements.statements[st];
                StatementRecord {
                    speaker: &ix.index.speakers[st.speaker].name,
                    text: wording::text(articles, refs, st.renderings[st.common]),
                }
            })
            .collect(),
    }
}

fn write(records: &[StoryRecord], format: Format) -> anyhow::Result<()> {
    match format {
        Format::Json => output::json(&records),
        Format::Csv => output::to_stdout(|w| {
            let rows = records.iter().enumerate().flat_map(|(n, s)| {
                s.articles.iter().map(move |a| {
                    vec![
                        (n + 1).to_string(),
                        s.articles.len().to_string(),
                        a.path.to_string(),
                        a.outlet.unwrap_or("").to_string(),
                        a.date.clone().unwrap_or_default(),
                        a.title.to_string(),
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
                    markdown::heading(&format!("{} — {}", one_line(s.title), summary(s)))
                )?;
                writeln!(w)?;
                for a in &s.articles {
                    writeln!(
                        w,
                        "- {} ({}): {}",
                        markdown::code(a.path),
                        markdown::escape(&place(a)),
                        markdown::escape(&one_line(a.title))
                    )?;
                }
                for st in &s.statements {
                    writeln!(
                        w,
                        "- {}: “{}”",
                        markdown::escape(st.speaker),
                        markdown::escape(&one_line(st.text))
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
                writeln!(w, "{}. {} — {}", n + 1, one_line(s.title), summary(s))?;
                for a in &s.articles {
                    writeln!(w, "   {} ({})", one_line(a.path), place(a))?;
                    writeln!(w, "     {}", one_line(a.title))?;
                }
                for st in &s.statements {
                    writeln!(
                        w,
                        "   said: {} “{}”",
                        one_line(st.speaker),
                        one_line(st.text)
                    )?;
                }
            }
            Ok(())
        }),
    }
}

/// "3 articles, 2 outlets (Ledger, Post), 2024-07-15 to 2024-07-16".
fn summary(s: &StoryRecord) -> String {
    let mut parts = vec![
        count(s.articles.len(), "article"),
        format!(
            "{} ({})",
            count(s.outlets.len(), "outlet"),
            one_line(&s.outlets.join(", "))
        ),
    ];
    parts.extend(day_range(s.first.as_deref(), s.last.as_deref()));
    parts.join(", ")
}

/// Outlet and day of an article, as far as known.
fn place(a: &ArticleRecord) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(a.outlet.map(one_line));
    parts.extend(
        a.date
            .as_ref()
            .map(|d| d.get(..10).unwrap_or(d).to_string()),
    );
    if parts.is_empty() {
        "no outlet or date".to_string()
    } else {
        parts.join(", ")
    }
}
