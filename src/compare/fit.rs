//! Whether the speakers of two alike quotations let them pair, and the
//! pairing of a statement's copies on both sides by speaker.

use std::collections::HashMap;

use crate::quotes::{Attribution, Quote, SpeakerKind};

use super::align::{PAIR_THRESHOLD, QuotePair, Side, UNCERTAIN_SPEAKER_THRESHOLD, is_statement};
use super::candidates::{MAX_MEMBER_PAIRS, SetPair, member_pairs};

/// How far the speakers of two quotations allow them to pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerFit {
    /// The same speaker: [`PAIR_THRESHOLD`].
    Same,
    /// Not known to be the same: [`UNCERTAIN_SPEAKER_THRESHOLD`].
    Uncertain,
    /// Different named speakers, or a quotation that is not a statement: a
    /// scare quote or term, a title, or words the clause says were not said.
    /// Never pairs.
    Never,
}

impl SpeakerFit {
    pub(super) fn threshold(self) -> Option<f32> {
        match self {
            SpeakerFit::Same => Some(PAIR_THRESHOLD),
            SpeakerFit::Uncertain => Some(UNCERTAIN_SPEAKER_THRESHOLD),
            SpeakerFit::Never => None,
        }
    }
}

/// The quotations of two alike statements that pair: every left copy with
/// every right copy its speaker fits. Many copies (a statement printed
/// hundreds of times) are grouped by who they are attributed to and how,
/// the fit decided once per group pair, and the groups paired within the
/// bound of [`member_pairs`].
pub(super) fn pair_members(
    l: &Side,
    r: &Side,
    p: SetPair,
    fits: &mut FitCache,
    out: &mut Vec<QuotePair>,
) {
    let (ml, mr) = (&l.members[p.left], &r.members[p.right]);
    let mut push = |i, j| {
        out.push(QuotePair {
            left: i,
            right: j,
            similarity: p.similarity,
        })
    };
    if ml.len() * mr.len() <= MAX_MEMBER_PAIRS {
        for &i in ml {
            for &j in mr {
                if fits
                    .get(l, i, r, j)
                    .threshold()
                    .is_some_and(|t| p.similarity >= t)
                {
                    push(i, j);
                }
            }
        }
        return;
    }
    let (gl, gr) = (by_fit_key(l, ml), by_fit_key(r, mr));
    for a in &gl {
        for b in &gr {
            let fit = fits.get(l, a[0], r, b[0]);
            if fit.threshold().is_some_and(|t| p.similarity >= t) {
                for (i, j) in member_pairs(a, b) {
                    push(i, j);
                }
            }
        }
    }
}

/// `members` grouped by what decides how their speaker fits another's:
/// the speaker, and whether the name was inferred; groups in order of
/// their first member, members in text order.
fn by_fit_key(side: &Side, members: &[usize]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<(Option<usize>, bool), usize> = HashMap::new();
    for &i in members {
        let q = &side.quotes.quotes[i];
        let key = (q.speaker.map(|s| s.0), is_inferred(q));
        let g = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups
}

/// The speaker was inferred (a pronoun, a description nearby), not named.
fn is_inferred(q: &Quote) -> bool {
    matches!(
        q.attribution,
        Attribution::Resolved { .. } | Attribution::Nearby { .. }
    )
}

/// How the speakers of left quotation `i` and right quotation `j` fit.
fn speaker_fit(l: &Side, i: usize, r: &Side, j: usize, same: bool) -> SpeakerFit {
    let (lq, rq) = (&l.quotes.quotes[i], &r.quotes.quotes[j]);
    if !is_statement(lq) || !is_statement(rq) {
        return SpeakerFit::Never;
    }
    let (Some(ls), Some(rs)) = (lq.speaker, rq.speaker) else {
        return SpeakerFit::Uncertain;
    };
    if same {
        return SpeakerFit::Same;
    }
    let kind =
        |side: &Side, id: crate::quotes::SpeakerId| side.quotes.speakers.get(id.0).map(|s| s.kind);
    let (lk, rk) = (kind(l, ls), kind(r, rs));
    let unnamed = |k: Option<SpeakerKind>| k.is_none_or(|k| k == SpeakerKind::Description);
    if is_inferred(lq) || is_inferred(rq) || unnamed(lk) || unnamed(rk) || lk != rk {
        SpeakerFit::Uncertain
    } else {
        SpeakerFit::Never
    }
}

/// Speaker identity per (left speaker, right speaker), computed on first
/// use: articles have far fewer speakers than candidate pairs.
#[derive(Default)]
pub(super) struct FitCache {
    same: HashMap<(usize, usize), bool>,
}

impl FitCache {
    pub(super) fn get(&mut self, l: &Side, i: usize, r: &Side, j: usize) -> SpeakerFit {
        let same = match (l.quotes.quotes[i].speaker, r.quotes.quotes[j].speaker) {
            (Some(a), Some(b)) => *self.same.entry((a.0, b.0)).or_insert_with(|| {
                match (l.names.get(a.0), r.names.get(b.0)) {
                    (Some(x), Some(y)) => x.same_as(y),
                    _ => false,
                }
            }),
            _ => false,
        };
        speaker_fit(l, i, r, j, same)
    }
}
