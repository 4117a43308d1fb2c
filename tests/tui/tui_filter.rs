//! The filter in the reader, driven by keys as a user types them, with the
//! worker replaced by the same engine run synchronously.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use ratatui::buffer::Buffer;

use saidso::corpus::Corpus;
use saidso::search::{FilterEvent, SearchIndex, search};
use saidso::tui::action::Action;
use saidso::tui::app::App;
use saidso::tui::effect::Effect;
use saidso::tui::layout::Focus;
use saidso::tui::msg::Msg;
use saidso::tui::theme::Theme;

use crate::support::screen::{draw, text};

/// The app and a stand-in for the filter worker.
struct Harness {
    app: App,
    index: SearchIndex,
}

impl Harness {
    fn new(width: u16, height: u16) -> Self {
        let articles = Corpus::embedded().articles;
        let index = SearchIndex::from_articles(&articles);
        Harness {
            app: App::with_articles(articles, width, height),
            index,
        }
    }

    /// Press keys (as the terminal sends them), then let the "worker" answer.
    fn keys(&mut self, keys: &[KeyEvent]) {
        for k in keys {
            self.app.update(Event::Key(*k));
        }
        self.answer();
    }

    fn typed(&mut self, text: &str) {
        let keys: Vec<KeyEvent> = text.chars().map(|c| key(KeyCode::Char(c))).collect();
        self.keys(&keys);
    }

    fn answer(&mut self) {
        for effect in self.app.take_effects() {
            let Effect::SubmitFilter { generation, query } = effect else {
                continue;
            };
            let hits = search(&self.index, &query, 1000);
            let n = self.index.articles();
            self.app.update(Msg::Filter(FilterEvent {
                generation,
                matched_articles: hits.len(),
                hits,
                searched_articles: n,
                total_articles: n,
                complete: true,
                scope: None,
                speakers_pending: false,
            }));
        }
    }

    fn screen(&self) -> (String, Buffer) {
        let buf = draw(&self.app);
        (text(&buf), buf)
    }

