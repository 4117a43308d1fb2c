//! Wire copies folded in the article list: a story run by several outlets
//! is one row, its earliest run (the lead) standing for it with "+N
//! copies" and the outlets, until `C` opens it out to its copies, each
//! under the lead with what it changed ("headline changed, 1 paragraph
//! cut"); `C` folds it again.
//!
//! Folding takes away only what the lead stands for: a copy whose lead is
//! not in the list (a filter left it out) stays where it is.

use std::collections::{BTreeMap, HashSet};

use crate::copies::Copies;

use super::*;

/// What a list row is to the copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyRow {
    /// A lead with `copies` copies (folded or open).
    Lead { copies: usize, open: bool },
    /// A copy shown under its open lead, with what it changed.
    Copy { changes: String },
}

/// Which leads are open, with their copies' changes (worked out when a
/// lead is opened, so that drawing only reads them).
#[derive(Debug, Default)]
pub struct CopyFold {
    open: BTreeMap<usize, Vec<(usize, String)>>,
}

impl CopyFold {
    /// `ids` (the list in its order) with every copy whose lead is listed
    /// taken out, or, for an open lead, moved to just under it.
    pub fn fold(&self, ids: Vec<usize>, copies: Option<&Copies>) -> Vec<usize> {
        let Some(copies) = copies.filter(|c| !c.groups.is_empty()) else {
            return ids;
        };
        let listed: HashSet<usize> = ids.iter().copied().collect();
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let Some(g) = copies.group_of(id) else {
                out.push(id);
                continue;
            };
            if g.lead != id {
                // Shown under its lead, or where it is if the lead is not.
                if !listed.contains(&g.lead) {
                    out.push(id);
                }
                continue;
            }
            out.push(id);
            if self.open.contains_key(&id) {
                out.extend(
                    g.copies
                        .iter()
                        .map(|c| c.article)
                        .filter(|c| listed.contains(c)),
                );
            }
        }
        out
    }

    /// What article `id` is to the copies, if anything.
    pub fn row(&self, id: usize, copies: Option<&Copies>) -> Option<CopyRow> {
        let g = copies?.group_of(id)?;
        if g.lead == id {
            return Some(CopyRow::Lead {
                copies: g.copies.len(),
                open: self.open.contains_key(&id),
            });
        }
        let changes = self
            .open
            .get(&g.lead)?
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, s)| s.clone())?;
        Some(CopyRow::Copy { changes })
    }
}

impl App {
    /// The copy groups are in: the list folds them.
    pub(crate) fn copies_found(&mut self, copies: Copies) {
        self.copies = Some(Arc::new(copies));
        self.rearrange();
    }

    /// `C`: open the selected story's copies under its lead, or fold them.
    pub(crate) fn toggle_copies(&mut self) {
        let Some(copies) = self.copies.clone() else {
            self.message = Some("Wire copies are not found yet: quotations come first".into());
            return;
        };
        let Some(g) = self.current_index().and_then(|id| copies.group_of(id)) else {
            self.message = Some("No other outlet ran this article's text".into());
            return;
        };
        let lead = g.lead;
        let was = self.current_index();
        if self.copy_fold.open.remove(&lead).is_none() {
            self.open_copies(&copies, lead);
        }
        self.rearrange();
        // Folding from a copy lands on its lead.
        if was.is_none_or(|w| !self.order.contains(&w))
            && let Some(pos) = self.order.iter().position(|&i| i == lead)
        {
            self.selected = pos;
        }
        self.sync();
    }

    /// Open the copies of `lead` under it, with what each changed.
    fn open_copies(&mut self, copies: &Copies, lead: usize) {
        let Some(g) = copies.group_of(lead) else {
            return;
        };
        let changes = g
            .copies
            .iter()
            .map(|c| {
                let d = crate::copies::diff(&self.articles[lead], &self.articles[c.article]);
                (c.article, d.summary())
            })
            .collect();
        self.copy_fold.open.insert(lead, changes);
    }

    /// Make copy `id` a row of the list when its lead folds it away.
    pub(crate) fn reveal_copy(&mut self, id: usize) {
        let Some(copies) = self.copies.clone() else {
            return;
        };
        let Some(lead) = copies.group_of(id).map(|g| g.lead) else {
            return;
        };
        if lead != id && !self.copy_fold.open.contains_key(&lead) {
            self.open_copies(&copies, lead);
            self.rearrange();
        }
    }
}
