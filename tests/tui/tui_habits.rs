//! Habits users bring from less, vim and newsboat, pressed as keys.

use saidso::corpus::Corpus;
use saidso::tui::app::{App, Overlay};
use saidso::tui::layout::Focus;

use crate::support::keys::keys;

fn seeds_app(width: u16, height: u16) -> App {
    App::with_articles(Corpus::embedded().articles, width, height)
}

#[test]
fn q_closes_the_help_and_the_problems_box_and_ctrl_c_still_quits() {
    let mut app = seeds_app(100, 30);
    keys(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    keys(&mut app, "q");
    assert!(app.overlay.is_none(), "q closes the help, as in less");
    assert!(!app.quit);
    keys(&mut app, "!q");
    assert!(app.overlay.is_none() && !app.quit, "and the problems box");
    keys(&mut app, "?<C-c>");
    assert!(app.quit, "Ctrl-c quits from anywhere");
}

#[test]
fn arrow_keys_move_between_the_list_and_the_reader_like_h_and_l() {
    let mut app = seeds_app(100, 30);
    assert_eq!(app.focus, Focus::List);
    keys(&mut app, "<right>");
    assert_eq!(app.focus, Focus::Reader);
    keys(&mut app, "<left>");
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn q_twice_comes_back_to_the_same_line() {
    let mut app = seeds_app(100, 30);
    keys(&mut app, "<enter><C-d><C-d>j");
    let at = app.reader.scroll;
    assert!(at > 0);
    keys(&mut app, "Q");
    assert!(app.reader.quotes_only);
    keys(&mut app, "Q");
    assert!(!app.reader.quotes_only);
    assert_eq!(app.reader.scroll, at, "back where the reader was");
    // Moved in between: the view follows the quotation instead.
    keys(&mut app, "QjjQ");
    assert!(!app.reader.quotes_only);
}

#[test]
fn ctrl_z_asks_the_runtime_to_suspend() {
    let mut app = seeds_app(100, 30);
    let _ = app.take_effects();
    keys(&mut app, "<C-z>");
    assert_eq!(app.take_effects(), [saidso::tui::effect::Effect::Suspend]);
    assert!(!app.quit);
}

#[test]
fn u_goes_to_the_next_unread_article_and_m_marks_the_list_read() {
    let mut app = seeds_app(100, 30);
    keys(&mut app, "<enter>h");
    let first = app.current().unwrap().content_hash;
    assert!(app.reading.is_read(first), "opening reads it");
    keys(&mut app, "jj<enter>hgu");
    assert_eq!(app.selected, 1, "0 and 2 are read: 1 is next");
    keys(&mut app, "u");
    assert_eq!(app.selected, 3);
    keys(&mut app, "M");
    assert_eq!(app.message.as_deref(), Some("Marked 3 articles read"));
    keys(&mut app, "u");
    assert_eq!(app.message.as_deref(), Some("No unread articles"));
    assert_eq!(app.selected, 3, "nowhere to go");
}

#[test]
fn m_marks_an_article_unread_and_it_stays_so_while_on_screen() {
    let mut app = seeds_app(100, 30);
    keys(&mut app, "<enter>");
    let first = app.current().unwrap().content_hash;
    assert!(app.reading.is_read(first));
    keys(&mut app, "m");
    assert_eq!(app.message.as_deref(), Some("Marked unread"));
    assert!(!app.reading.is_read(first));
    // Still in the reading pane, scrolling: not read again behind the
    // user's back.
    keys(&mut app, "<C-d>jj");
    assert!(!app.reading.is_read(first), "kept unread while on screen");
    keys(&mut app, "hGu");
    assert_eq!(app.selected, 0, "next unread finds it, round to the top");
    // Opened again after another article was on screen: read.
    keys(&mut app, "j<enter>hk<enter>");
    assert!(app.reading.is_read(first));
    // From the list, m marks read an article never opened.
    keys(&mut app, "hGm");
    assert_eq!(app.message.as_deref(), Some("Marked read"));
    assert!(app.reading.is_read(app.current().unwrap().content_hash));
    // What the writer is handed says unread too, for the state file.
    keys(&mut app, "m");
    let changes = app.take_reading_changes();
    let last = app.current().unwrap().content_hash;
    assert!(
        changes
            .article(last)
            .is_some_and(|a| !a.read && a.read_at > 0)
    );
}

#[test]
fn d_lists_by_date_newest_then_oldest_then_as_loaded() {
    use saidso::corpus::Origin;
    use saidso::corpus::assemble::{ArticleFields, article_from_fields};
    let dated = |title: &str, date: Option<&str>| {
        article_from_fields(
            format!("{title}.json"),
            Origin::Embedded,
            ArticleFields {
                title: Some(title.into()),
                body: "Some words of the story.".into(),
                date: date.map(str::to_string),
                ..ArticleFields::default()
            },
        )
    };
    let articles = vec![
        dated("March", Some("2024-03-01")),
        dated("Undated", None),
        dated("July", Some("Mon, 15 Jul 2024 16:24:59 GMT")),
        dated("January", Some("January 11, 2023 Wednesday")),
    ];
    let mut app = App::with_articles(articles, 100, 30);
    let titles = |app: &App| -> Vec<String> {
        app.order
            .iter()
            .map(|&i| app.articles[i].title.clone())
            .collect()
    };
    keys(&mut app, "j");
    assert_eq!(app.current().unwrap().title, "Undated");
    keys(&mut app, "D");
    assert_eq!(titles(&app), ["July", "March", "January", "Undated"]);
    assert_eq!(app.message.as_deref(), Some("By date, newest first"));
    assert_eq!(
        app.current().unwrap().title,
        "Undated",
        "the selection stays"
    );
    keys(&mut app, "D");
    assert_eq!(titles(&app), ["January", "March", "July", "Undated"]);
    keys(&mut app, "D");
    assert_eq!(titles(&app), ["March", "Undated", "July", "January"]);
    assert_eq!(app.message.as_deref(), Some("In the order loaded"));
}

#[test]
fn the_filter_prompt_edits_like_readline() {
    let mut app = seeds_app(110, 30);
    keys(&mut app, "/lavrov china<A-b>@<C-a><C-d>");
    assert_eq!(app.filter.query, "avrov @china");
    keys(&mut app, "<C-e><left><left><C-k>");
    assert_eq!(app.filter.query, "avrov @chi");
    keys(&mut app, "<home><right>");
    assert_eq!(app.filter.query.cursor(), 1);
}

#[test]
fn up_and_down_recall_earlier_queries_on_an_empty_line() {
    let mut app = seeds_app(110, 30);
    keys(&mut app, "/tiger<enter>");
    keys(&mut app, "<esc>/lavrov<enter>");
    assert_eq!(app.history, ["tiger", "lavrov"]);
    assert!(
        app.take_effects()
            .contains(&saidso::tui::effect::Effect::RememberQuery("lavrov".into()))
    );
    keys(&mut app, "<esc>/<up>");
    assert_eq!(app.filter.query, "lavrov");
    keys(&mut app, "<up>");
    assert_eq!(app.filter.query, "tiger");
    keys(&mut app, "<down><down>");
    assert_eq!(app.filter.query, "", "past the newest: an empty line");
    // Once the user types, ↑/↓ move in the list again.
    keys(&mut app, "<up>x");
    let selected = app.selected;
    keys(&mut app, "<down>");
    assert_eq!(app.filter.query, "lavrovx");
    assert!(app.selected >= selected);
}

#[test]
fn pasted_text_goes_into_the_prompt_on_one_line() {
    use crossterm::event::Event;
    let mut app = seeds_app(110, 30);
    keys(&mut app, "/");
    app.update(Event::Paste("tiger\nbell\x1b[2J".into()));
    assert_eq!(app.filter.query, "tiger bell[2J");
    // Outside a prompt a paste does nothing.
    keys(&mut app, "<esc><esc>");
    app.update(Event::Paste("jjj".into()));
    assert_eq!(app.selected, 0);
}

#[test]
fn an_article_changed_on_disk_is_read_again_in_place() {
    use saidso::corpus::Origin;
    use saidso::tui::msg::Msg;
    let mut app = seeds_app(100, 30);
    keys(&mut app, "<enter><C-d>");
    let top = app.top_position().unwrap();
    let mut changed = app.articles[0].clone();
    let text = format!("{}\n\nA paragraph added at the end.\n", changed.text);
    changed = saidso::corpus::assemble::article_from_bytes(
        changed.path.clone(),
        Origin::Embedded,
        text.as_bytes(),
    );
    app.update(Msg::Reloaded(0, Box::new(changed)));
    assert!(
        app.articles[0]
            .text
            .ends_with("A paragraph added at the end.\n")
            || app.articles[0]
                .text
                .ends_with("A paragraph added at the end.")
    );
    assert!(app.message.as_deref().unwrap().contains("changed on disk"));
    assert_eq!(app.top_position().unwrap().offset, top.offset, "same place");
    // The library is told, to find its quotations, speakers and filter
    // index anew.
    let told = app.take_effects().into_iter().any(|e| {
        matches!(e, saidso::tui::effect::Effect::Replace(r)
            if r.id == 0 && r.article.content_hash == app.articles[0].content_hash)
    });
    assert!(told);
    keys(&mut app, "G");
    let s = crate::support::screen::text(&crate::support::screen::draw(&app));
    assert!(s.contains("A paragraph added at the end."), "{s}");
}

#[test]
fn slash_in_the_reader_finds_in_this_article_and_the_list_filter_stays() {
    let mut app = seeds_app(110, 30);
    keys(&mut app, "<enter>/lavrov");
    assert!(app.find.editing);
    assert!(!app.filter.active(), "the corpus filter is untouched");
    assert_eq!(app.order.len(), 5);
    let found = app.shown_matches().unwrap().len();
    assert!(found >= 2, "{found}");
    let s = crate::support::screen::text(&crate::support::screen::draw(&app));
    assert!(s.contains("/lavrov"), "{s}");
    assert!(
        s.contains(&format!("{found} matching paragraphs in this article")),
        "{s}"
    );
    keys(&mut app, "<enter>");
    assert!(!app.find.editing);
    assert!(
        app.message.as_deref().is_some_and(|m| m.contains("match")),
        "{:?}",
        app.message
    );
    keys(&mut app, "n");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains(&format!("of {found}")))
    );
    // Esc clears the find first, then goes back to the list.
    keys(&mut app, "<esc>");
    assert!(!app.find.active());
    assert_eq!(app.focus, saidso::tui::layout::Focus::Reader);
    // In the list, / filters the corpus as before.
    keys(&mut app, "<esc>/tiger bell");
    assert!(app.filter.editing && !app.find.editing);
    assert_eq!(app.filter.query, "tiger bell");
}

