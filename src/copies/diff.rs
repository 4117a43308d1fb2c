//! What a copy changed from its group's lead: the headline, and which body
//! paragraphs were cut, added or reworded. Computed when asked for (one
//! pair at a time, as the reader opens a copy), not for every group.
//!
//! Paragraphs are matched by their folded words ([`normalised`]), so a
//! change of quotation marks or case is not a change; the alignment is
//! `similar`'s Myers diff over the two lists of paragraphs.

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::shingles::{body_paragraphs, normalised};
use crate::corpus::Article;

/// One difference in the body. Paragraph numbers count body paragraphs
/// from 0 (headline, byline and boilerplate not counted); `paragraph` is
/// the index in [`Article::paragraphs`] of the one shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "change")]
pub enum ParagraphChange {
    /// In the lead, not in the copy.
    Cut {
        lead: usize,
        paragraph: usize,
        text: String,
    },
    /// In the copy, not in the lead.
    Added {
        copy: usize,
        paragraph: usize,
        text: String,
    },
    /// The same place in both, in other words.
    Changed {
        lead: usize,
        copy: usize,
        paragraph: usize,
        was: String,
        now: String,
    },
}

/// A copy against its lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopyDiff {
    /// The lead's headline and the copy's, when they differ (folded words
    /// compared).
    pub headline: Option<(String, String)>,
    pub paragraphs: Vec<ParagraphChange>,
}

impl CopyDiff {
    /// Paragraphs (cut, added, changed) in a copy's differences.
    pub fn counts(&self) -> [usize; 3] {
        let mut n = [0; 3];
        for p in &self.paragraphs {
            n[match p {
                ParagraphChange::Cut { .. } => 0,
                ParagraphChange::Added { .. } => 1,
                ParagraphChange::Changed { .. } => 2,
            }] += 1;
        }
        n
    }

    /// What a copy changed, in words: "headline changed, 1 paragraph cut".
    pub fn summary(&self) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let mut parts: Vec<String> = Vec::new();
        if self.headline.is_some() {
            parts.push("headline changed".into());
        }
        for (n, what) in self.counts().into_iter().zip(["cut", "added", "changed"]) {
            if n > 0 {
                parts.push(format!("{n} paragraph{} {what}", plural(n)));
            }
        }
        if parts.is_empty() {
            "unchanged".into()
        } else {
            parts.join(", ")
        }
    }

    /// The copy runs the lead's text unchanged.
    pub fn is_empty(&self) -> bool {
        self.headline.is_none() && self.paragraphs.is_empty()
    }
}

/// What `copy` changed from `lead`.
pub fn diff(lead: &Article, copy: &Article) -> CopyDiff {
    let headline = (normalised(&lead.title) != normalised(&copy.title))
        .then(|| (lead.title.clone(), copy.title.clone()));
    let old: Vec<(usize, &str)> = body_paragraphs(lead).collect();
    let new: Vec<(usize, &str)> = body_paragraphs(copy).collect();
    let old_keys: Vec<String> = old.iter().map(|(_, t)| normalised(t)).collect();
    let new_keys: Vec<String> = new.iter().map(|(_, t)| normalised(t)).collect();
    let mut paragraphs = Vec::new();
    let cut = |i: usize| ParagraphChange::Cut {
        lead: i,
        paragraph: old[i].0,
        text: old[i].1.to_string(),
    };
    let added = |j: usize| ParagraphChange::Added {
        copy: j,
        paragraph: new[j].0,
        text: new[j].1.to_string(),
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => paragraphs.extend((old_index..old_index + old_len).map(cut)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => paragraphs.extend((new_index..new_index + new_len).map(added)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                // Paired place by place; what is left over was cut or added.
                let both = old_len.min(new_len);
                for k in 0..both {
                    let (i, j) = (old_index + k, new_index + k);
                    paragraphs.push(ParagraphChange::Changed {
                        lead: i,
                        copy: j,
                        paragraph: new[j].0,
                        was: old[i].1.to_string(),
                        now: new[j].1.to_string(),
                    });
                }
                paragraphs.extend((old_index + both..old_index + old_len).map(cut));
                paragraphs.extend((new_index + both..new_index + new_len).map(added));
            }
        }
    }
    CopyDiff {
        headline,
        paragraphs,
    }
}
