//! The list grouped by story (`z`): a story of several articles is one
//! row with its size and outlets, Enter opens it out, `h` folds it, `z`
//! again lists one row an article.

use saidso::corpus::Article;
use saidso::corpus::assemble::{ArticleFields, article_from_fields};
use saidso::tui::app::App;
use saidso::tui::layout::Focus;

use crate::support::keys::keys;
use crate::support::screen::{draw, text};

fn article(path: &str, outlet: &str, date: &str, title: &str, body: &str) -> Article {
    article_from_fields(
        path.into(),
        saidso::corpus::Origin::Stdin,
        ArticleFields {
            title: Some(title.into()),
            body: body.into(),
            source: Some(outlet.into()),
            date: Some(date.into()),
            ..ArticleFields::default()
        },
    )
}

/// Two outlets' reports of a crane collapse and three unrelated articles.
fn app() -> App {
    let articles = vec![
        article(
            "ledger",
            "Ledger",
            "2024-07-15",
            "Harbour crane collapses onto cargo ship",
            "A container crane collapsed onto a cargo ship at the Port Ellis docks on Monday morning, injuring two dock workers.\n\n“The crane simply folded over the deck of the ship without any warning,” said Nils Berg, the harbour master.",
        ),
        article(
            "rain",
            "Gazette",
            "2024-07-15",
            "Heavy rain expected this weekend",
            "Forecasters said heavy rain would reach the north on Saturday, officials said.",
        ),
        article(
            "budget",
            "Gazette",
            "2024-07-15",
            "Council approves budget",
            "The city council approved next year's budget on Monday, officials said.",
        ),
        article(
            "post",
            "Post",
            "2024-07-15",
            "Two hurt as dockside crane topples onto freighter",
            "Two workers were hurt when a dockside crane toppled onto a freighter in Port Ellis, officials said.\n\nHarbour master Nils Berg said: “The crane simply folded over the deck of the ship without any warning.”",
        ),
        article(
            "cup",
            "Gazette",
            "2024-07-15",
            "Local team wins cup final",
            "The local team won the cup final on penalties on Monday, officials said.",
        ),
    ];
    App::with_articles(articles, 120, 30)
}

fn titles(app: &App) -> Vec<String> {
    app.order
        .iter()
        .map(|&i| app.articles[i].path.clone())
        .collect()
}

#[test]
fn z_groups_a_story_into_one_row_that_enter_opens_and_h_folds() {
    let mut app = app();
    assert!(app.stories.is_some());
    assert_eq!(app.order.len(), 5);
    keys(&mut app, "z");
    // Four rows: the crane story (standing for both reports) and three.
    assert_eq!(app.order.len(), 4, "{:?}", titles(&app));
    let screen = text(&draw(&app));
    assert!(
        screen.contains("▸ 2 articles · Ledger, Post — Harbo"),
        "{screen}"
    );
    assert!(!screen.contains("Two hurt as dockside"), "{screen}");
    insta::assert_snapshot!("stories_grouped_120x30", screen);
    // Enter on the story opens it out, the list keeps the focus.
    let row = app
        .order
        .iter()
        .position(|&i| app.articles[i].path == "ledger")
        .unwrap();
    app.select(row);
    keys(&mut app, "<enter>");
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.order.len(), 5);
    let screen = text(&draw(&app));
    assert!(screen.contains("▾ 2 articles · Ledger, Post"), "{screen}");
    assert!(screen.contains("Two hurt as dockside"), "{screen}");
    // Enter on an opened story's row reads its first article.
    keys(&mut app, "<enter>");
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.current().unwrap().path, "ledger");
    // Back in the list, on the second report, h folds the story and
    // selects its row.
    keys(&mut app, "<esc>j");
    assert_eq!(app.current().unwrap().path, "post");
    keys(&mut app, "h");
    assert_eq!(app.order.len(), 4);
    assert_eq!(app.current().unwrap().path, "ledger");
    // z again: one row an article, the selection kept.
    keys(&mut app, "z");
    assert_eq!(app.order.len(), 5);
    assert_eq!(app.current().unwrap().path, "ledger");
    let screen = text(&draw(&app));
    assert!(!screen.contains("▸"), "{screen}");
}

/// `c` on a folded story (nothing marked) compares the story: its shared
/// statement × its two reports, each carrying it; Enter on the second
/// report's cell reads that report at the quotation, the story opened
/// out so that it is a row of the list.
#[test]
fn c_on_a_folded_story_shows_its_statements_by_article_and_enter_reads_one_there() {
    let mut app = app();
    keys(&mut app, "z");
    let row = app
        .order
        .iter()
        .position(|&i| app.articles[i].path == "ledger")
        .unwrap();
    app.select(row);
    keys(&mut app, "c");
    let v = app.story_view().expect("the story's matrix is open");
    assert_eq!(v.matrix.articles.len(), 2);
    assert_eq!(v.matrix.statements.len(), 1);
    let screen = text(&draw(&app));
    assert!(
        screen.contains("Harbour crane collapses onto cargo ship · 2 articles · 2 outlets"),
        "{screen}"
    );
    assert!(
        screen.contains("Nils Berg: “The crane simply folded"),
        "{screen}"
    );
    assert!(screen.contains("Ledger"), "{screen}");
    assert!(screen.contains("Post"), "{screen}");
    assert!(screen.contains("2024-07-15"), "{screen}");
    // Both carry it: two marks, no "not carried" dot in the row.
    let line = screen
        .lines()
        .find(|l| l.contains("Nils Berg"))
        .unwrap()
        .to_string();
    assert_eq!(line.matches(['=', '~']).count(), 2, "{line}");
    assert!(screen.contains("Ledger (2024-07-15): carried"), "{screen}");
    insta::assert_snapshot!("story_matrix_120x30", screen);
    // l: the second report; Enter reads it at the quotation.
    keys(&mut app, "l");
    let screen = text(&draw(&app));
    assert!(screen.contains("Post (2024-07-15): carried"), "{screen}");
    keys(&mut app, "<enter>");
    assert!(app.story_view().is_none());
    assert_eq!(app.current().unwrap().path, "post");
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.reader.quote_cursor, Some(0));
    // Z from the list opens the matrix too; Esc goes back.
    keys(&mut app, "<esc>Z");
    assert!(app.story_view().is_some());
    keys(&mut app, "<esc>");
    assert!(app.story_view().is_none());
}

/// `Z` on an article no other is about says so and stays in the list.
#[test]
fn z_on_an_article_of_its_own_story_says_there_is_nothing_to_compare() {
    let mut app = app();
    let row = app
        .order
        .iter()
        .position(|&i| app.articles[i].path == "cup")
        .unwrap();
    app.select(row);
    keys(&mut app, "Z");
    assert!(app.story_view().is_none());
    assert_eq!(
        app.message.as_deref(),
        Some("No other article is about this one's story")
    );
}
