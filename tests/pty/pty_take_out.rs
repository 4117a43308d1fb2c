//! Taking things out of the reader, end to end in a pseudo-terminal: `y`
//! puts the quotation on the clipboard with OSC 52 (read from the raw
//! bytes the program wrote, not the emulated screen), `e` and `o` hand the
//! terminal to $EDITOR and $PAGER and take it back.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use saidso::corpus::{Corpus, LoadRequest};
use saidso::quotes::{Citation, find_quotes};

use crate::support::pty::{PATIENCE, Pty, key};

const OSC52: &[u8] = b"\x1b]52;";

fn open(args: &[&str], env: &[(&str, &str)], cwd: &Path) -> Pty {
    let pty = Pty::spawn(args, 120, 35, env, cwd);
    pty.wait_loaded();
    pty
}

/// The clipboard texts of every OSC 52 sequence in `raw`, in order.
fn clipboard_writes(raw: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(at) = find(rest, OSC52) {
        let body = &rest[at + OSC52.len()..];
        let body = body.strip_prefix(b"c;").expect("the clipboard selection");
        // Ended by BEL or by ST (ESC \).
        let end = body
            .iter()
            .position(|&b| b == 0x07 || b == 0x1b)
            .expect("a terminated sequence");
        let text = STANDARD.decode(&body[..end]).expect("valid base64");
        out.push(String::from_utf8(text).expect("UTF-8 text"));
        rest = &body[end..];
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Citation of quotation `i` of bundled article `a`, as the core makes it.
fn bundled_citation(a: usize, i: usize) -> String {
    let corpus = Corpus::load(&LoadRequest::from_args(&[]));
    let article = &corpus.articles[a];
    Citation::of(article, &find_quotes(article), i)
        .expect("the quotation")
        .to_string()
}

fn wait_until(what: &str, pty: &Pty, pred: impl Fn() -> bool) {
    let start = Instant::now();
    while !pred() {
        if start.elapsed() > PATIENCE {
            panic!(
                "timed out waiting for {what}; the screen shows:\n{}",
                pty.screen()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn y_copies_the_current_quotation_through_osc52_once_per_press() {
    let mut pty = open(&[], &[], Path::new("/"));
    // Moving about, quotations only, back: nothing reaches the clipboard.
    pty.keys(key::ENTER);
    pty.wait_text("Esc list");
    pty.keys("jjkQ");
    pty.wait_text("Quotations only");
    pty.keys("Q");
    pty.wait_text("Whole article");
    pty.keys("g");
    assert!(find(&pty.raw(), OSC52).is_none(), "OSC 52 before any y");

    // ] goes to the first quotation; y copies it.
    pty.keys("]");
    pty.wait_text("Quotation 1 of 20");
    pty.keys("y");
    pty.wait_text("Copied quotation by Sergei Lavrov (");
    let first = bundled_citation(0, 0);
    assert!(first.starts_with(
        "“This engagement will strengthen,” — Sergei Lavrov (via TASS), in Cooperation"
    ));
    let n = first.chars().count();
    pty.wait_text(&format!("Sergei Lavrov ({n} chars)"));
    assert_eq!(clipboard_writes(&pty.raw()), std::slice::from_ref(&first));

    // More keys write nothing more; the next y copies the next quotation.
    pty.keys("jk]");
    pty.wait_text("Quotation 2 of 20");
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(clipboard_writes(&pty.raw()).len(), 1);
    pty.keys("y");
    wait_until("the second copy", &pty, || {
        clipboard_writes(&pty.raw()).len() == 2
    });
    assert_eq!(
        clipboard_writes(&pty.raw()),
        [first, bundled_citation(0, 1)]
    );

    // The speakers view copies the selected quotation.
    pty.keys("s");
    pty.wait_text("Sergei Lavrov");
    pty.keys(key::TAB);
    pty.keys("y");
    wait_until("the third copy", &pty, || {
        clipboard_writes(&pty.raw()).len() == 3
    });
    let third = clipboard_writes(&pty.raw()).pop().unwrap();
    assert!(
        third.contains("” — Sergei Lavrov (via TASS), in "),
        "{third}"
    );
    // No control character ever reaches the clipboard.
    for text in clipboard_writes(&pty.raw()) {
        assert!(!text.chars().any(char::is_control), "{text:?}");
    }
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn y_with_no_quotation_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.txt");
    fs::write(
        &plain,
        "Plain headline\n\nA story with no quotation at all.\n",
    )
    .unwrap();
    let mut pty = open(&[plain.to_str().unwrap()], &[], dir.path());
    pty.keys("y");
    pty.wait_text("No quotation to copy here");
    assert!(find(&pty.raw(), OSC52).is_none());
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

/// A stand-in editor: notes the file it was given and its mode (tests
/// run as root, for whom `test -w` is always true), copies it, then reads a line from the terminal and notes it too.
fn fake_editor(dir: &Path) -> (PathBuf, PathBuf) {
    let marker = dir.join("marker");
    let script = dir.join("editor.sh");
    fs::write(
        &script,
        format!(
            "#!/bin/sh\n\
             printf 'opened %s\\n' \"$1\" > '{m}'\n\
             stat -c 'mode %a' \"$1\" >> '{m}'\n\
             cp \"$1\" '{m}.text'\n\
             read line\n\
             printf 'typed %s\\n' \"$line\" >> '{m}'\n",
            m = marker.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    }
    (script, marker)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn e_runs_the_editor_on_the_article_file_and_the_reader_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("talks.txt");
    fs::write(
        &article,
        "Talks resume\n\n“We are ready,” Foreign Minister Sergei Lavrov said.\n",
    )
    .unwrap();
    let (script, marker) = fake_editor(dir.path());
    let script = script.to_str().unwrap();
    let mut pty = open(
        &[article.to_str().unwrap()],
        &[("VISUAL", ""), ("EDITOR", script)],
        dir.path(),
    );
    pty.keys("e");
    // The script notes the file, then its mode: wait for both lines.
    wait_until("the editor to start", &pty, || {
        read(&marker).contains("mode")
    });
    let notes = read(&marker);
    assert!(
        notes.starts_with(&format!("opened {}\nmode 6", article.display())),
        "{notes}"
    );
    // The editor reads the keys typed now: the reader's input thread is
    // parked and takes none of them.
    pty.keys("hello\r");
    wait_until("the editor to read its line", &pty, || {
        read(&marker).contains("typed")
    });
    assert!(
        read(&marker).ends_with("typed hello\n"),
        "{}",
        read(&marker)
    );
    pty.wait_text("Back from editor.sh");
    // Drawn whole again, and answering keys.
    let s = pty.screen();
    assert!(
        s.contains("Articles (1)") && s.contains("Talks resume"),
        "{s}"
    );
    pty.keys("?");
    pty.wait_text(" Keys ");
    pty.keys(key::ESC);
    pty.wait_for("the help to close", |s| !s.contains(" Keys "));
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_bundled_article_opens_as_a_read_only_copy_in_the_pager() {
    let dir = tempfile::tempdir().unwrap();
    let (script, marker) = fake_editor(dir.path());
    let mut pty = open(&[], &[("PAGER", script.to_str().unwrap())], dir.path());
    pty.keys("o");
    wait_until("the pager to start", &pty, || {
        read(&marker).contains("opened")
    });
    pty.keys("\r");
    pty.wait_text("a read-only copy: a bundled article has no file of its own");
    let notes = read(&marker);
    assert!(notes.contains("\nmode 444\n"), "{notes}");
    let copy = PathBuf::from(notes.lines().next().unwrap().trim_start_matches("opened "));
    let corpus = Corpus::load(&LoadRequest::from_args(&[]));
    assert_eq!(
        read(&dir.path().join("marker.text")).trim_end(),
        corpus.articles[0].text.trim_end()
    );
    assert!(
        copy.exists(),
        "kept while the reader runs: {}",
        copy.display()
    );
    pty.keys("j");
    pty.wait_text("2/5");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(!copy.exists(), "removed on quitting: {}", copy.display());
}

#[test]
fn a_failing_editor_gives_a_message_and_an_intact_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = open(&[], &[("VISUAL", "/no/such/editor --wait")], dir.path());
    pty.keys("e");
    pty.wait_text("Cannot run /no/such/editor: not found (set $VISUAL or $EDITOR)");
    assert!(pty.screen().contains("Articles (5)"));

    // A non-zero exit.
    drop(pty);
    let mut pty = open(
        &[],
        &[("VISUAL", ""), ("EDITOR", "sh -c 'exit 3'")],
        dir.path(),
    );
    pty.keys("e");
    pty.wait_text("sh -c 'exit 3' exited with status 3");

    // Ctrl-C in the editor is the editor's: the reader stays.
    drop(pty);
    let (script, marker) = fake_editor(dir.path());
    let mut pty = open(&[], &[("VISUAL", script.to_str().unwrap())], dir.path());
    pty.keys("e");
    wait_until("the editor to start", &pty, || {
        read(&marker).contains("opened")
    });
    pty.send(b"\x03");
    pty.wait_text("editor.sh was stopped by a signal");
    pty.keys("j");
    pty.wait_text("2/5");
    assert!(pty.screen().contains("Articles (5)"));
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn escapes_in_a_quotation_never_reach_the_clipboard() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    fs::write(
        &path,
        "Hostile headline\n\n“We are \x1b]52;c;cHduZWQ=\x07ready\x07 to \x1b[2Jtalk,” \
         said Maria Okafor.\n",
    )
    .unwrap();
    let mut pty = open(&[path.to_str().unwrap()], &[], dir.path());
    // y before the quotations are found would find none: wait for the
    // preview's quotation bar.
    pty.wait_text("▌ “We are");
    pty.keys("y");
    pty.wait_text("Copied quotation by Maria Okafor");
    wait_until("the copy", &pty, || {
        !clipboard_writes(&pty.raw()).is_empty()
    });
    // Only our sequence: the one in the file was removed on load.
    let writes = clipboard_writes(&pty.raw());
    assert_eq!(writes.len(), 1, "{writes:?}");
    let text = &writes[0];
    assert!(!text.chars().any(char::is_control), "{text:?}");
    assert!(!text.contains("cHduZWQ="), "{text:?}");
    assert!(
        text.starts_with("“We are ") && text.ends_with(" — Maria Okafor, in Hostile headline"),
        "{text:?}"
    );
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}

/// `O` hands the article's link, as one argument, to $BROWSER; an article
/// whose link is not http(s) or that has none is refused with a message.
#[test]
fn o_upper_opens_the_articles_web_link_in_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("links.json");
    fs::write(
        &json,
        r#"[{"title": "Linked story", "text": "Body one.", "url": "https://example.org/a?b=1&c=2"},
            {"title": "Scripted link", "text": "Body two.", "url": "javascript:alert(1)"},
            {"title": "No link", "text": "Body three."}]"#,
    )
    .unwrap();
    let (script, marker) = fake_editor(dir.path());
    let mut pty = open(
        &[json.to_str().unwrap()],
        &[("BROWSER", script.to_str().unwrap())],
        dir.path(),
    );
    pty.keys("O");
    wait_until("the browser to start", &pty, || {
        read(&marker).contains("opened")
    });
    pty.keys("\r");
    pty.wait_text("Back from editor.sh");
    assert!(
        read(&marker).starts_with("opened https://example.org/a?b=1&c=2\n"),
        "{}",
        read(&marker)
    );
    pty.keys("jO");
    pty.wait_text("Not a web link: javascript:alert(1)");
    pty.keys("jO");
    pty.wait_text("This article has no link");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
}
