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
    /// Open the filter prompt.
    Filter,
    /// Scroll the reader to the next / previous paragraph that matches.
    NextMatch,
    PrevMatch,
    /// Jump to the next / previous quotation in the reader; comparing two
    /// articles, to the next / previous statement both quote.
    NextQuote,
    PrevQuote,
    /// Show only the article's quotations, each under its speaker.
    ToggleQuotesOnly,
    /// Mark the selected article (or unmark it) for a comparison.
    ToggleMark,
    /// Compare the marked article with the selected one.
    Compare,
    /// Comparing: the quotation table instead of the two panes, or back.
    ToggleCompareTable,
    /// Comparing: scroll both panes together, or each on its own.
    ToggleSyncScroll,
    /// Every speaker of the corpus and their quotations across articles.
    ShowSpeakers,
    /// Copy the quotation under the cursor, with speaker and title, to
    /// the clipboard (through the terminal: OSC 52).
    Copy,
    /// Open the article's file in $VISUAL / $EDITOR.
    Edit,
    /// Open the article's file in $PAGER.
    Page,
    /// Typing in the filter prompt (keys there are fixed, readline-style).
    #[serde(skip)]
    FilterInsert(char),
    #[serde(skip)]
    FilterBackspace,
    #[serde(skip)]
    FilterDeleteWord,
    #[serde(skip)]
    FilterClear,
    /// Keep the filter and go to the list.
    #[serde(skip)]
    FilterAccept,
    /// Clear the filter.
    #[serde(skip)]
    FilterCancel,
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
    Filtering,
    Comparing,
    General,
}

impl HelpSection {
    pub const ALL: [HelpSection; 5] = [
        Self::Moving,
        Self::Reading,
        Self::Filtering,
        Self::Comparing,
        Self::General,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Moving => "Moving",
            Self::Reading => "Reading",
            Self::Comparing => "Comparing two articles",
            Self::Filtering => "Filtering",
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
        Action::NextQuote,
        Action::PrevQuote,
        Action::ToggleQuotesOnly,
        Action::ShowSpeakers,
        Action::Copy,
        Action::Edit,
        Action::Page,
        Action::Filter,
        Action::NextMatch,
        Action::PrevMatch,
        Action::ToggleMark,
        Action::Compare,
        Action::ToggleSyncScroll,
        Action::ToggleCompareTable,
        Action::ToggleNoise,
        Action::ShowProblems,
        Action::ToggleHelp,
        Action::Quit,
    ];

    /// The name of each bindable action in a config file's `[keys]`.
    /// Stable: users' files depend on these.
    pub const NAMES: &'static [(&'static str, Action)] = &[
        ("down", Action::Down),
        ("up", Action::Up),
        ("half-page-down", Action::HalfPageDown),
        ("half-page-up", Action::HalfPageUp),
        ("page-down", Action::PageDown),
        ("page-up", Action::PageUp),
        ("top", Action::Top),
        ("bottom", Action::Bottom),
        ("focus-next", Action::FocusNext),
        ("focus-prev", Action::FocusPrev),
        ("open", Action::Open),
        ("back", Action::Back),
        ("next-quote", Action::NextQuote),
        ("prev-quote", Action::PrevQuote),
        ("toggle-quotes-only", Action::ToggleQuotesOnly),
        ("show-speakers", Action::ShowSpeakers),
        ("filter", Action::Filter),
        ("next-match", Action::NextMatch),
        ("prev-match", Action::PrevMatch),
        ("toggle-mark", Action::ToggleMark),
        ("compare", Action::Compare),
        ("toggle-sync-scroll", Action::ToggleSyncScroll),
        ("toggle-compare-table", Action::ToggleCompareTable),
        ("toggle-boilerplate", Action::ToggleNoise),
        ("copy-quote", Action::Copy),
        ("open-in-editor", Action::Edit),
        ("open-in-pager", Action::Page),
        ("show-problems", Action::ShowProblems),
        ("toggle-help", Action::ToggleHelp),
        ("quit", Action::Quit),
    ];

    /// The action a config file names.
    pub fn from_name(name: &str) -> Option<Action> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, a)| a)
    }

    /// The config name of a bindable action.
    pub fn name(self) -> Option<&'static str> {
        Self::NAMES
            .iter()
            .find(|(_, a)| *a == self)
            .map(|&(n, _)| n)
    }

    /// Bound actions that mean something of their own while two articles
    /// are compared, with that meaning (listed in the help under the
    /// comparison's own keys).
    pub const WHILE_COMPARING: &'static [(Action, &'static str)] = &[
        (Action::NextQuote, "next shared statement, side by side"),
        (Action::PrevQuote, "previous shared statement"),
        (Action::FocusNext, "the other pane"),
        (Action::Open, "in the table: show that row in the panes"),
        (Action::Back, "table to panes, panes to the list"),
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
            Action::Filter => "filter all articles (fzf syntax)",
            Action::NextMatch => "next matching paragraph",
            Action::PrevMatch => "previous matching paragraph",
            Action::NextQuote => "next quotation",
            Action::PrevQuote => "previous quotation",
            Action::ToggleQuotesOnly => "quotations only, by speaker / whole article",
            Action::ShowSpeakers => "who said what, across the articles",
            Action::Copy => "copy the quotation, speaker and title",
            Action::Edit => "open the article in $EDITOR",
            Action::Page => "open the article in $PAGER",
            Action::ToggleMark => "mark / unmark the article to compare",
            Action::Compare => "compare the marked article with this one",
            Action::ToggleCompareTable => "quotation table with word diff / panes",
            Action::ToggleSyncScroll => "scroll the two panes together / apart",
            Action::FilterInsert(_)
            | Action::FilterBackspace
            | Action::FilterDeleteWord
            | Action::FilterClear
            | Action::FilterAccept
            | Action::FilterCancel
            | Action::ScrollAt { .. }
            | Action::ClickAt { .. }
            | Action::Resize { .. } => "",
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
            Action::Open
            | Action::Back
            | Action::ToggleNoise
            | Action::NextQuote
            | Action::PrevQuote
            | Action::ToggleQuotesOnly
            | Action::ShowSpeakers
            | Action::Copy
            | Action::Edit
            | Action::Page => HelpSection::Reading,
            Action::ToggleMark
            | Action::Compare
            | Action::ToggleCompareTable
            | Action::ToggleSyncScroll => HelpSection::Comparing,
            Action::Filter | Action::NextMatch | Action::PrevMatch => HelpSection::Filtering,
            _ => HelpSection::General,
        }
    }
}
