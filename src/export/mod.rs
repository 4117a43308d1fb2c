//! Taking things out of saidso in formats other programs read: Markdown
//! for notes, CSV for spreadsheets. The rules that keep article text from
//! changing meaning on the way (escaping, formula guards) live here, apart
//! from the commands that write the files.

pub mod markdown;
pub mod spreadsheet;
pub mod terminal;
