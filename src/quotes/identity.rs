//! Who is who across articles: whether a speaker named in one article is
//! a speaker named in another.
//!
//! Each article names its speakers its own way: "Sergei Lavrov" in one,
//! "Sergey Lavrov" or plain "Lavrov" in another. People are the same when
//! their surnames are equal (folded) and their first names are compatible:
//! equal, one missing, one an initial of the other, or close enough to be
//! one name transliterated (Sergei/Sergey, Alexei/Aleksei) without joining
//! Joe and Jill, Mark and Mary, or Sergio and Sergei. Surnames
//! must match exactly: Ivanov and Ivanova are usually two people.
//! Organisations and descriptions are the same when a name or alias is.
//! [`SpeakerName::why`] says which rule joined two names, so a merge can
//! be explained.

use serde::Serialize;

use super::{Speaker, SpeakerKind};
use crate::search::fold::fold_char;

/// First names at least this long (both) may differ by one letter
/// (Sergei/Sergey, Dmitry/Dmitri); shorter ones must be equal (Mark and
/// Mary Smith are two people).
const ONE_EDIT_MIN_CHARS: usize = 5;
/// When the longer first name has at least this many letters, two may
/// differ (Alexei/Aleksei); Sergio and Sergei, two apart in six letters,
/// stay two names.
const TWO_EDITS_MIN_CHARS: usize = 7;

/// Why two names name one speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum SameBecause {
    /// The same words, folded (case, accents).
    SameName,
    /// The same surname, and one of them gives no first name.
    SurnameOnly,
    /// The same surname; one first name is the other's initial.
    Initial,
    /// The same surname; the first names are one name transliterated.
    Transliteration { edits: usize },
    /// An organisation or description known under this form in both.
    SharedForm { form: String },
    /// A surname alone that several people have, with a role that one of
    /// them is given in most articles ("Obama, the president" among
    /// Barack and Michelle).
    SurnameAndRole { role: String },
}

impl SameBecause {
    /// One line for `saidso speakers --explain`.
    pub fn describe(&self, a: &SpeakerName, b: &SpeakerName) -> String {
        let first = |n: &SpeakerName| n.first_name().unwrap_or("").to_string();
        match self {
            SameBecause::SameName => "the same name".to_string(),
            SameBecause::SurnameOnly => format!(
                "the same surname \"{}\", and one gives no first name",
                a.surname().unwrap_or("")
            ),
            SameBecause::Initial => format!(
                "the same surname \"{}\"; \"{}\" is the initial of \"{}\"",
                a.surname().unwrap_or(""),
                first(a).min(first(b)),
                first(a).max(first(b))
            ),
            SameBecause::Transliteration { edits } => format!(
                "the same surname \"{}\"; first names \"{}\" and \"{}\" differ by {edits} letter{} (a transliteration)",
                a.surname().unwrap_or(""),
                first(a),
                first(b),
                if *edits == 1 { "" } else { "s" }
            ),
            SameBecause::SharedForm { form } => format!("both are known as \"{form}\""),
            SameBecause::SurnameAndRole { role } => format!(
                "the surname \"{}\" alone, with the role \"{role}\", which articles give that person far more than anyone else of that surname",
                a.surname().unwrap_or("")
            ),
        }
    }
}

/// The parts of a [`SpeakerName`] that decide whom it matches.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NameKey {
    kind: SpeakerKind,
    words: Vec<String>,
    family: usize,
    forms: Vec<String>,
}

/// A speaker's name, folded for comparison.
#[derive(Debug, Clone)]
pub struct SpeakerName {
    kind: SpeakerKind,
    /// Words of the canonical name, folded, without trailing full stops.
    words: Vec<String>,
    /// Canonical name and aliases, folded (organisations, descriptions).
    forms: Vec<String>,
    /// Index in `words` of the family name: the last word, or the first
    /// when the article calls the person by it alone ("Xi" for Xi
    /// Jinping: a name written family name first).
    family: usize,
}

impl SpeakerName {
    pub fn of(s: &Speaker) -> SpeakerName {
        let words: Vec<String> = fold(&s.name)
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let forms: Vec<String> = std::iter::once(&s.name)
            .chain(&s.aliases)
            .map(|n| fold(n).split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty())
            .collect();
        let last = words.len().saturating_sub(1);
        let family =
            if words.len() >= 2 && forms.contains(&words[0]) && !forms.contains(&words[last]) {
                0
            } else {
                last
            };
        SpeakerName {
            kind: s.kind,
            words,
            forms,
            family,
        }
    }

    pub fn same_as(&self, other: &SpeakerName) -> bool {
        self.why(other).is_some()
    }

