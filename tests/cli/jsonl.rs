//! `quotes --jsonl` and `list --jsonl`: one JSON line per article, as it
//! goes, the same records as `--json`; bad lines named and skipped; no
//! control character of an article on stdout.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::cli::run;

fn saidso() -> Command {
    Command::new(env!("CARGO_BIN_EXE_saidso"))
}

/// Speakers, outlets and topics the generated records are made of.
const PEOPLE: &[(&str, &str)] = &[
    ("Amara Okonkwo", "the finance minister"),
    ("Tomasz Wielgus", "a port official"),
    ("Lena Marchetti", "the mayor"),
    ("Hiroshi Tanabe", "a union leader"),
];
const TOPICS: &[&str] = &["the new bridge", "the harbour tax", "the rail strike"];

/// Record `i` of a generated JSON Lines corpus: quotations of named
/// speakers and an unnamed source; every third without an id.
fn record(i: usize) -> Value {
    let (name, role) = PEOPLE[i % PEOPLE.len()];
    let topic = TOPICS[i % TOPICS.len()];
    let surname = name.split(' ').next_back().unwrap();
    let text = format!(
        "Officials met on Tuesday to discuss {topic}, report {i}.\n\n\
         “We will not wait another year for {topic},” said {name}, {role}.\n\n\
         {surname} added that the plan had support. “The money is there,” she said.\n\n\
         Critics disagreed. “This is a mistake,” said a spokesman for the opposition."
    );
    let mut r = json!({
        "title": format!("Talks on {topic}, day {i}"),
        "text": text,
        "url": format!("https://news.example/{i}"),
    });
    if !i.is_multiple_of(3) {
        r["id"] = json!(format!("rec-{i}"));
    }
    r
}

fn jsonl(records: impl IntoIterator<Item = Value>) -> String {
    records.into_iter().map(|r| format!("{r}\n")).collect()
}

/// The lines of a `--jsonl` output, parsed.
fn lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// A line of `command` without the keys `--jsonl` adds to its `--json`
/// record: the input's id, and for `quotes` the article's url.
fn without_keys(command: &str, mut line: Value) -> Value {
    let map = line.as_object_mut().unwrap();
    map.remove("id");
    if command == "quotes" {
        map.remove("url");
    }
    line
}

/// Each line equals its record of the `--json` array, in order.
fn assert_same_records(command: &str, streamed: Vec<Value>, whole: &Value) {
    let whole = whole.as_array().unwrap();
    assert_eq!(streamed.len(), whole.len(), "{command}: lines");
    for (i, (line, record)) in streamed.into_iter().zip(whole).enumerate() {
        assert_eq!(
            &without_keys(command, line),
            record,
            "{command}: line {}",
            i + 1
        );
    }
}

fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "saidso {args:?}: {err}");
    out
}

