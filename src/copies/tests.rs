//! Copy groups on articles written for these tests: a wire story run by
//! several outlets (retitled, trimmed), and two different stories that
//! quote the same wire paragraph.

use super::*;
use crate::corpus::Origin;
use crate::corpus::assemble::{ArticleFields, article_from_fields};

/// A made-up wire story about a ferry, six paragraphs.
pub(crate) const FERRY: [&str; 6] = [
    "The harbour authority of Port Elsam suspended the night ferry to the northern islands on Monday after inspectors found cracks in two of the vessel's loading ramps.",
    "About four hundred passengers a day use the crossing in winter, most of them islanders travelling to the hospital and the secondary school on the mainland.",
    "\"We will not put a ship to sea that we would not put our own children on,\" the authority's director, Marit Solberg, told reporters at the quay.",
    "Repairs are expected to take at least three weeks, and a smaller replacement vessel chartered from a southern operator will run two crossings a day from Thursday.",
    "Island councillors said the replacement timetable left commuters with no way back on the same evening and called for a third crossing to be added.",
    "The ferry, built in 1994, was last inspected in the spring and passed without remarks, according to records published by the maritime agency.",
];

/// A paragraph two unrelated stories both quote, word for word.
const WIRE: &str = "\"The figures show a clear and lasting improvement across every region we measured,\" the statistics office said in a statement released on Tuesday morning.";

/// A story on hospital waiting lists that quotes [`WIRE`].
const HOSPITALS: [&str; 4] = [
    "Waiting lists at the country's public hospitals fell for a fourth month in a row, with the largest drop recorded in orthopaedic surgery and eye clinics.",
    WIRE,
    "Doctors' unions were more cautious, warning that staff shortages in rural clinics could undo the gains as soon as the winter flu season begins.",
    "The health minister is due to present a plan for recruiting nurses from abroad to parliament before the end of the month, her office confirmed.",
];

/// A story on school results that quotes [`WIRE`].
const SCHOOLS: [&str; 4] = [
    "Results in the national mathematics examination rose sharply this year, particularly among pupils in small towns that joined the tutoring scheme in 2021.",
    WIRE,
    "Teachers said the tutoring hours had been paid for by municipalities that now face budget cuts, and that the scheme's future beyond next spring is unclear.",
    "The education ministry will publish results school by school in September, a practice opposition parties have long criticised as unfair to poorer districts.",
];

pub(crate) fn article(
    path: &str,
    outlet: &str,
    date: Option<&str>,
    title: &str,
    body: &[&str],
) -> Article {
    article_from_fields(
        path.to_string(),
        Origin::Embedded,
        ArticleFields {
            title: Some(title.to_string()),
            body: body.join("\n\n"),
            source: Some(outlet.to_string()),
            date: date.map(str::to_string),
            ..ArticleFields::default()
        },
    )
}

fn paths(c: &Copies, articles: &[Article]) -> Vec<Vec<String>> {
    c.groups
        .iter()
        .map(|g| g.members().map(|m| articles[m].path.clone()).collect())
        .collect()
}

#[test]
fn identical_bodies_under_different_headlines_are_one_group_led_by_the_earliest() {
    let articles = vec![
        article(
            "b.txt",
            "Coast Daily",
            Some("2024-03-05"),
            "Night ferry halted over ramp cracks",
            &FERRY,
        ),
        article(
            "a.txt",
            "Wire Service",
            Some("2024-03-04"),
            "Port Elsam suspends island ferry",
            &FERRY,
        ),
        article(
            "c.txt",
            "Island Voice",
            None,
            "Islanders lose their ferry for three weeks",
            &FERRY,
        ),
    ];
    let c = find_copies(&articles);
    assert_eq!(paths(&c, &articles), [["a.txt", "b.txt", "c.txt"]]);
    let g = &c.groups[0];
    assert_eq!(
        g.outlets(&articles),
        ["Wire Service", "Coast Daily", "Island Voice"]
    );
    assert!(
        g.copies
            .iter()
            .all(|m| m.rule == "near-identical" && m.jaccard == 1.0)
    );
    assert_eq!(c.group_of(2), Some(g));
    let d = diff(&articles[1], &articles[0]);
    assert_eq!(
        d.headline,
        Some((
            "Port Elsam suspends island ferry".into(),
            "Night ferry halted over ramp cracks".into()
        ))
    );
    assert!(d.paragraphs.is_empty());
}

