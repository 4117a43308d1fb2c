//! Feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed, through feed-rs. An item
//! is an article: its full content when the feed carries it, else its
//! summary (then the article says "summary only"); the feed's title is
//! the outlet; the item's link, date and authors are kept. Item HTML is
//! read by the one-pass reader (scripts and styles dropped, blocks made
//! paragraphs). The XML parser expands no external entities and no
//! entity definitions, so neither a file read nor an entity bomb can come
//! through a feed.

use super::article::{Article, LoadNote, Origin};
use super::assemble::{ArticleFields, article_from_fields};

/// The note on an item whose feed gives only a summary.
pub const SUMMARY_ONLY: &str = "summary only: the feed carries no full text";

/// The items of the feed in `bytes`; `display` names each (`feed.xml#3`).
pub fn parse_feed(
    display: &str,
    path: &std::path::Path,
    bytes: &[u8],
) -> Result<Vec<Article>, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not a feed ({e})"))?;
    let outlet = feed.title.as_ref().map(|t| t.content.clone());
    let mut articles = Vec::with_capacity(feed.entries.len());
    for (n, entry) in feed.entries.into_iter().enumerate() {
        let content = entry.content.and_then(|c| {
            let html = c.content_type.to_string().contains("html");
            c.body.map(|b| (b, html))
        });
        let summary = entry.summary.map(|t| {
            let html = t.content_type.to_string().contains("html");
            (t.content, html)
        });
        let summary_only = content.is_none() && summary.is_some();
        let paragraphs = match content.or(summary) {
            Some((text, true)) => super::html::fragment_paragraphs(&text),
            Some((text, false)) => text
                .split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect(),
            None => Vec::new(),
        };
        let authors: Vec<String> = entry
            .authors
            .into_iter()
            .filter_map(|p| p.name.as_deref().and_then(person_name))
            .collect();
        let fields = ArticleFields {
            title: entry.title.map(|t| t.content),
            body: paragraphs.join("\n\n"),
            byline: (!authors.is_empty()).then(|| authors.join(", ")),
            source: outlet.clone(),
            date: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            url: entry.links.into_iter().next().map(|l| l.href),
        };
        let mut article = article_from_fields(
            format!("{display}#{}", n + 1),
            Origin::JsonRecord(path.to_path_buf()),
            fields,
        );
        if summary_only {
            article.notes.push(LoadNote::fact(SUMMARY_ONLY));
        }
        articles.push(article);
    }
    Ok(articles)
}

/// RSS writes authors as `ann@example.org (Ann Lee)`: the name in the
/// parentheses when there are some, else the whole.
fn person_name(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let name = match (raw.find('('), raw.strip_suffix(')')) {
        (Some(open), Some(inner)) => &inner[open + 1..],
        _ => raw,
    };
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Coastal Ledger</title><link>https://ledger.example/</link>
<item><title>Harbour reopens</title><link>https://ledger.example/1</link>
<pubDate>Mon, 15 Jul 2024 16:24:59 GMT</pubDate><author>ann@ledger.example (Ann Lee)</author>
<description>Short.</description>
<content:encoded><![CDATA[<p>The harbour reopened.</p><script>x()</script><p>&#8220;We are ready,&#8221; Nils Berg said.</p>]]></content:encoded></item>
<item><title>Ferry resumes</title><link>https://ledger.example/2</link>
<description>&lt;p&gt;Only a summary of the ferry story.&lt;/p&gt;</description></item>
</channel></rss>"#;

    #[test]
    fn items_are_articles_with_the_feed_as_outlet() {
        let items = parse_feed("f.xml", Path::new("f.xml"), RSS.as_bytes()).unwrap();
        let [a, b] = &items[..] else {
            panic!("two items")
        };
        assert_eq!(a.title, "Harbour reopens");
        assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(a.source.as_deref(), Some("Coastal Ledger"));
        assert_eq!(a.url.as_deref(), Some("https://ledger.example/1"));
        assert_eq!(
            a.published().map(|d| d.iso()).as_deref(),
            Some("2024-07-15T16:24:59Z")
        );
        assert_eq!(
            a.shown_text(),
            "The harbour reopened.\n\n“We are ready,” Nils Berg said."
        );
        assert!(a.notes.is_empty());
        assert_eq!(b.shown_text(), "Only a summary of the ferry story.");
        assert_eq!(b.notes, [LoadNote::fact(SUMMARY_ONLY)]);
    }

    #[test]
    fn atom_and_json_feed_too_and_a_non_feed_is_an_error() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Island Post</title><id>urn:x</id><updated>2024-07-15T00:00:00Z</updated>
<entry><title>Storm passes</title><id>urn:1</id><updated>2024-07-15T08:00:00Z</updated>
<author><name>Bo Chan</name></author><link href="https://post.example/1"/>
<content type="html">&lt;p&gt;The storm passed in the night.&lt;/p&gt;</content></entry></feed>"#;
        let items = parse_feed("a.atom", Path::new("a.atom"), atom.as_bytes()).unwrap();
        assert_eq!(items[0].byline.as_deref(), Some("Bo Chan"));
        assert_eq!(items[0].shown_text(), "The storm passed in the night.");
        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Wire",
            "items": [{"id": "1", "title": "Rates rise", "content_text": "The bank raised rates.\n\nMarkets fell."}]}"#;
        let items = parse_feed("w.json", Path::new("w.json"), json.as_bytes()).unwrap();
        assert_eq!(
            items[0].shown_text(),
            "The bank raised rates.\n\nMarkets fell."
        );
        assert!(parse_feed("x.xml", Path::new("x.xml"), b"<html><body>no</body></html>").is_err());
    }

    #[test]
    fn entity_bombs_and_external_entities_do_not_expand() {
        let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>T</title><item><title>&lol3;</title><description>&xxe; root:x</description></item></channel></rss>"#;
        // Either refused or read without expanding: never the file, never
        // a thousand lols.
        if let Ok(items) = parse_feed("b.xml", Path::new("b.xml"), bomb.as_bytes()) {
            for a in &items {
                assert!(a.text.len() < 200, "{}", a.text);
                assert!(!a.text.contains("root:x:0:0"));
            }
        }
    }
}
