//! Markdown files (`.md`, `.markdown`) as the article a person reads: the
//! text without its markup, emphasis kept as ranges the reader shows as
//! style, the title and the rest of the metadata from the first heading
//! and the YAML front matter ([`super::front_matter`]).
//!
//! CommonMark is parsed by pulldown-cmark into events; this file writes
//! the events' text as paragraphs. Each run of text is sanitised as it is
//! written (an entity such as `&#x1b;` decodes to a control character),
//! and spaces are squeezed here, so that the sanitising
//! [`article_from_fields`] does again changes nothing and the emphasis
//! ranges stay on the words they cover. Like a JSON record's or a web
//! page's, the article's text is made of what was extracted: quotation
//! offsets are into it, not into the file.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

mod guard;

use super::article::{Article, Emphasis, LoadNote, Origin};
use super::assemble::{ArticleFields, article_from_bytes, article_from_fields, merge};
use super::front_matter::{self, FrontMatter};
use super::html::fragment_paragraphs;
use super::sanitize::{SanitizeReport, sanitize_run};

/// The article of a Markdown file; `None` when nothing in it is text to
/// read (front matter alone, a lone script).
pub fn article(display: &str, origin: Origin, bytes: &[u8]) -> Option<Article> {
    if let Some(why) = guard::too_deep(&String::from_utf8_lossy(bytes)) {
        let mut article = article_from_bytes(display.to_string(), origin, bytes);
        article.notes.push(LoadNote::fact(why));
        return Some(article);
    }
    let doc = read(bytes);
    if doc.title.is_none() && doc.body.is_empty() {
        return None;
    }
    let fm = doc.front_matter;
    let mut article = article_from_fields(
        display.to_string(),
        origin,
        ArticleFields {
            title: fm.title.or(doc.title),
            body: doc.body.clone(),
            byline: fm.byline,
            source: fm.source,
            date: fm.date,
            url: fm.url,
        },
    );
    // The body was written sanitised and squeezed, so it ends the text as
    // it was written; the emphasis is shifted past the title before it.
    let intact = article.text.ends_with(doc.body.as_str());
    debug_assert!(intact, "sanitising the written body changed it");
    if intact {
        let shift = article.text.len() - doc.body.len();
        article.emphasis = doc
            .emphasis
            .into_iter()
            .map(|(r, e)| (r.start + shift..r.end + shift, e))
            .collect();
    }
    article
        .notes
        .extend(doc.report.notes().into_iter().map(LoadNote::repair));
    article.notes.extend(doc.note.map(LoadNote::fact));
    Some(article)
}

/// What a Markdown file says, before it is an article.
#[derive(Debug, Default)]
struct Document {
    front_matter: FrontMatter,
    /// The first heading, when it is the title (see [`Writer::heading_end`]).
    title: Option<String>,
    /// Paragraphs, sanitised, a blank line between them.
    body: String,
    /// Byte ranges of `body`, sorted by start.
    emphasis: Vec<(Range<usize>, Emphasis)>,
    /// Why the front matter was not read, if it was not.
    note: Option<String>,
    /// What sanitising the text changed.
    report: SanitizeReport,
}

/// Parse `bytes` (lossily decoded, a leading byte order mark dropped);
/// [`article`] has made sure they do not nest too deep.
fn read(bytes: &[u8]) -> Document {
    let invalid = bytes
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count();
    let source = String::from_utf8_lossy(bytes);
    let source = source.strip_prefix('\u{FEFF}').unwrap_or(&source);
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS;
    let mut w = Writer::default();
    w.report.invalid_utf8 = invalid;
    for event in Parser::new_ext(source, options) {
        w.event(event);
    }
    w.end_block();
    let mut emphasis = w.emphasis;
    emphasis.sort_by_key(|(r, e)| (r.start, r.end, *e == Emphasis::Bold));
    Document {
        front_matter: w.front_matter,
        title: w.title,
        body: w.text,
        emphasis,
        note: w.note,
        report: w.report,
    }
}

