//! `saidso quotes`: every quotation and its speaker.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use saidso::corpus::Article;
use saidso::corpus::stream::StreamedArticle;
use saidso::export::markdown;
use saidso::export::terminal::warn;
use saidso::quotes::{ArticleQuotes, Citation, How, Quote, cite::one_line, find_quotes};

use super::format::{Format, FormatArgs, write_csv};
use super::speakers::Found;
use super::{CorpusArgs, exit_status, jsonl, output};

#[derive(Debug, Args)]
#[command(after_help = FORMATS)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub output: FormatArgs,
    /// Only the quotations of this speaker, across the corpus: any name
    /// form seen in any article, or the surname; case and accents ignored.
    /// Articles without any are left out.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Stream: one JSON line per article as it is read (the --json
    /// record, and the input record's "id" and the article's "url" when
    /// there are), in input order, memory bounded by the largest article.
    /// Without paths, JSON Lines on standard input (see the README).
    #[arg(long, conflicts_with_all = ["format", "json", "speaker"])]
    pub jsonl: bool,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// `--help`: what each format writes.
const FORMATS: &str = "Formats (--format):
  text      per article `path — title`, then `Speaker: “…”` per quotation
            (`Speaker (pronoun, via TASS): “…”` where the speaker was
            inferred or the words came through an outlet)
  json      [{\"path\", \"title\", \"quotes\": [{\"text\", \"speaker\", \"role\",
            \"start\", \"end\", \"paragraph\", \"how\", \"via\"}]}]; --json is
            the same. start..end are byte offsets into the file as read
            (after decoding: an invalid byte sequence counts as one U+FFFD);
            for a JSON record, into its title, a blank line and its text
  csv       a header row, then one row per quotation:
            path,title,speaker,role,text,paragraph,start,end,how,via
            (start..end: bytes of the file as read, paragraph an index)
  markdown  per article `## title` and its byline, then each quotation as a
            blockquote `> “…”` with `> — **Speaker**, role (via TASS)`,
            and `*(pronoun)*` where the speaker was not named beside it

how: how the speaker was found: explicit (named in the quotation's own
clause), pronoun (\"he said\"), role (\"the minister said\"), nearby (no
clause understood; the person its sentence or the reported speech just
before names), continued (the speaker of the quotation before carries on),
unnamed (a source the article never names); empty or null without a
speaker. via: the outlet or agency that carried the words (\"TASS quoted
Lavrov as saying\"), when one is named.

CSV cells that start with = + - or @ get a leading ' so that a spreadsheet
shows them as text instead of running them as a formula.";

/// The `quotes --json` record of one article: the contract scripts and the
/// scorer rely on.
#[derive(Debug, Serialize)]
struct ArticleRecord<'a> {
    path: &'a str,
    title: &'a str,
    quotes: Vec<QuoteRecord<'a>>,
}

#[derive(Debug, Serialize)]
struct QuoteRecord<'a> {
    /// The words between the marks. `start..end` are byte offsets into
    /// the file as read (decoded), not into the cleaned text.
    text: &'a str,
    speaker: Option<&'a str>,
    role: Option<&'a str>,
    start: usize,
    end: usize,
    paragraph: usize,
    /// How the speaker was found (`How::label`); null without a speaker.
    how: Option<&'static str>,
    /// The outlet or agency that carried the words.
    via: Option<&'a str>,
}

/// The quotations of one article that the command prints.
struct Selected<'a> {
    article: &'a Article,
    found: &'a ArticleQuotes,
    quotes: Vec<usize>,
}

pub fn run(args: &QuotesArgs) -> anyhow::Result<ExitCode> {
    if args.jsonl {
        return jsonl::run(&args.corpus, jsonl_line);
    }
    let ix = Found::load(&args.corpus);
    // With --speaker, the speaker's quotations across the corpus, under
    // any of their names (the corpus-wide index merges "Sergey Lavrov"
    // and "Sergei Lavrov"). Without it the index is not built.
    let wanted: Option<Vec<Vec<usize>>> = args.speaker.as_ref().map(|name| {
        let index = ix.index();
        let mut per_article = vec![Vec::new(); ix.corpus.articles.len()];
        for s in index.find(name) {
            for r in &index.speakers[s].quotes {
                per_article[r.article].push(r.quote);
            }
        }
        for q in &mut per_article {
            q.sort_unstable();
            q.dedup();
        }
        per_article
    });
    if let (Some(name), Some(w)) = (&args.speaker, &wanted)
        && w.iter().all(Vec::is_empty)
    {
        warn(&format!(
            "no speaker answers to {name:?} (see `saidso speakers`)"
        ));
        return Ok(ExitCode::FAILURE);
    }
    let selected: Vec<Selected> = ix
        .corpus
        .articles
        .iter()
        .zip(&ix.quotes)
        .enumerate()
        .map(|(a, (article, found))| Selected {
            article,
            found,
            quotes: match &wanted {
                None => (0..found.quotes.len()).collect(),
                Some(w) => w[a].clone(),
            },
        })
        .filter(|s| wanted.is_none() || !s.quotes.is_empty())
        .collect();
    match args.output.format() {
        Format::Json => {
            let records: Vec<ArticleRecord> = selected.iter().map(record).collect();
            output::json(&records)?;
        }
        Format::Csv => output::to_stdout(|w| write_csv(w, CSV_HEADER, csv_rows(&selected)))?,
        Format::Markdown => output::to_stdout(|w| {
            for (n, s) in selected.iter().enumerate() {
                if n > 0 {
                    writeln!(w)?;
                }
                write_markdown(w, s)?;
            }
            Ok(())
        })?,
        Format::Text => output::to_stdout(|w| {
            for (n, s) in selected.iter().enumerate() {
                if n > 0 {
                    writeln!(w)?;
                }
                writeln!(w, "{} — {}", s.article.path, s.article.title)?;
                if s.quotes.is_empty() {
                    writeln!(w, "  (no quotations)")?;
                }
                for &i in &s.quotes {
                    let q = &s.found.quotes[i];
                    writeln!(
                        w,
                        "  {}: “{}”",
                        text_who(s.found, q),
                        one_line(q.text(s.article))
                    )?;
                }
            }
            Ok(())
        })?,
    }
    Ok(exit_status(&ix.corpus))
}

