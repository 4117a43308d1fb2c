//! Which screen the user is on; each holds its own state.

use super::compare::CompareState;
use super::coverage::CoverageView;
use super::speakers::SpeakersView;
use super::statements::StatementsView;
use super::story_matrix::StoryView;

/// The screen the user is on. The browse screen's state (list, filter,
/// reader) lives in [`App`](super::App) itself, because it is kept while the other
/// screens are open and is what they return to.
#[derive(Default)]
pub enum Screen {
    /// The article list and the reading pane.
    #[default]
    Browse,
    /// Two articles side by side (`c`).
    Compare(Box<CompareState>),
    /// Every speaker of the corpus and their quotations (`s`).
    Speakers(Box<SpeakersView>),
    /// Every statement of the corpus and its renderings (`w`).
    Statements(Box<StatementsView>),
    /// Who gave voice to whom: speakers × outlets (`V`).
    Coverage(Box<CoverageView>),
    /// A story's statements × its articles (`Z`).
    Story(Box<StoryView>),
}

impl Screen {
    pub fn compare(&self) -> Option<&CompareState> {
        match self {
            Screen::Compare(c) => Some(c),
            _ => None,
        }
    }

    pub fn compare_mut(&mut self) -> Option<&mut CompareState> {
        match self {
            Screen::Compare(c) => Some(c),
            _ => None,
        }
    }

    pub fn speakers(&self) -> Option<&SpeakersView> {
        match self {
            Screen::Speakers(v) => Some(v),
            _ => None,
        }
    }

    pub fn speakers_mut(&mut self) -> Option<&mut SpeakersView> {
        match self {
            Screen::Speakers(v) => Some(v),
            _ => None,
        }
    }

    pub fn statements(&self) -> Option<&StatementsView> {
        match self {
            Screen::Statements(v) => Some(v),
            _ => None,
        }
    }

    pub fn statements_mut(&mut self) -> Option<&mut StatementsView> {
        match self {
            Screen::Statements(v) => Some(v),
            _ => None,
        }
    }

    pub fn coverage(&self) -> Option<&CoverageView> {
        match self {
            Screen::Coverage(v) => Some(v),
            _ => None,
        }
    }

    pub fn coverage_mut(&mut self) -> Option<&mut CoverageView> {
        match self {
            Screen::Coverage(v) => Some(v),
            _ => None,
        }
    }
}
