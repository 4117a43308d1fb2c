//! `saidso coverage`: who gave voice to whom, as a table of speakers ×
//! outlets (see `saidso::coverage`).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;
use serde::ser::Serializer;

use saidso::coverage::{Cell, Coverage, Row};
use saidso::export::markdown;
use saidso::export::terminal::visible_line;
use saidso::quotes::cite::one_line;
use saidso::tui::text::truncate;
use saidso::wrap::display_width;

use super::format::{Format, FormatArgs, write_csv};
use super::speakers::Indexed;
use super::{CorpusArgs, exit_status, output};

#[derive(Debug, Args)]
#[command(after_help = FORMATS)]
pub struct CoverageArgs {
    #[command(flatten)]
    pub output: FormatArgs,
    /// Only the N most quoted named speakers (and the unnamed sources'
    /// row); the outlets' totals still count everyone.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// `--help`: what each format writes.
const FORMATS: &str = "Rows are speakers, named ones most quoted first, every unnamed source
(\"a senior official\") in one row last; columns are outlets (an article's
source: \"Reuters\" and \"reuters\" are one), most quotations first, the
articles that name no outlet last as \"(no outlet)\". A cell is the
quotations of that speaker in that outlet and the articles they are in.

Formats (--format):
  text      a table for the terminal: speaker, total, then as many outlets
            as fit the width (the terminal's, else 100), each cell
            \"quotations (articles)\"; the outlets' totals last
  json      {\"outlets\": [{\"name\", \"named\", \"quotes\", \"articles\"}],
             \"speakers\": [{\"name\", \"unnamed\", \"quotes\", \"articles\",
                           \"cells\": {OUTLET: {\"quotes\", \"articles\"}}}]};
            cells only where the outlet quotes the speaker, in column
            order; an outlet's \"articles\" counts all its articles;
            --json is the same
  csv       a header row, then one row per speaker and outlet that quotes
            them, in table order: speaker,unnamed,outlet,quotes,articles
  markdown  the whole table: Speaker | Total | one column per outlet,
            cells \"quotations (articles)\", then a row of the outlets'
            totals

CSV cells that start with = + - or @ get a leading ' so that a spreadsheet
shows them as text instead of running them as a formula.";

/// The `--format csv` columns, one row per speaker and outlet.
const CSV_HEADER: &[&str] = &["speaker", "unnamed", "outlet", "quotes", "articles"];

/// Width of the text table when stdout is not a terminal.
const DEFAULT_WIDTH: usize = 100;
/// Widest the speaker column and an outlet column get in the text table.
const MAX_NAME_WIDTH: usize = 28;
const MAX_OUTLET_WIDTH: usize = 14;

#[derive(Serialize)]
struct Table<'a> {
    outlets: Vec<OutletRecord<'a>>,
    speakers: Vec<SpeakerRecord<'a>>,
}

#[derive(Serialize)]
struct OutletRecord<'a> {
    name: &'a str,
    named: bool,
    quotes: usize,
    articles: usize,
}

#[derive(Serialize)]
struct SpeakerRecord<'a> {
    name: &'a str,
    unnamed: bool,
    quotes: usize,
    articles: usize,
    #[serde(serialize_with = "cells_in_order")]
    cells: (&'a Coverage, &'a Row),
}

/// A row's cells as a JSON object keyed by outlet, in column order.
fn cells_in_order<S: Serializer>(cells: &(&Coverage, &Row), s: S) -> Result<S::Ok, S::Error> {
    let (table, row) = *cells;
    s.collect_map(
        row.cells()
            .iter()
            .map(|&(c, cell)| (table.outlets[c].name.as_str(), cell)),
    )
}

pub fn run(args: &CoverageArgs) -> anyhow::Result<ExitCode> {
    let ix = Indexed::load(&args.corpus);
    let index = ix.index.with_unnamed_grouped();
    let articles = &ix.corpus.articles;
    let mut table = Coverage::build(articles, &index);
    if let Some(n) = args.top {
        table.keep_top(n);
    }
    match args.output.format() {
        Format::Json => output::json(&Table {
            outlets: table
                .outlets
                .iter()
                .map(|o| OutletRecord {
                    name: &o.name,
                    named: o.named,
                    quotes: o.quotes,
                    articles: o.articles,
                })
                .collect(),
            speakers: table
                .rows
                .iter()
                .map(|r| SpeakerRecord {
                    name: &r.name,
                    unnamed: r.unnamed,
                    quotes: r.total.quotes,
                    articles: r.total.articles,
                    cells: (&table, r),
                })
                .collect(),
        })?,
        Format::Csv => output::to_stdout(|w| {
            let rows = table.rows.iter().flat_map(|r| {
                r.cells().iter().map(|&(c, cell)| {
                    vec![
                        r.name.clone(),
                        r.unnamed.to_string(),
                        table.outlets[c].name.clone(),
                        cell.quotes.to_string(),
                        cell.articles.to_string(),
                    ]
                })
            });
            write_csv(w, CSV_HEADER, rows)
        })?,
        Format::Markdown => output::to_stdout(|w| write_markdown(w, &table))?,
        Format::Text => {
            let width = if std::io::stdout().is_terminal() {
                crossterm::terminal::size().map_or(DEFAULT_WIDTH, |(w, _)| w as usize)
            } else {
                DEFAULT_WIDTH
            };
            output::to_stdout(|w| write_text(w, &table, articles.len(), width))?
        }
    }
    Ok(exit_status(&ix.corpus))
}

/// "3 (2)": quotations and, in brackets, the articles they are in.
fn cell_text(c: Cell) -> String {
    if c.quotes == 0 {
        "·".to_string()
    } else {
        c.to_string()
    }
}

fn write_markdown(w: &mut dyn Write, table: &Coverage) -> std::io::Result<()> {
    let cell = |s: &str| markdown::table_cell(&one_line(s));
    write!(w, "| Speaker | Total |")?;
    for o in &table.outlets {
        write!(w, " {} |", cell(&o.name))?;
    }
    writeln!(w)?;
    write!(w, "| --- | ---: |")?;
    for _ in &table.outlets {
        write!(w, " ---: |")?;
    }
    writeln!(w)?;
    for r in &table.rows {
        let name = cell(&r.name);
        let name = if r.unnamed { format!("*{name}*") } else { name };
        write!(w, "| {name} | {} |", cell_text(r.total))?;
        for c in 0..table.outlets.len() {
            let c = r.cell(c);
            write!(w, " {c} |")?;
        }
        writeln!(w)?;
    }
    write!(w, "| **All quotations** | {} |", table.quotes())?;
    for o in &table.outlets {
        write!(w, " {} |", o.quotes)?;
    }
    writeln!(w)
}

/// The table for a terminal `width` columns wide: as many outlets as fit.
fn write_text(
    w: &mut dyn Write,
    table: &Coverage,
    articles: usize,
    width: usize,
) -> std::io::Result<()> {
    if table.rows.is_empty() {
        return writeln!(w, "No quotation has a speaker, so no outlet quotes anyone.");
    }
    let names: Vec<String> = table
        .rows
        .iter()
        .map(|r| visible_line(&r.name).into_owned())
        .collect();
    let outlets: Vec<String> = table
        .outlets
        .iter()
        .map(|o| visible_line(&o.name).into_owned())
        .collect();
    let totals: Vec<String> = table.rows.iter().map(|r| cell_text(r.total)).collect();
    let name_w = names
        .iter()
        .map(|n| display_width(n))
        .chain([display_width("Quotations")])
        .max()
        .unwrap_or(0)
        .min(MAX_NAME_WIDTH);
    let total_w = totals
        .iter()
        .map(|t| display_width(t))
        .chain([display_width("Total"), articles.to_string().len()])
        .max()
        .unwrap_or(0);
    let widest_cell = table
        .rows
        .iter()
        .flat_map(|r| r.cells().iter().map(|&(_, c)| display_width(&cell_text(c))))
        .max()
        .unwrap_or(1);
    let cell_w = outlets
        .iter()
        .map(|o| display_width(o))
        .max()
        .unwrap_or(1)
        .clamp(widest_cell.max(6), MAX_OUTLET_WIDTH.max(widest_cell));
    let room = width.saturating_sub(name_w + 2 + total_w);
    let shown = (room / (cell_w + 2)).min(outlets.len());
    writeln!(
        w,
        "Who gave voice to whom: {} quotation{} of {} speaker{} in {} outlet{} \
         (cells: quotations (articles))",
        table.quotes(),
        plural(table.quotes()),
        table.rows.len(),
        plural(table.rows.len()),
        outlets.len(),
        plural(outlets.len()),
    )?;
    writeln!(w)?;
    let line = |w: &mut dyn Write, name: &str, total: &str, cells: &[String]| {
        let name = truncate(name, name_w);
        let pad = name_w.saturating_sub(display_width(&name));
        write!(w, "{name}{}  {}", " ".repeat(pad), right(total, total_w))?;
        for c in cells {
            write!(w, "  {}", right(&truncate(c, cell_w), cell_w))?;
        }
        writeln!(w)
    };
    line(w, "Speaker", "Total", &outlets[..shown])?;
    for ((r, name), total) in table.rows.iter().zip(&names).zip(&totals) {
        let cells: Vec<String> = (0..shown).map(|c| cell_text(r.cell(c))).collect();
        line(w, name, total, &cells)?;
    }
    let quotes: Vec<String> = table.outlets[..shown]
        .iter()
        .map(|o| o.quotes.to_string())
        .collect();
    let in_articles: Vec<String> = table.outlets[..shown]
        .iter()
        .map(|o| o.articles.to_string())
        .collect();
    line(w, "Quotations", &table.quotes().to_string(), &quotes)?;
    line(w, "Articles", &articles.to_string(), &in_articles)?;
    let hidden = outlets.len() - shown;
    if hidden > 0 {
        writeln!(
            w,
            "\n… and {hidden} more outlet{} (a wider terminal shows more; \
             --format csv, markdown or --json give them all)",
            plural(hidden)
        )?;
    }
    Ok(())
}

/// `s` right-aligned in `width` cells.
fn right(s: &str, width: usize) -> String {
    format!("{}{s}", " ".repeat(width.saturating_sub(display_width(s))))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