/// Long articles keep their layouts between moves; what changes a layout
/// (quotations only, width) still changes what is shown.
/// An article of 300 KB (long enough to be laid out on a thread) with
/// its quotations, and a bundled one after it.
fn long_article_app() -> App {
    use saidso::corpus::{Origin, assemble::article_from_bytes};
    use saidso::quotes::find_quotes;
    use saidso::tui::msg::Msg;
    use std::sync::Arc;
    let mut text = String::from("Long report\n\n");
    while text.len() < 300_000 {
        text.push_str("Plain words about the talks go on here.\n\n“We will talk again,” the minister said.\n\n");
    }
    let long = article_from_bytes("long.txt".into(), Origin::Embedded, text.as_bytes());
    let quotes = Arc::new(find_quotes(&long));
    let mut app = App::new(
        saidso::tui::theme::Theme::dark(),
        saidso::tui::keymap::KeyMap::default(),
        100,
        30,
    );
    app.update(Msg::Load(saidso::corpus::LoadEvent::Batch {
        articles: vec![long, Corpus::embedded().articles[0].clone()],
        problems: Vec::new(),
    }));
    app.update(Msg::quotes_from(0, vec![quotes]));
    app
}

/// The keys, then the layouts they asked for, as the runtime's thread
/// would make them.
fn keys_laid_out(app: &mut App, script: &str) {
    keys(app, script);
    app.run_layout_jobs();
}

