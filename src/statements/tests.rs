use super::*;
use crate::corpus::Corpus;
use crate::corpus::assemble::{ArticleFields, article_from_fields};
use crate::quotes::find_quotes;

/// The statements of `articles`, with their quotations and speakers.
fn of(articles: &[Article]) -> (Vec<ArticleQuotes>, SpeakerIndex, Statements) {
    let quotes: Vec<ArticleQuotes> = articles.iter().map(find_quotes).collect();
    let refs: Vec<&ArticleQuotes> = quotes.iter().collect();
    let speakers = SpeakerIndex::build(&refs);
    let statements = build(articles, &refs, &speakers, &|| false).expect("not cancelled");
    (quotes, speakers, statements)
}

fn article(path: &str, outlet: &str, date: &str, body: &str) -> Article {
    article_from_fields(
        path.into(),
        crate::corpus::Origin::Stdin,
        ArticleFields {
            title: Some(format!("Story in {outlet}")),
            body: body.into(),
            source: Some(outlet.into()),
            date: Some(date.into()),
            ..ArticleFields::default()
        },
    )
}

/// Each statement as its speaker and the articles of its renderings.
fn shape(
    articles: &[Article],
    speakers: &SpeakerIndex,
    s: &Statements,
) -> Vec<(String, Vec<String>)> {
    s.statements
        .iter()
        .map(|st| {
            (
                speakers.speakers[st.speaker].name.clone(),
                st.renderings
                    .iter()
                    .map(|r| articles[r.article].path.clone())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn lavrovs_statement_is_one_across_two_translations_and_zhaos_are_two() {
    let c = Corpus::embedded();
    let (quotes, speakers, s) = of(&c.articles);
    let refs: Vec<&ArticleQuotes> = quotes.iter().collect();
    let text = |r: &QuoteRef| wording::text(&c.articles, &refs, *r);
    let lavrov = s
        .statements
        .iter()
        .find(|st| {
            st.renderings
                .iter()
                .any(|r| text(r).contains("rudely undermines"))
        })
        .expect("the statement");
    assert_eq!(speakers.speakers[lavrov.speaker].name, "Sergei Lavrov");
    // 000 splits it in two ("This engagement will strengthen," … "In the
    // conditions when the West rudely undermines…"); 001 prints it whole.
    let places: Vec<(usize, &str)> = lavrov
        .renderings
        .iter()
        .map(|r| (r.article, text(r)))
        .collect();
    assert_eq!(
        places.iter().filter(|(a, _)| *a == 0).count(),
        2,
        "{places:?}"
    );
    assert!(
        places
            .iter()
            .any(|(a, t)| *a == 1 && t.contains("blatantly undermining"))
    );
    assert_eq!(lavrov.articles, 2);
    // Carried by the most articles: first.
    assert_eq!(s.statements[0], *lavrov);
    // Zhao Lijian in 000 and in 002: two things said, never one.
    let zhao: Vec<&Statement> = s
        .statements
        .iter()
        .filter(|st| speakers.speakers[st.speaker].name == "Zhao Lijian")
        .collect();
    assert!(zhao.len() >= 2);
    assert!(zhao.iter().all(|st| st.articles == 1), "{zhao:?}");
}

#[test]
fn the_same_words_of_two_speakers_are_two_statements() {
    let words = "the harbour will reopen on Monday once the divers have checked every pier";
    let articles = [
        article(
            "a",
            "Ledger",
            "2024-07-15",
            &format!("\u{201c}{words},\u{201d} said Nils Berg, the harbour master."),
        ),
        article(
            "b",
            "Post",
            "2024-07-16",
            &format!("\u{201c}{words},\u{201d} said Ana Ruiz, the mayor."),
        ),
        article(
            "c",
            "Times",
            "2024-07-14",
            &format!("Berg said: \u{201c}{words}.\u{201d} Nils Berg runs the port."),
        ),
    ];
    let (_, speakers, s) = of(&articles);
    let mut got = shape(&articles, &speakers, &s);
    got.sort();
    assert_eq!(
        got,
        [
            ("Ana Ruiz".to_string(), vec!["b".to_string()]),
            (
                "Nils Berg".to_string(),
                vec!["c".to_string(), "a".to_string()]
            ),
        ]
    );
    // Earliest first: the Times ran it a day before the Ledger.
    let berg = s.statements.iter().find(|st| st.articles == 2).unwrap();
    assert_eq!(berg.outlets, ["Times", "Ledger"]);
    assert_eq!(berg.first.map(|d| d.iso()).as_deref(), Some("2024-07-14"));
    assert_eq!(berg.last.map(|d| d.iso()).as_deref(), Some("2024-07-15"));
}

#[test]
fn a_fragment_joins_its_statement_and_a_scare_quote_joins_nothing() {
    let whole = "we will not raise the ferry fares this year whatever the price of fuel does";
    let articles = [
        article(
            "a",
            "Ledger",
            "2024-07-15",
            &format!(
                "\u{201c}{whole},\u{201d} said Ana Ruiz, the mayor. Critics called the plan an \u{201c}invasion\u{201d} of the budget."
            ),
        ),
        article(
            "b",
            "Post",
            "2024-07-16",
            "The mayor, Ana Ruiz, said the city would \u{201c}not raise the ferry fares this year.\u{201d} Some called it an \u{201c}invasion\u{201d} of the budget.",
        ),
    ];
    let (_, speakers, s) = of(&articles);
    let got = shape(&articles, &speakers, &s);
    assert_eq!(
        got,
        [(
            "Ana Ruiz".to_string(),
            vec!["a".to_string(), "b".to_string()]
        )]
    );
}

#[test]
fn trace_finds_the_statement_of_a_fragment_or_of_another_translation() {
    let c = Corpus::embedded();
    let (quotes, _, s) = of(&c.articles);
    let refs: Vec<&ArticleQuotes> = quotes.iter().collect();
    let found = trace(
        "the West is undermining the foundations of the international system",
        &c.articles,
        &refs,
        &s,
    )
    .expect("found");
    assert_eq!(found.statement, 0);
    assert!(trace("cats and dogs in the rain tonight", &c.articles, &refs, &s).is_none());
    assert!(trace("", &c.articles, &refs, &s).is_none());
}

#[test]
fn building_stops_when_cancelled() {
    let c = Corpus::embedded();
    let quotes: Vec<ArticleQuotes> = c.articles.iter().map(find_quotes).collect();
    let refs: Vec<&ArticleQuotes> = quotes.iter().collect();
    let speakers = SpeakerIndex::build(&refs);
    assert!(build(&c.articles, &refs, &speakers, &|| true).is_none());
}

#[test]
fn a_fragment_alike_to_two_statements_joins_one_and_never_bridges_them() {
    let articles = [
        article(
            "a",
            "Ledger",
            "2024-07-15",
            "\u{201c}The new bridge will carry trains across the river by the spring of next year,\u{201d} said Ana Ruiz, the mayor.",
        ),
        article(
            "b",
            "Post",
            "2024-07-16",
            "\u{201c}The old ferry will keep sailing across the river until the summer of next year,\u{201d} said Ana Ruiz, the mayor.",
        ),
        article(
            "c",
            "Times",
            "2024-07-17",
            "Ana Ruiz, the mayor, promised a crossing \u{201c}across the river by next year.\u{201d}",
        ),
    ];
    let (_, speakers, s) = of(&articles);
    let mut got: Vec<Vec<String>> = shape(&articles, &speakers, &s)
        .into_iter()
        .map(|(_, paths)| paths)
        .collect();
    got.sort();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.contains(&vec!["b".to_string()]) || got.contains(&vec!["a".to_string()]),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|g| g.len() == 2 && g.contains(&"c".to_string())),
        "{got:?}"
    );
}

#[test]
fn a_short_quotation_joins_only_as_a_phrase_and_one_word_joins_nothing() {
    let articles = [
        article(
            "a",
            "Ledger",
            "2024-07-15",
            "Ana Ruiz called the plan \u{201c}the textbook definition of a wasted budget,\u{201d} and said she had \u{201c}a friend\u{201d} on the council.",
        ),
        article(
            "b",
            "Post",
            "2024-07-16",
            "\u{201c}Textbook definition,\u{201d} Ana Ruiz said of the plan. \u{201c}Friend,\u{201d} she said of a councillor.",
        ),
        article(
            "c",
            "Times",
            "2024-07-17",
            "\u{201c}Definition, then textbook,\u{201d} Ana Ruiz said of the order of the chapters.",
        ),
    ];
    let (_, speakers, s) = of(&articles);
    let groups: Vec<Vec<String>> = shape(&articles, &speakers, &s)
        .into_iter()
        .map(|(_, paths)| paths)
        .collect();
    // The phrase quoted again joins its statement ...
    assert!(
        groups.contains(&vec!["a".to_string(), "b".to_string()]),
        "{groups:?}"
    );
    // ... the same words scattered do not, nor one word said twice.
    assert!(groups.contains(&vec!["c".to_string()]), "{groups:?}");
    assert_eq!(
        groups.iter().filter(|g| g.len() == 1).count(),
        3,
        "{groups:?}"
    );
}
