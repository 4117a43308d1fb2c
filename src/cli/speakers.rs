//! `saidso speakers`: who is quoted across the corpus, and how often.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use serde::Serialize;

use saidso::corpus::Corpus;
use saidso::export::markdown;
use saidso::library;
use saidso::quotes::cite::one_line;
use saidso::quotes::identity::SpeakerName;
use saidso::quotes::{ArticleQuotes, CorpusSpeaker, SpeakerIndex, SpeakerKind};
use saidso::store::QuoteStore;

use super::format::{Format, FormatArgs, write_csv};
use super::{CorpusArgs, exit_status, output};

#[derive(Debug, Args)]
#[command(after_help = FORMATS)]
pub struct SpeakersArgs {
    #[command(flatten)]
    pub output: FormatArgs,
    /// Show which article speakers were merged into NAME's entry, and why
    /// (and namesakes kept apart).
    #[arg(long, value_name = "NAME")]
    pub explain: Option<String>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// `--help`: what each format writes.
const FORMATS: &str = "Formats (--format), named speakers most quoted first, then unnamed
sources (kind \"description\": \"a senior official\"), one per article, never
merged across articles:
  text      quotations, articles, a share bar, name (role); the unnamed
            sources under a heading, each with its article
  json      [{\"name\", \"aliases\", \"role\", \"kind\", \"quotes\", \"articles\": [path…]}];
            --json is the same
  csv       a header row, then one row per speaker:
            name,kind,role,quotes,article_count,aliases,article_paths
            (aliases and article_paths joined with \"; \")
  markdown  a table: Speaker | Role | Quotations | Articles | Also named;
            then one of the unnamed sources: Source | Quotations | Article

Names that are clearly not speakers (a sea, a piece of an outlet's name, a
weekday alone) are left out.

CSV cells that start with = + - or @ get a leading ' so that a spreadsheet
shows them as text instead of running them as a formula.";

/// The `--format csv` columns, one row per speaker.
const CSV_HEADER: &[&str] = &[
    "name",
    "kind",
    "role",
    "quotes",
    "article_count",
    "aliases",
    "article_paths",
];

#[derive(Debug, Serialize)]
struct SpeakerRecord<'a> {
    name: &'a str,
    aliases: &'a [String],
    role: Option<&'a str>,
    kind: SpeakerKind,
    quotes: usize,
    articles: Vec<&'a str>,
}

/// The corpus and every article's quotations.
pub struct Found {
    pub corpus: Corpus,
    pub quotes: Vec<Arc<ArticleQuotes>>,
    /// The speakers, when the quotation store had or needed them.
    index: Option<SpeakerIndex>,
}

impl Found {
    /// Load the corpus and its quotations: from the quotation store where
    /// the corpus is big enough to have one (written again when anything
    /// changed), else found now. What the store could not do is said on
    /// stderr, as load problems are.
    pub fn load(args: &CorpusArgs) -> Found {
        let corpus = args.load();
        let Some(store) = open_store(args, &corpus.articles) else {
            let quotes = library::quote_all(&corpus.articles);
            return Found {
                corpus,
                quotes,
                index: None,
            };
        };
        let (quotes, index) = stored(&corpus.articles, store);
        Found {
            corpus,
            quotes,
            index: Some(index),
        }
    }

    /// The speaker index over the quotations: only commands that look
    /// speakers up across articles pay for it.
    pub fn index(&self) -> SpeakerIndex {
        match &self.index {
            Some(index) => index.clone(),
            None => library::index_speakers(&library::refs(&self.quotes)),
        }
    }
}

/// Every article's quotations and the speakers across them: from the
/// quotation store where the corpus is big enough to have one, else found
/// now.
pub fn quote_and_index(
    args: &CorpusArgs,
    articles: &[saidso::corpus::Article],
) -> (Vec<Arc<ArticleQuotes>>, SpeakerIndex) {
    match open_store(args, articles) {
        Some(store) => stored(articles, store),
        None => library::quote_and_index(articles),
    }
}

/// The corpus's quotation store, if it may have one; a store there but
/// refused is said on stderr (it is made again).
fn open_store(args: &CorpusArgs, articles: &[saidso::corpus::Article]) -> Option<QuoteStore> {
    let (store, note) = library::open_store(&args.request(), articles)?;
    if let Some(w) = note {
        super::report_warning(&w);
    }
    Some(store)
}

/// Quotations and speakers read from `store` where it has them; the store
/// written again if anything changed (a failure said on stderr).
fn stored(
    articles: &[saidso::corpus::Article],
    store: QuoteStore,
) -> (Vec<Arc<ArticleQuotes>>, SpeakerIndex) {
    let (quotes, index, saved) = library::quote_and_index_stored(articles, Some(store));
    if let Some(w) = library::unsaved(saved) {
        super::report_warning(&w);
    }
    (quotes, index)
}

/// The corpus, every article's quotations, and the speaker index.
pub struct Indexed {
    pub corpus: Corpus,
    pub quotes: Vec<Arc<ArticleQuotes>>,
    pub index: SpeakerIndex,
}

impl Indexed {
    pub fn load(args: &CorpusArgs) -> Indexed {
        let mut found = Found::load(args);
        let index = match found.index.take() {
            Some(index) => index,
            None => found.index(),
        };
        Indexed {
            corpus: found.corpus,
            quotes: found.quotes,
            index,
        }
    }

    fn path(&self, article: usize) -> &str {
        &self.corpus.articles[article].path
    }
}

pub fn run(args: &SpeakersArgs) -> anyhow::Result<ExitCode> {
    let ix = Indexed::load(&args.corpus);
    if let Some(name) = &args.explain {
        let found = ix.index.find(name);
        if found.is_empty() {
            anyhow::bail!("no speaker answers to {name:?} (see `saidso speakers`)");
        }
        output::to_stdout(|w| {
            for (n, &s) in found.iter().enumerate() {
                if n > 0 {
                    writeln!(w)?;
                }
                explain(w, &ix, &ix.index.speakers[s])?;
            }
            Ok(())
        })?;
        return Ok(exit_status(&ix.corpus));
    }
    let records: Vec<SpeakerRecord> = ix
        .index
        .speakers
        .iter()
        .map(|s| SpeakerRecord {
            name: &s.name,
            aliases: &s.aliases,
            role: s.role.as_deref(),
            kind: s.kind,
            quotes: s.quotes.len(),
            articles: s.articles.iter().map(|&a| ix.path(a)).collect(),
        })
        .collect();
    match args.output.format() {
        Format::Json => output::json(&records)?,
        Format::Csv => output::to_stdout(|w| {
            let rows = records.iter().map(|r| {
                vec![
                    r.name.to_string(),
                    kind_name(r.kind).to_string(),
                    r.role.unwrap_or("").to_string(),
                    r.quotes.to_string(),
                    r.articles.len().to_string(),
                    r.aliases.join("; "),
                    r.articles.join("; "),
                ]
            });
            write_csv(w, CSV_HEADER, rows)
        })?,
        Format::Markdown => output::to_stdout(|w| {
            let cell = |s: &str| markdown::table_cell(&one_line(s));
            writeln!(w, "| Speaker | Role | Quotations | Articles | Also named |")?;
            writeln!(w, "| --- | --- | ---: | ---: | --- |")?;
            let both = || ix.index.speakers.iter().zip(&records);
            for (s, r) in both().filter(|(s, _)| !s.is_unnamed()) {
                let aliases: Vec<String> = r.aliases.iter().map(|a| cell(a)).collect();
                writeln!(
                    w,
                    "| {} | {} | {} | {} | {} |",
                    cell(r.name),
                    cell(shown_role(s).unwrap_or("")),
                    r.quotes,
                    r.articles.len(),
                    aliases.join(", ")
                )?;
            }
            let mut unnamed = both().filter(|(s, _)| s.is_unnamed()).peekable();
            if unnamed.peek().is_some() {
                writeln!(w)?;
                writeln!(w, "Unnamed sources, never merged across articles:")?;
                writeln!(w)?;
                writeln!(w, "| Source | Quotations | Article |")?;
                writeln!(w, "| --- | ---: | --- |")?;
            }
            for (_, r) in unnamed {
                let paths: Vec<String> = r.articles.iter().map(|p| markdown::code(p)).collect();
                writeln!(
                    w,
                    "| {} | {} | {} |",
                    cell(r.name),
                    r.quotes,
                    paths.join(", ")
                )?;
            }
            Ok(())
        })?,
        Format::Text => output::to_stdout(|w| {
            let total: usize = ix.index.speakers.iter().map(|s| s.quotes.len()).sum();
            let mut heading = false;
            for s in &ix.index.speakers {
                let mut note = shown_role(s).map(|r| format!(" ({r})")).unwrap_or_default();
                if s.is_unnamed() {
                    if !heading {
                        writeln!(w, "\nUnnamed sources, never merged across articles:")?;
                        heading = true;
                    }
                    let paths: Vec<&str> = s.articles.iter().map(|&a| ix.path(a)).collect();
                    note = format!(" — {}", paths.join(", "));
                }
                writeln!(
                    w,
                    "{:>5}  {:>3} art.  {:<20} {}{note}",
                    s.quotes.len(),
                    s.articles.len(),
                    bar(s.quotes.len(), total),
                    s.name
                )?;
            }
            Ok(())
        })?,
    }
    Ok(exit_status(&ix.corpus))
}

/// The role worth showing: none when it only repeats the name (an
/// organisation that is its own role).
fn shown_role(s: &CorpusSpeaker) -> Option<&str> {
    s.role
        .as_deref()
        .filter(|r| !r.eq_ignore_ascii_case(&s.name))
}

/// The kind as the JSON writes it.
fn kind_name(kind: SpeakerKind) -> &'static str {
    match kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organisation => "organisation",
        SpeakerKind::Description => "description",
        SpeakerKind::Group => "group",
    }
}

/// A share of all quotations as a bar of eighths, 20 cells for 100 %.
fn bar(n: usize, total: usize) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let eighths = (n * 160).checked_div(total).unwrap_or(0);
    let mut s = "█".repeat(eighths / 8);
    s.push_str(EIGHTHS[eighths % 8]);
    if s.is_empty() && n > 0 {
        s.push('▏');
    }
    s
}

/// Every member of `s` with where it came from and the rule that joined
/// it, then namesakes kept apart.
fn explain(w: &mut dyn Write, ix: &Indexed, s: &CorpusSpeaker) -> std::io::Result<()> {
    writeln!(
        w,
        "{} — {} quotation{} in {} article{}",
        s.name,
        s.quotes.len(),
        if s.quotes.len() == 1 { "" } else { "s" },
        s.articles.len(),
        if s.articles.len() == 1 { "" } else { "s" }
    )?;
    if !s.aliases.is_empty() {
        writeln!(w, "  also: {}", s.aliases.join(", "))?;
    }
    let speaker =
        |m: &saidso::quotes::speaker_index::Member| &ix.quotes[m.article].speakers[m.speaker.0];
    for m in &s.members {
        let sp = speaker(m);
        write!(
            w,
            "  {}: \"{}\" ({} quotation{})",
            ix.path(m.article),
            m.name,
            m.quotes,
            if m.quotes == 1 { "" } else { "s" }
        )?;
        match &m.joined {
            None => writeln!(w, " — first seen here")?,
            Some((to, why)) => {
                let other = speaker(&s.members[*to]);
                writeln!(
                    w,
                    " — joined \"{}\" of {}: {}",
                    other.name,
                    ix.path(s.members[*to].article),
                    why.describe(&SpeakerName::of(other), &SpeakerName::of(sp))
                )?
            }
        }
        if !sp.aliases.is_empty() || !sp.descriptions.is_empty() {
            let forms: Vec<&str> = sp
                .aliases
                .iter()
                .chain(&sp.descriptions)
                .map(String::as_str)
                .collect();
            writeln!(w, "      within the article also: {}", forms.join(", "))?;
        }
    }
    if let Some(why) = &s.kept_apart {
        writeln!(w, "  kept apart: {why}")?;
    }
    // Namesakes: people with the same surname in other entries.
    let me = s.members.first().map(|m| SpeakerName::of(speaker(m)));
    if let Some(surname) = me.as_ref().and_then(|n| n.surname()) {
        for other in ix.index.speakers.iter().filter(|o| !std::ptr::eq(&***o, s)) {
            let Some(m) = other.members.first() else {
                continue;
            };
            let on = SpeakerName::of(speaker(m));
            if on.surname() == Some(surname) {
                writeln!(
                    w,
                    "  not merged: {} ({}) — {}",
                    other.name,
                    ix.path(m.article),
                    other
                        .kept_apart
                        .as_deref()
                        .unwrap_or("the first names are not one name")
                )?;
            }
        }
    }
    Ok(())
}
