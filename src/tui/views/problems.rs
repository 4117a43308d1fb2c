//! The problems overlay: every file that did not load, or loaded repaired,
//! with the reason.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::super::action::Action;
use super::super::app::App;
use super::super::layout;
use super::text::{count, truncate};
use crate::corpus::Severity;

fn lines(app: &App) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let skipped = app
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Skipped)
        .count();
    let mut repaired: Vec<&str> = app
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Repaired)
        .map(|p| p.path.as_str())
        .collect();
    repaired.dedup();
    let repaired = repaired.len();
    out.push((
        format!(
            "{} loaded · {skipped} not loaded · {repaired} repaired",
            count(app.articles.len(), "article")
        ),
        true,
    ));
    if app.skipped_files > 0 {
        out.push((
            format!(
                "{} in directories skipped for their extension",
                count(app.skipped_files, "file")
            ),
            true,
        ));
    }
    if app.problems.is_empty() {
        out.push(("Every file loaded cleanly.".to_string(), false));
    }
    // Grouped by file, in the order files were reported.
    let mut last_path: Option<&str> = None;
    for p in &app.problems {
        if last_path != Some(p.path.as_str()) {
            out.push((String::new(), false));
            out.push((p.path.clone(), true));
            last_path = Some(&p.path);
        }
        let tag = match p.severity {
            Severity::Skipped => "not loaded",
            Severity::Repaired => "repaired",
        };
        out.push((format!("  {tag}: {}", p.problem), false));
    }
    // The state file's problems: the file, then one clause a line.
    for w in &app.reading.warnings {
        out.push((String::new(), false));
        out.push((w.path.display().to_string(), true));
        for (i, clause) in w.problem.split("; ").enumerate() {
            let lead = if i == 0 { "  reading state: " } else { "    " };
            out.push((format!("{lead}{clause}"), false));
        }
    }
    out
}

/// Lines in the overlay, for scrolling.
pub fn line_count(app: &App) -> usize {
    lines(app).len()
}

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
