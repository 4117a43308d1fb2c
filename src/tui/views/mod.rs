//! Drawing: one file per view, each a pure function of the app state.

pub mod compare;
pub mod compare_table;
pub mod help;
pub mod list;
pub mod problems;
pub mod reader;
pub mod speakers;
pub mod status;
pub mod text;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::app::{App, Overlay};
use super::layout::{self, CompareScreen, MIN_HEIGHT, MIN_WIDTH, Split};

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if let Some(c) = app.compare() {
        match layout::compare_screen(area, c.active) {
            CompareScreen::TooSmall(r) => too_small(r, buf),
            CompareScreen::Shown(a) => {
                compare::render(app, c, &a, buf);
                status::render_compare(app, c, &a, buf);
                render_overlay(app, area, buf);
            }
        }
        return;
    }
    if let Some(v) = app.speakers_view() {
        let quotes = v.pane == crate::tui::app::speakers::SpeakersPane::Quotes;
        match layout::speakers_screen(area, quotes) {
            Split::TooSmall(r) => too_small(r, buf),
            Split::Panes(p) => {
                speakers::render(app, v, &p, buf);
                let cursor = status::render_speakers(app, v, p.status, buf);
                render_overlay(app, area, buf);
                if let Some(c) = cursor.filter(|_| app.overlay.is_none()) {
                    frame.set_cursor_position(c);
                }
            }
        }
        return;
    }
    match layout::screen(area, app.focus) {
        Split::TooSmall(r) => too_small(r, buf),
        Split::Panes(p) => {
            if let Some(r) = p.list {
                list::render(app, r, buf);
            }
            if let Some(r) = p.reader {
                reader::render(app, r, buf);
            }
            let cursor = status::render(app, p.status, buf);
            render_overlay(app, area, buf);
            if let Some(c) = cursor.filter(|_| app.overlay.is_none()) {
                frame.set_cursor_position(c);
            }
        }
    }
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
