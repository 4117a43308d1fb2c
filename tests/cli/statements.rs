//! `saidso statements` and `saidso trace`: one statement followed through
//! every article that carries it, as a script reads it.

use serde_json::Value;

use crate::support::cli::run;

fn json(out: &str) -> Value {
    serde_json::from_str(out).expect("JSON")
}

#[test]
fn statements_follow_lavrov_through_two_translations() {
    let (code, out, _) = run(&["statements", "--json", "--min-outlets", "2"]);
    assert_eq!(code, 0);
    let v = json(&out);
    let first = &v[0];
    assert_eq!(first["speaker"], "Sergei Lavrov");
    assert_eq!(first["articles"], 2);
    assert_eq!(first["carriers"], serde_json::json!(["TASS", "Interfax"]));
    let renderings = first["renderings"].as_array().unwrap();
    assert_eq!(renderings.len(), 3);
    // 000's "This engagement will strengthen," is a part, shown as it is;
    // its other half differs from 001's wording word by word.
    assert_eq!(renderings[0]["part"], true);
    assert_eq!(renderings[0]["diff"], "");
    let diff = renderings[1]["diff"].as_str().unwrap();
    assert!(diff.contains("{+rudely undermines+}"), "{diff}");
    // Zhao Lijian's two remarks are two statements of one article each.
    let (_, out, _) = run(&["statements", "--json", "--speaker", "Zhao"]);
    let zhao = json(&out);
    assert!(zhao.as_array().unwrap().len() >= 2);
    assert!(zhao.as_array().unwrap().iter().all(|s| s["articles"] == 1));
}

#[test]
fn trace_gives_the_statement_of_a_phrase_or_says_there_is_none() {
    let (code, out, _) = run(&["trace", "the West undermines the global system", "--json"]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["speaker"], "Sergei Lavrov");
    assert!(v["similarity"].as_f64().unwrap() >= 0.45);
    let (code, out, err) = run(&["trace", "the price of tea in the harbour"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("no statement in these articles is like"),
        "{err}"
    );
    let (code, _, err) = run(&["statements", "--speaker", "Nobody Atall"]);
    assert_eq!(code, 1);
    assert!(err.contains("no speaker answers to"), "{err}");
}

#[test]
fn outlets_and_dates_come_from_the_articles_and_csv_has_a_row_a_rendering() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        (
            "Ledger",
            "2024-07-15",
            "“The harbour will reopen on Monday once every pier is checked,” said Nils Berg, the harbour master.",
        ),
        (
            "Post",
            "2024-07-14T09:00:00Z",
            "Nils Berg said the harbour “will reopen on Monday once every pier is checked.”",
        ),
        (
            "Times",
            "2024-07-16",
            "“Fares stay as they are,” said Nils Berg.",
        ),
    ];
    let jsonl: String = rows
        .iter()
        .map(|(outlet, date, text)| {
            serde_json::json!({"title": "Harbour", "text": text, "source": outlet, "date": date})
                .to_string()
                + "\n"
        })
        .collect();
    let path = dir.path().join("harbour.jsonl");
    std::fs::write(&path, jsonl).unwrap();
    let p = path.to_str().unwrap();
    let (code, out, _) = run(&["statements", "--json", p]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v[0]["outlets"], serde_json::json!(["Post", "Ledger"]));
    assert_eq!(v[0]["first"], "2024-07-14T09:00:00Z");
    assert_eq!(v[0]["last"], "2024-07-15");
    assert_eq!(v.as_array().unwrap().len(), 2);
    let (_, out, _) = run(&["statements", "--format", "csv", p]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "statement,speaker,path,outlet,date,via,common,part,text,diff"
    );
    assert_eq!(lines.len(), 4, "{out}");
}
