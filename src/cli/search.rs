//! `saidso search`: the fuzzy filter, headless.

use std::io::{IsTerminal, Write};
use std::ops::Range;
use std::process::ExitCode;

use clap::Args;
use rayon::prelude::*;
use serde::Serialize;

use saidso::corpus::{Article, Corpus};
use saidso::export::markdown;
use saidso::export::terminal::{visible, visible_line};
use saidso::library;
use saidso::quotes::cite::one_line;
use saidso::search::{ArticleHit, Matcher, Query, Scope, article_matches, parse, search_with};

use super::format::{Format, FormatArgs, write_csv};
use super::{CorpusArgs, output};

#[derive(Debug, Args)]
#[command(
    after_help = "Query syntax (fzf's): terms separated by spaces must all match, \
    each in any paragraph; 'word exact, ^word paragraph start, word$ paragraph end, \
    !word excludes, a | b either, @name only paragraphs quoting a speaker whose name \
    fuzzy-matches name. Lower case ignores case; a capital makes the query \
    case-sensitive; accents never matter.\n\nExit status: 0 when something matched, \
    1 when nothing did or a named path could not be read.\n\n\
    Formats (--format), best article first:\n  \
    text      title, path and score, then each matching paragraph with the\n            \
    matches marked\n  \
    json      [{\"path\", \"title\", \"score\", \"matches\": [{\"paragraph\", \"text\",\n            \
    \"indices\"}]}]; --json is the same\n  \
    csv       a header row, then one row per matching paragraph:\n            \
    rank,path,title,score,paragraph,text (rank 1 is the best article)\n  \
    markdown  a numbered list: **title**, path and score, and the best\n            \
    matching paragraph as a snippet with the matches in bold\n\n\
    CSV cells that start with = + - or @ get a leading ' so that a spreadsheet\n\
    shows them as text instead of running them as a formula."
)]
pub struct SearchArgs {
    /// The query, in fzf's extended syntax.
    pub query: String,
    #[command(flatten)]
    pub output: FormatArgs,
    /// At most this many articles.
    #[arg(long)]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// The `search --json` record.
#[derive(Debug, Serialize)]
struct SearchRecord<'a> {
    path: &'a str,
    title: &'a str,
    score: i64,
    matches: Vec<MatchRecord<'a>>,
}

#[derive(Debug, Serialize)]
struct MatchRecord<'a> {
    /// Index into the article's paragraphs.
    paragraph: usize,
    /// The paragraph text.
    text: &'a str,
    /// Char indices in `text` of the matched characters.
    indices: Vec<usize>,
}

pub fn run(args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let (corpus, index) = args.corpus.load_indexed();
    let query = parse(&args.query);
    let scope = speaker_scope(&args.corpus, &corpus, &query);
    let matcher = Matcher::new(query).with_scope(scope);
    let hits = search_with(&index, &matcher, args.limit.unwrap_or(usize::MAX));
    let records: Vec<SearchRecord> = hits
        .par_iter()
        .map(|h| record(&corpus.articles[h.article], h, &matcher))
        .collect();
    match args.output.format() {
        Format::Json => output::json(&records)?,
        Format::Csv => output::to_stdout(|w| write_csv(w, CSV_HEADER, csv_rows(&records)))?,
        Format::Markdown => output::to_stdout(|w| {
            for (n, r) in records.iter().enumerate() {
                write_markdown(w, n + 1, r)?;
            }
            Ok(())
        })?,
        Format::Text => {
            let color = std::io::stdout().is_terminal() && !saidso::config::no_color();
            let write = |w: &mut dyn std::io::Write| {
                for r in &records {
                    write_readable(w, r, color)?;
                }
                Ok(())
            };
            // Coloured output writes its own escapes: its fields are made
            // visible one by one instead.
            if color {
                output::raw(write)?;
            } else {
                output::to_stdout(write)?;
            }
        }
    }
    let failed = corpus.has_fatal_problem() || hits.is_empty();
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// For a query with `@name` terms: who is quoted where, which needs every
/// article's quotations (found only then, on every core).
fn speaker_scope(
    args: &super::CorpusArgs,
    corpus: &Corpus,
    query: &Query,
) -> Option<std::sync::Arc<Scope>> {
    if query.speakers().is_empty() {
        return None;
    }
    let (quotes, index) = super::speakers::quote_and_index(args, &corpus.articles);
    let directory = library::speaker_directory(&index, &library::refs(&quotes));
    Some(std::sync::Arc::new(directory.resolve(query.speakers())))
}

/// An article's record: its matching paragraphs, best first.
fn record<'a>(article: &'a Article, hit: &ArticleHit, matcher: &Matcher) -> SearchRecord<'a> {
    let mut matches = article_matches(article, hit.article, matcher);
    matches.sort_by_key(|m| (std::cmp::Reverse(m.score), m.paragraph));
    SearchRecord {
        path: &article.path,
        title: &article.title,
        score: hit.score,
        matches: matches
            .into_iter()
            .map(|m| {
                let p = &article.paragraphs[m.paragraph];
                let text = &article.text[p.range()];
                MatchRecord {
                    paragraph: m.paragraph,
                    text,
                    indices: char_indices(text, p.start, &m.ranges),
                }
            })
            .collect(),
    }
}

/// Char indices in `text` (which starts at byte `base` of the article) of
/// the characters covered by `ranges` (article byte ranges, sorted).
fn char_indices(text: &str, base: usize, ranges: &[Range<usize>]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut r = ranges.iter().peekable();
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        let at = base + bi;
        while r.peek().is_some_and(|r| r.end <= at) {
            r.next();
        }
        if r.peek().is_some_and(|r| r.start <= at) {
            out.push(ci);
        }
    }
    out
}

