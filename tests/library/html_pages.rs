//! Saved web pages through the loader: the story and its metadata out of
//! a page with the usual furniture around it, and pages meant to hurt
//! (escape characters behind character references, nesting bombs, huge
//! and broken pages) loaded, with a note saying how.

use std::fs;

use saidso::corpus::sanitize::is_terminal_safe;
use saidso::corpus::{Article, Corpus, LoadRequest};

/// A news page: navigation, a share bar, related links, a script and a
/// comment form around a five-paragraph story, metadata in JSON-LD,
/// OpenGraph and meta tags.
const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour reopens after storms | The Coastal Ledger</title>
<meta property="og:title" content="Harbour reopens after a week of storms">
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="article:published_time" content="2024-07-15T16:24:59-04:00">
<meta name="author" content="Ann Lee">
<link rel="canonical" href="https://ledger.example/news/harbour-reopens">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour reopens after a week of storms", "author": {"@type": "Person", "name": "Ann Lee"},
 "datePublished": "2024-07-15T16:24:59-04:00", "publisher": {"@type": "Organization", "name": "The Coastal Ledger"}}</script>
<style>.share { color: red }</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Harbour reopens after a week of storms</h1>
<p class="byline">By Ann Lee</p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<p>The harbour at Port Wen reopened on Monday after a week of storms that kept the fishing fleet tied up and closed the ferry to the islands for six days.</p>
<p>“We are ready for the season, and the boats are ready too,” the harbour master, Nils Berg, said as the first trawlers left before dawn.</p>
<p>Crews spent the weekend clearing the channel of debris carried down the river by the floods, and divers checked the pilings of the old pier for damage.</p>
<p>The ferry company said sailings to the islands would resume on Tuesday morning, with extra crossings through the week to clear the backlog of passengers.</p>
<p>Fish merchants said prices had risen by a third during the closure and would take some weeks to settle as the catch returned to the market.</p>
<script>document.write("<p>Injected by a script, never text.</p>")</script>
<div hidden><p>A hidden paragraph nobody sees.</p></div>
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Ten things to do this weekend</a></li><li><a href="/b">Ferry timetable changes</a></li></ul></aside>
<form class="comments"><label>Leave a comment</label><textarea></textarea><button>Post</button></form>
</main>
<footer><p>© The Coastal Ledger. All rights reserved. Subscribe to our newsletter.</p></footer>
</body></html>"##;

fn load_page(name: &str, html: &str) -> (Corpus, ()) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), html).unwrap();
    (
        Corpus::load(&LoadRequest::Paths(vec![dir.path().to_path_buf()])),
        (),
    )
}

fn one(c: &Corpus) -> &Article {
    assert_eq!(c.articles.len(), 1, "{:?}", c.problems);
    &c.articles[0]
}

#[test]
fn a_news_page_gives_its_story_and_metadata() {
    let (c, _) = load_page("harbour.html", PAGE);
    let a = one(&c);
    assert_eq!(a.title, "Harbour reopens after a week of storms");
    assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
    assert_eq!(a.source.as_deref(), Some("The Coastal Ledger"));
    assert_eq!(
        a.published().map(|d| d.iso()).as_deref(),
        Some("2024-07-15T20:24:59Z")
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://ledger.example/news/harbour-reopens")
    );
    let text = a.shown_text();
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 5, "{text}");
    assert!(paragraphs[0].starts_with("The harbour at Port Wen reopened"));
    assert!(paragraphs[1].starts_with("“We are ready for the season"));
    for furniture in [
        "Home",
        "Share on",
        "Related stories",
        "Ten things",
        "Leave a comment",
        "All rights",
        "Injected",
        "hidden paragraph",
        "color: red",
        "schema.org",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
    // And its quotation is found, speaker and all.
    let q = saidso::quotes::find_quotes(a);
    assert_eq!(q.quotes.len(), 1);
    assert_eq!(
        q.speaker_of(&q.quotes[0]).map(|s| s.name.as_str()),
        Some("Nils Berg")
    );
}

#[test]
fn references_to_control_characters_never_reach_the_text() {
    let page = PAGE
        .replace(
            "Harbour reopens after a week of storms</h1>",
            "Harbour &#x1b;]0;PWNED&#7; reopens&#155;2J</h1>",
        )
        .replace(
            "og:title\" content=\"Harbour reopens after a week of storms",
            "og:title\" content=\"Harbour &#x1b;[2J reopens",
        )
        .replace("before dawn.", "before dawn &#27;[31mred&#x9b;.");
    let (c, _) = load_page("bad.html", &page);
    let a = one(&c);
    assert!(is_terminal_safe(&a.title), "{:?}", a.title);
    assert!(is_terminal_safe(&a.text), "a control character in the text");
    assert!(!a.text.contains('\u{1b}') && !a.text.contains('\u{9b}') && !a.text.contains('\u{7}'));
}

#[test]
fn bombs_and_broken_pages_load_quickly_or_say_why() {
    // 100,000-deep nesting: read as plain text, with a note.
    let deep = format!(
        "<html><body>{}<p>Deep story text here.</p></body></html>",
        "<div>".repeat(100_000)
    );
    let (c, _) = load_page("deep.html", &deep);
    let a = one(&c);
    assert!(a.text.contains("Deep story text here."));
    assert!(
        c.problems.iter().any(|p| p.problem.contains("nested")),
        "{:?}",
        c.problems
    );
    // A tag with 50,000 attributes.
    let wide = format!(
        "<html><body><p {}>Wide story.</p></body></html>",
        "a=1 ".repeat(50_000)
    );
    let (c, _) = load_page("wide.html", &wide);
    assert!(one(&c).text.contains("Wide story."));
    // Cut off in the middle of a tag, and nothing but markup.
    let cut = &PAGE[..PAGE.find("divers checked").unwrap() + 3];
    let (c, _) = load_page("cut.htm", cut);
    assert!(one(&c).text.contains("Port Wen"));
    let (c, _) = load_page(
        "empty.html",
        "<html><head></head><body><div></div></body></html>",
    );
    assert!(c.articles.len() <= 1);
    // 17 MB: over the tree's limit, read as plain text.
    let huge = format!(
        "<html><body>{}</body></html>",
        "<p>A paragraph of the very long page.</p>".repeat(420_000)
    );
    let (c, _) = load_page("huge.html", &huge);
    assert!(one(&c).paragraphs.len() > 100_000);
}

/// What the reader does for a file changed on disk reads a page as a page
/// (it once read it as text and showed the markup).
#[test]
fn a_page_read_again_is_the_same_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("harbour.html");
    fs::write(&path, PAGE).unwrap();
    let c = Corpus::load(&LoadRequest::Paths(vec![path.clone()]));
    let again = saidso::corpus::reread(&one(&c).path, &path).unwrap();
    assert_eq!(again.content_hash, one(&c).content_hash);
    assert_eq!(again.title, "Harbour reopens after a week of storms");
}
