//! What must hold for any input, target by target. Each check returns the
//! broken promise as an `Err` (a panic inside the library propagates), so
//! proptest can shrink it and the harness can count it.

use std::borrow::Cow;
use std::fs;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use saidso::config::{MIN_TEXT_WIDTH, Source, Vocabulary, check};
use saidso::corpus::assemble::article_from_bytes;
use saidso::corpus::sanitize::{is_terminal_safe, sanitize, sanitize_mapped};
use saidso::corpus::{Article, Corpus, LoadRequest, Origin, Severity};
use saidso::library;
use saidso::quotes::{ArticleQuotes, Attribution, find_quotes};
use saidso::search::{Matcher, SearchIndex, article_matches, parse, search_with};
use saidso::state::store::STATE_FILE;
use saidso::state::{ArticleState, Position, ReadingState, StateStore, history};

use super::scratch::Scratch;

macro_rules! ensure {
    ($cond:expr, $($why:tt)+) => {
        if !$cond {
            return Err(format!($($why)+));
        }
    };
}

pub type Checked = Result<(), String>;

/// Text that reaches the terminal: nothing it would act on.
fn safe(what: &str, s: &str) -> Checked {
    ensure!(is_terminal_safe(s), "{what} is not terminal-safe: {s:?}");
    Ok(())
}

fn within(what: &str, text: &str, r: &Range<usize>) -> Checked {
    ensure!(
        r.start <= r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} {r:?} is not a range of characters of the {}-byte text",
        text.len()
    );
    Ok(())
}

/// An offset of the text, taken to the file: inside the file as decoded
/// (`None` for JSON and web pages, whose text is made of fields) and on a
/// character.
fn in_file(a: &Article, decoded: Option<&str>, t: usize) -> Result<usize, String> {
    let f = a.file_offsets.to_file(t);
    if let Some(d) = decoded {
        ensure!(
            f <= d.len() && d.is_char_boundary(f),
            "text offset {t} maps to {f}, not a character of the {}-byte file",
            d.len()
        );
    }
    Ok(f)
}

/// Everything an article shows is terminal-safe; every range lies on its
/// characters, paragraphs in order; offsets map into the file.
pub fn article(a: &Article, decoded: Option<&str>) -> Checked {
    safe("title", &a.title)?;
    safe("text", &a.text)?;
    for (what, field) in [
        ("byline", &a.byline),
        ("source", &a.source),
        ("date", &a.date),
        ("url", &a.url),
    ] {
        if let Some(s) = field {
            safe(what, s)?;
        }
    }
    let mut end = 0;
    for (i, p) in a.paragraphs.iter().enumerate() {
        within("paragraph", &a.text, &p.range())?;
        ensure!(p.start >= end, "paragraph {i} starts before the last ends");
        end = p.end;
        safe("paragraph", a.paragraph_text(i))?;
        in_file(a, decoded, p.start)?;
        in_file(a, decoded, p.end)?;
    }
    for r in &a.residue {
        within("residue", &a.text, r)?;
    }
    for (r, _) in &a.emphasis {
        within("emphasis", &a.text, r)?;
    }
    offsets_fit(a)
}

/// No checkpoint of the offset map sends an offset of the text past
/// `usize::MAX` (a damaged cache could hold one).
fn offsets_fit(a: &Article) -> Checked {
    let len = a.text.len();
    for &(t, f) in a.file_offsets.points() {
        ensure!(
            t > len || f.checked_add(len - t).is_some(),
            "offset checkpoint ({t}, {f}) overflows"
        );
    }
    Ok(())
}

/// Quotations lie on the article's characters; what is shown of them and
/// their speakers is terminal-safe; every index points somewhere.
pub fn quotes(a: &Article, found: &ArticleQuotes, decoded: Option<&str>) -> Checked {
    let n = found.quotes.len();
    for q in &found.quotes {
        within("quotation", &a.text, &(q.start..q.end))?;
        within("opening mark", &a.text, &q.open_mark)?;
        if let Some(c) = &q.close_mark {
            within("closing mark", &a.text, c)?;
        }
        within("quotation with marks", &a.text, &q.outer())?;
        ensure!(
            q.paragraph < a.paragraphs.len(),
            "paragraph {}",
            q.paragraph
        );
        safe("quotation", q.text(a))?;
        let (s, e) = (in_file(a, decoded, q.start)?, in_file(a, decoded, q.end)?);
        ensure!(s <= e, "quotation maps to {s}..{e} in the file");
        if let Some(m) = q.attribution.mention() {
            within("mention", &a.text, &m)?;
        }
        match q.attribution {
            Attribution::Continued { from: i } | Attribution::Echo { of: i } => {
                ensure!(i < n, "quotation {i} of {n}");
            }
            _ => {}
        }
        if let Some(id) = q.speaker {
            ensure!(id.0 < found.speakers.len(), "speaker {id:?}");
        }
        if let Some(via) = &q.via {
            safe("via", via)?;
        }
    }
    for sp in &found.speakers {
        safe("speaker", &sp.name)?;
        for s in sp.role.iter().chain(&sp.aliases).chain(&sp.descriptions) {
            safe("speaker's name", s)?;
        }
        for m in &sp.mentions {
            within("speaker mention", &a.text, m)?;
        }
    }
    Ok(())
}

