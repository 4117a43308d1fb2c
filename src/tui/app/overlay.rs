//! The overlays over every screen: help and problems.

use super::*;

/// An overlay (help, problems) has the keyboard.
impl App {
    pub(crate) fn update_overlay(&mut self, overlay: Overlay, action: Action) {
        let (scroll, len) = match overlay {
            Overlay::Help { scroll } => (scroll, crate::tui::help::line_count(&self.keymap)),
            Overlay::Problems { scroll } => (scroll, crate::tui::problems::line_count(self)),
        };
        let page = self.area.height.saturating_sub(4).max(1) as usize;
        let new_scroll = match action {
            // As in less and newsboat, q closes the box (Ctrl-c still
            // quits: see `App::terminal`).
            Action::Quit | Action::Back | Action::Open => {
                self.overlay = None;
                return;
            }
            Action::ToggleHelp => {
                self.overlay = match overlay {
                    Overlay::Help { .. } => None,
                    Overlay::Problems { .. } => Some(Overlay::Help { scroll: 0 }),
                };
                return;
            }
            Action::ShowProblems => {
                self.overlay = match overlay {
                    Overlay::Problems { .. } => None,
                    Overlay::Help { .. } => Some(Overlay::Problems { scroll: 0 }),
                };
                return;
            }
            Action::Resize { width, height } => {
                self.area = Rect::new(0, 0, width, height);
                scroll
            }
            a => step(scroll, a, page).unwrap_or(scroll),
        };
        let max = len.saturating_sub(page);
        let scroll = new_scroll.min(max);
        self.overlay = Some(match overlay {
            Overlay::Help { .. } => Overlay::Help { scroll },
            Overlay::Problems { .. } => Overlay::Problems { scroll },
        });
    }
}
