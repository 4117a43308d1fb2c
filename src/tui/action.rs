//! Everything the user can ask the reader to do.
//!
//! Keys map to actions through the keymap; the help overlay lists actions
//! with their keys; tests drive the app with actions. One enum serves all
//! three, and each bindable action is declared once, in `table.rs` (name,
//! help line, section, default keys), so the help, the keymap and the
//! default config can never drift apart.

mod table;

pub use table::{ACTIONS, ActionDef};

/// A user intent. The bindable ones are declared in the action table
/// (`ACTIONS`) with their config name; pointer actions carry screen
/// positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    /// Stop to the shell (Ctrl-z); `fg` comes back to the same screen.
    Suspend,
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
    /// Select the next article not read yet (after the selection, round
    /// to the top), as newsboat's next-unread.
    NextUnread,
    /// Mark every article in the list (the filtered one, under a filter)
    /// read.
    MarkAllRead,
    /// Mark the selected article unread if read, read if not (newsboat's
    /// toggle-read; its own key, N, is the previous match here).
    ToggleRead,
    /// List in load order, by date newest first, oldest first.
    CycleSort,
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
    /// Every statement of the corpus, carried by the most outlets first.
    ShowStatements,
    /// The statement of the quotation under the cursor: who else quoted it.
    QuoteStatement,
    /// Who gave voice to whom: speakers × outlets, quotations per pair.
    ShowCoverage,
    /// In the coverage table: the outlet to the left / right (the keys
    /// of `Back` and `Open` but Esc and Enter, which keep their meaning).
    CellLeft,
    CellRight,
    /// The article list grouped by story, or one row an article.
    ToggleStories,
    /// The selected article's story compared: statements × articles.
    CompareStory,
    /// Open the selected story's wire copies under its lead, or fold them.
    ToggleCopies,
    /// Copy the quotation under the cursor, with speaker and title, to
    /// the clipboard (through the terminal: OSC 52).
    Copy,
    /// Open the article's file in $VISUAL / $EDITOR.
    Edit,
    /// Open the article's file in $PAGER.
    Page,
    /// Open the article's link (http/https) in $BROWSER.
    OpenLink,
    /// Typing in the filter prompt (keys there are fixed, readline-style).
    FilterInsert(char),
    FilterBackspace,
    /// Delete the character under the cursor (Delete, Ctrl-d).
    FilterDelete,
    FilterDeleteWord,
    FilterClear,
    /// Delete from the cursor to the end (Ctrl-k).
    FilterKillEnd,
    /// Move the cursor: a character (←/→, Ctrl-b/f), a word (Alt-b/f),
    /// to either end (Home/End, Ctrl-a/e).
    FilterLeft,
    FilterRight,
    FilterWordLeft,
    FilterWordRight,
    FilterHome,
    FilterEnd,
    /// ↑/↓ on an empty or recalled line: older / newer queries.
    FilterHistoryPrev,
    FilterHistoryNext,
    /// Keep the filter and go to the list.
    FilterAccept,
    /// Clear the filter.
    FilterCancel,
    /// Mouse wheel at a screen cell (positive: down).
    ScrollAt {
        x: u16,
        y: u16,
        lines: i16,
    },
    /// Mouse click at a screen cell.
    ClickAt {
        x: u16,
        y: u16,
    },
    /// The terminal changed size.
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
    pub const BINDABLE: &'static [Action] = &bindable();

    /// The name of each bindable action in a config file's `[keys]`.
    pub const NAMES: &'static [(&'static str, Action)] = &names();

    /// The table row of a bindable action.
    pub fn def(self) -> Option<&'static ActionDef> {
        ACTIONS.iter().find(|d| d.action == self)
    }

    /// The action a config file names.
    pub fn from_name(name: &str) -> Option<Action> {
        ACTIONS.iter().find(|d| d.name == name).map(|d| d.action)
    }

    /// The config name of a bindable action.
    pub fn name(self) -> Option<&'static str> {
        self.def().map(|d| d.name)
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

    /// One line for the help overlay ("" for actions that are not bound).
    pub fn description(self) -> &'static str {
        self.def().map_or("", |d| d.help)
    }

    /// Where the help lists the action (unbound ones: General).
    pub fn help_section(self) -> HelpSection {
        self.def().map_or(HelpSection::General, |d| d.section)
    }
}

/// The default bindings, key by key, in table order.
pub const DEFAULT_BINDINGS: &[(&str, Action)] = &default_bindings();

const BINDABLE_COUNT: usize = ACTIONS.len();

const fn bindable() -> [Action; BINDABLE_COUNT] {
    let mut out = [Action::Quit; BINDABLE_COUNT];
    let mut i = 0;
    while i < BINDABLE_COUNT {
        out[i] = ACTIONS[i].action;
        i += 1;
    }
    out
}

const fn names() -> [(&'static str, Action); BINDABLE_COUNT] {
    let mut out = [("", Action::Quit); BINDABLE_COUNT];
    let mut i = 0;
    while i < BINDABLE_COUNT {
        out[i] = (ACTIONS[i].name, ACTIONS[i].action);
        i += 1;
    }
    out
}

const DEFAULT_KEY_COUNT: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < ACTIONS.len() {
        n += ACTIONS[i].keys.len();
        i += 1;
    }
    n
};

const fn default_bindings() -> [(&'static str, Action); DEFAULT_KEY_COUNT] {
    let mut out = [("", Action::Quit); DEFAULT_KEY_COUNT];
    let mut n = 0;
    let mut i = 0;
    while i < ACTIONS.len() {
        let mut k = 0;
        while k < ACTIONS[i].keys.len() {
            out[n] = (ACTIONS[i].keys[k], ACTIONS[i].action);
            n += 1;
            k += 1;
        }
        i += 1;
    }
    out
}
