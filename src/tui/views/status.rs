//! The bottom bar: where you are, the keys that matter now, and news
//! (loading progress, problems, messages).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::super::action::Action;
use super::super::app::App;
use super::super::layout::{CompareAreas, Focus};
use super::text::{count, thousands, truncate};
use crate::tui::app::compare::{CompareMode, CompareState};
use crate::tui::app::speakers::{SpeakersPane, SpeakersView};
use crate::tui::prompt::PromptLine;

/// The hints shown, per focus: (action, what to call it).
const LIST_HINTS: &[(Action, &str)] = &[
    (Action::Down, "next"),
    (Action::Open, "read"),
    (Action::FocusNext, "pane"),
    (Action::ToggleHelp, "help"),
    (Action::Quit, "quit"),
];
/// Added to the list's hints while an article is marked.
const MARKED_HINT: (Action, &str) = (Action::Compare, "compare with marked");
const COMPARE_HINTS: &[(Action, &str)] = &[
    (Action::FocusNext, "pane"),
    (Action::NextQuote, "next shared"),
    (Action::ToggleSyncScroll, "sync"),
    (Action::ToggleCompareTable, "table"),
    (Action::Back, "list"),
    (Action::ToggleHelp, "help"),
    (Action::Quit, "quit"),
];
const TABLE_HINTS: &[(Action, &str)] = &[
    (Action::Down, "row"),
    (Action::Open, "show in panes"),
    (Action::ToggleCompareTable, "panes"),
    (Action::ToggleHelp, "help"),
    (Action::Quit, "quit"),
];
const SPEAKER_HINTS: &[(Action, &str)] = &[
    (Action::Down, "next"),
    (Action::FocusNext, "quotations"),
    (Action::Filter, "filter"),
    (Action::Back, "articles"),
    (Action::ToggleHelp, "help"),
    (Action::Quit, "quit"),
];
const SPEAKER_QUOTE_HINTS: &[(Action, &str)] = &[
    (Action::Down, "next quotation"),
    (Action::Open, "read it"),
    (Action::Back, "speakers"),
    (Action::ToggleHelp, "help"),
    (Action::Quit, "quit"),
];
const STATEMENT_HINTS: &[(Action, &str)] = &[
    (Action::Down, "next"),
    (Action::FocusNext, "renderings"),
    (Action::Filter, "filter"),
    (Action::Back, "articles"),
    (Action::ToggleHelp, "help"),
    (Action::Quit, "quit"),
];
const COVERAGE_HINTS: &[(Action, &str)] = &[
    (Action::Down, "speaker"),
    (Action::FocusNext, "outlet"),
    (Action::Open, "their quotations there"),
    (Action::Back, "articles"),
    (Action::ToggleHelp, "help"),
    (Action::Quit, "quit"),
];
const STORY_HINTS: &[(Action, &str)] = &[
    (Action::Down, "statement"),
    (Action::FocusNext, "article"),
    (Action::Open, "read it there"),
    (Action::Back, "articles"),
    (Action::ToggleHelp, "help"),
    (Action::Quit, "quit"),
];
const RENDERING_HINTS: &[(Action, &str)] = &[
    (Action::Down, "next rendering"),
    (Action::Open, "read it"),
    (Action::Back, "statements"),
    (Action::ToggleHelp, "help"),
    (Action::Quit, "quit"),
];
const READER_HINTS: &[(Action, &str)] = &[
    (Action::Down, "scroll"),
    (Action::HalfPageDown, "half page"),
    (Action::NextQuote, "quote"),
    (Action::ToggleQuotesOnly, "quotes only"),
    (Action::Back, "list"),
    (Action::ToggleHelp, "help"),
    (Action::Quit, "quit"),
];

/// Draw the bottom line: the filter prompt while a filter is typed or in
/// force, else position, key hints and news. Returns where the terminal
/// cursor goes (at the end of the query while typing).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    if app.find.editing || (app.find.active() && app.focus == Focus::Reader) {
        return render_find(app, area, buf);
    }
    if app.filter.editing || app.filter.active() {
        return render_prompt(app, area, buf);
    }
    render_hints(app, area, buf);
    None
}

