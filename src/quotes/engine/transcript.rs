//! Quoted transcripts: a quotation that opens with a speaker's label in
//! capitals ("“HOST: …”", "\"SEN. LEE: …\"") is that speaker's turn, whatever
//! clause stands around the block.

use super::*;

/// Labels that head a transcript line without naming who speaks.
const NOT_SPEAKERS: &[&str] = &[
    "video",
    "audio",
    "photo",
    "update",
    "note",
    "editor's note",
    "caption",
    "source",
    "text",
    "transcript",
    "crosstalk",
    "applause",
    "laughter",
    "unidentified",
    "unknown",
    "end",
];

/// Longest label, in bytes: a speaker's name with a title.
const LABEL_MAX_BYTES: usize = 40;
/// Most words in a label ("SEN. JANE ROE").
const LABEL_MAX_WORDS: usize = 4;

/// The words of a transcript label at the start of `inner`, and its length
/// in bytes, when it has one.
fn label(inner: &str) -> Option<(Vec<&str>, usize)> {
    let colon = inner
        .char_indices()
        .take_while(|&(i, _)| i < LABEL_MAX_BYTES)
        .find(|&(_, c)| c == ':')?
        .0;
    let words: Vec<&str> = inner[..colon].split_whitespace().collect();
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let ok = !words.is_empty()
        && words.len() <= LABEL_MAX_WORDS
        && words.iter().all(|w| {
            w.chars().any(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
        })
        && words.iter().any(|w| letters(w) >= 2)
        && !NOT_SPEAKERS.contains(&inner[..colon].to_lowercase().replace('’', "'").as_str());
    ok.then_some((words, colon))
}

/// "SEN. ROE" → "Roe": the label without its titles, in title case.
fn label_name(words: &[&str]) -> String {
    let named: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            let bare = w.trim_end_matches('.').to_lowercase();
            lexicon::flags(&bare) & (flag::TITLE | flag::HONORIFIC) == 0
        })
        .collect();
    let words = if named.is_empty() { words } else { &named };
    words
        .iter()
        .map(|w| {
            let mut cs = w.chars();
            let first = cs.next().map(|c| c.to_string()).unwrap_or_default();
            first + &cs.as_str().to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Engine<'_> {
    /// The speaker a transcript label at the start of quotation `q`
    /// names: someone the article knows by that name, else a new person.
    pub(super) fn transcript_speaker(&mut self, q: usize) -> Option<(EntityId, Attribution)> {
        let inner = self.quotes[q].span.inner.clone();
        let (words, len) = label(&self.text[inner.clone()])?;
        let name = label_name(&words);
        let range = inner.start..inner.start + len;
        let id = self.known_or_new(&name, NameKind::Person, range.clone())?;
        Some((id, Attribution::Named { mention: range }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_capitals_before_a_colon() {
        assert_eq!(label("HOST: Welcome back.").map(|l| l.1), Some(4));
        assert_eq!(
            label("SEN. ROE: No.").map(|(w, _)| label_name(&w)),
            Some("Roe".to_string())
        );
        assert_eq!(label("Host: Welcome back."), None);
        assert_eq!(label("VIDEO: a crowd cheers"), None);
        assert_eq!(label("A: Yes."), None);
        assert_eq!(label("We said one thing: no."), None);
        assert_eq!(label("ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ: no colon in reach"), None);
    }
}
