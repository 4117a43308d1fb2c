//! The headless commands at a terminal, with hostile file names and
//! contents: a name can hold an escape sequence (set the window title,
//! write the clipboard with OSC 52, clear the screen) as well as a text
//! can. Every subcommand, in every format, is run in a pseudo-terminal and
//! the raw bytes it wrote are read: none of the input's ESC, BEL or C1
//! characters reaches the terminal.

use std::fs;
use std::path::Path;

use crate::support::pty::Pty;

/// File names that try to take over the terminal.
const TITLE_NAME: &str = "\x1b]0;PWNED\x07 title.txt";
const CLIPBOARD_NAME: &str = "\x1b]52;c;cHduZWQ=\x07 clip.txt";
const CLEAR_NAME: &str = "\x1b[2J\u{9b}2J clear.txt";
const MISSING_NAME: &str = "\x1b]0;PWNED\x07 missing.txt";

/// An article with a quotation and a speaker, its text laced with escapes.
fn article(tag: &str) -> String {
    format!(
        "Talks resume {tag}\x1b]0;PWNED\x07\n\n\
         “We will keep talking,\x07” the minister, Anna Berg, said on Monday.\x1b[2J\n\n\
         “The door is open,” Berg said.\u{9b}31m\n"
    )
}

fn hostile_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, tag) in [(TITLE_NAME, "a"), (CLIPBOARD_NAME, "b"), (CLEAR_NAME, "c")] {
        fs::write(dir.path().join(name), article(tag)).unwrap();
    }
    dir
}

/// What `saidso ARGS` wrote to the terminal, stdout and stderr alike.
fn run_at_terminal(args: &[&str], cwd: &Path) -> (u32, Vec<u8>) {
    let mut pty = Pty::spawn(args, 200, 50, &[], cwd);
    let status = pty.wait_exit();
    (status, pty.raw())
}

/// The escape sequences saidso itself writes (search's bold underline).
const OWN_SEQUENCES: &[&[u8]] = &[b"\x1b[1;4m", b"\x1b[0m"];

/// Every ESC in `raw` that starts none of saidso's own sequences, every
/// BEL and every C1 control: the input's, reaching the terminal.
fn foreign_controls(raw: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, &b) in raw.iter().enumerate() {
        let rest = &raw[i..];
        let context = || {
            String::from_utf8_lossy(&raw[i.saturating_sub(30)..(i + 30).min(raw.len())])
                .into_owned()
        };
        if b == 0x1b && !OWN_SEQUENCES.iter().any(|s| rest.starts_with(s)) {
            found.push(format!("ESC in {:?}", context()));
        }
        if b == 0x07 {
            found.push(format!("BEL in {:?}", context()));
        }
        if b == 0xC2 && rest.get(1).is_some_and(|c| (0x80..=0x9F).contains(c)) {
            found.push(format!("C1 in {:?}", context()));
        }
    }
    found
}

#[test]
fn no_subcommand_lets_a_file_name_or_text_take_over_the_terminal() {
    let dir = hostile_dir();
    let d = dir.path().to_str().unwrap();
    let a = dir.path().join(TITLE_NAME);
    let b = dir.path().join(CLIPBOARD_NAME);
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let runs: Vec<Vec<&str>> = vec![
        vec!["list", d],
        vec!["list", "--json", d],
        vec!["quotes", d],
        vec!["quotes", "--json", d],
        vec!["quotes", "--format", "csv", d],
        vec!["quotes", "--format", "markdown", d],
        vec!["search", "talking", d],
        vec!["search", "--json", "talking", d],
        vec!["search", "--format", "csv", "talking", d],
        vec!["search", "--format", "markdown", "talking", d],
        vec!["speakers", d],
        vec!["speakers", "--json", d],
        vec!["speakers", "--format", "csv", d],
        vec!["speakers", "--format", "markdown", d],
        vec!["compare", a, b],
        vec!["compare", "--json", a, b],
        vec!["list", d, MISSING_NAME],
    ];
    for args in runs {
        let (_, raw) = run_at_terminal(&args, dir.path());
        let text = String::from_utf8_lossy(&raw);
        assert!(
            text.contains("title.txt") || text.contains("missing.txt"),
            "saidso {args:?} named no file:\n{text}"
        );
        let foreign = foreign_controls(&raw);
        assert!(foreign.is_empty(), "saidso {args:?}: {foreign:#?}");
    }
}

#[test]
fn the_problem_line_names_the_file_with_its_controls_shown() {
    let dir = hostile_dir();
    let (status, raw) = run_at_terminal(&["list", MISSING_NAME], dir.path());
    assert_eq!(
        status, 1,
        "a named file that cannot be read fails the command"
    );
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains("saidso: ␛]0;PWNED␇ missing.txt: cannot open"),
        "{text}"
    );
}

/// `saidso -` typed at a terminal would wait for input nobody means to
/// type: it stops at once with a message saying what to do.
#[test]
fn a_dash_with_a_terminal_on_stdin_is_refused_not_waited_on() {
    let (status, raw) = run_at_terminal(&["list", "-"], Path::new("/"));
    assert_eq!(status, 2);
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("standard input is a terminal"), "{text}");
}
