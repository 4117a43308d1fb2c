//! Drawing the app into ratatui's TestBackend and reading it back as a
//! person would see it.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use saidso::tui::app::App;
use saidso::tui::views;

/// One frame of the whole screen.
pub fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    terminal.draw(|f| views::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, trailing spaces trimmed; a wide character's second
/// cell is skipped, as a terminal shows it.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Where `needle` starts on screen (column of its first cell, row).
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let mut cols = Vec::new();
        let mut line = String::new();
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            for _ in sym.chars() {
                cols.push(x);
            }
            line.push_str(sym);
        }
        if let Some(byte) = line.find(needle) {
            let ch = line[..byte].chars().count();
            return Some((cols[ch], y));
        }
    }
    None
}
