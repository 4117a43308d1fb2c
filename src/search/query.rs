//! The query language: fzf's extended search syntax.
//!
//! | token          | meaning                                                  |
//! |----------------|----------------------------------------------------------|
//! | `word`         | fuzzy: the letters of `word` in order, close together    |
//! | `'word`        | exact substring                                          |
//! | `'word'`       | exact substring at word boundaries                       |
//! | `^word`        | exact, at the start of a paragraph                       |
//! | `word$`        | exact, at the end of a paragraph                         |
//! | `^word$`       | the whole paragraph                                      |
//! | `!word`        | the article must not contain `word` (exact)              |
//! | `!^word`, `!word$` | … not start / end a paragraph with it                |
//! | `!'word`       | the article must not fuzzy-match `word`                  |
//! | `a \| b`       | either `a` or `b`                                        |
//! | `@name`        | only paragraphs quoting a speaker matching `name` (fuzzy)|
//! | `\ `           | a literal space inside a term                            |
//!
//! Space-separated terms are all required, at the article level: each may be
//! satisfied by a different paragraph. Smart case: a query without capitals
//! ignores case; one capital makes the whole query case-sensitive. Accents
//! never matter (see [`super::fold`]).

use memchr::memmem::Finder;

use super::fold::{FoldBuffer, fold};

/// How a term has to occur in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    Fuzzy,
    Exact,
    /// Exact, with a non-word character (or the paragraph edge) both sides.
    Boundary,
    Prefix,
    Suffix,
    /// The whole paragraph (surrounding spaces aside).
    Equal,
}

/// One search term, folded once here so matching never re-folds it.
#[derive(Debug, Clone)]
pub struct Term {
    pub kind: TermKind,
    /// The article must NOT satisfy the term.
    pub negated: bool,
    /// As typed, syntax stripped.
    pub text: String,
    /// Folded bytes and case bits (see [`super::fold`]).
    pub folded: FoldBuffer,
    /// What SkimMatcherV2 gets: the folded text, with the typed case
    /// restored when the query is case-sensitive.
    pub pattern: String,
    /// Byte length of each folded character, in order.
    pub units: Vec<u8>,
    /// Scores of an exact occurrence by preceding character (see
    /// [`super::score::exact_table`]).
    pub(crate) exact_scores: Vec<i64>,
    /// Which character window searches start from (the rarest).
    pub(crate) anchor: usize,
    pub(crate) finder: Finder<'static>,
}

impl Term {
    fn new(kind: TermKind, negated: bool, text: &str, case_sensitive: bool) -> Option<Term> {
        let folded = fold(text);
        if folded.text.is_empty() {
            return None;
        }
        let view = folded.view();
        let mut pattern = String::new();
        if case_sensitive {
            view.cased(0..folded.text.len(), &mut pattern);
        } else {
            pattern.push_str(view.as_str());
        }
        let units: Vec<u8> = view.as_str().chars().map(|c| c.len_utf8() as u8).collect();
        let exact_scores = super::score::exact_table(&pattern, units.len(), case_sensitive);
        let anchor = super::prefilter::anchor(&folded.text, &units);
        let finder = Finder::new(&folded.text).into_owned();
        Some(Term {
            kind,
            negated,
            text: text.to_string(),
            folded,
            pattern,
            units,
            exact_scores,
            anchor,
            finder,
        })
    }

    /// Length in folded characters.
    pub fn chars(&self) -> usize {
        self.units.len()
    }

    /// The same term, ignoring the `negated` flag.
    pub(crate) fn same_test(&self, other: &Term) -> bool {
        self.kind == other.kind
            && self.folded.text == other.folded.text
            && self.pattern == other.pattern
    }
}

/// Terms joined by `|`: any one of them satisfies the group.
#[derive(Debug, Clone)]
pub struct Group {
    pub alternatives: Vec<Term>,
}

impl Group {
    pub fn has_positive(&self) -> bool {
        self.alternatives.iter().any(|t| !t.negated)
    }
}

/// A parsed query. Cheap to build (linear in its length): parse it on any
/// thread.
#[derive(Debug, Clone, Default)]
pub struct Query {
    raw: String,
    groups: Vec<Group>,
    case_sensitive: bool,
    speakers: Vec<String>,
}

/// Parsing is a function of the text: two queries typed alike are the
/// same query (the compiled finders have no equality of their own).
impl PartialEq for Query {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl Eq for Query {}

impl Query {
    /// The query as typed.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The required groups (all must hold).
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// No text terms: every article matches.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn case_sensitive(&self) -> bool {
        self.case_sensitive
    }

    /// Names given as `@name`: terms then match only in paragraphs that
    /// quote a speaker answering to one of them (see [`super::scope`]).
    pub fn speakers(&self) -> &[String] {
        &self.speakers
    }
}