/// The reader's find prompt: how many paragraphs of this article match.
fn render_find(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let f = &app.find;
    let mut right = match (app.shown_matches(), &app.message) {
        // "match 2 of 5" after n/N, in place of the count.
        (_, Some(message)) if !f.editing => message.clone(),
        (Some(m), _) if f.active() => {
            format!("{} in this article", count(m.len(), "matching paragraph"))
        }
        _ => "in this article".to_string(),
    };
    right.push_str("  ");
    right.push_str(&if f.editing {
        "Enter keep · Esc clear".to_string()
    } else {
        format!(
            "{}/{} matches · {} clears",
            app.keymap.hint(Action::NextMatch),
            app.keymap.hint(Action::PrevMatch),
            app.keymap.hint(Action::Back)
        )
    });
    prompt_line(app, &f.line, f.editing, right, area, buf)
}

fn render_prompt(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let f = &app.filter;
    let mut right = match &f.results {
        Some(r) if f.active() && r.speakers_pending => match app.sweep_progress() {
            Some((done, all)) => {
                format!("@ waits for the speakers: quotations of {done}/{all} articles")
            }
            None => "@ waits for the speakers…".to_string(),
        },
        Some(r) if f.active() => {
            let mut s = format!("{} of {}", r.matched, count(r.total, "article"));
            if f.names_speakers() {
                match r.speakers {
                    0 => s.push_str(" · @ matches nobody"),
                    n => s.push_str(&format!(" · quoting {}", count(n, "speaker"))),
                }
            }
            if !r.complete {
                s.push_str(" · searching…");
            }
            s
        }
        _ if f.active() => "searching…".to_string(),
        _ => String::new(),
    };
    let keys = if f.editing {
        "Enter keep · Esc clear".to_string()
    } else {
        format!(
            "{}/{} matches · {} clears · {} edits",
            app.keymap.hint(Action::NextMatch),
            app.keymap.hint(Action::PrevMatch),
            app.keymap.hint(Action::Back),
            app.keymap.hint(Action::Filter)
        )
    };
    if !right.is_empty() {
        right.push_str("  ");
    }
    right.push_str(&keys);
    prompt_line(app, &f.query, f.editing, right, area, buf)
}

/// " /query" on the left, `right` (counts and keys) on the right; the
/// terminal cursor after the query while it is typed.
fn prompt_line(
    app: &App,
    prompt: &PromptLine,
    editing: bool,
    mut right: String,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let t = &app.theme;
    right.push(' ');
    let right_width = right.width().min(area.width as usize / 2);
    let right = truncate(&right, right_width);
    let query_width = (area.width as usize).saturating_sub(right_width + 4);
    let query = prompt.as_str();
    // Show the end of a long query: that is where the typing happens.
    let query: String = {
        let w = query.width();
        if w <= query_width {
            query.to_string()
        } else {
            let mut tail: Vec<char> = Vec::new();
            let mut used = 1;
            for c in query.chars().rev() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used + cw > query_width {
                    break;
                }
                used += cw;
                tail.push(c);
            }
            std::iter::once('…').chain(tail.into_iter().rev()).collect()
        }
    };
    let line = Line::from(vec![
        Span::styled(" /", t.prompt),
        Span::styled(query.clone(), t.text),
    ]);
    line.render(area, buf);
    let w = right.width() as u16;
    let r = Rect {
        x: area.right().saturating_sub(w),
        width: w.min(area.width),
        ..area
    };
    Line::styled(right, t.dim).render(r, buf);
    // The cursor: as far from the end as the text after it is wide.
    let after = prompt.as_str()[prompt.cursor()..].width();
    let col = query.width().saturating_sub(after);
    editing.then(|| Position::new(area.x + 2 + col as u16, area.y))
}

