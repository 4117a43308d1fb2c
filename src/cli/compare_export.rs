//! `compare --format csv|markdown`: the comparison as a table for a
//! spreadsheet, or as notes. Both are made from the `--json` report, so
//! the three formats say the same.

use std::io::{self, Write};

use saidso::export::markdown;

use super::compare::{QuoteRecord, Report};
use super::format::write_csv;

/// The `--format csv` columns: one row per shared pair, then one per
/// quotation only one side has.
const CSV_HEADER: &[&str] = &[
    "kind",
    "left_text",
    "left_speaker",
    "right_text",
    "right_speaker",
    "similarity",
];

pub fn csv(w: &mut dyn Write, report: &Report) -> io::Result<()> {
    let side = |q: Option<&QuoteRecord>| match q {
        Some(q) => [q.text.to_string(), q.speaker.unwrap_or("").to_string()],
        None => [String::new(), String::new()],
    };
    let row = |kind: &str, l: Option<&QuoteRecord>, r: Option<&QuoteRecord>, sim: String| {
        let [lt, ls] = side(l);
        let [rt, rs] = side(r);
        vec![kind.to_string(), lt, ls, rt, rs, sim]
    };
    let rows = report
        .pairs
        .iter()
        .map(|p| {
            row(
                "shared",
                Some(&p.left),
                Some(&p.right),
                format!("{:.3}", p.similarity),
            )
        })
        .chain(
            report
                .left_only
                .iter()
                .map(|q| row("left_only", Some(q), None, String::new())),
        )
        .chain(
            report
                .right_only
                .iter()
                .map(|q| row("right_only", None, Some(q), String::new())),
        )
        .collect::<Vec<_>>();
    write_csv(w, CSV_HEADER, rows)
}

pub fn markdown(w: &mut dyn Write, report: &Report) -> io::Result<()> {
    let quote = |q: &QuoteRecord| {
        let by = q
            .speaker
            .map_or_else(String::new, |s| format!(" — **{}**", markdown::escape(s)));
        format!("“{}”{by}", markdown::escape(&one_line(q.text)))
    };
    writeln!(
        w,
        "## {} · {}\n",
        markdown::heading(&one_line(report.left.title)),
        markdown::heading(&one_line(report.right.title))
    )?;
    writeln!(
        w,
        "Left: {}  \nRight: {}\n",
        markdown::code(report.left.path),
        markdown::code(report.right.path)
    )?;
    writeln!(w, "### Shared statements ({})\n", report.pairs.len())?;
    for p in &report.pairs {
        writeln!(
            w,
            "> {}  \n> {} *({:.0}% alike)*\n",
            quote(&p.left),
            quote(&p.right),
            p.similarity * 100.0
        )?;
    }
    for (title, only) in [
        ("Only in the left article", &report.left_only),
        ("Only in the right article", &report.right_only),
    ] {
        writeln!(w, "### {title} ({})\n", only.len())?;
        for q in only {
            writeln!(w, "- {}", quote(q))?;
        }
        writeln!(w)?;
    }
    Ok(())
}

/// Quotations can span paragraphs; notes and cells want one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
