//! A Markdown article in the reader: emphasis shows as italic and bold,
//! not as the `*` that marked it, in every theme, and a quotation's style
//! still shows over an emphasised word.

use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use saidso::corpus::{Corpus, LoadRequest};
use saidso::tui::action::Action;
use saidso::tui::app::App;
use saidso::tui::theme::Theme;

use crate::support::screen::{draw, find, text};

const STORY: &str = "# Ferry returns to the islands\n\n\
    The *Skerry Star* crossed on Saturday after **three weeks** of repairs \
    to its [hull](https://islandpost.example/hull).\n\n\
    “Everyone has been *waiting* for this,” said harbour master Ilse Brandt.\n";

fn reading(theme: Theme) -> App {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ferry.md"), STORY).unwrap();
    let c = Corpus::load(&LoadRequest::Paths(vec![dir.path().to_path_buf()]));
    let mut app = App::with_articles(c.articles, 100, 20);
    app.theme = theme;
    app.update(Action::Open);
    app
}

/// The cells of `word` on screen.
fn cells<'a>(buf: &'a Buffer, word: &str) -> Vec<&'a ratatui::buffer::Cell> {
    let (x, y) =
        find(buf, word).unwrap_or_else(|| panic!("{word:?} not on screen:\n{}", text(buf)));
    (0..word.chars().count() as u16)
        .map(|dx| &buf[(x + dx, y)])
        .collect()
}

#[test]
fn emphasis_is_shown_as_style_not_as_asterisks() {
    for theme in [Theme::dark(), Theme::light(), Theme::monochrome()] {
        let name = theme.name;
        let buf = draw(&reading(theme));
        let screen = text(&buf);
        assert!(
            !screen.contains('*') && !screen.contains("]("),
            "{name}:\n{screen}"
        );
        for c in cells(&buf, "Skerry Star") {
            assert!(c.modifier.contains(Modifier::ITALIC), "{name}: {c:?}");
        }
        for c in cells(&buf, "three weeks") {
            assert!(c.modifier.contains(Modifier::BOLD), "{name}: {c:?}");
        }
        // Only the emphasised words: the words around them are plain.
        for word in ["crossed", "Saturday", "repairs", "hull"] {
            for c in cells(&buf, word) {
                assert!(
                    !c.modifier.intersects(Modifier::ITALIC | Modifier::BOLD),
                    "{name}: {word:?} {c:?}"
                );
            }
        }
    }
}

#[test]
fn a_quotation_keeps_its_colour_over_an_emphasised_word() {
    let t = Theme::dark();
    let buf = draw(&reading(Theme::dark()));
    let quote_fg = t.quote.fg.expect("the dark theme colours quotations");
    for c in cells(&buf, "waiting") {
        assert_eq!(c.fg, quote_fg, "{c:?}");
        assert!(c.modifier.contains(Modifier::ITALIC), "{c:?}");
    }
    insta::assert_snapshot!("markdown_reader_100x20", text(&buf));
}
