//! A Markdown file's YAML front matter (`---` … `---` at its top): the
//! title, authors, date, link and outlet, under the keys static site
//! generators and news exporters write.
//!
//! Read as the parser's events, not into a tree: only top-level keys whose
//! value is text (or a list of texts) are wanted, and walking events builds
//! nothing, so an alias is never expanded (no "billion laughs") and a
//! nesting bomb is a counter, not a recursion.

use saphyr_parser::{Event, Parser, ScalarStyle};

use super::json::and_list;

/// What the front matter says, each field as written (sanitised later with
/// the rest of the article).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

/// Accepted keys, any case; in each list the first present wins.
const TITLE_KEYS: &[&str] = &["title", "headline"];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline"];
const DATE_KEYS: &[&str] = &["date", "published", "publish_date"];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url"];
const SOURCE_KEYS: &[&str] = &["source", "outlet", "site", "publisher"];

/// The fields of `yaml`, or why it could not be read (for a note: the file
/// still loads without them).
pub fn read(yaml: &str) -> Result<FrontMatter, String> {
    let values = top_level(yaml)?;
    let pick = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            values
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(k))
                .and_then(|(_, v)| and_list(v.clone()))
        })
    };
    Ok(FrontMatter {
        title: pick(TITLE_KEYS),
        byline: pick(AUTHOR_KEYS),
        date: pick(DATE_KEYS),
        url: pick(URL_KEYS),
        source: pick(SOURCE_KEYS),
    })
}

/// Each top-level key with its text: one string, or the strings of a list
/// (`authors: [A, B]`). Keys whose value is a mapping, or a list of
/// anything but strings, give only the strings found directly in them.
fn top_level(yaml: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut out = Vec::new();
    // Collections open: 1 inside the top-level mapping, 2 inside a value.
    let mut depth = 0usize;
    let mut key: Option<String> = None;
    let mut expect_key = true;
    // A collection used as a key (`? [a, b]: x`): skipped, its value too.
    let mut key_collection = false;
    let mut list: Vec<String> = Vec::new();
    // The value open at depth 2 is a list (its strings are wanted), not a
    // mapping (`meta: {title: x}`, whose strings are not).
    let mut in_list = false;
    for event in Parser::new_from_str(yaml) {
        let (event, _) = event.map_err(|e| {
            // The front matter starts on the file's second line.
            format!("{} at line {}", e.info(), e.marker().line() + 1)
        })?;
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                depth += 1;
                match depth {
                    1 if !matches!(event, Event::MappingStart(..)) => {
                        return Err("a list, not keys and values".into());
                    }
                    2 if expect_key => key_collection = true,
                    2 => {
                        list.clear();
                        in_list = matches!(event, Event::SequenceStart(..));
                    }
                    _ => {}
                }
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                match depth {
                    0 => break,
                    1 if key_collection => {
                        key_collection = false;
                        key = None;
                        expect_key = false;
                    }
                    1 => {
                        if let Some(k) = key.take() {
                            out.push((k, std::mem::take(&mut list)));
                        }
                        expect_key = true;
                    }
                    _ => {}
                }
            }
            Event::Scalar(value, style, ..) => match depth {
                0 => return Err("text, not keys and values".into()),
                1 if expect_key => {
                    key = Some(value.into_owned());
                    expect_key = false;
                }
                1 => {
                    if let Some(k) = key.take()
                        && !is_null(&value, style)
                    {
                        out.push((k, vec![value.into_owned()]));
                    }
                    expect_key = true;
                }
                2 if in_list && !key_collection && !is_null(&value, style) => {
                    list.push(value.into_owned());
                }
                _ => {}
            },
            // An alias's value is not looked up: nothing is expanded.
            Event::Alias(_) if depth == 1 => {
                key = None;
                expect_key = !expect_key;
            }
            Event::DocumentEnd => break,
            _ => {}
        }
    }
    Ok(out)
}

/// YAML's empty values: `~`, `null` and nothing, when not quoted.
fn is_null(value: &str, style: ScalarStyle) -> bool {
    style == ScalarStyle::Plain && matches!(value.trim(), "" | "~" | "null" | "Null" | "NULL")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_keys_give_the_fields() {
        let fm = read(
            "title: \"Harbour reopens: the fleet sails\"\nAuthors:\n  - Ann Lee\n  - Nils Berg\n\
             date: 2024-07-15\ncanonical_url: https://ledger.example/harbour\n\
             publisher: The Coastal Ledger\ntags: [port, weather]\n",
        )
        .unwrap();
        assert_eq!(
            fm,
            FrontMatter {
                title: Some("Harbour reopens: the fleet sails".into()),
                byline: Some("Ann Lee and Nils Berg".into()),
                date: Some("2024-07-15".into()),
                url: Some("https://ledger.example/harbour".into()),
                source: Some("The Coastal Ledger".into()),
            }
        );
    }

    #[test]
    fn the_first_listed_key_wins_and_empty_values_are_absent() {
        let fm = read("byline: By Ann Lee\nauthor: Nils Berg\ntitle: ~\nurl: ''\n").unwrap();
        assert_eq!(fm.byline.as_deref(), Some("Nils Berg"));
        assert_eq!(fm.title, None);
        assert_eq!(fm.url, None, "an empty string gives no link");
    }

    #[test]
    fn nested_values_and_aliases_give_nothing_they_should_not() {
        let fm = read(
            "meta: {title: Not this}\ntitle: &t Real title\nsite: *t\n\
             author:\n  - {name: Ann}\n  - Nils Berg\n? [a, b]\n: ignored\nsource: Wire\n",
        )
        .unwrap();
        assert_eq!(fm.title.as_deref(), Some("Real title"));
        assert_eq!(fm.byline.as_deref(), Some("Nils Berg"));
        assert_eq!(fm.source.as_deref(), Some("Wire"), "the alias is skipped");
    }

    #[test]
    fn what_is_not_keys_and_values_is_an_error_with_a_line() {
        assert!(read("- a\n- b\n").is_err());
        assert!(read("just a sentence\n").is_err());
        let e = read("title: a\nauthor: [unclosed\n").unwrap_err();
        assert!(e.contains("line"), "{e}");
    }

    #[test]
    fn a_billion_laughs_and_a_nesting_bomb_are_walked_not_built() {
        let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..30 {
            laughs.push_str(&format!(
                "l{i}: &l{i} [*{p}, *{p}, *{p}, *{p}]\n",
                p = if i == 1 {
                    "a".to_string()
                } else {
                    format!("l{}", i - 1)
                }
            ));
        }
        laughs.push_str("title: Laughs\n");
        assert_eq!(read(&laughs).unwrap().title.as_deref(), Some("Laughs"));
        let deep = format!(
            "title: Deep\nx: {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        // The parser stops at its own nesting limit: a note, not a crash.
        let e = read(&deep).unwrap_err();
        assert!(e.contains("line 3"), "{e}");
        let block: String = (0..3_000)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        let deep = format!("title: Deep\nx:\n{block}");
        assert_eq!(read(&deep).unwrap().title.as_deref(), Some("Deep"));
    }
}
