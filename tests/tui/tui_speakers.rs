//! The speakers view (`s`): every speaker of the corpus with their
//! quotations across articles, and Enter to read one in its article.

use ratatui::buffer::Buffer;

use saidso::corpus::{Corpus, LoadEvent};
use saidso::tui::action::Action;
use saidso::tui::app::App;
use saidso::tui::app::speakers::{RowKind, SpeakersPane};
use saidso::tui::effect::Effect;
use saidso::tui::keymap::KeyMap;
use saidso::tui::layout::Focus;
use saidso::tui::msg::Msg;
use saidso::tui::theme::Theme;

use crate::support::keys::keys;
use crate::support::screen::{draw, text};

/// The bundled articles with the speakers view open.
fn speakers(width: u16, height: u16) -> App {
    let mut app = App::with_articles(Corpus::embedded().articles, width, height);
    keys(&mut app, "s");
    assert!(app.speakers_view().is_some(), "s opens the speakers view");
    app
}

fn screen(app: &App) -> String {
    text(&draw(app))
}

fn rows_of(buf: &Buffer) -> Vec<String> {
    text(buf).lines().map(str::to_string).collect()
}

#[test]
fn lists_speakers_most_quoted_first_with_counts_and_share() {
    let app = speakers(120, 36);
    let s = screen(&app);
    let rows = rows_of(&draw(&app));
    assert!(s.contains("Speakers ("), "{s}");
    // Sergei Lavrov first: his name on the first row, 43 quotations, and
    // "5 articles" with the full share bar under it.
    assert!(
        rows[1].contains("Sergei Lavrov") && rows[1].contains("43"),
        "{s}"
    );
    assert!(rows[2].contains("████████ 5 articles · Russian"), "{s}");
    assert!(rows[3].contains("Le Yucheng"), "{s}");
    let ix = app.speakers.as_ref().unwrap();
    assert_eq!(ix.speakers[0].name, "Sergei Lavrov");
    assert_eq!(ix.speakers[0].articles.len(), 5);
    assert!(s.contains("j next"), "{s}");
}

#[test]
fn the_selected_speakers_quotations_are_grouped_under_every_article() {
    let app = speakers(140, 300);
    let v = app.speakers_view().unwrap();
    let list = v.quotes.as_ref().expect("quotation rows for Lavrov");
    let titles: Vec<usize> = list
        .rows
        .iter()
        .filter_map(|r| match r.kind {
            RowKind::Title(a) => Some(a),
            _ => None,
        })
        .collect();
    assert_eq!(titles, [0, 1, 2, 3, 4]);
    let s = screen(&app);
    assert!(
        s.contains("Sergei Lavrov · 43 quotations in 5 articles"),
        "{s}"
    );
    for a in &app.articles {
        let head: String = a.title.chars().take(40).collect();
        assert!(s.contains(&head), "{head:?} missing:\n{s}");
    }
    // A byline, a quotation and a line of context round it.
    assert!(s.contains("Patrick Goodenough"), "{s}");
    assert!(s.contains("“We highly appreciate the balanced"), "{s}");
    assert!(s.contains("“…”"), "{s}");
}

#[test]
fn enter_opens_the_reader_at_the_quotation() {
    let mut app = speakers(120, 36);
    keys(&mut app, "<tab>");
    assert_eq!(app.speakers_view().unwrap().pane, SpeakersPane::Quotes);
    // Down to the third article's second quotation (its first is in the
    // headline, which the reader shows in its header).
    let (n, article, quote) = {
        let ix = app.speakers.as_ref().unwrap();
        let n = ix.speakers[0]
            .quotes
            .iter()
            .position(|r| r.article == 2)
            .unwrap()
            + 1;
        let r = ix.speakers[0].quotes[n];
        assert_eq!(r.article, 2);
        (n, r.article, r.quote)
    };
    keys(&mut app, &"j".repeat(n));
    assert_eq!(app.speakers_view().unwrap().quote_cursor, n);
    let s = screen(&app);
    assert!(s.contains("▶"), "the cursor is marked:\n{s}");
    keys(&mut app, "<enter>");
    assert!(app.speakers_view().is_none());
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.current_index(), Some(article));
    assert_eq!(app.reader.article, Some(article));
    assert_eq!(app.reader.quote_cursor, Some(quote));
    let words = {
        let q = &app.quotes[article].as_ref().unwrap().quotes[quote];
        let t = q.text(&app.articles[article]).to_string();
        t.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
    };
    let s = screen(&app);
    assert!(s.contains(&words), "{words:?} not on screen:\n{s}");
    assert!(s.contains("▶"), "the quotation is marked:\n{s}");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("Sergei Lavrov")),
        "{:?}",
        app.message
    );
    // s comes back to the same place; Esc twice leaves the view.
    keys(&mut app, "s");
    let v = app.speakers_view().unwrap();
    assert_eq!(v.pane, SpeakersPane::Quotes);
    keys(&mut app, "<esc><esc>");
    assert!(app.speakers_view().is_none());
}