/// The speakers view's bottom line: the speaker filter while it is typed
/// or in force, else position, keys and news.
pub fn render_speakers(
    app: &App,
    v: &SpeakersView,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let line = FilteredList {
        query: &v.query,
        editing: v.editing,
        visible: v.visible.len(),
        selected: v.selected,
        total: app
            .speakers
            .as_ref()
            .map(|ix| count(ix.speakers.len(), "speaker")),
        hints: match v.pane {
            SpeakersPane::List => SPEAKER_HINTS,
            SpeakersPane::Quotes => SPEAKER_QUOTE_HINTS,
        },
    };
    line.render(app, area, buf)
}

/// The bottom line of the statements view: the filter prompt while it is
/// typed or set, else the position and the keys of the pane.
pub fn render_statements(
    app: &App,
    v: &crate::tui::app::statements::StatementsView,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    use crate::tui::app::statements::StatementsPane;
    let line = FilteredList {
        query: &v.query,
        editing: v.editing,
        visible: v.visible.len(),
        selected: v.selected,
        total: app
            .statements
            .as_ref()
            .map(|s| count(s.statements.len(), "statement")),
        hints: match v.pane {
            StatementsPane::List => STATEMENT_HINTS,
            StatementsPane::Renderings => RENDERING_HINTS,
        },
    };
    line.render(app, area, buf)
}

/// The bottom line of a view that lists things and filters them with `/`
/// (the speakers, the statements).
struct FilteredList<'a> {
    query: &'a crate::tui::prompt::PromptLine,
    editing: bool,
    visible: usize,
    selected: usize,
    /// "12 speakers", once the list is known.
    total: Option<String>,
    hints: &'static [(Action, &'static str)],
}

impl FilteredList<'_> {
    /// The filter prompt while it is typed or set, with how many match;
    /// else the position and the keys of the pane.
    fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
        if self.editing || !self.query.is_empty() {
            let mut right = self
                .total
                .as_ref()
                .map_or_else(String::new, |t| format!("{} of {t}  ", self.visible));
            right.push_str(if self.editing {
                "Enter keep · Esc clear"
            } else {
                "Esc clears"
            });
            return prompt_line(app, self.query, self.editing, right, area, buf);
        }
        let badge = (self.visible > 0).then(|| format!(" {}/{} ", self.selected + 1, self.visible));
        render_hint_line(app, badge, self.hints, area, buf);
        None
    }
}

/// The coverage table's bottom line: the cursor's row and column, the
/// keys, and news.
pub fn render_coverage(
    app: &App,
    v: &crate::tui::app::coverage::CoverageView,
    area: Rect,
    buf: &mut Buffer,
) {
    let badge = v
        .table
        .as_ref()
        .filter(|t| !t.rows.is_empty())
        .map(|t| format!(" {}/{} ", v.row + 1, t.rows.len()));
    render_hint_line(app, badge, COVERAGE_HINTS, area, buf);
}

/// A story matrix's bottom line: the cursor's row, the keys, and news.
pub fn render_story(
    app: &App,
    v: &crate::tui::app::story_matrix::StoryView,
    area: Rect,
    buf: &mut Buffer,
) {
    let rows = v.matrix.statements.len();
    let badge = (rows > 0).then(|| format!(" {}/{rows} ", v.row + 1));
    render_hint_line(app, badge, STORY_HINTS, area, buf);
}

/// The bottom line of the comparison: the active pane and whether the
/// panes scroll together, the keys that matter there, and news.
pub fn render_compare(app: &App, c: &CompareState, areas: &CompareAreas, buf: &mut Buffer) {
    let (badge, hints) = match c.mode {
        CompareMode::Panes => {
            let sync = if c.sync { "in sync" } else { "apart" };
            (
                format!(" {} pane · {sync} ", c.active.name(areas.stacked)),
                COMPARE_HINTS,
            )
        }
        CompareMode::Table => (" table ".to_string(), TABLE_HINTS),
    };
    render_hint_line(app, Some(badge), hints, areas.status, buf);
}

