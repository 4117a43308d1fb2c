use super::*;
use crate::corpus::assemble::{ArticleFields, article_from_fields};
use crate::quotes::{ArticleQuotes, find_quotes};

fn article(path: &str, outlet: &str, date: Option<&str>, title: &str, body: &str) -> Article {
    article_from_fields(
        path.into(),
        crate::corpus::Origin::Stdin,
        ArticleFields {
            title: Some(title.into()),
            body: body.into(),
            source: Some(outlet.into()),
            date: date.map(str::to_string),
            ..ArticleFields::default()
        },
    )
}

/// The stories of `articles` (statements and speakers built first).
fn stories_of(articles: &[Article]) -> Stories {
    let quotes: Vec<ArticleQuotes> = articles.iter().map(find_quotes).collect();
    let refs: Vec<&ArticleQuotes> = quotes.iter().collect();
    let speakers = SpeakerIndex::build(&refs);
    let statements =
        crate::statements::build(articles, &refs, &speakers, &|| false).expect("not cancelled");
    build(articles, &statements, &speakers, &|| false).expect("not cancelled")
}

/// The stories of more than one article, as sorted paths, sorted.
fn shape(articles: &[Article], s: &Stories) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = s
        .shared()
        .map(|st| {
            let mut p: Vec<String> = st
                .articles
                .iter()
                .map(|&a| articles[a].path.clone())
                .collect();
            p.sort();
            p
        })
        .collect();
    out.sort();
    out
}

const CRANE_LEDGER: (&str, &str) = (
    "Harbour crane collapses onto cargo ship in Port Ellis",
    "A container crane collapsed onto a cargo ship at the Port Ellis docks on Monday morning, injuring two dock workers.\n\n\u{201c}The crane simply folded over the deck of the ship without any warning,\u{201d} said Nils Berg, the harbour master.\n\nInspectors from the transport ministry arrived in the afternoon.",
);
const CRANE_POST: (&str, &str) = (
    "Two hurt as dockside crane topples onto freighter",
    "Two workers were hurt when a dockside crane toppled onto a freighter in Port Ellis, officials said.\n\nHarbour master Nils Berg said: \u{201c}The crane simply folded over the deck of the ship without any warning.\u{201d}\n\nThe ministry has opened an inquiry into the collapse.",
);

/// Unrelated reports, so that everyday words are common.
fn background() -> Vec<Article> {
    let items = [
        (
            "Heavy rain expected across the north this weekend",
            "Forecasters said heavy rain would reach the north on Saturday, with flooding possible on low roads. The weather service issued a yellow warning on Monday.",
        ),
        (
            "City council approves budget after long debate",
            "The city council approved next year's budget on Monday after a debate that ran past midnight. Officials said spending on roads would rise.",
        ),
        (
            "Local team wins cup final on penalties",
            "The local football team won the cup final on penalties on Monday evening, officials said, after a goalless draw watched by twelve thousand fans.",
        ),
        (
            "Hospital opens new cancer ward",
            "The regional hospital opened a new cancer ward on Monday, officials said, adding forty beds and two scanners to the city's care.",
        ),
        (
            "Rail strike called off after late talks",
            "A rail strike planned for Monday was called off after late talks between the union and the operator, officials said.",
        ),
    ];
    items
        .iter()
        .enumerate()
        .map(|(i, (t, b))| article(&format!("bg{i}"), "Gazette", Some("2024-07-15"), t, b))
        .collect()
}