/// The `--jsonl` line of one article: its quotations found now, as the
/// `--json` record, with the keys to join it back to its input by.
fn jsonl_line(a: &StreamedArticle, out: &mut dyn Write) -> serde_json::Result<()> {
    let found = find_quotes(&a.article);
    let selected = Selected {
        article: &a.article,
        found: &found,
        quotes: (0..found.quotes.len()).collect(),
    };
    let line = jsonl::Line {
        id: a.id.as_ref(),
        record: StreamedRecord {
            record: record(&selected),
            url: a.article.url.as_deref(),
        },
    };
    serde_json::to_writer(out, &line)
}

/// A `--jsonl` line's record: the `--json` one and the article's address.
#[derive(Serialize)]
struct StreamedRecord<'a> {
    #[serde(flatten)]
    record: ArticleRecord<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// "Sergei Lavrov", "Sergei Lavrov (pronoun, via TASS)", or "—".
fn text_who(found: &ArticleQuotes, q: &Quote) -> String {
    let Some(sp) = found.speaker_of(q) else {
        return "—".to_string();
    };
    let notes: Vec<String> = q
        .how
        .filter(|h| *h != How::Explicit)
        .map(|h| h.label().to_string())
        .into_iter()
        .chain(q.via.as_deref().map(|v| format!("via {}", one_line(v))))
        .collect();
    if notes.is_empty() {
        sp.name.clone()
    } else {
        format!("{} ({})", sp.name, notes.join(", "))
    }
}

fn record<'a>(s: &'a Selected<'a>) -> ArticleRecord<'a> {
    ArticleRecord {
        path: &s.article.path,
        title: &s.article.title,
        quotes: s
            .quotes
            .iter()
            .map(|&i| quote_record(s.article, s.found, &s.found.quotes[i]))
            .collect(),
    }
}

fn quote_record<'a>(
    article: &'a Article,
    found: &'a ArticleQuotes,
    q: &'a Quote,
) -> QuoteRecord<'a> {
    let speaker = found.speaker_of(q);
    QuoteRecord {
        text: q.text(article),
        speaker: speaker.map(|s| s.name.as_str()),
        role: speaker.and_then(|s| s.role.as_deref()),
        start: article.file_offsets.to_file(q.start),
        end: article.file_offsets.to_file(q.end),
        paragraph: q.paragraph,
        how: q.how.filter(|_| speaker.is_some()).map(How::label),
        via: q.via.as_deref(),
    }
}

/// The `--format csv` columns, one row per quotation (as the JSON records).
const CSV_HEADER: &[&str] = &[
    "path",
    "title",
    "speaker",
    "role",
    "text",
    "paragraph",
    "start",
    "end",
    "how",
    "via",
];

fn csv_rows<'a>(selected: &'a [Selected<'a>]) -> impl Iterator<Item = Vec<String>> + 'a {
    selected.iter().flat_map(|s| {
        s.quotes.iter().map(move |&i| {
            let r = quote_record(s.article, s.found, &s.found.quotes[i]);
            vec![
                s.article.path.clone(),
                s.article.title.clone(),
                r.speaker.unwrap_or("").to_string(),
                r.role.unwrap_or("").to_string(),
                r.text.to_string(),
                r.paragraph.to_string(),
                r.start.to_string(),
                r.end.to_string(),
                r.how.unwrap_or("").to_string(),
                r.via.map(one_line).unwrap_or_default(),
            ]
        })
    })
}

/// One article's quotations in Markdown: the title as a heading, the
/// byline, source, date and file, then a blockquote per quotation.
fn write_markdown(w: &mut dyn Write, s: &Selected) -> std::io::Result<()> {
    let a = s.article;
    writeln!(w, "## {}", markdown::heading(&one_line(&a.title)))?;
    writeln!(w)?;
    let mut about: Vec<String> = Vec::new();
    if let Some(b) = &a.byline {
        about.push(format!("By {}", markdown::escape(&one_line(b))));
    }
    for part in [&a.source, &a.date].into_iter().flatten() {
        about.push(markdown::escape(&one_line(part)));
    }
    about.push(markdown::code(&a.path));
    writeln!(w, "{}", about.join(" · "))?;
    if s.quotes.is_empty() {
        writeln!(w)?;
        writeln!(w, "*No quotations.*")?;
    }
    for c in s.quotes.iter().filter_map(|&i| Citation::of(a, s.found, i)) {
        writeln!(w)?;
        write!(w, "{}", markdown::quote_block(&c))?;
    }
    Ok(())
}
