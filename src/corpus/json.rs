//! Articles stored as JSON: one object, an array of objects, or JSON Lines.
//!
//! Scrapers and news APIs disagree on field names, so each field is looked
//! up through a table of accepted keys, first match wins.

use serde_json::Value;

use super::article::{Article, Origin};
use super::assemble::{ArticleFields, article_from_fields};

pub(super) const TITLE_KEYS: &[&str] = &["title", "headline", "name"];
pub(super) const BODY_KEYS: &[&str] = &[
    "body",
    "text",
    "content",
    "article",
    "full_text",
    "maintext",
];
pub(super) const SOURCE_KEYS: &[&str] = &[
    "source",
    "outlet",
    "publisher",
    "site",
    "site_name",
    "domain",
    // News database exports (Media Cloud, GDELT).
    "media_name",
    "source_domain",
];
pub(super) const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline", "by", "creator"];
pub(super) const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "date_publish",
    "datetime",
    "time",
    "publish_date",
    "date_published",
    "seendate",
];
pub(super) const URL_KEYS: &[&str] = &["url", "link", "href", "permalink"];
/// A record's own key, echoed by `--jsonl` output so that a distributed
/// job can join its results back to its input.
pub(super) const ID_KEYS: &[&str] = &["id", "_id", "article_id", "uuid", "guid"];

/// What reading a file of records (JSON, JSON Lines, CSV, a feed) produced.
#[derive(Debug, Default)]
pub struct Records {
    pub articles: Vec<Article>,
    /// Problems with single records or lines; the file as a whole loaded.
    pub problems: Vec<String>,
    /// Facts about the file as a whole ("4 of 6 records are not pages").
    pub notes: Vec<String>,
}

/// Parse a `.json` file: one article object or an array of them.
pub fn parse_json(display: &str, path: &std::path::Path, text: &str) -> Result<Records, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "invalid JSON at line {}, column {}: {}",
            e.line(),
            e.column(),
            strip_position(&e.to_string())
        )
    })?;
    let mut load = Records::default();
    match value {
        Value::Array(items) => {
            let many = items.len() > 1;
            for (i, item) in items.into_iter().enumerate() {
                let name = if many {
                    format!("{display}#{}", i + 1)
                } else {
                    display.to_string()
                };
                push_record(&mut load, name, path, &item, &format!("record {}", i + 1));
            }
        }
        Value::Object(_) => push_record(&mut load, display.to_string(), path, &value, "the object"),
        other => {
            return Err(format!(
                "expected an article object or an array of them, found {}",
                kind_of(&other)
            ));
        }
    }
    load.problems = summarise(std::mem::take(&mut load.problems), "records");
    Ok(load)
}

/// How many problems of one kind are listed one by one; more are said in
/// one line (a file of 30,000 non-articles gives one line, not 30,000).
const LISTED_ALIKE: usize = 3;

/// Problems ("record 7: no article text") grouped by what they say: up to
/// [`LISTED_ALIKE`] alike listed as they are, more as one line with the
/// count and the first few places. First-seen order.
fn summarise(problems: Vec<String>, unit: &str) -> Vec<String> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for p in problems {
        let (at, what) = p.split_once(": ").unwrap_or(("", p.as_str()));
        match groups.iter_mut().find(|(w, _)| w == what) {
            Some((_, ats)) => ats.push(at.to_string()),
            None => groups.push((what.to_string(), vec![at.to_string()])),
        }
    }
    let mut out = Vec::new();
    for (what, ats) in groups {
        if ats.len() <= LISTED_ALIKE {
            out.extend(ats.into_iter().map(|at| format!("{at}: {what}")));
        } else {
            let first: Vec<&str> = ats.iter().take(LISTED_ALIKE).map(String::as_str).collect();
            out.push(format!(
                "{} {unit} skipped ({}, …): {what}",
                ats.len(),
                first.join(", ")
            ));
        }
    }
    out
}

/// Parse a `.jsonl` file: one article object per line; bad lines are
/// reported and skipped, the rest load.
pub fn parse_jsonl(display: &str, path: &std::path::Path, text: &str) -> Records {
    let mut load = Records::default();
    let mut n = 0;
    for (lineno, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        match jsonl_record(display, path, JsonlLine::new(n, lineno + 1), line) {
            Ok(record) => load.articles.push(record.article),
            Err(problem) => load.problems.push(problem),
        }
    }
    load.problems = summarise(std::mem::take(&mut load.problems), "lines");
    load
}