    /// Which rule makes the two one speaker, if any does.
    pub fn why(&self, other: &SpeakerName) -> Option<SameBecause> {
        if self.kind != other.kind || self.words.is_empty() || other.words.is_empty() {
            return None;
        }
        if self.words == other.words {
            return Some(SameBecause::SameName);
        }
        match self.kind {
            SpeakerKind::Person => {
                if self.surname() != other.surname() {
                    return None;
                }
                first_names_compatible(self.first_name(), other.first_name())
            }
            SpeakerKind::Organisation | SpeakerKind::Description | SpeakerKind::Group => self
                .forms
                .iter()
                .find(|f| other.forms.contains(f))
                .map(|f| SameBecause::SharedForm { form: f.clone() }),
        }
    }

    pub fn kind(&self) -> SpeakerKind {
        self.kind
    }

    /// What [`why`](Self::why) looks at: two names with equal keys match
    /// every other name alike, so an entry compares each key once.
    pub fn key(&self) -> NameKey {
        NameKey {
            kind: self.kind,
            words: self.words.clone(),
            family: self.family,
            forms: if self.kind == SpeakerKind::Person {
                Vec::new()
            } else {
                self.forms.clone()
            },
        }
    }

    /// The folded words of the name, one space apart.
    pub fn full(&self) -> String {
        self.words.join(" ")
    }

    /// True when the name is known to be written family name first.
    pub fn is_family_first(&self) -> bool {
        self.family == 0 && self.words.len() >= 2
    }

    /// True when the article calls the person by the last word alone
    /// ("Lavrov" for Sergei Lavrov): the family name comes last.
    pub fn is_family_last(&self) -> bool {
        let last = self.words.len().saturating_sub(1);
        self.words.len() >= 2
            && self.forms.contains(&self.words[last])
            && !self.forms.contains(&self.words[0])
    }

    /// Another article shows this name is written family name first
    /// ("Xi" for Xi Jinping there, "Xi Jinping" alone here).
    pub fn set_family_first(&mut self) {
        if self.words.len() >= 2 {
            self.family = 0;
        }
    }

    /// The corpus shows the name ends with the family name, whatever one
    /// article suggested.
    pub fn set_family_last(&mut self) {
        self.family = self.words.len().saturating_sub(1);
    }

    /// A person's family name, folded.
    pub fn surname(&self) -> Option<&str> {
        (self.kind == SpeakerKind::Person)
            .then(|| self.words.get(self.family).map(String::as_str))
            .flatten()
    }

    /// A person's given name, folded, when the name has one: the first
    /// word, or the last for a name written family name first.
    pub fn first_name(&self) -> Option<&str> {
        if self.words.len() < 2 {
            return None;
        }
        let given = if self.family == 0 {
            self.words.len() - 1
        } else {
            0
        };
        Some(self.words[given].as_str())
    }
}

/// First names of two people with the same surname: compatible when one is
/// missing, they are equal, one is the other's initial, or both are long
/// and close (a transliteration).
fn first_names_compatible(a: Option<&str>, b: Option<&str>) -> Option<SameBecause> {
    let (Some(fa), Some(fb)) = (a, b) else {
        return Some(SameBecause::SurnameOnly);
    };
    if fa == fb {
        return Some(SameBecause::SameName);
    }
    let (la, lb) = (fa.chars().count(), fb.chars().count());
    if la == 1 || lb == 1 {
        return (fa.chars().next() == fb.chars().next()).then_some(SameBecause::Initial);
    }
    let edits = edit_distance(fa, fb);
    let allowed = if la.min(lb) < ONE_EDIT_MIN_CHARS {
        0
    } else if la.max(lb) >= TWO_EDITS_MIN_CHARS {
        2
    } else {
        1
    };
    (edits <= allowed).then_some(SameBecause::Transliteration { edits })
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

    fn same_speaker(a: &Speaker, b: &Speaker) -> bool {
        SpeakerName::of(a).same_as(&SpeakerName::of(b))
    }

    fn person(name: &str) -> Speaker {
        speaker(name, SpeakerKind::Person)
    }

    fn speaker(name: &str, kind: SpeakerKind) -> Speaker {
        crate::quotes::test_speaker(name, kind, &[])
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
        assert!(same_speaker(
            &person("Alexei Navalny"),
            &person("Aleksei Navalny")
        ));
        // Family name first, as the article's own short form shows.
        let mut xi = person("Xi Jinping");
        xi.aliases.push("Xi".into());
        assert!(same_speaker(&xi, &person("Xi")));
        assert_eq!(SpeakerName::of(&xi).surname(), Some("xi"));
        assert_eq!(SpeakerName::of(&xi).first_name(), Some("jinping"));
        assert!(!same_speaker(&person("Jinping"), &xi));
        assert!(same_speaker(
            &person("Alexei Navalny"),
            &person("Aleksei Navalny")
        ));
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
            ("Mark Smith", "Mary Smith"),
            ("Sergio Marino", "Sergei Marino"),
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