#[test]
fn a_long_articles_kept_layout_follows_what_it_depends_on() {
    let mut app = long_article_app();
    keys_laid_out(&mut app, "<enter>");
    let whole = app.reader.layout.as_ref().unwrap().lines.len();
    keys_laid_out(&mut app, "Q");
    let only = app.reader.layout.as_ref().unwrap().lines.len();
    assert!(only < whole, "{only} {whole}");
    keys_laid_out(&mut app, "Qhjk");
    assert_eq!(app.reader.layout.as_ref().unwrap().lines.len(), whole);
    app.update(saidso::tui::action::Action::Resize {
        width: 60,
        height: 30,
    });
    app.run_layout_jobs();
    assert!(
        app.reader.layout.as_ref().unwrap().lines.len() > whole,
        "narrower, more lines"
    );
}

#[test]
fn a_long_article_is_laid_out_off_the_keys_and_g_waits_for_it() {
    use saidso::tui::effect::Effect;
    use saidso::tui::msg::Msg;
    let mut app = long_article_app();
    app.run_layout_jobs();
    assert!(app.reader.layout.is_some(), "made on the layout thread");
    keys(&mut app, "j");
    assert!(app.reader.layout.is_some(), "a short article's at once");
    keys(&mut app, "k<enter>");
    assert!(app.reader.layout.is_some(), "the long one's was kept");
    assert!(
        !app.take_effects()
            .iter()
            .any(|e| matches!(e, Effect::Layout(_)))
    );

    // A new width: the lines are made on a thread, asked for once, and the
    // reader says so while the keys go on working.
    app.update(saidso::tui::action::Action::Resize {
        width: 90,
        height: 30,
    });
    keys(&mut app, "jjG?<esc>");
    assert!(app.reader.layout.is_none(), "not made on the UI thread");
    let screen = crate::support::screen::text(&crate::support::screen::draw(&app));
    assert!(
        screen.contains("Laying out the article (301 KB)…"),
        "{screen}"
    );
    let mut jobs: Vec<_> = app
        .take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::Layout(job) => Some(job),
            _ => None,
        })
        .collect();
    assert_eq!(jobs.len(), 1, "asked for once, however many keys");
    // It arrives: G, pressed while waiting, took the reader to the end.
    let job = jobs.remove(0);
    app.update(Msg::LaidOut(job.key, std::sync::Arc::new(job.run())));
    let at = app.reader.scroll;
    assert!(at > 0 && at == app.max_reader_scroll(), "{at}");
}
