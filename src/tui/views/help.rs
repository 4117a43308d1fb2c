//! The help overlay, generated from the action table (what each action
//! does, under which heading) and the key bindings in force, so it can
//! never disagree with the keys or the default config.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::super::action::Action;
use super::super::app::App;
use super::super::help::{HelpLine, help_lines, line_count};
use super::super::layout;

const KEYS_COLUMN: usize = 26;
const WIDTH: u16 = 74;

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lines: Vec<Line> = help_lines(&app.keymap)
        .into_iter()
        .skip(scroll)
        .map(|l| match l {
            HelpLine::Heading(h) => Line::styled(h, t.overlay_heading),
            HelpLine::Subheading(h) => Line::styled(h, t.dim),
            HelpLine::Row(keys, desc) => Line::from(vec![
                Span::styled(format!("  {keys:<KEYS_COLUMN$}"), t.status_key),
                Span::styled(desc, t.overlay),
            ]),
            HelpLine::Blank => Line::raw(""),
        })
        .collect();
    let height = (line_count(&app.keymap) as u16).saturating_add(2);
    let r = layout::centered(
        area,
        WIDTH,
        height.min(area.height.saturating_sub(2)).max(3),
    );
    Clear.render(r, buf);
    let close = app.keymap.hint(Action::Back);
    let inner_rows = r.height.saturating_sub(2) as usize;
    let more = if scroll + inner_rows < line_count(&app.keymap) {
        format!(" {} more ↓ ·", app.keymap.hint(Action::Down))
    } else {
        String::new()
    };
    Paragraph::new(lines)
        .style(t.overlay)
        .block(
            Block::bordered()
                .title(" Keys ")
                .title_bottom(Line::raw(format!("{more} {close} closes ")).right_aligned())
                .border_style(t.border_focused),
        )
        .render(r, buf);
}
