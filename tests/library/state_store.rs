//! The reading-state store on disk: round trips, damaged files set aside,
//! two writers at once (threads and processes) keeping each other's
//! progress, and a directory that cannot be written.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;

use crate::support::child::spawn_test;

use saidso::state::{ArticleState, Position, ReadingState, StateStore, StateWriter};

fn art(read: bool, offset: usize, at: u64) -> ArticleState {
    ArticleState {
        read,
        position: Position { offset, lead: 1 },
        updated_at: at,
        read_at: 0,
    }
}

fn corrupt_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("state.json.corrupt-"))
        .collect();
    names.sort();
    names
}

#[test]
fn round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path().join("saidso"));
    // Nothing there yet: empty, no warning, nothing created.
    assert_eq!(store.load(), (ReadingState::default(), None));
    assert!(!store.dir().exists());

    let mut s = ReadingState::default();
    s.record(0xdead_beef, art(true, 1234, 1_700_000_000_000));
    s.record(u64::MAX, art(false, 0, 5));
    s.record_last("0123456789abcdef", 0xdead_beef, 9);
    assert_eq!(store.save(&s), Ok(None));
    assert_eq!(store.load(), (s.clone(), None));

    // The file is plain JSON a person can read.
    let text = fs::read_to_string(store.file()).unwrap();
    assert!(text.contains(r#""version":1"#), "{text}");
    assert!(
        text.contains(r#""00000000deadbeef":{"read":true"#),
        "{text}"
    );
    assert!(
        text.contains(r#""last_article":"00000000deadbeef""#),
        "{text}"
    );
    // No temporary file left behind.
    let names: Vec<_> = fs::read_dir(store.dir()).unwrap().collect();
    assert_eq!(names.len(), 2, "state.json and state.lock only: {names:?}");
}

#[test]
fn a_truncated_file_is_set_aside_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let mut s = ReadingState::default();
    s.record(1, art(true, 10, 10));
    s.record(2, art(true, 20, 20));
    store.save(&s).unwrap();
    let full = fs::read(store.file()).unwrap();
    fs::write(store.file(), &full[..full.len() / 2]).unwrap();

    let (loaded, warning) = store.load();
    assert_eq!(loaded, ReadingState::default());
    let w = warning.expect("a warning");
    assert_eq!(w.path, store.file());
    assert!(w.problem.contains("truncated"), "{w}");
    let aside = corrupt_files(dir.path());
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(w.problem.contains(&aside[0]), "{w}");
    // The damaged bytes are kept, and saving works again.
    assert_eq!(
        fs::read(dir.path().join(&aside[0])).unwrap(),
        &full[..full.len() / 2]
    );
    assert!(!store.file().exists());
    assert_eq!(store.save(&s), Ok(None));
    assert_eq!(store.load(), (s, None));
}

#[test]
fn garbage_and_wrong_shapes_are_set_aside() {
    let cases: &[&[u8]] = &[
        b"",
        b"   \n",
        b"\x00\xff\xfe garbage",
        b"[1, 2, 3]",
        br#"{"articles": {}}"#,
        br#"{"version": 1, "articles": {"x": {"read": "yes"}}}"#,
        br#"{"version": 1, "articles": {"x": {"read": true, "position": {"offset": -1}, "updated_at": 0}}}"#,
    ];
    for (i, bytes) in cases.iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        fs::write(store.file(), bytes).unwrap();
        let (loaded, warning) = store.load();
        assert_eq!(loaded, ReadingState::default(), "case {i}");
        let w = warning.unwrap_or_else(|| panic!("case {i}: no warning"));
        assert!(w.to_string().contains("state.json"), "case {i}: {w}");
        assert!(w.problem.contains("set aside as"), "case {i}: {w}");
        assert_eq!(corrupt_files(dir.path()).len(), 1, "case {i}");
    }
}

#[test]
fn a_damaged_file_found_while_saving_is_set_aside_too() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    fs::write(store.file(), b"{\"version\": 1, \"arti").unwrap();
    let mut s = ReadingState::default();
    s.record(7, art(true, 0, 1));
    let note = store.save(&s).expect("saved").expect("a note");
    assert!(note.problem.contains("set aside"), "{note}");
    assert_eq!(store.load(), (s, None));
}