/// Load one file through `Corpus::load`: it gives articles or a problem
/// naming it, and every article passes [`article`] and [`quotes`].
pub fn load(scratch: &Scratch, name: &str, bytes: &[u8]) -> Checked {
    let dir = scratch.case_dir("load");
    let path = dir.join(name);
    fs::write(&path, bytes).map_err(|e| e.to_string())?;
    let c = Corpus::load(&LoadRequest::Paths(vec![path.clone()]));
    let display = path.display().to_string();
    let record = format!("{display}#");
    let skipped = c
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Skipped)
        .count();
    ensure!(
        !c.articles.is_empty() || skipped > 0,
        "neither an article nor a problem: {:?}",
        c.problems
    );
    for p in &c.problems {
        ensure!(
            p.path == display || p.path.starts_with(&record),
            "a problem names another path: {p:?}"
        );
        ensure!(!p.problem.trim().is_empty(), "a problem says nothing");
    }
    let json = [".json", ".jsonl", ".ndjson"]
        .iter()
        .any(|e| name.ends_with(e));
    if !json {
        ensure!(
            c.articles.len() + skipped == 1,
            "a text file gave {} articles and {skipped} skips",
            c.articles.len()
        );
    }
    // A record's, a page's or a Markdown file's text is made of its fields
    // (title, story), not a stretch of the file: its offsets are into
    // that text.
    let made_of_fields = json
        || [".html", ".md", ".markdown"]
            .iter()
            .any(|e| name.ends_with(e));
    let decoded = (!made_of_fields).then(|| String::from_utf8_lossy(bytes));
    for a in &c.articles {
        article(a, decoded.as_deref())?;
        quotes(a, &find_quotes(a), decoded.as_deref())?;
    }
    Ok(())
}

/// Characters the sanitiser writes in place of others; any other
/// character of its output is in the input where the map says.
fn is_stand_in(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\u{FFFD}' | '\u{2400}'..='\u{2421}')
}

/// `sanitize_mapped`: terminal-safe, idempotent, and its map takes every
/// offset of the output to a character of the input, in order.
pub fn sanitizer(bytes: &[u8]) -> Checked {
    let (text, _, map) = sanitize_mapped(bytes);
    safe("sanitised text", &text)?;
    ensure!(
        sanitize(bytes).0 == text,
        "sanitize and sanitize_mapped differ"
    );
    ensure!(
        !text.contains(" \n") && !text.ends_with(' ') && !text.contains('\r'),
        "line ends not normalised: {text:?}"
    );
    ensure!(
        sanitize(text.as_bytes()).0 == text,
        "sanitising twice changes the text: {text:?}"
    );
    let decoded = String::from_utf8_lossy(bytes);
    let mut last = 0;
    let ends = text
        .char_indices()
        .map(|(i, c)| (i, Some(c)))
        .chain([(text.len(), None)]);
    for (t, c) in ends {
        let f = map.to_file(t);
        ensure!(
            f <= decoded.len() && decoded.is_char_boundary(f) && f >= last,
            "output offset {t} maps to {f} (after {last}) in {decoded:?}"
        );
        if let Some(c) = c.filter(|&c| !is_stand_in(c)) {
            ensure!(
                decoded[f..].starts_with(c),
                "output {c:?} at {t} maps to {f}: {:?}",
                &decoded[f..]
            );
        }
        last = f;
    }
    Ok(())
}

/// The quotation finder on a text file's bytes.
pub fn quotation_finder(bytes: &[u8]) -> Checked {
    let a = article_from_bytes("case.txt".into(), Origin::File("case.txt".into()), bytes);
    let decoded = String::from_utf8_lossy(bytes);
    article(&a, Some(&decoded))?;
    quotes(&a, &find_quotes(&a), Some(&decoded))
}

/// Parse `q` and search a small corpus (a fixed article and `text`) with
/// it, `@names` scoped as the CLI does; highlights lie on characters of
/// their paragraph.
pub fn query(scratch: &Scratch, q: &str, text: &[u8]) -> Checked {
    let query = parse(q);
    ensure!(query.raw() == q, "the query keeps its text");
    let articles = [
        scratch.search_article.clone(),
        article_from_bytes("q.txt".into(), Origin::Stdin, text),
    ];
    let (found, speakers) = library::quote_and_index(&articles);
    let scope = (!query.speakers().is_empty()).then(|| {
        let directory = library::speaker_directory(&speakers, &library::refs(&found));
        Arc::new(directory.resolve(query.speakers()))
    });
    let matcher = Matcher::new(query).with_scope(scope);
    let index = SearchIndex::from_articles(&articles);
    for hit in search_with(&index, &matcher, 10) {
        ensure!(
            hit.article < articles.len(),
            "hit on article {}",
            hit.article
        );
        let paragraphs = articles[hit.article].paragraphs.len();
        ensure!(
            hit.best_paragraph < paragraphs.max(1),
            "best paragraph {}",
            hit.best_paragraph
        );
    }
    for (id, a) in articles.iter().enumerate() {
        for m in article_matches(a, id, &matcher) {
            ensure!(
                m.paragraph < a.paragraphs.len(),
                "paragraph {}",
                m.paragraph
            );
            let p = a.paragraphs[m.paragraph].range();
            let mut end = p.start;
            for r in &m.ranges {
                within("highlight", &a.text, r)?;
                ensure!(
                    r.start >= end && r.end <= p.end && r.start < r.end,
                    "highlight {r:?} out of order or outside paragraph {p:?}"
                );
                end = r.end;
            }
        }
    }
    Ok(())
}

