//! `saidso compare A B`: the statements two articles both quote, and what
//! each quotes alone.
//!
//! A and B are article files, or names of articles in the corpus (the
//! bundled one, or PATH...): a path or file name, a unique prefix of one
//! ("000"), or a fragment of a title ("double down"). A name that fits no
//! article or several is an error that lists the candidates.

use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use clap::Args;
use serde::Serialize;

use saidso::compare::{Comparison, compare};
use saidso::corpus::{Article, Corpus, LoadRequest};
use saidso::quotes::{ArticleQuotes, Quote, find_quotes};
use saidso::search::fold::fold_char;

use super::format::{Format, FormatArgs};
use super::{CorpusArgs, compare_export, output, report_problems};

/// Candidates listed in an error about a name.
const MAX_CANDIDATES: usize = 10;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The left article: a file, or a file name, unique name prefix or
    /// title fragment of an article in the corpus.
    #[arg(value_name = "A")]
    pub left: String,
    /// The right article, named the same ways.
    #[arg(value_name = "B")]
    pub right: String,
    /// JSON (--json, --format json): {"left": {"path", "title"}, "right":
    /// {…}, "pairs": [{"left": {"text", "speaker"}, "right": {…},
    /// "similarity"}], "left_only": [{"text", "speaker"}], "right_only":
    /// […], "speakers": {"both": [{"left", "right"}], "left_only": [name],
    /// "right_only": [name]}}. CSV: kind (shared, left_only, right_only),
    /// left_text, left_speaker, right_text, right_speaker, similarity.
    /// Markdown: the shared statements as quotes, then each side's own.
    #[command(flatten)]
    pub output: FormatArgs,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// The `compare --json` document: the contract scripts rely on.
#[derive(Debug, Serialize)]
pub(super) struct Report<'a> {
    pub(super) left: ArticleRecord<'a>,
    pub(super) right: ArticleRecord<'a>,
    pub(super) pairs: Vec<PairRecord<'a>>,
    pub(super) left_only: Vec<QuoteRecord<'a>>,
    pub(super) right_only: Vec<QuoteRecord<'a>>,
    speakers: SpeakersRecord<'a>,
}

#[derive(Debug, Serialize)]
pub(super) struct ArticleRecord<'a> {
    pub(super) path: &'a str,
    pub(super) title: &'a str,
}

#[derive(Debug, Serialize)]
pub(super) struct PairRecord<'a> {
    pub(super) left: QuoteRecord<'a>,
    pub(super) right: QuoteRecord<'a>,
    /// 0..=1, three decimals.
    pub(super) similarity: f64,
}

#[derive(Debug, Serialize)]
pub(super) struct QuoteRecord<'a> {
    pub(super) text: &'a str,
    pub(super) speaker: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct SpeakersRecord<'a> {
    both: Vec<SpeakerPair<'a>>,
    left_only: Vec<&'a str>,
    right_only: Vec<&'a str>,
}

/// One person as each article names them ("Sergei Lavrov" / "Sergey Lavrov").
#[derive(Debug, Serialize)]
struct SpeakerPair<'a> {
    left: &'a str,
    right: &'a str,
}

/// One side: the article and its quotations.
struct Side<'a> {
    article: &'a Article,
    quotes: ArticleQuotes,
}

impl Side<'_> {
    fn record(&self, i: usize) -> QuoteRecord<'_> {
        let q = &self.quotes.quotes[i];
        QuoteRecord {
            text: q.text(self.article),
            speaker: self.speaker(q),
        }
    }

    fn speaker(&self, q: &Quote) -> Option<&str> {
        self.quotes.speaker_of(q).map(|s| s.name.as_str())
    }

    fn speaker_name(&self, id: saidso::quotes::SpeakerId) -> &str {
        self.quotes
            .speakers
            .get(id.0)
            .map_or("", |s| s.name.as_str())
    }
}

