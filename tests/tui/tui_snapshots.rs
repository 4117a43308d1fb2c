//! The views, drawn into ratatui's TestBackend from app states reached by
//! actions, compared with reviewed snapshots (insta) and checked for the
//! styles a reader relies on.

use ratatui::style::{Color, Modifier};

use saidso::corpus::{Corpus, LoadEvent, LoadProblem, Severity};
use saidso::tui::action::Action;
use saidso::tui::app::App;
use saidso::tui::keymap::KeyMap;
use saidso::tui::msg::Msg;
use saidso::tui::theme::Theme;

use crate::support::keys::keys;
use crate::support::screen::{draw, text};

fn seeds_app(width: u16, height: u16) -> App {
    App::with_articles(Corpus::embedded().articles, width, height)
}

fn act(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}

#[test]
fn browse_view() {
    let app = seeds_app(100, 30);
    insta::assert_snapshot!("browse_100x30", text(&draw(&app)));
}

#[test]
fn reader_focused_and_scrolled() {
    let mut app = seeds_app(100, 30);
    keys(&mut app, "jj<enter><C-d>");
    insta::assert_snapshot!("reader_002_half_page", text(&draw(&app)));
}

#[test]
fn help_overlay() {
    let mut app = seeds_app(100, 32);
    keys(&mut app, "?");
    insta::assert_snapshot!("help_100x32", text(&draw(&app)));
}

#[test]
fn narrow_terminal_shows_one_pane() {
    let mut app = seeds_app(50, 16);
    insta::assert_snapshot!("narrow_list_50x16", text(&draw(&app)));
    keys(&mut app, "<enter>");
    insta::assert_snapshot!("narrow_reader_50x16", text(&draw(&app)));
}

#[test]
fn too_small_shows_a_notice() {
    let app = seeds_app(20, 5);
    insta::assert_snapshot!("too_small_20x5", text(&draw(&app)));
}

#[test]
fn hidden_noise_collapses_to_a_marker() {
    let mut app = seeds_app(100, 30);
    // Actions, not keys: a key press would clear the status line that
    // the snapshot shows.
    act(
        &mut app,
        &[
            Action::Bottom,
            Action::Open,
            Action::ToggleNoise,
            Action::Bottom,
        ],
    );
    let screen = text(&draw(&app));
    assert!(
        screen.contains("⋯ b shows 15 paragraphs hidden: comment form, site chrome"),
        "{screen}"
    );
    assert!(!screen.contains("Twitter picture"));
    insta::assert_snapshot!("noise_hidden_004_end", screen);
    keys(&mut app, "bG");
    let screen = text(&draw(&app));
    assert!(
        screen.contains("%d bloggers like this:"),
        "shown again, dimmed:\n{screen}"
    );
}

#[test]
fn problems_overlay_lists_files_with_reasons() {
    let mut app = App::new(Theme::dark(), KeyMap::default(), 90, 20);
    let problem = |path: &str, problem: &str, severity| LoadProblem {
        path: path.into(),
        problem: problem.into(),
        severity,
    };
    app.update(Msg::Load(LoadEvent::Started {
        total_files: 3,
        problems: vec![problem(
            "dir/gone.txt",
            "cannot open: no such file or directory",
            Severity::Skipped,
        )],
        skipped_files: 2,
    }));
    app.update(Msg::Load(LoadEvent::Batch {
        articles: Corpus::embedded().articles[..1].to_vec(),
        problems: vec![
            problem(
                "dir/bin.txt",
                "binary file (contains NUL bytes); not an article",
                Severity::Skipped,
            ),
            problem(
                "dir/bad.txt",
                "invalid UTF-8: 2 byte sequence(s) shown as \u{FFFD}",
                Severity::Repaired,
            ),
        ],
    }));
    app.update(Msg::Load(LoadEvent::Finished));
    // The background sweep's progress shows beside the problems ...
    assert!(text(&draw(&app)).contains("⚠ 2 not loaded · ! shows · finding quotations 0/1"));
    // ... until it is done.
    let found = std::sync::Arc::new(saidso::quotes::find_quotes(&app.articles[0]));
    app.update(Msg::quotes_from(0, vec![found.clone()]));
    app.update(Msg::Speakers(Box::new(
        saidso::quotes::SpeakerIndex::build(&[&found]),
    )));
    assert!(text(&draw(&app)).contains("⚠ 2 not loaded · ! shows"));
    keys(&mut app, "!");
    insta::assert_snapshot!("problems_90x20", text(&draw(&app)));
}

