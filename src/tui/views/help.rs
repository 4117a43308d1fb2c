//! The help overlay, generated from the action table (what each action
//! does, under which heading) and the key bindings in force, so it can
//! never disagree with the keys or the default config.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::super::action::{ACTIONS, Action, HelpSection};
use super::super::app::App;
use super::super::keymap::KeyMap;
use super::super::layout;

const KEYS_COLUMN: usize = 26;
const WIDTH: u16 = 74;

/// One line of help.
enum HelpLine {
    Heading(&'static str),
    Subheading(&'static str),
    Row(String, &'static str),
    Blank,
}

/// Mouse use is not rebindable, so it is listed as it is.
const MOUSE_ROWS: &[(&str, &str)] = &[
    ("wheel", "scroll the pane under the pointer"),
    ("click", "select an article / focus a pane"),
];
/// Editing keys in the filter prompt (fixed, readline-style).
const PROMPT_ROWS: &[(&str, &str)] = &[
    ("  Enter", "keep the filter, go to the list"),
    ("  Esc", "clear the filter"),
    (
        "  Backspace Ctrl-w Ctrl-u",
        "delete a character / word / all",
    ),
    ("  ↑ ↓ Ctrl-p Ctrl-n", "move in the list while typing"),
    (
        "  'x ^x x$ !x a|b",
        "exact, prefix, suffix, exclude, either",
    ),
    ("  @name", "only paragraphs quoting that speaker"),
];

fn help_lines(keymap: &KeyMap) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for section in HelpSection::ALL {
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.push(HelpLine::Heading(section.title()));
        for d in ACTIONS.iter().filter(|d| d.section == section) {
            out.push(HelpLine::Row(keys_label(keymap, d.action), d.help));
        }
        if section == HelpSection::Comparing {
            out.push(HelpLine::Subheading("  while comparing:"));
            for &(a, d) in Action::WHILE_COMPARING {
                out.push(HelpLine::Row(format!("  {}", keys_label(keymap, a)), d));
            }
        }
        let fixed = match section {
            HelpSection::Moving => MOUSE_ROWS,
            HelpSection::Filtering => {
                out.push(HelpLine::Subheading("  in the prompt:"));
                PROMPT_ROWS
            }
            _ => &[],
        };
        for (k, d) in fixed {
            out.push(HelpLine::Row((*k).to_string(), d));
        }
    }
    out
}

/// "j ↓", or "(unbound)".
fn keys_label(keymap: &KeyMap, a: Action) -> String {
    let keys: Vec<String> = keymap.keys_for(a).iter().map(ToString::to_string).collect();
    if keys.is_empty() {
        "(unbound)".to_string()
    } else {
        keys.join(" ")
    }
}

/// Lines in the help, for scrolling.
pub fn line_count(keymap: &KeyMap) -> usize {
    help_lines(keymap).len()
}

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

#[cfg(test)]
mod tests {
    use super::*;

    /// What a user reads in the help: each row's keys and what they do.
    fn rows(keymap: &KeyMap) -> Vec<(String, &'static str)> {
        help_lines(keymap)
            .into_iter()
            .filter_map(|l| match l {
                HelpLine::Row(keys, desc) => Some((keys, desc)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_default_key_is_in_the_help_beside_what_it_does() {
        let keymap = KeyMap::default();
        let rows = rows(&keymap);
        for d in ACTIONS {
            let label = keys_label(&keymap, d.action);
            assert!(!label.contains("unbound"), "{} has no key", d.name);
            assert!(
                rows.iter().any(|(k, desc)| *k == label && *desc == d.help),
                "{} ({label}) is not in the help",
                d.name
            );
        }
    }

    #[test]
    fn an_unbound_action_says_so() {
        let keymap = KeyMap::from_pairs(
            KeyMap::default()
                .keys_for(Action::Quit)
                .iter()
                .map(|&k| (k, Action::Quit)),
        );
        let rows = rows(&keymap);
        assert!(rows.contains(&("q Ctrl-c".to_string(), "quit")), "{rows:?}");
        assert!(rows.contains(&("(unbound)".to_string(), "next quotation")));
    }
}
