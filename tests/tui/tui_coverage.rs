//! The coverage table (`V`): speakers × outlets, moved through with
//! j/k and h/l, Enter to a speaker's quotations in an outlet, `V` back.

use saidso::corpus::assemble::{ArticleFields, article_from_fields};
use saidso::corpus::{Article, LoadEvent, Origin};
use saidso::tui::app::App;
use saidso::tui::app::speakers::SpeakersPane;
use saidso::tui::msg::Msg;

use crate::support::keys::keys;
use crate::support::screen::{draw, text};

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

/// Three outlets (one spelled two ways) and a post with none.
fn articles() -> Vec<Article> {
    vec![
        article(
            0,
            Some("Harbour Wire"),
            "“The bridge opens in May,” said Mayor Ilse Brandt. \
             “It cost less than planned,” Brandt said.",
        ),
        article(
            1,
            Some("harbour wire"),
            "“Tolls will stay low,” said Mayor Ilse Brandt. \
             “We were not consulted,” said Tomas Okafor, a ferry captain.",
        ),
        article(
            2,
            Some("The Valley Ledger"),
            "“Nobody asked the ferrymen,” said Tomas Okafor. \
             “The figures are sound,” a senior official said.",
        ),
        article(3, None, "“I like the bridge,” said Mayor Ilse Brandt."),
    ]
}

#[test]
fn v_shows_the_table_and_keys_move_through_its_cells() {
    let mut app = App::with_articles(articles(), 100, 14);
    keys(&mut app, "V");
    let v = app.coverage_view().expect("V opens the coverage table");
    let table = v.table.as_ref().expect("built once the speakers are known");
    let outlets: Vec<&str> = table.outlets.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        outlets,
        ["Harbour Wire", "The Valley Ledger", "(no outlet)"]
    );
    insta::assert_snapshot!("coverage_100x14", text(&draw(&app)));
    // j to Okafor, l to the Ledger: the bottom line says what the cell is.
    keys(&mut app, "jl");
    let v = app.coverage_view().unwrap();
    assert_eq!((v.row, v.col), (1, 1));
    let s = text(&draw(&app));
    assert!(
        s.contains("Tomas Okafor · The Valley Ledger: 1 quotation in 1 article"),
        "{s}"
    );
    // h and ← go back; the cursor stops at the edges.
    keys(&mut app, "h<left>hG");
    let v = app.coverage_view().unwrap();
    assert_eq!((v.row, v.col), (2, 0), "G: the unnamed sources' row, last");
    keys(&mut app, "<esc>");
    assert!(app.coverage_view().is_none(), "Esc returns to the articles");
}

#[test]
fn enter_opens_the_speakers_quotations_in_that_outlet_and_v_comes_back() {
    let mut app = App::with_articles(articles(), 120, 30);
    // Brandt in the article without an outlet: her fourth quotation.
    keys(&mut app, "Vll<enter>");
    let sv = app.speakers_view().expect("Enter opens the speakers view");
    let ix = app.speakers.as_ref().unwrap();
    assert_eq!(
        ix.speakers[sv.selected_speaker().unwrap()].name,
        "Ilse Brandt"
    );
    assert_eq!(sv.pane, SpeakersPane::Quotes);
    assert_eq!(sv.quote_cursor, 3);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("Ilse Brandt in (no outlet): 1 quotation in 1 article"),
        "{:?}",
        app.message
    );
    keys(&mut app, "V");
    let v = app.coverage_view().expect("V returns to the table");
    assert_eq!((v.row, v.col), (0, 2), "at the same cell");
    // An empty cell: nothing to open.
    keys(&mut app, "h<enter>");
    assert!(app.coverage_view().is_some());
    assert_eq!(
        app.message.as_deref(),
        Some("Ilse Brandt is not quoted in The Valley Ledger")
    );
}

#[test]
fn until_the_speakers_are_known_the_table_says_how_far_it_has_got() {
    let mut app = App::with_articles(Vec::new(), 100, 14);
    app.update(Msg::Load(LoadEvent::Batch {
        articles: articles(),
        problems: Vec::new(),
    }));
    // `with_articles` of nothing has sent an empty index: a new load
    // would bring a new one; here, take it away as a fresh load has none.
    app.speakers = None;
    keys(&mut app, "V");
    let s = text(&draw(&app));
    assert!(s.contains("Finding quotations…"), "{s}");
    assert!(app.coverage_view().unwrap().table.is_none());
    let (_, index) = saidso::library::quote_and_index(&app.articles);
    app.update(Msg::Speakers(Box::new(index)));
    let s = text(&draw(&app));
    assert!(
        s.contains("Ilse Brandt") && s.contains("Harbour Wire"),
        "{s}"
    );
}
