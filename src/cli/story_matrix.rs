//! `saidso stories --matrix N`: story N compared — its shared statements ×
//! its articles, each cell `=` (the most common wording), `~` (in other
//! words) or `·` (not carried).

use std::io::Write;

use serde::Serialize;

use saidso::corpus::Article;
use saidso::quotes::cite::one_line;
use saidso::quotes::{ArticleQuotes, SpeakerIndex};
use saidso::statements::{Statements, wording};
use saidso::stories::Story;
use saidso::stories::matrix::{Carried, Matrix, matrix};

use super::format::{Format, write_csv};
use super::output;

/// The `--format csv` columns, one row per statement and article.
const CSV_HEADER: &[&str] = &["statement", "speaker", "text", "path", "outlet", "carried"];

#[derive(Serialize)]
struct MatrixRecord<'a> {
    title: &'a str,
    articles: Vec<ArticleColumn<'a>>,
    statements: Vec<StatementRow<'a>>,
}

#[derive(Serialize)]
struct ArticleColumn<'a> {
    path: &'a str,
    outlet: Option<&'a str>,
    date: Option<String>,
    title: &'a str,
}

#[derive(Serialize)]
struct StatementRow<'a> {
    speaker: &'a str,
    text: &'a str,
    /// Per article, in column order: "common", "other" or "no".
    carried: &'a [Carried],
}

/// Everything a matrix is written from.
pub struct Input<'a> {
    pub story: &'a Story,
    pub statements: &'a Statements,
    pub articles: &'a [Article],
    pub quotes: &'a [&'a ArticleQuotes],
    pub speakers: &'a SpeakerIndex,
}

/// Write story `input.story`'s matrix in `format`.
pub fn write(input: &Input, format: Format) -> anyhow::Result<()> {
    let m: Matrix = matrix(input.story, input.statements, input.articles, input.quotes);
    let record = MatrixRecord {
        title: &input.story.title,
        articles: m
            .articles
            .iter()
            .map(|&a| {
                let a = &input.articles[a];
                ArticleColumn {
                    path: &a.path,
                    outlet: a.source.as_deref(),
                    date: a.published().map(|d| d.iso()),
                    title: &a.title,
                }
            })
            .collect(),
        statements: m
            .statements
            .iter()
            .zip(&m.cells)
            .map(|(&st, cells)| {
                let s = &input.statements.statements[st];
                StatementRow {
                    speaker: &input.speakers.speakers[s.speaker].name,
                    text: wording::text(input.articles, input.quotes, s.renderings[s.common]),
                    carried: cells,
                }
            })
            .collect(),
    };
    match format {
        Format::Json => output::json(&record),
        Format::Csv => output::to_stdout(|w| {
            let rows = record.statements.iter().enumerate().flat_map(|(n, s)| {
                s.carried.iter().zip(&record.articles).map(move |(c, a)| {
                    vec![
                        (n + 1).to_string(),
                        s.speaker.to_string(),
                        s.text.to_string(),
                        a.path.to_string(),
                        a.outlet.unwrap_or("").to_string(),
                        name(*c).to_string(),
                    ]
                })
            });
            write_csv(w, CSV_HEADER, rows)
        }),
        Format::Text | Format::Markdown => output::to_stdout(|w| text(w, &record)),
    }
}

fn name(c: Carried) -> &'static str {
    match c {
        Carried::No => "no",
        Carried::Common => "common",
        Carried::Other => "other",
    }
}

/// The articles numbered, then a row per statement with a mark per
/// article, then what the marks mean.
fn text(w: &mut dyn Write, r: &MatrixRecord) -> std::io::Result<()> {
    writeln!(w, "{}", one_line(r.title))?;
    for (n, a) in r.articles.iter().enumerate() {
        let mut place: Vec<String> = vec![one_line(a.path)];
        place.extend(a.outlet.map(one_line));
        place.extend(
            a.date
                .as_ref()
                .map(|d| d.get(..10).unwrap_or(d).to_string()),
        );
        writeln!(
            w,
            "  {:>2}  {} · {}",
            n + 1,
            place.join(" · "),
            one_line(a.title)
        )?;
    }
    if r.statements.is_empty() {
        writeln!(w, "\nNo statement is carried by two of its articles.")?;
        return Ok(());
    }
    writeln!(w)?;
    let header: String = (1..=r.articles.len())
        .map(|n| format!("{:>3}", n % 100))
        .collect();
    writeln!(w, "{header}")?;
    for s in &r.statements {
        let marks: String = s
            .carried
            .iter()
            .map(|c| match c {
                Carried::No => "  ·",
                Carried::Common => "  =",
                Carried::Other => "  ~",
            })
            .collect();
        let words = one_line(s.text);
        let words = match words.char_indices().nth(70) {
            Some((cut, _)) => format!("{}…", &words[..cut]),
            None => words,
        };
        writeln!(w, "{marks}   {}: “{words}”", one_line(s.speaker))?;
    }
    writeln!(
        w,
        "\n= the most common wording · ~ in other words · · not carried"
    )
}