/// Config text: parsed and checked, or errors that each name a line.
pub fn config(vocab: &Vocabulary, text: &str) -> Checked {
    let lines = text.matches('\n').count() + 1;
    let source = Source {
        path: "/fuzz/config.toml".into(),
        text: text.to_string(),
    };
    let errors = match saidso::config::load::parse(source) {
        Err(e) => vec![e],
        Ok(loaded) => match check(&loaded, vocab, Some(Path::new("/home/fuzz"))) {
            Ok(c) => {
                ensure!(
                    c.max_width.is_none_or(|w| w == 0 || w >= MIN_TEXT_WIDTH),
                    "max-width {:?} accepted",
                    c.max_width
                );
                return Ok(());
            }
            Err(errors) => errors,
        },
    };
    ensure!(!errors.is_empty(), "an error without a message");
    for e in errors {
        ensure!(
            e.line.is_some_and(|l| (1..=lines).contains(&l)),
            "no line (or past the end) for {e}"
        );
    }
    Ok(())
}

/// A `state.json` of these bytes: read as a state or a warning with an
/// empty state; and then (when `save`) a save that a load reads back.
pub fn state(scratch: &Scratch, bytes: &[u8], save: bool) -> Checked {
    let dir = scratch.case_dir("state");
    fs::write(dir.join(STATE_FILE), bytes).map_err(|e| e.to_string())?;
    let store = StateStore::new(&dir);
    let (read, warning) = store.load();
    if let Some(w) = &warning {
        ensure!(read.is_empty(), "a warning and a state: {w}");
        safe("warning", &w.problem)?;
    }
    if !save {
        return Ok(());
    }
    let mut change = ReadingState::default();
    let mine = ArticleState {
        read: true,
        position: Position { offset: 7, lead: 1 },
        updated_at: 1,
        read_at: 1,
    };
    change.record(0x5a1d, mine);
    match store.save(&change) {
        Ok(_) => {
            let (after, w) = store.load();
            ensure!(w.is_none(), "a file just saved gives a warning: {w:?}");
            ensure!(after.article(0x5a1d).is_some(), "the change was lost");
        }
        Err(w) => {
            // Only a file of another version is left alone, unchanged.
            let kept = fs::read(dir.join(STATE_FILE)).map_err(|e| e.to_string())?;
            ensure!(kept == bytes, "save failed ({w}) and changed the file");
            ensure!(
                warning.is_some(),
                "save failed ({w}) on a file read cleanly"
            );
        }
    }
    Ok(())
}

/// A history file: every query recalled is something to type again.
pub fn history_file(scratch: &Scratch, bytes: &[u8]) -> Checked {
    let dir = scratch.case_dir("history");
    fs::write(dir.join("history"), bytes).map_err(|e| e.to_string())?;
    let queries = history::load(&dir);
    for q in &queries {
        ensure!(!q.trim().is_empty(), "an empty query recalled: {q:?}");
        ensure!(
            !q.chars().any(char::is_control),
            "a control character in {q:?}"
        );
    }
    let more = history::with(queries, "next");
    ensure!(
        more.len() <= history::MAX_QUERIES,
        "{} queries kept",
        more.len()
    );
    Ok(())
}

/// A damaged load cache: what `get` gives back passes the same checks as
/// a fresh load, and finding quotations and indexing it does not panic.
pub fn cache(scratch: &Scratch, bytes: &[u8]) -> Checked {
    let dir = scratch.case_dir("cache");
    fs::write(dir.join(&scratch.cache.file_name), bytes).map_err(|e| e.to_string())?;
    let cache = saidso::corpus::cache::LoadCache::open(&dir, &scratch.cache.key);
    let mut all = Vec::new();
    for (path, stamp) in &scratch.cache.entries {
        let Some(result) = cache.get(path, *stamp) else {
            continue;
        };
        for p in &result.problems {
            safe("problem", &p.problem)?;
            safe("problem path", &p.path)?;
        }
        for a in &result.articles {
            safe("path", &a.path)?;
            article(a, None).or_else(|e| {
                // Only the order of paragraphs is not the codec's promise.
                if e.contains("starts before") {
                    Ok(())
                } else {
                    Err(e)
                }
            })?;
            quotes(a, &find_quotes(a), None)?;
        }
        all.extend(result.articles);
    }
    SearchIndex::from_articles(&all);
    Ok(())
}

/// A short, readable form of an input for a failure report.
pub fn show(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(&bytes[..bytes.len().min(4096)])
}
