//! The speakers view (`s`): every speaker of the corpus, most quoted
//! first, the unnamed sources last under one entry, and the selected
//! speaker's quotations across the articles, grouped by article, each
//! with how its speaker was found and a line of context.
//!
//! The rows of the quotations pane are laid out here (in `App::sync`),
//! once per speaker and width, never while drawing.

use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::corpus::Article;
use crate::quotes::{ArticleQuotes, CorpusSpeaker, How, Quote, QuoteRef, SpeakerIndex};

use crate::tui::app::shown_quotes::notes;
use crate::tui::prompt::PromptLine;
use crate::wrap::{display_width, wrap};

/// Lines of a quotation's words shown before it is cut with "…".
pub const QUOTE_LINES: usize = 3;
/// Cells left of a quotation's words (cursor marker, space).
pub const QUOTE_INDENT: usize = 3;
/// Widest line the quotations pane lays out.
pub const MAX_QUOTES_WIDTH: usize = 100;

/// Which of the view's two panes has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpeakersPane {
    #[default]
    List,
    Quotes,
}

/// What a row of the quotations pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// An article's title (the article's index).
    Title(usize),
    /// Its byline, source and date.
    Byline(usize),
    /// A line of quotation `n` (index into the speaker's quotations).
    Quote(usize),
    /// How quotation `n`'s speaker was found and who carried the words
    /// ("pronoun · via TASS"), or, among the unnamed sources, which one.
    Note(usize),
    /// The paragraph around quotation `n`.
    Context(usize),
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    pub text: String,
}

/// The selected speaker's quotations as rows of a given width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteList {
    /// Index of the speaker in the index.
    pub speaker: usize,
    pub width: usize,
    pub rows: Vec<Row>,
    /// Per quotation: its first row, one past its last, and the first row
    /// to show with it (its article's title, for an article's first one).
    pub starts: Vec<usize>,
    pub ends: Vec<usize>,
    pub heads: Vec<usize>,
}

/// State of the speakers view.
#[derive(Debug, Clone, Default)]
pub struct SpeakersView {
    pub pane: SpeakersPane,
    /// Indices into the index's speakers, in list order: all of them, or
    /// those matching the query, best match first.
    pub visible: Vec<usize>,
    /// Whether `visible` was made from the speaker index (it is empty
    /// while the index is not ready).
    pub indexed: bool,
    /// Position of the selection in `visible`.
    pub selected: usize,
    pub list_offset: usize,
    /// The speaker filter (`/` in this view) and whether it is typed.
    pub query: PromptLine,
    pub editing: bool,
    pub quotes: Option<QuoteList>,
    /// The quotation the cursor is on (index into the speaker's quotes).
    pub quote_cursor: usize,
    pub quote_scroll: usize,
}

