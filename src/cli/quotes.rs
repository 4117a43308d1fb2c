//! `saidso quotes`: every quotation and its speaker.

use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use saidso::corpus::Article;
use saidso::quotes::{ArticleQuotes, Quote};

use super::speakers::Indexed;
use super::{CorpusArgs, exit_status, output};

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Print JSON: [{"path", "title", "quotes": [{"text", "speaker", "role", "start", "end", "paragraph"}]}].
    #[arg(long)]
    pub json: bool,
    /// Only the quotations of this speaker, across the corpus: any name
    /// form seen in any article, or the surname; case and accents ignored.
    /// Articles without any are left out.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

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
    /// The words between the marks: `Article::text[start..end]`.
    text: &'a str,
    speaker: Option<&'a str>,
    role: Option<&'a str>,
    start: usize,
    end: usize,
    paragraph: usize,
}

/// The quotations of one article that the command prints.
struct Selected<'a> {
    article: &'a Article,
    found: &'a ArticleQuotes,
    quotes: Vec<usize>,
}

pub fn run(args: &QuotesArgs) -> anyhow::Result<ExitCode> {
    let ix = Indexed::load(&args.corpus);
    // With --speaker, the speaker's quotations across the corpus, under
    // any of their names (the corpus-wide index merges "Sergey Lavrov"
    // and "Sergei Lavrov").
    let wanted: Option<Vec<Vec<usize>>> = args.speaker.as_ref().map(|name| {
        let mut per_article = vec![Vec::new(); ix.corpus.articles.len()];
        for s in ix.index.find(name) {
            for r in &ix.index.speakers[s].quotes {
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
        eprintln!("saidso: no speaker answers to {name:?} (see `saidso speakers`)");
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
    if args.json {
        let records: Vec<ArticleRecord> = selected.iter().map(record).collect();
        output::json(&records)?;
    } else {
        output::to_stdout(|w| {
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
                    let who = s.found.speaker_of(q).map_or("—", |sp| sp.name.as_str());
                    writeln!(w, "  {who}: “{}”", one_line(q.text(s.article)))?;
                }
            }
            Ok(())
        })?;
    }
    Ok(exit_status(&ix.corpus))
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

fn quote_record<'a>(article: &'a Article, found: &'a ArticleQuotes, q: &Quote) -> QuoteRecord<'a> {
    let speaker = found.speaker_of(q);
    QuoteRecord {
        text: q.text(article),
        speaker: speaker.map(|s| s.name.as_str()),
        role: speaker.and_then(|s| s.role.as_deref()),
        start: q.start,
        end: q.end,
        paragraph: q.paragraph,
    }
}

/// Soft line breaks read as spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
