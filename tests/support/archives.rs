//! newsboat caches and web archives as newsboat and crawlers write them,
//! made by the tests that read them.

use std::io::Write;
use std::path::Path;

/// newsboat's tables, as its cache.db declares them.
pub const NEWSBOAT_SCHEMA: &str = "
CREATE TABLE rss_feed (rssurl VARCHAR(1024) PRIMARY KEY NOT NULL, url VARCHAR(1024) NOT NULL,
  title VARCHAR(1024) NOT NULL, lastmodified INTEGER(11) NOT NULL DEFAULT 0,
  is_rtl INTEGER(1) NOT NULL DEFAULT 0, etag VARCHAR(128) NOT NULL DEFAULT '');
CREATE TABLE rss_item (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, guid VARCHAR(64) NOT NULL,
  title VARCHAR(1024) NOT NULL, author VARCHAR(1024) NOT NULL, url VARCHAR(1024) NOT NULL,
  feedurl VARCHAR(1024) NOT NULL, pubDate INTEGER NOT NULL, content VARCHAR(65535) NOT NULL,
  unread INTEGER(1) NOT NULL, enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024),
  enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0,
  base VARCHAR(128) NOT NULL DEFAULT '', content_mime_type VARCHAR(255) NOT NULL DEFAULT '');
";

pub fn newsboat_cache(path: &Path) -> rusqlite::Connection {
    let db = rusqlite::Connection::open(path).unwrap();
    db.execute_batch(NEWSBOAT_SCHEMA).unwrap();
    db.execute_batch(
        "INSERT INTO rss_feed (rssurl, url, title) VALUES
           ('https://ledger.example/rss', 'https://ledger.example/', 'Coastal Ledger'),
           ('https://post.example/atom', 'https://post.example/', 'Island Post');
         INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, deleted) VALUES
           ('g1', 'Harbour reopens', 'Ann Lee', 'https://ledger.example/1', 'https://ledger.example/rss',
            1721060699, '<p>The harbour reopened on Monday.</p><script>steal()</script><p>&#8220;We are ready,&#8221; Nils Berg said.&#x1b;[31m</p>', 1, 0),
           ('g2', 'Storm passes', 'Bo Chan', 'https://post.example/1', 'https://post.example/atom',
            1721030400, '<p>The storm passed in the night.</p>', 0, 0),
           ('g3', 'Deleted item', '', 'https://post.example/0', 'https://post.example/atom',
            1721000000, '<p>Gone.</p>', 0, 1);",
    )
    .unwrap();
    db
}

/// One WARC record.
pub fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-07-15T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len() ^ kind.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

pub fn http(head: &str, body: &[u8]) -> Vec<u8> {
    let mut b = format!("{head}\r\n\r\n").into_bytes();
    b.extend_from_slice(body);
    b
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

pub const PAGE: &str = "<html><head><title>The new dam on the river opens | Valley Times</title>\
    <meta property=\"og:site_name\" content=\"Valley Times\"></head><body>\
    <nav><a href=\"/\">Home</a> <a href=\"/w\">World</a></nav><article><h1>The new dam on the river opens</h1>\
    <p>The new dam on the river opened on Monday after six years of building.</p>\
    <p>&#8220;It holds,&#8221; said the engineer, Mara Holt, standing on the crest of the dam.</p>\
    </article></body></html>";

/// A crawl: its info, a request, the page (chunked and gzipped, as sent),
/// an image, a redirect and a page kept as a resource.
pub fn crawl() -> Vec<Vec<u8>> {
    let zipped = gzip(PAGE.as_bytes());
    let (first, rest) = zipped.split_at(zipped.len() / 2);
    let mut chunked = Vec::new();
    for part in [first, rest] {
        chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    vec![
        record("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
        record(
            "request",
            "https://valley.example/dam",
            "application/http; msgtype=request",
            b"GET /dam HTTP/1.1\r\nHost: valley.example\r\n\r\n",
        ),
        record(
            "response",
            "https://valley.example/dam",
            "application/http; msgtype=response",
            &http(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
                 Transfer-Encoding: chunked\r\nContent-Encoding: gzip",
                &chunked,
            ),
        ),
        record(
            "response",
            "https://valley.example/logo.png",
            "application/http; msgtype=response",
            &http(
                "HTTP/1.1 200 OK\r\nContent-Type: image/png",
                b"\x89PNG\r\n\x1a\n\0\0\0",
            ),
        ),
        record(
            "response",
            "https://valley.example/old",
            "application/http; msgtype=response",
            &http("HTTP/1.1 301 Moved\r\nLocation: /dam", b""),
        ),
        record(
            "resource",
            "https://river.example/levels",
            "text/html",
            b"<html><head><title>Levels fall</title></head><body><p>The river fell by a metre overnight, the water board said on Tuesday morning.</p></body></html>",
        ),
    ]
}
