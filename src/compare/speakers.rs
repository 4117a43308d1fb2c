//! Which speakers two articles share, by the identity rules of
//! [`crate::quotes::identity`].

use serde::Serialize;

use crate::quotes::identity::SpeakerName as Name;
use crate::quotes::{ArticleQuotes, Speaker, SpeakerId};

/// The speakers of two articles, sorted into those both quote and those
/// only one does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SpeakerComparison {
    /// A left speaker and the right speaker who is the same person, in left
    /// order. A right speaker can appear more than once when the left
    /// article split one person into two speakers.
    pub both: Vec<(SpeakerId, SpeakerId)>,
    /// Left speakers nobody on the right is, in left order.
    pub left_only: Vec<SpeakerId>,
    /// Right speakers nobody on the left is, in right order.
    pub right_only: Vec<SpeakerId>,
}

/// Sort the speakers of two articles into both / left only / right only.
pub fn compare_speakers(left: &ArticleQuotes, right: &ArticleQuotes) -> SpeakerComparison {
    let mut out = SpeakerComparison::default();
    let rnames: Vec<Name> = right.speakers.iter().map(Name::of).collect();
    let mut right_matched = vec![false; right.speakers.len()];
    for (i, ls) in left.speakers.iter().enumerate() {
        let lname = Name::of(ls);
        match rnames.iter().position(|r| lname.same_as(r)) {
            Some(j) => {
                right_matched[j] = true;
                out.both.push((SpeakerId(i), SpeakerId(j)));
            }
            None => out.left_only.push(SpeakerId(i)),
        }
    }
    out.right_only = (0..right.speakers.len())
        .filter(|&j| !right_matched[j])
        .map(SpeakerId)
        .collect();
    out
}

/// True when `a` and `b` (of two different articles) are the same speaker.
pub fn same_speaker(a: &Speaker, b: &Speaker) -> bool {
    Name::of(a).same_as(&Name::of(b))
}
