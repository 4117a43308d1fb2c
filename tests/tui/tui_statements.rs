//! The statements view (`w`): every statement across the articles, its
//! renderings as word diffs, Enter to read one in its article, and `W` in
//! the reader for who else quoted the quotation there.

use ratatui::style::Modifier;

use saidso::corpus::Corpus;
use saidso::tui::app::App;
use saidso::tui::app::Screen;
use saidso::tui::app::statements::StatementsPane;
use saidso::tui::layout::Focus;

use crate::support::keys::keys;
use crate::support::screen::{draw, find, text};

fn app(width: u16, height: u16) -> App {
    App::with_articles(Corpus::embedded().articles, width, height)
}

fn statements(app: &App) -> &saidso::tui::app::statements::StatementsView {
    app.screen.statements().expect("the statements view")
}

#[test]
fn w_lists_the_statements_carried_most_widely_first_and_esc_returns() {
    let mut app = app(140, 30);
    keys(&mut app, "w");
    let screen = text(&draw(&app));
    assert!(screen.contains("Statements ("), "{screen}");
    // Lavrov's statement, in two articles and two translations, first;
    // the renderings pane shows its three renderings.
    assert!(
        screen.contains("Sergei Lavrov · 2 outlets · 2 articles · vi…"),
        "{screen}"
    );
    assert!(screen.contains("Sergei Lavrov · 3 renderings"), "{screen}");
    assert!(screen.contains("a part"), "{screen}");
    assert!(screen.contains("most common wording"), "{screen}");
    keys(&mut app, "<esc>");
    assert!(matches!(app.screen, Screen::Browse));
}

#[test]
fn a_changed_word_is_struck_through_or_underlined() {
    let mut app = app(140, 30);
    keys(&mut app, "w");
    let buf = draw(&app);
    // TASS's "rudely undermines" against Interfax's "is blatantly
    // undermining": put in underlined, left out struck through.
    let (x, y) = find(&buf, "rudely").expect("TASS's words");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "{:?}",
        buf[(x, y)]
    );
    let (x, y) = find(&buf, "blatantly").expect("Interfax's words");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::CROSSED_OUT),
        "{:?}",
        buf[(x, y)]
    );
}

#[test]
fn enter_on_a_rendering_reads_it_and_w_in_the_reader_comes_back_to_it() {
    let mut app = app(140, 30);
    keys(&mut app, "w<tab>j");
    assert_eq!(statements(&app).pane, StatementsPane::Renderings);
    keys(&mut app, "<enter>");
    assert!(matches!(app.screen, Screen::Browse));
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.current_index(), Some(0));
    let cursor = app.reader.quote_cursor.expect("the quotation marked");
    let screen = text(&draw(&app));
    assert!(screen.contains("rudely undermines"), "{screen}");
    // W: who else quoted it — the same statement, on this rendering.
    keys(&mut app, "W");
    let v = statements(&app);
    assert_eq!(v.pane, StatementsPane::Renderings);
    assert_eq!(v.cursor, 1);
    assert_eq!(cursor, 1);
    // w returns to the view as it was left.
    keys(&mut app, "<esc><esc>w");
    assert_eq!(statements(&app).selected, 0);
}

#[test]
fn slash_filters_by_speaker_and_words() {
    let mut app = app(140, 30);
    keys(&mut app, "w/@zhao<enter>");
    let v = statements(&app);
    assert!(v.visible.len() >= 2);
    let screen = text(&draw(&app));
    assert!(screen.contains("Zhao Lijian"), "{screen}");
    assert!(!screen.contains("Sergei Lavrov ·"), "{screen}");
    keys(&mut app, "<esc>/tiger bell<enter>");
    let screen = text(&draw(&app));
    assert!(screen.contains("Xi Jinping"), "{screen}");
}

#[test]
fn before_the_statements_are_built_w_says_so_and_the_view_waits() {
    let mut app = app(140, 30);
    app.statements = None;
    keys(&mut app, "<enter>]W");
    assert!(matches!(app.screen, Screen::Browse));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("Statements are not ready yet")),
        "{:?}",
        app.message
    );
    keys(&mut app, "w");
    let screen = text(&draw(&app));
    assert!(
        screen.contains("Grouping the quotations into statements…"),
        "{screen}"
    );
}

/// Typing narrows what the key before found (as fzf does): each query
/// typed key by key lists exactly what it lists when set at once, and
/// deleting a key widens again.
#[test]
fn typing_the_filter_key_by_key_lists_what_the_whole_query_lists() {
    for query in ["lav coop", "@zhao ukr", "@s west", "thw"] {
        let mut typed = app(140, 30);
        keys(&mut typed, &format!("w/{query}"));
        let mut at_once = app(140, 30);
        keys(&mut at_once, "w");
        if let Some(v) = at_once.screen.statements_mut() {
            v.query = query.into();
            v.indexed = false;
        }
        keys(&mut at_once, "k");
        assert_eq!(
            statements(&typed).visible,
            statements(&at_once).visible,
            "{query}"
        );
    }
    let mut app = app(140, 30);
    keys(&mut app, "w/@zhao");
    let narrow = statements(&app).visible.len();
    keys(&mut app, "<backspace><backspace><backspace><backspace>");
    assert!(statements(&app).visible.len() > narrow);
}
