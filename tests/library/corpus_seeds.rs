//! The article model on the bundled seed articles: what a reader sees in the
//! list and the header (titles, bylines) and what is set apart as not the
//! story (boilerplate, repeats).

use saidso::corpus::{Article, Corpus, ParagraphKind};

fn seeds() -> Vec<Article> {
    let c = Corpus::embedded();
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    c.articles
}

fn kinds_of(a: &Article, pred: impl Fn(ParagraphKind) -> bool) -> Vec<&str> {
    (0..a.paragraphs.len())
        .filter(|&i| pred(a.paragraphs[i].kind))
        .map(|i| a.paragraph_text(i))
        .collect()
}

fn boilerplate(a: &Article) -> Vec<&str> {
    kinds_of(a, |k| matches!(k, ParagraphKind::Boilerplate(_)))
}

#[test]
fn titles_are_headlines_or_derived_from_the_lede() {
    let a = seeds();
    // 000 opens with a byline: its title comes from the lede, without the
    // link residue "( – " and cut at a word.
    assert!(a[0].title_derived);
    assert!(
        a[0].title
            .starts_with("Cooperation between Russia and China will only increase"),
        "{}",
        a[0].title
    );
    assert!(!a[0].title.contains('('));
    assert_eq!(
        a[1].title,
        "After Biden-Xi call, Russia says cooperation with China will ‘get stronger’"
    );
    assert_eq!(
        a[2].title,
        "Lavrov Hails Deepening Russia-China Ties: ‘Tectonic Shifts in the Modern Geopolitical Landscape’"
    );
    assert_eq!(a[3].title, "Russia and China double down on defying US");
    assert_eq!(a[4].title, "Russia’s Sergey Lavrov in China");
    for art in &a[1..] {
        assert!(!art.title_derived, "{}", art.path);
    }
}

#[test]
fn bylines_are_found_and_cleaned() {
    let a = seeds();
    assert_eq!(a[0].byline.as_deref(), Some("Patrick Goodenough"));
    assert_eq!(a[1].byline, None);
    assert_eq!(
        a[3].byline.as_deref(),
        Some("Austin Ramzy and Ann M. Simmons")
    );
    assert_eq!(a[4].byline.as_deref(), Some("Stephen Lendman"));
    assert_eq!(a[0].paragraphs[0].kind, ParagraphKind::Byline);
}

#[test]
fn site_furniture_is_boilerplate() {
    let a = seeds();
    assert_eq!(
        boilerplate(&a[0]),
        ["TRENDING: The EU Wants to Scare You Away From Buying Crypto"]
    );
    let b1 = boilerplate(&a[1]);
    assert_eq!(b1.len(), 4, "{b1:?}");
    assert!(b1[0].starts_with("Also read |") && b1[1].starts_with("Also read |"));
    assert_eq!(&b1[2..], ["Related Articles", "ADVERTISEMENT"]);
    assert_eq!(boilerplate(&a[2]).len(), 2);
    assert!(
        boilerplate(&a[3])
            .iter()
            .any(|p| p.starts_with("Write to Austin Ramzy"))
    );
    assert!(
        boilerplate(&a[3])
            .iter()
            .any(|p| p.starts_with("Catch all the Politics News"))
    );
    // 004's comment form and blog footer, all of it, and nothing of the story.
    let b4 = boilerplate(&a[4]);
    assert!(b4.contains(&"Leave a Reply"));
    assert!(b4.contains(&"Twitter picture"));
    assert!(b4.contains(&"%d bloggers like this:"));
    assert!(!b4.iter().any(|p| p.contains("Lavrov")));
}

#[test]
fn repeats_are_flagged_not_removed() {
    let a = seeds();
    // 003 repeats its photo caption; 004 repeats its headline.
    let d3 = kinds_of(&a[3], |k| matches!(k, ParagraphKind::Duplicate(_)));
    assert_eq!(d3.len(), 1);
    assert!(d3[0].ends_with("PHOTO: REUTERS"));
    assert_eq!(a[3].paragraphs[1].kind, ParagraphKind::Caption);
    assert_eq!(a[4].paragraphs[1].kind, ParagraphKind::Duplicate(0));
    // Nothing is dropped: every non-blank line of the source is in a paragraph.
    for art in &a {
        let covered: usize = art
            .paragraphs
            .iter()
            .map(|p| art.text[p.start..p.end].split('\n').count())
            .sum();
        let lines = art.text.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(covered, lines, "{}", art.path);
    }
}

#[test]
fn the_story_is_story() {
    let a = seeds();
    // Quotes and the lede are body text.
    let body = kinds_of(&a[0], |k| k == ParagraphKind::Body);
    assert!(body[0].starts_with("( – Cooperation"));
    assert!(
        body.iter()
            .any(|p| p.starts_with("“He who tied the bell to the tiger"))
    );
    // Residue is marked for dimming where the link was stripped.
    assert_eq!(&a[0].text[a[0].residue[0].clone()], "( – ");
    // Word counts leave out boilerplate: 001's promo lines are not counted.
    assert!((300..400).contains(&a[1].words), "{}", a[1].words);
}
