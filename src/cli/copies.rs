//! `saidso copies`: the wire copies of the corpus, each group's lead (the
//! earliest), its copies, the outlets that ran it, and what each copy
//! changed (see `saidso::copies`).

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use saidso::copies::{CopyDiff, CopyGroup, ParagraphChange, diff, find_copies};
use saidso::corpus::Article;
use saidso::export::markdown;

use super::format::{Format, FormatArgs, write_csv};
use super::{CorpusArgs, exit_status, output};

#[derive(Debug, Args)]
#[command(after_help = FORMATS)]
pub struct CopiesArgs {
    #[command(flatten)]
    pub output: FormatArgs,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// `--help`: what each format writes.
const FORMATS: &str = "Groups of articles whose bodies are the same story (five-word runs of
their body paragraphs shared: 80 % alike, or the shorter at least 60 % of
the longer and 90 % inside it), largest first. The lead is the earliest by
date, else the first in the corpus; every copy was compared with it.

Formats (--format):
  text      the lead's path and title, \"+N copies\" and the outlets; then
            one line per copy: path, outlet, what it changed
  json      [{\"lead\": ARTICLE, \"copies\": [ARTICLE + {\"rule\", \"jaccard\",
            \"headline\": {\"lead\", \"copy\"} or null, \"paragraphs\": [{\"change\":
            \"cut\"|\"added\"|\"changed\", …}]}], \"outlets\": [...]}], where
            ARTICLE is {\"path\", \"title\", \"outlet\", \"date\"}; --json is the same
  csv       a header row, then one row per article of a group:
            group,role,path,title,outlet,date,rule,jaccard,headline_changed,
            paragraphs_cut,paragraphs_added,paragraphs_changed
  markdown  a table: Group | Role | Title | Outlet | Date | Changes | File

CSV cells that start with = + - or @ get a leading ' so that a spreadsheet
shows them as text instead of running them as a formula.";

/// The `--format csv` columns, one row per article of a group.
const CSV_HEADER: &[&str] = &[
    "group",
    "role",
    "path",
    "title",
    "outlet",
    "date",
    "rule",
    "jaccard",
    "headline_changed",
    "paragraphs_cut",
    "paragraphs_added",
    "paragraphs_changed",
];

/// An article as the records name it.
#[derive(Debug, Serialize)]
struct ArticleRef<'a> {
    path: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    /// ISO 8601, when the date reads as one.
    date: Option<String>,
}

impl<'a> From<&'a Article> for ArticleRef<'a> {
    fn from(a: &'a Article) -> Self {
        ArticleRef {
            path: &a.path,
            title: &a.title,
            outlet: a.source.as_deref(),
            date: a.published().map(|d| d.iso()),
        }
    }
}

#[derive(Debug, Serialize)]
struct HeadlineChange<'a> {
    lead: &'a str,
    copy: &'a str,
}

#[derive(Debug, Serialize)]
struct CopyRecord<'a> {
    #[serde(flatten)]
    article: ArticleRef<'a>,
    rule: &'static str,
    /// Rounded to three places.
    jaccard: f64,
    headline: Option<HeadlineChange<'a>>,
    paragraphs: &'a [ParagraphChange],
}

#[derive(Debug, Serialize)]
struct GroupRecord<'a> {
    lead: ArticleRef<'a>,
    copies: Vec<CopyRecord<'a>>,
    outlets: Vec<&'a str>,
}

/// A group with each copy's differences from the lead.
struct Shown<'a> {
    group: &'a CopyGroup,
    diffs: Vec<CopyDiff>,
}

pub fn run(args: &CopiesArgs) -> anyhow::Result<ExitCode> {
    let corpus = args.corpus.load();
    let articles = &corpus.articles;
    let copies = find_copies(articles);
    let shown: Vec<Shown> = copies
        .groups
        .iter()
        .map(|g| Shown {
            group: g,
            diffs: g
                .copies
                .iter()
                .map(|c| diff(&articles[g.lead], &articles[c.article]))
                .collect(),
        })
        .collect();
    match args.output.format() {
        Format::Json => {
            let records: Vec<GroupRecord> = shown.iter().map(|s| record(s, articles)).collect();
            output::json(&records)?
        }
        Format::Csv => output::to_stdout(|w| write_csv(w, CSV_HEADER, csv_rows(&shown, articles)))?,
        Format::Markdown => output::to_stdout(|w| write_markdown(w, &shown, articles))?,
        Format::Text => output::to_stdout(|w| write_text(w, &shown, articles))?,
    }
    Ok(exit_status(&corpus))
}

