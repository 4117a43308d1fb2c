//! `saidso config --print-default`: a config file that says everything it
//! could, generated from the same tables the reader uses (bindings, action
//! names, theme slots), so it cannot drift from them. Loaded back, it
//! gives exactly the defaults.

use std::fmt::Write;

use crate::config::check::one_of;
use crate::config::names::{COLOUR_NAMES, MODIFIER_NAMES};

use super::super::action::ACTIONS;
use super::super::layout::MAX_TEXT_WIDTH;
use super::super::theme::{BUILT_IN, Slot, Theme};
use super::MIN_TEXT_WIDTH;
use super::colour::{colour_toml, style_toml};

const HEADER: &str = "\
# saidso configuration.
#
# saidso reads $XDG_CONFIG_HOME/saidso/config.toml, else
# ~/.config/saidso/config.toml, or the file named with --config FILE
# (`saidso config --path` says which). Every key is optional: what is left
# out keeps the default shown here. An unknown key, a bad colour or a key
# bound to two actions is an error that names the line; saidso then does
# not start.
";

/// The whole default config, commented.
pub fn text() -> String {
    let mut out = String::from(HEADER);
    corpus(&mut out);
    reader(&mut out);
    theme(&mut out);
    keys(&mut out);
    out
}

fn corpus(out: &mut String) {
    out.push_str(
        "
[corpus]
# Files and directories of articles (.txt, .md, .json, .jsonl) to read when
# no PATH is given on the command line. ~/ is your home directory; a
# relative path is relative to this file's directory. Empty: the bundled
# sample articles.
# paths = [\"~/news\", \"archive/2024\"]
paths = []
",
    );
}

fn reader(out: &mut String) {
    let _ = write!(
        out,
        "
[reader]
# Hide boilerplate and repeated paragraphs when the reader starts (the
# toggle-boilerplate key shows them again).
hide-boilerplate = false
# The longest reading line, in columns: text wraps at this width or at the
# pane's edge, whichever comes first. 0 uses the whole pane; otherwise at
# least {MIN_TEXT_WIDTH}.
max-width = {MAX_TEXT_WIDTH}
# Take the mouse: the wheel scrolls the pane under the pointer, a click
# selects. false leaves the mouse to the terminal (its own text selection).
mouse = true

[list]
# How the article list is ordered: \"loaded\" (path order), \"newest\" or
# \"oldest\" (by publication date; undated articles last). The sort key
# cycles through them.
sort = \"loaded\"
"
    );
}

fn theme(out: &mut String) {
    let names: Vec<String> = BUILT_IN.iter().map(|(n, _)| format!("{n:?}")).collect();
    let colours: Vec<&str> = COLOUR_NAMES.iter().map(|(n, _)| *n).collect();
    let modifiers: Vec<&str> = MODIFIER_NAMES.iter().map(|(n, _)| *n).collect();
    let dark = Theme::dark();
    let speakers: Vec<String> = dark
        .speakers
        .iter()
        .map(|s| s.fg.map_or_else(|| "\"default\"".into(), colour_toml))
        .collect();
    let _ = write!(
        out,
        "
[theme]
# One of {}.
# When NO_COLOR is set in the environment, saidso uses no colour at all,
# whatever this file says (https://no-color.org).
name = \"dark\"
# Colours of an article's speakers, in order (up to 7; the rest keep the
# theme's). The dark theme's are the Okabe-Ito palette, which colour-blind
# readers can tell apart too.
# speakers = [{}]

# Styles that replace the theme's, one per slot (the dark theme's are shown).
#   fg, bg     a colour: \"#rrggbb\", 0-255 (the xterm 256-colour palette)
#              or a name:
#              {}
#   modifiers  a list of: {}
# A style given here replaces the slot's style as a whole: {{ fg = \"cyan\" }}
# is cyan and not italic, even where the theme had italic.
[theme.styles]
",
        one_of(&names),
        speakers.join(", "),
        wrap_words(&colours, 14),
        modifiers.join(" ")
    );
    for &slot in Slot::ALL {
        let _ = writeln!(
            out,
            "# {}\n# {} = {}",
            slot.about(),
            slot.name(),
            style_toml(slot.get(&dark))
        );
    }
}

/// Words joined with spaces, broken into comment lines indented by
/// `indent` columns, none longer than 78.
fn wrap_words(words: &[&str], indent: usize) -> String {
    let mut out = String::new();
    let mut width = indent;
    for w in words {
        if width + w.len() + 1 > 78 && !out.is_empty() {
            out.push_str(&format!("\n#{}", " ".repeat(indent)));
            width = indent;
        } else if !out.is_empty() {
            out.push(' ');
            width += 1;
        }
        out.push_str(w);
        width += w.len();
    }
    out
}

fn keys(out: &mut String) {
    out.push_str(
        "
[keys]
# Each action takes a key or a list of keys. Listing an action replaces its
# default keys; `action = []` unbinds it (quit must keep a key). A key can
# do one thing only: give it to another action and take it from this one.
# Keys: a character (\"j\", \"G\", \"?\", \"]\"), ctrl-x, alt-x, enter, esc,
# tab, shift-tab, space, backspace, delete, up, down, left, right, home,
# end, pageup, pagedown, f1 to f12. Keys in the filter prompt are fixed.
",
    );
    for d in ACTIONS {
        let keys: Vec<String> = d.keys.iter().map(|k| toml_string(k)).collect();
        let _ = writeln!(out, "# {}\n{} = [{}]", d.help, d.name, keys.join(", "));
    }
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
