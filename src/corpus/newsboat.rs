//! newsboat's cache (`cache.db`): every item it keeps is an article, with
//! its feed's title as outlet, its link, date and author, and its HTML
//! content read by the one-pass reader as feed items are.
//!
//! The database is opened read-only and read in one short query, so a
//! running newsboat is neither disturbed nor held up: SQLite lets readers
//! and a writer take turns, and this reader's turn is one SELECT. A
//! database busy for longer than a moment is reported, not waited on.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::article::{Article, Origin};
use super::assemble::{ArticleFields, article_from_fields};
use super::json::Records;

/// The first bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The tables (and their columns) that make a database newsboat's cache.
const SCHEMA: &[(&str, &[&str])] = &[
    (
        "rss_item",
        &[
            "id", "title", "author", "url", "feedurl", "pubDate", "content", "deleted",
        ],
    ),
    ("rss_feed", &["rssurl", "title"]),
];

/// How long a read waits for a writer to finish its transaction.
const BUSY_WAIT: Duration = Duration::from_secs(2);

/// True when the file at `path` starts as an SQLite database does.
pub fn is_sqlite(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == SQLITE_MAGIC
}

/// The items of the newsboat cache at `path`; `display` names each
/// (`cache.db#42`, by the item's id, which newsboat never reuses).
pub fn read_cache(display: &str, path: &Path) -> Result<Records, String> {
    let db = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| format!("cannot open the database: {}", reason(&e)))?;
    db.busy_timeout(BUSY_WAIT)
        .map_err(|e| format!("cannot read the database: {}", reason(&e)))?;
    check_schema(&db)?;
    let mut query = db
        .prepare(
            "SELECT i.id, i.title, i.author, i.url, i.pubDate, i.content, f.title
             FROM rss_item i LEFT JOIN rss_feed f ON f.rssurl = i.feedurl
             WHERE i.deleted = 0 ORDER BY i.feedurl, i.pubDate, i.id",
        )
        .map_err(|e| format!("cannot read the items: {}", reason(&e)))?;
    let rows = query
        .query_map([], |row| {
            Ok(Item {
                id: row.get(0)?,
                title: text(row.get_ref(1)?),
                author: text(row.get_ref(2)?),
                url: text(row.get_ref(3)?),
                published: row.get::<_, Option<i64>>(4).unwrap_or(None),
                content: text(row.get_ref(5)?),
                feed: text(row.get_ref(6)?),
            })
        })
        .map_err(|e| format!("cannot read the items: {}", reason(&e)))?;
    let mut load = Records::default();
    for row in rows {
        match row {
            Ok(item) => load.articles.push(item.article(display, path)),
            Err(e) => load.problems.push(format!("an item: {}", reason(&e))),
        }
    }
    Ok(load)
}

/// One row of `rss_item`, with its feed's title.
struct Item {
    id: i64,
    title: Option<String>,
    author: Option<String>,
    url: Option<String>,
    published: Option<i64>,
    content: Option<String>,
    feed: Option<String>,
}

impl Item {
    fn article(self, display: &str, path: &Path) -> Article {
        // newsboat keeps what the feed gave: HTML, or now and then plain
        // text, which the one-pass reader leaves as it is.
        let paragraphs = self
            .content
            .as_deref()
            .map(super::html::fragment_paragraphs)
            .unwrap_or_default();
        let date = self
            .published
            .filter(|&s| s > 0)
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .map(|t| t.to_string());
        article_from_fields(
            format!("{display}#{}", self.id),
            Origin::JsonRecord(path.to_path_buf()),
            ArticleFields {
                title: self.title,
                body: paragraphs.join("\n\n"),
                byline: self.author,
                source: self.feed,
                date,
                url: self.url,
            },
        )
    }
}

/// A column's text, whatever SQLite stored it as (newsboat declares
/// VARCHAR, but SQLite keeps any type); empty is none.
fn text(value: rusqlite::types::ValueRef<'_>) -> Option<String> {
    use rusqlite::types::ValueRef;
    let s = match value {
        ValueRef::Text(b) | ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Null => return None,
    };
    (!s.trim().is_empty()).then_some(s)
}

/// Refuse a database that is not newsboat's cache, naming what is missing.
fn check_schema(db: &Connection) -> Result<(), String> {
    for (table, columns) in SCHEMA {
        let mut query = db
            .prepare("SELECT name FROM pragma_table_info(?1)")
            .map_err(|e| format!("cannot read the database: {}", reason(&e)))?;
        let found: Vec<String> = query
            .query_map([table], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| format!("cannot read the database: {}", reason(&e)))?;
        if found.is_empty() {
            return Err(format!(
                "an SQLite database, but not a newsboat cache (no table {table})"
            ));
        }
        if let Some(missing) = columns.iter().find(|c| !found.iter().any(|f| f == *c)) {
            return Err(format!(
                "not a newsboat cache this saidso reads (table {table} has no column {missing})"
            ));
        }
    }
    Ok(())
}

/// SQLite's own words for what went wrong ("database is locked", "file is
/// not a database"), without rusqlite's wrapping.
fn reason(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        other => other.to_string(),
    }
}