#[test]
fn two_outlets_reports_of_one_event_are_one_story() {
    let mut articles = background();
    articles.push(article(
        "ledger",
        "Ledger",
        Some("2024-07-15"),
        CRANE_LEDGER.0,
        CRANE_LEDGER.1,
    ));
    articles.push(article(
        "post",
        "Post",
        Some("Mon, 15 Jul 2024 18:00:00 +0000"),
        CRANE_POST.0,
        CRANE_POST.1,
    ));
    let s = stories_of(&articles);
    assert_eq!(shape(&articles, &s), [["ledger", "post"]]);
    let story = &s.stories[0];
    assert_eq!(story.outlets, ["Ledger", "Post"]);
    assert_eq!(story.title, CRANE_LEDGER.0);
    assert_eq!(story.statements.len(), 1, "the harbour master's words");
    // Every article is in one story; the rest are stories of one.
    assert_eq!(s.stories.len(), articles.len() - 1);
    assert_eq!(s.of(5), s.of(6));
}

#[test]
fn two_events_with_one_prominent_speaker_on_one_day_are_two_stories() {
    let mut articles = background();
    articles.push(article(
        "library",
        "Times",
        Some("2024-07-15"),
        "Mayor opens new library in Old Town",
        "Mayor Ana Ruiz opened the new public library in the Old Town district on Monday, with reading rooms for four hundred children.\n\n\u{201c}Books are the best bridge we will ever build,\u{201d} said Ana Ruiz.",
    ));
    articles.push(article(
        "fares",
        "Ledger",
        Some("2024-07-15"),
        "Mayor announces bus fare freeze",
        "The city will freeze bus fares until next spring, Mayor Ana Ruiz announced on Monday at the transit depot.\n\n\u{201c}Nobody should have to choose between the bus and a hot meal,\u{201d} said Ana Ruiz.",
    ));
    articles.push(article(
        "parks",
        "Post",
        Some("2024-07-15"),
        "Mayor plants first tree of new riverside park",
        "Mayor Ana Ruiz planted the first of two thousand trees along the riverside on Monday, where a new park will open next year.\n\n\u{201c}In ten years this will be a forest,\u{201d} said Ana Ruiz.",
    ));
    let s = stories_of(&articles);
    assert_eq!(shape(&articles, &s), Vec::<Vec<String>>::new());
}

#[test]
fn one_event_two_weeks_apart_is_two_stories_when_dates_are_known() {
    let mut articles = background();
    articles.push(article(
        "ledger",
        "Ledger",
        Some("2024-07-15"),
        CRANE_LEDGER.0,
        CRANE_LEDGER.1,
    ));
    articles.push(article(
        "post",
        "Post",
        Some("2024-07-29"),
        CRANE_POST.0,
        CRANE_POST.1,
    ));
    let s = stories_of(&articles);
    assert_eq!(shape(&articles, &s), Vec::<Vec<String>>::new());
    // Without a date on one side, nothing says they are apart.
    articles[6].date = None;
    let s = stories_of(&articles);
    assert_eq!(shape(&articles, &s), [["ledger", "post"]]);
}

#[test]
fn stories_do_not_depend_on_corpus_order() {
    let mut articles = background();
    articles.push(article(
        "ledger",
        "Ledger",
        Some("2024-07-15"),
        CRANE_LEDGER.0,
        CRANE_LEDGER.1,
    ));
    articles.push(article(
        "post",
        "Post",
        Some("2024-07-16"),
        CRANE_POST.0,
        CRANE_POST.1,
    ));
    let first = stories_of(&articles);
    assert_eq!(first, stories_of(&articles));
    let want = shape(&articles, &first);
    articles.reverse();
    assert_eq!(shape(&articles, &stories_of(&articles)), want);
    // Earliest first whatever the corpus order.
    let s = stories_of(&articles);
    assert_eq!(articles[s.stories[0].articles[0]].path, "ledger");
}

#[test]
fn building_stops_when_cancelled() {
    let articles = background();
    let quotes: Vec<ArticleQuotes> = articles.iter().map(find_quotes).collect();
    let refs: Vec<&ArticleQuotes> = quotes.iter().collect();
    let speakers = SpeakerIndex::build(&refs);
    assert!(build(&articles, &Statements::default(), &speakers, &|| true).is_none());
    assert!(build(&[], &Statements::default(), &speakers, &|| false).is_some());
}
