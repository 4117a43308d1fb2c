//! The statements view (`w`): every statement of the corpus, carried by
//! the most outlets first, and the selected one's renderings, earliest
//! first, each as a word diff against the most common wording.
//!
//! The rows of the renderings pane are laid out here (in `App::sync`),
//! once per statement and width, never while drawing.

use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use crate::compare::DiffOp;
use crate::corpus::Article;
use crate::quotes::{ArticleQuotes, QuoteRef, SpeakerIndex};
use crate::statements::{Statements, wording};
use crate::tui::prompt::PromptLine;
use crate::wrap::display_width;

/// Widest line the renderings pane lays out.
pub const MAX_RENDERING_WIDTH: usize = 100;
/// Cells left of a rendering's words (cursor marker, space).
pub const RENDERING_INDENT: usize = 3;

/// Which of the view's two panes has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatementsPane {
    #[default]
    List,
    Renderings,
}

/// What a run of a rendering's words is, against the common wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg {
    Same,
    /// In the common wording, not in this rendering.
    Removed,
    /// In this rendering, not in the common wording.
    Added,
}

/// What a row of the renderings pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Where rendering `n` ran: outlet, date, carrier, article.
    Place(usize),
    /// A line of rendering `n`'s words.
    Words(usize),
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    pub spans: Vec<(String, Seg)>,
}

/// The selected statement's renderings as rows of a given width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderingList {
    pub statement: usize,
    pub width: usize,
    pub rows: Vec<Row>,
    /// Per rendering: its first row and one past its last.
    pub starts: Vec<usize>,
    pub ends: Vec<usize>,
}

/// State of the statements view.
#[derive(Debug, Clone, Default)]
pub struct StatementsView {
    pub pane: StatementsPane,
    /// Indices into the statements, in list order: all, or those matching
    /// the query.
    pub visible: Vec<usize>,
    /// Whether `visible` was made from the statements (empty while they
    /// are not ready).
    pub indexed: bool,
    pub selected: usize,
    pub list_offset: usize,
    /// The filter (`/` in this view) and whether it is typed.
    pub query: PromptLine,
    pub editing: bool,
    pub renderings: Option<RenderingList>,
    /// The last query and its matches (sorted), which a longer query
    /// narrows.
    pub last: Option<(String, Vec<usize>)>,
    /// The rendering the cursor is on.
    pub cursor: usize,
    pub scroll: usize,
}