fn render_hints(app: &App, area: Rect, buf: &mut Buffer) {
    let badge =
        (!app.order.is_empty()).then(|| format!(" {}/{} ", app.selected + 1, app.order.len()));
    let mut hints: Vec<(Action, &str)> = match app.focus {
        Focus::List => LIST_HINTS.to_vec(),
        Focus::Reader => READER_HINTS.to_vec(),
    };
    if app.marked.is_some() {
        // Before help and quit.
        let at = hints.len().saturating_sub(2);
        hints.insert(at, MARKED_HINT);
    }
    render_hint_line(app, badge, &hints, area, buf);
}

fn render_hint_line(
    app: &App,
    badge: Option<String>,
    hints: &[(Action, &str)],
    area: Rect,
    buf: &mut Buffer,
) {
    let t = &app.theme;
    let right = right_text(app);
    let right_width = right.as_ref().map_or(0, |(s, _)| s.width());
    // Each hint is its key and its label: both fit, or neither is shown.
    let mut groups: Vec<Vec<Span>> = Vec::new();
    if let Some(b) = badge {
        groups.push(vec![Span::styled(b, t.status)]);
    }
    for (action, label) in hints {
        groups.push(vec![
            Span::styled(format!(" {}", app.keymap.hint(*action)), t.status_key),
            Span::styled(format!(" {label} "), t.status),
        ]);
    }
    // Hints give way to the news on the right when space is short.
    let budget = (area.width as usize).saturating_sub(right_width + 1);
    let mut used = 0;
    let mut left = Vec::new();
    for g in groups {
        let w: usize = g.iter().map(|s| s.content.width()).sum();
        if used + w > budget {
            break;
        }
        used += w;
        left.extend(g);
    }
    Line::from(left).style(t.status).render(area, buf);
    if let Some((text, style)) = right {
        let text = truncate(&text, area.width as usize);
        let w = text.width() as u16;
        let r = Rect {
            x: area.right().saturating_sub(w),
            width: w.min(area.width),
            ..area
        };
        Line::styled(text, style).render(r, buf);
    }
}

/// The message, else loading progress, else the problem count.
fn right_text(app: &App) -> Option<(String, ratatui::style::Style)> {
    let t = &app.theme;
    if let Some(m) = &app.message {
        return Some((format!("{m} "), t.status));
    }
    if !app.loading.done {
        let total = app
            .loading
            .total_files
            .map_or_else(|| "…".to_string(), |n| n.to_string());
        return Some((
            format!("loading {} articles / {total} files ", app.articles.len()),
            t.warning,
        ));
    }
    // While the sweep runs, its progress; after any problem notice, which
    // must not wait for it.
    let progress = app.sweep_progress().map(|(done, total)| {
        format!(
            "finding quotations {}/{} ",
            thousands(done),
            thousands(total)
        )
    });
    let with = |severity: crate::corpus::Severity| {
        app.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    };
    let skipped = with(crate::corpus::Severity::Skipped);
    let repaired = with(crate::corpus::Severity::Repaired);
    if !app.problems.is_empty() || !app.reading.warnings.is_empty() {
        let key = app.keymap.hint(Action::ShowProblems);
        // The most serious kind there is; the rest are one key away.
        let mut what = if skipped > 0 {
            format!("{skipped} not loaded")
        } else if repaired > 0 {
            format!("{repaired} repaired")
        } else if !app.problems.is_empty() {
            format!("{} noted", app.problems.len())
        } else {
            String::new()
        };
        let mut topics: Vec<&str> = app.reading.warnings.iter().map(|w| w.topic).collect();
        topics.dedup();
        for topic in topics {
            if !what.is_empty() {
                what.push_str(" · ");
            }
            what.push_str(topic);
        }
        let progress = progress.map_or_else(String::new, |p| format!("· {p}"));
        return Some((format!("⚠ {what} · {key} shows {progress}"), t.warning));
    }
    progress.map(|p| (p, t.status))
}
