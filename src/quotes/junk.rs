//! Names that are clearly not speakers, kept out of the corpus speakers.
//!
//! An article's attribution rules sometimes take a place, a piece of an
//! outlet's name or a date for the subject of "said": "…,” the Black Sea
//! Fleet…", "…, York Times reported", "…,” Tuesday said". Within one
//! article that costs one wrong tag; across a corpus such names would
//! merge into speakers quoted thousands of times. The rules here are
//! shapes, not lists of names: a body of water by its head word, a
//! ministry's press or information department (which speaks for some
//! ministry the name does not say), a known outlet's name missing its
//! first word, a person named like an institution, and a day or month
//! alone. Every word list is a table below; names are compared folded.

use super::{Speaker, SpeakerKind};
use crate::search::fold::fold_char;

/// Why a name is not a speaker (for `saidso speakers --explain`-style
/// messages and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotASpeaker {
    /// "Black Sea", "Sea of Japan", "Strait of Hormuz".
    Water,
    /// "Information Department", "Department of Press and Information".
    Department,
    /// "York Times", "Street Journal": an outlet's name cut at the front.
    OutletFragment,
    /// A person named like an institution: "Foreign Ministry Office".
    Institution,
    /// "Tuesday", "November" alone.
    Date,
}

/// Last words of bodies of water and straits. Words that are also
/// surnames (Bay, Lake, Rivers, Sound) are left out: "Michael Bay said"
/// is a person.
/// (Nor "Channel": "Fox News Channel" is an outlet.)
const WATER_HEADS: &[&str] = &["sea", "ocean", "gulf", "strait", "straits", "lagoon"];

/// First words of "X of Y" water names ("Sea of Azov", "Bay of Biscay"):
/// with "of" after them they are never a person.
const WATER_OF: &[&str] = &["sea", "ocean", "gulf", "bay", "strait", "straits", "lake"];

/// Last words of a unit inside a ministry or agency.
const UNIT_HEADS: &[&str] = &[
    "department",
    "directorate",
    "division",
    "section",
    "desk",
    "office",
    "service",
    "unit",
];

/// What such a unit is for when it is the one that talks to the press:
/// a name made only of these and a unit head names no ministry, so two
/// articles' "Information Department" are rarely one body.
const MOUTHPIECE_WORDS: &[&str] = &[
    "information",
    "press",
    "media",
    "communication",
    "communications",
    "public",
    "relations",
    "affairs",
    "consular",
    "protocol",
    "news",
    "publicity",
    "spokesperson's",
    "spokesman's",
    "and",
    "&",
    "of",
    "for",
    "the",
];

/// Words that make a name an institution, never one person.
const INSTITUTION_WORDS: &[&str] = &[
    "ministry",
    "department",
    "directorate",
    "agency",
    "bureau",
    "committee",
    "commission",
    "secretariat",
    "office",
    "council",
];

/// Outlets whose names are several words. A speaker named by a proper
/// tail of one ("York Times", "Street Journal", "Morning Post") is a
/// clause that lost the outlet's first word, not a source of its own.
const OUTLETS: &[&str] = &[
    "new york times",
    "wall street journal",
    "washington post",
    "los angeles times",
    "financial times",
    "south china morning post",
    "sydney morning herald",
    "christian science monitor",
    "new york post",
    "chicago tribune",
    "boston globe",
    "daily telegraph",
    "associated press",
    "global times",
    "china daily",
    "straits times",
    "japan times",
    "moscow times",
    "kyiv independent",
    "times of india",
    "al jazeera",
];

/// Last words of newspapers' names, which no person bears.
const NEWSPAPER_HEADS: &[&str] = &["times", "journal", "tribune", "gazette", "chronicle"];

/// Days, and the months that are not also given names or surnames
/// (April, May, June, August and March are: "May said" may be Theresa
/// May).
const DATES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "july",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Why `s` cannot be a speaker of the corpus, if it cannot.
pub fn not_a_speaker(s: &Speaker) -> Option<NotASpeaker> {
    let words = folded_words(&s.name);
    let (first, last) = (words.first()?.as_str(), words.last()?.as_str());
    let is = |table: &[&str], w: &str| table.contains(&w);
    let of_next = words.get(1).is_some_and(|w| w == "of");
    if (words.len() >= 2 && is(WATER_HEADS, last)) || (of_next && is(WATER_OF, first)) {
        return Some(NotASpeaker::Water);
    }
    let unit_named_for_press = |ws: &[String]| ws.iter().all(|w| is(MOUTHPIECE_WORDS, w));
    if words.len() >= 2
        && ((is(UNIT_HEADS, last) && unit_named_for_press(&words[..words.len() - 1]))
            || (is(UNIT_HEADS, first) && of_next && unit_named_for_press(&words[2..])))
    {
        return Some(NotASpeaker::Department);
    }
    let name = words.join(" ");
    let tail_of_outlet = |o: &&str| o.len() > name.len() && o.ends_with(&format!(" {name}"));
    if words.len() >= 2 && OUTLETS.iter().any(tail_of_outlet) {
        return Some(NotASpeaker::OutletFragment);
    }
    if s.kind == SpeakerKind::Person
        && (words.iter().any(|w| is(INSTITUTION_WORDS, w))
            || (words.len() >= 2 && is(NEWSPAPER_HEADS, last)))
    {
        return Some(NotASpeaker::Institution);
    }
    if words.len() == 1 && is(DATES, first) {
        return Some(NotASpeaker::Date);
    }
    None
}