impl StatementsView {
    pub fn selected_statement(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    /// Select list position `pos` (clamped); a new statement's renderings
    /// start at the top.
    pub fn select(&mut self, pos: usize) {
        let pos = pos.min(self.visible.len().saturating_sub(1));
        if pos != self.selected {
            self.selected = pos;
            self.cursor = 0;
            self.scroll = 0;
        }
    }

    /// Recompute the list for the query; the selection stays on its
    /// statement when it still shows. `haystacks` are the statements'
    /// speakers and common wordings (see [`haystacks`]). A query that
    /// extends the last one searches only the last one's matches, as
    /// fzf does, so typing narrows at the speed of what is left.
    pub fn refilter(
        &mut self,
        statements: &Statements,
        index: &SpeakerIndex,
        haystacks: &[String],
    ) {
        let keep = self.selected_statement();
        let query = self.query.as_str().to_string();
        let narrowed = self
            .last
            .as_ref()
            .filter(|(q, _)| !q.is_empty() && query.starts_with(q.as_str()))
            .map(|(_, found)| found.as_slice());
        self.visible = matching(statements, index, &query, haystacks, narrowed);
        let mut found = self.visible.clone();
        found.sort_unstable();
        self.last = Some((query, found));
        self.indexed = true;
        match keep.and_then(|k| self.visible.iter().position(|&s| s == k)) {
            Some(p) => self.selected = p,
            None => {
                self.selected = 0;
                self.cursor = 0;
                self.scroll = 0;
            }
        }
    }

    /// Make sure the rows are for the selected statement at `width`, and
    /// the cursor and scroll in bounds for `rows` rows.
    pub fn sync_rows(
        &mut self,
        statements: &Statements,
        articles: &[Article],
        quotes: &[Option<Arc<ArticleQuotes>>],
        width: usize,
        rows: usize,
    ) {
        let width = width.clamp(1, MAX_RENDERING_WIDTH);
        let Some(id) = self.selected_statement() else {
            self.renderings = None;
            return;
        };
        let fresh = self
            .renderings
            .as_ref()
            .is_some_and(|r| r.statement == id && r.width == width);
        if !fresh {
            self.renderings = Some(lay_out(statements, id, articles, quotes, width));
        }
        let Some(list) = &self.renderings else {
            return;
        };
        self.cursor = self.cursor.min(list.starts.len().saturating_sub(1));
        self.show_cursor(rows);
    }

    /// Scroll so the cursor's rendering shows whole where it fits.
    pub fn show_cursor(&mut self, rows: usize) {
        let Some(list) = &self.renderings else {
            return;
        };
        let (Some(&start), Some(&end)) = (list.starts.get(self.cursor), list.ends.get(self.cursor))
        else {
            return;
        };
        if start < self.scroll {
            self.scroll = start;
        } else if end > self.scroll + rows.max(1) {
            self.scroll = end.saturating_sub(rows.max(1)).min(start);
        }
    }

    /// The rendering a row belongs to.
    pub fn rendering_at_row(&self, row: usize) -> Option<usize> {
        let list = self.renderings.as_ref()?;
        match list.rows.get(row)?.kind {
            RowKind::Place(n) | RowKind::Words(n) => Some(n),
            RowKind::Blank => None,
        }
    }
}

/// The rendering `n` of statement `id`.
pub fn rendering(statements: &Statements, id: usize, n: usize) -> Option<QuoteRef> {
    statements.statements.get(id)?.renderings.get(n).copied()
}

/// Statements matching `query`: `@name` terms keep a speaker's (a name
/// or alias containing it, any case), each other word fuzzy-matches the
/// speaker and the common wording, best first; no query, all in rank
/// order.
/// What the filter searches per statement: its speaker's name and its
/// most common wording (made once per set of statements, not per key).
pub fn haystacks(
    statements: &Statements,
    index: &SpeakerIndex,
    text: &dyn Fn(usize) -> String,
) -> Vec<String> {
    (0..statements.statements.len())
        .map(|i| {
            let s = &statements.statements[i];
            format!("{} {}", index.speakers[s.speaker].name, text(i))
        })
        .collect()
}

/// The statements matching `query` (every word fuzzily, every `@name` in
/// the speaker's name or an alias), best first; among `within` (sorted)
/// when given. Scored on every core.
fn matching(
    statements: &Statements,
    index: &SpeakerIndex,
    query: &str,
    haystacks: &[String],
    within: Option<&[usize]>,
) -> Vec<usize> {
    let mut names = Vec::new();
    let mut words = Vec::new();
    for term in query.split_whitespace() {
        match term.strip_prefix('@') {
            Some(name) if !name.is_empty() => names.push(name.to_lowercase()),
            // A lone "@" is a name being typed: no condition yet (so that
            // each key narrows what the one before found).
            Some(_) => {}
            None => words.push(term),
        }
    }
    let speaker_ok = |s: usize| {
        let sp = &index.speakers[s];
        names.iter().all(|n| {
            std::iter::once(&sp.name)
                .chain(&sp.aliases)
                .any(|a| a.to_lowercase().contains(n.as_str()))
        })
    };
    let everything: Vec<usize>;
    let candidates = match within {
        Some(w) => w,
        None => {
            everything = (0..statements.statements.len()).collect();
            &everything
        }
    };
    let shown = |i: usize| {
        statements
            .statements
            .get(i)
            .is_some_and(|s| speaker_ok(s.speaker))
    };
    if words.is_empty() {
        return candidates.iter().copied().filter(|&i| shown(i)).collect();
    }
    // Each word a term of its own, all of them to match (as fzf's
    // space-separated terms); the best scores first.
    let mut scored: Vec<(i64, usize)> = candidates
        .par_iter()
        .filter(|&&i| shown(i))
        .map_init(SkimMatcherV2::default, |matcher, &i| {
            let hay = haystacks.get(i).map_or("", String::as_str);
            words
                .iter()
                .map(|w| matcher.fuzzy_match(hay, w))
                .sum::<Option<i64>>()
                .map(|score| (score, i))
        })
        .flatten()
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// Statement `id`'s renderings as rows `width` wide.
fn lay_out(
    statements: &Statements,
    id: usize,
    articles: &[Article],
    quotes: &[Option<Arc<ArticleQuotes>>],
    width: usize,
) -> RenderingList {
    let s = &statements.statements[id];
    let text = |r: QuoteRef| -> &str {
        quotes
            .get(r.article)
            .and_then(|q| q.as_ref()?.quotes.get(r.quote))
            .map_or("", |q| q.text(&articles[r.article]))
    };
    let common = s.renderings[s.common];
    let words_width = width.saturating_sub(RENDERING_INDENT).max(1);
    let mut list = RenderingList {
        statement: id,
        width,
        rows: Vec::new(),
        starts: Vec::new(),
        ends: Vec::new(),
    };
    for (n, &r) in s.renderings.iter().enumerate() {
        list.starts.push(list.rows.len());
        let a = &articles[r.article];
        let mut place: Vec<String> = Vec::new();
        place.extend(a.source.clone());
        place.extend(a.published().map(|d| d.short()));
        if let Some(via) = quotes
            .get(r.article)
            .and_then(|q| q.as_ref()?.quotes.get(r.quote)?.via.clone())
        {
            place.push(format!("via {via}"));
        }
        let part = word_count(text(r)) < wording::PART_SHARE * word_count(text(common));
        if r == common {
            place.push("most common wording".into());
        } else if part {
            place.push("a part".into());
        }
        place.push(a.title.clone());
        list.rows.push(Row {
            kind: RowKind::Place(n),
            spans: vec![(place.join(" · "), Seg::Same)],
        });
        let segs: Vec<(String, Seg)> = if r == common || part {
            vec![(text(r).to_string(), Seg::Same)]
        } else {
            diff_segments(text(common), text(r))
        };
        for line in wrap_segments(&segs, words_width) {
            list.rows.push(Row {
                kind: RowKind::Words(n),
                spans: line,
            });
        }
        list.ends.push(list.rows.len());
        list.rows.push(Row {
            kind: RowKind::Blank,
            spans: Vec::new(),
        });
    }
    list
}

fn word_count(s: &str) -> f32 {
    s.split_whitespace().count() as f32
}

/// The rendering as runs of the same, removed and added words.
fn diff_segments(common: &str, rendering: &str) -> Vec<(String, Seg)> {
    crate::compare::word_diff(common, rendering)
        .into_iter()
        .map(|op| match op {
            DiffOp::Equal { right, .. } => (rendering[right].to_string(), Seg::Same),
            DiffOp::Delete { left } => (common[left].to_string(), Seg::Removed),
            DiffOp::Insert { right } => (rendering[right].to_string(), Seg::Added),
        })
        .collect()
}

/// Runs of words wrapped at `width` cells, each word keeping its kind
/// (the space before a word is plain); a word wider than a line takes a
/// line of its own, which the view cuts.
fn wrap_segments(segs: &[(String, Seg)], width: usize) -> Vec<Vec<(String, Seg)>> {
    let mut lines: Vec<Vec<(String, Seg)>> = Vec::new();
    let mut line: Vec<(String, Seg)> = Vec::new();
    let mut used = 0;
    for (text, seg) in segs {
        for word in text.split_whitespace() {
            let w = display_width(word);
            let gap = usize::from(used > 0);
            if used + gap + w > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            let gap = usize::from(used > 0);
            match line.last_mut() {
                Some((t, s)) if *s == *seg => {
                    t.push(' ');
                    t.push_str(word);
                }
                _ => {
                    if gap == 1 {
                        line.push((" ".into(), Seg::Same));
                    }
                    line.push((word.to_string(), *seg));
                }
            }
            used += gap + w;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
