//! Quotations and speakers in the reading pane, as a reader sees them:
//! quotation text set apart, the speaker's name in the speaker's colour
//! and the same colour in the gutter, "— Lavrov (continued)" or "he
//! (Lavrov, pronoun)" where the text does not name the speaker beside the
//! words, the carrier ("via …"), `]`/`[` between quotations and `Q` for
//! quotations only.

use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use saidso::corpus::Corpus;
use saidso::tui::action::Action;
use saidso::tui::app::App;
use saidso::tui::msg::Msg;
use saidso::tui::theme::Theme;

use crate::support::screen::{draw, find, text};

/// The bundled articles with article `n` open in the reader.
fn reading(n: usize, width: u16, height: u16) -> App {
    let mut app = App::with_articles(Corpus::embedded().articles, width, height);
    for _ in 0..n {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    app
}

fn at(buf: &Buffer, needle: &str) -> (u16, u16) {
    find(buf, needle).unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", text(buf)))
}

#[test]
fn quotations_and_named_speakers_are_styled_and_share_a_colour_with_the_gutter() {
    let app = reading(2, 110, 34);
    let buf = draw(&app);
    let t = Theme::dark();

    // The opening mark and the words are in the quotation style.
    let (x, y) = at(&buf, "“We highly appreciate");
    for dx in [0, 1, 10] {
        let cell = &buf[(x + dx, y)];
        assert!(cell.modifier.contains(Modifier::ITALIC), "{cell:?}");
        assert_eq!(cell.fg, t.quote.fg.unwrap());
    }
    // The attributing name is bold, in a speaker colour ...
    let (nx, ny) = at(&buf, "Sergei Lavrov said");
    let name = &buf[(nx, ny)];
    assert!(name.modifier.contains(Modifier::BOLD));
    assert!(t.speakers.iter().any(|s| s.fg == Some(name.fg)), "{name:?}");
    // ... and the quotation's gutter bar has the same colour; the
    // journalist's own lines have no bar.
    let bar = &buf[(x - 2, y)];
    assert_eq!(bar.symbol(), "▌");
    assert_eq!(bar.fg, name.fg);
    assert_eq!(buf[(nx - 2, ny)].symbol(), " ");
    // The header counts them and lists who is quoted.
    let screen = text(&buf);
    assert!(screen.contains("20 quotations, 3 speakers"), "{screen}");
    assert!(screen.contains("▌Sergei Lavrov 10"), "{screen}");
}

#[test]
fn a_speaker_inferred_from_context_is_named_in_a_dim_tag() {
    let mut app = reading(2, 110, 34);
    // Down to the quote-only paragraph after "Lavrov told the conference".
    while !text(&draw(&app)).contains("substantive agenda.”") {
        app.update(Action::Down);
    }
    let buf = draw(&app);
    let (x, y) = at(&buf, "substantive agenda.” — Lavrov");
    let tag_x = x + "substantive agenda.” ".chars().count() as u16;
    let tag = &buf[(tag_x, y)];
    assert_eq!(tag.symbol(), "—");
    assert_eq!(tag.fg, Theme::dark().quote_tag.fg.unwrap());
    assert!(
        !tag.modifier.contains(Modifier::ITALIC),
        "the tag is ours, not a quote"
    );
    // The named quotation before it carries no tag.
    assert!(!text(&buf).contains("Ukraine,” — "), "{}", text(&buf));
}

#[test]
fn brackets_jump_from_quotation_to_quotation() {
    let mut app = reading(2, 110, 34);
    app.update(Action::NextQuote);
    // The headline's quotation is in the header: the first jump goes to
    // the first one in the text, marked in the gutter.
    let msg = app.message.clone().unwrap();
    assert!(msg.starts_with("Quotation 2 of 20"), "{msg}");
    let buf = draw(&app);
    let (x, y) = at(&buf, "“stop fanning");
    let line_start = x - "Western countries to ".len() as u16;
    assert_eq!(buf[(line_start - 2, y)].symbol(), "▶");

    app.update(Action::NextQuote);
    assert!(
        app.message
            .clone()
            .unwrap()
            .starts_with("Quotation 3 of 20 · Sergei Lavrov")
    );
    let scroll = app.reader.scroll;
    app.update(Action::NextQuote);
    app.update(Action::NextQuote);
    assert!(
        app.reader.scroll > scroll,
        "the pane follows the quotations"
    );
    app.update(Action::PrevQuote);
    assert!(
        app.message
            .clone()
            .unwrap()
            .starts_with("Quotation 4 of 20")
    );

    // Past the last one, a message and no move.
    for _ in 0..30 {
        app.update(Action::NextQuote);
    }
    let msg = app.message.clone().unwrap();
    assert!(msg.contains("none below"), "{msg}");
}

#[test]
fn quotes_only_lists_each_quotation_under_its_speaker() {
    let mut app = reading(2, 110, 34);
    app.update(Action::ToggleQuotesOnly);
    assert!(app.reader.quotes_only);
    let screen = text(&draw(&app));
    insta::assert_snapshot!("quotes_only_002", screen);
    assert!(screen.contains("Sergei Lavrov · ¶3"), "{screen}");
    assert!(
        screen.contains("Tectonic Shifts"),
        "the headline quotation comes first"
    );
    assert!(
        !screen.contains("The U.S. and its allies"),
        "narration is left out"
    );
    // Q again: the whole article, at the quotation that was in view.
    app.update(Action::ToggleQuotesOnly);
    assert!(!app.reader.quotes_only);
    assert!(text(&draw(&app)).contains("The U.S. and its allies"));
}

#[test]
fn quotation_styles_survive_no_color() {
    let mut app = reading(2, 110, 34);
    app.theme = Theme::monochrome();
    let buf = draw(&app);
    let (x, y) = at(&buf, "“We highly");
    assert!(buf[(x + 2, y)].modifier.contains(Modifier::ITALIC));
    let (nx, ny) = at(&buf, "Sergei Lavrov said");
    assert!(buf[(nx, ny)].modifier.contains(Modifier::BOLD));
    for row in 0..buf.area.height {
        for col in 0..buf.area.width {
            let c = &buf[(col, row)];
            assert!(
                c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset,
                "colour at {col},{row}"
            );
        }
    }
}

#[test]
fn every_seed_shows_highlighted_quotations() {
    for n in 0..5 {
        let app = reading(n, 110, 60);
        let buf = draw(&app);
        let italic = (0..buf.area.height)
            .flat_map(|y| (40..buf.area.width).map(move |x| (x, y)))
            .filter(|&p| buf[p].modifier.contains(Modifier::ITALIC) && buf[p].symbol() != " ")
            .count();
        let bars = (0..buf.area.height)
            .filter(|&y| (36..40).any(|x| buf[(x, y)].symbol() == "▌"))
            .count();
        assert!(italic > 20 && bars > 0, "article {n}:\n{}", text(&buf));
    }
}

#[test]
fn quotations_are_asked_for_when_an_article_is_shown_and_drawn_when_they_arrive() {
    use saidso::corpus::LoadEvent;
    use saidso::quotes::find_quotes;
    use saidso::tui::effect::Effect;
    use saidso::tui::keymap::KeyMap;
    use std::sync::Arc;

    let articles = Corpus::embedded().articles;
    let found: Vec<_> = articles.iter().map(|a| Arc::new(find_quotes(a))).collect();
    let mut app = App::new(Theme::dark(), KeyMap::default(), 110, 34);
    app.update(Msg::Load(LoadEvent::Batch {
        articles,
        problems: Vec::new(),
    }));
    // Only the article on screen is asked for, once.
    assert_eq!(app.take_effects(), [Effect::FindQuotes(0)]);
    app.update(Action::Down);
    assert_eq!(app.take_effects(), [Effect::FindQuotes(1)]);
    assert!(!text(&draw(&app)).contains("quotations,"));
    app.update(Msg::quotes_from(1, vec![found[1].clone()]));
    assert!(text(&draw(&app)).contains("6 quotations, 2 speakers"));
    app.update(Action::Up);
    assert_eq!(app.take_effects(), [Effect::FindQuotes(0)]);
}

/// An article of our own whose quotations carry a carrier (`via`), which
/// the engine fills and which is set here by hand, as the reader gets it.
fn harbour_app(theme: Theme) -> App {
    use saidso::corpus::assemble::article_from_bytes;
    use saidso::corpus::{LoadEvent, Origin};
    use saidso::quotes::find_quotes;
    use saidso::tui::keymap::KeyMap;
    use std::sync::Arc;

    let article = article_from_bytes(
        "harbour.txt".into(),
        Origin::Embedded,
        "Harbour reopens after the storm\n\n\
         “The quay is safe again,” port director Ilse Brandt told reporters.\n\n\
         “Ships may dock from Monday,” she added.\n\n\
         “We lost two cranes and one tug.”\n"
            .as_bytes(),
    );
    let mut found = find_quotes(&article);
    assert_eq!(found.quotes.len(), 3);
    found.quotes[0].via = Some("Nordic Wire".into());
    found.quotes[2].via = Some("Nordic Wire".into());
    let mut app = App::new(theme, KeyMap::default(), 100, 24);
    app.update(Msg::Load(LoadEvent::Batch {
        articles: vec![article],
        problems: Vec::new(),
    }));
    app.update(Msg::quotes_from(0, vec![Arc::new(found)]));
    app.update(Action::Open);
    app
}

#[test]
fn tags_say_how_an_inferred_speaker_was_found_and_who_carried_the_words() {
    let mut app = harbour_app(Theme::dark());
    let buf = draw(&app);
    let screen = text(&buf);
    // Beside the pronoun: the name and how it was found.
    let (x, y) = at(&buf, "she (Brandt, pronoun) added");
    let tag = &buf[(x + "she ".len() as u16, y)];
    assert_eq!(tag.symbol(), "(");
    assert_eq!(tag.fg, Theme::dark().quote_tag.fg.unwrap());
    // A quote-only paragraph: the speaker carried on, and the carrier.
    assert!(
        screen.contains("tug.” — Brandt via Nordic Wire (continued)"),
        "{screen}"
    );
    // Named beside its words: no tag, though it came through an outlet.
    assert!(
        screen.contains("again,” port director Ilse Brandt told"),
        "{screen}"
    );

    // The status line says it all for the quotation jumped to.
    app.update(Action::NextQuote);
    let msg = app.message.clone().unwrap();
    assert!(
        msg.starts_with("Quotation 1 of 3 · Ilse Brandt")
            && msg.ends_with(" · explicit · via Nordic Wire"),
        "{msg}"
    );
    app.update(Action::NextQuote);
    assert!(app.message.clone().unwrap().ends_with(" · pronoun"));

    // Quotations only: how under each inferred one, nothing under a named one.
    app.update(Action::ToggleQuotesOnly);
    let screen = text(&draw(&app));
    assert!(
        screen.contains("director · ¶2 · via Nordic Wire "),
        "{screen}"
    );
    assert!(screen.contains(" · ¶3 · pronoun"), "{screen}");
    assert!(
        screen.contains(" · ¶4 · continued · via Nordic Wire"),
        "{screen}"
    );
    assert!(!screen.contains("explicit"), "{screen}");
}

#[test]
fn how_tags_are_dim_without_colour() {
    let app = harbour_app(Theme::monochrome());
    let buf = draw(&app);
    let (x, y) = at(&buf, "(continued)");
    let cell = &buf[(x + 1, y)];
    assert!(cell.modifier.contains(Modifier::DIM), "{cell:?}");
    assert_eq!(cell.fg, ratatui::style::Color::Reset);
}
