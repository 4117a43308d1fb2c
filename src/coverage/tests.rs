use super::*;
use crate::corpus::Origin;
use crate::corpus::assemble::{ArticleFields, article_from_fields};

/// An article from `outlet` (none for `None`) with `body`.
fn article(n: usize, outlet: Option<&str>, body: &str) -> Article {
    article_from_fields(
        format!("{n}.json"),
        Origin::Embedded,
        ArticleFields {
            title: Some(format!("Story {n}")),
            body: body.to_string(),
            source: outlet.map(str::to_string),
            ..ArticleFields::default()
        },
    )
}

fn table(articles: &[Article], grouped: bool) -> (Coverage, SpeakerIndex) {
    let (_, index) = crate::library::quote_and_index(articles);
    let index = if grouped {
        index.with_unnamed_grouped()
    } else {
        index
    };
    (Coverage::build(articles, &index), index)
}

/// A small corpus: two spellings of one wire service, a paper, and a
/// blog post that names no outlet.
fn corpus() -> Vec<Article> {
    vec![
        article(
            0,
            Some("Harbour Wire"),
            "“The bridge opens in May,” said Mayor Ilse Brandt. \
             “It cost less than planned,” Brandt said.",
        ),
        article(
            1,
            Some(" harbour   WIRE "),
            "“Tolls will stay low,” said Mayor Ilse Brandt. \
             “We were not consulted,” said Tomas Okafor, a ferry captain.",
        ),
        article(
            2,
            Some("The Valley Ledger"),
            "“Nobody asked the ferrymen,” said Tomas Okafor. \
             “The figures are sound,” a senior official said.",
        ),
        article(
            3,
            None,
            "“I like the bridge,” said Mayor Ilse Brandt. \
             “Traffic will double,” a city engineer said.",
        ),
        article(
            4,
            Some("Harbour Wire"),
            "Weather: mild, no quotations here.",
        ),
    ]
}

#[test]
fn counts_quotations_and_articles_per_speaker_and_outlet() {
    let (t, _) = table(&corpus(), true);
    let outlets: Vec<(&str, usize, usize)> = t
        .outlets
        .iter()
        .map(|o| (o.name.as_str(), o.quotes, o.articles))
        .collect();
    // One wire column whatever the case and spaces; its most common
    // spelling names it; the articles without an outlet come last.
    assert_eq!(
        outlets,
        [
            ("Harbour Wire", 4, 3),
            ("The Valley Ledger", 2, 1),
            (NO_OUTLET, 2, 1),
        ]
    );
    let rows: Vec<(&str, usize, usize)> = t
        .rows
        .iter()
        .map(|r| (r.name.as_str(), r.total.quotes, r.total.articles))
        .collect();
    assert_eq!(
        rows,
        [
            ("Ilse Brandt", 4, 3),
            ("Tomas Okafor", 2, 2),
            (UNNAMED_SOURCES, 2, 2),
        ]
    );
    let brandt = &t.rows[0];
    assert_eq!(
        brandt.cell(0),
        Cell {
            quotes: 3,
            articles: 2
        }
    );
    assert_eq!(
        brandt.cell(1),
        Cell::default(),
        "the Ledger never quotes her"
    );
    assert_eq!(
        brandt.cell(2),
        Cell {
            quotes: 1,
            articles: 1
        }
    );
    assert_eq!(
        brandt.cells().len(),
        2,
        "only cells with quotations are kept"
    );
    let okafor = &t.rows[1];
    assert_eq!(okafor.cell(0).quotes, 1);
    assert_eq!(okafor.cell(1).quotes, 1);
    assert_eq!(t.quotes(), 8);
    // Every row's cells add up to its total; every column's to its own.
    for r in &t.rows {
        let sum: usize = r.cells().iter().map(|(_, c)| c.quotes).sum();
        assert_eq!(sum, r.total.quotes, "{}", r.name);
    }
    for (i, o) in t.outlets.iter().enumerate() {
        let sum: usize = t.rows.iter().map(|r| r.cell(i).quotes).sum();
        assert_eq!(sum, o.quotes, "{}", o.name);
    }
}

#[test]
fn unnamed_sources_are_one_row_grouped_or_not() {
    let (grouped, index) = table(&corpus(), true);
    let last = grouped.rows.last().unwrap();
    assert!(last.unnamed);
    assert_eq!(last.speaker, Some(index.speakers.len() - 1));
    let (apart, _) = table(&corpus(), false);
    let last = apart.rows.last().unwrap();
    assert!(last.unnamed && last.name == UNNAMED_SOURCES);
    assert_eq!(last.speaker, None, "two sources: no one entry to open");
    assert_eq!(last.total, grouped.rows.last().unwrap().total);
    assert_eq!(apart.rows.iter().filter(|r| r.unnamed).count(), 1);
}

#[test]
fn keep_top_keeps_the_most_quoted_and_the_unnamed() {
    let (mut t, _) = table(&corpus(), true);
    t.keep_top(1);
    let names: Vec<&str> = t.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Ilse Brandt", UNNAMED_SOURCES]);
    assert_eq!(t.outlets[0].quotes, 4, "column totals still count everyone");
}

#[test]
fn finds_a_speakers_first_quotation_in_an_outlet() {
    let articles = corpus();
    let (t, index) = table(&articles, true);
    // Brandt: 0, 1 from the wire (articles 0), 2 from the wire (article
    // 1), 3 from the article without an outlet.
    assert_eq!(t.first_quote_in(&articles, &index, 0, 0), Some(0));
    assert_eq!(t.first_quote_in(&articles, &index, 0, 2), Some(3));
    assert_eq!(t.first_quote_in(&articles, &index, 0, 1), None);
    assert_eq!(t.first_quote_in(&articles, &index, 1, 1), Some(1));
}

#[test]
fn an_empty_corpus_or_one_without_quotations_is_an_empty_table() {
    let (t, _) = table(&[], true);
    assert_eq!(t, Coverage::default());
    let (t, _) = table(&[article(0, Some("Ledger"), "No quotations.")], true);
    assert!(t.rows.is_empty());
    assert_eq!(t.outlets.len(), 1);
    assert_eq!(t.outlets[0].articles, 1);
}

#[test]
fn outlet_names_fold_case_and_spaces() {
    assert_eq!(outlet_key("  The  Valley\tLedger "), "the valley ledger");
    assert_eq!(outlet_key("REUTERS"), outlet_key("Reuters"));
}
