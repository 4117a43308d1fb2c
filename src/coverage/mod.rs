//! Who gave voice to whom: the corpus's quotations counted per speaker
//! and outlet, so that an analyst sees which outlets quote whom.
//!
//! Rows are the speakers of the [`SpeakerIndex`] (named ones most quoted
//! first, every unnamed source in one row at the end, as the speakers
//! list shows them); columns are outlets, most quotations first, with the
//! articles that name none in one column at the end ([`NO_OUTLET`]). An
//! outlet is an article's `source` as loaded; "Reuters" and " reuters "
//! are one outlet (spaces and case folded), shown under its most common
//! spelling. The folder a file is in is not taken for an outlet: a folder
//! is how a user keeps files, not who published them.
//!
//! Building is linear in articles plus quotations: one pass over the
//! articles for the columns, one over each speaker's quotations into a
//! scratch row as wide as the outlets, reset by the cells it touched. Only
//! the cells a speaker has are kept (a corpus of 20,000 speakers and 500
//! outlets has far fewer pairs than 10 million), so memory is linear in
//! quotations too; sorting columns and each row's few cells is the rest.

use std::collections::HashMap;

use serde::Serialize;

use crate::corpus::Article;
use crate::quotes::SpeakerIndex;
use crate::quotes::speaker_index::UNNAMED_SOURCES;

#[cfg(test)]
mod tests;

/// The column of articles that name no outlet.
pub const NO_OUTLET: &str = "(no outlet)";

/// Quotations of one speaker (or all of them) in one outlet (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub quotes: usize,
    /// Articles those quotations are in.
    pub articles: usize,
}

impl std::fmt::Display for Cell {
    /// "3 (2)": the quotations and, in brackets, the articles they are
    /// in; nothing for an empty cell.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.quotes == 0 {
            Ok(())
        } else {
            write!(f, "{} ({})", self.quotes, self.articles)
        }
    }
}

/// A column: one outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// The most common spelling, or [`NO_OUTLET`].
    pub name: String,
    /// False for the column of articles that name no outlet.
    pub named: bool,
    /// Quotations in the outlet's articles, every speaker's.
    pub quotes: usize,
    /// The outlet's articles in the corpus, quoting anyone or not.
    pub articles: usize,
}

/// A row: one speaker, or every unnamed source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    /// The speaker's place in the index the table was built from; `None`
    /// for the unnamed sources' row when the index held them one by one.
    pub speaker: Option<usize>,
    /// True for the row of unnamed sources.
    pub unnamed: bool,
    /// Every quotation of the row, and the articles they are in.
    pub total: Cell,
    /// (column, cell), by column, only cells with quotations.
    cells: Vec<(usize, Cell)>,
}

impl Row {
    /// The cell in `column` (empty when the outlet never quotes them).
    pub fn cell(&self, column: usize) -> Cell {
        self.cells
            .binary_search_by_key(&column, |&(c, _)| c)
            .map_or(Cell::default(), |i| self.cells[i].1)
    }

    /// The cells with quotations, by column.
    pub fn cells(&self) -> &[(usize, Cell)] {
        &self.cells
    }
}

/// The table: speakers × outlets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub outlets: Vec<Outlet>,
    pub rows: Vec<Row>,
}

