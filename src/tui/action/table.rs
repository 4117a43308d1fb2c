//! The bindable actions, each declared once: its name in a config file's
//! `[keys]`, its line in the help overlay, the help section it is listed
//! under and its default keys. The keymap, the help overlay and
//! `saidso config --print-default` are all generated from this table, in
//! its order (the order the help and the default config list them).
//!
//! Names are stable: users' config files depend on them. Default keys are
//! what users of less, vim and fzf expect.

use super::{Action, HelpSection};

/// One bindable action and everything said about it.
#[derive(Debug, Clone, Copy)]
pub struct ActionDef {
    pub action: Action,
    /// The name in a config file's `[keys]`.
    pub name: &'static str,
    /// Its line in the help overlay and the default config.
    pub help: &'static str,
    pub section: HelpSection,
    /// Default keys, as a config file writes them, in the order the help
    /// lists them.
    pub keys: &'static [&'static str],
}

const fn def(
    action: Action,
    name: &'static str,
    section: HelpSection,
    keys: &'static [&'static str],
    help: &'static str,
) -> ActionDef {
    ActionDef {
        action,
        name,
        help,
        section,
        keys,
    }
}

use HelpSection::{Comparing, Filtering, General, Moving, Reading};

pub const ACTIONS: &[ActionDef] = &[
    def(
        Action::Down,
        "down",
        Moving,
        &["j", "down"],
        "next article / scroll down",
    ),
    def(
        Action::Up,
        "up",
        Moving,
        &["k", "up"],
        "previous article / scroll up",
    ),
    def(
        Action::HalfPageDown,
        "half-page-down",
        Moving,
        &["ctrl-d"],
        "half a page down",
    ),
    def(
        Action::HalfPageUp,
        "half-page-up",
        Moving,
        &["ctrl-u"],
        "half a page up",
    ),
    def(
        Action::PageDown,
        "page-down",
        Moving,
        &["pagedown", "ctrl-f"],
        "page down",
    ),
    def(
        Action::PageUp,
        "page-up",
        Moving,
        &["pageup", "ctrl-b"],
        "page up",
    ),
    def(
        Action::Top,
        "top",
        Moving,
        &["g", "home"],
        "first article / top of article",
    ),
    def(
        Action::Bottom,
        "bottom",
        Moving,
        &["G", "end"],
        "last article / end of article",
    ),
    def(
        Action::FocusNext,
        "focus-next",
        Moving,
        &["tab"],
        "switch pane",
    ),
    def(
        Action::FocusPrev,
        "focus-prev",
        Moving,
        &["backtab"],
        "switch pane (backwards)",
    ),
    def(
        Action::Open,
        "open",
        Reading,
        &["enter", "l", "right"],
        "read the selected article",
    ),
    def(
        Action::Back,
        "back",
        Reading,
        &["esc", "h", "left"],
        "close overlay / back to the list",
    ),
    def(
        Action::NextQuote,
        "next-quote",
        Reading,
        &["]"],
        "next quotation",
    ),
    def(
        Action::PrevQuote,
        "prev-quote",
        Reading,
        &["["],
        "previous quotation",
    ),
    def(
        Action::ToggleQuotesOnly,
        "toggle-quotes-only",
        Reading,
        &["Q"],
        "quotations only, by speaker / whole article",
    ),
    def(
        Action::ShowSpeakers,
        "show-speakers",
        Reading,
        &["s"],
        "who said what, across the articles",
    ),
    def(
        Action::ShowStatements,
        "show-statements",
        Reading,
        &["w"],
        "statements: who said what, in which outlets",
    ),
    def(
        Action::QuoteStatement,
        "quote-statement",
        Reading,
        &["W"],
        "who else quoted this quotation",
    ),
    def(
        Action::CompareStory,
        "compare-story",
        Comparing,
        &["Z"],
        "the story's statements × its articles",
    ),
    def(
        Action::ShowCoverage,
        "show-coverage",
        Reading,
        &["V"],
        "who gave voice to whom: speakers × outlets",
    ),
    def(
        Action::ToggleStories,
        "toggle-stories",
        Reading,
        &["z"],
        "the list by story (Enter opens, h folds)",
    ),
    def(
        Action::ToggleCopies,
        "toggle-copies",
        Reading,
        &["C"],
        "open / fold the wire copies of this article",
    ),
    def(
        Action::Copy,
        "copy-quote",
        Reading,
        &["y"],
        "copy the quotation, speaker and title",
    ),
    def(
        Action::Edit,
        "open-in-editor",
        Reading,
        &["e"],
        "open the article in $EDITOR",
    ),
    def(
        Action::Page,
        "open-in-pager",
        Reading,
        &["o"],
        "open the article in $PAGER",
    ),
    def(
        Action::OpenLink,
        "open-link",
        Reading,
        &["O"],
        "open the article's link in $BROWSER",
    ),
    def(
        Action::Filter,
        "filter",
        Filtering,
        &["/"],
        "filter all articles (fzf syntax)",
    ),
    def(
        Action::NextMatch,
        "next-match",
        Filtering,
        &["n"],
        "next matching paragraph",
    ),
    def(
        Action::PrevMatch,
        "prev-match",
        Filtering,
        &["N"],
        "previous matching paragraph",
    ),
    def(
        Action::ToggleMark,
        "toggle-mark",
        Comparing,
        &["space"],
        "mark / unmark the article to compare",
    ),
    def(
        Action::Compare,
        "compare",
        Comparing,
        &["c"],
        "compare the marked article with this one",
    ),
    def(
        Action::ToggleSyncScroll,
        "toggle-sync-scroll",
        Comparing,
        &["S"],
        "scroll the two panes together / apart",
    ),
    def(
        Action::ToggleCompareTable,
        "toggle-compare-table",
        Comparing,
        &["t"],
        "quotation table with word diff / panes",
    ),
    def(
        Action::NextUnread,
        "next-unread",
        Moving,
        &["u"],
        "next unread article",
    ),
    def(
        Action::MarkAllRead,
        "mark-all-read",
        Reading,
        &["M"],
        "mark every listed article read",
    ),
    def(
        Action::ToggleRead,
        "toggle-read",
        Reading,
        &["m"],
        "mark this article read / unread",
    ),
    def(
        Action::CycleSort,
        "sort",
        Moving,
        &["D"],
        "sort by date: newest, oldest, as loaded",
    ),
    def(
        Action::ToggleNoise,
        "toggle-boilerplate",
        Reading,
        &["b"],
        "hide or show boilerplate and repeats",
    ),
    def(
        Action::ShowProblems,
        "show-problems",
        General,
        &["!"],
        "files that did not load",
    ),
    def(
        Action::ToggleHelp,
        "toggle-help",
        General,
        &["?"],
        "this help",
    ),
    def(
        Action::Suspend,
        "suspend",
        General,
        &["ctrl-z"],
        "suspend to the shell (fg comes back)",
    ),
    def(Action::Quit, "quit", General, &["q", "ctrl-c"], "quit"),
];
