//! Exports of news databases as CSV (Media Cloud, GDELT, a spreadsheet of
//! links): a header row names the columns, looked up through the same
//! tables of field names as JSON records (title/headline, text/body/
//! content, author, media_name/outlet/domain, publish_date/date/seendate,
//! url). A row without text — many exports are lists of links — is still
//! an article, with a note saying it has no text, never an empty story.

use super::article::{LoadNote, Origin};
use super::assemble::{ArticleFields, article_from_fields};
use super::json::{AUTHOR_KEYS, BODY_KEYS, DATE_KEYS, Records, SOURCE_KEYS, TITLE_KEYS, URL_KEYS};

/// The note on a row with no text.
pub const NO_TEXT: &str = "no text in this record (a link only)";

/// The rows of a CSV export with a header; `display` names each row
/// (`file.csv#3`).
pub fn parse_csv(display: &str, path: &std::path::Path, text: &str) -> Result<Records, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| format!("not a CSV file ({e})"))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let column = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| header.iter().position(|h| h.eq_ignore_ascii_case(k)))
    };
    let [title, body, author, source, date, url] = [
        TITLE_KEYS,
        BODY_KEYS,
        AUTHOR_KEYS,
        SOURCE_KEYS,
        DATE_KEYS,
        URL_KEYS,
    ]
    .map(column);
    if title.is_none() && body.is_none() && url.is_none() {
        return Err(format!(
            "no column of a title, a text or a link in the header ({})",
            header.join(", ")
        ));
    }
    let mut load = Records::default();
    for (n, row) in reader.records().enumerate() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                load.problems.push(format!("row {}: {e}", n + 2));
                continue;
            }
        };
        let cell = |c: Option<usize>| {
            c.and_then(|i| row.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let body = cell(body);
        let fields = ArticleFields {
            title: cell(title).or_else(|| cell(url)),
            body: body.clone().unwrap_or_default(),
            byline: cell(author),
            source: cell(source),
            date: cell(date),
            url: cell(url),
        };
        if fields.title.is_none() && body.is_none() {
            continue;
        }
        let mut article = article_from_fields(
            format!("{display}#{}", n + 1),
            Origin::JsonRecord(path.to_path_buf()),
            fields,
        );
        if body.is_none() {
            article.notes.push(LoadNote::fact(NO_TEXT));
        }
        load.articles.push(article);
    }
    Ok(load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_with_text_and_a_list_of_links_both_load() {
        let csv = "stories_id,publish_date,title,url,media_name,text\n\
                   1,2023-09-18 03:15:00,\"Harbour reopens, at last\",https://a.example/1,Coastal Ledger,\"The harbour reopened.\n\nIt was \"\"about time\"\".\"\n\
                   2,20230918T031500Z,Ferry resumes,https://a.example/2,Island Post,\n";
        let load = parse_csv("x.csv", std::path::Path::new("x.csv"), csv).unwrap();
        assert!(load.problems.is_empty(), "{:?}", load.problems);
        let [a, b] = &load.articles[..] else {
            panic!("two rows")
        };
        assert_eq!(a.title, "Harbour reopens, at last");
        assert_eq!(a.source.as_deref(), Some("Coastal Ledger"));
        assert!(a.text.contains("It was \"about time\"."));
        assert!(a.notes.is_empty());
        assert_eq!(b.title, "Ferry resumes");
        assert_eq!(b.url.as_deref(), Some("https://a.example/2"));
        assert_eq!(b.notes, [LoadNote::fact(NO_TEXT)]);
        assert_eq!(b.path, "x.csv#2");
    }

    #[test]
    fn a_csv_of_something_else_is_an_error_naming_its_columns() {
        let e = parse_csv("p.csv", std::path::Path::new("p.csv"), "price,qty\n1,2\n").unwrap_err();
        assert_eq!(
            e,
            "no column of a title, a text or a link in the header (price, qty)"
        );
    }
}