#[test]
fn a_newer_format_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let future = br#"{"version": 2, "whatever": []}"#;
    fs::write(store.file(), future).unwrap();
    let (loaded, warning) = store.load();
    assert_eq!(loaded, ReadingState::default());
    assert!(warning.unwrap().problem.contains("version 2"));
    let mut s = ReadingState::default();
    s.record(7, art(true, 0, 1));
    assert!(store.save(&s).is_err());
    assert_eq!(fs::read(store.file()).unwrap(), future);
    assert!(corrupt_files(dir.path()).is_empty());
}

/// Writes to the state directory's temporary file hit a full disk: it is
/// made a link to `/dev/full`, where every write fails with ENOSPC.
#[test]
fn a_full_disk_is_a_warning_and_the_old_file_stays() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let mut old = ReadingState::default();
    old.record(1, art(true, 10, 1));
    store.save(&old).unwrap();
    let before = fs::read(store.file()).unwrap();

    std::os::unix::fs::symlink("/dev/full", dir.path().join("state.json.tmp")).unwrap();
    let mut new = ReadingState::default();
    new.record(2, art(true, 20, 2));
    let w = store.save(&new).unwrap_err();
    assert!(w.problem.contains("No space left on device"), "{w}");
    assert!(w.problem.contains("reading state not saved"), "{w}");
    assert!(w.to_string().contains("state.json"), "names the file: {w}");
    assert_eq!(
        fs::read(store.file()).unwrap(),
        before,
        "the old file stands"
    );
    assert!(
        !dir.path().join("state.json.tmp").exists(),
        "no temporary left"
    );
    // Space again: the next save has both.
    store.save(&new).unwrap();
    let (state, _) = store.load();
    assert!(state.article(1).is_some() && state.article(2).is_some());
}

#[test]
fn an_unwritable_directory_is_a_warning() {
    // A file where the directory should be: fails even for root, unlike
    // permission bits.
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-dir");
    fs::write(&blocker, b"").unwrap();
    let store = StateStore::new(blocker.join("saidso"));
    assert_eq!(store.load(), (ReadingState::default(), None));
    let mut s = ReadingState::default();
    s.record(1, art(true, 0, 1));
    let w = store.save(&s).unwrap_err();
    assert!(w.problem.contains("cannot create the directory"), "{w}");
    assert!(w.to_string().contains("not-a-dir"), "{w}");

    // Through the writer thread: warned once, never a panic.
    let (tx, rx) = std::sync::mpsc::channel();
    let writer = StateWriter::spawn(store, move |w| {
        let _ = tx.send(w);
    });
    writer.save(s.clone());
    writer.save(s);
    let last = writer.finish();
    let heard: Vec<_> = rx.try_iter().collect();
    assert_eq!(heard.len() + last.len(), 1, "{heard:?} {last:?}");
}

#[test]
fn merging_keeps_the_newer_record() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let mut a = ReadingState::default();
    a.record(1, art(true, 100, 20));
    store.save(&a).unwrap();
    // An older record from someone else does not undo the newer one, but
    // its `read` is kept.
    let mut b = ReadingState::default();
    b.record(1, art(false, 5, 10));
    b.record(2, art(false, 50, 10));
    store.save(&b).unwrap();
    let (s, _) = store.load();
    assert_eq!(s.article(1), Some(&art(true, 100, 20)));
    assert_eq!(s.article(2), Some(&art(false, 50, 10)));
}

/// Records written by writer `id` (ids 0 and 1 share articles 1000..).
fn writer_changes(id: u64, round: u64) -> ReadingState {
    let mut s = ReadingState::default();
    s.record(id * 100 + round, art(true, round as usize, 1_000 + round));
    s.record(
        1000 + round % 5,
        art(id == 1, (id * 10) as usize, 2 * round + id),
    );
    s
}

