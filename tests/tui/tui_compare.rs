//! Two articles side by side, as a reader sees them: Space marks one, `c`
//! compares it with the selected one; the panes show both with the
//! reader's highlights, shared statements numbered alike in both gutters,
//! `]`/`[` line a pair up on one row, `S` unties the scrolling, `t` shows
//! the quotation table with the word diff, and narrow terminals stack.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use saidso::compare::compare;
use saidso::corpus::{Article, Corpus, LoadEvent, Origin};
use saidso::quotes::{ArticleQuotes, find_quotes};
use saidso::tui::action::Action;
use saidso::tui::app::compare::{CompareMode, Side};
use saidso::tui::app::{App, INLINE_QUOTES_MAX_BYTES};
use saidso::tui::effect::Effect;
use saidso::tui::keymap::KeyMap;
use saidso::tui::layout::Focus;
use saidso::tui::msg::Msg;
use saidso::tui::theme::Theme;

use crate::support::keys::keys;
use crate::support::screen::{draw, find, text};

fn act(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}

/// Article 000 marked, 001 selected, compared.
fn comparing(width: u16, height: u16) -> App {
    let mut app = App::with_articles(Corpus::embedded().articles, width, height);
    keys(&mut app, "<space>jc");
    assert!(app.compare().is_some(), "c did not open the comparison");
    app
}

fn at(buf: &Buffer, needle: &str) -> (u16, u16) {
    find(buf, needle).unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", text(buf)))
}

/// The cells of row `y` from `x0` to `x1`, as text.
fn row_text(buf: &Buffer, y: u16, x0: u16, x1: u16) -> String {
    (x0..x1.min(buf.area.width))
        .map(|x| buf[(x, y)].symbol())
        .collect()
}

/// The screen row where quotation `i` of `side` starts, if on screen.
fn quote_row(app: &App, side: Side, i: usize) -> Option<u16> {
    let c = app.compare()?;
    let body = app.compare_geometry()?.areas(side).body;
    let pane = c.pane(side);
    let line = pane.quote_line(i)?;
    (line >= pane.scroll && line < pane.scroll + body.height as usize)
        .then(|| body.y + (line - pane.scroll) as u16)
}

/// The gutter of `side` on row `y`: (marker column, bar column).
fn gutter(app: &App, buf: &Buffer, side: Side, y: u16) -> (String, String) {
    let c = app.compare().unwrap();
    let x = app.compare_geometry().unwrap().areas(side).body.x;
    let w = c.marker_width();
    (
        row_text(buf, y, x, x + w),
        row_text(buf, y, x + w, x + w + 1),
    )
}

