//! Recognising who is mentioned: people, organisations and places named in
//! a paragraph, and the roles attached to them.
//!
//! A name is a run of capitalised words ("Sergei Lavrov", "White House").
//! Title words split a run into a role and a personal name ("Russian
//! Foreign Minister | Sergei Lavrov"); lower-case role words before a name
//! extend the role ("foreign ministry spokesman Zhao Lijian"), and an
//! appositive after it adds one ("Jane Doe, a spokeswoman for Acme,").
//! What kind of thing a name is comes from evidence: a title or a known
//! given name makes a person, a head word (Ministry, Court) or an acronym
//! an organisation, the gazetteer a place. Without evidence a name stays
//! `Unknown` until it speaks or is matched to a known person.

use std::ops::Range;

use super::gazetteer;
use super::lexicon::{self, flag};
use super::tokens::{Kind, Shape, Token, Tokens};

mod evidence;
mod roles;

use evidence::{appositive, gender_of, given_name_gender};
use roles::{extend_role_back, split_role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organisation,
    Place,
    /// Capitalised words with no evidence either way.
    Unknown,
    /// A capitalised role with no name ("the Foreign Minister").
    RoleOnly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Female,
    Male,
}

/// A name (or capitalised role) mentioned in a paragraph.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Tokens of the name proper.
    pub name: Range<usize>,
    /// Tokens of a role written before the name (may be empty).
    pub role: Range<usize>,
    /// Tokens of an appositive role after the name (may be empty).
    pub appositive: Range<usize>,
    pub kind: NameKind,
    pub gender: Gender,
    /// Followed by ’s: "Lavrov’s visit".
    pub possessive: bool,
    /// No evidence that it is a name: the first word of its sentence
    /// ("Energy was…") or a common word capitalised ("Read said"). It
    /// counts only if it matches someone already known.
    pub weak: bool,
}

impl Mention {
    /// The first token of the mention, role included.
    pub fn first(&self) -> usize {
        self.role.start.min(self.name.start)
    }
}

/// Lower-case words that may join capitalised name words.
fn is_connector(t: &Token, text: &str) -> bool {
    if t.kind != Kind::Word {
        return t.kind == Kind::Punct('&');
    }
    t.shape == Shape::Lower && (t.has(flag::PARTICLE) || &text[t.start..t.end] == "of")
}

/// A word that can be part of a name: capitalised, or "al-Assad".
fn is_name_word(t: &Token, text: &str) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    if t.is_capitalised() {
        // A headline's verb is not part of a name: "Jane Roe Says".
        if t.has(flag::SPEECH) && t.has(flag::PRES3) && !t.has(flag::GIVEN) {
            return false;
        }
        // A party tag is not a name: "(R-Kans.)", "(D-N.Y.)". A lone
        // letter may be an initial, or "I".
        let w = &text[t.start..t.end];
        return !(w.contains('-') && is_party_tag(w));
    }
    let w = &text[t.start..t.end];
    ["al-", "el-", "bin-", "ibn-"].iter().any(|p| {
        w.len() > p.len()
            && w.starts_with(p)
            && w[p.len()..].chars().next().is_some_and(char::is_uppercase)
    })
}

/// A party's name or member, or a plural of a nationality ("Germans").
fn is_group_word(word: &str) -> bool {
    gazetteer::PARTY_WORDS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
        || word.strip_suffix('s').is_some_and(|one| {
            let f = lexicon::flags(one);
            f & flag::NATIONALITY != 0 && f & flag::PLACE == 0
        })
}

/// A party tag after a name: "D", "R-Ohio", "D-N.Y".
pub fn is_party_tag(word: &str) -> bool {
    gazetteer::PARTY_LETTERS.iter().any(|&l| {
        word.strip_prefix(l)
            .is_some_and(|rest| rest.is_empty() || rest.len() > 1 && rest.starts_with('-'))
    })
}

/// Find the name mentions in a tokenised paragraph.
pub fn find_mentions(text: &str, toks: &Tokens) -> Vec<Mention> {
    let t = &toks.list;
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !is_name_word(&t[i], text) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < t.len() && t[j].sentence == t[i].sentence {
            if is_name_word(&t[j], text) {
                j += 1;
                continue;
            }
            // Connectors join only when a name word follows them
            // ("Maria de la Cruz", "Bank of England").
            let mut c = j;
            while c < t.len() && c < j + 3 && is_connector(&t[c], text) {
                c += 1;
            }
            if c > j
                && t.get(c)
                    .is_some_and(|n| is_name_word(n, text) && n.sentence == t[i].sentence)
            {
                j = c + 1;
            } else {
                break;
            }
        }
        run(text, toks, i..j, &mut out);
        i = j;
    }
    out
}

