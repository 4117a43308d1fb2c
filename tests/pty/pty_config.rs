//! The config file in a real terminal: rebinding changes what keys do and
//! what the help lists, the theme changes colours, reader options take
//! effect, and a bad file never enters the terminal.

use std::fs;
use std::path::Path;

use crate::support::pty::{Pty, key};

/// Start the reader with `config` as the file named by --config.
fn open_with(config: &str, cols: u16, rows: u16) -> (Pty, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, config).unwrap();
    let pty = Pty::spawn(
        &["--config", path.to_str().unwrap()],
        cols,
        rows,
        &[],
        Path::new("/"),
    );
    (pty, dir)
}

#[test]
fn rebound_keys_move_the_selection_and_show_in_the_help() {
    let (mut pty, _dir) = open_with("[keys]\ndown = \"J\"\nup = [\"K\", \"up\"]\n", 100, 40);
    pty.wait_loaded();
    pty.wait_text("1/5");
    // j no longer moves (it is unbound now); J does.
    pty.keys("j");
    pty.keys("J");
    pty.wait_text("2/5");
    pty.keys("J");
    pty.wait_text("3/5");
    pty.keys("K");
    pty.wait_text("2/5");
    pty.keys(key::UP);
    pty.wait_text("1/5");

    pty.keys("?");
    pty.wait_text(" Keys ");
    let s = pty.screen();
    let row = |what: &str| {
        s.lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("no {what:?} in the help:\n{s}"))
            .to_string()
    };
    let down = row("next article / scroll down");
    assert!(down.contains(" J ") && !down.contains(" j "), "{down}");
    let up = row("previous article / scroll up");
    assert!(up.contains("K ↑"), "{up}");
    // The help's own hint names the new key for scrolling it.
    pty.keys(key::ESC);
    pty.wait_for("the help to close", |s| !s.contains(" Keys "));
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

/// The background colour of the selected list row's first cell.
fn selection_bg(pty: &Pty) -> vt100::Color {
    pty.with_screen(|s| s.cell(1, 2).map(|c| c.bgcolor()).unwrap())
}

#[test]
fn the_light_theme_and_a_style_override_change_the_colours() {
    let (mut dark, _d) = open_with("", 100, 30);
    dark.wait_loaded();
    let dark_bg = selection_bg(&dark);
    assert_eq!(dark_bg, vt100::Color::Idx(6), "dark: cyan selection");
    dark.keys("q");
    dark.wait_exit();

    let (mut light, _l) = open_with("[theme]\nname = \"light\"\n", 100, 30);
    light.wait_loaded();
    assert_eq!(
        selection_bg(&light),
        vt100::Color::Idx(4),
        "light: blue selection"
    );
    light.keys("q");
    light.wait_exit();

    let (mut custom, _c) = open_with(
        "[theme.styles]\nselection = { fg = \"white\", bg = \"#800080\" }\n",
        100,
        30,
    );
    custom.wait_loaded();
    assert_eq!(selection_bg(&custom), vt100::Color::Rgb(0x80, 0, 0x80));
    custom.keys("q");
    custom.wait_exit();
}

#[test]
fn no_color_wins_over_the_configured_colours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, "[theme.styles]\nselection = { bg = \"#800080\" }\n").unwrap();
    let mut pty = Pty::spawn(
        &["--config", path.to_str().unwrap()],
        100,
        30,
        &[("NO_COLOR", "1")],
        Path::new("/"),
    );
    pty.wait_loaded();
    assert_eq!(selection_bg(&pty), vt100::Color::Default);
    pty.with_screen(|s| assert!(s.cell(1, 2).unwrap().inverse(), "selection reversed"));
    pty.keys("q");
    pty.wait_exit();
}

#[test]
fn boilerplate_starts_hidden_and_the_reading_column_is_narrower() {
    let (mut pty, _dir) = open_with(
        "[reader]\nhide-boilerplate = true\nmax-width = 40\n",
        120,
        40,
    );
    pty.wait_loaded();
    // The fifth article has boilerplate; hidden, a marker stands for it.
    pty.keys(key::END);
    pty.wait_text("5/5");
    pty.keys(key::ENTER);
    pty.keys("G");
    // Wait for the last frame, not the first with a marker (the list's
    // preview shows one before Enter and G are taken): the reader has
    // the focus (its hint) and stands at the end (100%).
    pty.wait_for("the reader at the end", |s| {
        s.contains("hidden:") && s.contains("Esc list") && s.contains("100%")
    });
    // The reader's text starts after the list and the gutter; no text line
    // reaches past 40 columns (the pane itself is about 80 wide).
    let s = pty.screen();
    let widest = s
        .lines()
        .skip(8)
        .take(28)
        .map(|l| {
            let text: String = l.chars().skip(44).collect();
            // The pane's border is light or heavy as focus moves.
            text.trim_end()
                .trim_end_matches(['│', '┃'])
                .trim_end()
                .chars()
                .count()
        })
        .max()
        .unwrap();
    assert!((30..=40).contains(&widest), "widest line {widest}:\n{s}");
    pty.keys("b");
    pty.wait_text("shown (dimmed)");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_bad_config_never_enters_the_terminal() {
    let (mut pty, dir) = open_with("[keys]\ndown = \"J\"\nnext-quote = \"J\"\n", 100, 30);
    assert_eq!(pty.wait_exit(), 2);
    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    assert!(
        !raw.contains("\x1b[?1049h"),
        "entered the alternate screen: {raw:?}"
    );
    let path = dir.path().join("config.toml");
    assert!(
        pty.screen().contains(&format!(
            "saidso: {}:3: key \"J\" is bound to both next-quote and down (line 2)",
            path.display()
        )),
        "{}",
        pty.screen()
    );
}

/// Mouse capture as crossterm asks for it (normal tracking).
const MOUSE_ON: &[u8] = b"\x1b[?1000h";

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn mouse_false_leaves_the_mouse_to_the_terminal() {
    let (mut pty, _dir) = open_with("[reader]\nmouse = false\n", 100, 30);
    pty.wait_loaded();
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(!contains(&pty.raw(), MOUSE_ON), "mouse captured");
    // Without the setting, the mouse is taken.
    let (mut pty, _dir) = open_with("", 100, 30);
    pty.wait_loaded();
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(contains(&pty.raw(), MOUSE_ON));
}

#[test]
fn a_dumb_terminal_gets_no_colour_and_no_mouse() {
    let mut pty = Pty::spawn(&[], 100, 30, &[("TERM", "dumb")], Path::new("/"));
    pty.wait_loaded();
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    let raw = pty.raw();
    assert!(!contains(&raw, MOUSE_ON), "mouse captured");
    // Indexed and RGB colours, and the 16 basic ones (30-37, 40-47);
    // resets (39, 49) are fine.
    let mut colours: Vec<Vec<u8>> = vec![b"\x1b[38;".to_vec(), b"\x1b[48;".to_vec()];
    for base in [b'3', b'4', b'9'] {
        for d in b'0'..=b'7' {
            colours.push(vec![0x1b, b'[', base, d, b'm']);
        }
    }
    for c in &colours {
        assert!(!contains(&raw, c), "a colour was written: {c:?}");
    }
}
