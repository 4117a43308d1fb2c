//! Everything the user can ask the reader to do.
//!
//! Keys map to actions through the keymap; the help overlay lists actions
//! with their keys; tests drive the app with actions. One enum serves all
//! three, so the help can never drift from the bindings.

use serde::Deserialize;

/// A user intent. The bindable ones have a name (snake_case) for the
/// keymap and config; pointer actions carry screen positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    /// Next item in the list, or scroll down a line in the reader.
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// Open the selected article in the reader (and focus it).
    Open,
    FocusNext,
    FocusPrev,
    /// Close an overlay, or go back from the reader to the list.
    Back,
    ToggleHelp,
    /// Hide or show boilerplate and repeated paragraphs.
    ToggleNoise,
    /// Show files that did not load.
    ShowProblems,
    /// Mouse wheel at a screen cell (positive: down).
    #[serde(skip)]
    ScrollAt {
        x: u16,
        y: u16,
        lines: i16,
    },
    /// Mouse click at a screen cell.
    #[serde(skip)]
    ClickAt {
        x: u16,
        y: u16,
    },
    /// The terminal changed size.
    #[serde(skip)]
    Resize {
        width: u16,
        height: u16,
    },
}

/// Where an action is listed in the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpSection {
    Moving,
    Reading,
    General,
}

impl HelpSection {
    pub const ALL: [HelpSection; 3] = [Self::Moving, Self::Reading, Self::General];

    pub fn title(self) -> &'static str {
        match self {
            Self::Moving => "Moving",
            Self::Reading => "Reading",
            Self::General => "General",
        }
    }
}

impl Action {
    /// The bindable actions, in the order the help overlay lists them.
    pub const BINDABLE: &'static [Action] = &[
        Action::Down,
        Action::Up,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Open,
        Action::Back,
        Action::ToggleNoise,
        Action::ShowProblems,
        Action::ToggleHelp,
        Action::Quit,
    ];

    /// One line for the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Down => "next article / scroll down",
            Action::Up => "previous article / scroll up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::Top => "first article / top of article",
            Action::Bottom => "last article / end of article",
            Action::Open => "read the selected article",
            Action::FocusNext => "switch pane",
            Action::FocusPrev => "switch pane (backwards)",
            Action::Back => "close overlay / back to the list",
            Action::ToggleHelp => "this help",
            Action::ToggleNoise => "hide or show boilerplate and repeats",
            Action::ShowProblems => "files that did not load",
            Action::ScrollAt { .. } | Action::ClickAt { .. } | Action::Resize { .. } => "",
        }
    }

    pub fn help_section(self) -> HelpSection {
        match self {
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom
            | Action::FocusNext
            | Action::FocusPrev => HelpSection::Moving,
            Action::Open | Action::Back | Action::ToggleNoise => HelpSection::Reading,
            _ => HelpSection::General,
        }
    }
}
