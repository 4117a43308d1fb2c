//! Articles stored as JSON: one object, an array of objects, or JSON Lines.
//!
//! Scrapers and news APIs disagree on field names, so each field is looked
//! up through a table of accepted keys, first match wins.

use serde_json::Value;

use super::article::{Article, Origin};
use super::assemble::{ArticleFields, article_from_fields};

const TITLE_KEYS: &[&str] = &["title", "headline", "name"];
const BODY_KEYS: &[&str] = &[
    "body",
    "text",
    "content",
    "article",
    "full_text",
    "maintext",
];
const SOURCE_KEYS: &[&str] = &[
    "source",
    "outlet",
    "publisher",
    "site",
    "site_name",
    "domain",
];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline", "by", "creator"];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "date_publish",
    "datetime",
    "time",
];
const URL_KEYS: &[&str] = &["url", "link", "href", "permalink"];

/// What reading one JSON file produced.
#[derive(Debug, Default)]
pub struct JsonLoad {
    pub articles: Vec<Article>,
    /// Problems with single records or lines; the file as a whole loaded.
    pub problems: Vec<String>,
}

/// Parse a `.json` file: one article object or an array of them.
pub fn parse_json(display: &str, path: &std::path::Path, text: &str) -> Result<JsonLoad, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "invalid JSON at line {}, column {}: {}",
            e.line(),
            e.column(),
            strip_position(&e.to_string())
        )
    })?;
    let mut load = JsonLoad::default();
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
    Ok(load)
}

/// Parse a `.jsonl` file: one article object per line; bad lines are
/// reported and skipped, the rest load.
pub fn parse_jsonl(display: &str, path: &std::path::Path, text: &str) -> JsonLoad {
    let mut load = JsonLoad::default();
    let mut n = 0;
    for (lineno, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        let at = format!("line {}", lineno + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(v) => push_record(&mut load, format!("{display}#{n}"), path, &v, &at),
            Err(e) => load.problems.push(format!(
                "{at}: invalid JSON: {}",
                strip_position(&e.to_string())
            )),
        }
    }
    load
}

fn push_record(load: &mut JsonLoad, name: String, path: &std::path::Path, v: &Value, at: &str) {
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
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(as_text).collect();
            match parts.len() {
                0 => None,
                1 => parts.into_iter().next(),
                _ => {
                    let (last, rest) = parts.split_last()?;
                    Some(format!("{} and {last}", rest.join(", ")))
                }
            }
        }
        Value::Object(m) => m.get("name").and_then(as_text),
        _ => None,
    }
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
        assert!(a.notes.iter().any(|n| n.0.contains("escape")));
    }
}
