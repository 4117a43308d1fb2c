//! A quotation as it is taken out of saidso: its words, who said them and
//! where, written `“…” — Sergei Lavrov, in <title>`.
//!
//! One place builds it so that the reader's clipboard (`y`) and the
//! command line's Markdown export say the same thing the same way,
//! including the outlet that carried the words ("via TASS") and how the
//! speaker was found.

use std::fmt;

use crate::corpus::Article;

use super::{ArticleQuotes, Attribution, How};

/// A quotation with its attribution and source, every part on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The words between the marks, soft line breaks and runs of white
    /// space read as single spaces.
    pub words: String,
    /// The speaker's canonical name, when the engine found one.
    pub speaker: Option<String>,
    /// Their role as the article gives it ("Russia's foreign minister").
    pub role: Option<String>,
    /// Why no speaker is named, when none is ("no speaker: a title").
    pub unattributed: Option<&'static str>,
    /// How the speaker was found; `None` without one.
    pub how: Option<How>,
    /// The outlet or agency that carried the words ("TASS").
    pub via: Option<String>,
    /// The article's title.
    pub title: String,
}

impl Citation {
    /// Quotation `i` of `found`, the quotations of `article`; None when
    /// there is no such quotation.
    pub fn of(article: &Article, found: &ArticleQuotes, i: usize) -> Option<Citation> {
        let q = found.quotes.get(i)?;
        let speaker = found.speaker_of(q);
        let unattributed = match (&q.attribution, speaker) {
            (_, Some(_)) => None,
            (Attribution::Unattributed { why }, None) => Some(why.label()),
            (_, None) => Some(super::Unattributed::NoClue.label()),
        };
        Some(Citation {
            words: one_line(q.text(article)),
            speaker: speaker.map(|s| s.name.clone()),
            // Some organisations are their own role ("White House").
            role: speaker
                .and_then(|s| {
                    s.role
                        .as_deref()
                        .filter(|r| !r.eq_ignore_ascii_case(&s.name))
                })
                .map(one_line),
            unattributed,
            how: q.how.filter(|_| speaker.is_some()),
            via: q.via.as_deref().map(one_line).filter(|v| !v.is_empty()),
            title: one_line(&article.title),
        })
    }

    /// Characters of the plain form (what the clipboard receives).
    pub fn len_chars(&self) -> usize {
        self.to_string().chars().count()
    }
}

impl fmt::Display for Citation {
    /// `“words” — Speaker (via Outlet), in Title`; without a speaker,
    /// `“words” — in Title`. Nothing but the words, the name, the carrier
    /// and the title: a role would make the line long, and the reader
    /// can look it up; the carrier is part of where the words come from.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}” — ", self.words)?;
        if let Some(s) = &self.speaker {
            write!(f, "{s}")?;
            if let Some(v) = &self.via {
                write!(f, " (via {v})")?;
            }
            write!(f, ", ")?;
        }
        write!(f, "in {}", self.title)
    }
}

/// Soft line breaks and runs of white space as single spaces, and any
/// control character left (there should be none: the corpus sanitises
/// on load) dropped, so a citation is always one safe line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;
    use crate::corpus::assemble::article_from_bytes;
    use crate::quotes::find_quotes;

    fn cite(text: &str, i: usize) -> Citation {
        let a = article_from_bytes("t.txt".into(), Origin::Embedded, text.as_bytes());
        let found = find_quotes(&a);
        Citation::of(&a, &found, i).expect("a quotation")
    }

    #[test]
    fn names_speaker_and_title() {
        let c = cite(
            "Talks resume in Geneva\n\n“We are ready to talk,” Russian Foreign Minister \
             Sergei Lavrov said on\nTuesday.",
            0,
        );
        assert_eq!(c.words, "We are ready to talk,");
        assert_eq!(c.speaker.as_deref(), Some("Sergei Lavrov"));
        assert_eq!(
            c.to_string(),
            "“We are ready to talk,” — Sergei Lavrov, in Talks resume in Geneva"
        );
        assert_eq!(c.len_chars(), c.to_string().chars().count());
    }

    #[test]
    fn soft_breaks_read_as_spaces_and_unattributed_quotes_say_so() {
        let c = cite(
            "Headline\n\nThe so-called “special\nmilitary operation” went on.",
            0,
        );
        assert_eq!(c.words, "special military operation");
        assert_eq!(c.speaker, None);
        assert!(c.unattributed.is_some());
        assert_eq!(c.to_string(), "“special military operation” — in Headline");
    }

    #[test]
    fn carries_how_and_names_the_carrier() {
        let text = "Harbour reopens\n\n“The quay is safe,” port director Ilse Brandt \
                    said.\n\n“Ships may dock again,” she added.";
        assert_eq!(cite(text, 0).how, Some(How::Explicit));
        let mut c = cite(text, 1);
        assert_eq!(c.how, Some(How::Pronoun));
        assert_eq!(c.via, None);
        // The engine fills `via`; the citation only writes it.
        c.via = Some("Nordic Wire".into());
        assert_eq!(
            c.to_string(),
            "“Ships may dock again,” — Ilse Brandt (via Nordic Wire), in Harbour reopens"
        );
    }

    #[test]
    fn a_carrier_reaches_the_citation_on_one_line() {
        let a = article_from_bytes(
            "t.txt".into(),
            Origin::Embedded,
            "Harbour reopens\n\n“The quay is safe,” Ilse Brandt said.".as_bytes(),
        );
        let mut found = find_quotes(&a);
        found.quotes[0].via = Some("Nordic\nWire\u{7}".into());
        let c = Citation::of(&a, &found, 0).unwrap();
        assert_eq!(c.via.as_deref(), Some("Nordic Wire"));
    }

    #[test]
    fn one_line_drops_control_characters() {
        assert_eq!(one_line("a\u{1b}]52;c;x\u{7}b\n c\u{9b}"), "a]52;c;xb c");
        assert_eq!(one_line(" \t\u{7}\n"), "");
    }
}
