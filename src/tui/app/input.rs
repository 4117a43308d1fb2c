//! From a terminal event to an action, and from an action to the part of
//! `update` that handles it: the prompt being typed in, an overlay, the
//! keys every screen shares, or the screen the user is on.

use super::*;

impl App {
    /// A terminal event as an action, applied; false when it changes
    /// nothing on screen.
    pub(super) fn terminal(&mut self, event: &Event) -> bool {
        let action = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.message = None;
                // Ctrl-c quits from anywhere, whatever q does where.
                if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
                    self.quit = true;
                    return true;
                }
                let action = if self.filter.editing {
                    prompt_action(key, self.recalling())
                } else if self.speakers_typing() || self.statements_typing() || self.find.editing {
                    prompt_action(key, false)
                } else if matches!(self.screen, Screen::Coverage(_) | Screen::Story(_))
                    && self.overlay.is_none()
                {
                    coverage::coverage_key(key, self.keymap.action(key))
                } else {
                    self.keymap.action(key)
                };
                match action {
                    Some(a) => a,
                    None => return true,
                }
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => Action::ScrollAt {
                    x: m.column,
                    y: m.row,
                    lines: WHEEL_LINES,
                },
                MouseEventKind::ScrollUp => Action::ScrollAt {
                    x: m.column,
                    y: m.row,
                    lines: -WHEEL_LINES,
                },
                MouseEventKind::Down(_) => Action::ClickAt {
                    x: m.column,
                    y: m.row,
                },
                _ => return false,
            },
            Event::Paste(text) => {
                self.paste(text);
                return true;
            }
            Event::Resize(w, h) => Action::Resize {
                width: *w,
                height: *h,
            },
            _ => return false,
        };
        self.act(action);
        true
    }

    /// Apply one action.
    pub(super) fn act(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. }) {
            // The user has moved on: the last article is not reopened.
            self.reading.cancel_restore();
        }
        if self.filter.editing && self.update_prompt(action) {
            self.sync();
            return;
        }
        if self.find.editing && self.update_find_prompt(action) {
            self.sync();
            return;
        }
        if self.speakers_typing() && self.update_speakers_prompt(action) {
            self.sync();
            return;
        }
        if self.statements_typing() && self.update_statements_prompt(action) {
            self.sync();
            return;
        }
        if self.overlay.is_none() && self.take_out(action) {
            self.sync();
            return;
        }
        if let Some(overlay) = self.overlay {
            self.update_overlay(overlay, action);
        } else if !self.update_global(action) {
            match self.screen {
                Screen::Browse => self.update_panes(action),
                Screen::Compare(_) => self.update_compare(action),
                Screen::Speakers(_) => self.update_speakers(action),
                Screen::Statements(_) => self.update_statements(action),
                Screen::Coverage(_) => self.update_coverage(action),
                Screen::Story(_) => self.update_story_matrix(action),
            }
        }
        self.sync();
    }

    /// Actions that do the same on every screen; false for the others.
    fn update_global(&mut self, action: Action) -> bool {
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ShowProblems => self.overlay = Some(Overlay::Problems { scroll: 0 }),
            Action::Resize { width, height } => {
                self.area = Rect::new(0, 0, width, height);
                // Every screen's layouts follow in `sync`, each pane kept
                // on its text.
                self.sync();
            }
            _ => return false,
        }
        true
    }
}
