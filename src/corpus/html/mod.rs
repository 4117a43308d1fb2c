//! Saved web pages: the story as a person reads it, with its title,
//! byline, outlet, date and link.
//!
//! Two extractors, measured against others on the article-extraction
//! benchmark (121 pages): dom_smoothie (a port of Mozilla's Readability)
//! gives the article's container and the page's metadata (JSON-LD,
//! OpenGraph, meta tags); trafilatura gives a second opinion on which of
//! its paragraphs are story ([`agree`]). Alone they score F1 0.947 and
//! 0.956; together 0.970. A page too deep or too wide for a tree
//! ([`guard`]) is read as plain text ([`plain`]) instead.

mod agree;
mod guard;
mod plain;

use dom_smoothie::{Config, Readability, TextMode};

use super::article::{Article, LoadNote, Origin};
use super::assemble::{ArticleFields, article_from_fields};

/// What a page gave: its metadata and its story's paragraphs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Page {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// The site's name.
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub paragraphs: Vec<String>,
    /// Said of the page as a whole ("read as plain text: …").
    pub note: Option<String>,
}

/// The story in `html` (already decoded to text).
pub fn read(html: &str) -> Page {
    if let Some(why) = guard::too_hostile(html) {
        return Page {
            paragraphs: split(&plain::text(html)),
            note: Some(why),
            ..Page::default()
        };
    }
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let Ok(mut readability) = Readability::new(html, None, Some(config)) else {
        return plain_page(html);
    };
    let second = trafilatura::extract(
        html,
        &trafilatura::Options::default().with_focus(trafilatura::ExtractionFocus::FavorRecall),
    )
    .ok();
    let (mut page, found) = match readability.parse() {
        Ok(article) => {
            let mut page = Page::of_meta([
                Some(article.title.as_str()),
                article.byline.as_deref(),
                article.site_name.as_deref(),
                article.published_time.as_deref(),
                article.url.as_deref(),
            ]);
            page.paragraphs = split(&article.text_content);
            (page, true)
        }
        // No container found: the metadata still stands.
        Err(_) => {
            let m = readability.get_article_metadata(readability.parse_json_ld());
            let page = Page::of_meta([
                Some(m.title.as_str()),
                m.byline.as_deref(),
                m.site_name.as_deref(),
                m.published_time.as_deref(),
                m.url.as_deref(),
            ]);
            (page, false)
        }
    };
    match (&second, found) {
        (Some(t), true) => page.paragraphs = agree::agree(&page.paragraphs, &t.content_text),
        (Some(t), false) => page.paragraphs = split(&t.content_text),
        (None, _) => {}
    }
    if let Some(t) = &second {
        let m = &t.metadata;
        page.title = page.title.or_else(|| some(&m.title));
        page.byline = page.byline.or_else(|| some(&m.author));
        page.outlet = page.outlet.or_else(|| some(&m.sitename));
        page.date = page.date.or_else(|| m.date.map(|d| d.to_string()));
        page.url = page.url.or_else(|| some(&m.url));
    }
    if page.paragraphs.is_empty() {
        page.paragraphs = split(&plain::text(html));
    }
    page
}

impl Page {
    /// The page as an article: the story's paragraphs under its title,
    /// with its byline, outlet, date and link. Quotation offsets are into
    /// this text (a page's markup has no place a reader would count from),
    /// as for a JSON record.
    pub fn into_article(self, display: &str, origin: Origin) -> Article {
        let mut article = article_from_fields(
            display.to_string(),
            origin,
            ArticleFields {
                title: self.title,
                body: self.paragraphs.join("\n\n"),
                byline: self.byline,
                source: self.outlet,
                date: self.date,
                url: self.url,
            },
        );
        article.notes.extend(self.note.map(LoadNote::fact));
        article
    }

    /// A page of these fields, each trimmed: title, byline, outlet, date,
    /// url.
    fn of_meta([title, byline, outlet, date, url]: [Option<&str>; 5]) -> Page {
        Page {
            title: title.and_then(some),
            byline: byline.and_then(some),
            outlet: outlet.and_then(some),
            date: date.and_then(some),
            url: url.and_then(some),
            ..Page::default()
        }
    }
}

/// The paragraphs of an HTML fragment (a feed item's content), read in
/// one pass: blocks become paragraphs, scripts and styles go.
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    split(&plain::text(html))
}

fn plain_page(html: &str) -> Page {
    Page {
        paragraphs: split(&plain::text(html)),
        ..Page::default()
    }
}

/// Just past the first `pat` (ASCII, any case) at or after `from` in `b`,
/// or the end: how the two one-pass readers skip what is not markup.
fn past(b: &[u8], from: usize, pat: &[u8]) -> usize {
    b.get(from..)
        .and_then(|rest| {
            rest.windows(pat.len())
                .position(|w| w.eq_ignore_ascii_case(pat))
        })
        .map_or(b.len(), |p| from + p + pat.len())
}

/// Paragraphs of extracted text: one a line, blank space squeezed.
fn split(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// `s` trimmed, unless that leaves nothing.
fn some(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}
