//! What `y`, `e` and `o` take out of each view, through `App::update`
//! and the effects it queues (the runtime's side is in pty_take_out).

use saidso::corpus::{Article, Corpus};
use saidso::quotes::{Citation, find_quotes};
use saidso::tui::app::App;
use saidso::tui::app::compare::Side;
use saidso::tui::effect::Effect;
use saidso::tui::external::{Program, Target};

use crate::support::keys::keys;

fn bundled(width: u16, height: u16) -> App {
    App::with_articles(Corpus::embedded().articles, width, height)
}

fn cite(a: &Article, i: usize) -> String {
    Citation::of(a, &find_quotes(a), i).unwrap().to_string()
}

/// The texts the last actions asked the runtime to copy.
fn copied(app: &mut App) -> Vec<String> {
    app.take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::Copy(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[test]
fn the_reader_copies_the_quotation_gone_to_else_the_first_on_screen() {
    let mut app = bundled(120, 35);
    let a = app.articles[0].clone();
    app.take_effects();
    // Nothing gone to: the first quotation on screen.
    keys(&mut app, "<enter>y");
    assert_eq!(copied(&mut app), [cite(&a, 0)]);
    let msg = app.message.clone().unwrap();
    assert_eq!(
        msg,
        format!(
            "Copied quotation by Sergei Lavrov ({} chars)",
            cite(&a, 0).chars().count()
        )
    );
    // ] ] goes to the second.
    keys(&mut app, "]]y");
    assert_eq!(copied(&mut app), [cite(&a, 1)]);
    // Scrolled far past it: the cursor no longer counts.
    keys(&mut app, "Gy");
    let last = copied(&mut app);
    assert_eq!(last.len(), 1);
    assert_ne!(last[0], cite(&a, 1));
    // Other keys copy nothing.
    keys(&mut app, "gj]");
    assert!(copied(&mut app).is_empty());
}

#[test]
fn the_speakers_view_copies_the_selected_quotation() {
    let mut app = bundled(120, 35);
    keys(&mut app, "s<tab>j");
    app.take_effects();
    keys(&mut app, "y");
    let v = app.speakers_view().unwrap();
    let ix = app.speakers.as_ref().unwrap();
    let r = ix.speakers[v.selected_speaker().unwrap()].quotes[1];
    let expected = cite(&app.articles[r.article], r.quote);
    assert!(
        expected.contains("— Sergei Lavrov (via TASS), in "),
        "{expected}"
    );
    assert_eq!(copied(&mut app), [expected]);
}

#[test]
fn comparing_copies_the_selected_statement_from_the_active_side() {
    let mut app = bundled(140, 40);
    keys(&mut app, "<space>jc");
    keys(&mut app, "]");
    app.take_effects();
    let c = app.compare().unwrap();
    let pair = c.comparison.pairs[c.pair_cursor.unwrap()];
    let (left, right) = (c.left.article, c.right.article);
    keys(&mut app, "y");
    assert_eq!(copied(&mut app), [cite(&app.articles[left], pair.left)]);
    // The other pane, then the table's row under the cursor.
    keys(&mut app, "<tab>y");
    assert_eq!(app.compare().unwrap().active, Side::Right);
    assert_eq!(copied(&mut app), [cite(&app.articles[right], pair.right)]);
    keys(&mut app, "ty");
    let c = app.compare().unwrap();
    let row = c.table.rows[c.table.cursor];
    let (l, r) = c.row_quotes(row);
    let expected = match r {
        Some(j) => cite(&app.articles[right], j),
        None => cite(&app.articles[left], l.unwrap()),
    };
    assert_eq!(copied(&mut app), [expected]);
}

#[test]
fn e_and_o_open_the_article_or_a_copy_of_one_with_no_file() {
    let mut app = bundled(120, 35);
    app.take_effects();
    keys(&mut app, "jeo");
    let opens: Vec<_> = app
        .take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::Open(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(opens.len(), 2);
    assert!(
        opens[0].line.is_some_and(|l| l <= 3),
        "from the top of the article"
    );
    assert_eq!(opens[0].program, Program::Editor);
    assert_eq!(opens[1].program, Program::Pager);
    match &opens[0].target {
        Target::Copy { name, text, why } => {
            assert_eq!(name, &app.articles[1].path);
            assert_eq!(text.as_str(), &*app.articles[1].text);
            assert_eq!(why, "a bundled article");
        }
        other => panic!("a bundled article has no file: {other:?}"),
    }
}

#[test]
fn nothing_to_copy_or_open_says_so() {
    let mut app = App::with_articles(Vec::new(), 120, 35);
    keys(&mut app, "y");
    assert_eq!(app.message.as_deref(), Some("No quotation to copy here"));
    keys(&mut app, "e");
    assert_eq!(app.message.as_deref(), Some("No article to open"));
    assert!(
        !app.take_effects()
            .iter()
            .any(|e| matches!(e, Effect::Copy(_) | Effect::Open(_)))
    );
}

#[test]
fn e_opens_at_the_line_on_top_of_the_reader() {
    let mut app = bundled(120, 35);
    keys(&mut app, "<enter><C-d><C-d>");
    app.take_effects();
    keys(&mut app, "e");
    let line = app
        .take_effects()
        .into_iter()
        .find_map(|e| match e {
            Effect::Open(r) => r.line,
            _ => None,
        })
        .expect("a line");
    let top = app.top_position().unwrap().offset;
    let a = &app.articles[0];
    let start_of_line = a
        .text
        .split('\n')
        .take(line - 1)
        .map(|l| l.len() + 1)
        .sum::<usize>();
    let end_of_line = start_of_line + a.text[start_of_line..].find('\n').unwrap_or(0);
    assert!(line > 1);
    assert!(
        (start_of_line..=end_of_line).contains(&top),
        "line {line}, top {top}"
    );
}
