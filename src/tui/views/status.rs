//! The bottom bar: where you are, the keys that matter now, and news
//! (loading progress, problems, messages).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::super::action::Action;
use super::super::app::App;
use super::super::compare_view::{CompareMode, CompareState};
use super::super::layout::{CompareAreas, Focus};
use super::text::{count, truncate};

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
    if app.filter.editing || app.filter.active() {
        return render_prompt(app, area, buf);
    }
    render_hints(app, area, buf);
    None
}

fn render_prompt(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = &app.theme;
    let f = &app.filter;
    let mut right = match &f.results {
        Some(r) if f.active() => {
            let mut s = format!("{} of {}", r.matched, count(r.total, "article"));
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
    right.push(' ');
    let right_width = right.width().min(area.width as usize / 2);
    let right = truncate(&right, right_width);
    let query_width = (area.width as usize).saturating_sub(right_width + 4);
    // Show the end of a long query: that is where the typing happens.
    let query: String = {
        let w = f.query.width();
        if w <= query_width {
            f.query.clone()
        } else {
            let mut tail: Vec<char> = Vec::new();
            let mut used = 1;
            for c in f.query.chars().rev() {
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
    f.editing
        .then(|| Position::new(area.x + 2 + query.width() as u16, area.y))
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
    let skipped = app
        .problems
        .iter()
        .filter(|p| p.severity == crate::corpus::Severity::Skipped)
        .count();
    if !app.problems.is_empty() {
        let key = app.keymap.hint(Action::ShowProblems);
        let what = if skipped > 0 {
            format!("{skipped} not loaded")
        } else {
            format!("{} repaired", app.problems.len())
        };
        return Some((format!("⚠ {what} · {key} shows "), t.warning));
    }
    None
}