fn record<'a>(s: &'a Shown, articles: &'a [Article]) -> GroupRecord<'a> {
    let g = s.group;
    GroupRecord {
        lead: ArticleRef::from(&articles[g.lead]),
        copies: g
            .copies
            .iter()
            .zip(&s.diffs)
            .map(|(c, d)| CopyRecord {
                article: ArticleRef::from(&articles[c.article]),
                rule: c.rule,
                jaccard: (c.jaccard * 1000.0).round() / 1000.0,
                headline: d.headline.as_ref().map(|(lead, copy)| HeadlineChange {
                    lead: lead.as_str(),
                    copy: copy.as_str(),
                }),
                paragraphs: &d.paragraphs,
            })
            .collect(),
        outlets: g.outlets(articles),
    }
}

fn write_text(w: &mut dyn Write, shown: &[Shown], articles: &[Article]) -> std::io::Result<()> {
    for (n, s) in shown.iter().enumerate() {
        let g = s.group;
        let lead = &articles[g.lead];
        if n > 0 {
            writeln!(w)?;
        }
        writeln!(
            w,
            "{}\t{}\t+{} cop{} · {}",
            lead.path,
            lead.title,
            g.copies.len(),
            if g.copies.len() == 1 { "y" } else { "ies" },
            g.outlets(articles).join(", ")
        )?;
        for (c, d) in g.copies.iter().zip(&s.diffs) {
            let a = &articles[c.article];
            writeln!(
                w,
                "  {}\t{}\t{}",
                a.path,
                a.source.as_deref().unwrap_or("(no outlet)"),
                d.summary()
            )?;
        }
    }
    Ok(())
}

fn csv_rows<'a>(
    shown: &'a [Shown],
    articles: &'a [Article],
) -> impl Iterator<Item = Vec<String>> + 'a {
    shown.iter().enumerate().flat_map(move |(n, s)| {
        let g = s.group;
        let row = move |id: usize, role: &str, rule: &str, jaccard: f64, d: Option<&CopyDiff>| {
            let a = &articles[id];
            let [cut, added, changed] = d.map(CopyDiff::counts).unwrap_or_default();
            vec![
                (n + 1).to_string(),
                role.to_string(),
                a.path.clone(),
                a.title.clone(),
                a.source.clone().unwrap_or_default(),
                a.published().map(|d| d.iso()).unwrap_or_default(),
                rule.to_string(),
                format!("{jaccard:.3}"),
                d.is_some_and(|d| d.headline.is_some()).to_string(),
                cut.to_string(),
                added.to_string(),
                changed.to_string(),
            ]
        };
        std::iter::once(row(g.lead, "lead", "", 1.0, None)).chain(
            g.copies
                .iter()
                .zip(&s.diffs)
                .map(move |(c, d)| row(c.article, "copy", c.rule, c.jaccard, Some(d))),
        )
    })
}

fn write_markdown(w: &mut dyn Write, shown: &[Shown], articles: &[Article]) -> std::io::Result<()> {
    writeln!(
        w,
        "| Group | Role | Title | Outlet | Date | Changes | File |"
    )?;
    writeln!(w, "| ---: | --- | --- | --- | --- | --- | --- |")?;
    for (n, s) in shown.iter().enumerate() {
        let g = s.group;
        let members = std::iter::once((g.lead, None)).chain(
            g.copies
                .iter()
                .zip(&s.diffs)
                .map(|(c, d)| (c.article, Some(d))),
        );
        for (id, d) in members {
            let a = &articles[id];
            writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} | {} |",
                n + 1,
                if d.is_none() { "lead" } else { "copy" },
                markdown::table_cell(&a.title),
                markdown::table_cell(a.source.as_deref().unwrap_or("")),
                a.published().map(|d| d.iso()).unwrap_or_default(),
                d.map(CopyDiff::summary).unwrap_or_default(),
                markdown::code(&a.path)
            )?;
        }
    }
    Ok(())
}
