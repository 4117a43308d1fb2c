//! The headless command line, run as a user or a script would.

use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::cli::run;

fn saidso() -> Command {
    Command::new(env!("CARGO_BIN_EXE_saidso"))
}

#[test]
fn list_json_prints_the_bundled_articles() {
    let (code, out, err) = run(&["list", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    let list = v.as_array().expect("an array");
    assert_eq!(list.len(), 5);
    assert_eq!(list[0]["path"], "000_373775eacfdba3f8.txt");
    assert_eq!(list[0]["byline"], "Patrick Goodenough");
    assert!(
        list[0]["title"]
            .as_str()
            .unwrap()
            .starts_with("Cooperation between Russia and China")
    );
    for rec in list {
        for key in ["path", "title", "byline", "words", "paragraphs"] {
            assert!(rec.get(key).is_some(), "{key} missing in {rec}");
        }
        assert!(rec["words"].as_u64().unwrap() > 100);
        assert!(rec["paragraphs"].as_u64().unwrap() > 5);
    }
}

#[test]
fn list_reads_files_directories_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Alpha headline\n\nAlpha body text.",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/b.md"), "Beta headline\n\nBeta body.").unwrap();
    std::fs::write(
        dir.path().join("sub/c.jsonl"),
        "{\"title\":\"Gamma\",\"body\":\"g\"}\n{\"title\":\"Delta\",\"text\":\"d\"}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("skip.png"), "x").unwrap();
    let (code, out, err) = run(&["list", "--json", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let titles: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Alpha headline", "Beta headline", "Gamma", "Delta"]
    );

    let mut child = saidso()
        .args(["list", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Piped headline\n\nPiped body.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["title"], "Piped headline");
    assert_eq!(v[0]["path"], "<stdin>");
}

/// `args` with `input` piped into standard input: (status, stdout).
fn piped(args: &[&str], input: &[u8]) -> (i32, String) {
    use std::io::Write;
    let mut child = saidso()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn piped_input_is_read_without_a_dash_and_known_by_its_content() {
    let titles = |out: &str| -> Vec<String> {
        let v: Value = serde_json::from_str(out).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["title"].as_str().unwrap().to_string())
            .collect()
    };
    // Nothing named, something piped: the pipe, not the bundled articles.
    let (code, out) = piped(&["list", "--json"], b"Piped headline\n\nPiped body.");
    assert_eq!(code, 0);
    assert_eq!(titles(&out), ["Piped headline"]);
    // A JSON export and JSON Lines through the pipe are records, not text.
    let (_, out) = piped(
        &["list", "--json", "-"],
        b"[{\"title\": \"Gamma\", \"text\": \"g g\"}, {\"title\": \"Delta\", \"text\": \"d\"}]",
    );
    assert_eq!(titles(&out), ["Gamma", "Delta"]);
    let (_, out) = piped(
        &["list", "--json"],
        b"{\"title\": \"Eps\", \"text\": \"e\"}\n{\"title\": \"Zeta\", \"text\": \"z\"}\n",
    );
    assert_eq!(titles(&out), ["Eps", "Zeta"]);
    // No input at all (/dev/null, as from cron): the bundled articles.
    let (code, out, _) = run(&["list", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(titles(&out).len(), 5);
}

#[test]
fn list_gives_dates_as_iso_8601_and_the_outlet() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.jsonl"),
        concat!(
            "{\"title\": \"A\", \"text\": \"a\", \"source\": \"Norpress\", \"date\": \"Mon, 15 Jul 2024 16:24:59 -0400\"}\n",
            "{\"title\": \"B\", \"text\": \"b\", \"publish_date\": \"January 11, 2010 Monday\"}\n",
            "{\"title\": \"C\", \"text\": \"c\", \"date\": \"20230918T031500Z\"}\n",
            "{\"title\": \"D\", \"text\": \"d\", \"date\": \"sometime soon\"}\n",
        ),
    )
    .unwrap();
    let (code, out, err) = run(&["list", "--json", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let field = |i: usize, k: &str| v[i][k].as_str().map(str::to_string);
    assert_eq!(field(0, "date").as_deref(), Some("2024-07-15T20:24:59Z"));
    assert_eq!(
        field(0, "date_text").as_deref(),
        Some("Mon, 15 Jul 2024 16:24:59 -0400")
    );
    assert_eq!(field(0, "outlet").as_deref(), Some("Norpress"));
    assert_eq!(field(2, "date").as_deref(), Some("2023-09-18T03:15:00Z"));
    // Not a date: null, the words kept as written.
    assert_eq!(field(3, "date"), None);
    assert_eq!(field(3, "date_text").as_deref(), Some("sometime soon"));
    // A news database's keys and its form of date.
    assert_eq!(field(1, "date").as_deref(), Some("2010-01-11"));
}

#[test]
fn a_news_database_export_in_csv_loads_a_row_an_article() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("export.csv"),
        "stories_id,publish_date,title,url,media_name,text\n\
         7,2023-09-18 03:15:00,Harbour reopens,https://a.example/1,Coastal Ledger,\"The harbour reopened on Monday.\"\n\
         8,20230918T031500Z,Ferry resumes,https://a.example/2,Island Post,\n",
    )
    .unwrap();
    let (code, out, err) = run(&["list", "--json", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["title"], "Harbour reopens");
    assert_eq!(v[0]["outlet"], "Coastal Ledger");
    assert_eq!(v[0]["date"], "2023-09-18");
    assert_eq!(v[1]["title"], "Ferry resumes");
    assert_eq!(v[1]["date"], "2023-09-18T03:15:00Z");
    // A link without text says so, and is no failure.
    assert!(
        err.contains("export.csv#2: no text in this record (a link only)"),
        "{err}"
    );
}

#[test]
fn a_feed_gives_an_article_an_item_and_says_which_are_summaries() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ledger.rss"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Coastal Ledger</title>\
         <item><title>Ferry resumes</title><link>https://ledger.example/2</link>\
         <pubDate>Tue, 16 Jul 2024 08:00:00 GMT</pubDate>\
         <description>&lt;p&gt;Sailings resume on Tuesday.&lt;/p&gt;</description></item></channel></rss>",
    )
    .unwrap();
    let (code, out, err) = run(&["list", "--json", "--text", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["title"], "Ferry resumes");
    assert_eq!(v[0]["outlet"], "Coastal Ledger");
    assert_eq!(v[0]["date"], "2024-07-16T08:00:00Z");
    assert_eq!(v[0]["url"], "https://ledger.example/2");
    assert_eq!(v[0]["text"], "Sailings resume on Tuesday.");
    assert!(err.contains("ledger.rss#1: summary only"), "{err}");
}

#[test]
fn list_text_gives_the_story_as_the_reader_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let story = "Harbour reopens\n\nBy Ann Lee\n\nThe harbour reopened on Monday.\n\n\
                 Subscribe to our newsletter for more stories like this.\n\n\
                 “We are ready,” the harbour master said.\n";
    std::fs::write(dir.path().join("a.txt"), story).unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, out, _) = run(&["list", "--json", "--text", d]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v[0]["text"],
        "The harbour reopened on Monday.\n\n“We are ready,” the harbour master said."
    );
    let (_, out, _) = run(&["list", "--json", d]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v[0].get("text").is_none(), "only when asked for");
    let (_, out, _) = run(&["list", "--format", "csv", "--text", d]);
    assert!(out.lines().next().unwrap().ends_with(",text"), "{out}");
    let (code, _, err) = run(&["list", "--text", d]);
    assert_eq!(
        (code, err.trim()),
        (2, "saidso: --text goes with --json or --format csv")
    );
}

