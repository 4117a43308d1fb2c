//! Whether a speaker of one article is a speaker of the other.
//!
//! Each article names its speakers its own way: "Sergei Lavrov" in one,
//! "Sergey Lavrov" or plain "Lavrov" in another. People are the same when
//! their surnames are equal (folded) and their first names are compatible:
//! equal, one missing, one an initial of the other, or — for names of five
//! letters or more — within two edits, which covers transliteration
//! (Sergei/Sergey, Dmitry/Dmitri) without joining Joe and Jill. Surnames
//! must match exactly: Ivanov and Ivanova are usually two people.
//! Organisations and descriptions are the same when a name or alias is.

use serde::Serialize;

use crate::quotes::{ArticleQuotes, Speaker, SpeakerId, SpeakerKind};
use crate::search::fold::fold_char;

/// First names at least this long may differ by [`FIRST_NAME_EDITS`].
const FIRST_NAME_MIN_CHARS: usize = 5;
/// Edits allowed between transliterations of one first name.
const FIRST_NAME_EDITS: usize = 2;

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

/// A speaker's name, folded for comparison.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    kind: SpeakerKind,
    /// Words of the canonical name, folded, without trailing full stops.
    words: Vec<String>,
    /// Canonical name and aliases, folded (organisations, descriptions).
    forms: Vec<String>,
}

impl Name {
    pub(crate) fn of(s: &Speaker) -> Name {
        let words = fold(&s.name)
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let forms = std::iter::once(&s.name)
            .chain(&s.aliases)
            .map(|n| fold(n).split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty())
            .collect();
        Name {
            kind: s.kind,
            words,
            forms,
        }
    }

    pub(crate) fn same_as(&self, other: &Name) -> bool {
        if self.kind != other.kind || self.words.is_empty() || other.words.is_empty() {
            return false;
        }
        if self.words == other.words {
            return true;
        }
        match self.kind {
            SpeakerKind::Person => {
                self.words.last() == other.words.last()
                    && first_names_compatible(&self.words, &other.words)
            }
            SpeakerKind::Organisation | SpeakerKind::Description => {
                self.forms.iter().any(|f| other.forms.contains(f))
            }
        }
    }
}

/// First names of two people with the same surname: compatible when one is
/// missing, they are equal, one is the other's initial, or both are long
/// and close (a transliteration).
fn first_names_compatible(a: &[String], b: &[String]) -> bool {
    let (Some(fa), Some(fb)) = (first_name(a), first_name(b)) else {
        return true;
    };
    if fa == fb {
        return true;
    }
    let (la, lb) = (fa.chars().count(), fb.chars().count());
    if la == 1 || lb == 1 {
        return fa.chars().next() == fb.chars().next();
    }
    la >= FIRST_NAME_MIN_CHARS
        && lb >= FIRST_NAME_MIN_CHARS
        && edit_distance(fa, fb) <= FIRST_NAME_EDITS
}

/// The first word of a name of two words or more.
fn first_name(words: &[String]) -> Option<&str> {
    (words.len() >= 2).then(|| words[0].as_str())
}

/// Case- and accent-folded text.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, |f, _| out.push(f));
    }
    out
}

/// Levenshtein distance over characters (names are short).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Speaker {
        speaker(name, SpeakerKind::Person)
    }

    fn speaker(name: &str, kind: SpeakerKind) -> Speaker {
        Speaker {
            name: name.into(),
            role: None,
            kind,
            aliases: Vec::new(),
            descriptions: Vec::new(),
            mentions: Vec::new(),
        }
    }

    #[test]
    fn transliterations_and_short_forms_are_one_person() {
        let lavrov = person("Sergei Lavrov");
        for other in [
            "Sergey Lavrov",
            "Lavrov",
            "S. Lavrov",
            "SERGEI LAVROV",
            "Sergei V. Lavrov",
        ] {
            assert!(same_speaker(&lavrov, &person(other)), "{other}");
        }
        assert!(same_speaker(&person("José Müller"), &person("Jose Muller")));
    }

    #[test]
    fn different_people_stay_apart() {
        let pairs = [
            ("Sergei Lavrov", "Sergei Ryabkov"),
            ("Joe Biden", "Jill Biden"),
            ("Hunter Biden", "Jill Biden"),
            ("Andrei Ivanov", "Andrei Ivanova"),
            ("Wang Yi", "Yang Yi"),
            ("Michael Smith", "Michelle Smith"),
            ("T. Smith", "John Smith"),
        ];
        for (a, b) in pairs {
            assert!(!same_speaker(&person(a), &person(b)), "{a} / {b}");
        }
        assert!(!same_speaker(
            &person("White House"),
            &speaker("White House", SpeakerKind::Organisation)
        ));
    }

    #[test]
    fn organisations_match_on_a_name_or_alias() {
        let mut a = speaker("Kremlin", SpeakerKind::Organisation);
        let b = speaker("the Kremlin", SpeakerKind::Organisation);
        assert!(!same_speaker(&a, &b));
        a.aliases.push("The Kremlin".into());
        assert!(same_speaker(&a, &b));
        assert!(!same_speaker(
            &speaker("White House", SpeakerKind::Organisation),
            &speaker("Kremlin", SpeakerKind::Organisation)
        ));
    }

    #[test]
    fn empty_names_match_nothing() {
        assert!(!same_speaker(&person(""), &person("")));
        assert!(!same_speaker(&person("  "), &person("Lavrov")));
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("sergei", "sergey"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
