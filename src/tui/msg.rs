//! Everything that can change the reader's state, as one enum: what the
//! user does (keys, mouse, resizes, as terminal events), what the workers
//! send back, and what the runtime reports about the effects it ran. Each
//! goes to [`App::update`](super::app::App::update), the only way in.

use std::sync::Arc;

use crossterm::event::Event;

use crate::corpus::LoadEvent;
use crate::library::LibraryEvent;
use crate::quotes::{ArticleQuotes, SpeakerIndex};
use crate::search::FilterEvent;
use crate::state::Warning;

use super::action::Action;
use super::app::LayoutKey;
use super::app::compare::Prepared;
use crate::wrap::ArticleLayout;

/// One thing that happened.
#[derive(Debug)]
pub enum Msg {
    /// A key, a mouse event or a resize, as the terminal sent it; the key
    /// map (or the prompt) turns it into an [`Action`].
    Terminal(Event),
    /// An action decided already (tests; the runtime after a program that
    /// had the terminal, to take its new size).
    Action(Action),
    /// A batch of articles, or how loading stands.
    Load(LoadEvent),
    /// Results from the filter worker.
    Filter(FilterEvent),
    /// Quotations found: (article index, its quotations), in any order.
    Quotes(Vec<(usize, Arc<ArticleQuotes>)>),
    /// Every article's quotations are in: the speakers of the corpus.
    Speakers(Box<SpeakerIndex>),
    /// After the speakers: the statements of the corpus.
    Statements(std::sync::Arc<crate::statements::Statements>),
    /// After the statements: the stories of the corpus.
    Stories(Box<crate::stories::Stories>),
    /// After the stories: the wire copies, folded in the list.
    Copies(Box<crate::copies::Copies>),
    /// A file saidso keeps could not be used or written: said, not fatal.
    Warning(crate::state::Warning),
    /// The article at this index changed on disk: read again.
    Reloaded(usize, Box<crate::corpus::Article>),
    /// A comparison made on a thread, under the job's number.
    Compared(u64, Box<Prepared>),
    /// A long article's layout, made on the layout thread.
    LaidOut(LayoutKey, Arc<ArticleLayout>),
    /// Saving the reading state ran into a problem.
    StateWarning(Warning),
    /// What an effect came to, for the status line: a copy the terminal
    /// refused, the program that had the terminal.
    Report(String),
    /// A signal asked us to stop (SIGTERM, SIGHUP, SIGINT, SIGQUIT): its
    /// number, for the exit status (128 + n, as a shell reports it).
    Stop(i32),
    /// Reading the terminal failed; the runtime ends with this error.
    InputFailed(String),
}

impl Msg {
    /// Quotations found for articles `first..`, in order.
    pub fn quotes_from(first: usize, quotes: Vec<Arc<ArticleQuotes>>) -> Msg {
        Msg::Quotes(
            quotes
                .into_iter()
                .enumerate()
                .map(|(i, q)| (first + i, q))
                .collect(),
        )
    }
}

impl From<Action> for Msg {
    fn from(action: Action) -> Self {
        Msg::Action(action)
    }
}

impl From<Event> for Msg {
    fn from(event: Event) -> Self {
        Msg::Terminal(event)
    }
}

impl From<LibraryEvent> for Msg {
    fn from(ev: LibraryEvent) -> Self {
        match ev {
            LibraryEvent::Load(e) => Msg::Load(e),
            LibraryEvent::Quotes(found) => Msg::Quotes(found),
            LibraryEvent::Speakers(index) => Msg::Speakers(index),
            LibraryEvent::Statements(s) => Msg::Statements(s),
            LibraryEvent::Stories(s) => Msg::Stories(s),
            LibraryEvent::Copies(c) => Msg::Copies(c),
            LibraryEvent::Warning(w) => Msg::Warning(w),
        }
    }
}