/// Writes the events' text: paragraphs a blank line apart, runs of white
/// space one space, nothing at a paragraph's ends.
#[derive(Default)]
struct Writer {
    text: String,
    /// A paragraph is open: the next character continues it.
    open: bool,
    /// A space is due before the next character of the open paragraph.
    space: bool,
    /// Inline text not yet written: sanitised as one run, so that an
    /// escape sequence split by entities is removed whole.
    raw: String,
    /// A list item's "• " or "3. ", written before its first character.
    marker: Option<String>,
    /// Each open list's next number (`None`: bullets).
    lists: Vec<Option<u64>>,
    /// Open emphasis, each with where its first character was written
    /// (`None` until one is); the last `unstarted` have none yet.
    stack: Vec<(Emphasis, Option<usize>)>,
    unstarted: usize,
    emphasis: Vec<(Range<usize>, Emphasis)>,
    /// The open heading: its level and where the text was before it.
    heading: Option<(HeadingLevel, usize)>,
    /// A heading has been taken as (or compared with) the title.
    title_seen: bool,
    title: Option<String>,
    /// Nesting of images (their alt text is not story text).
    images: usize,
    in_code: bool,
    /// Cells so far in the table row being written.
    cells: usize,
    /// The HTML block being read, converted to text at its end.
    html: Option<String>,
    /// Inside inline `<script>` or `<style>`: its content is no text.
    skipping: Option<&'static str>,
    /// The front matter's text while it is read, and what it gave.
    meta: Option<String>,
    front_matter: FrontMatter,
    note: Option<String>,
    report: SanitizeReport,
}

