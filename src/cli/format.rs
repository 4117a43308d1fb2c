//! `--format`: how `quotes`, `speakers` and `search` write their results.

use std::io::{self, Write};

use clap::{Args, ValueEnum};

use saidso::export::spreadsheet;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Readable lines (the default).
    #[default]
    Text,
    /// Pretty JSON, the contract scripts rely on.
    Json,
    /// RFC 4180 CSV with a header row; cells that a spreadsheet would run
    /// as a formula (starting with = + - @) get a leading '.
    Csv,
    /// Markdown to paste into notes.
    #[value(alias = "md")]
    Markdown,
}

/// The format options every exporting command takes.
#[derive(Debug, Clone, Args)]
pub struct FormatArgs {
    /// Output format: text, json, csv or markdown.
    #[arg(long, value_enum, default_value_t, value_name = "FORMAT")]
    pub format: Format,
    /// Same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl FormatArgs {
    pub fn format(&self) -> Format {
        if self.json { Format::Json } else { self.format }
    }
}

/// Write a CSV table: the header, then each row, every text cell guarded
/// against formula injection (see `saidso::export::spreadsheet`).
pub fn write_csv<R>(w: &mut dyn Write, header: &[&str], rows: R) -> io::Result<()>
where
    R: IntoIterator<Item = Vec<String>>,
{
    let mut out = csv::Writer::from_writer(w);
    out.write_record(header)?;
    for row in rows {
        out.write_record(row.iter().map(|c| spreadsheet::guard(c).into_owned()))?;
    }
    out.flush()
}

/// "2022-03-30 to 2022-04-01", or one day when both are the same: the
/// days of an ISO first and last date, as far as known.
pub fn day_range(first: Option<&str>, last: Option<&str>) -> Option<String> {
    let day = |d: &str| d.get(..10).unwrap_or(d).to_string();
    match (first.map(day), last.map(day)) {
        (Some(f), Some(l)) if f != l => Some(format!("{f} to {l}")),
        (Some(f), _) => Some(f),
        _ => None,
    }
}
