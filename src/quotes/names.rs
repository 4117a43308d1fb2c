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

/// Words that are not a plain name word: before a title, they leave it a
/// title ("Foreign Minister"), not a family name ("Howard Dean").
const NOT_NAME: u64 = flag::TITLE
    | flag::HONORIFIC
    | flag::ROLE_MOD
    | flag::PLACE
    | flag::NATIONALITY
    | flag::ORG_HEAD
    | flag::MEDIA
    | flag::STOP;

/// Split a run into role and name: the role runs to the last title word
/// ("Russian Foreign Minister"), or through "Title of Place" ("Secretary of
/// State", "President of Russia"). Returns (end of role, end of name), the
/// name ending early at an "of" that follows it.
fn split_role(text: &str, t: &[Token], r: Range<usize>) -> (usize, usize) {
    let mut role_end = r.start;
    let mut in_name = false;
    let mut i = r.start;
    while i < r.end {
        let w = &t[i];
        // "Mr. King", "Anna King", "Peter T. King of New York": a title
        // after an honorific, a given name or an initial is a family name.
        // At the end of a run, a title after any plain name word is one
        // too ("Howard Dean").
        let surname = i > r.start
            && (t[i - 1].has(flag::HONORIFIC)
                || t[i - 1].has(flag::GIVEN) && !t[i - 1].has(flag::TITLE)
                || is_initial(&t[i - 1], text)
                || i + 1 == r.end && t[i - 1].is_capitalised() && !t[i - 1].has(NOT_NAME))
            && !w.has(flag::HONORIFIC);
        if surname {
            in_name = true;
        }
        if !in_name && ((w.has(flag::TITLE) && !w.has(flag::GIVEN)) || w.has(flag::HONORIFIC)) {
            role_end = i + 1;
        } else if &text[w.start..w.end] == "of" && role_end == i {
            // "Secretary of State", "Minister of Foreign Affairs".
            let mut k = i + 1;
            while k < r.end
                && t[k].has(flag::ROLE_MOD | flag::PLACE | flag::ORG_HEAD | flag::NATIONALITY)
                && !t[k].has(flag::GIVEN)
            {
                k += 1;
            }
            if k > i + 1 {
                role_end = k;
                i = k;
                continue;
            }
        } else if &text[w.start..w.end] == "of"
            && role_end < i
            && !t[role_end..i].iter().any(|w| w.has(flag::ORG_HEAD))
            && (role_end > r.start || t[role_end].has(flag::GIVEN) || i >= role_end + 2)
        {
            // "of" after a personal name ("Fumio Kishida of Japan"): the
            // name ends here. Organisations keep theirs ("Bank of England").
            return (role_end, i);
        }
        i += 1;
    }
    // A title at the very end is a role with no name ("the Foreign
    // Minister"), unless the whole run is a title-like surname.
    (role_end.min(r.end), r.end)
}