#[test]
fn a_note_is_not_called_a_repair() {
    // A feed's summary-only item, as loading reports it: loaded whole.
    let mut app = App::new(Theme::dark(), KeyMap::default(), 90, 20);
    app.update(Msg::Load(LoadEvent::Batch {
        articles: Corpus::embedded().articles[..1].to_vec(),
        problems: vec![LoadProblem {
            path: "feed.xml#2".into(),
            problem: "summary only: the feed carries no full text".into(),
            severity: Severity::Noted,
        }],
    }));
    app.update(Msg::Load(LoadEvent::Finished));
    let screen = text(&draw(&app));
    assert!(screen.contains("⚠ 1 noted · ! shows"), "{screen}");
    assert!(!screen.contains("repaired"), "{screen}");
    keys(&mut app, "!");
    let screen = text(&draw(&app));
    assert!(
        screen.contains("0 repaired · 1 with notes")
            && screen.contains("note: summary only: the feed carries no full text"),
        "{screen}"
    );
}

#[test]
fn the_selection_is_one_solid_highlight_and_follows_focus() {
    let mut app = seeds_app(100, 30);
    let buf = draw(&app);
    let sel = Theme::dark().selection;
    // Both rows of the selected article, across the list's width.
    for y in [1, 2] {
        for x in 1..30 {
            assert_eq!(
                buf[(x, y)].bg,
                sel.bg.unwrap(),
                "cell {x},{y} not highlighted"
            );
        }
    }
    assert_ne!(
        buf[(5, 3)].bg,
        sel.bg.unwrap(),
        "the next row is highlighted too"
    );
    // Unfocused, the selection stays visible (reverse video).
    keys(&mut app, "<tab>");
    let buf = draw(&app);
    assert!(buf[(5, 1)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn monochrome_theme_draws_no_colour_but_keeps_emphasis() {
    let mut app = seeds_app(100, 30);
    app.theme = Theme::monochrome();
    keys(&mut app, "?");
    let buf = draw(&app);
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    keys(&mut app, "<esc>");
    let buf = draw(&app);
    assert!(
        buf[(5, 1)].modifier.contains(Modifier::REVERSED),
        "selection invisible without colour"
    );
    assert!(
        buf.content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::BOLD)),
        "no emphasis left"
    );
}

#[test]
fn every_size_down_to_one_cell_draws_without_panicking() {
    let mut app = seeds_app(100, 30);
    keys(&mut app, "<enter><pagedown>");
    for w in (1..=120).step_by(7) {
        for h in 1..=40 {
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            let _ = draw(&app);
            app.update(Action::ToggleHelp);
            let _ = draw(&app);
            app.update(Action::ToggleHelp);
        }
    }
}

#[test]
fn resizing_keeps_the_reader_on_the_same_text() {
    let mut app = seeds_app(100, 30);
    keys(&mut app, "<enter><pagedown><pagedown>");
    let doc = app.reader.layout.as_ref().unwrap();
    let offset = doc.lines[app.reader.scroll].range.start;
    app.update(Action::Resize {
        width: 70,
        height: 20,
    });
    let doc = app.reader.layout.as_ref().unwrap();
    let line = &doc.lines[app.reader.scroll];
    assert!(
        line.range.start <= offset && offset <= line.range.end.max(line.range.start + 1),
        "jumped away from the text being read"
    );
}

#[test]
fn wide_characters_wrap_by_display_width() {
    use saidso::corpus::Origin;
    use saidso::corpus::assemble::article_from_bytes;
    let source = "北京峰会\n\n中国外交部发言人表示，双方将继续加强合作，共同维护地区和平与稳定。🙂 Emoji 🙂 and café naïve text mixed with 漢字 in one paragraph.";
    let article = article_from_bytes("cjk.txt".into(), Origin::Embedded, source.as_bytes());
    let mut app = App::with_articles(vec![article], 72, 14);
    keys(&mut app, "<enter>");
    let screen = text(&draw(&app));
    insta::assert_snapshot!("wide_characters_72x14", screen);
    // Every character of the paragraph is on screen, none cut in half.
    let shown: String = screen
        .lines()
        .map(|l| l.trim_matches(|c| "┃│ ".contains(c)))
        .collect();
    for word in ["中国外交部发言人表示", "地区和平与稳定。", "café", "漢字"] {
        assert!(shown.contains(word), "{word} missing:\n{screen}");
    }
    // Ideographs count as words for length and reading time.
    assert!(screen.contains("46 words"), "{screen}");
}