/// Analyse one run of name words; a tail after "of" ("Kishida of Japan")
/// is analysed as a run of its own.
fn run(text: &str, toks: &Tokens, r: Range<usize>, out: &mut Vec<Mention>) {
    if let Some(tail) = head_run(text, toks, r, out) {
        run(text, toks, tail, out);
    }
}

/// Analyse a run up to an "of" that ends a personal name; return the tail.
fn head_run(
    text: &str,
    toks: &Tokens,
    r: Range<usize>,
    out: &mut Vec<Mention>,
) -> Option<Range<usize>> {
    let t = &toks.list;
    let mut start = r.start;
    let mut end = r.end;
    // Leading function words, dates and verbs capitalised by position.
    // An honorific stays: it is the role of the name after it ("Mr. King").
    // A preposition capitalised by position never opens a name ("Of
    // Carson, Levine said").
    // Role words before a place alone ("Former Arizona governor"), or
    // before a name in a run with no title or organisation head ("Former
    // Trump adviser"), are not part of a name; "State Department" is.
    let institutional = t[r.clone()]
        .iter()
        .any(|w| w.has(flag::ORG_HEAD | flag::MEDIA | flag::TITLE));
    let place_after = |k: usize| {
        k + 1 < end
            && (!institutional
                || t[k + 1..end]
                    .iter()
                    .all(|w| w.has(flag::PLACE | flag::NATIONALITY)))
    };
    while start < end
        && (t[start].has(flag::STOP | flag::MONTH | flag::WEEKDAY | flag::SMALL)
            // "Hours later, …", "Years ago, …".
            || (t[start].has(flag::TIME) && toks.sentence_start(start) == start)
            // "Stated Roe:", "Wrote Roe:": an inverted lead-in's verb.
            || (t[start].has(flag::SPEECH)
                && t[start].has(flag::PAST)
                && !t[start].has(flag::GIVEN)
                && toks.sentence_start(start) == start)
            || (t[start].has(flag::ROLE_MOD) && !t[start].has(flag::TITLE) && place_after(start)))
        && !(t[start].has(flag::HONORIFIC) && start + 1 < end)
    {
        // Unless it opens a known name: "New York", "New Hampshire".
        let two = (start + 2).min(end);
        let known = two > start + 1
            && lexicon::phrase_flags(t[start..two].iter().map(|w| &text[w.start..w.end]))
                & (flag::PLACE | flag::ORG_HEAD | flag::MEDIA)
                != 0;
        if known {
            break;
        }
        start += 1;
    }
    // A trailing connector ("of") belongs to the next phrase.
    while end > start && is_connector(&t[end - 1], text) {
        end -= 1;
    }
    if start >= end {
        // "“…,” Read said": a one-word run that is also a common word may
        // still be the surname of someone named before.
        let function_word =
            flag::DET | flag::PRONOUN | flag::SMALL | flag::TIME | flag::MONTH | flag::WEEKDAY;
        if r.len() == 1 && !t[r.start].has(function_word) && t[r.start].end > t[r.start].start + 1 {
            out.push(weak_mention(t, r.start));
        }
        return None;
    }
    // "Prime Minister Fumio Kishida of Japan": "of" after a personal name
    // starts a phrase about the person, not part of the name.
    let (role_end, name_end) = split_role(text, t, start..end);
    // The tail after "of" is a place or organisation of its own.
    let tail = (name_end < end).then(|| name_end + 1..end);
    end = name_end;
    let name = role_end..end;
    let mut role = start..role_end;
    let all = start..end;

    // Words of a single lookup ("Hong Kong", "South Africa").
    let joined = if all.len() == 1 {
        t[all.start].flags
    } else {
        lexicon::phrase_flags(t[all.clone()].iter().map(|w| &text[w.start..w.end]))
    };
    if name.is_empty() {
        // A capitalised role alone: "the Foreign Minister said".
        if t[all.clone()].iter().any(|w| w.has(flag::TITLE)) {
            out.push(mention(
                t,
                all.clone(),
                role_end..role_end,
                NameKind::RoleOnly,
            ));
        }
        return tail;
    }
    let every = |f: u64| {
        t[all.clone()]
            .iter()
            .all(|w| w.has(f) || is_connector(w, text))
    };
    let any_in_name = |f: u64| t[name.clone()].iter().any(|w| w.has(f));

    // "Americans", "Republicans", "Democratic": a people or a party, a
    // group that may speak but never one person ("she said").
    if all.len() == 1 && is_group_word(&text[t[all.start].start..t[all.start].end]) {
        let m = mention(t, all.clone(), start..start, NameKind::Organisation);
        out.push(with_possessive(m, t, end));
        return tail;
    }
    let kind = if every(flag::NATIONALITY) && joined & flag::PLACE == 0 {
        if all.len() == 1 {
            out.push(weak_mention(t, all.start)); // "Mark Cuban … Cuban said"
        }
        return tail; // "Chinese", "South Korean"
    } else if every(flag::MONTH | flag::WEEKDAY) {
        return tail;
    } else if joined & flag::PLACE != 0
        || (every(flag::PLACE | flag::NATIONALITY) && any_in_name(flag::PLACE))
    {
        NameKind::Place
    } else if any_in_name(flag::ORG_HEAD | flag::MEDIA)
        || (role.is_empty() && is_acronym(t, name.clone()))
        || joined & flag::MEDIA != 0
        || follows_org_noun(t, start, name.start)
    {
        // For organisations the role words are part of the name
        // ("Russian International Affairs Council").
        let m = mention(t, all.clone(), start..start, NameKind::Organisation);
        out.push(with_possessive(m, t, end));
        return tail;
    } else if !role.is_empty() && t[role.clone()].iter().any(|w| w.has(flag::TITLE)) {
        NameKind::Person
    } else if start > 0
        && text[t[start - 1].start..t[start - 1].end].eq_ignore_ascii_case("the")
        && t.get(end)
            .is_none_or(|n| !n.is_lower_word() || n.has(flag::VERB_FORM | flag::ATTRIBUTING))
    {
        // "the Washington Informer reported": a person's name takes no
        // article. ("the Clinton campaign" is a name modifying a noun.)
        NameKind::Organisation
    } else if all.len() == 1
        && start > 0
        && text[t[start - 1].start..t[start - 1].end].eq_ignore_ascii_case("in")
        && t.get(end).is_none_or(|n| n.kind != Kind::Possessive)
    {
        // "moved to a house in Clarkston": one unknown word after "in" is
        // a place.
        NameKind::Place
    } else {
        NameKind::Unknown
    };

    // Lower-case role words just before the name extend the role.
    if kind != NameKind::Place {
        let ext = extend_role_back(text, t, start);
        if ext < start && role.is_empty() {
            role = ext..start;
        } else if ext < start {
            role = ext..role.end;
        }
    }
    let mut m = mention(t, name.clone(), role.clone(), kind);
    let has_title = t[role.clone()].iter().any(|w| w.has(flag::TITLE));
    if m.kind == NameKind::Unknown && has_title {
        m.kind = NameKind::Person;
    }
    if matches!(m.kind, NameKind::Person | NameKind::Unknown) {
        m.appositive = appositive(text, t, end);
        let given = given_name_gender(t, name.clone());
        if m.kind == NameKind::Unknown && (given.is_some() || !m.appositive.is_empty()) {
            m.kind = NameKind::Person;
        }
        if m.gender == Gender::Unknown {
            m.gender = given.unwrap_or_default();
        }
        if m.gender == Gender::Unknown {
            m.gender = gender_of(t, m.appositive.clone());
        }
        // "her husband, Milton Berg": a gendered role set off before it.
        if m.gender == Gender::Unknown && name.start >= 2 && t[name.start - 1].is_punct(',') {
            m.gender = gender_of(t, name.start - 2..name.start - 1);
        }
        m.weak = m.kind == NameKind::Unknown
            && name.len() == 1
            && toks.sentence_start(name.start) == name.start;
    }
    out.push(with_possessive(m, t, end));
    tail
}

