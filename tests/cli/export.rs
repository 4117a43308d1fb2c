//! `--format csv` and `--format markdown` of `quotes`, `speakers` and
//! `search`, read back as a spreadsheet or a Markdown viewer would.

use crate::support::cli::run;

use std::path::Path;

use serde_json::Value;

fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "saidso {args:?} failed: {err}");
    out
}

/// Header and rows of a CSV text, parsed with the csv crate.
fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// An article whose text is hard on CSV and Markdown: commas, quotes and
/// Markdown syntax in the title, a quotation that starts like a formula.
fn awkward_article(dir: &Path) -> String {
    let path = dir.join("cold.txt");
    std::fs::write(
        &path,
        "Cold snap hits *again*, forecasters say #\n\n\
         By Jo Bloggs\n\n\
         “-5 degrees tonight, and colder [1] by _Friday_,” said Maria Okafor, a forecaster.\n\n\
         “=HYPERLINK(evil.example; click) is not a forecast,” Okafor added.\n",
    )
    .unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn quotes_csv_has_the_json_fields_one_row_per_quotation() {
    let csv_text = ok(&["quotes", "--format", "csv"]);
    let (header, rows) = parse_csv(&csv_text);
    assert_eq!(
        header,
        [
            "path",
            "title",
            "speaker",
            "role",
            "text",
            "paragraph",
            "start",
            "end",
            "how",
            "via"
        ]
    );
    let json: Value = serde_json::from_str(&ok(&["quotes", "--json"])).unwrap();
    let quotes: Vec<(&Value, &Value)> = json
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["quotes"].as_array().unwrap().iter().map(move |q| (a, q)))
        .collect();
    assert!(quotes.len() > 50, "{} quotations", quotes.len());
    assert_eq!(rows.len(), quotes.len());
    for (row, (a, q)) in rows.iter().zip(&quotes) {
        assert_eq!(row[0], a["path"].as_str().unwrap());
        assert_eq!(row[1], a["title"].as_str().unwrap());
        assert_eq!(row[2], q["speaker"].as_str().unwrap_or(""));
        assert_eq!(row[3], q["role"].as_str().unwrap_or(""));
        let text = q["text"].as_str().unwrap();
        if text.starts_with(['=', '+', '-', '@']) {
            assert_eq!(row[4], format!("'{text}"));
        } else {
            assert_eq!(row[4], text);
        }
        assert_eq!(row[5], q["paragraph"].to_string());
        assert_eq!(row[6], q["start"].to_string());
        assert_eq!(row[7], q["end"].to_string());
        assert_eq!(row[8], q["how"].as_str().unwrap_or(""));
        assert_eq!(row[9], q["via"].as_str().unwrap_or(""));
    }
}

#[test]
fn quotes_json_says_how_each_speaker_was_found() {
    let json: Value = serde_json::from_str(&ok(&["quotes", "--json"])).unwrap();
    let quotes: Vec<&Value> = json
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["quotes"].as_array().unwrap())
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    for q in &quotes {
        // Both fields on every record; a label exactly when a speaker is.
        let (how, via) = (&q["how"], &q["via"]);
        assert!(how.is_string() || how.is_null(), "{q}");
        assert!(via.is_string() || via.is_null(), "{q}");
        assert_eq!(how.is_null(), q["speaker"].is_null(), "{q}");
        if let Some(h) = how.as_str() {
            seen.insert(h.to_string());
        }
    }
    // The bundled articles name most speakers beside their words and
    // leave others to a pronoun, a carried-on speaker or an unnamed source.
    for label in ["explicit", "pronoun", "continued", "unnamed"] {
        assert!(seen.contains(label), "no {label} in {seen:?}");
    }
    // The plain text names the inferred ones.
    let text = ok(&["quotes"]);
    assert!(text.contains("  Sergei Lavrov (continued): “"), "{text}");
    assert!(
        text.contains("  Sergei Lavrov (via TASS): “This engagement"),
        "{text}"
    );
}

#[test]
fn csv_quotes_awkward_cells_and_guards_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let path = awkward_article(dir.path());
    let out = ok(&["quotes", "--format", "csv", &path]);
    let (_, rows) = parse_csv(&out);
    assert_eq!(rows.len(), 2, "{out}");
    // Quotes and commas survive RFC 4180 quoting.
    assert_eq!(rows[0][1], "Cold snap hits *again*, forecasters say #");
    assert_eq!(rows[0][2], "Maria Okafor");
    // Cells a spreadsheet would run are text.
    assert_eq!(
        rows[0][4],
        "'-5 degrees tonight, and colder [1] by _Friday_,"
    );
    assert_eq!(
        rows[1][4],
        "'=HYPERLINK(evil.example; click) is not a forecast,"
    );
    assert!(out.contains(",\"Cold snap hits *again*, forecasters say #\","));
}

