//! The `[keys]` table: listing an action replaces its default keys, `[]`
//! unbinds it. A key may do one thing only: two actions on one key is an
//! error, never "the last one wins", so nothing is silently lost.

use std::collections::HashMap;

use super::check::Vocabulary;
use super::error::ConfigError;
use super::file::KeyList;
use super::load::Loaded;
use super::names::Key;

/// Per action (by config name), its keys in binding order.
pub type Bindings = Vec<(&'static str, Vec<Key>)>;

/// Where a binding came from, to say so in a clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Default,
    Line(usize),
}

/// A key, how it was written and where it came from.
type Bound = (Key, String, Origin);
/// Per action, its keys in binding order.
type Table = Vec<(&'static str, Vec<Bound>)>;

/// The default bindings: every action's default keys (a test in the
/// reader's keymap says they all parse).
pub fn defaults(vocab: &Vocabulary) -> Bindings {
    keys_only(default_table(vocab))
}

fn default_table(vocab: &Vocabulary) -> Table {
    vocab
        .actions
        .iter()
        .map(|&(action, keys)| {
            let keys = keys
                .iter()
                .filter_map(|&k| Some((Key::parse(k).ok()?, k.to_string(), Origin::Default)))
                .collect();
            (action, keys)
        })
        .collect()
}

fn keys_only(table: Table) -> Bindings {
    table
        .into_iter()
        .map(|(a, keys)| (a, keys.into_iter().map(|(k, _, _)| k).collect()))
        .collect()
}

/// The bindings the file asks for, or the problems with them.
pub fn check(loaded: &Loaded, vocab: &Vocabulary, errors: &mut Vec<ConfigError>) -> Bindings {
    let src = &loaded.source;
    let mut table = default_table(vocab);
    // The file's entries in file order, so errors come out top to bottom.
    let mut entries: Vec<_> = loaded.file.keys.iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    for (name, list) in entries {
        let line = src.line(&name.span());
        let Some(&(action, _)) = vocab.actions.iter().find(|(a, _)| *a == name.get_ref()) else {
            errors.push(src.error(
                &name.span(),
                format!(
                    "unknown action {:?} in [keys] (`saidso config --print-default` lists them)",
                    name.get_ref()
                ),
            ));
            continue;
        };
        let written: Vec<(String, usize)> = match list.get_ref() {
            KeyList::One(k) => vec![(k.clone(), line)],
            KeyList::Many(ks) => ks
                .iter()
                .map(|k| (k.get_ref().clone(), src.line(&k.span())))
                .collect(),
        };
        let mut keys: Vec<Bound> = Vec::new();
        for (k, at) in written {
            match Key::parse(&k) {
                Ok(key) if keys.iter().any(|(c, _, _)| *c == key) => {}
                Ok(key) => keys.push((key, k, Origin::Line(at))),
                Err(why) => errors.push(ConfigError {
                    path: src.path.clone(),
                    line: Some(at),
                    message: format!("{why} for keys.{action}"),
                }),
            }
        }
        if keys.is_empty() && vocab.required.contains(&action) {
            errors.push(src.error(
                &name.span(),
                format!("keys.{action} needs at least one key"),
            ));
        }
        match table.iter_mut().find(|(a, _)| *a == action) {
            Some((_, old)) => *old = keys,
            None => table.push((action, keys)),
        }
    }
    report_clashes(loaded, &table, errors);
    keys_only(table)
}

/// A binding as the clash report needs it: the action, how the key was
/// written, and where.
type Use<'a> = (&'static str, &'a str, Origin);

/// Every key bound to two actions, reported at the file's line.
fn report_clashes(loaded: &Loaded, table: &Table, errors: &mut Vec<ConfigError>) {
    let mut seen: HashMap<Key, Use> = HashMap::new();
    let mut clashes: Vec<(Use, Use)> = Vec::new();
    for (action, keys) in table {
        for (key, written, origin) in keys {
            let this = (*action, written.as_str(), *origin);
            match seen.get(key) {
                Some(&earlier) => clashes.push((this, earlier)),
                None => {
                    seen.insert(*key, this);
                }
            }
        }
    }
    for (a, b) in clashes {
        // Report at the user's (later) line; the other binding is theirs
        // too (give its line) or a default (say how to free the key).
        let (mine, other) = match (a.2, b.2) {
            (Origin::Line(x), Origin::Line(y)) if x < y => (b, a),
            (Origin::Line(_), _) => (a, b),
            (Origin::Default, Origin::Line(_)) => (b, a),
            // The defaults never clash (a test says so).
            (Origin::Default, Origin::Default) => continue,
        };
        let Origin::Line(line) = mine.2 else {
            continue;
        };
        let (action, written, other_action) = (mine.0, mine.1, other.0);
        let message = match other.2 {
            Origin::Line(l) => {
                format!("key {written:?} is bound to both {action} and {other_action} (line {l})")
            }
            Origin::Default => format!(
                "key {written:?} for keys.{action} is already {other_action}'s by default \
                 (give {other_action} other keys, or `{other_action} = []`)"
            ),
        };
        errors.push(ConfigError {
            path: loaded.source.path.clone(),
            line: Some(line),
            message,
        });
    }
}