    fn current_path(&self) -> &str {
        &self.app.current().unwrap().path
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn typing_a_query_ranks_and_narrows_the_list() {
    let mut h = Harness::new(110, 30);
    h.typed("/tiger bell");
    assert!(h.app.filter.editing);
    assert_eq!(h.app.order.len(), 1, "only 000 has both terms");
    assert!(h.current_path().starts_with("000_"));
    let (screen, _) = h.screen();
    assert!(screen.contains("Articles (1 of 5)"), "{screen}");
    assert!(screen.contains("/tiger bell"), "{screen}");
    assert!(screen.contains("1 of 5 articles"), "{screen}");
    assert!(
        screen.contains("the bell to the tiger must"),
        "snippet of the best paragraph:\n{screen}"
    );
    // The reader opens the article at that paragraph.
    assert!(
        screen.contains("“He who tied the bell to the tiger must take it off,” it cited Xi"),
        "{screen}"
    );
    insta::assert_snapshot!("filter_tiger_bell", screen);
}

#[test]
fn matched_characters_are_highlighted_in_the_row_and_the_reader() {
    let mut h = Harness::new(110, 30);
    h.typed("/tiger");
    let (screen, buf) = h.screen();
    let matched = Theme::dark().matched;
    let highlighted: String = buf
        .content()
        .iter()
        .filter(|c| c.bg == matched.bg.unwrap())
        .map(|c| c.symbol())
        .collect();
    // "tiger" in the snippet row and in the reader, once each at least.
    assert!(
        highlighted.matches("tiger").count() >= 1,
        "highlighted: {highlighted:?}\n{screen}"
    );
}

#[test]
fn the_prompt_edits_like_readline_and_q_is_just_a_letter() {
    let mut h = Harness::new(110, 30);
    h.typed("/lavrov quotes");
    assert!(!h.app.quit);
    assert_eq!(h.app.filter.query, "lavrov quotes");
    h.keys(&[ctrl('w')]);
    assert_eq!(h.app.filter.query, "lavrov ");
    h.keys(&[key(KeyCode::Backspace), key(KeyCode::Backspace)]);
    assert_eq!(h.app.filter.query, "lavro");
    h.keys(&[ctrl('u')]);
    assert_eq!(h.app.filter.query, "");
    assert_eq!(h.app.order.len(), 5, "an empty query shows every article");
}

#[test]
fn enter_keeps_the_filter_and_esc_clears_it() {
    let mut h = Harness::new(110, 30);
    h.typed("/zhao");
    let hits = h.app.order.len();
    assert!((1..5).contains(&hits), "{hits}");
    h.keys(&[key(KeyCode::Enter)]);
    assert!(!h.app.filter.editing);
    assert_eq!(h.app.focus, Focus::List);
    assert_eq!(h.app.order.len(), hits, "Enter keeps the filter");
    // j moves in the filtered list; Esc clears and keeps the article.
    h.keys(&[key(KeyCode::Char('j'))]);
    let chosen = h.current_path().to_string();
    h.keys(&[key(KeyCode::Esc)]);
    assert!(!h.app.filter.active());
    assert_eq!(h.app.order.len(), 5);
    assert_eq!(h.current_path(), chosen);
    let (screen, _) = h.screen();
    assert!(screen.contains("Articles (5)"), "{screen}");
}

#[test]
fn junk_finds_nothing_and_says_so() {
    let mut h = Harness::new(110, 30);
    h.typed("/xqzv");
    assert!(h.app.order.is_empty());
    let (screen, _) = h.screen();
    assert!(screen.contains("No article matches"), "{screen}");
    assert!(screen.contains("0 of 5 articles"), "{screen}");
}

#[test]
fn n_and_shift_n_jump_between_matching_paragraphs() {
    let mut h = Harness::new(110, 30);
    h.typed("/'sanctions");
    h.keys(&[key(KeyCode::Enter), key(KeyCode::Enter)]);
    assert_eq!(h.app.focus, Focus::Reader);
    let matches = h.app.filter.reader_matches.as_ref().unwrap().1.clone();
    assert!(matches.len() >= 2, "{matches:?}");
    let doc = h.app.reader.layout.clone().unwrap();
    let lines: Vec<usize> = matches
        .iter()
        .filter_map(|m| doc.paragraph_line(m.paragraph))
        .collect();
    let body = h.app.reader_areas().unwrap().body.height as usize;
    // From the top, each n brings the next matching paragraph on screen.
    // Each n says which match it went to; past the last one, n wraps to
    // the first and says so (as less does).
    h.keys(&[key(KeyCode::Char('g'))]);
    let n = lines.len();
    let mut last = 0;
    let mut seen = Vec::new();
    loop {
        h.keys(&[key(KeyCode::Char('n'))]);
        let message = h.app.message.clone().unwrap_or_default();
        if message.starts_with("No more matches, wrapped") {
            break;
        }
        let top = h.app.reader.scroll;
        assert!(top > last || seen.is_empty(), "n went backwards: {message}");
        let k: usize = message
            .strip_prefix("match ")
            .and_then(|m| m.split(' ').next())
            .and_then(|k| k.parse().ok())
            .unwrap_or_else(|| panic!("{message:?}"));
        assert!(message.ends_with(&format!(" of {n}")), "{message}");
        let line = lines[k - 1];
        assert!(
            (top..top + body).contains(&line),
            "line {line} not on screen (top {top})"
        );
        seen.push(k);
        last = top;
        assert!(seen.len() <= n, "n never wrapped");
    }
    assert!(seen.len() >= 2, "{seen:?}");
    assert!(h.app.reader.scroll < last, "back at the first match");
    h.keys(&[key(KeyCode::Char('N'))]);
    assert_eq!(h.app.reader.scroll, last, "N wraps back to the last");
}

#[test]
fn events_for_an_older_query_are_ignored() {
    let mut h = Harness::new(110, 30);
    h.typed("/tiger");
    let order = h.app.order.clone();
    let stale = FilterEvent {
        generation: h.app.filter.generation - 1,
        hits: Vec::new(),
        matched_articles: 0,
        searched_articles: 5,
        total_articles: 5,
        complete: true,
        scope: None,
        speakers_pending: false,
    };
    h.app.update(Msg::Filter(stale));
    assert_eq!(h.app.order, order);
}

#[test]
fn the_help_lists_the_filter_keys() {
    let mut h = Harness::new(110, 60);
    h.app.update(Action::ToggleHelp);
    let (screen, _) = h.screen();
    for s in [
        "Filtering",
        "filter all articles",
        "next matching paragraph",
        "Ctrl-w",
        "exclude",
    ] {
        assert!(screen.contains(s), "help lacks {s}:\n{screen}");
    }
}

/// The filter worker gets each batch straight from the loader, so its
/// answer can name articles whose batch has not reached the app yet
/// (`saidso --query` on a slow disk): the list waits for them, and nothing
/// indexes past the articles the app has.
#[test]
fn hits_for_articles_not_arrived_yet_join_the_list_when_they_do() {
    use saidso::corpus::LoadEvent;
    use saidso::search::ArticleHit;
    let mut app = App::new(
        Theme::dark(),
        saidso::tui::keymap::KeyMap::default(),
        110,
        30,
    );
    for c in "/tiger".chars() {
        let code = if c == '/' {
            KeyCode::Char('/')
        } else {
            KeyCode::Char(c)
        };
        app.update(Event::Key(key(code)));
    }
    let generation = app.filter.generation;
    app.update(Msg::Filter(FilterEvent {
        generation,
        hits: vec![ArticleHit {
            article: 3,
            score: 10,
            best_paragraph: 1,
            matching_paragraphs: 1,
        }],
        matched_articles: 1,
        searched_articles: 5,
        total_articles: 5,
        complete: true,
        scope: None,
        speakers_pending: false,
    }));
    assert!(app.order.is_empty());
    assert!(app.current().is_none());
    let _ = draw(&app);
    app.update(Msg::Load(LoadEvent::Batch {
        articles: Corpus::embedded().articles,
        problems: Vec::new(),
    }));
    assert_eq!(app.order, [3]);
    assert!(app.current().unwrap().path.starts_with("003_"));
}