#[test]
fn json_flag_is_format_json_and_conflicts_with_another_format() {
    for cmd in [&["quotes"][..], &["speakers"], &["search", "lavrov"]] {
        let old = ok(&[cmd, &["--json"]].concat());
        let new = ok(&[cmd, &["--format", "json"]].concat());
        assert_eq!(old, new, "{cmd:?}");
        serde_json::from_str::<Value>(&new).expect("valid JSON");
        let (code, _, err) = run(&[cmd, &["--json", "--format", "csv"]].concat());
        assert_eq!(code, 2, "{cmd:?}");
        assert!(err.contains("cannot be used with"), "{err}");
    }
    let (code, _, err) = run(&["quotes", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(err.contains("markdown"), "the choices are listed: {err}");
    // The columns are documented in --help.
    let help = ok(&["quotes", "--help"]);
    assert!(help.contains("path,title,speaker,role,text,paragraph,start,end,how,via"));
    assert!(help.contains("continued (the"), "how is explained: {help}");
    assert!(help.contains("leading '"), "{help}");
}

#[test]
fn quotes_markdown_reads_as_notes() {
    let dir = tempfile::tempdir().unwrap();
    let path = awkward_article(dir.path());
    let md = ok(&["quotes", "--format", "markdown", &path]);
    let expected = format!(
        "## Cold snap hits \\*again\\*, forecasters say \\#\n\
         \n\
         By Jo Bloggs · `{path}`\n\
         \n\
         > “-5 degrees tonight, and colder \\[1\\] by \\_Friday\\_,”\n\
         >\n\
         > — **Maria Okafor**\n\
         \n\
         > “=HYPERLINK(evil.example; click) is not a forecast,”\n\
         >\n\
         > — **Maria Okafor**\n"
    );
    assert_eq!(md, expected);

    // The bundled corpus: one section per article.
    let md = ok(&["quotes", "--format", "md"]);
    assert_eq!(md.matches("\n## ").count() + 1, 5);
    assert!(md.starts_with("## Cooperation between Russia and China"));
    assert!(md.contains(
        "> “This engagement will strengthen,”\n>\n> — **Sergei Lavrov**, Russian Foreign Minister (via TASS)\n"
    ));
    // An inferred speaker says how it was found; a named one does not.
    assert!(
        md.contains("> — **Sergei Lavrov**, Russian Foreign Minister *(continued)*\n"),
        "{md}"
    );
}

#[test]
fn speakers_as_csv_and_a_markdown_table() {
    let (header, rows) = parse_csv(&ok(&["speakers", "--format", "csv"]));
    assert_eq!(
        header,
        [
            "name",
            "kind",
            "role",
            "quotes",
            "article_count",
            "aliases",
            "article_paths"
        ]
    );
    let json: Value = serde_json::from_str(&ok(&["speakers", "--json"])).unwrap();
    let json = json.as_array().unwrap();
    assert_eq!(rows.len(), json.len());
    let lavrov = &rows[0];
    assert_eq!(lavrov[0], "Sergei Lavrov");
    assert_eq!(lavrov[1], "person");
    assert_eq!(lavrov[3], json[0]["quotes"].to_string());
    assert_eq!(lavrov[4], "5");
    assert_eq!(lavrov[6].split("; ").count(), 5);
    assert!(
        lavrov[5].split("; ").any(|a| a == "Sergey Lavrov"),
        "{lavrov:?}"
    );

    let md = ok(&["speakers", "--format", "markdown"]);
    let (named, unnamed) = md
        .split_once("\nUnnamed sources, never merged across articles:\n\n")
        .expect("a section for the unnamed sources");
    let lines: Vec<&str> = named.lines().collect();
    assert_eq!(
        lines[0],
        "| Speaker | Role | Quotations | Articles | Also named |"
    );
    assert_eq!(lines[1], "| --- | --- | ---: | ---: | --- |");
    let descriptions = json.iter().filter(|s| s["kind"] == "description").count();
    assert_eq!(descriptions, 1, "the bundled articles' one unnamed source");
    assert_eq!(lines.len(), json.len() - descriptions + 2);
    assert!(lines[2].starts_with("| Sergei Lavrov | Russian Foreign Minister | "));
    for l in &lines {
        assert_eq!(
            l.matches(" | ").count() + l.matches("\\|").count(),
            4,
            "{l}"
        );
    }
    // Each unnamed source with the one article it is from.
    assert_eq!(
        unnamed,
        "| Source | Quotations | Article |\n\
         | --- | ---: | --- |\n\
         | senior administration official | 2 | `000_373775eacfdba3f8.txt` |\n"
    );
}

#[test]
fn search_as_csv_rows_and_a_markdown_list() {
    let (header, rows) = parse_csv(&ok(&["search", "--format", "csv", "sanctions"]));
    assert_eq!(
        header,
        ["rank", "path", "title", "score", "paragraph", "text"]
    );
    assert!(!rows.is_empty());
    assert_eq!(rows[0][0], "1");
    assert!(
        rows.iter()
            .all(|r| r[5].to_lowercase().contains("sanction"))
    );
    let json: Value = serde_json::from_str(&ok(&["search", "--json", "sanctions"])).unwrap();
    let json = json.as_array().unwrap();
    let matches: usize = json
        .iter()
        .map(|r| r["matches"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len(), matches);

    let md = ok(&["search", "--format", "markdown", "sanctions"]);
    let title = json[0]["title"].as_str().unwrap();
    assert!(md.starts_with(&format!("1. **{title}** — `")), "{md}");
    assert!(md.contains("\n   > "), "a snippet under the item:\n{md}");
    assert!(md.contains("**sanctions**"), "the match in bold:\n{md}");
    assert_eq!(md.matches(". **").count(), json.len());
}

/// `start..end` of every quotation are bytes of the file as read: the
/// file's bytes there, cleaned as saidso cleans text, are the quotation's
/// text — for the bundled articles and for files with the mess that
/// cleaning changes (a BOM, CRLF line ends, spaces at line ends, no-break
/// spaces, escape sequences, bidi controls).
#[test]
fn quotation_offsets_point_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let messy = "\u{feff}Talks resume  \r\n\r\n\
        The minister, Anna\u{a0}Berg, said: \u{201c}We will keep\u{a0}talking.\u{201d}   \r\n\r\n\
        \x1b[31m\u{201c}The door is open,\u{201d}\x1b[0m Berg said.\u{202e}\u{202c} \r\n\r\n\
        \u{201c}Nothing\u{2003}is settled,\u{201d} she added.\r\n";
    std::fs::write(dir.path().join("messy.txt"), messy).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let mut checked = 0;
    for target in [dir.path(), seeds.as_path()] {
        let out = ok(&["quotes", "--json", target.to_str().unwrap()]);
        let articles: Value = serde_json::from_str(&out).unwrap();
        for a in articles.as_array().unwrap() {
            let bytes = std::fs::read(a["path"].as_str().unwrap()).unwrap();
            for q in a["quotes"].as_array().unwrap() {
                let (start, end) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
                let slice = &bytes[start as usize..end as usize];
                let (cleaned, _) = saidso::corpus::sanitize::sanitize(slice);
                assert_eq!(cleaned, q["text"].as_str().unwrap(), "{}", a["path"]);
                checked += 1;
            }
        }
    }
    assert!(checked > 80, "{checked} quotations");
}

#[test]
fn list_and_compare_as_csv_and_markdown() {
    let (header, rows) = parse_csv(&ok(&["list", "--format", "csv"]));
    assert_eq!(header[..3], ["path", "title", "byline"]);
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0][2], "Patrick Goodenough");
    let md = ok(&["list", "--format", "markdown"]);
    assert!(
        md.starts_with("| title | by | words | file |\n| --- |"),
        "{md}"
    );
    assert_eq!(md.lines().count(), 7);

    let (header, rows) = parse_csv(&ok(&["compare", "--format", "csv", "000", "001"]));
    assert_eq!(header[0], "kind");
    let shared: Vec<_> = rows.iter().filter(|r| r[0] == "shared").collect();
    assert_eq!(shared.len(), 2, "as --json has it");
    assert_eq!(
        (shared[0][2].as_str(), shared[0][4].as_str()),
        ("Sergei Lavrov", "Sergey Lavrov")
    );
    assert!(rows.iter().any(|r| r[0] == "left_only"));
    let md = ok(&["compare", "--format", "md", "000", "001"]);
    assert!(md.contains("### Shared statements (2)"), "{md}");
    assert!(md.contains("— **Sergey Lavrov** *(79% alike)*"), "{md}");
}