impl SpeakersView {
    /// The speaker under the selection (index into the index).
    pub fn selected_speaker(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    /// Select list position `pos` (clamped); a new speaker's quotations
    /// start at the top.
    pub fn select(&mut self, pos: usize) {
        let pos = pos.min(self.visible.len().saturating_sub(1));
        if pos != self.selected {
            self.selected = pos;
            self.quote_cursor = 0;
            self.quote_scroll = 0;
        }
    }

    /// Recompute the list for the query: every speaker, most quoted
    /// first, or those whose name or an alias fuzzy-matches it, best
    /// first. The selection stays on its speaker when it still shows.
    pub fn refilter(&mut self, index: &SpeakerIndex) {
        let keep = self.selected_speaker();
        self.visible = matching(index, &self.query);
        self.indexed = true;
        let pos = keep.and_then(|k| self.visible.iter().position(|&s| s == k));
        match pos {
            Some(p) => self.selected = p,
            None => {
                self.selected = 0;
                self.quote_cursor = 0;
                self.quote_scroll = 0;
            }
        }
    }

    /// Make sure the quotation rows are for the selected speaker at
    /// `width`, and the cursor and scroll in bounds for `rows` rows.
    pub fn sync_quotes(
        &mut self,
        index: &SpeakerIndex,
        articles: &[Article],
        quotes: &[Option<Arc<ArticleQuotes>>],
        width: usize,
        rows: usize,
    ) {
        let width = width.clamp(1, MAX_QUOTES_WIDTH);
        let Some(s) = self.selected_speaker() else {
            self.quotes = None;
            return;
        };
        let fresh = self
            .quotes
            .as_ref()
            .is_some_and(|q| q.speaker == s && q.width == width);
        if !fresh {
            self.quotes = Some(QuoteList::build(
                s,
                &index.speakers[s],
                articles,
                quotes,
                width,
            ));
        }
        let n = index.speakers[s].quotes.len();
        self.quote_cursor = self.quote_cursor.min(n.saturating_sub(1));
        if let Some(list) = &self.quotes {
            let max = list.rows.len().saturating_sub(rows);
            self.quote_scroll = self.quote_scroll.min(max);
        }
    }

    /// Scroll so that the cursor's quotation (with its article's title,
    /// when it is the article's first) is in a pane of `rows` rows.
    pub fn show_cursor(&mut self, rows: usize) {
        let Some(list) = &self.quotes else {
            return;
        };
        let c = self.quote_cursor;
        let (Some(&head), Some(&end)) = (list.heads.get(c), list.ends.get(c)) else {
            return;
        };
        if head < self.quote_scroll {
            self.quote_scroll = head;
        } else if end > self.quote_scroll + rows {
            self.quote_scroll = end
                .saturating_sub(rows.max(1))
                .min(head.max(list.starts[c]));
        }
    }

    /// The quotation shown on row `row` of the pane's rows.
    pub fn quote_at_row(&self, row: usize) -> Option<usize> {
        let list = self.quotes.as_ref()?;
        (0..list.starts.len()).find(|&i| list.starts[i] <= row && row < list.ends[i])
    }
}

/// Speakers answering to `query`, in list order.
pub fn matching(index: &SpeakerIndex, query: &str) -> Vec<usize> {
    let query = query.trim();
    if query.is_empty() {
        return (0..index.speakers.len()).collect();
    }
    let matcher = SkimMatcherV2::default();
    let mut scored: Vec<(i64, usize)> = index
        .speakers
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            std::iter::once(&s.name)
                .chain(&s.aliases)
                .filter_map(|n| matcher.fuzzy_match(n, query))
                .max()
                .map(|score| (score, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

impl QuoteList {
    pub fn build(
        id: usize,
        speaker: &CorpusSpeaker,
        articles: &[Article],
        quotes: &[Option<Arc<ArticleQuotes>>],
        width: usize,
    ) -> QuoteList {
        let mut list = QuoteList {
            speaker: id,
            width,
            rows: Vec::new(),
            starts: Vec::new(),
            ends: Vec::new(),
            heads: Vec::new(),
        };
        let text_width = width.saturating_sub(QUOTE_INDENT).max(1);
        let mut last_article = None;
        for (n, r) in speaker.quotes.iter().enumerate() {
            let article = articles.get(r.article);
            let found = quotes.get(r.article).and_then(Option::as_ref);
            let quote = found.and_then(|f| f.quotes.get(r.quote));
            if last_article != Some(r.article) && last_article.is_some() {
                list.push(RowKind::Blank, String::new());
            }
            let head = list.rows.len();
            if last_article != Some(r.article) {
                last_article = Some(r.article);
                let title =
                    article.map_or_else(|| "(article not loaded)".into(), |a| a.title.clone());
                list.push(RowKind::Title(r.article), title);
                list.push(
                    RowKind::Byline(r.article),
                    article.map(byline).unwrap_or_default(),
                );
            }
            list.heads.push(head);
            list.starts.push(list.rows.len());
            match (article, quote) {
                (Some(a), Some(q)) => {
                    let words = format!("“{}”", flat(q.text(a)));
                    for line in wrap_lines(&words, text_width, QUOTE_LINES) {
                        list.push(RowKind::Quote(n), line);
                    }
                    let note = note(speaker, found, q);
                    if !note.is_empty() {
                        list.push(RowKind::Note(n), note);
                    }
                    let context = context_line(a, q, text_width);
                    if !context.is_empty() {
                        list.push(RowKind::Context(n), context);
                    }
                }
                _ => list.push(RowKind::Quote(n), "(quotation not found)".into()),
            }
            list.ends.push(list.rows.len());
        }
        list
    }

    fn push(&mut self, kind: RowKind, text: String) {
        self.rows.push(Row { kind, text });
    }
}

/// What a quotation's note row says: how its speaker was found and who
/// carried the words ("pronoun · via TASS"; nothing for a speaker named
/// beside the words); under the unnamed sources, which source it is
/// ("senior administration official · via TASS").
fn note(speaker: &CorpusSpeaker, found: Option<&Arc<ArticleQuotes>>, q: &Quote) -> String {
    let mut parts = notes(q, false);
    if speaker.is_unnamed() {
        // "unnamed" goes without saying here; the description does not.
        parts.retain(|p| p != How::Unnamed.label());
        if let Some(sp) = found.and_then(|f| f.speaker_of(q)) {
            parts.insert(0, flat(&sp.name));
        }
    }
    parts.join(" · ")
}

/// Where a quotation is: the article's index and the quotation's.
pub fn quote_ref(index: &SpeakerIndex, speaker: usize, n: usize) -> Option<QuoteRef> {
    index.speakers.get(speaker)?.quotes.get(n).copied()
}

/// "Byline · Source · date".
fn byline(a: &Article) -> String {
    let parts: Vec<&str> = [&a.byline, &a.source, &a.date]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if parts.is_empty() {
        a.path.clone()
    } else {
        parts.join(" · ")
    }
}

/// Soft line breaks and runs of white space as single spaces.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` wrapped to `width`, at most `max` lines, the last cut with "…"
/// when there is more.
fn wrap_lines(text: &str, width: usize, max: usize) -> Vec<String> {
    let ranges = wrap(text, 0, width);
    let mut lines: Vec<String> = ranges
        .iter()
        .take(max)
        .map(|r| text[r.clone()].to_string())
        .collect();
    if ranges.len() > max
        && let Some(last) = lines.last_mut()
    {
        let cut = super::text::truncate(&format!("{last} …"), width);
        *last = if cut.ends_with('…') {
            cut
        } else {
            format!("{last}…")
        };
    }
    lines
}

/// The quotation's paragraph with the quotation itself as "“…”": the
/// words around it, which say who spoke and where, cut to `width` around
/// the quotation. Empty when the quotation is the whole paragraph.
pub fn context_line(a: &Article, q: &Quote, width: usize) -> String {
    let Some(p) = a.paragraphs.get(q.paragraph) else {
        return String::new();
    };
    let outer = q.outer();
    let before = flat(a.text.get(p.start..outer.start.max(p.start)).unwrap_or(""));
    let after = flat(a.text.get(outer.end.min(p.end)..p.end).unwrap_or(""));
    if before.is_empty()
        && after
            .trim_matches(|c: char| c.is_ascii_punctuation())
            .is_empty()
    {
        return String::new();
    }
    let mark = "“…”";
    let room = width.saturating_sub(display_width(mark) + 2);
    // The words just before the quotation, then as much after as fits.
    let before_room = if after.is_empty() { room } else { room / 2 };
    let before = tail(&before, before_room);
    let used = display_width(&before) + display_width(mark);
    let sep = |s: &str| {
        if s.is_empty() || s.starts_with([',', '.', ';', ':', '?', '!']) {
            ""
        } else {
            " "
        }
    };
    let mut out = before.clone();
    if !before.is_empty() {
        out.push(' ');
    }
    out.push_str(mark);
    out.push_str(sep(&after));
    let rest = width.saturating_sub(used + 2);
    out.push_str(&super::text::truncate(&after, rest));
    out
}

/// The end of `s` in at most `width` cells, from a word start, led by "…"
/// when cut.
fn tail(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    if width < 2 {
        return String::new();
    }
    let mut start = s.len();
    let mut w = 1;
    for (i, c) in s.char_indices().rev() {
        let cw = display_width(c.encode_utf8(&mut [0; 4]));
        if w + cw > width {
            break;
        }
        w += cw;
        start = i;
    }
    let mut cut = &s[start..];
    if let Some(sp) = cut.find(' ') {
        cut = &cut[sp + 1..];
    }
    format!("…{cut}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tails_and_wraps_fit_their_width() {
        assert_eq!(tail("one two three", 20), "one two three");
        let t = tail("one two three four", 12);
        assert!(display_width(&t) <= 12 && t.starts_with('…'), "{t}");
        let lines = wrap_lines(&"word ".repeat(40), 20, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert!(lines.iter().all(|l| display_width(l) <= 20), "{lines:?}");
    }
}