/// Where a line of JSON Lines is: its record number (blank lines not
/// counted; the article is named `file#record`) and its line number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonlLine {
    pub record: usize,
    pub line: usize,
}

impl JsonlLine {
    pub fn new(record: usize, line: usize) -> Self {
        JsonlLine { record, line }
    }
}

/// The article of one line of JSON Lines, and the record's own key.
#[derive(Debug)]
pub struct JsonlRecord {
    pub article: Article,
    /// The value of the first of [`ID_KEYS`] the record has, as it is
    /// (a string or a number), when it has one.
    pub id: Option<Value>,
}

/// One non-blank line of JSON Lines as an article, or the problem
/// (`line 7: invalid JSON: …`): the one reading of a line, whether the
/// file is loaded whole or streamed.
pub fn jsonl_record(
    display: &str,
    path: &std::path::Path,
    at: JsonlLine,
    line: &str,
) -> Result<JsonlRecord, String> {
    let place = format!("line {}", at.line);
    let value = serde_json::from_str::<Value>(line)
        .map_err(|e| format!("{place}: invalid JSON: {}", strip_position(&e.to_string())))?;
    let fields = fields_of(&value).map_err(|e| format!("{place}: {e}"))?;
    let id = match &value {
        Value::Object(map) => ID_KEYS
            .iter()
            .find_map(|k| map.get(*k))
            .filter(|v| v.is_string() || v.is_number())
            .cloned(),
        _ => None,
    };
    let article = article_from_fields(
        format!("{display}#{}", at.record),
        Origin::JsonRecord(path.to_path_buf()),
        fields,
    );
    Ok(JsonlRecord { article, id })
}

fn push_record(load: &mut Records, name: String, path: &std::path::Path, v: &Value, at: &str) {
    match fields_of(v) {
        Ok(fields) => load.articles.push(article_from_fields(
            name,
            Origin::JsonRecord(path.to_path_buf()),
            fields,
        )),
        Err(e) => load.problems.push(format!("{at}: {e}")),
    }
}