impl Writer {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(s) | Event::Code(s) => self.text_event(&s),
            Event::Html(s) => {
                if let Some(h) = &mut self.html {
                    h.push_str(&s);
                }
            }
            Event::InlineHtml(s) => self.inline_html(&s),
            Event::SoftBreak | Event::HardBreak => self.inline(" "),
            Event::Rule => self.end_block(),
            Event::TaskListMarker(done) => self.inline(if done { "☑ " } else { "☐ " }),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Emphasis | Tag::Strong => {
                self.flush();
                let kind = match tag {
                    Tag::Strong => Emphasis::Bold,
                    _ => Emphasis::Italic,
                };
                self.stack.push((kind, None));
                self.unstarted += 1;
            }
            Tag::Link { .. } => {}
            Tag::Image { .. } => self.images += 1,
            Tag::Heading { level, .. } => {
                self.end_block();
                self.heading = Some((level, self.text.len()));
            }
            Tag::List(first) => {
                self.end_block();
                self.lists.push(first);
            }
            Tag::Item => {
                self.end_block();
                self.marker = Some(match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "• ".to_string(),
                });
            }
            Tag::CodeBlock(_) => {
                self.end_block();
                self.in_code = true;
            }
            Tag::HtmlBlock => {
                self.end_block();
                self.html = Some(String::new());
            }
            Tag::MetadataBlock(_) => self.meta = Some(String::new()),
            Tag::TableHead | Tag::TableRow => {
                self.end_block();
                self.cells = 0;
            }
            // A table row is a paragraph, its cells apart.
            Tag::TableCell => {
                if self.cells > 0 {
                    self.inline(" | ");
                }
                self.cells += 1;
            }
            _ => self.end_block(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis | TagEnd::Strong => {
                self.flush();
                if let Some((kind, start)) = self.stack.pop() {
                    match start {
                        Some(s) if s < self.text.len() => {
                            self.emphasis.push((s..self.text.len(), kind));
                        }
                        Some(_) => {}
                        None => self.unstarted -= 1,
                    }
                }
            }
            TagEnd::Link => {}
            TagEnd::Image => self.images = self.images.saturating_sub(1),
            TagEnd::Heading(_) => self.heading_end(),
            TagEnd::List(_) => {
                self.end_block();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.end_block();
                self.marker = None;
            }
            TagEnd::CodeBlock => {
                self.end_block();
                self.in_code = false;
            }
            TagEnd::HtmlBlock => {
                let html = self.html.take().unwrap_or_default();
                for p in fragment_paragraphs(&html) {
                    self.inline(&p);
                    self.end_block();
                }
            }
            TagEnd::MetadataBlock(_) => {
                let yaml = self.meta.take().unwrap_or_default();
                match front_matter::read(&yaml) {
                    Ok(fm) => self.front_matter = fm,
                    Err(why) => self.note = Some(format!("front matter not read: {why}")),
                }
            }
            TagEnd::TableCell => {}
            _ => self.end_block(),
        }
    }

    fn text_event(&mut self, s: &str) {
        if let Some(meta) = &mut self.meta {
            meta.push_str(s);
        } else if self.images > 0 || self.skipping.is_some() {
            // Alt text stands in for a picture, and a script is no text.
        } else if self.in_code {
            // A line of code (or verse) stays a line: a paragraph each.
            let mut lines = s.split('\n');
            if let Some(first) = lines.next() {
                self.inline(first);
            }
            for line in lines {
                self.end_block();
                self.inline(line);
            }
        } else {
            self.inline(s);
        }
    }

    /// Inline tags are dropped, their text kept; a line break is a space;
    /// what a script or style holds goes with it.
    fn inline_html(&mut self, tag: &str) {
        let lower = tag.to_ascii_lowercase();
        if let Some(skipped) = self.skipping {
            if lower.starts_with("</") && lower[2..].starts_with(skipped) {
                self.skipping = None;
            }
        } else if lower.starts_with("<br") {
            self.inline(" ");
        } else if let Some(name) = ["script", "style"]
            .into_iter()
            .find(|n| lower.get(1..).is_some_and(|l| l.starts_with(n)) && !lower.ends_with("/>"))
        {
            self.skipping = Some(name);
        }
    }

    /// The first heading is the title when it is a level-one heading or
    /// opens the text: a `## Background` after paragraphs is a section's
    /// name, not the headline. With a title in the front matter, the
    /// heading is left out only when it says the same.
    fn heading_end(&mut self) {
        self.end_block();
        let Some((level, before)) = self.heading.take() else {
            return;
        };
        if self.title_seen || !(level == HeadingLevel::H1 || before == 0) {
            return;
        }
        self.title_seen = true;
        let heading = self.text[before..].trim_start_matches('\n').to_string();
        let same = |t: &String| {
            let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            words(t).to_lowercase() == heading.to_lowercase()
        };
        if self.front_matter.title.as_ref().is_none_or(same) {
            self.text.truncate(before);
            self.emphasis.retain(|(r, _)| r.start < before);
            if self.front_matter.title.is_none() && !heading.is_empty() {
                self.title = Some(heading);
            }
        }
    }

    fn inline(&mut self, s: &str) {
        self.raw.push_str(s);
    }

    /// Ends the open paragraph (a block starts or ends).
    fn end_block(&mut self) {
        self.flush();
        self.open = false;
        self.space = false;
    }

    /// Writes the pending inline text, sanitised, its white space squeezed.
    fn flush(&mut self) {
        if self.raw.is_empty() {
            return;
        }
        let (clean, report) = sanitize_run(&self.raw);
        self.raw.clear();
        merge(&mut self.report, report);
        for c in clean.chars() {
            if c == ' ' || c == '\n' {
                self.space = self.open;
            } else {
                self.put(c);
            }
        }
    }

    fn put(&mut self, c: char) {
        if !self.open {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            if let Some(m) = self.marker.take() {
                self.text.push_str(&m);
            }
            self.open = true;
        } else if self.space {
            self.text.push(' ');
        }
        self.space = false;
        let at = self.text.len();
        let n = self.stack.len();
        for (_, start) in &mut self.stack[n - self.unstarted..] {
            *start = Some(at);
        }
        self.unstarted = 0;
        self.text.push(c);
    }
}

#[cfg(test)]
mod tests;
