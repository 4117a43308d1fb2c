//! Reading state in the app, without a terminal: what counts as read,
//! reopening the last article when it arrives in a later batch, and
//! positions that survive another terminal width.

use std::sync::Arc;

use saidso::corpus::{Article, Corpus, LoadEvent};
use saidso::quotes::find_quotes;
use saidso::state::{Position, ReadingState};
use saidso::tui::action::Action;
use saidso::tui::app::App;
use saidso::tui::keymap::KeyMap;
use saidso::tui::msg::Msg;
use saidso::tui::reading::Reading;
use saidso::tui::theme::Theme;

fn seeds() -> Vec<Article> {
    Corpus::embedded().articles
}

/// What a session that read article 3 half a page down leaves behind,
/// and where its reader was.
fn session_reading_article_3() -> (ReadingState, Position) {
    let mut app = App::with_articles(seeds(), 100, 30);
    for a in [Action::Down, Action::Down, Action::Down, Action::Open] {
        app.update(a);
    }
    app.update(Action::HalfPageDown);
    let at = app.top_position().expect("a position");
    assert!(at.offset > 0);
    (app.reading.take_changes(), at)
}

/// A fresh app that remembers `state`, its corpus loading in two batches.
fn reopened(state: ReadingState, width: u16) -> (App, Vec<Article>) {
    let mut app = App::new(Theme::dark(), KeyMap::default(), width, 30);
    app.reading = Reading::new(state, String::new());
    app.update(Msg::Load(LoadEvent::Started {
        total_files: 5,
        problems: Vec::new(),
        skipped_files: 0,
    }));
    let mut articles = seeds();
    let rest = articles.split_off(2);
    app.update(Msg::Load(LoadEvent::Batch {
        articles,
        problems: Vec::new(),
    }));
    (app, rest)
}

fn second_batch(app: &mut App, rest: Vec<Article>) {
    app.update(Msg::Load(LoadEvent::Batch {
        articles: rest,
        problems: Vec::new(),
    }));
    app.update(Msg::Load(LoadEvent::Finished));
}

#[test]
fn previewing_is_not_reading_opening_is() {
    let mut app = App::with_articles(seeds(), 100, 30);
    let hash = |app: &App, i: usize| app.articles[i].content_hash;
    assert!(!app.reading.is_read(hash(&app, 0)));
    app.update(Action::Down);
    assert!(!app.reading.is_read(hash(&app, 1)));
    app.update(Action::Open);
    assert!(app.reading.is_read(hash(&app, 1)));
    // Back in the list, it stays read; the next one is not.
    app.update(Action::Back);
    app.update(Action::Down);
    assert!(app.reading.is_read(hash(&app, 1)));
    assert!(!app.reading.is_read(hash(&app, 2)));
}

#[test]
fn the_last_article_reopens_when_its_batch_arrives() {
    let (state, at) = session_reading_article_3();
    let (mut app, rest) = reopened(state, 100);
    assert_eq!(app.current_index(), Some(0), "not there yet");
    second_batch(&mut app, rest);
    assert_eq!(app.current_index(), Some(3));
    assert_eq!(app.top_position(), Some(at));
    assert!(app.reading.is_read(app.articles[3].content_hash));
    // Its quotations arriving (room for tags) keep the place.
    let q = Arc::new(find_quotes(&app.articles[3]));
    app.update(Msg::Quotes(vec![(3, q)]));
    assert!(app.reader.quotes.is_some());
    assert_eq!(app.top_position(), Some(at));
}

#[test]
fn moving_before_it_arrives_keeps_the_users_choice() {
    let (state, _) = session_reading_article_3();
    let (mut app, rest) = reopened(state, 100);
    app.update(Action::Down);
    second_batch(&mut app, rest);
    assert_eq!(app.current_index(), Some(1));
}

#[test]
fn the_place_survives_another_width() {
    let (state, at) = session_reading_article_3();
    let (mut app, rest) = reopened(state, 140);
    second_batch(&mut app, rest);
    assert_eq!(app.current_index(), Some(3));
    let layout = app.reader.layout.as_ref().unwrap();
    let top = &layout.lines[app.reader.scroll..];
    // The text that was at the top is on the top line, or the next one
    // when the top line is the blank before its paragraph.
    assert!(
        top.iter()
            .take(at.lead + 1)
            .any(|l| l.range.contains(&at.offset) || l.range.start == at.offset),
        "offset {} not at the top: {:?}",
        at.offset,
        &top[..2]
    );
    assert!(app.reader.scroll > 0);
}

#[test]
fn each_article_reopens_where_it_was_left() {
    let mut app = App::with_articles(seeds(), 100, 30);
    app.update(Action::Open);
    app.update(Action::PageDown);
    let at = app.top_position();
    app.update(Action::Back);
    app.update(Action::Down);
    assert_eq!(app.reader.scroll, 0, "another article opens at its top");
    app.update(Action::Up);
    assert_eq!(app.top_position(), at);
}