pub fn run(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    // The corpus is only loaded when a name is not a file of its own.
    let needs_corpus = !is_file(&args.left) || !is_file(&args.right);
    let corpus = if needs_corpus {
        args.corpus.load()
    } else {
        Corpus::default()
    };
    let left_file = own_file(&args.left);
    let right_file = own_file(&args.right);
    let left = resolve(&args.left, left_file.as_ref(), &corpus)?;
    let right = resolve(&args.right, right_file.as_ref(), &corpus)?;
    let (l, r) = rayon::join(|| find_quotes(left), || find_quotes(right));
    let l = Side {
        article: left,
        quotes: l,
    };
    let r = Side {
        article: right,
        quotes: r,
    };
    let cmp = compare(l.article, &l.quotes, r.article, &r.quotes);
    match args.output.format() {
        Format::Json => output::json(&report(&l, &r, &cmp))?,
        Format::Csv => output::to_stdout(|w| compare_export::csv(w, &report(&l, &r, &cmp)))?,
        Format::Markdown => {
            output::to_stdout(|w| compare_export::markdown(w, &report(&l, &r, &cmp)))?;
        }
        Format::Text => output::to_stdout(|w| listing(w, &l, &r, &cmp))?,
    }
    let fatal = [Some(&corpus), left_file.as_ref(), right_file.as_ref()]
        .into_iter()
        .flatten()
        .any(Corpus::has_fatal_problem);
    Ok(if fatal {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn is_file(name: &str) -> bool {
    name == "-" || Path::new(name).is_file()
}

/// The articles of `name` when it is a file (or `-`), problems reported.
fn own_file(name: &str) -> Option<Corpus> {
    is_file(name).then(|| {
        let corpus = Corpus::load(&LoadRequest::Paths(vec![name.into()]));
        report_problems(&corpus);
        corpus
    })
}

/// The one article `name` means: in its own file when it is one, else in
/// the corpus.
fn resolve<'a>(
    name: &str,
    file: Option<&'a Corpus>,
    corpus: &'a Corpus,
) -> anyhow::Result<&'a Article> {
    if let Some(file) = file {
        return match file.articles.as_slice() {
            [one] => Ok(one),
            [] => bail!("{name}: no article could be read from it"),
            many => bail!(
                "{name}: holds {} articles; name one of them, with the file as PATH:{}",
                many.len(),
                candidates(many.iter())
            ),
        };
    }
    let matches = find_article(name, &corpus.articles);
    match matches.as_slice() {
        [one] => Ok(one),
        [] => bail!(
            "no article matches {name:?}; the corpus has {}:{}",
            count(corpus.articles.len()),
            candidates(corpus.articles.iter())
        ),
        many => bail!(
            "{name:?} is ambiguous: it matches {}:{}",
            count(many.len()),
            candidates(many.iter().copied())
        ),
    }
}

/// Articles `name` refers to, trying in turn: the exact path, the exact
/// file name, a prefix of the path or file name, a fragment of the title
/// (case and accents ignored). The first way that finds any wins.
fn find_article<'a>(name: &str, articles: &'a [Article]) -> Vec<&'a Article> {
    let file_name = |a: &Article| -> String {
        Path::new(&a.path)
            .file_name()
            .map_or_else(|| a.path.clone(), |f| f.to_string_lossy().into_owned())
    };
    let folded = fold(name.trim());
    let ways: [&dyn Fn(&Article) -> bool; 4] = [
        &|a| a.path == name,
        &|a| file_name(a) == name,
        &|a| !name.is_empty() && (a.path.starts_with(name) || file_name(a).starts_with(name)),
        &|a| !folded.is_empty() && fold(&a.title).contains(&folded),
    ];
    for way in ways {
        let found: Vec<&Article> = articles.iter().filter(|a| way(a)).collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 article".into()
    } else {
        format!("{n} articles")
    }
}

