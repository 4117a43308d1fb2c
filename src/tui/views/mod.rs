//! Drawing: one file per view, each a pure function of the app state.

pub mod compare;
pub mod compare_table;
pub mod coverage;
pub mod help;
pub mod list;
pub mod problems;
pub mod reader;
pub mod speakers;
pub mod statements;
pub mod status;
pub mod story_matrix;
pub mod text;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::app::compare::CompareState;
use super::app::speakers::{SpeakersPane, SpeakersView};
use super::app::statements::{StatementsPane, StatementsView};
use super::app::{App, Overlay, Screen};
use super::layout::{self, CompareScreen, MIN_HEIGHT, MIN_WIDTH, Split};

/// Draw the whole screen: the screen the user is on, its status line, the
/// overlay on top.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let cursor = match &app.screen {
        Screen::Browse => draw_browse(app, area, frame.buffer_mut()),
        Screen::Compare(c) => draw_compare(app, c, area, frame.buffer_mut()),
        Screen::Speakers(v) => draw_speakers(app, v, area, frame.buffer_mut()),
        Screen::Statements(v) => draw_statements(app, v, area, frame.buffer_mut()),
        Screen::Coverage(v) => draw_coverage(app, v, area, frame.buffer_mut()),
        Screen::Story(v) => draw_story(app, v, area, frame.buffer_mut()),
    };
    // The prompt's cursor, unless a box covers it.
    if let Some(c) = cursor.filter(|_| app.overlay.is_none()) {
        frame.set_cursor_position(c);
    }
}

/// The article list, the reading pane and the filter prompt.
fn draw_browse(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    match layout::screen(area, app.focus) {
        Split::TooSmall(r) => {
            too_small(r, buf);
            None
        }
        Split::Panes(p) => {
            if let Some(r) = p.list {
                list::render(app, r, buf);
            }
            if let Some(r) = p.reader {
                reader::render(app, r, buf);
            }
            let cursor = status::render(app, p.status, buf);
            render_overlay(app, area, buf);
            cursor
        }
    }
}

/// Two articles side by side, or their quotation table.
fn draw_compare(app: &App, c: &CompareState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    match layout::compare_screen(area, c.active) {
        CompareScreen::TooSmall(r) => too_small(r, buf),
        CompareScreen::Shown(a) => {
            compare::render(app, c, &a, buf);
            status::render_compare(app, c, &a, buf);
            render_overlay(app, area, buf);
        }
    }
    None
}

/// The speakers of the corpus and the selected one's quotations.
fn draw_speakers(app: &App, v: &SpeakersView, area: Rect, buf: &mut Buffer) -> Option<Position> {
    match layout::speakers_screen(area, v.pane == SpeakersPane::Quotes) {
        Split::TooSmall(r) => {
            too_small(r, buf);
            None
        }
        Split::Panes(p) => {
            speakers::render(app, v, &p, buf);
            let cursor = status::render_speakers(app, v, p.status, buf);
            render_overlay(app, area, buf);
            cursor
        }
    }
}

/// The statements of the corpus and the selected one's renderings.
fn draw_statements(
    app: &App,
    v: &StatementsView,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    match layout::speakers_screen(area, v.pane == StatementsPane::Renderings) {
        Split::TooSmall(r) => {
            too_small(r, buf);
            None
        }
        Split::Panes(p) => {
            statements::render(app, v, &p, buf);
            let cursor = status::render_statements(app, v, p.status, buf);
            render_overlay(app, area, buf);
            cursor
        }
    }
}

/// Who gave voice to whom: the speakers × outlets table.
fn draw_coverage(
    app: &App,
    v: &crate::tui::app::coverage::CoverageView,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    draw_one_pane(app, area, buf, |pane, status, buf| {
        coverage::render(app, v, pane, buf);
        status::render_coverage(app, v, status, buf);
    })
}

fn draw_story(
    app: &App,
    v: &crate::tui::app::story_matrix::StoryView,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    draw_one_pane(app, area, buf, |pane, status, buf| {
        story_matrix::render(app, v, pane, buf);
        status::render_story(app, v, status, buf);
    })
}

/// A screen of one pane over the status line (the coverage table, a
/// story's matrix): `draw` fills both; too small a terminal says so.
fn draw_one_pane(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    draw: impl FnOnce(Rect, Rect, &mut Buffer),
) -> Option<Position> {
    match crate::tui::app::coverage::areas(area) {
        None => too_small(area, buf),
        Some((pane, status)) => {
            draw(pane, status, buf);
            render_overlay(app, area, buf);
        }
    }
    None
}

fn render_overlay(app: &App, area: Rect, buf: &mut Buffer) {
    match app.overlay {
        Some(Overlay::Help { scroll }) => help::render(app, scroll, area, buf),
        Some(Overlay::Problems { scroll }) => problems::render(app, scroll, area, buf),
        None => {}
    }
}

/// The longest notice that fits.
fn too_small(area: Rect, buf: &mut Buffer) {
    let (w, h) = (area.width, area.height);
    let notices = [
        format!("Terminal too small ({w}×{h}); saidso needs {MIN_WIDTH}×{MIN_HEIGHT}"),
        format!("Too small: need {MIN_WIDTH}×{MIN_HEIGHT}"),
        format!("Need {MIN_WIDTH}×{MIN_HEIGHT}"),
    ];
    let width = w as usize;
    let msg = notices
        .iter()
        .find(|n| unicode_width::UnicodeWidthStr::width(n.as_str()) <= width)
        .cloned()
        .unwrap_or_else(|| text::truncate(&notices[2], width));
    Line::raw(msg).render(area, buf);
}