/// Parse `q` in fzf's extended syntax. Never fails: syntax characters that
/// leave no text (`!`, `'`, `^`, a lone `$`…) are dropped or read literally
/// as fzf does, and duplicate terms are kept once.
pub fn parse(q: &str) -> Query {
    let tokens = tokenize(q);
    let case_sensitive = tokens
        .iter()
        .filter(|t| !t.starts_with('@'))
        .any(|t| t.chars().any(char::is_uppercase));

    let mut query = Query {
        raw: q.to_string(),
        case_sensitive,
        ..Query::default()
    };
    let mut alternatives: Vec<Term> = Vec::new();
    let mut or_pending = false;
    for token in &tokens {
        if token == "|" {
            // `a | b`: the next term joins the current group.
            or_pending = !alternatives.is_empty();
            continue;
        }
        if let Some(name) = token.strip_prefix('@') {
            if !name.is_empty() {
                query.speakers.push(name.to_string());
            }
            continue;
        }
        let Some(term) = parse_term(token, case_sensitive) else {
            continue;
        };
        if !or_pending && !alternatives.is_empty() {
            push_group(&mut query.groups, std::mem::take(&mut alternatives));
        }
        or_pending = false;
        if !alternatives
            .iter()
            .any(|t| t.same_test(&term) && t.negated == term.negated)
        {
            alternatives.push(term);
        }
    }
    if !alternatives.is_empty() {
        push_group(&mut query.groups, alternatives);
    }
    query
}

fn push_group(groups: &mut Vec<Group>, alternatives: Vec<Term>) {
    let same = |g: &Group| {
        g.alternatives.len() == alternatives.len()
            && g.alternatives
                .iter()
                .zip(&alternatives)
                .all(|(a, b)| a.same_test(b) && a.negated == b.negated)
    };
    if !groups.iter().any(same) {
        groups.push(Group { alternatives });
    }
}

/// Split on unescaped spaces; `\ ` is a literal space.
fn tokenize(q: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut cur = String::new();
    let mut chars = q.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&' ') => {
                cur.push(' ');
                chars.next();
            }
            c if c.is_whitespace() => {
                if !cur.is_empty() {
                    tokens.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    tokens
}

/// One token to a term, following fzf's order of prefix/suffix rules.
fn parse_term(token: &str, case_sensitive: bool) -> Option<Term> {
    let mut text = token;
    let mut kind = TermKind::Fuzzy;
    let negated = text.starts_with('!');
    if negated {
        kind = TermKind::Exact;
        text = &text[1..];
    }
    if text != "$" && text.len() > 1 && text.ends_with('$') {
        kind = TermKind::Suffix;
        text = &text[..text.len() - 1];
    }
    if text.len() > 2 && text.starts_with('\'') && text.ends_with('\'') {
        text = &text[1..text.len() - 1];
        kind = TermKind::Boundary;
    } else if let Some(rest) = text.strip_prefix('\'') {
        // fzf flips exactness: `'a` is exact, `!'a` is fuzzy.
        text = rest;
        kind = match kind {
            _ if negated => TermKind::Fuzzy,
            TermKind::Suffix => TermKind::Suffix,
            _ => TermKind::Exact,
        };
    } else if let Some(rest) = text.strip_prefix('^') {
        text = rest;
        kind = if kind == TermKind::Suffix {
            TermKind::Equal
        } else {
            TermKind::Prefix
        };
    }
    Term::new(kind, negated, text, case_sensitive)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(q: &str) -> Vec<Vec<(TermKind, bool, String)>> {
        parse(q)
            .groups
            .iter()
            .map(|g| {
                g.alternatives
                    .iter()
                    .map(|t| (t.kind, t.negated, t.text.clone()))
                    .collect()
            })
            .collect()
    }

    fn one(q: &str) -> (TermKind, bool, String) {
        kinds(q).remove(0).remove(0)
    }

    #[test]
    fn fzf_term_syntax() {
        use TermKind::*;
        assert_eq!(one("word"), (Fuzzy, false, "word".into()));
        assert_eq!(one("'word"), (Exact, false, "word".into()));
        assert_eq!(one("'word'"), (Boundary, false, "word".into()));
        assert_eq!(one("^word"), (Prefix, false, "word".into()));
        assert_eq!(one("word$"), (Suffix, false, "word".into()));
        assert_eq!(one("^word$"), (Equal, false, "word".into()));
        assert_eq!(one("!word"), (Exact, true, "word".into()));
        assert_eq!(one("!^word"), (Prefix, true, "word".into()));
        assert_eq!(one("!word$"), (Suffix, true, "word".into()));
        assert_eq!(one("!'word"), (Fuzzy, true, "word".into()));
        assert_eq!(one("$"), (Fuzzy, false, "$".into()));
        assert_eq!(one("a\\ b"), (Fuzzy, false, "a b".into()));
    }

    #[test]
    fn spaces_and_and_bars_or() {
        let k = kinds("a b | c d");
        assert_eq!(k.len(), 3);
        assert_eq!(k[1].len(), 2);
        // A dangling or leading bar is harmless.
        assert_eq!(kinds("| a |").len(), 1);
    }

    #[test]
    fn syntax_without_text_is_dropped() {
        for q in ["", "   ", "!", "'", "^", "^$", "!^", "\u{ad}", "@"] {
            assert!(parse(q).is_empty(), "{q:?}");
        }
    }

    #[test]
    fn duplicate_terms_are_kept_once() {
        assert_eq!(parse("a a a").groups.len(), 1);
        assert_eq!(parse("a !a").groups.len(), 2);
    }

    #[test]
    fn smart_case() {
        assert!(!parse("lavrov").case_sensitive());
        assert!(parse("Lavrov").case_sensitive());
        assert!(parse("x Müller").case_sensitive());
        assert!(!parse("@Putin war").case_sensitive());
        let q = parse("Müller");
        let t = &q.groups[0].alternatives[0];
        assert_eq!(t.pattern, "Muller");
        assert_eq!(t.folded.text, b"muller");
    }

    #[test]
    fn speakers_are_kept_aside() {
        let q = parse("@putin war");
        assert_eq!(q.speakers(), ["putin"]);
        assert_eq!(q.groups().len(), 1);
    }
}
