//! What the help overlay lists, generated from the live key map and the
//! action table: section headings, one row per action with its keys, and
//! the fixed mouse and prompt rows. Plain lines, so the update can page
//! through them and the views only style them.

use super::action::{ACTIONS, Action, HelpSection};
use super::keymap::KeyMap;

/// One line of help.
pub enum HelpLine {
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
/// Keys of the coverage table (`V`) that differ from elsewhere: the
/// keys of back and open, but Esc and Enter, move between outlets.
const COVERAGE_ROWS: &[(&str, &str)] = &[
    (
        "  h l ← → Tab",
        "in the coverage table: previous / next outlet",
    ),
    (
        "  Enter",
        "in the coverage table: the speaker's quotations there",
    ),
    (
        "  h l ← → Enter",
        "in a story's matrix: previous / next article, read it there",
    ),
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

pub fn help_lines(keymap: &KeyMap) -> Vec<HelpLine> {
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
            HelpSection::Reading => COVERAGE_ROWS,
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
