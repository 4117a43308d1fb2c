//! Generators of the files saidso keeps for itself, each near-valid and
//! then damaged: the config file, `state.json`, the filter history and
//! the load cache.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Map, Value, json};

use super::inputs::{Mutation, apply, mutated, mutation, prose, query};

/// A config file: sections with the keys they take (and some they do
/// not), values of every type, garbage lines; then damaged.
pub fn config_text() -> impl Strategy<Value = String> {
    const SECTIONS: &[(&str, &[&str])] = &[
        ("[corpus]", &["paths"]),
        ("[reader]", &["hide-boilerplate", "max-width", "mouse"]),
        ("[theme]", &["name", "speakers"]),
        (
            "[theme.styles]",
            &["quote", "speaker", "heading", "selection", "bogus"],
        ),
        (
            "[keys]",
            &[
                "down",
                "up",
                "quit",
                "filter",
                "copy-quote",
                "no-such-action",
            ],
        ),
        ("[reader", &["x"]),
        ("", &["bogus", "a.b", "\"quoted key\""]),
    ];
    const VALUES: &[&str] = &[
        "true",
        "false",
        "0",
        "19",
        "20",
        "96",
        "65535",
        "65536",
        "-1",
        "1e3",
        "\"dark\"",
        "\"light\"",
        "\"\"",
        "[]",
        "[\"j\", \"down\"]",
        "[\"ctrl-\"]",
        "\"ctrl-alt-shift-x\"",
        "\"#ff0000\"",
        "\"#fff\"",
        "\"#gg0000\"",
        "\"red\"",
        "\"bright-red\"",
        "\"255\"",
        "[\"q\", \"q\"]",
        "{ fg = \"red\", bg = \"blue\", modifiers = [\"bold\", \"blink\"] }",
        "{ fg = 3 }",
        "{ fg = \"#123456\", modifiers = [\"nope\"] }",
        "[\"red\", 7, \"#abcdef\"]",
        "[\"~/news\", \"rel/dir\", \"\"]",
        "'''multi\nline'''",
        "\"\"\"",
        "{",
        "[",
        "\"\\u001b[2J\"",
        "1979-05-27",
        "inf",
        "nan",
    ];
    let value = prop_oneof![
        8 => select(VALUES).prop_map(str::to_string),
        1 => prose(8).prop_map(|p| format!("{p:?}")),
        1 => prose(4),
    ];
    let section = (select(SECTIONS), vec((any::<Index>(), value), 0..5)).prop_map(
        |((header, keys), lines)| {
            let mut out = format!("{header}\n");
            for (k, v) in lines {
                out.push_str(&format!("{} = {v}\n", k.get(keys)));
            }
            out
        },
    );
    let text = prop_oneof![
        6 => vec(section, 0..5).prop_map(|s| s.concat()),
        1 => Just(saidso::tui::settings::default_config::text()),
    ];
    mutated(text, 2).prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// A `state.json`: the real shape with odd values, then damaged.
pub fn state_file() -> impl Strategy<Value = Vec<u8>> {
    // Mostly numbers the format takes, so that most files are read and
    // the damage is what breaks them.
    let number = prop_oneof![
        16 => any::<u64>().prop_map(Value::from),
        8 => Just(json!(0)),
        1 => select(vec![json!(-1), json!(1.5), json!("7"), json!(null)]),
    ];
    let article = (any::<bool>(), number.clone(), number.clone(), number).prop_map(
        |(read, offset, lead, at)| {
            json!({ "read": read, "position": { "offset": offset, "lead": lead },
                    "updated_at": at, "read_at": 1 })
        },
    );
    let key = prop_oneof![
        3 => any::<u64>().prop_map(|h| format!("{h:016x}")),
        1 => prose(4),
    ];
    let doc = (
        prop_oneof![6 => Just(json!(1)), 1 => Just(json!(2)), 1 => Just(json!("1"))],
        vec((key.clone(), article), 0..4),
        vec((prose(4), key), 0..3),
    )
        .prop_map(|(version, articles, corpora)| {
            let articles: Map<_, _> = articles.into_iter().collect();
            let corpora: Map<_, _> = corpora
                .into_iter()
                .map(|(c, k)| (c, json!({ "last_article": k, "updated_at": 5 })))
                .collect();
            json!({ "version": version, "articles": articles, "corpora": corpora }).to_string()
        });
    mutated(doc, 2)
}

/// A filter history file: queries one a line, damaged.
pub fn history_file() -> impl Strategy<Value = Vec<u8>> {
    mutated(vec(query(), 0..8).prop_map(|q| q.join("\n")), 3)
}

/// Damage to a load-cache file: byte mutations of the whole file, or of
/// one entry with its checksum and the index made right again (so the
/// entry gets past the CRC to the decoder's own checks).
#[derive(Debug, Clone)]
pub struct CacheDamage {
    pub reseal: bool,
    pub entry: Index,
    plan: Vec<Mutation>,
}

impl CacheDamage {
    pub fn apply(&self, bytes: Vec<u8>) -> Vec<u8> {
        apply(bytes, &self.plan)
    }
}

pub fn cache_damage() -> impl Strategy<Value = CacheDamage> {
    (any::<bool>(), any::<Index>(), vec(mutation(), 1..4)).prop_map(|(reseal, entry, plan)| {
        CacheDamage {
            reseal,
            entry,
            plan,
        }
    })
}