impl Coverage {
    /// The table of `articles` (in corpus order, as the index numbers
    /// them) and their speakers.
    pub fn build(articles: &[Article], index: &SpeakerIndex) -> Coverage {
        let (mut outlets, column_of) = columns(articles);
        let mut scratch = vec![Cell::default(); outlets.len()];
        let mut touched: Vec<usize> = Vec::new();
        // The last row that counted each article, for counting articles.
        let mut counted: Vec<usize> = vec![usize::MAX; articles.len()];
        let mut rows: Vec<Row> = Vec::new();
        let named = index
            .speakers
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.is_unnamed());
        let unnamed: Vec<usize> = (0..index.speakers.len())
            .filter(|&i| index.speakers[i].is_unnamed())
            .collect();
        let groups = named
            .map(|(i, s)| (s.name.clone(), Some(i), false, vec![i]))
            .chain((!unnamed.is_empty()).then(|| {
                let one = (unnamed.len() == 1).then(|| unnamed[0]);
                (UNNAMED_SOURCES.to_string(), one, true, unnamed)
            }));
        for (name, speaker, is_unnamed, members) in groups {
            let id = rows.len();
            let mut total = Cell::default();
            let refs = members.iter().flat_map(|&m| &index.speakers[m].quotes);
            for r in refs {
                let Some(&column) = column_of.get(r.article) else {
                    continue;
                };
                let cell = &mut scratch[column];
                if cell.quotes == 0 {
                    touched.push(column);
                }
                cell.quotes += 1;
                total.quotes += 1;
                if counted[r.article] != id {
                    counted[r.article] = id;
                    cell.articles += 1;
                    total.articles += 1;
                }
            }
            if total.quotes == 0 {
                continue;
            }
            let cells = touched
                .drain(..)
                .map(|c| (c, std::mem::take(&mut scratch[c])))
                .collect();
            rows.push(Row {
                name,
                speaker,
                unnamed: is_unnamed,
                total,
                cells,
            });
        }
        for row in &rows {
            for &(c, cell) in &row.cells {
                outlets[c].quotes += cell.quotes;
            }
        }
        // Columns: named outlets most quoting first, the unnamed last.
        let mut order: Vec<usize> = (0..outlets.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&outlets[a], &outlets[b]);
            b.named
                .cmp(&a.named)
                .then(b.quotes.cmp(&a.quotes))
                .then(b.articles.cmp(&a.articles))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        let mut new_place = vec![0; order.len()];
        for (to, &from) in order.iter().enumerate() {
            new_place[from] = to;
        }
        for row in &mut rows {
            for (c, _) in &mut row.cells {
                *c = new_place[*c];
            }
            row.cells.sort_unstable_by_key(|&(c, _)| c);
        }
        let mut taken: Vec<Option<Outlet>> = outlets.drain(..).map(Some).collect();
        let outlets = order.iter().filter_map(|&i| taken[i].take()).collect();
        // Named speakers most quoted first (the index's order among equals),
        // the unnamed sources last.
        rows.sort_by(|a, b| {
            a.unnamed
                .cmp(&b.unnamed)
                .then(b.total.quotes.cmp(&a.total.quotes))
        });
        Coverage { outlets, rows }
    }

    /// Every quotation in the table.
    pub fn quotes(&self) -> usize {
        self.rows.iter().map(|r| r.total.quotes).sum()
    }

    /// Keep the `n` most quoted named speakers and the unnamed sources'
    /// row; the outlets' totals still count everyone.
    pub fn keep_top(&mut self, n: usize) {
        let mut named = 0;
        self.rows.retain(|r| {
            named += usize::from(!r.unnamed);
            r.unnamed || named <= n
        });
    }

    /// The first quotation of row `row` in column `column`, as the row's
    /// speaker lists them (in corpus order): its place in that list. For
    /// the speakers view to open there.
    pub fn first_quote_in(
        &self,
        articles: &[Article],
        index: &SpeakerIndex,
        row: usize,
        column: usize,
    ) -> Option<usize> {
        let speaker = &index.speakers[self.rows.get(row)?.speaker?];
        let outlet = self.outlets.get(column)?;
        let key = outlet.named.then(|| outlet_key(&outlet.name));
        speaker.quotes.iter().position(|r| {
            let source = articles.get(r.article).and_then(|a| a.source.as_deref());
            source.map(outlet_key).filter(|k| !k.is_empty()) == key
        })
    }
}

/// The outlets of `articles` and each article's column. Spellings are
/// counted per outlet so that the most common names the column.
fn columns(articles: &[Article]) -> (Vec<Outlet>, Vec<usize>) {
    let mut outlets: Vec<Outlet> = Vec::new();
    let mut spellings: Vec<HashMap<String, (usize, usize)>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut column_of = Vec::with_capacity(articles.len());
    for (n, a) in articles.iter().enumerate() {
        let shown = a.source.as_deref().map(one_spaced).unwrap_or_default();
        let key = shown.to_lowercase();
        let column = *by_key.entry(key).or_insert_with(|| {
            outlets.push(Outlet {
                name: NO_OUTLET.to_string(),
                named: !shown.is_empty(),
                quotes: 0,
                articles: 0,
            });
            spellings.push(HashMap::new());
            outlets.len() - 1
        });
        outlets[column].articles += 1;
        if !shown.is_empty() {
            // (times seen, first seen) for each spelling.
            spellings[column].entry(shown).or_insert((0, n)).0 += 1;
        }
        column_of.push(column);
    }
    for (o, seen) in outlets.iter_mut().zip(spellings) {
        let best = seen
            .into_iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)));
        if let Some((name, _)) = best {
            o.name = name;
        }
    }
    (outlets, column_of)
}

/// An outlet's name as compared: trimmed, runs of white space as one
/// space, lower case.
pub fn outlet_key(name: &str) -> String {
    one_spaced(name).to_lowercase()
}

fn one_spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
