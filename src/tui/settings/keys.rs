//! `[keys]` applied: the checked bindings (`config::bindings`, which
//! rejects unknown actions and keys and clashes) as the reader's keymap.

use crate::config::bindings::Bindings;

use super::super::action::Action;
use super::super::keymap::{KeyCombo, KeyMap};

/// The keymap of checked bindings.
pub fn keymap(bindings: &Bindings) -> KeyMap {
    KeyMap::from_pairs(bindings.iter().flat_map(|(name, keys)| {
        let action = Action::from_name(name);
        keys.iter()
            .filter_map(move |&k| Some((KeyCombo::from(k), action?)))
    }))
}