/// An initial inside a name: "T." in "Peter T. King".
fn is_initial(w: &Token, text: &str) -> bool {
    let s = &text[w.start..w.end];
    s.len() == 2 && s.ends_with('.') && s.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Extend a role backwards over lower-case role words and a possessive
/// place: "Chinese foreign ministry spokesman", "Russia’s Foreign
/// Minister". The extension must contain a title word.
fn extend_role_back(text: &str, t: &[Token], start: usize) -> usize {
    let mut k = start;
    let mut titled = false;
    let limit = start.saturating_sub(7);
    while k > limit {
        let w = &t[k - 1];
        if w.sentence != t[start].sentence {
            break;
        }
        if w.kind == Kind::Word && w.has(flag::TITLE | flag::ROLE_MOD | flag::NATIONALITY) {
            titled |= w.has(flag::TITLE);
            k -= 1;
        } else if w.kind == Kind::Possessive
            && k >= 2
            && t[k - 2].is_capitalised()
            && t[k - 2].has(flag::PLACE | flag::ORG_HEAD | flag::NATIONALITY)
        {
            k -= 2;
        } else if w.kind == Kind::Word
            && w.is_capitalised()
            && k < start
            && t[k].has(flag::TITLE | flag::ROLE_MOD)
            && !w.has(flag::STOP)
        {
            // "Kremlin spokesman", "Apple chief executive".
            k -= 1;
        } else {
            break;
        }
    }
    let _ = text;
    if titled { k } else { start }
}

/// ", a spokeswoman for Acme," / ", the company's chief executive," /
/// ", 45," after a name. Returns the appositive's tokens without the
/// article, or an empty range.
fn appositive(text: &str, t: &[Token], end: usize) -> Range<usize> {
    if !t.get(end).is_some_and(|c| c.is_punct(',')) {
        return end..end;
    }
    let mut s = end + 1;
    // "Schilling, through a spokeswoman,": an adjunct, not who he is.
    // ("Roe, of Ohio," still tells where she is from.)
    if t.get(s)
        .is_some_and(|w| w.has(flag::PREP) && !text[w.start..w.end].eq_ignore_ascii_case("of"))
    {
        return end..end;
    }
    if t.get(s).is_some_and(|w| w.shape == Shape::Digit) {
        // An age: ", 45," is evidence of a person but not a role.
        return if t.get(s + 1).is_some_and(|c| c.is_punct(',')) {
            s..s
        } else {
            end..end
        };
    }
    if t.get(s)
        .is_some_and(|w| w.has(flag::DET) && !w.has(flag::PRONOUN))
    {
        s += 1;
    }
    let mut e = s;
    let mut titled = false;
    while e < t.len() && e < s + 10 {
        let w = &t[e];
        match w.kind {
            Kind::Word => {
                if w.has(flag::ATTRIBUTING) && w.has(flag::VERB_FORM) && !w.has(flag::TITLE) {
                    return end..end;
                }
                if w.has(flag::RELATIVE | flag::PRONOUN) {
                    return end..end;
                }
                titled |= w.has(flag::TITLE | flag::DESC_PERSON);
                e += 1;
            }
            Kind::Possessive => e += 1,
            Kind::Punct(',') | Kind::Punct('.') | Kind::Punct(';') => break,
            _ => return end..end,
        }
    }
    if titled && e > s { s..e } else { end..end }
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

/// Gender from a given name: the first word, or the second for names
/// written family name first ("Xi Jinping").
fn given_name_gender(t: &[Token], name: Range<usize>) -> Option<Gender> {
    if name.len() < 2 {
        return None;
    }
    let leading = &t[name.start..name.end - 1];
    let candidates = if leading.iter().any(|w| w.has(flag::GIVEN)) || name.len() > 2 {
        leading
    } else {
        &t[name.end - 1..name.end]
    };
    for w in candidates.iter().filter(|w| w.has(flag::GIVEN)) {
        let f = w.flags & (flag::FEMALE | flag::MALE);
        if f == flag::FEMALE {
            return Some(Gender::Female);
        }
        if f == flag::MALE {
            return Some(Gender::Male);
        }
        if f != 0 {
            return Some(Gender::Unknown);
        }
    }
    None
}

/// Gender told by role words (Mrs., spokeswoman, King).
fn gender_of(t: &[Token], r: Range<usize>) -> Gender {
    for w in &t[r] {
        if w.has(flag::TITLE) {
            let f = w.flags & (flag::FEMALE | flag::MALE);
            if f == flag::FEMALE {
                return Gender::Female;
            }
            if f == flag::MALE {
                return Gender::Male;
            }
        }
    }
    Gender::Unknown
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn found(text: &str) -> Vec<(String, String, NameKind)> {
        let toks = tokenize(text, 0..text.len(), &[]);
        let span = |r: &Range<usize>| {
            if r.is_empty() {
                String::new()
            } else {
                text[toks.list[r.start].start..toks.list[r.end - 1].end].to_string()
            }
        };
        // Weak mentions of common words count only against known names.
        find_mentions(text, &toks)
            .iter()
            .filter(|m| !(m.weak && toks.list[m.name.start].flags != 0))
            .map(|m| {
                let role = if m.role.is_empty() {
                    &m.appositive
                } else {
                    &m.role
                };
                (span(&m.name), span(role), m.kind)
            })
            .collect()
    }

    fn one(text: &str) -> (String, String, NameKind) {
        found(text).into_iter().next().expect("a mention")
    }

    #[test]
    fn groups_and_places_are_not_people() {
        assert_eq!(
            one("they moved to a flat in Brackwell last spring"),
            ("Brackwell".into(), "".into(), NameKind::Place)
        );
        assert_eq!(
            one("more Americans were taken"),
            ("Americans".into(), "".into(), NameKind::Organisation)
        );
        assert_eq!(
            one("the Democratic frontrunner"),
            ("Democratic".into(), "".into(), NameKind::Organisation)
        );
    }

    #[test]
    fn a_title_after_an_honorific_is_a_family_name() {
        assert_eq!(
            one("Mr. King said"),
            ("King".into(), "Mr.".into(), NameKind::Person)
        );
    }

    #[test]
    fn titles_split_role_from_name() {
        assert_eq!(
            one("Russian Foreign Minister Sergei Lavrov said"),
            (
                "Sergei Lavrov".into(),
                "Russian Foreign Minister".into(),
                NameKind::Person
            )
        );
        assert_eq!(
            one("and Secretary of State Antony Blinken said"),
            (
                "Antony Blinken".into(),
                "Secretary of State".into(),
                NameKind::Person
            )
        );
        assert_eq!(
            one("then Treasury Secretary Janet Yellen said"),
            (
                "Janet Yellen".into(),
                "Treasury Secretary".into(),
                NameKind::Person
            )
        );
    }

    #[test]
    fn lower_case_roles_extend_backwards() {
        assert_eq!(
            one("as Chinese foreign ministry spokesman Zhao Lijian said"),
            (
                "Zhao Lijian".into(),
                "Chinese foreign ministry spokesman".into(),
                NameKind::Person
            )
        );
    }

    #[test]
    fn appositives_give_a_role() {
        assert_eq!(
            one("said Maria de la Cruz, a spokeswoman for the union, on Monday"),
            (
                "Maria de la Cruz".into(),
                "spokeswoman for the union".into(),
                NameKind::Person
            )
        );
    }

    #[test]
    fn organisations_and_places() {
        assert_eq!(one("after the White House said").2, NameKind::Organisation);
        assert_eq!(one("the agency TASS quoted").2, NameKind::Organisation);
        assert_eq!(one("flew to Hong Kong on").2, NameKind::Place);
        assert_eq!(one("then Russia said").2, NameKind::Place);
    }

    #[test]
    fn of_after_a_name_is_not_part_of_it() {
        let f = found("hosting Prime Minister Fumio Kishida of Japan for");
        assert_eq!(f[0].0, "Fumio Kishida");
        assert_eq!(f[1].2, NameKind::Place);
    }

    #[test]
    fn sentence_openers_are_not_names() {
        assert!(found("The talks ended. However, nothing changed.").is_empty());
    }

    #[test]
    fn a_common_word_capitalised_alone_is_a_weak_mention() {
        let text = "“It is late,” Read said.";
        let toks = tokenize(text, 0..text.len(), &[]);
        let m = find_mentions(text, &toks);
        assert_eq!(m.len(), 1);
        assert!(m[0].weak, "counts only if Read is known");
    }
}
