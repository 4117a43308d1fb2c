//! `saidso stories`: the reports of one event across outlets, as a script
//! reads them.

use serde_json::Value;

use crate::support::cli::run;

/// A JSONL of two outlets' reports of a crane collapse, a follow-up two
/// weeks on, and unrelated local news.
fn corpus(dir: &std::path::Path) -> std::path::PathBuf {
    let rows = [
        (
            "Ledger",
            "2024-07-15",
            "Harbour crane collapses onto cargo ship in Port Ellis",
            "A container crane collapsed onto a cargo ship at the Port Ellis docks on Monday morning, injuring two dock workers.\n\n“The crane simply folded over the deck of the ship without any warning,” said Nils Berg, the harbour master.",
        ),
        (
            "Post",
            "2024-07-15T18:00:00Z",
            "Two hurt as dockside crane topples onto freighter",
            "Two workers were hurt when a dockside crane toppled onto a freighter in Port Ellis, officials said.\n\nHarbour master Nils Berg said: “The crane simply folded over the deck of the ship without any warning.”",
        ),
        (
            "Times",
            "2024-07-30",
            "Port Ellis crane collapse: two dock workers still in hospital",
            "Two dock workers hurt when a crane collapsed onto a cargo ship at Port Ellis remain in hospital.\n\n“The crane simply folded over the deck of the ship without any warning,” Nils Berg, the harbour master, said again.",
        ),
        (
            "Gazette",
            "2024-07-15",
            "Heavy rain expected this weekend",
            "Forecasters said heavy rain would reach the north on Saturday, officials said.",
        ),
        (
            "Gazette",
            "2024-07-15",
            "Council approves budget",
            "The city council approved next year's budget on Monday, officials said.",
        ),
        (
            "Gazette",
            "2024-07-15",
            "Local team wins cup final",
            "The local team won the cup final on penalties on Monday, officials said.",
        ),
    ];
    let jsonl: String = rows
        .iter()
        .map(|(outlet, date, title, text)| {
            serde_json::json!({"title": title, "text": text, "source": outlet, "date": date})
                .to_string()
                + "\n"
        })
        .collect();
    let path = dir.join("crane.jsonl");
    std::fs::write(&path, jsonl).unwrap();
    path
}

#[test]
fn stories_group_one_days_reports_and_leave_out_the_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = corpus(dir.path());
    let p = path.to_str().unwrap();
    let (code, out, _) = run(&["stories", "--json", p]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let stories = v.as_array().unwrap();
    assert_eq!(stories.len(), 1, "{out}");
    let s = &stories[0];
    assert_eq!(s["outlets"], serde_json::json!(["Ledger", "Post"]));
    assert_eq!(
        s["title"],
        "Harbour crane collapses onto cargo ship in Port Ellis"
    );
    assert_eq!(s["first"], "2024-07-15");
    assert_eq!(s["articles"].as_array().unwrap().len(), 2);
    assert_eq!(s["statements"][0]["speaker"], "Nils Berg");
    // Every article, one a row; stories of one too with --min-articles 1.
    let (_, out, _) = run(&["stories", "--format", "csv", "--min-articles", "1", p]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "story,size,path,outlet,date,title");
    assert_eq!(lines.len(), 7, "{out}");
    assert!(lines[1].starts_with("1,2,"), "{out}");
    let (_, out, _) = run(&["stories", p]);
    assert!(
        out.starts_with("1. Harbour crane collapses onto cargo ship in Port Ellis — 2 articles, 2 outlets (Ledger, Post), 2024-07-15"),
        "{out}"
    );
    let (_, out, _) = run(&["stories", "--format", "markdown", p]);
    assert!(out.starts_with("### "), "{out}");
}

#[test]
fn a_story_compared_is_its_statements_by_its_articles() {
    let (code, out, _) = crate::support::cli::run(&["stories", "--matrix", "1", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    // Lavrov's statement: 000 in its own words (split, TASS's translation),
    // 001 in the most common wording.
    let first = &v["statements"][0];
    assert_eq!(first["speaker"], "Sergei Lavrov");
    assert_eq!(first["carried"], serde_json::json!(["other", "common"]));
    let (code, out, _) = crate::support::cli::run(&["stories", "--matrix", "1"]);
    assert_eq!(code, 0);
    assert!(out.contains("  ~  =   Sergei Lavrov:"), "{out}");
    let (code, _, err) = crate::support::cli::run(&["stories", "--matrix", "9"]);
    assert_eq!(code, 1);
    assert!(err.contains("no story 9: these articles make 2"), "{err}");
}
