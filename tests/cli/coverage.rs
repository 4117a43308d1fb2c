//! `saidso coverage`: quotations per speaker and outlet, on articles
//! written here (JSONL records with a `source`).

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::support::cli::run as saidso;

/// Four articles from three outlets (two spellings of one), one without
/// an outlet, written as JSONL to a temporary directory.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        json!({"title": "Bridge opens", "source": "Harbour Wire",
               "text": "“The bridge opens in May,” said Mayor Ilse Brandt. “It cost less than planned,” Brandt said."}),
        json!({"title": "Tolls", "source": "harbour wire",
               "text": "“Tolls will stay low,” said Mayor Ilse Brandt. “We were not consulted,” said Tomas Okafor, a ferry captain."}),
        json!({"title": "Ferrymen", "source": "=Valley Ledger",
               "text": "“Nobody asked the ferrymen,” said Tomas Okafor. “The figures are sound,” a senior official said."}),
        json!({"title": "A post",
               "text": "“I like the bridge,” said Mayor Ilse Brandt."}),
    ];
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    let path = dir.path().join("news.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    (dir, path)
}

fn run(args: &[&str]) -> String {
    let (code, out, err) = saidso(args);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn json_counts_quotations_per_speaker_and_outlet() {
    let (_dir, path) = corpus();
    let out = run(&["coverage", "--json", path.to_str().unwrap()]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let outlets: Vec<(&str, u64)> = v["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["name"].as_str().unwrap(), o["quotes"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        outlets,
        [
            ("Harbour Wire", 4),
            ("=Valley Ledger", 2),
            ("(no outlet)", 1)
        ],
        "{out}"
    );
    let speakers = v["speakers"].as_array().unwrap();
    assert_eq!(speakers[0]["name"], "Ilse Brandt");
    assert_eq!(speakers[0]["quotes"], 4);
    assert_eq!(speakers[0]["articles"], 3);
    assert_eq!(
        speakers[0]["cells"]["Harbour Wire"],
        json!({"quotes": 3, "articles": 2})
    );
    assert!(speakers[0]["cells"].get("=Valley Ledger").is_none());
    let last = speakers.last().unwrap();
    assert_eq!(last["unnamed"], true, "{out}");
    assert_eq!(last["cells"]["=Valley Ledger"]["quotes"], 1);
}

#[test]
fn csv_is_one_guarded_row_per_pair_and_top_keeps_the_most_quoted() {
    let (_dir, path) = corpus();
    let out = run(&["coverage", "--format", "csv", path.to_str().unwrap()]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "speaker,unnamed,outlet,quotes,articles");
    assert_eq!(lines[1], "Ilse Brandt,false,Harbour Wire,3,2");
    assert!(
        lines.contains(&"Tomas Okafor,false,'=Valley Ledger,1,1"),
        "a formula is written as text: {out}"
    );
    let out = run(&["coverage", "--top", "1", "--json", path.to_str().unwrap()]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = v["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ilse Brandt", "Unnamed sources"]);
}

#[test]
fn text_and_markdown_show_the_table() {
    let (_dir, path) = corpus();
    let out = run(&["coverage", path.to_str().unwrap()]);
    let header = out.lines().find(|l| l.starts_with("Speaker")).unwrap();
    assert!(header.contains("Harbour Wire") && header.contains("(no outlet)"));
    let brandt = out.lines().find(|l| l.starts_with("Ilse Brandt")).unwrap();
    assert!(
        brandt.contains("4 (3)") && brandt.contains("3 (2)"),
        "{out}"
    );
    assert!(out.lines().all(|l| l.chars().count() <= 100), "{out}");
    let md = run(&["coverage", "--format", "markdown", path.to_str().unwrap()]);
    assert!(md.starts_with("| Speaker | Total | Harbour Wire |"), "{md}");
    assert!(md.contains("| *Unnamed sources* |"), "{md}");
    assert!(
        md.contains("| **All quotations** | 7 | 4 | 2 | 1 |"),
        "{md}"
    );
}

#[test]
fn names_with_control_characters_do_not_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.jsonl");
    let record = json!({"source": "Wire\u{1b}]0;owned\u{7}",
        "text": "“Hello there,” said Mayor Ilse Brandt."});
    std::fs::write(&path, record.to_string() + "\n").unwrap();
    for format in ["text", "markdown", "csv"] {
        let out = run(&["coverage", "--format", format, path.to_str().unwrap()]);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    }
}

#[test]
fn an_unreadable_path_still_prints_the_rest_and_exits_1() {
    let (_dir, path) = corpus();
    let (code, out, err) = saidso(&[
        "coverage",
        "--json",
        path.to_str().unwrap(),
        "/nonexistent/none.txt",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("Ilse Brandt"));
    assert!(err.contains("none.txt"), "{err}");
}
