//! `saidso copies` on articles written for the test: a wire story run by
//! three outlets (one retitled, one with a paragraph cut), and two other
//! stories that quote one paragraph of it word for word.

use crate::support::cli::run as saidso;

use serde_json::{Value, json};

const STORY: [&str; 5] = [
    "Engineers at the Velden reservoir began lowering the water level on Friday after a survey found seepage beneath the eastern embankment of the dam.",
    "\"There is no danger to the villages below, but we will not wait for the spring rains to find out how far the water has travelled,\" the regional water board's chief engineer, Anouk Verbeek, said.",
    "The board expects the level to fall by four metres over the coming fortnight, closing the sailing club and the footpath along the crest until the repairs are finished.",
    "Farmers downstream, who draw irrigation water from the reservoir in summer, asked for a guarantee that supplies would be restored before the growing season.",
    "The embankment was raised in 1987 and strengthened in 2009, when engineers last reported seepage at a smaller scale on the same side of the dam.",
];

const OWN: [&str; 3] = [
    "The town council of Grauwe met on Monday evening to discuss the closure of its footpaths, after a week in which hikers complained of missing signs along the river.",
    "Shopkeepers on the market square said fewer visitors had come since the autumn, and asked the council to spend part of its tourism budget on new maps and benches.",
    "A decision on the budget is expected at the next meeting in three weeks, the mayor said, after the council has heard from the regional tourism office.",
];

fn record(title: &str, outlet: &str, date: &str, body: &[&str]) -> String {
    json!({"title": title, "outlet": outlet, "date": date, "text": body.join("\n\n")}).to_string()
}

#[test]
fn copies_are_grouped_under_the_earliest_and_a_shared_paragraph_is_not_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut cut = STORY.to_vec();
    cut.remove(3);
    let lines = [
        record(
            "Reservoir lowered after seepage found",
            "Lakeside Post",
            "2025-02-08",
            &STORY,
        ),
        record(
            "Velden dam: water level to fall four metres",
            "Valley Herald",
            "2025-02-07",
            &STORY,
        ),
        record(
            "Reservoir lowered after seepage found",
            "Regional Wire",
            "2025-02-09",
            &cut,
        ),
        // The council story quotes the engineer, and so does a second one.
        record(
            "Grauwe footpaths",
            "Valley Herald",
            "2025-02-07",
            &[OWN[0], STORY[1], OWN[1]],
        ),
        record(
            "Grauwe council",
            "Lakeside Post",
            "2025-02-08",
            &[OWN[2], STORY[1], OWN[0]],
        ),
    ];
    std::fs::write(dir.path().join("articles.jsonl"), lines.join("\n")).unwrap();
    let path = dir.path().to_str().unwrap();

    let (code, out, err) = saidso(&["--no-cache", "copies", "--json", path]);
    assert_eq!(code, 0, "{err}");
    let groups: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(groups.len(), 1, "{out}");
    let g = &groups[0];
    assert_eq!(g["lead"]["outlet"], "Valley Herald", "the earliest leads");
    assert_eq!(g["lead"]["date"], "2025-02-07");
    assert_eq!(
        g["outlets"],
        json!(["Valley Herald", "Lakeside Post", "Regional Wire"])
    );
    let copies = g["copies"].as_array().unwrap();
    assert_eq!(copies.len(), 2);
    assert_eq!(copies[0]["outlet"], "Lakeside Post");
    assert_eq!(
        copies[0]["headline"],
        json!({"lead": "Velden dam: water level to fall four metres", "copy": "Reservoir lowered after seepage found"})
    );
    assert_eq!(copies[0]["paragraphs"], json!([]));
    let cut = &copies[1]["paragraphs"];
    assert_eq!(cut.as_array().unwrap().len(), 1, "{cut}");
    assert_eq!(cut[0]["change"], "cut");
    assert_eq!(cut[0]["lead"], 3);
    assert!(
        cut[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Farmers downstream")
    );

    let (code, text, _) = saidso(&["--no-cache", "copies", path]);
    assert_eq!(code, 0);
    assert!(
        text.contains("+2 copies · Valley Herald, Lakeside Post, Regional Wire"),
        "{text}"
    );
    assert!(text.contains("headline changed"), "{text}");
    assert!(text.contains("1 paragraph cut"), "{text}");

    let (code, csv, _) = saidso(&["--no-cache", "copies", "--format", "csv", path]);
    assert_eq!(code, 0);
    assert_eq!(csv.lines().count(), 4, "a header and three members: {csv}");
    assert!(csv.starts_with("group,role,path,title,outlet,date,rule,jaccard"));
}

#[test]
fn no_copies_is_an_empty_list_and_a_missing_path_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        format!("Grauwe\n\n{}\n", OWN.join("\n\n")),
    )
    .unwrap();
    let (code, out, err) = saidso(&[
        "--no-cache",
        "copies",
        "--json",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "[]");
    let missing = dir.path().join("missing.txt");
    let (code, _, _) = saidso(&["--no-cache", "copies", missing.to_str().unwrap()]);
    assert_eq!(code, 1);
}