fn check_both(store: &StateStore, rounds: u64) {
    let (s, warning) = store.load();
    assert_eq!(warning, None);
    for id in 0..2 {
        for round in 0..rounds {
            assert!(
                s.article(id * 100 + round).is_some(),
                "writer {id} lost round {round}"
            );
        }
    }
    for k in 0..5 {
        assert!(s.article(1000 + k).is_some());
    }
    // The shared article's latest record is the newest round's.
    let last = (0..rounds).rev().find(|r| r % 5 == 0).unwrap();
    assert_eq!(s.article(1000).unwrap().updated_at, 2 * last + 1);
}

#[test]
fn two_threads_saving_at_once_keep_each_others_progress() {
    let dir = tempfile::tempdir().unwrap();
    let rounds = 40;
    let handles: Vec<_> = (0..2)
        .map(|id| {
            let store = StateStore::new(dir.path());
            thread::spawn(move || {
                for round in 0..rounds {
                    store.save(&writer_changes(id, round)).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    check_both(&StateStore::new(dir.path()), rounds);
}

const CHILD_ENV: &str = "SAIDSO_STATE_TEST_CHILD";
const CHILD_ROUNDS: u64 = 40;

/// Not a test on its own: the body of each process in the test below.
#[test]
fn child_process_writer() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (id, dir) = spec.split_once(':').unwrap();
    let id: u64 = id.parse().unwrap();
    let store = StateStore::new(dir);
    for round in 0..CHILD_ROUNDS {
        store.save(&writer_changes(id, round)).unwrap();
    }
}

#[test]
fn two_processes_saving_at_once_keep_each_others_progress() {
    let dir = tempfile::tempdir().unwrap();
    let me = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..2)
        .map(|id| {
            Command::new(&me)
                .args([
                    "--exact",
                    "state_store::child_process_writer",
                    "--test-threads=1",
                ])
                .env(CHILD_ENV, format!("{id}:{}", dir.path().display()))
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    check_both(&StateStore::new(dir.path()), CHILD_ROUNDS);
}

const ENDLESS_ENV: &str = "SAIDSO_STATE_TEST_ENDLESS";
const ENDLESS_ROUNDS: u64 = 900;

/// Not a test on its own: a writer that saves until it is killed.
#[test]
fn child_process_endless_writer() {
    let Ok(dir) = std::env::var(ENDLESS_ENV) else {
        return;
    };
    let store = StateStore::new(dir);
    // Bounded, should nobody kill it (rounds are article keys below the
    // shared ones, 1000 and up).
    for round in 0..ENDLESS_ROUNDS {
        store.save(&writer_changes(0, round)).unwrap();
    }
}

/// A writer killed with SIGKILL at any moment loses at most the write it
/// was doing: the file is never torn (it loads without a warning) and
/// every round it holds came before every round it lacks.
#[test]
fn a_writer_killed_mid_write_loses_at_most_that_write() {
    for attempt in 0..8u64 {
        let dir = tempfile::tempdir().unwrap();
        let mut child = spawn_test(
            "state_store::child_process_endless_writer",
            ENDLESS_ENV,
            dir.path(),
        );
        // A different moment each time, once writing has begun.
        thread::sleep(std::time::Duration::from_millis(150 + attempt * 37));
        child.kill().unwrap();
        let _ = child.wait();
        let (s, warning) = StateStore::new(dir.path()).load();
        assert_eq!(warning, None, "attempt {attempt}: the file was torn");
        let kept: Vec<bool> = (0..ENDLESS_ROUNDS)
            .map(|r| s.article(r).is_some())
            .collect();
        let first_missing = kept.iter().position(|k| !k).unwrap_or(kept.len());
        assert!(
            kept[first_missing..].iter().all(|k| !k),
            "attempt {attempt}: a round after a lost one was kept"
        );
        assert!(first_missing > 0, "attempt {attempt}: nothing was written");
    }
}
