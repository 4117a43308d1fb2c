//! Wire copies folded in the list: the earliest run stands for its copies
//! with "+N copies" and the outlets, `C` opens them under it with what
//! each changed, and folds them again.

use saidso::corpus::assemble::{ArticleFields, article_from_fields};
use saidso::corpus::{Article, Origin};
use saidso::tui::app::App;

use crate::support::keys::keys;
use crate::support::screen::{draw, text};

const PARAGRAPHS: [&str; 6] = [
    "The harbour authority reopened the northern pier on Monday after divers checked every pile beneath the old timber deck for rot and damage.",
    "Engineers said the winter storms had loosened several beams, and the repairs took eleven weeks longer than the council had first planned for.",
    "Fishing crews who moved to the southern basin during the closure will be allowed back from Wednesday, the harbour master told a meeting.",
    "The council approved a further budget for lighting along the promenade, which residents had asked for since the last of the old lamps failed.",
    "Ferry timetables are unchanged, the operator said, although boats may berth at the northern pier again once the new fenders are fitted.",
    "A public walk along the restored deck is planned for the first weekend of the summer holidays, with stalls run by local schools.",
];

fn article(path: &str, outlet: &str, date: &str, title: &str, paragraphs: &[&str]) -> Article {
    article_from_fields(
        path.into(),
        Origin::Stdin,
        ArticleFields {
            title: Some(title.into()),
            body: paragraphs.join("\n\n"),
            source: Some(outlet.into()),
            date: Some(date.into()),
            ..ArticleFields::default()
        },
    )
}

fn app() -> App {
    let lead = article(
        "wire.txt",
        "Wire",
        "2024-07-15",
        "Northern pier reopens",
        &PARAGRAPHS,
    );
    let mut cut = PARAGRAPHS.to_vec();
    cut.remove(3);
    let copy = article(
        "ledger.txt",
        "Ledger",
        "2024-07-16",
        "Pier back in use after storm repairs",
        &cut,
    );
    let other = article(
        "post.txt",
        "Post",
        "2024-07-16",
        "School choir wins regional prize",
        &[
            "The school choir won the regional prize on Saturday with a programme of folk songs from the islands, the judges said after the final round in the town hall.",
        ],
    );
    App::with_articles(vec![lead, copy, other], 110, 30)
}

#[test]
fn a_copy_is_folded_under_its_lead_and_c_opens_it_with_its_changes() {
    let mut app = app();
    assert_eq!(app.order, [0, 2], "the copy folded under the wire story");
    let screen = text(&draw(&app));
    assert!(screen.contains("▸ +1 copy · Wire, Ledger"), "{screen}");
    assert!(!screen.contains("Pier back in use"), "{screen}");
    keys(&mut app, "C");
    assert_eq!(app.order, [0, 1, 2]);
    let screen = text(&draw(&app));
    assert!(screen.contains("▾ +1 copy"), "{screen}");
    assert!(
        screen.contains("↳ copy: headline changed, 1 par"),
        "{screen}"
    );
    assert_eq!(
        app.copy_fold.row(1, app.copies.as_deref()),
        Some(saidso::tui::app::copy_list::CopyRow::Copy {
            changes: "headline changed, 1 paragraph cut".into()
        })
    );
    // Folding from the copy lands on its lead.
    keys(&mut app, "jC");
    assert_eq!(app.order, [0, 2]);
    assert_eq!(app.current_index(), Some(0));
    // An article nobody copied says so.
    keys(&mut app, "jC");
    assert_eq!(
        app.message.as_deref(),
        Some("No other outlet ran this article's text")
    );
}

/// Reading a folded copy from elsewhere (here the story's matrix, `Z`)
/// opens its lead's copies so that the copy is a row of the list, and the
/// reader shows the copy, not its lead.
#[test]
fn reading_a_folded_copy_at_a_quotation_opens_it_under_its_lead() {
    let quoted = "“Every pile was checked twice before the deck opened again to the public,” said Mara Holm, the harbour master.";
    let mut with_quote = PARAGRAPHS.to_vec();
    with_quote.push(quoted);
    let lead = article(
        "wire.txt",
        "Wire",
        "2024-07-15",
        "Northern pier reopens",
        &with_quote,
    );
    let copy = article(
        "ledger.txt",
        "Ledger",
        "2024-07-16",
        "Pier back in use",
        &with_quote,
    );
    let mut app = App::with_articles(vec![lead, copy], 110, 30);
    assert_eq!(app.order.len(), 1, "the copy folded under its lead");
    keys(&mut app, "Z");
    assert_eq!(app.story_view().map(|v| v.matrix.articles.len()), Some(2));
    keys(&mut app, "l<enter>");
    assert_eq!(app.current().unwrap().path, "ledger.txt");
    assert_eq!(app.order.len(), 2);
    let screen = text(&draw(&app));
    assert!(screen.contains("↳ copy"), "{screen}");
    assert!(screen.contains("Pier back in use"), "{screen}");
}