/// One "PATH (title)" line per article, at most [`MAX_CANDIDATES`].
fn candidates<'a>(articles: impl ExactSizeIterator<Item = &'a Article>) -> String {
    let total = articles.len();
    let mut list: Vec<String> = articles
        .take(MAX_CANDIDATES)
        .map(|a| format!("{} ({})", a.path, one_line(&a.title)))
        .collect();
    if total > MAX_CANDIDATES {
        list.push(format!("and {} more", total - MAX_CANDIDATES));
    }
    if list.is_empty() {
        "none".into()
    } else {
        list.iter().map(|l| format!("\n  {l}")).collect()
    }
}

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, |f, _| out.push(f));
    }
    out
}

fn report<'a>(l: &'a Side, r: &'a Side, cmp: &Comparison) -> Report<'a> {
    Report {
        left: ArticleRecord {
            path: &l.article.path,
            title: &l.article.title,
        },
        right: ArticleRecord {
            path: &r.article.path,
            title: &r.article.title,
        },
        pairs: cmp
            .pairs
            .iter()
            .map(|p| PairRecord {
                left: l.record(p.left),
                right: r.record(p.right),
                similarity: (f64::from(p.similarity) * 1000.0).round() / 1000.0,
            })
            .collect(),
        left_only: cmp.left_only.iter().map(|&i| l.record(i)).collect(),
        right_only: cmp.right_only.iter().map(|&j| r.record(j)).collect(),
        speakers: SpeakersRecord {
            both: cmp
                .speakers
                .both
                .iter()
                .map(|&(a, b)| SpeakerPair {
                    left: l.speaker_name(a),
                    right: r.speaker_name(b),
                })
                .collect(),
            left_only: cmp
                .speakers
                .left_only
                .iter()
                .map(|&a| l.speaker_name(a))
                .collect(),
            right_only: cmp
                .speakers
                .right_only
                .iter()
                .map(|&b| r.speaker_name(b))
                .collect(),
        },
    }
}

/// The readable listing: the two articles, a summary line, each pair as two
/// lines, then what each side quotes alone.
fn listing(
    w: &mut dyn std::io::Write,
    l: &Side,
    r: &Side,
    cmp: &Comparison,
) -> std::io::Result<()> {
    writeln!(
        w,
        "left:  {} — {}",
        l.article.path,
        one_line(&l.article.title)
    )?;
    writeln!(
        w,
        "right: {} — {}",
        r.article.path,
        one_line(&r.article.title)
    )?;
    writeln!(
        w,
        "{} shared {} in {}; {} only left, {} only right; speakers: {} in both, {} only left, {} only right",
        cmp.groups.count,
        if cmp.groups.count == 1 {
            "statement"
        } else {
            "statements"
        },
        match cmp.pairs.len() {
            1 => "1 pair".to_string(),
            n => format!("{n} pairs"),
        },
        cmp.left_only.len(),
        cmp.right_only.len(),
        cmp.speakers.both.len(),
        cmp.speakers.left_only.len(),
        cmp.speakers.right_only.len(),
    )?;
    let line = |side: &Side, i: usize| {
        let q = &side.quotes.quotes[i];
        format!(
            "{}: “{}”",
            side.speaker(q).unwrap_or("—"),
            one_line(q.text(side.article))
        )
    };
    if !cmp.pairs.is_empty() {
        writeln!(w)?;
    }
    for p in &cmp.pairs {
        let group = cmp.group_of(p).unwrap_or(0);
        writeln!(w, "[{group}] {:.2}  L {}", p.similarity, line(l, p.left))?;
        writeln!(
            w,
            "{:width$}  R {}",
            "",
            line(r, p.right),
            width = format!("[{group}] 0.00").len()
        )?;
    }
    for (label, side, only) in [("left", l, &cmp.left_only), ("right", r, &cmp.right_only)] {
        writeln!(w, "\nonly in {label} ({}):", only.len())?;
        for &i in only {
            writeln!(w, "  {}", line(side, i))?;
        }
    }
    Ok(())
}

/// Soft line breaks read as spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