fn with_possessive(mut m: Mention, t: &[Token], end: usize) -> Mention {
    m.possessive = t.get(end).is_some_and(|n| n.kind == Kind::Possessive);
    m
}

/// A one-word mention that counts only if it matches someone already
/// known in the article (see [`Mention::weak`]).
fn weak_mention(t: &[Token], i: usize) -> Mention {
    let mut m = mention(t, i..i + 1, i..i, NameKind::Unknown);
    m.weak = true;
    with_possessive(m, t, i + 1)
}

fn mention(t: &[Token], name: Range<usize>, role: Range<usize>, kind: NameKind) -> Mention {
    let gender = gender_of(t, role.clone());
    Mention {
        name,
        role,
        appositive: 0..0,
        kind,
        gender,
        possessive: false,
        weak: false,
    }
}

/// "the news agency TASS": a name after an organisation noun is the
/// organisation's, unless it opens with a title or a given name
/// ("secretary of state Hillary Clinton", "campaign Chairman Jane Roe").
fn follows_org_noun(t: &[Token], start: usize, name_start: usize) -> bool {
    start > 0
        && t[start - 1].is_lower_word()
        && t[start - 1].has(flag::DESC_ORG)
        && !t[start].has(flag::GIVEN | flag::TITLE)
        && !t[name_start].has(flag::GIVEN)
}

/// All-capital words of two to six letters (NATO, TASS), not places.
fn is_acronym(t: &[Token], r: Range<usize>) -> bool {
    r.len() == 1
        && t[r.start].shape == Shape::Upper
        && !t[r.start].has(flag::PLACE | flag::NATIONALITY)
}

#[cfg(test)]
mod tests;
