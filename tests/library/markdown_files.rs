//! Markdown files through the loader: the title from the first heading or
//! the front matter, the text as a person reads it (links as their words,
//! no `*`, `#` or `[`), emphasis as ranges on exactly the emphasised
//! words, and files meant to hurt (escapes behind entities, raw HTML,
//! nesting bombs, 10 MB) loaded in bounded time.

use std::fs;
use std::time::{Duration, Instant};

use saidso::corpus::sanitize::is_terminal_safe;
use saidso::corpus::{Article, Corpus, Emphasis, LoadRequest, Severity};

fn load(name: &str, md: &[u8]) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), md).unwrap();
    Corpus::load(&LoadRequest::Paths(vec![dir.path().to_path_buf()]))
}

fn one(c: &Corpus) -> &Article {
    assert_eq!(c.articles.len(), 1, "{:?}", c.problems);
    &c.articles[0]
}

/// A short story as a newsroom's static site keeps it.
const STORY: &str = "---
title: \"Ferry returns to the islands\"
authors:
  - Mara Quist
  - Tomas Ek
published: 2024-03-02T08:15:00Z
canonical_url: https://islandpost.example/ferry-returns
outlet: The Island Post
tags: [transport]
---

# Ferry returns to the islands

The *Skerry Star* made its first crossing in a month on Saturday, after
repairs to its [hull](https://islandpost.example/hull \"The hull\") took
**three weeks** longer than planned.

> “Everyone on the islands has been waiting for this,” said harbour
> master Ilse Brandt.

Passengers said:

1. the queue was short;
2. the coffee was ***free***.

![The ferry at the quay](ferry.jpg)

## What comes next

Timetables are at <https://islandpost.example/timetable>.
";

#[test]
fn front_matter_gives_title_authors_date_link_and_outlet() {
    let c = load("ferry.md", STORY.as_bytes());
    let a = one(&c);
    assert_eq!(a.title, "Ferry returns to the islands");
    assert!(!a.title_derived);
    assert_eq!(a.byline.as_deref(), Some("Mara Quist and Tomas Ek"));
    assert_eq!(a.source.as_deref(), Some("The Island Post"));
    assert_eq!(
        a.published().map(|d| d.iso()).as_deref(),
        Some("2024-03-02T08:15:00Z")
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://islandpost.example/ferry-returns")
    );
    assert!(c.problems.is_empty(), "{:?}", c.problems);
}

#[test]
fn the_story_reads_without_markup_links_as_their_words() {
    let c = load("ferry.markdown", STORY.as_bytes());
    let a = one(&c);
    let text = a.shown_text();
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "The Skerry Star made its first crossing in a month on Saturday, after repairs \
             to its hull took three weeks longer than planned.",
            "“Everyone on the islands has been waiting for this,” said harbour master Ilse Brandt.",
            "Passengers said:",
            "1. the queue was short;",
            "2. the coffee was free.",
            "What comes next",
            "Timetables are at https://islandpost.example/timetable.",
        ]
    );
    for markup in ["*", "#", "[", "](", "---", "![", "<http", "title:"] {
        assert!(!text.contains(markup), "{markup:?} in {text}");
    }
    // The headline was the heading: it is not repeated in the story.
    assert_eq!(a.text.matches("Ferry returns to the islands").count(), 1);
}

#[test]
fn emphasis_ranges_cover_exactly_the_emphasised_words() {
    let c = load("ferry.md", STORY.as_bytes());
    let a = one(&c);
    let marked: Vec<(&str, Emphasis)> = a
        .emphasis
        .iter()
        .map(|(r, e)| (&a.text[r.clone()], *e))
        .collect();
    assert_eq!(
        marked,
        [
            ("Skerry Star", Emphasis::Italic),
            ("three weeks", Emphasis::Bold),
            ("free", Emphasis::Italic),
            ("free", Emphasis::Bold),
        ]
    );
    assert!(a.emphasis.is_sorted_by_key(|(r, _)| r.start));
}

#[test]
fn without_front_matter_the_first_heading_is_the_title() {
    let c = load(
        "storm.md",
        b"Storm closes the bridge\n=======================\n\nBy Ann Lee\n\n\
          The bridge to the mainland closed at noon as gusts reached\n\
          120 km/h, police said.\n",
    );
    let a = one(&c);
    assert_eq!(a.title, "Storm closes the bridge");
    assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
    assert_eq!(
        a.shown_text(),
        "The bridge to the mainland closed at noon as gusts reached 120 km/h, police said."
    );
}

#[test]
fn front_matter_that_does_not_parse_leaves_the_article_with_a_note() {
    let c = load(
        "broken.md",
        b"---\ntitle: \"unterminated\nauthor: [Ann\n---\n\n# Bridge reopens\n\nTraffic flows again.\n",
    );
    let a = one(&c);
    assert_eq!(a.title, "Bridge reopens");
    assert_eq!(a.shown_text(), "Traffic flows again.");
    assert!(
        c.problems.iter().any(
            |p| p.severity == Severity::Noted && p.problem.starts_with("front matter not read")
        ),
        "{:?}",
        c.problems
    );
}