/// The first few words of quotation `i` of `side`, as the pane shows them.
fn opening(app: &App, side: Side, i: usize) -> String {
    let c = app.compare().unwrap();
    let a = &app.articles[c.pane(side).article];
    let q = &c.pane(side).quotes.quotes()[i];
    a.text[q.outer()]
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of a pane's first body row.
fn top_row(app: &App, buf: &Buffer, side: Side) -> String {
    let t = app.compare_geometry().unwrap().areas(side).text;
    row_text(buf, t.y, t.x, t.right())
}

#[test]
fn marking_000_and_comparing_with_001_shows_both_and_what_they_share() {
    let mut app = App::with_articles(Corpus::embedded().articles, 140, 40);
    keys(&mut app, "<space>");
    let screen = text(&draw(&app));
    assert!(
        screen.contains("● Cooperation between Russia"),
        "no visible mark:\n{screen}"
    );
    assert!(screen.contains("c compare with marked"), "{screen}");
    keys(&mut app, "jc");
    let buf = draw(&app);
    let screen = text(&buf);
    insta::assert_snapshot!("compare_000_001_140x40", screen);

    // Both titles, each at the top of its own pane, side by side.
    let (lx, ly) = at(&buf, "Cooperation between Russia and China");
    let (rx, ry) = at(&buf, "After Biden-Xi call, Russia says");
    assert_eq!(ly, ry);
    assert!(lx < 70 && rx > 70, "{lx} {rx}");

    // The summary says what the engine found.
    let corpus = Corpus::embedded().articles;
    let (a, b) = (&corpus[0], &corpus[1]);
    let cmp = compare(a, &find_quotes(a), b, &find_quotes(b));
    assert!(cmp.groups.count >= 1, "the fixture pair shares a statement");
    let summary = screen.lines().next().unwrap();
    let statements = if cmp.groups.count == 1 {
        "statement"
    } else {
        "statements"
    };
    for part in [
        format!("{} shared {statements}", cmp.groups.count),
        format!("{} quotations only left", cmp.left_only.len()),
        format!("{} only right", cmp.right_only.len()),
        format!(
            "speakers: {} in both, {} only left, {} only right",
            cmp.speakers.both.len(),
            cmp.speakers.left_only.len(),
            cmp.speakers.right_only.len()
        ),
    ] {
        assert!(summary.contains(&part), "{part:?} not in {summary:?}");
    }
    assert!(
        summary.contains("1 shared statement (2 pairs)"),
        "{summary}"
    );

    // Statement 1 is numbered beside its quotations in both gutters.
    let c = app.compare().unwrap();
    let pair = c.comparison.pairs[0];
    for (side, i) in [(Side::Left, pair.left), (Side::Right, pair.right)] {
        let y = quote_row(&app, side, i).expect("the paired quotation is on screen");
        assert_eq!(gutter(&app, &buf, side, y), ("1".into(), "▌".into()));
        let x = app.compare_geometry().unwrap().areas(side).body.x;
        let row = row_text(&buf, y, x, x + 68);
        assert!(row.contains(&opening(&app, side, i)), "{row}");
        assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
        assert_eq!(buf[(x, y)].bg, Theme::dark().group_marker.bg.unwrap());
    }
    // Quotations nobody else has get a bar but no number.
    let lonely = c.comparison.left_only[0];
    if let Some(y) = quote_row(&app, Side::Left, lonely) {
        assert_eq!(gutter(&app, &buf, Side::Left, y).0, " ");
    }
    // The reader's highlights are there: quotation style, speaker names.
    let (qx, qy) = at(&buf, "“This engagement");
    assert!(buf[(qx + 2, qy)].modifier.contains(Modifier::ITALIC));
    assert!(screen.contains("▌Sergey Lavrov 2"), "{screen}");
    assert!(screen.contains("left pane · in sync"), "{screen}");
}

#[test]
fn brackets_put_each_pair_side_by_side_on_one_row() {
    let mut app = comparing(140, 40);
    let pairs = app.compare().unwrap().comparison.pairs.clone();
    assert_eq!(pairs.len(), 2);
    for (k, pair) in pairs.iter().enumerate() {
        keys(&mut app, "]");
        let msg = app.message.clone().unwrap_or_default();
        assert!(
            msg.starts_with(&format!("Pair {} of 2 · shared statement 1", k + 1)),
            "{msg}"
        );
        let buf = draw(&app);
        let l = quote_row(&app, Side::Left, pair.left).expect("left quotation on screen");
        let r = quote_row(&app, Side::Right, pair.right).expect("right quotation on screen");
        assert_eq!(l, r, "pair {k} not on one row:\n{}", text(&buf));
        // Near the top of the panes, marked with the number and an arrow.
        let body = app.compare_geometry().unwrap().left.body;
        assert!(l <= body.y + 2, "{l}");
        for side in [Side::Left, Side::Right] {
            assert_eq!(gutter(&app, &buf, side, l), ("1".into(), "▶".into()));
        }
        let lx = app.compare_geometry().unwrap().left.text.x;
        assert!(row_text(&buf, l, lx, lx + 64).contains(&opening(&app, Side::Left, pair.left)));
    }
    // Past the last pair: a message, no move.
    let scroll = app.compare().unwrap().left.scroll;
    keys(&mut app, "]");
    assert!(app.message.clone().unwrap().contains("none below"));
    assert_eq!(app.compare().unwrap().left.scroll, scroll);
    // [ goes back to the first.
    keys(&mut app, "[");
    assert!(app.message.clone().unwrap().starts_with("Pair 1 of 2"));
    let buf = draw(&app);
    assert!(text(&buf).contains("1▶ “This engagement"), "{}", text(&buf));
}

#[test]
fn a_pair_shares_a_row_even_when_headers_or_lengths_differ() {
    // 160 columns: one title wraps, the other does not, so the bodies
    // start on different rows. 60 rows: the short article cannot scroll
    // its quotation to the top, so the long one comes down to meet it.
    for (w, h) in [(160, 40), (140, 60), (100, 24)] {
        let mut app = comparing(w, h);
        let g = app.compare_geometry().unwrap();
        let pair = app.compare().unwrap().comparison.pairs[0];
        keys(&mut app, "]");
        let buf = draw(&app);
        let l = quote_row(&app, Side::Left, pair.left);
        let r = quote_row(&app, Side::Right, pair.right);
        assert!(
            l.is_some() && l == r,
            "{w}x{h}: {l:?} {r:?}\n{}",
            text(&buf)
        );
        let y = l.unwrap();
        for side in [Side::Left, Side::Right] {
            assert_eq!(gutter(&app, &buf, side, y).1, "▶", "{w}x{h}");
        }
        if (w, h) == (160, 40) {
            assert_ne!(g.left.body.y, g.right.body.y, "the headers should differ");
        }
    }
}

#[test]
fn scrolling_is_synchronised_until_s_and_then_each_pane_scrolls_alone() {
    let mut app = comparing(140, 40);
    let buf = draw(&app);
    let (l0, r0) = (
        top_row(&app, &buf, Side::Left),
        top_row(&app, &buf, Side::Right),
    );

    // In sync: three lines down moves both panes three lines.
    keys(&mut app, "jjj");
    let c = app.compare().unwrap();
    assert_eq!((c.left.scroll, c.right.scroll), (3, 3));
    let buf = draw(&app);
    let (l1, r1) = (
        top_row(&app, &buf, Side::Left),
        top_row(&app, &buf, Side::Right),
    );
    assert!(l1 != l0 && r1 != r0, "both panes should have moved");

    // S: only the active (left) pane moves.
    keys(&mut app, "S");
    assert_eq!(app.message.as_deref(), Some("Each pane scrolls on its own"));
    keys(&mut app, "<C-d>");
    let buf = draw(&app);
    assert_ne!(top_row(&app, &buf, Side::Left), l1);
    assert_eq!(top_row(&app, &buf, Side::Right), r1);
    assert!(text(&buf).contains("left pane · apart"));

    // Tab: the right pane has the keys (thick border) and moves alone.
    keys(&mut app, "<tab>");
    let left_top = top_row(&app, &draw(&app), Side::Left);
    keys(&mut app, "j");
    let buf = draw(&app);
    assert_eq!(top_row(&app, &buf, Side::Left), left_top);
    assert_ne!(top_row(&app, &buf, Side::Right), r1);
    let right = app.compare_geometry().unwrap().right.body;
    assert_eq!(buf[(right.x - 1, right.y - 1)].symbol(), "┃");
    assert!(text(&buf).contains("right pane · apart"));

    // The wheel scrolls the pane under the pointer, the other one too
    // once in sync again.
    let c = app.compare().unwrap();
    let (ls, rs) = (c.left.scroll, c.right.scroll);
    act(
        &mut app,
        &[Action::ScrollAt {
            x: 10,
            y: 20,
            lines: 3,
        }],
    );
    let c = app.compare().unwrap();
    assert_eq!((c.left.scroll, c.right.scroll), (ls + 3, rs));
    act(
        &mut app,
        &[
            Action::ToggleSyncScroll,
            Action::ScrollAt {
                x: 100,
                y: 20,
                lines: -3,
            },
        ],
    );
    let c = app.compare().unwrap();
    assert_eq!((c.left.scroll, c.right.scroll), (ls, rs - 3));
    // g and G take both panes to their top and their end.
    keys(&mut app, "G");
    let buf = draw(&app);
    assert!(text(&buf).contains("109/109 · 100%") && text(&buf).contains("59/59 · 100%"));
    keys(&mut app, "g");
    let c = app.compare().unwrap();
    assert_eq!((c.left.scroll, c.right.scroll), (0, 0));
}

#[test]
fn the_table_shows_each_pair_with_its_word_diff() {
    let mut app = comparing(140, 40);
    keys(&mut app, "t");
    assert_eq!(app.compare().unwrap().mode, CompareMode::Table);
    let buf = draw(&app);
    let screen = text(&buf);
    insta::assert_snapshot!("compare_table_140x40", screen);
    assert!(
        screen.contains("Shared statements: 1 (2 pairs)"),
        "{screen}"
    );
    assert!(screen.contains("Only in the left article: 18"), "{screen}");
    assert!(screen.contains("struck only left · underlined only right"));
    assert!(
        screen.contains(" table  j row  Enter show in panes"),
        "{screen}"
    );

    let t = Theme::dark();
    // Left: "This engagement will strengthen," — "engagement" is not in
    // the right wording: struck through, in the deletion colour.
    let (x, y) = at(&buf, "“This engagement will strengthen,”");
    let deleted = &buf[(x + "“This ".chars().count() as u16, y)];
    assert_eq!(deleted.symbol(), "e");
    assert!(
        deleted.modifier.contains(Modifier::CROSSED_OUT),
        "{deleted:?}"
    );
    assert!(!deleted.modifier.contains(Modifier::UNDERLINED));
    assert_eq!(deleted.fg, t.diff_delete.fg.unwrap());
    // Words both print are plain.
    let same = &buf[(x + 1, y)];
    assert_eq!(same.symbol(), "T");
    assert!(
        !same
            .modifier
            .intersects(Modifier::CROSSED_OUT | Modifier::UNDERLINED)
    );
    // Right, on the same row: the words only it has are underlined.
    let (rx, ry) = at(&buf, "“This [Russia-China] cooperation");
    assert_eq!(ry, y, "the two wordings are side by side");
    let inserted = &buf[(rx + "“This ".chars().count() as u16, ry)];
    assert_eq!(inserted.symbol(), "[");
    assert!(
        inserted.modifier.contains(Modifier::UNDERLINED),
        "{inserted:?}"
    );
    assert!(!inserted.modifier.contains(Modifier::CROSSED_OUT));
    assert_eq!(inserted.fg, t.diff_insert.fg.unwrap());
    // Unpaired quotations follow, each under its speaker, with no diff.
    let (ux, uy) = at(&buf, "“to demand that these countries");
    assert!(!buf[(ux + 4, uy)].modifier.contains(Modifier::CROSSED_OUT));
}

#[test]
fn enter_in_the_table_goes_back_to_the_panes_at_that_row() {
    let mut app = comparing(140, 40);
    let pairs = app.compare().unwrap().comparison.pairs.clone();
    // The second pair's row.
    keys(&mut app, "tj");
    let buf = draw(&app);
    let (_, head) = at(&buf, "Sergei Lavrov · ¶4");
    assert_eq!(
        buf[(10, head)].bg,
        Theme::dark().selection.bg.unwrap(),
        "the cursor row is highlighted"
    );
    keys(&mut app, "<enter>");
    let c = app.compare().unwrap();
    assert_eq!(c.mode, CompareMode::Panes);
    assert_eq!(c.pair_cursor, Some(1));
    let buf = draw(&app);
    let l = quote_row(&app, Side::Left, pairs[1].left).unwrap();
    let r = quote_row(&app, Side::Right, pairs[1].right).unwrap();
    assert_eq!(l, r);
    assert_eq!(gutter(&app, &buf, Side::Left, l).1, "▶");
    assert!(
        text(&buf).contains("1▶ “In the conditions"),
        "{}",
        text(&buf)
    );
    // t again opens the table at that pair; Esc in the table goes back
    // to the panes, Esc in the panes back to the list.
    keys(&mut app, "t");
    assert_eq!(app.compare().unwrap().table.cursor, 1);
    // A row of quotations only the left article has: Enter shows it there.
    keys(&mut app, "j<enter>");
    let c = app.compare().unwrap();
    let only = c.comparison.left_only[0];
    assert_eq!((c.active, c.left.cursor), (Side::Left, Some(only)));
    let buf = draw(&app);
    let y = quote_row(&app, Side::Left, only).expect("shown in the left pane");
    assert_eq!(gutter(&app, &buf, Side::Left, y).1, "▶");
    keys(&mut app, "t<esc>");
    assert_eq!(app.compare().unwrap().mode, CompareMode::Panes);
    keys(&mut app, "<esc>");
    assert!(app.compare().is_none());
    assert_eq!(app.focus, Focus::List);
    let screen = text(&draw(&app));
    assert!(screen.contains("Articles (5)"), "{screen}");
    assert!(screen.contains("● Cooperation"), "the mark stays: {screen}");
}

#[test]
fn narrow_terminals_stack_the_panes() {
    let mut app = comparing(90, 40);
    let buf = draw(&app);
    let screen = text(&buf);
    insta::assert_snapshot!("compare_stacked_90x40", screen);
    let (lx, ly) = at(&buf, "Cooperation between Russia and China");
    let (rx, ry) = at(&buf, "After Biden-Xi call");
    assert_eq!(lx, rx, "one above the other");
    assert!(ly < ry);
    let summary = screen.lines().next().unwrap();
    assert!(
        summary.contains("only top") && summary.contains("only bottom"),
        "{summary}"
    );
    assert!(screen.contains("top pane · in sync"));
    // Each pane shows its quotation of the pair near its own top.
    keys(&mut app, "]");
    let g = app.compare_geometry().unwrap();
    assert!(!g.side_by_side);
    let pair = app.compare().unwrap().comparison.pairs[0];
    let l = quote_row(&app, Side::Left, pair.left).unwrap();
    let r = quote_row(&app, Side::Right, pair.right).unwrap();
    assert!(l <= g.left.body.y + 1 && r <= g.right.body.y + 1, "{l} {r}");
    // The table stacks the two wordings of a pair below 60 columns.
    app.update(Action::Resize {
        width: 50,
        height: 40,
    });
    keys(&mut app, "t");
    let buf = draw(&app);
    let (_, top) = at(&buf, "“This engagement");
    let (_, bottom) = at(&buf, "“This [Russia-China]");
    assert!(top < bottom, "{}", text(&buf));
}

#[test]
fn every_size_down_to_one_cell_draws_without_panicking() {
    let mut app = comparing(140, 40);
    keys(&mut app, "]");
    for w in 1..=30 {
        for h in 1..=12 {
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            for a in [
                Action::NextQuote,
                Action::ToggleCompareTable,
                Action::Down,
                Action::ToggleHelp,
                Action::ToggleHelp,
                Action::Open,
                Action::FocusNext,
            ] {
                app.update(a);
                let _ = draw(&app);
            }
        }
    }
    app.update(Action::Resize {
        width: 20,
        height: 5,
    });
    let screen = text(&draw(&app));
    assert_eq!(screen.lines().next(), Some("Too small: need 24×6"));
    // Back to a real size, still comparing.
    app.update(Action::Resize {
        width: 140,
        height: 40,
    });
    assert!(text(&draw(&app)).contains("After Biden-Xi call"));
}

#[test]
fn no_color_draws_no_colour_and_keeps_every_distinction() {
    let mut app = comparing(140, 40);
    app.theme = Theme::monochrome();
    let no_colour = |buf: &Buffer| {
        for cell in buf.content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
        }
    };
    keys(&mut app, "]");
    let buf = draw(&app);
    no_colour(&buf);
    // The number stands out by reverse video, the pair by bold.
    let pair = app.compare().unwrap().comparison.pairs[0];
    let y = quote_row(&app, Side::Left, pair.left).unwrap();
    let x = app.compare_geometry().unwrap().left.body.x;
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    keys(&mut app, "t");
    let buf = draw(&app);
    no_colour(&buf);
    let (x, y) = at(&buf, "“This engagement");
    let deleted = buf[(x + 6, y)].modifier;
    let (rx, ry) = at(&buf, "“This [Russia-China]");
    let inserted = buf[(rx + 6, ry)].modifier;
    assert!(deleted.contains(Modifier::CROSSED_OUT) && !deleted.contains(Modifier::UNDERLINED));
    assert!(inserted.contains(Modifier::UNDERLINED) && !inserted.contains(Modifier::CROSSED_OUT));
    // The cursor row is in reverse video, not in a colour.
    let (_, head) = at(&buf, "Sergei Lavrov · ¶3");
    assert!(buf[(10, head)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn c_with_nothing_marked_asks_for_the_second_article() {
    let mut app = App::with_articles(Corpus::embedded().articles, 100, 30);
    keys(&mut app, "c");
    assert!(app.compare().is_none());
    let msg = app.message.clone().unwrap();
    assert!(msg.starts_with("Compare with which article?"), "{msg}");
    assert_eq!(app.marked, Some(0));
    // c on the marked one again: pick another.
    keys(&mut app, "c");
    assert!(app.message.clone().unwrap().contains("select another"));
    keys(&mut app, "jjc");
    let c = app.compare().expect("compared");
    assert_eq!((c.left.article, c.right.article), (0, 2));
    let screen = text(&draw(&app));
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .starts_with(" 0 shared · 20 only left"),
        "{screen}"
    );
    // Without shared statements, ] says so.
    keys(&mut app, "]");
    assert_eq!(
        app.message.as_deref(),
        Some("No statement is quoted in both articles")
    );
    // Space on the marked article unmarks it.
    keys(&mut app, "<esc>g<space>");
    assert_eq!(app.marked, None);
    assert!(!text(&draw(&app)).contains('●'));
}

#[test]
fn the_help_lists_the_comparison_keys() {
    let mut app = comparing(140, 72);
    keys(&mut app, "?");
    let screen = text(&draw(&app));
    for line in [
        "Comparing two articles",
        "Space                     mark / unmark the article to compare",
        "c                         compare the marked article with this one",
        "S                         scroll the two panes together / apart",
        "t                         quotation table with word diff / panes",
        "while comparing:",
        "  ]                       next shared statement, side by side",
        "  Enter l →               in the table: show that row in the panes",
    ] {
        assert!(screen.contains(line), "help lacks {line:?}:\n{screen}");
    }
    // The comparison is still there under the help.
    keys(&mut app, "<esc>");
    assert!(app.compare().is_some() && app.overlay.is_none());
}

#[test]
fn quotations_not_found_yet_are_found_for_the_comparison() {
    // Ordinary articles: found on the spot, the view opens at once.
    let mut app = App::new(Theme::dark(), KeyMap::default(), 140, 40);
    app.update(Msg::Load(LoadEvent::Batch {
        articles: Corpus::embedded().articles,
        problems: Vec::new(),
    }));
    let _ = app.take_effects();
    keys(&mut app, "<space>jc");
    assert!(app.compare().is_some());
    assert!(app.quotes[0].is_some() && app.quotes[1].is_some());

    // A long article: asked of the quotations thread, opened on arrival.
    let body = "Plain words of a long report, sentence after sentence. ".repeat(400);
    let text: String = std::iter::once("A very long report\n\n".to_string())
        .chain((0..60).map(|_| format!("{body}\n\n")))
        .collect();
    assert!(text.len() > INLINE_QUOTES_MAX_BYTES);
    let big = saidso::corpus::assemble::article_from_bytes(
        "big.txt".into(),
        Origin::Embedded,
        text.as_bytes(),
    );
    let small: Article = Corpus::embedded().articles[0].clone();
    let mut app = App::new(Theme::dark(), KeyMap::default(), 140, 40);
    app.update(Msg::Load(LoadEvent::Batch {
        articles: vec![small, big],
        problems: Vec::new(),
    }));
    let _ = app.take_effects();
    keys(&mut app, "<space>jc");
    assert!(app.compare().is_none());
    assert_eq!(
        app.message.as_deref(),
        Some("Finding quotations to compare…")
    );
    assert!(app.take_effects().contains(&Effect::FindQuotes(1)));
    app.update(Msg::quotes_from(
        1,
        vec![Arc::new(ArticleQuotes::default())],
    ));
    // So long an article is compared on a thread: play the runtime's part.
    assert!(app.compare().is_none());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("Comparing"))
    );
    let job = app
        .take_effects()
        .into_iter()
        .find_map(|e| match e {
            Effect::Compare(job) => Some(job),
            _ => None,
        })
        .expect("the comparison is handed to a thread");
    let prepared = job.run().expect("not cancelled");
    app.update(Msg::Compared(job.generation, Box::new(prepared)));
    assert!(app.compare().is_some(), "opens when the comparison is made");
    assert!(text_of(&app).contains("A very long report"));
}

