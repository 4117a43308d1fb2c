//! Speakers across the corpus through the command line: `saidso speakers`
//! (JSON and --explain) and `saidso quotes --speaker`, on the bundled
//! articles and on look-alike names written to tempt false merges.

use crate::support::cli::run as saidso;

use serde_json::Value;

fn speakers(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["speakers", "--json"];
    all.extend_from_slice(args);
    let (code, out, err) = saidso(&all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn named<'a>(list: &'a [Value], name: &str) -> Vec<&'a Value> {
    list.iter().filter(|s| s["name"] == name).collect()
}

#[test]
fn lavrov_is_one_speaker_in_all_five_bundled_articles() {
    let list = speakers(&[]);
    let lavrov: Vec<&Value> = list
        .iter()
        .filter(|s| s["name"].as_str().unwrap().contains("Lavrov"))
        .collect();
    assert_eq!(lavrov.len(), 1, "{lavrov:#?}");
    let l = lavrov[0];
    assert_eq!(l["name"], "Sergei Lavrov");
    assert_eq!(l["articles"].as_array().unwrap().len(), 5);
    assert!(
        l["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Sergey Lavrov")
    );
    assert_eq!(list[0]["name"], "Sergei Lavrov", "most quoted first");
    // Named speakers most quoted first, then the unnamed sources.
    let unnamed = |s: &Value| s["kind"] == "description";
    let first_unnamed = list.iter().position(unnamed).unwrap();
    assert!(list[first_unnamed..].iter().all(unnamed), "{list:#?}");
    for part in [&list[..first_unnamed], &list[first_unnamed..]] {
        let quotes: Vec<u64> = part.iter().map(|s| s["quotes"].as_u64().unwrap()).collect();
        assert!(quotes.windows(2).all(|w| w[0] >= w[1]), "{quotes:?}");
    }
}

#[test]
fn unnamed_sources_stay_per_article_after_the_named_and_junk_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a.txt",
        "Harbour reopens\n\n“The quay is safe,” harbour master Ilse Brandt said.\n\n\
         “Repairs took a week,” an official said.\n\n\
         “The patrols go on,” the Black Sea said.",
    );
    write(
        "b.txt",
        "Harbour fees\n\n“Fees will rise,” an official said.\n\n\
         “We were not told,” Brandt said.\n\n\
         “It was calm all week,” York Times reported.",
    );
    let list = speakers(&[dir.path().to_str().unwrap()]);
    let names: Vec<&str> = list.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Ilse Brandt", "official", "official"], "{list:#?}");
    assert_eq!(
        list[0]["articles"].as_array().unwrap().len(),
        2,
        "Brandt alone joins her"
    );
    for s in &list[1..] {
        assert_eq!(s["kind"], "description");
        assert_eq!(s["articles"].as_array().unwrap().len(), 1);
    }
    let (code, text, err) = saidso(&["speakers", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (_, unnamed) = text
        .split_once("Unnamed sources, never merged across articles:\n")
        .expect(&text);
    assert!(
        unnamed.lines().all(|l| l.contains(" official — ")),
        "{text}"
    );
    assert!(
        unnamed.contains("a.txt") && unnamed.contains("b.txt"),
        "{text}"
    );
}

#[test]
fn zhao_lijian_is_one_speaker_across_000_and_002() {
    let list = speakers(&[]);
    let zhao = named(&list, "Zhao Lijian");
    assert_eq!(zhao.len(), 1);
    let articles: Vec<&str> = zhao[0]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(articles.len(), 2);
    assert!(articles[0].starts_with("000_") && articles[1].starts_with("002_"));
}

#[test]
fn explain_names_each_article_and_the_rule() {
    let (code, out, err) = saidso(&["speakers", "--explain", "Sergey Lavrov"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Sergei Lavrov — "), "{out}");
    assert!(
        out.contains("001_042e7d1743e4b445.txt: \"Sergey Lavrov\""),
        "{out}"
    );
    assert!(out.contains("a transliteration"), "{out}");
    assert!(out.contains("one gives no first name"), "{out}");
    let (code, _, err) = saidso(&["speakers", "--explain", "Nobody Atall"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no speaker answers to \"Nobody Atall\""),
        "{err}"
    );
}

#[test]
fn quotes_of_one_speaker_across_the_corpus_under_any_name() {
    let (code, out, err) = saidso(&["quotes", "--json", "--speaker", "sergey lavrov"]);
    assert_eq!(code, 0, "{err}");
    let records: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(records.len(), 5, "every article quotes him");
    for r in &records {
        for q in r["quotes"].as_array().unwrap() {
            assert!(q["speaker"].as_str().unwrap().ends_with("Lavrov"), "{q}");
        }
    }
    let (code, _, err) = saidso(&["quotes", "--speaker", "Nobody Atall"]);
    assert_eq!(code, 1);
    assert!(err.contains("no speaker answers"), "{err}");
}

#[test]
fn look_alike_names_in_different_articles_are_not_merged() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a.txt",
        "Senate vote\n\n“The bill will pass,” said Senator John Smith.\n\n“We have the votes,” Smith added.",
    );
    write(
        "b.txt",
        "Cup final\n\n“We were the better side,” said coach Mary Smith.",
    );
    write(
        "c.txt",
        "Ministry briefing\n\n“No comment,” said ministry spokesman Ivan Petrov.\n\n“That is all,” the spokesman said.",
    );
    write(
        "d.txt",
        "Ministry denial\n\n“We deny it,” said ministry spokesman Oleg Sokolov.\n\n“Nothing more,” the spokesman added.",
    );
    write(
        "e.txt",
        "Follow-up\n\n“The vote is Tuesday,” Sen. John Smith told reporters.",
    );
    let list = speakers(&[dir.path().to_str().unwrap()]);
    let john = named(&list, "John Smith");
    assert_eq!(john.len(), 1);
    assert_eq!(john[0]["articles"].as_array().unwrap().len(), 2);
    assert_eq!(john[0]["quotes"], 3);
    assert_eq!(named(&list, "Mary Smith").len(), 1);
    assert_eq!(named(&list, "Ivan Petrov")[0]["quotes"], 2);
    assert_eq!(named(&list, "Oleg Sokolov")[0]["quotes"], 2);
    assert!(named(&list, "spokesman").is_empty(), "{list:#?}");
}
