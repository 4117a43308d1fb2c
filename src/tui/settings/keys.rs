//! The `[keys]` table: listing an action replaces its default keys, `[]`
//! unbinds it. A key may do one thing only: two actions on one key is an
//! error, never "the last one wins", so nothing is silently lost.

use std::collections::HashMap;

use crate::config::{ConfigError, KeyList, Loaded};

use super::super::action::Action;
use super::super::keymap::{DEFAULT_BINDINGS, KeyCombo, KeyMap};

/// Where a binding came from, to say so in a clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Default,
    Line(usize),
}

/// A key as written and where it came from.
type Key = (KeyCombo, String, Origin);
/// Per action, its keys in binding order.
type Table = Vec<(Action, Vec<Key>)>;

/// Actions that must keep a key, or the reader could not be left.
const REQUIRED: &[Action] = &[Action::Quit];

/// The keymap the file asks for, or the problems with it.
pub fn keymap(loaded: &Loaded, errors: &mut Vec<ConfigError>) -> KeyMap {
    let src = &loaded.source;
    // Per action, its keys in order; defaults first, in table order.
    let mut table: Table = Vec::new();
    for &(name, action) in DEFAULT_BINDINGS {
        let Ok(key) = KeyCombo::parse(name) else {
            continue;
        };
        let entry = (key, name.to_string(), Origin::Default);
        match table.iter_mut().find(|(a, _)| *a == action) {
            Some((_, keys)) => keys.push(entry),
            None => table.push((action, vec![entry])),
        }
    }
    // The file's entries in file order, so errors come out top to bottom.
    let mut entries: Vec<_> = loaded.file.keys.iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    for (name, list) in entries {
        let line = src.line(&name.span());
        let Some(action) = Action::from_name(name.get_ref()) else {
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
        let mut keys = Vec::new();
        for (k, at) in written {
            match KeyCombo::parse(&k) {
                Ok(key) if keys.iter().any(|(c, _, _)| *c == key) => {}
                Ok(key) => keys.push((key, k, Origin::Line(at))),
                Err(why) => errors.push(ConfigError {
                    path: src.path.clone(),
                    line: Some(at),
                    message: format!("{why} for keys.{}", name.get_ref()),
                }),
            }
        }
        if keys.is_empty() && REQUIRED.contains(&action) {
            errors.push(src.error(
                &name.span(),
                format!("keys.{} needs at least one key", name.get_ref()),
            ));
        }
        match table.iter_mut().find(|(a, _)| *a == action) {
            Some((_, old)) => *old = keys,
            None => table.push((action, keys)),
        }
    }
    report_clashes(loaded, &table, errors);
    KeyMap::from_pairs(
        table
            .iter()
            .flat_map(|(a, keys)| keys.iter().map(move |(k, _, _)| (*k, *a))),
    )
}

/// A binding as the clash report needs it: the action, how the key was
/// written, and where.
type Bound<'a> = (Action, &'a str, Origin);

/// Every key bound to two actions, reported at the file's line.
fn report_clashes(loaded: &Loaded, table: &Table, errors: &mut Vec<ConfigError>) {
    let mut seen: HashMap<KeyCombo, Bound> = HashMap::new();
    let mut clashes: Vec<(Bound, Bound)> = Vec::new();
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
    let name = |a: Action| a.name().unwrap_or("?");
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
        let (action, written, other_action) = (name(mine.0), mine.1, name(other.0));
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