/// The name's words, case and accents folded, full stops and commas off.
fn folded_words(name: &str) -> Vec<String> {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars() {
        fold_char(c, |f, _| folded.push(f));
    }
    folded
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::quotes_of;

    fn speaker(name: &str, kind: SpeakerKind) -> Speaker {
        crate::quotes::test_speaker(name, kind, &[])
    }

    fn why(name: &str, kind: SpeakerKind) -> Option<NotASpeaker> {
        not_a_speaker(&speaker(name, kind))
    }

    #[test]
    fn bodies_of_water_are_not_speakers() {
        use SpeakerKind::*;
        for (name, kind) in [
            ("Black Sea", Organisation),
            ("Sea of Japan", Person),
            ("Arabian Gulf", Organisation),
            ("Strait of Hormuz", Person),
            ("Bay of Bengal", Person),
            ("Pacific Ocean", Organisation),
            ("Venice Lagoon", Person),
        ] {
            assert_eq!(why(name, kind), Some(NotASpeaker::Water), "{name}");
        }
        // Surnames that are also water words stay people.
        for name in [
            "Michael Bay",
            "Celinda Lake",
            "Ocean",
            "Sea",
            "Fox News Channel",
        ] {
            assert_eq!(why(name, Person), None, "{name}");
        }
    }

    #[test]
    fn a_ministrys_press_department_is_not_a_speaker_but_a_department_is() {
        use SpeakerKind::*;
        for name in [
            "Information Department",
            "Press and Information Department",
            "Department of Information and Press",
            "Consular Section",
            "Public Affairs Office",
        ] {
            assert_eq!(
                why(name, Organisation),
                Some(NotASpeaker::Department),
                "{name}"
            );
        }
        for name in [
            "State Department",
            "Department of Foreign Affairs",
            "Justice Department",
            "National Weather Service",
        ] {
            assert_eq!(why(name, Organisation), None, "{name}");
        }
    }

    #[test]
    fn an_outlets_name_without_its_first_word_is_not_a_speaker() {
        use SpeakerKind::*;
        for name in [
            "York Times",
            "Street Journal",
            "China Morning Post",
            "Morning Herald",
        ] {
            assert_eq!(
                why(name, Organisation),
                Some(NotASpeaker::OutletFragment),
                "{name}"
            );
        }
        // The whole name is an outlet, which may be a source.
        for name in ["New York Times", "Wall Street Journal", "Times", "Post"] {
            assert_eq!(why(name, Organisation), None, "{name}");
        }
    }

    #[test]
    fn people_named_like_institutions_and_newspapers_are_not_people() {
        use SpeakerKind::*;
        assert_eq!(
            why("Defence Ministry", Person),
            Some(NotASpeaker::Institution)
        );
        assert_eq!(
            why("Evening Gazette", Person),
            Some(NotASpeaker::Institution)
        );
        assert_eq!(why("Defence Ministry", Organisation), None);
        assert_eq!(why("Amara Okafor", Person), None);
    }

    #[test]
    fn a_day_or_month_alone_is_not_a_speaker_but_may_is() {
        use SpeakerKind::*;
        for name in ["Tuesday", "November", "Sept."] {
            assert_eq!(why(name, Person), Some(NotASpeaker::Date), "{name}");
        }
        // Months that are names, and dates inside longer names.
        for name in ["May", "June", "April", "Tuesday Weld", "Friday Okonjo"] {
            assert_eq!(why(name, Person), None, "{name}");
        }
    }

    #[test]
    fn what_the_engine_takes_for_a_speaker_is_caught_by_shape() {
        let found = quotes_of(&["Ships gather near the coast\n\n\
             “The patrols will continue through the winter,” the Black Sea said.\n\n\
             “Nothing has changed in our posture,” York Times reported.\n\n\
             “We will publish the findings soon,” said the Information Department of \
             the Defence Ministry.\n\n\
             “The harbour must stay open,” harbour master Ilse Brandt said."]);
        let kept: Vec<&str> = found[0]
            .speakers
            .iter()
            .filter(|s| not_a_speaker(s).is_none())
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(kept, ["Ilse Brandt"], "{:?}", found[0].speakers);
    }
}
