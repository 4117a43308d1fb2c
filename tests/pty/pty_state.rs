//! Reading state end to end: the real binary in a pseudo-terminal with
//! XDG_STATE_HOME in a temporary directory, quit and started again.

use std::fs;
use std::path::Path;

use crate::support::pty::{Pty, key, reader_body};

const COLS: u16 = 100;
const ROWS: u16 = 30;
/// Columns of the list pane at 100 columns (border included).
const LIST_COLS: usize = 34;

fn open(state: &Path, args: &[&str]) -> Pty {
    let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
    let pty = Pty::spawn(args, COLS, ROWS, &env, Path::new("/"));
    pty.wait_loaded();
    pty
}

/// The reader's text rows, under its header.
fn body(screen: &str) -> String {
    reader_body(screen, LIST_COLS)
}

/// The list row of the article whose title starts with `title`.
fn list_row(screen: &str, title: &str) -> String {
    screen
        .lines()
        .map(|l| l.chars().take(LIST_COLS).collect::<String>())
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("no list row for {title:?}:\n{screen}"))
}

fn unread(screen: &str, title: &str) -> bool {
    list_row(screen, title).contains(&format!("• {title}"))
}

/// Whether the first letter of `title` in the list is bold.
fn title_bold(pty: &Pty, title: &str) -> bool {
    pty.with_screen(|screen| {
        let text = screen.contents();
        let (row, line) = text
            .lines()
            .map(|l| l.chars().take(LIST_COLS).collect::<String>())
            .enumerate()
            .find(|(_, l)| l.contains(title))
            .unwrap();
        let col = line[..line.find(title).unwrap()].chars().count();
        screen.cell(row as u16, col as u16).unwrap().bold()
    })
}

fn state_file(state: &Path) -> std::path::PathBuf {
    state.join("saidso").join("state.json")
}

