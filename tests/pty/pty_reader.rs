//! End to end: the real binary in a pseudo-terminal, driven by keys and the
//! mouse, its screen read through a terminal emulator as a person reads it.

use std::path::Path;

use crate::support::hostile::{self, make_hostile_dir};
use crate::support::pty::{Pty, key, reader_body};

fn open(args: &[&str], cols: u16, rows: u16) -> Pty {
    let pty = Pty::spawn(args, cols, rows, &[], Path::new("/"));
    pty.wait_loaded();
    pty
}

/// The reader's text rows at 100 columns.
fn body(screen: &str) -> String {
    reader_body(screen, 33)
}

#[test]
fn browses_the_bundled_articles_by_keyboard() {
    // Started from / : the bundled corpus does not depend on the directory.
    let mut pty = open(&[], 100, 30);
    pty.wait_text("Articles (5)");
    let s = pty.screen();
    assert!(s.contains("Cooperation between Russia and China"), "{s}");
    assert!(s.contains("by Patrick Goodenough"), "header byline:\n{s}");
    assert!(s.contains("min read"));

    // j previews the next article at once, without Enter.
    pty.keys("j");
    pty.wait_text("2/5");
    pty.wait_for("the reader header to follow the selection", |s| {
        s.lines()
            .nth(1)
            .unwrap_or("")
            .contains("After Biden-Xi call")
    });

    // Enter focuses the reader: j now scrolls the text, not the list.
    pty.keys(key::ENTER);
    pty.wait_text("Esc list");
    let top_before = body(&pty.screen());
    pty.keys("jjj");
    pty.wait_for("the text to scroll", |s| body(s) != top_before);
    assert!(pty.screen().contains("2/5"), "the selection did not move");

    // G to the end, g back to the top.
    pty.keys("G");
    pty.wait_text("100%");
    pty.keys("g");
    pty.wait_for("the top of the article", |s| body(s) == top_before);

    // Ctrl-d scrolls half a page.
    pty.keys(key::CTRL_D);
    pty.wait_for("half a page down", |s| body(s) != top_before);

    // Tab back to the list; the list moves again.
    pty.keys(key::TAB);
    pty.wait_text("Enter read");
    pty.keys(key::END);
    pty.wait_text("5/5");
    pty.keys(key::HOME);
    pty.wait_text("1/5");

    // The help overlay lists the keys, generated from the bindings.
    pty.keys("?");
    pty.wait_text(" Keys ");
    let s = pty.screen();
    for label in ["Ctrl-d", "PgDn", "Shift-Tab", "wheel", "quit"] {
        assert!(s.contains(label), "help lacks {label}:\n{s}");
    }
    pty.keys(key::ESC);
    pty.wait_for("the help to close", |s| !s.contains(" Keys "));

    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.with_screen(|s| {
        assert!(
            !s.alternate_screen(),
            "still on the alternate screen after quitting"
        );
        assert!(!s.hide_cursor(), "cursor left hidden");
    });
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls_the_pane_under_it() {
    let mut pty = open(&[], 100, 30);
    pty.wait_text("Articles (5)");
    // List rows: two per article, starting under the border.
    pty.send(key::click(5, 1 + 2 * 3).as_bytes());
    pty.wait_text("4/5");
    pty.wait_for("the fourth article in the reader", |s| {
        s.lines()
            .nth(1)
            .unwrap_or("")
            .contains("Russia and China double down")
    });
    let top = body(&pty.screen());
    pty.send(key::wheel_down(60, 15).as_bytes());
    pty.wait_for("the reader to scroll", |s| body(s) != top);
    pty.send(key::wheel_up(60, 15).as_bytes());
    pty.wait_for("the reader to scroll back", |s| body(s) == top);
    assert!(
        pty.screen().contains("4/5"),
        "the wheel over the reader moved the selection"
    );
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn survives_resizing_down_to_tiny_and_back() {
    let mut pty = open(&[], 100, 30);
    pty.keys("jj");
    pty.wait_text("3/5");
    pty.resize(50, 15);
    pty.wait_for("the single-pane layout", |s| {
        !s.contains("Articles (5)") || !s.contains("min read")
    });
    pty.resize(20, 5);
    pty.wait_text("need 24×6");
    pty.resize(30, 6);
    pty.wait_text("Articles (5)");
    pty.resize(120, 40);
    pty.wait_for("both panes again", |s| {
        s.contains("Articles (5)") && s.contains("Lavrov Hails")
    });
    assert!(pty.screen().contains("3/5"), "the selection was lost");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn no_color_keeps_the_selection_visible() {
    let mut pty = Pty::spawn(&[], 100, 30, &[("NO_COLOR", "1")], Path::new("/"));
    pty.wait_text("Articles (5)");
    pty.with_screen(|s| {
        // The selected row (first article, screen row 1) is in reverse video.
        let cell = s.cell(1, 3).expect("a cell");
        assert!(cell.inverse(), "selection not visible without colour");
        for r in 0..30 {
            for c in 0..100 {
                let cell = s.cell(r, c).unwrap();
                assert_eq!(
                    cell.fgcolor(),
                    vt100::Color::Default,
                    "colour at {r},{c} despite NO_COLOR"
                );
                assert_eq!(
                    cell.bgcolor(),
                    vt100::Color::Default,
                    "colour at {r},{c} despite NO_COLOR"
                );
            }
        }
    });
    // Moving keeps it visible (no stray reset wipes the attributes).
    pty.keys("j");
    pty.wait_text("2/5");
    pty.with_screen(|s| {
        assert!(
            s.cell(3, 3).unwrap().inverse(),
            "second row not highlighted"
        );
        assert!(
            !s.cell(1, 3).unwrap().inverse(),
            "first row still highlighted"
        );
    });
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_hostile_directory_opens_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    make_hostile_dir(dir.path());
    let mut pty = Pty::spawn(
        &[dir.path().to_str().unwrap()],
        110,
        32,
        &[],
        Path::new("/"),
    );
    pty.wait_text("Articles (3)");
    pty.wait_text("Text with red, a title, a clipboard");
    // The status bar says files did not load; ! lists them with reasons.
    pty.wait_text("not loaded");
    pty.keys("!");
    // Wait for the whole box, not its title: a frame can be read while
    // it is still being written.
    let expected = [
        "binary.txt",
        "binary file",
        "empty.txt",
        "empty file",
        "bad.json",
        "invalid JSON",
        "dangling.txt",
        "invalid UTF-8",
    ];
    pty.wait_for("every problem listed", |s| {
        s.contains("Load problems") && expected.iter().all(|e| s.contains(e))
    });
    pty.keys(key::ESC);
    pty.wait_for("the overlay to close", |s| !s.contains("Load problems"));
    // The 20 MB article opens and can be read to its end.
    pty.keys("j");
    pty.wait_text("Huge headline");
    pty.keys(key::ENTER);
    pty.keys("G");
    pty.wait_text("100%");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);

    // No escape sequence from an article reached the terminal.
    let raw = pty.raw();
    let contains = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(
        !contains(hostile::TITLE_PAYLOAD.as_bytes()),
        "title payload reached the terminal"
    );
    assert!(
        !contains(hostile::CLIPBOARD_PAYLOAD.as_bytes()),
        "clipboard payload reached the terminal"
    );
    assert!(!contains(b"\x1b]"), "an OSC sequence reached the terminal");
    assert!(!contains("\u{9b}".as_bytes()) && !contains("\u{202E}".as_bytes()));
    assert!(!contains(b"\x07"), "a bell reached the terminal");
}

#[test]
fn signals_end_the_reader_with_the_status_a_shell_reports() {
    for (signal, status) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let mut pty = open(&[], 80, 24);
        assert_eq!(pty.signal(signal), status, "SIG{signal}");
        pty.with_screen(|s| assert!(!s.alternate_screen(), "SIG{signal}: screen not restored"));
    }
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut pty = open(&[], 80, 24);
    pty.terminate();
    pty.with_screen(|s| {
        assert!(!s.alternate_screen(), "left on the alternate screen");
        assert!(!s.hide_cursor(), "cursor left hidden");
    });
}

#[test]
fn reads_an_article_from_stdin_and_still_takes_keys() {
    let bin = env!("CARGO_BIN_EXE_saidso");
    let script = format!("printf 'Piped headline\\n\\nA piped body paragraph.\\n' | {bin} -");
    let mut pty = Pty::spawn_command("sh", &["-c", &script], 100, 30, Path::new("/"));
    pty.wait_text("Piped headline");
    pty.wait_text("A piped body paragraph.");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    // Without the dash too, as fzf reads its pipe: a JSON export here.
    let script = format!(
        "printf '[{{\"title\": \"Exported one\", \"text\": \"Body one.\"}}, {{\"title\": \"Exported two\", \"text\": \"Body two.\"}}]' | {bin} --no-state"
    );
    let mut pty = Pty::spawn_command("sh", &["-c", &script], 100, 30, Path::new("/"));
    pty.wait_text("Articles (2)");
    pty.wait_text("Exported two");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn filters_as_you_type_and_jumps_between_matches() {
    let mut pty = open(&[], 110, 32);
    pty.keys("/tiger bell");
    pty.wait_text("1 of 5 articles");
    pty.wait_text("Articles (1 of 5)");
    // The reader opens the article at its best match.
    pty.wait_text("He who tied the bell to the tiger must take it off");
    pty.keys(key::ENTER);
    pty.wait_text("n/N matches");
    // Esc clears the filter; every article is back.
    pty.keys(key::ESC);
    pty.wait_text("Articles (5)");
    // Junk finds nothing, and says so.
    pty.keys("/xqzv");
    pty.wait_text("0 of 5 articles");
    pty.wait_text("No article matches");
    // q in the prompt is a letter; Ctrl-u clears; Esc leaves.
    pty.keys("q");
    pty.wait_text("/xqzvq");
    pty.keys("\x15");
    pty.wait_text("Articles (5)");
    pty.keys(key::ESC);
    pty.wait_text("Enter read");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn quotations_are_highlighted_and_brackets_and_q_move_between_them() {
    let mut pty = open(&[], 110, 34);
    pty.keys("jj");
    pty.wait_text("3/5");
    // The highlights arrive from the loader a moment after the articles.
    pty.wait_text("quotations, 3 speakers");
    let italic_quote = pty.with_screen(|s| {
        let text = s.contents();
        let row = text
            .lines()
            .position(|l| l.contains("“We highly appreciate"))
            .expect("the quotation is on screen") as u16;
        let line = text.lines().nth(row as usize).unwrap();
        let col = line[..line.find("“We").unwrap()].chars().count() as u16;
        let cell = s.cell(row, col + 3).unwrap();
        (
            cell.italic(),
            s.cell(row, col - 2).unwrap().contents().to_string(),
        )
    });
    assert_eq!(italic_quote, (true, "▌".to_string()));

    pty.keys(key::ENTER);
    pty.keys("]");
    pty.wait_text("Quotation 2 of 20");
    pty.keys("]");
    pty.wait_text("Quotation 3 of 20 · Sergei Lavrov · explicit");
    // Further down, the quote-only paragraph after Lavrov's named one is
    // tagged with his name and how it was found, dimmed, not italic.
    pty.wait_text("substantive agenda.” — Lavrov (continued)");
    let tag = pty.with_screen(|s| {
        let text = s.contents();
        let row = text
            .lines()
            .position(|l| l.contains("— Lavrov (continued)"))
            .unwrap();
        let line = text.lines().nth(row).unwrap();
        let col = line[..line.find("(continued)").unwrap()].chars().count() as u16;
        let cell = s.cell(row as u16, col + 1).unwrap();
        (cell.italic(), cell.fgcolor())
    });
    assert_eq!(
        tag,
        (false, vt100::Color::Idx(8)),
        "a dark-grey tag, not a quote"
    );
    pty.keys("Q");
    pty.wait_text("Quotations only");
    pty.wait_text("Sergei Lavrov · ¶3");
    // How each speaker was found, where the text does not name them.
    pty.wait_text("Sergei Lavrov · ¶6 · continued");
    assert!(!pty.screen().contains("The U.S. and its allies"));
    pty.keys("Q");
    pty.wait_text("Whole article");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn compares_two_articles_side_by_side_then_stacked() {
    let mut pty = open(&[], 140, 40);
    // Space marks the first article; j selects the second; c compares.
    pty.keys(" ");
    pty.wait_text("● Cooperation between");
    pty.keys("j");
    pty.wait_text("2/5");
    pty.keys("c");
    pty.wait_text("shared statement");
    let same_row = |s: &str, a: &str, b: &str| s.lines().any(|l| l.contains(a) && l.contains(b));
    pty.wait_for("both panes side by side", |s| {
        same_row(s, "Cooperation between Russia", "After Biden-Xi call")
    });
    pty.wait_text("left pane · in sync");

    // ] lines the first shared statement up on one row, numbered in both
    // gutters with the arrow of the pair gone to.
    pty.keys("]");
    pty.wait_text("Pair 1 of 2");
    pty.wait_for("the pair side by side, marked", |s| {
        same_row(s, "1▶ “This engagement", "1▶ “This [Russia-China]")
    });

    // Narrower than 100 columns: one pane above the other.
    pty.resize(90, 30);
    pty.wait_text("only top");
    let s = pty.screen();
    let row = |needle: &str| s.lines().position(|l| l.contains(needle));
    let (top, bottom) = (
        row("Cooperation between Russia"),
        row("After Biden-Xi call"),
    );
    assert!(
        matches!((top, bottom), (Some(t), Some(b)) if t < b),
        "not stacked:\n{s}"
    );

    // Esc: back to the list; q quits cleanly.
    pty.keys(key::ESC);
    pty.wait_text("Articles (5)");
    pty.wait_text("c compare with marked");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn the_speakers_view_lists_who_said_what_and_opens_a_quotation() {
    let mut pty = open(&[], 120, 36);
    pty.keys("s");
    pty.wait_text("Speakers (");
    pty.wait_text("Sergei Lavrov · 43 quotations in 5 articles");
    assert!(pty.screen().contains("5 articles · Russian"));
    // Tab to the quotations, one down, Enter: the reader at that quotation.
    pty.keys(key::TAB);
    pty.wait_text("next quotation");
    pty.keys("j");
    pty.keys(key::ENTER);
    pty.wait_text("· Sergei Lavrov, Russian Foreign Minister");
    pty.wait_text("Articles (5)");
    assert!(pty.screen().contains("▶"));
    // s again and Esc twice: back to the articles.
    pty.keys("s");
    pty.wait_text("next quotation");
    pty.keys(key::ESC);
    pty.wait_text("Tab quotations");
    pty.keys(key::ESC);
    pty.wait_text("Articles (5)");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn query_starts_the_reader_filtered() {
    let mut pty = open(&["--query", "tiger bell"], 110, 30);
    pty.wait_text("1 of 5 articles");
    assert!(pty.screen().contains("/tiger bell"), "{}", pty.screen());
    pty.keys(key::ENTER);
    pty.wait_text("n/N matches");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn an_article_saved_by_someone_else_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    std::fs::write(&file, "Talks resume\n\nThe talks resumed on Monday.\n").unwrap();
    let mut pty = Pty::spawn(&[file.to_str().unwrap()], 100, 24, &[], dir.path());
    pty.wait_loaded();
    pty.keys(key::ENTER);
    pty.wait_text("Esc list");
    std::fs::write(
        &file,
        "Talks resume\n\nThe talks resumed on Monday.\n\nA late paragraph was added.\n",
    )
    .unwrap();
    pty.wait_text("changed on disk");
    pty.wait_text("A late paragraph was added.");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}