/// Title, path and score, then each matching paragraph on one line with
/// the matched characters marked: bold on a terminal, `[…]` otherwise.
fn write_readable(w: &mut dyn Write, r: &SearchRecord, color: bool) -> std::io::Result<()> {
    let (open, close) = if color {
        ("\x1b[1;4m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    writeln!(w, "{}", visible_line(r.title))?;
    writeln!(w, "  {}  score {}", visible_line(r.path), r.score)?;
    for m in &r.matches {
        write!(w, "  ¶{}: ", m.paragraph)?;
        let mut marked = false;
        let mut next = m.indices.iter().peekable();
        // One symbol per control character: the indices still fit.
        for (ci, c) in visible(m.text).chars().enumerate() {
            let hit = next.next_if_eq(&&ci).is_some();
            if hit != marked {
                w.write_all(if hit { open } else { close }.as_bytes())?;
                marked = hit;
            }
            let c = if c == '\n' { ' ' } else { c };
            write!(w, "{c}")?;
        }
        if marked {
            w.write_all(close.as_bytes())?;
        }
        writeln!(w)?;
    }
    writeln!(w)
}

/// The `--format csv` columns, one row per matching paragraph.
const CSV_HEADER: &[&str] = &["rank", "path", "title", "score", "paragraph", "text"];

fn csv_rows<'a>(records: &'a [SearchRecord<'a>]) -> impl Iterator<Item = Vec<String>> + 'a {
    records.iter().enumerate().flat_map(|(n, r)| {
        r.matches.iter().map(move |m| {
            vec![
                (n + 1).to_string(),
                r.path.to_string(),
                r.title.to_string(),
                r.score.to_string(),
                m.paragraph.to_string(),
                m.text.to_string(),
            ]
        })
    })
}

/// Characters of a paragraph shown around its first match in Markdown.
const SNIPPET_BEFORE: usize = 80;
const SNIPPET_CHARS: usize = 280;

/// `rank. **Title** — `path` · score N`, then the best paragraph as a
/// blockquote snippet with the matched characters in bold.
fn write_markdown(w: &mut dyn Write, rank: usize, r: &SearchRecord) -> std::io::Result<()> {
    writeln!(
        w,
        "{rank}. **{}** — {} · score {}",
        markdown::escape(&one_line(r.title)),
        markdown::code(r.path),
        r.score
    )?;
    if let Some(m) = r.matches.first() {
        // Indented under the item's text, past "12. ".
        let indent = " ".repeat(rank.to_string().len() + 2);
        writeln!(w)?;
        writeln!(w, "{indent}> {}", snippet(m))?;
    }
    writeln!(w)
}

/// The matched paragraph from a little before its first match, at most
/// [`SNIPPET_CHARS`] characters cut at spaces, matched runs in bold.
fn snippet(m: &MatchRecord) -> String {
    let chars: Vec<char> = m
        .text
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let first = m.indices.first().copied().unwrap_or(0);
    let mut start = first.saturating_sub(SNIPPET_BEFORE);
    if start > 0 {
        start = (start..first)
            .find(|&i| chars[i] == ' ')
            .map_or(start, |i| i + 1);
    }
    let mut end = (start + SNIPPET_CHARS).min(chars.len());
    if end < chars.len() {
        end = (start..end).rev().find(|&i| chars[i] == ' ').unwrap_or(end);
    }
    let marked: std::collections::HashSet<usize> = m.indices.iter().copied().collect();
    let mut out = String::new();
    if start > 0 {
        out.push_str("… ");
    }
    let mut run = String::new();
    let mut in_run = false;
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        let hit = marked.contains(&i) && c != ' ';
        if hit != in_run {
            out.push_str(&flush(&mut run, in_run));
            in_run = hit;
        }
        run.push(c);
    }
    out.push_str(&flush(&mut run, in_run));
    if end < chars.len() {
        out.push_str(" …");
    }
    out
}

/// A run of the snippet, escaped, in bold when matched.
fn flush(run: &mut String, bold: bool) -> String {
    let text = markdown::escape(&std::mem::take(run));
    if bold && !text.is_empty() {
        format!("**{text}**")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_indices_count_characters() {
        // "é" is two bytes; the range covers "ll"
        let text = "Mé llo";
        let ranges = vec![10 + 4..10 + 6, 10 + 6..10 + 7];
        assert_eq!(char_indices(text, 10, &ranges), [3, 4, 5]);
    }

    #[test]
    fn snippets_bold_matches_and_cut_long_paragraphs() {
        let m = MatchRecord {
            paragraph: 0,
            text: "The *talks* resumed in Geneva",
            indices: vec![5, 6, 7, 8, 9],
        };
        assert_eq!(snippet(&m), "The \\***talks**\\* resumed in Geneva");
        let long = format!("{} needle {}", "word ".repeat(40), "tail ".repeat(80));
        let at = long.find("needle").unwrap();
        let m = MatchRecord {
            paragraph: 0,
            text: &long,
            indices: (at..at + 6).collect(),
        };
        let s = snippet(&m);
        assert!(s.starts_with("… word") && s.ends_with(" …"), "{s}");
        assert!(s.contains("**needle**"), "{s}");
        assert!(s.chars().count() < SNIPPET_CHARS + 20, "{s}");
    }
}