#[test]
fn a_copy_with_a_paragraph_cut_groups_and_its_diff_names_the_paragraph() {
    let mut cut = FERRY.to_vec();
    cut.remove(4);
    let articles = vec![
        article(
            "wire.txt",
            "Wire Service",
            Some("2024-03-04"),
            "Port Elsam suspends island ferry",
            &FERRY,
        ),
        article(
            "cut.txt",
            "Coast Daily",
            Some("2024-03-04"),
            "Port Elsam suspends island ferry",
            &cut,
        ),
    ];
    let c = find_copies(&articles);
    assert_eq!(paths(&c, &articles), [["wire.txt", "cut.txt"]]);
    let d = diff(&articles[0], &articles[1]);
    assert_eq!(d.headline, None);
    match d.paragraphs.as_slice() {
        [ParagraphChange::Cut { lead, text, .. }] => {
            assert_eq!(*lead, 4);
            assert!(text.starts_with("Island councillors"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_reworded_paragraph_and_an_added_one_show_as_such() {
    let mut copy = FERRY.to_vec();
    copy[1] = "About four hundred passengers a day use the crossing in winter, most of them islanders going to the hospital and the school on the mainland.";
    copy.push("Coast Daily has asked the operator for the inspection reports.");
    let articles = vec![
        article("wire.txt", "Wire Service", None, "Ferry halted", &FERRY),
        article("copy.txt", "Coast Daily", None, "Ferry halted", &copy),
    ];
    assert_eq!(find_copies(&articles).groups.len(), 1);
    let d = diff(&articles[0], &articles[1]);
    let kinds: Vec<(&str, Option<usize>, Option<usize>)> = d
        .paragraphs
        .iter()
        .map(|p| match p {
            ParagraphChange::Cut { lead, .. } => ("cut", Some(*lead), None),
            ParagraphChange::Added { copy, .. } => ("added", None, Some(*copy)),
            ParagraphChange::Changed { lead, copy, .. } => ("changed", Some(*lead), Some(*copy)),
        })
        .collect();
    assert_eq!(
        kinds,
        [("changed", Some(1), Some(1)), ("added", None, Some(6))]
    );
}

#[test]
fn a_trimmed_copy_groups_but_a_brief_does_not() {
    let articles = vec![
        article("wire.txt", "Wire Service", None, "Ferry halted", &FERRY),
        article(
            "trimmed.txt",
            "Coast Daily",
            None,
            "Ferry halted",
            &FERRY[..4],
        ),
        article(
            "brief.txt",
            "Island Voice",
            None,
            "Ferry halted",
            &FERRY[..2],
        ),
    ];
    let c = find_copies(&articles);
    assert_eq!(paths(&c, &articles), [["wire.txt", "trimmed.txt"]]);
    assert_eq!(c.groups[0].copies[0].rule, "trimmed");
}

#[test]
fn two_stories_sharing_a_wire_paragraph_are_not_copies() {
    let articles = vec![
        article(
            "hospitals.txt",
            "Coast Daily",
            None,
            "Waiting lists fall again",
            &HOSPITALS,
        ),
        article(
            "schools.txt",
            "Island Voice",
            None,
            "Maths results rise",
            &SCHOOLS,
        ),
        // Half the quotation, half a paragraph of its own.
        article(
            "short.txt",
            "Wire Service",
            None,
            "Figures improve",
            &[
                WIRE,
                "Economists at the central bank were asked whether the improvement would last into next year and declined to give a forecast before the spring.",
            ],
        ),
    ];
    let c = find_copies(&articles);
    assert!(c.groups.is_empty(), "{:?}", paths(&c, &articles));
    let set = |i: usize| shingles::shingles(&articles[i]).0;
    let s = Similarity::of(&set(0), &set(1));
    assert!(s.jaccard < 0.2 && s.rule().is_none(), "{s:?}");
}

#[test]
fn stories_that_only_share_a_paragraph_never_group() {
    let articles = vec![
        article(
            "hospitals.txt",
            "Coast Daily",
            None,
            "Waiting lists fall again",
            &HOSPITALS,
        ),
        article(
            "schools.txt",
            "Island Voice",
            None,
            "Maths results rise",
            &SCHOOLS,
        ),
    ];
    assert_eq!(
        find_copies(&articles),
        Copies {
            groups: vec![],
            group_of: vec![None, None]
        }
    );
}

#[test]
fn tiny_articles_never_group() {
    let articles = vec![
        article(
            "a.txt",
            "Coast Daily",
            None,
            "Update",
            &["Updates to follow."],
        ),
        article(
            "b.txt",
            "Island Voice",
            None,
            "Update",
            &["Updates to follow."],
        ),
        article("c.txt", "Wire Service", None, "Brief", &[FERRY[0]]),
        article("d.txt", "Coast Daily", None, "Brief", &[FERRY[0]]),
    ];
    assert!(find_copies(&articles).groups.is_empty());
}

#[test]
fn groups_are_the_same_whatever_the_run_and_larger_first() {
    let mut articles = Vec::new();
    for k in 0..5 {
        articles.push(article(
            &format!("h{k}.txt"),
            "Coast Daily",
            None,
            "Lists",
            &HOSPITALS,
        ));
        articles.push(article(
            &format!("f{k}.txt"),
            "Wire Service",
            None,
            "Ferry",
            &FERRY,
        ));
    }
    articles.push(article("f5.txt", "Wire Service", None, "Ferry", &FERRY));
    let first = find_copies(&articles);
    assert_eq!(first.groups.len(), 2);
    assert_eq!(first.groups[0].lead, 1, "the six ferry copies first");
    assert_eq!(first.groups[0].copies.len(), 5);
    assert_eq!(first.groups[1].lead, 0);
    for _ in 0..3 {
        assert_eq!(find_copies(&articles), first);
    }
}

#[test]
fn stopping_at_a_report_gives_nothing() {
    let articles = vec![
        article("a.txt", "Wire Service", None, "Ferry", &FERRY),
        article("b.txt", "Coast Daily", None, "Ferry", &FERRY),
    ];
    let seen = std::cell::Cell::new(0);
    let out = find_copies_with(&articles, &|p| {
        assert_eq!(p.total, 4);
        seen.set(seen.get() + 1);
        false
    });
    assert_eq!(out, None);
    assert_eq!(seen.get(), 1);
    let last = std::cell::Cell::new(None);
    assert!(
        find_copies_with(&articles, &|p| {
            last.set(Some(p));
            true
        })
        .is_some()
    );
    assert_eq!(last.get(), Some(Progress { done: 4, total: 4 }));
}

#[test]
fn a_story_run_more_often_than_a_bucket_holds_is_still_one_group() {
    let n = 3 * minhash::PER_BUCKET + minhash::PER_ARTICLE;
    let articles: Vec<Article> = (0..n)
        .map(|k| {
            article(
                &format!("{k}.txt"),
                &format!("Outlet {k}"),
                None,
                "Ferry",
                &FERRY,
            )
        })
        .collect();
    let c = find_copies(&articles);
    assert_eq!(c.groups.len(), 1);
    assert_eq!(
        c.groups[0].members().collect::<Vec<_>>(),
        (0..n).collect::<Vec<_>>()
    );
    assert_eq!(c.groups[0].outlets(&articles).len(), n);
}
