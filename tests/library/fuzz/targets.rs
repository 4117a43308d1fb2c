//! The harness's targets: each draws one input from a seeded runner and
//! checks it. The property tests use the same generators and checks.

use std::fmt::Debug;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

use super::checks::{self, Checked, show};
use super::files::{self, CacheDamage};
use super::inputs;
use super::scratch::{Scratch, reseal};

/// Extensions for files loaded as text (a file named on the command line
/// is read whatever its extension).
pub const TEXT_NAMES: &[&str] = &["a.txt", "a.md", "a.text", "a.markdown", "a", "a.html"];
pub const JSONL_NAMES: &[&str] = &["a.jsonl", "a.ndjson"];

/// Every generator, made once per thread.
pub struct Gens {
    text_file: BoxedStrategy<(&'static str, Vec<u8>)>,
    json: BoxedStrategy<Vec<u8>>,
    jsonl: BoxedStrategy<(&'static str, Vec<u8>)>,
    bytes: BoxedStrategy<Vec<u8>>,
    query: BoxedStrategy<(String, Vec<u8>)>,
    config: BoxedStrategy<String>,
    state: BoxedStrategy<(Vec<u8>, bool)>,
    history: BoxedStrategy<Vec<u8>>,
    cache: BoxedStrategy<CacheDamage>,
}

impl Gens {
    pub fn new() -> Gens {
        use proptest::sample::select;
        Gens {
            text_file: (select(TEXT_NAMES), inputs::article_bytes()).boxed(),
            json: inputs::json_file().boxed(),
            jsonl: (select(JSONL_NAMES), inputs::jsonl_file()).boxed(),
            bytes: inputs::article_bytes().boxed(),
            query: (inputs::query(), inputs::mutated(inputs::prose(120), 2)).boxed(),
            config: files::config_text().boxed(),
            state: (files::state_file(), proptest::bool::weighted(0.25)).boxed(),
            history: files::history_file().boxed(),
            cache: files::cache_damage().boxed(),
        }
    }
}

/// An input as a replay prints it: bytes as a `b"…"` literal to paste
/// into a regression test.
trait Show {
    fn show(&self) -> String;
}

impl Show for Vec<u8> {
    fn show(&self) -> String {
        format!("b\"{}\" ({} bytes)", self.escape_ascii(), self.len())
    }
}

impl Show for String {
    fn show(&self) -> String {
        format!("{self:?}")
    }
}

impl<A: Debug, B: Show> Show for (A, B) {
    fn show(&self) -> String {
        format!("{:?}, {}", self.0, self.1.show())
    }
}

impl Show for (Vec<u8>, bool) {
    fn show(&self) -> String {
        format!("{}, {}", self.0.show(), self.1)
    }
}

impl Show for CacheDamage {
    fn show(&self) -> String {
        format!("{self:?}")
    }
}

fn draw<T: Show + Debug>(s: &BoxedStrategy<T>, runner: &mut TestRunner, show: bool) -> T {
    let value = s.new_tree(runner).unwrap().current();
    if show {
        eprintln!("input: {}", value.show());
    }
    value
}

/// One target: its name (for reports and replay) and one case of it.
pub type Run = fn(&Gens, &mut TestRunner, &Scratch, bool) -> Checked;

pub const TARGETS: &[(&str, Run)] = &[
    ("load_text", |g, r, s, v| {
        let (name, bytes) = draw(&g.text_file, r, v);
        checks::load(s, name, &bytes)
    }),
    ("load_json", |g, r, s, v| {
        checks::load(s, "a.json", &draw(&g.json, r, v))
    }),
    ("load_jsonl", |g, r, s, v| {
        let (name, bytes) = draw(&g.jsonl, r, v);
        checks::load(s, name, &bytes)
    }),
    ("sanitize", |g, r, _, v| {
        checks::sanitizer(&draw(&g.bytes, r, v))
    }),
    ("quotes", |g, r, _, v| {
        checks::quotation_finder(&draw(&g.bytes, r, v))
    }),
    ("query", |g, r, s, v| {
        let (q, text) = draw(&g.query, r, v);
        checks::query(s, &q, &text)
    }),
    ("config", |g, r, s, v| {
        checks::config(&s.vocabulary, &draw(&g.config, r, v))
    }),
    ("state", |g, r, s, v| {
        let (bytes, save) = draw(&g.state, r, v);
        checks::state(s, &bytes, save)
    }),
    ("history", |g, r, s, v| {
        checks::history_file(s, &draw(&g.history, r, v))
    }),
    ("cache", |g, r, s, v| {
        let damage = draw(&g.cache, r, v);
        let bytes = damaged_cache(s, &damage);
        if v {
            eprintln!("cache file: {}", show(&bytes));
        }
        checks::cache(s, &bytes)
    }),
];

/// The seed cache with `damage` done to it: to the whole file, or to one
/// entry resealed (see [`reseal`]).
pub fn damaged_cache(s: &Scratch, damage: &CacheDamage) -> Vec<u8> {
    let seed = s.cache.bytes.clone();
    if !damage.reseal {
        return damage.apply(seed);
    }
    let k = damage.entry.index(s.cache.entries.len());
    reseal(&seed, k, |e| damage.apply(e)).expect("the cache layout changed: update IndexRow")
}
