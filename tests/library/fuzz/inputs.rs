//! Generators of untrusted input: news-like text built from the pieces
//! quotation finding keys on (marks, names, "said"), made hostile by
//! mutations (cuts, flipped bytes, escape sequences, invalid UTF-8, NULs,
//! long repeats), and near-valid JSON and JSON Lines made the same way
//! (the reader's own files are in `files`). Random bytes alone rarely get
//! past a parser's first check; these mostly do, and then break something
//! inside.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Map, Value, json};

/// Words of news prose, chosen for what the quotation finder keys on.
const WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "according to",
    "quoted",
    "as saying",
    "asked",
    "he",
    "she",
    "they",
    "it",
    "the",
    "a",
    "and",
    "of",
    "not",
    "Mr.",
    "Ms.",
    "Dr.",
    "President",
    "the minister",
    "a spokesperson",
    "an official",
    "Sergei Lavrov",
    "Lavrov",
    "Jane Roe",
    "Roe",
    "Xi Jinping",
    "Müller",
    "O'Brien",
    "the White House",
    "Reuters",
    "TASS",
    "Kremlin",
    "Beijing",
    "statement",
    "By Jane Roe",
    "Source: Reuters",
    "Photo: AP",
    "Advertisement",
    "Read more",
    "Share this",
    "http://example.com/a?b=c",
    "2024-01-02",
    "# Heading",
    "* item",
    "> quoted",
    "Said Roe:",
    "— Jane Roe.",
    "1.",
    "UN",
    "U.S.",
    "İstanbul",
    "straße",
    "ﬁnance",
    "北京",
    "🙂",
    "é",
    "Ǆ",
];

/// Quotation marks and punctuation, straight, curly and foreign.
const MARKS: &[&str] = &[
    "\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "『", "』", "``",
    "''", ",", ".", ":", ";", "?", "!", "—", "–", "-", "(", ")", "[", "]", "…", "/", "@", "|", "^",
    "$",
];

/// White space and line ends.
const BREAKS: &[&str] = &[" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\n\n\n"];

/// What a terminal would act on, and what the sanitiser must rewrite.
pub const HOSTILE: &[&str] = &[
    "\x1b]0;PWNED\x07",
    "\x1b[2J",
    "\x1b[31m",
    "\x1b[10;10H",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b]8;;http://x\x1b\\",
    "\x1bP1$r\x1b\\",
    "\x1b",
    "\x1b[",
    "\x1b]",
    "\x1b(B",
    "\u{9b}31m",
    "\u{9d}0;t\u{9c}",
    "\u{90}q\u{9c}",
    "\u{85}",
    "\u{9b}",
    "\x07",
    "\x08",
    "\x7f",
    "\t",
    "\x0c",
    "\u{202e}",
    "\u{2066}",
    "\u{200f}",
    "\u{061c}",
    "\u{feff}",
    "\u{ad}",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{2009}",
    "\u{fffd}",
    "\u{2407}",
    "\u{0301}",
    "\u{200b}",
];

/// Byte strings that are not text: invalid UTF-8, NUL, BOM, the 8-bit CSI
/// as raw bytes, long varints (for the cache's postcard encoding).
const RAW: &[&[u8]] = &[
    b"\xff",
    b"\xfe\xff",
    b"\xc3",
    b"\xe2\x80",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xc0\xaf",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\x9b",
    b"\xc2\x9b",
    b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01",
    b"\x80\x80\x80\x01",
];

/// Speakers and ways of saying, for whole attributions.
const NAMES: &[&str] = &[
    "Lavrov",
    "Sergei Lavrov",
    "Jane Roe",
    "he",
    "she",
    "the minister",
    "a senior official",
    "Xi Jinping",
    "the White House",
    "TASS",
    "Müller",
    "Ms. Roe",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "wrote",
    "warned",
    "said on Tuesday",
];

/// A sentence that attributes words, in one of the common shapes.
fn attribution() -> impl Strategy<Value = String> {
    (select(NAMES), select(VERBS), 0..4usize).prop_map(|(n, v, shape)| match shape {
        0 => format!("“We will see,” {n} {v}. "),
        1 => format!("{n} {v}: “It is over.” "),
        2 => format!("“This,” {n} {v}, “is the start.” "),
        _ => format!("{n} {v} that the talks would go on. "),
    })
}

/// One piece of text.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => attribution(),
        10 => select(WORDS).prop_map(str::to_string),
        6 => select(MARKS).prop_map(str::to_string),
        6 => select(BREAKS).prop_map(str::to_string),
        2 => select(HOSTILE).prop_map(str::to_string),
        2 => any::<char>().prop_map(String::from),
    ]
}

/// News-like text of up to `tokens` pieces (about 4 bytes each).
pub fn prose(tokens: usize) -> impl Strategy<Value = String> {
    vec(token(), 0..tokens).prop_map(|t| t.concat())
}