#[test]
fn a_missing_file_is_named_and_the_exit_status_is_1() {
    let (code, out, err) = run(&["list", "/no/such/file.txt"]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err.trim(),
        "saidso: /no/such/file.txt: cannot open: no such file or directory"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn a_mistyped_command_is_an_error_naming_the_nearest_one() {
    let (code, out, err) = run(&["serach", "lavrov"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(
        err.trim(),
        "saidso: no such file or command: serach (did you mean `saidso search`?)"
    );
}

#[test]
fn boilerplate_is_searched_and_ranked_below_the_story() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a_pitch.txt"),
        "Budget talks stall\n\nThe talks stalled on Monday.\n\nSign up for our free daily newsletter today\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b_story.txt"),
        "Newsletters boom\n\nThe daily newsletter market grew, the report said.\n",
    )
    .unwrap();
    let (code, out, err) = run(&[
        "search",
        "--json",
        "daily newsletter",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let hits: serde_json::Value = serde_json::from_str(&out).unwrap();
    let paths: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "the pitch is found too: {out}");
    assert!(
        paths[0].ends_with("b_story.txt"),
        "the story first: {paths:?}"
    );
}

#[test]
fn problems_inside_a_directory_never_change_the_status() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "A headline\n\nSome text.\n").unwrap();
    std::fs::write(dir.path().join("bad.json"), "{oops").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/nonexistent", dir.path().join("gone.txt")).unwrap();
    let (code, out, err) = run(&["list", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("A headline"));
    assert!(
        err.contains("bad.json") && err.contains("gone.txt"),
        "{err}"
    );
}

#[test]
fn a_named_file_that_gives_no_article_fails_and_one_that_gives_some_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let none = dir.path().join("none.json");
    std::fs::write(&none, r#"{"title": "no text here"}"#).unwrap();
    let (code, _, err) = run(&["list", none.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    let some = dir.path().join("some.json");
    std::fs::write(&some, r#"[{"title": "A", "text": "Body."}, {"x": 1}]"#).unwrap();
    let (code, out, err) = run(&["list", some.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("A"));
}

#[test]
fn bad_json_is_reported_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.json");
    std::fs::write(&f, "{\"title\": \"x\",\n oops}").unwrap();
    let (code, _, err) = run(&["list", f.to_str().unwrap()]);
    assert_eq!(
        code, 1,
        "a named file that cannot be parsed fails, as an unreadable one does"
    );
    assert!(
        err.contains("bad.json: invalid JSON at line 2, column 2"),
        "{err}"
    );
}

#[test]
fn help_and_version() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for cmd in ["list", "quotes", "search"] {
        assert!(out.contains(cmd), "--help does not mention {cmd}");
    }
    let (code, out, _) = run(&["list", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--json"));
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("saidso "));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `saidso list --json | head -c 10`: the reader goes away early.
    let mut child = saidso()
        .args(["list", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn the_reader_refuses_a_non_terminal_stdout_with_a_clear_message() {
    let (code, _, err) = run(&[]);
    assert_eq!(code, 1);
    assert!(err.contains("needs a terminal"), "{err}");
}

#[test]
fn search_at_name_keeps_to_that_speakers_quotations() {
    let (code, out, _) = run(&["search", "--json", "@lavrov sanctions"]);
    assert_eq!(code, 0);
    let records: serde_json::Value = serde_json::from_str(&out).unwrap();
    let records = records.as_array().unwrap();
    assert!(!records.is_empty());
    for r in records {
        for m in r["matches"].as_array().unwrap() {
            let text = m["text"].as_str().unwrap().to_lowercase();
            assert!(text.contains("sanction"), "{text}");
        }
    }
    // Plain "sanctions" also finds paragraphs where nobody is quoted.
    let (_, plain, _) = run(&["search", "--json", "sanctions"]);
    let count = |s: &str| s.matches("\"paragraph\"").count();
    assert!(count(&plain) > count(&out), "the scope is narrower");
    let (code, out, _) = run(&["search", "@xqzv"]);
    assert_eq!((code, out.as_str()), (1, ""), "nobody is called that");
}

#[test]
fn top_level_flags_may_come_before_a_subcommand() {
    // `--no-state list` runs the list command; it does not open a file
    // called "list".
    let (code, out, err) = run(&["--no-state", "list", "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.trim_start().starts_with('['), "{out}");
}
