//! The problems overlay: every file that did not load, or loaded repaired,
//! with the reason.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::super::action::Action;
use super::super::app::App;
use super::super::layout;
use super::super::problems::lines;
use super::text::truncate;

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let width = area.width.saturating_sub(4).min(100);
    let text_width = width.saturating_sub(2) as usize;
    let all = lines(app);
    let height = (all.len() as u16)
        .saturating_add(2)
        .min(area.height.saturating_sub(2))
        .max(3);
    let r = layout::centered(area, width, height);
    let body: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .map(|(s, strong)| {
            Line::styled(
                truncate(&s, text_width),
                if strong { t.overlay_heading } else { t.overlay },
            )
        })
        .collect();
    Clear.render(r, buf);
    let close = app.keymap.hint(Action::Back);
    Paragraph::new(body)
        .style(t.overlay)
        .block(
            Block::bordered()
                .title(" Load problems ")
                .title_bottom(Line::raw(format!(" {close} closes ")).right_aligned())
                .border_style(t.border_focused),
        )
        .render(r, buf);
}