#[test]
fn a_plain_text_file_still_reads_as_text() {
    let c = load("notes.txt", b"# Not a heading here\n\nText with *stars*.\n");
    let a = one(&c);
    assert_eq!(a.title, "# Not a heading here");
    assert!(a.emphasis.is_empty());
}

/// Escapes behind entities and raw, HTML blocks and inline scripts.
#[test]
fn escapes_and_html_never_reach_the_text() {
    let md = "# Alert &#x1b;[31mred&#x1b;[0m\n\n\
              Text &#x1b;]0;PWNED&#x7; with a raw \x1b[2J clear and \u{9b}31m C1.\n\n\
              <script>document.title = 'PWNED'</script>\n\n\
              <div onclick=\"x()\"><p>Kept &lt;b&gt; words</p></div>\n\n\
              Inline <script>steal()</script>gone, <em>tags</em> dropped.\n";
    let c = load("hostile.md", md.as_bytes());
    let a = one(&c);
    assert!(is_terminal_safe(&a.text) && is_terminal_safe(&a.title));
    assert_eq!(a.title, "Alert red");
    let text = a.shown_text();
    for gone in ["PWNED", "steal", "<script", "<div", "<em>", "[31m", "[2J"] {
        assert!(!text.contains(gone), "{gone:?} in {text:?}");
    }
    assert!(text.contains("Kept <b> words"), "{text}");
    assert!(text.contains("Inline gone, tags dropped."), "{text}");
    assert!(
        c.problems.iter().any(|p| p.problem.contains("escape")),
        "{:?}",
        c.problems
    );
}

fn timed(name: &str, md: &[u8]) -> (Corpus, Duration) {
    let t = Instant::now();
    let c = load(name, md);
    (c, t.elapsed())
}

/// Generous for a debug build on a shared machine; each takes well under
/// a second in a release build.
const BOUND: Duration = Duration::from_secs(20);

#[test]
fn nesting_bombs_load_in_bounded_time() {
    let n = 100_000;
    let cases: [(&str, String); 11] = [
        (
            "quotes.md",
            format!("# Deep quotes\n\n{} bottom\n", ">".repeat(n)),
        ),
        (
            "lists.md",
            format!("# Deep lists\n\n{}bottom\n", "- ".repeat(n)),
        ),
        (
            "indented.md",
            (0..1_000)
                .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
                .collect(),
        ),
        (
            // Lazy continuation lines under a deep quote: each line would
            // be matched against every open container.
            "lazy.md",
            format!("{} deep\n{}", ">".repeat(n), "more words\n".repeat(n)),
        ),
        (
            // Just inside the guard's limit: parsed, and still quick.
            "at_limit.md",
            format!("{} deep\n{}", ">".repeat(60), "more words\n".repeat(n)),
        ),
        (
            "links.md",
            format!("{}x{}", "[".repeat(n), "](u)".repeat(n)),
        ),
        (
            "images.md",
            format!("{}x{}", "![".repeat(n), "](u)".repeat(n)),
        ),
        (
            "stars.md",
            format!("{}x{}", "*a ".repeat(n), " b*".repeat(n)),
        ),
        ("runs.md", "**_".repeat(n) + "x" + &"_**".repeat(n)),
        (
            "ticks.md",
            (1..2_000).map(|i| "`".repeat(i) + " ").collect(),
        ),
        ("angles.md", "<a ".repeat(n)),
    ];
    for (name, md) in cases {
        let (c, took) = timed(name, md.as_bytes());
        assert!(took < BOUND, "{name} took {took:?}");
        if ["quotes.md", "lists.md", "indented.md", "lazy.md"].contains(&name) {
            assert!(
                c.problems
                    .iter()
                    .any(|p| p.problem.ends_with("deep, read as plain text")),
                "{name}: {:?}",
                c.problems
            );
        }
        let skipped = c
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Skipped);
        assert_eq!(c.articles.len() + skipped.count(), 1, "{name}");
        for a in &c.articles {
            assert!(is_terminal_safe(&a.text));
        }
        eprintln!("{name}: {took:?}");
    }
}

#[test]
fn ten_megabytes_of_markdown_load_in_bounded_time() {
    let mut md = String::from("# Big\n\n");
    let mut i = 0;
    while md.len() < 10_000_000 {
        i += 1;
        md.push_str(&format!(
            "Paragraph {i} has *italic*, **bold**, a [link](https://x.example/{i}) and `code`.\n\n"
        ));
    }
    let (c, took) = timed("big.md", md.as_bytes());
    let a = one(&c);
    assert!(took < BOUND, "took {took:?}");
    assert_eq!(a.emphasis.len(), 2 * i);
    assert!(!a.text.contains("](") && !a.text.contains('*'));
    eprintln!("10 MB: {took:?}");
}