/// A change to a byte string.
#[derive(Debug, Clone)]
pub enum Mutation {
    Truncate(Index),
    Flip(Index, u8),
    Splice(Index, &'static [u8]),
    SpliceText(Index, &'static str),
    Bom,
    /// Repeat `len` bytes from the index `times` times (long inputs).
    Repeat(Index, usize, usize),
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => any::<Index>().prop_map(Mutation::Truncate),
        3 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        3 => (any::<Index>(), select(RAW)).prop_map(|(i, r)| Mutation::Splice(i, r)),
        3 => (any::<Index>(), select(HOSTILE)).prop_map(|(i, h)| Mutation::SpliceText(i, h)),
        1 => Just(Mutation::Bom),
        2 => (any::<Index>(), 1..16usize, 2..64usize)
            .prop_map(|(i, len, times)| Mutation::Repeat(i, len, times)),
        // Rare: up to 64 KB.
        1 => (any::<Index>(), 1..16usize, 64..4096usize)
            .prop_map(|(i, len, times)| Mutation::Repeat(i, len, times)),
    ]
}

pub fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let at = |i: &Index, b: &Vec<u8>| i.index(b.len() + 1);
        match m {
            Mutation::Truncate(i) => bytes.truncate(at(i, &bytes)),
            Mutation::Flip(i, x) if !bytes.is_empty() => {
                let i = i.index(bytes.len());
                bytes[i] ^= x;
            }
            Mutation::Flip(..) => {}
            Mutation::Splice(i, raw) => {
                let i = at(i, &bytes);
                insert(&mut bytes, i, raw);
            }
            Mutation::SpliceText(i, s) => {
                let i = at(i, &bytes);
                insert(&mut bytes, i, s.as_bytes());
            }
            Mutation::Bom => insert(&mut bytes, 0, b"\xef\xbb\xbf"),
            Mutation::Repeat(i, len, times) => {
                let start = at(i, &bytes);
                let end = (start + len).min(bytes.len());
                let piece = bytes[start..end].repeat(*times);
                insert(&mut bytes, end, &piece);
            }
        }
    }
    bytes
}

fn insert(bytes: &mut Vec<u8>, at: usize, piece: &[u8]) {
    drop(bytes.splice(at..at, piece.iter().copied()));
}

/// `valid` with up to `most` mutations applied (often none).
pub fn mutated<S>(valid: S, most: usize) -> impl Strategy<Value = Vec<u8>>
where
    S: Strategy,
    S::Value: AsRef<[u8]>,
{
    (valid, vec(mutation(), 0..=most)).prop_map(|(v, m)| apply(v.as_ref().to_vec(), &m))
}

/// The bytes of an article file: prose, often damaged.
pub fn article_bytes() -> impl Strategy<Value = Vec<u8>> {
    mutated(prose(480), 3)
}

/// Keys the JSON loader looks for, and some it does not.
const JSON_KEYS: &[&str] = &[
    "title",
    "headline",
    "name",
    "body",
    "text",
    "content",
    "article",
    "full_text",
    "maintext",
    "source",
    "outlet",
    "site",
    "author",
    "authors",
    "byline",
    "by",
    "date",
    "published",
    "publishedAt",
    "url",
    "link",
    "id",
    "",
    "Title",
    "body ",
    "extra",
];

fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        8 => prose(120).prop_map(Value::String),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(|f| json!(f)),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(Value::Null),
        2 => vec(prose(6), 0..4).prop_map(|v| json!(v)),
        1 => prose(6).prop_map(|n| json!({ "name": n })),
        1 => Just(json!([[["deep"]]])),
    ]
}

/// One record: mostly a title and a body, and fields under known and
/// unknown keys.
fn json_record() -> impl Strategy<Value = Value> {
    let body = prop_oneof![
        3 => (select(&["body", "text", "content", "maintext"][..]), prose(300))
            .prop_map(|(k, p)| vec![(k, Value::String(p))]),
        1 => Just(Vec::new()),
    ];
    let title = prop_oneof![
        2 => prose(12).prop_map(|t| vec![("title", Value::String(t))]),
        1 => Just(Vec::new()),
    ];
    let more = vec((select(JSON_KEYS), json_value()), 0..5);
    (title, body, more).prop_map(|(title, body, more)| {
        Value::Object(
            title
                .into_iter()
                .chain(body)
                .chain(more)
                .map(|(k, v)| (k.to_string(), v))
                .collect::<Map<_, _>>(),
        )
    })
}

/// A `.json` file: an object, an array of them, or something else.
pub fn json_file() -> impl Strategy<Value = Vec<u8>> {
    let doc = prop_oneof![
        4 => json_record(),
        4 => vec(json_record(), 0..5).prop_map(Value::Array),
        1 => json_value(),
    ];
    let text = (doc, any::<bool>()).prop_map(|(v, pretty)| {
        if pretty {
            serde_json::to_string_pretty(&v).unwrap_or_default()
        } else {
            v.to_string()
        }
    });
    mutated(text, 2)
}

/// A `.jsonl` file: records one a line, with blank and broken lines.
pub fn jsonl_file() -> impl Strategy<Value = Vec<u8>> {
    let line = prop_oneof![
        6 => json_record().prop_map(|v| v.to_string()),
        1 => prose(8),
        1 => Just(String::new()),
    ];
    let text = (vec(line, 0..6), select(&["\n", "\r\n"][..])).prop_map(|(l, sep)| l.join(sep));
    mutated(text, 2)
}

/// An fzf-style query: words, syntax characters, `@names`, `|`.
pub fn query() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "lavrov", "Lavrov", "said", "tiger", "bell", "sanc", "straße", "STRASSE", "istanbul",
        "fin", "ﬁ", "北", "é", "e\u{301}", "'", "^", "$", "!", "!'", "!^", "'$", "|", " | ", "@",
        "@roe", "@lavrov", "@", " ", " ", "  ", "\\", "*", ".", "“", "\x1b[2J", "\u{202e}", "İ",
        "ǅ",
    ];
    let piece = prop_oneof![
        8 => select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    let term = vec(piece, 1..4).prop_map(|p| p.concat());
    vec(term, 0..6).prop_map(|t| t.join(" "))
}