/// `args` with `input` on stdin: (status, stdout, stderr).
fn piped(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = saidso()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn each_line_is_the_json_record_of_one_article_in_order() {
    // The bundled articles.
    for command in ["quotes", "list"] {
        let whole: Value = serde_json::from_str(&ok(&[command, "--json"])).unwrap();
        let streamed = lines(&ok(&[command, "--jsonl"]));
        assert_eq!(streamed.len(), 5, "{command}");
        assert_same_records(command, streamed, &whole);
    }
    // A generated file of JSON Lines, and the same piped in.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.jsonl");
    let input = jsonl((0..60).map(record));
    std::fs::write(&path, &input).unwrap();
    let path = path.to_str().unwrap();
    for command in ["quotes", "list"] {
        let whole: Value = serde_json::from_str(&ok(&[command, "--json", path])).unwrap();
        let streamed = lines(&ok(&[command, "--jsonl", path]));
        assert_same_records(command, streamed.clone(), &whole);
        // Each line says which record it is.
        for (i, line) in streamed.iter().enumerate() {
            let id = (!i.is_multiple_of(3)).then(|| format!("rec-{i}"));
            assert_eq!(line["id"].as_str(), id.as_deref(), "{line}");
            assert_eq!(line["url"], format!("https://news.example/{i}"));
        }
        let (code, out, err) = piped(&[command, "--jsonl"], input.as_bytes());
        assert_eq!(code, 0, "{err}");
        let from_stdin = lines(&out);
        assert_eq!(from_stdin.len(), 60);
        assert_eq!(from_stdin[7]["path"], "<stdin>#8");
        assert_eq!(from_stdin[7]["id"], "rec-7");
    }
    // The quotations themselves, as a user reads them.
    let first = &lines(&ok(&["quotes", "--jsonl", path]))[1];
    assert_eq!(first["quotes"][0]["speaker"], "Tomasz Wielgus");
    assert_eq!(first["quotes"][0]["role"], "port official");
    assert_eq!(first["quotes"][1]["speaker"], "Tomasz Wielgus");
    assert_eq!(first["quotes"][2]["how"], "unnamed");
}

#[test]
fn a_bad_line_is_named_skipped_and_the_rest_still_come() {
    let mut input = jsonl((0..3).map(record));
    input.push_str("{\"title\": \"cut off\", \"text\": \"The\n");
    input.push_str("[1, 2]\n\n");
    input.push_str(&jsonl((4..8).map(record)));
    let (code, out, err) = piped(&["quotes", "--jsonl"], input.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("saidso: <stdin>: line 4: invalid JSON"),
        "{err}"
    );
    assert!(
        err.contains("saidso: <stdin>: line 5: expected an article object, found an array"),
        "{err}"
    );
    let ids: Vec<Value> = lines(&out).iter().map(|l| l["id"].clone()).collect();
    let want: Vec<Value> = [1, 2, 4, 5, 7]
        .iter()
        .map(|i| json!(format!("rec-{i}")))
        .collect();
    let ids: Vec<Value> = ids.into_iter().filter(|v| !v.is_null()).collect();
    assert_eq!(ids, want);
    assert_eq!(out.lines().count(), 7, "every good line gives one");
    // In a file, the message names the file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("part-0001.jsonl");
    std::fs::write(&path, &input).unwrap();
    let (code, out, err) = run(&["list", "--jsonl", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("{}: line 4: invalid JSON", path.display())),
        "{err}"
    );
    assert_eq!(out.lines().count(), 7);
}

#[test]
fn an_empty_input_is_no_lines_and_no_failure() {
    // What a distributed job pipes in for an empty partition.
    for input in ["", "\n\n"] {
        let (code, out, err) = piped(&["quotes", "--jsonl"], input.as_bytes());
        assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    }
}

/// Read one line of the child's stdout, giving up after a minute (so a
/// program that waits for the end of its input fails the test, not hangs
/// it).
fn next_line(lines: &mpsc::Receiver<String>) -> Option<String> {
    lines.recv_timeout(Duration::from_secs(60)).ok()
}

fn line_reader(child: &mut Child) -> mpsc::Receiver<String> {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    rx
}

/// `saidso quotes --jsonl` reading a pipe and writing one, stderr to
/// `stderr`.
fn streaming(stderr: Stdio) -> std::process::Child {
    saidso()
        .args(["quotes", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap()
}

#[test]
fn each_article_comes_out_before_the_next_goes_in() {
    // stdin stays open: a program that reads all its input (or a window
    // of it) before writing never answers the first line.
    let mut child = streaming(Stdio::null());
    let mut stdin = child.stdin.take().unwrap();
    let out = line_reader(&mut child);
    for i in [1, 2, 4] {
        writeln!(stdin, "{}", record(i)).unwrap();
        stdin.flush().unwrap();
        let line = next_line(&out).unwrap_or_else(|| panic!("no line for record {i}"));
        let line: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(line["id"], format!("rec-{i}"));
    }
    drop(stdin);
    assert_eq!(next_line(&out), None);
    assert!(child.wait().unwrap().success());
}

#[test]
fn input_is_taken_no_faster_than_output_is_read() {
    // Memory bounded by a few articles, seen from outside: while nobody
    // reads its output, saidso stops reading its input once the pipes and
    // its window are full, instead of holding the rest in memory. Then
    // every line still comes. (Not timing-sensitive: a slow machine only
    // reads fewer records before the stall.)
    const RECORDS: usize = 2_000;
    let big = |i: usize| {
        let mut r = record(i);
        let text = r["text"].as_str().unwrap().to_string();
        r["text"] = json!(vec![text; 40].join("\n\n")); // about 20 kB
        r
    };
    let mut child = streaming(Stdio::null());
    let mut stdin = child.stdin.take().unwrap();
    let taken = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = taken.clone();
    let feeder = std::thread::spawn(move || {
        for i in 0..RECORDS {
            if writeln!(stdin, "{}", big(i)).is_err() {
                return;
            }
            counter.store(i + 1, std::sync::atomic::Ordering::SeqCst);
        }
    });
    // Wait until the feeder has been stuck for a second (or 60 s pass).
    let count = || taken.load(std::sync::atomic::Ordering::SeqCst);
    let (mut last, mut still) = (usize::MAX, 0);
    for _ in 0..600 {
        std::thread::sleep(Duration::from_millis(100));
        let now = count();
        still = if now == last { still + 1 } else { 0 };
        last = now;
        if still >= 10 {
            break;
        }
    }
    assert!(
        count() < RECORDS / 2,
        "{} of {RECORDS} records (20 kB each) taken with no output read",
        count()
    );
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    feeder.join().unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(out.lines().count(), RECORDS);
}

#[test]
fn a_reader_that_goes_away_ends_the_stream_quietly() {
    // `saidso quotes --jsonl < big.jsonl | head -1`, with more coming.
    let mut child = streaming(Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for i in 0.. {
            if writeln!(stdin, "{}", record(i)).is_err() {
                return i;
            }
        }
        unreachable!()
    });
    let mut first = String::new();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdout.read_line(&mut first).unwrap();
    assert!(first.starts_with('{'), "{first}");
    drop(stdout);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(status.code(), Some(0), "{err}");
    // It stopped reading: the writer of its input was told so.
    assert!(feeder.join().unwrap() > 0);
}

#[test]
fn control_characters_in_a_record_never_reach_stdout() {
    let hostile = json!({
        "id": "evil\u{1b}]0;pwned\u{7}",
        "title": "Rates \u{1b}[31mred\u{1b}[0m and \u{9b}2J cleared",
        "author": "Jo \u{1b}]52;c;ZXZpbA==\u{7}Bloggs",
        "text": "“We will \u{1b}[2Jclear the screen\u{7f},” said Hana \u{8d}Kovac, the minister.\n\n\
                 A bell\u{7} rang and a \u{1b}P device string\u{1b}\\ went by.",
        "source": "Wire\u{85}Service",
    });
    let input = jsonl([hostile]);
    for args in [
        &["quotes", "--jsonl"][..],
        &["list", "--jsonl", "--text"][..],
    ] {
        let mut child = saidso()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let bytes = &out.stdout;
        assert_eq!(bytes.iter().filter(|&&b| b == b'\n').count(), 1);
        for (i, &b) in bytes.iter().enumerate() {
            assert!(
                (b >= 0x20 && b != 0x7f) || b == b'\n',
                "{args:?}: control byte {b:#x} at {i}"
            );
        }
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
            "{args:?}: a C1 control in {text}"
        );
        // Read back, the article's text is clean, and the id is the
        // input's, exactly (escaped on the way out, not changed).
        let line: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(line["id"], "evil\u{1b}]0;pwned\u{7}");
        let title = line["title"].as_str().unwrap();
        assert_eq!(title, "Rates red and cleared");
        let line_text = line.to_string();
        for bad in ["\\u001b", "\\u0007", "\\u009b", "\\u007f", "\\u0085"] {
            let article_part = line_text.replace("\"evil\\u001b]0;pwned\\u0007\"", "");
            assert!(
                !article_part.contains(bad),
                "{args:?}: {bad} in {line_text}"
            );
        }
    }
}

#[test]
fn jsonl_goes_with_neither_another_format_nor_a_speaker() {
    for args in [
        &["quotes", "--jsonl", "--json"][..],
        &["quotes", "--jsonl", "--format", "csv"][..],
        &["quotes", "--jsonl", "--speaker", "Lavrov"][..],
        &["list", "--jsonl", "--format", "markdown"][..],
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("cannot be used with"), "{args:?}: {err}");
    }
}