fn fields_of(v: &Value) -> Result<ArticleFields, String> {
    let Value::Object(map) = v else {
        return Err(format!("expected an article object, found {}", kind_of(v)));
    };
    // A field of the wrong kind is an error, not text made of its value:
    // {"title": 42} is not a headline "42". Dates may be numbers (unix
    // seconds).
    for (keys, numbers) in [
        (TITLE_KEYS, false),
        (BODY_KEYS, false),
        (AUTHOR_KEYS, false),
        (SOURCE_KEYS, false),
        (URL_KEYS, false),
        (DATE_KEYS, true),
    ] {
        for &k in keys {
            let wrong = match map.get(k) {
                Some(Value::Bool(_)) => true,
                Some(Value::Number(_)) => !numbers,
                _ => false,
            };
            if let Some(v) = map.get(k).filter(|_| wrong) {
                return Err(format!("the field \"{k}\" is {}, not text", kind_of(v)));
            }
        }
    }
    let pick = |keys: &[&str]| keys.iter().find_map(|k| map.get(*k).and_then(as_text));
    let body = pick(BODY_KEYS).ok_or_else(|| {
        format!(
            "no article text (expected one of the fields {})",
            BODY_KEYS
                .iter()
                .map(|k| format!("\"{k}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )
    })?;
    Ok(ArticleFields {
        title: pick(TITLE_KEYS),
        body,
        byline: pick(AUTHOR_KEYS),
        source: pick(SOURCE_KEYS),
        date: pick(DATE_KEYS),
        url: pick(URL_KEYS),
    })
}

/// Strings as they are, numbers as written, lists joined ("A and B"),
/// objects by their "name".
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => and_list(items.iter().filter_map(as_text).collect()),
        Value::Object(m) => m.get("name").and_then(as_text),
        _ => None,
    }
}

/// Names as a person lists them: "A", "A and B", "A, B and C"; blank
/// ones left out, `None` when none is left.
pub(super) fn and_list(mut parts: Vec<String>) -> Option<String> {
    parts.retain(|p| !p.trim().is_empty());
    let last = parts.pop()?;
    Some(if parts.is_empty() {
        last
    } else {
        format!("{} and {last}", parts.join(", "))
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json appends " at line L column C"; we say it our own way.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_field_of_the_wrong_kind_is_an_error_not_its_tokens() {
        let load = parse_json(
            "t.json",
            Path::new("t.json"),
            r#"{"title": 42, "text": "Body."}"#,
        )
        .unwrap();
        assert!(load.articles.is_empty());
        assert_eq!(
            load.problems,
            [r#"the object: the field "title" is a number, not text"#]
        );
        // A date may be unix seconds.
        let load = parse_json(
            "d.json",
            Path::new("d.json"),
            r#"{"date": 1700000000, "text": "B."}"#,
        )
        .unwrap();
        assert_eq!(load.articles.len(), 1);
    }

    #[test]
    fn thousands_of_alike_problems_are_one_line() {
        let items: Vec<String> = (0..30_000).map(|i| format!(r#"{{"x": {i}}}"#)).collect();
        let text = format!("[{}]", items.join(","));
        let load = parse_json("n.json", Path::new("n.json"), &text).unwrap();
        assert_eq!(load.problems.len(), 1, "{:?}", &load.problems[..2]);
        assert!(
            load.problems[0].starts_with(
                "30000 records skipped (record 1, record 2, record 3, …): no article text"
            ),
            "{}",
            load.problems[0]
        );
    }

    #[test]
    fn one_object_with_alternative_keys() {
        let j = r#"{"headline": "Rates rise", "text": "The bank raised rates.", "authors": ["Ann Lee", "Bo Chan"], "publisher": "Daily Wire Service", "published_at": "2024-01-02", "link": "https://example.com/a"}"#;
        let load = parse_json("a.json", Path::new("a.json"), j).unwrap();
        let a = &load.articles[0];
        assert_eq!(a.title, "Rates rise");
        assert_eq!(a.byline.as_deref(), Some("Ann Lee and Bo Chan"));
        assert_eq!(a.source.as_deref(), Some("Daily Wire Service"));
        assert_eq!(a.date.as_deref(), Some("2024-01-02"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
        assert!(a.text.starts_with("Rates rise\n\nThe bank"));
        assert_eq!(a.path, "a.json");
    }

    #[test]
    fn array_records_are_numbered_and_bad_records_reported() {
        let j = r#"[{"title": "A", "body": "x y"}, {"title": "no body"}, 7]"#;
        let load = parse_json("f.json", Path::new("f.json"), j).unwrap();
        assert_eq!(load.articles.len(), 1);
        assert_eq!(load.articles[0].path, "f.json#1");
        assert_eq!(load.problems.len(), 2);
        assert!(load.problems[0].starts_with("record 2: no article text"));
        assert!(load.problems[1].contains("found a number"));
    }

    #[test]
    fn invalid_json_names_line_and_column() {
        let err = parse_json(
            "f.json",
            Path::new("f.json"),
            "{\n  \"title\": \"x\",\n  oops\n}",
        )
        .unwrap_err();
        assert!(err.starts_with("invalid JSON at line 3, column 3"), "{err}");
    }

    #[test]
    fn jsonl_skips_bad_lines_and_keeps_good_ones() {
        let j =
            "{\"title\":\"A\",\"body\":\"one\"}\n\nnot json\n{\"title\":\"B\",\"text\":\"two\"}\n";
        let load = parse_jsonl("f.jsonl", Path::new("f.jsonl"), j);
        assert_eq!(load.articles.len(), 2);
        assert_eq!(load.articles[1].title, "B");
        assert_eq!(load.problems.len(), 1);
        assert!(
            load.problems[0].starts_with("line 3: invalid JSON"),
            "{:?}",
            load.problems
        );
    }

    #[test]
    fn escapes_inside_json_strings_are_sanitised() {
        let j =
            r#"{"title": "Bad\u001b]0;pwn\u0007 title", "body": "Body \u001b[31mred\u001b[0m."}"#;
        let load = parse_json("f.json", Path::new("f.json"), j).unwrap();
        let a = &load.articles[0];
        assert_eq!(a.title, "Bad title");
        assert!(!a.text.contains('\u{1b}'));
        assert!(
            a.notes
                .iter()
                .any(|n| n.repair && n.text.contains("escape"))
        );
    }
}