#[test]
fn reopening_returns_to_the_last_article_at_the_same_place() {
    let state = tempfile::tempdir().unwrap();
    let mut pty = open(state.path(), &[]);
    let s = pty.screen();
    // Nothing read yet: every title is marked.
    for t in ["Cooperation between", "After Biden-Xi", "Lavrov Hails"] {
        assert!(unread(&s, t), "{t} not marked unread:\n{s}");
    }
    // Previewing is not reading.
    pty.keys("jj");
    pty.wait_text("3/5");
    pty.wait_text("quotations, 3 speakers");
    assert!(unread(&pty.screen(), "Lavrov Hails"));
    // Opening it is: the mark goes at once.
    pty.keys(key::ENTER);
    pty.wait_text("Esc list");
    pty.wait_for("the mark to go", |s| !unread(s, "Lavrov Hails"));
    let top = body(&pty.screen());
    pty.keys(key::CTRL_D);
    pty.keys(key::CTRL_D);
    pty.keys("jj");
    pty.wait_for("the text to scroll", |s| body(s) != top);
    // Let the last key land before quitting.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let left_at = body(&pty.screen());
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    let saved = fs::read_to_string(state_file(state.path())).expect("state.json written");
    assert!(saved.contains(r#""read":true"#), "{saved}");

    let mut pty = open(state.path(), &[]);
    pty.wait_text("3/5");
    pty.wait_text("quotations, 3 speakers");
    pty.wait_for("the same place in the article", |s| body(s) == left_at);
    let s = pty.screen();
    assert!(
        !unread(&s, "Lavrov Hails"),
        "read article marked unread:\n{s}"
    );
    assert!(unread(&s, "Cooperation between"), "{s}");
    // The unread title is bold (the selected row is all bold: look at
    // the read one below, once the selection has moved).
    assert!(title_bold(&pty, "Cooperation between"));
    // Moving away and back keeps the place too.
    pty.keys("j");
    pty.wait_text("4/5");
    pty.keys("k");
    pty.wait_text("3/5");
    pty.wait_for("the same place again", |s| body(s) == left_at);
    pty.keys("j");
    pty.wait_text("4/5");
    assert!(!title_bold(&pty, "Lavrov Hails"), "a read title is bold");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_corrupt_state_file_is_set_aside_with_a_warning() {
    let state = tempfile::tempdir().unwrap();
    let dir = state.path().join("saidso");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("state.json"),
        b"{\"version\": 1, \"articles\": {\"00",
    )
    .unwrap();
    let mut pty = open(state.path(), &[]);
    pty.wait_text("Articles (5)");
    pty.wait_text("⚠ reading state");
    assert!(pty.screen().contains("Cooperation between"));
    pty.keys("!");
    pty.wait_text("Load problems");
    let s = pty.screen();
    assert!(s.contains("state.json"), "{s}");
    assert!(s.contains("reading state: truncated"), "{s}");
    assert!(s.contains("set aside as state.json.corrupt-"), "{s}");
    pty.keys(key::ESC);
    pty.wait_for("the overlay to close", |s| !s.contains("Load problems"));
    pty.keys(key::ENTER);
    pty.wait_text("Esc list");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("state.json.corrupt-")),
        "{names:?}"
    );
    // A good file replaces it.
    let saved = fs::read_to_string(dir.join("state.json")).unwrap();
    assert!(saved.contains(r#""read":true"#), "{saved}");
}

#[test]
fn no_state_writes_nothing() {
    let state = tempfile::tempdir().unwrap();
    let mut pty = open(state.path(), &["--no-state"]);
    pty.keys("j");
    pty.keys(key::ENTER);
    pty.wait_text("Esc list");
    pty.keys(key::CTRL_D);
    // The session still shows what has been read.
    pty.wait_for("the mark to go", |s| !unread(s, "After Biden-Xi"));
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(fs::read_dir(state.path()).unwrap().count(), 0);
}

#[test]
fn no_state_reads_nothing() {
    let state = tempfile::tempdir().unwrap();
    let mut pty = open(state.path(), &[]);
    pty.keys("j");
    pty.keys(key::ENTER);
    pty.wait_text("Esc list");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    let before = fs::read(state_file(state.path())).unwrap();
    let mut pty = open(state.path(), &["--no-state"]);
    pty.wait_text("1/5");
    assert!(unread(&pty.screen(), "After Biden-Xi"));
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(fs::read(state_file(state.path())).unwrap(), before);
}

#[test]
fn sigterm_saves_the_state() {
    let state = tempfile::tempdir().unwrap();
    let mut pty = open(state.path(), &[]);
    pty.keys("jjj");
    pty.wait_text("4/5");
    pty.keys(key::ENTER);
    pty.wait_text("Esc list");
    pty.terminate();
    let mut pty = open(state.path(), &[]);
    pty.wait_text("4/5");
    assert!(!unread(&pty.screen(), "Russia and China double"));
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn an_unwritable_state_directory_is_a_warning() {
    // A file where the state directory should go.
    let state = tempfile::tempdir().unwrap();
    let blocker = state.path().join("file");
    fs::write(&blocker, b"").unwrap();
    let mut pty = open(&blocker, &[]);
    pty.keys(key::ENTER);
    pty.wait_text("⚠ reading state");
    pty.keys("!");
    pty.wait_text("cannot create the directory");
    pty.keys(key::ESC);
    pty.wait_for("the overlay to close", |s| !s.contains("Load problems"));
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn queries_kept_with_enter_are_recalled_in_the_next_session() {
    let state = tempfile::tempdir().unwrap();
    let mut pty = open(state.path(), &[]);
    pty.keys("/tiger bell");
    pty.wait_text("1 of 5 articles");
    pty.keys(key::ENTER);
    pty.wait_text("n/N matches");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    let kept = fs::read_to_string(state.path().join("saidso/history")).unwrap();
    assert_eq!(kept, "tiger bell\n");

    let mut pty = open(state.path(), &[]);
    pty.keys("/");
    pty.wait_text("Enter keep");
    pty.keys(key::UP);
    pty.wait_text("1 of 5 articles");
    assert!(pty.screen().contains("/tiger bell"), "{}", pty.screen());
    pty.keys("\x03");
    assert_eq!(pty.wait_exit(), 0);
}
