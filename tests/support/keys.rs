//! Key scripts, written the way helix writes its key-sequence tests: every
//! character is a key press, `<name>` a named key (`<enter>`, `<esc>`,
//! `<tab>`, `<space>`, `<C-w>`, `<A-b>`, `<pagedown>`), parsed with the
//! same names a config file uses. A test then reads as what a user types
//! and goes through the key map, as a keystroke in the terminal does.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use saidso::tui::app::App;
use saidso::tui::keymap::KeyCombo;

/// The key events of a script, in order.
pub fn events(script: &str) -> Vec<Event> {
    let mut out = Vec::new();
    let mut chars = script.chars();
    while let Some(c) = chars.next() {
        let combo = if c == '<' {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            // helix writes Alt as A-; config files as alt- or m-.
            let name = match name.strip_prefix("A-") {
                Some(rest) => format!("alt-{rest}"),
                None => name,
            };
            KeyCombo::parse(&name).unwrap_or_else(|e| panic!("key script {script:?}: {e}"))
        } else {
            KeyCombo {
                code: KeyCode::Char(c),
                mods: KeyModifiers::NONE,
            }
        };
        out.push(Event::Key(KeyEvent::new(combo.code, combo.mods)));
    }
    out
}

/// Press the keys of `script` in the app, one message each.
pub fn keys(app: &mut App, script: &str) {
    for event in events(script) {
        app.update(event);
    }
}