#[test]
fn slash_filters_the_speaker_list_by_name_and_alias() {
    let mut app = speakers(120, 36);
    keys(&mut app, "/yuchng");
    let v = app.speakers_view().unwrap();
    let ix = app.speakers.as_ref().unwrap();
    assert!(v.editing);
    assert_eq!(ix.speakers[v.visible[0]].name, "Le Yucheng");
    assert!(v.visible.len() < ix.speakers.len());
    let s = screen(&app);
    assert!(s.contains("/yuchng"), "{s}");
    assert!(s.contains(&format!("{} of ", v.visible.len())), "{s}");
    assert!(!s.contains("Sergei Lavrov"), "{s}");
    // An alias finds its speaker too.
    keys(&mut app, "<esc>");
    assert!(app.speakers_view().unwrap().query.is_empty());
    keys(&mut app, "/sergey<enter>");
    let v = app.speakers_view().unwrap();
    assert!(!v.editing);
    let ix = app.speakers.clone().unwrap();
    assert_eq!(ix.speakers[v.visible[0]].name, "Sergei Lavrov");
    // Esc clears the filter, then leaves the view.
    keys(&mut app, "<esc>");
    assert_eq!(
        app.speakers_view().unwrap().visible.len(),
        ix.speakers.len()
    );
    keys(&mut app, "<esc>");
    assert!(app.speakers_view().is_none());
}

#[test]
fn says_what_it_is_doing_until_the_index_is_ready() {
    let mut app = App::new(Theme::dark(), KeyMap::default(), 120, 36);
    app.update(Msg::Load(LoadEvent::Batch {
        articles: Corpus::embedded().articles,
        problems: Vec::new(),
    }));
    app.update(Msg::Load(LoadEvent::Finished));
    assert!(app.take_effects().contains(&Effect::SweepQuotes));
    app.update(Action::ShowSpeakers);
    let s = screen(&app);
    assert!(s.contains("Finding quotations… 0 of 5 articles"), "{s}");
    assert!(s.contains("finding quotations 0/5"), "{s}");
    let found: Vec<_> = app
        .articles
        .iter()
        .map(|a| std::sync::Arc::new(saidso::quotes::find_quotes(a)))
        .collect();
    app.update(Msg::Quotes(vec![
        (3, found[3].clone()),
        (1, found[1].clone()),
    ]));
    assert!(screen(&app).contains("Finding quotations… 2 of 5 articles"));
    app.update(Msg::quotes_from(0, found.clone()));
    let refs: Vec<_> = found.iter().map(|q| q.as_ref()).collect();
    app.update(Msg::Speakers(Box::new(
        saidso::quotes::SpeakerIndex::build(&refs),
    )));
    let s = screen(&app);
    assert!(s.contains("Sergei Lavrov"), "{s}");
    assert!(!s.contains("finding quotations"), "{s}");
}

#[test]
fn draws_at_every_small_size_without_panicking() {
    for w in 1..=30 {
        for h in 1..=12 {
            let mut app = speakers(w, h);
            let _ = draw(&app);
            app.update(Action::FocusNext);
            app.update(Action::Down);
            let _ = draw(&app);
            app.update(Action::Filter);
            app.update(Action::FilterInsert('x'));
            let _ = draw(&app);
        }
    }
}

#[test]
fn no_color_means_no_colours() {
    let mut app = speakers(120, 36);
    app.theme = Theme::monochrome();
    for buf in [draw(&app), {
        app.update(Action::FocusNext);
        draw(&app)
    }] {
        for cell in buf.content() {
            assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
            assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
        }
    }
}

#[test]
fn each_quotation_says_how_its_speaker_was_found() {
    let app = speakers(140, 300);
    let list = app.speakers_view().unwrap().quotes.clone().unwrap();
    let notes: Vec<&str> = list
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Note(_)))
        .map(|r| r.text.as_str())
        .collect();
    // Lavrov is often named beside his words (no note), sometimes only
    // carried on or referred to by "he".
    assert!(notes.contains(&"continued"), "{notes:?}");
    assert!(notes.contains(&"pronoun"), "{notes:?}");
    assert!(notes.len() < 44, "named quotations carry no note");
    let s = screen(&app);
    // Drawn on a row of its own under the quotation.
    assert!(
        s.lines()
            .any(|l| l.split(['│', '┃']).any(|cell| cell.trim() == "continued")),
        "{s}"
    );
}

#[test]
fn unnamed_sources_are_one_entry_after_the_named_ones() {
    let mut app = speakers(120, 36);
    let ix = app.speakers.clone().unwrap();
    let last = ix.speakers.last().unwrap();
    assert_eq!(last.name, "Unnamed sources");
    assert!(
        ix.speakers[..ix.speakers.len() - 1]
            .iter()
            .all(|s| !s.is_unnamed())
    );
    // At the end of the list, saying how many sources it holds.
    app.update(Action::Bottom);
    let s = screen(&app);
    assert!(s.contains("Unnamed sources"), "{s}");
    assert!(s.contains("1 source · 1 article"), "{s}");
    // Its quotations under their article, each naming its source.
    assert!(
        s.contains("Unnamed sources · 2 quotations in 1 article"),
        "{s}"
    );
    assert_eq!(
        s.matches("   senior administration official").count(),
        2,
        "{s}"
    );
}