fn text_of(app: &App) -> String {
    text(&draw(app))
}

#[test]
fn the_mouse_picks_a_pane_or_a_table_row() {
    let mut app = comparing(140, 40);
    act(&mut app, &[Action::ClickAt { x: 100, y: 20 }]);
    assert_eq!(app.compare().unwrap().active, Side::Right);
    assert!(text(&draw(&app)).contains("right pane · in sync"));

    keys(&mut app, "t");
    let buf = draw(&app);
    let (x, y) = at(&buf, "Sergei Lavrov · ¶5");
    act(&mut app, &[Action::ClickAt { x, y: y + 1 }]);
    let c = app.compare().unwrap();
    assert_eq!(c.table.cursor, 2, "the first row only the left article has");
    act(&mut app, &[Action::ScrollAt { x, y, lines: 3 }]);
    assert_eq!(app.compare().unwrap().table.cursor, 3);
    keys(&mut app, "<enter>");
    let c = app.compare().unwrap();
    assert_eq!(c.left.cursor, Some(c.comparison.left_only[1]));
}

/// Two long articles: the comparison runs on a thread, Esc cancels it at
/// once, and a result that comes after is dropped.
#[test]
fn a_long_comparison_can_be_left_before_it_is_done() {
    let long = |tag: &str| {
        let mut text = format!("Long report {tag}\n\n");
        while text.len() < 700_000 {
            text.push_str("“The talks went on,” a spokesperson said on Monday.\n\n");
        }
        saidso::corpus::assemble::article_from_bytes(
            format!("{tag}.txt"),
            Origin::Embedded,
            text.as_bytes(),
        )
    };
    let (a, b) = (long("a"), long("b"));
    let (qa, qb) = (find_quotes(&a), find_quotes(&b));
    let mut app = App::new(Theme::dark(), KeyMap::default(), 140, 40);
    app.update(Msg::Load(LoadEvent::Batch {
        articles: vec![a, b],
        problems: Vec::new(),
    }));
    app.update(Msg::quotes_from(0, vec![Arc::new(qa), Arc::new(qb)]));
    let _ = app.take_effects();
    keys(&mut app, "<space>jc");
    let job = app
        .take_effects()
        .into_iter()
        .find_map(|e| match e {
            Effect::Compare(job) => Some(job),
            _ => None,
        })
        .expect("a job for the runtime");
    assert!(app.compare().is_none(), "the reader does not wait for it");
    keys(&mut app, "<esc>");
    assert_eq!(app.take_effects(), [Effect::CancelCompare]);
    assert_eq!(app.message.as_deref(), Some("Comparison cancelled"));
    // The thread's answer, if it comes anyway, changes nothing.
    let prepared = job.run().expect("the flag is the runtime's to set");
    app.update(Msg::Compared(job.generation, Box::new(prepared)));
    assert!(app.compare().is_none());
}

/// Sergei Lavrov (left, 000) and Sergey Lavrov (right, 001) are one person:
/// one colour on both sides.
#[test]
fn one_speaker_has_one_colour_on_both_sides() {
    let app = comparing(140, 40);
    let c = app.compare().unwrap();
    assert!(!c.comparison.speakers.both.is_empty());
    for &(l, r) in &c.comparison.speakers.both {
        assert_eq!(
            c.left.quotes.slots[l.0], c.right.quotes.slots[r.0],
            "{} / {}",
            c.left.quotes.found.speakers[l.0].name, c.right.quotes.found.speakers[r.0].name
        );
    }
}
