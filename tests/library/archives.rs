//! newsboat's cache and web archives, made here as newsboat and crawlers
//! make them: their items and pages are articles with outlet, date and
//! link; what is not a page is counted; damage and hostility are
//! messages naming the file.

use std::fs;
use std::path::Path;

use saidso::corpus::{Corpus, LoadRequest};

use crate::support::archives::{crawl, gzip, newsboat_cache, record};

fn load(path: &Path) -> Corpus {
    Corpus::load(&LoadRequest::Paths(vec![path.to_path_buf()]))
}

fn problems(c: &Corpus) -> Vec<String> {
    c.problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn a_newsboat_cache_is_its_items_with_feed_link_date_and_author() {
    let dir = tempfile::tempdir().unwrap();
    // Named as newsboat names it: known by its schema, not its name.
    let path = dir.path().join("cache.db");
    drop(newsboat_cache(&path));
    let c = load(&path);
    // The one repair: the escape sequence an entity decoded to.
    assert_eq!(
        problems(&c),
        [format!(
            "{}#1: 1 terminal escape sequence(s) removed",
            path.display()
        )]
    );
    let titles: Vec<&str> = c.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Harbour reopens", "Storm passes"]);
    let a = &c.articles[0];
    assert_eq!(a.source.as_deref(), Some("Coastal Ledger"));
    assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
    assert_eq!(a.url.as_deref(), Some("https://ledger.example/1"));
    assert_eq!(
        a.published().map(|d| d.iso()).as_deref(),
        Some("2024-07-15T16:24:59Z")
    );
    assert_eq!(
        a.shown_text(),
        "The harbour reopened on Monday.\n\n“We are ready,” Nils Berg said."
    );
    assert!(!a.text.contains('\x1b') && !a.text.contains("steal"));
    assert!(a.path.ends_with("cache.db#1"), "{}", a.path);
    assert_eq!(c.articles[1].source.as_deref(), Some("Island Post"));
}

#[test]
fn a_running_newsboat_is_neither_blocked_nor_seen_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    let writer = newsboat_cache(&path);
    // newsboat in the middle of a reload: a write transaction open.
    writer.execute_batch("BEGIN IMMEDIATE;
        INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread)
        VALUES ('g4', 'Not yet committed', '', 'u', 'https://post.example/atom', 1721100000, '<p>x</p>', 1);").unwrap();
    let c = load(&path);
    assert_eq!(c.articles.len(), 2, "{:?}", problems(&c));
    // Reading left no lock behind: the writer commits at once.
    writer.execute_batch("COMMIT;").unwrap();
    assert_eq!(load(&path).articles.len(), 3);
    // And the file was opened read-only: nothing of ours in it.
    assert!(!dir.path().join("cache.db-journal").exists());
}

#[test]
fn another_database_is_named_as_not_newsboat_and_skipped_in_directories() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("places.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE moz_places (id INTEGER, url TEXT);")
        .unwrap();
    let c = load(&other);
    assert!(c.articles.is_empty());
    assert_eq!(
        problems(&c),
        [format!(
            "{}: an SQLite database, but not a newsboat cache (no table rss_item)",
            other.display()
        )]
    );
    // In a directory of articles a database is another file, passed over.
    drop(newsboat_cache(&dir.path().join("cache.db")));
    fs::write(dir.path().join("a.txt"), "Headline\n\nStory.\n").unwrap();
    let c = load(dir.path());
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.skipped_files, 2);
}

#[test]
fn a_web_archive_is_its_pages_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let records = crawl();
    // As crawlers write .warc.gz: a gzip member a record.
    let path = dir.path().join("crawl.warc.gz");
    fs::write(
        &path,
        records.iter().flat_map(|r| gzip(r)).collect::<Vec<u8>>(),
    )
    .unwrap();
    let plain = dir.path().join("crawl.warc");
    fs::write(&plain, records.concat()).unwrap();
    for path in [&path, &plain] {
        let c = load(path);
        let titles: Vec<&str> = c.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["The new dam on the river opens", "Levels fall"],
            "{}",
            path.display()
        );
        let a = &c.articles[0];
        assert_eq!(a.url.as_deref(), Some("https://valley.example/dam"));
        assert_eq!(a.source.as_deref(), Some("Valley Times"));
        assert!(a.shown_text().contains("“It holds,” said the engineer"));
        assert!(!a.text.contains("World"), "{}", a.text);
        // No publication date on the page: the day it was archived.
        assert_eq!(
            a.published().map(|d| d.iso()).as_deref(),
            Some("2024-07-15T10:00:00Z")
        );
        assert!(a.path.ends_with("#3"), "{}", a.path);
        assert_eq!(
            problems(&c),
            [format!(
                "{}: 4 of 6 records are not HTML pages, skipped: 1 request, \
                 1 responses not HTML, 1 responses not successful (redirects, errors), 1 warcinfo",
                path.display()
            )]
        );
    }
}

#[test]
fn a_cut_off_or_endless_archive_keeps_what_came_before_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let records = crawl();
    // Cut in the middle of the resource record, the last one.
    let gz: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let cut = dir.path().join("cut.warc.gz");
    fs::write(&cut, &gz[..gz.len() - 40]).unwrap();
    let c = load(&cut);
    assert_eq!(c.articles.len(), 1);
    let p = problems(&c);
    assert!(
        p.iter()
            .any(|p| p.contains("record 6: damaged or cut-off gzip data")
                && p.contains("the rest of the archive was not read")),
        "{p:?}"
    );
    // A header that never ends: stopped at 1 MB, not read into memory.
    let endless = dir.path().join("endless.warc");
    let mut bytes = b"WARC/1.0\r\nWARC-Type: response\r\nX: ".to_vec();
    bytes.resize(8 * 1024 * 1024, b'a');
    fs::write(&endless, bytes).unwrap();
    let p = problems(&load(&endless));
    assert_eq!(
        p,
        [format!(
            "{}: not a WARC archive (a record header over 1 MB (not a WARC archive?))",
            endless.display()
        )]
    );
    // A record that claims more than the file holds.
    let mut short = records[5].clone();
    short.truncate(short.len() - 60);
    let short_path = dir.path().join("short.warc");
    fs::write(&short_path, [records[2].clone(), short].concat()).unwrap();
    let c = load(&short_path);
    assert_eq!(c.articles.len(), 1);
    assert!(
        problems(&c)
            .iter()
            .any(|p| p.contains("record 2: the archive ends inside a record")),
        "{:?}",
        problems(&c)
    );
}

#[test]
fn a_page_too_large_is_skipped_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    // 70 MB of page in a few hundred kilobytes of gzip.
    let mut page = b"<html><body><p>".to_vec();
    page.resize(70 * 1024 * 1024, b' ');
    let big = record("resource", "https://big.example/", "text/html", &page);
    let path = dir.path().join("big.warc.gz");
    let records = crawl();
    fs::write(&path, [gzip(&big), gzip(&records[5])].concat()).unwrap();
    let c = load(&path);
    assert_eq!(c.articles.len(), 1);
    assert!(
        problems(&c)
            .iter()
            .any(|p| p.contains("record 1: a page over 67 MB, skipped")),
        "{:?}",
        problems(&c)
    );
}
