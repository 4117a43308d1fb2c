//! Side effects asked for by [`App::update`](super::app::App::update) and
//! carried out by the event loop, so that `update` itself does no I/O and
//! can be tested on its own.

use crate::search::Query;

use super::app::LayoutJob;
use super::app::compare::CompareJob;
use super::external::OpenRequest;

/// Something only the runtime can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Hand this query, parsed, to the filter worker under the generation
    /// the app gave it (an empty query cancels).
    SubmitFilter { generation: u64, query: Query },
    /// Find the quotations of this article (index in `App::articles`).
    FindQuotes(usize),
    /// Loading has finished: find every article's quotations in the
    /// background, then the speakers of the corpus.
    SweepQuotes,
    /// Put this text on the clipboard (OSC 52), once the frame is drawn.
    Copy(String),
    /// Hand the terminal to $EDITOR or $PAGER on an article.
    Open(OpenRequest),
    /// Compare two long articles on a thread (see `app::compare::job`).
    Compare(Box<CompareJob>),
    /// Give up the comparison running on a thread.
    CancelCompare,
    /// An article was read again (changed on disk): the library finds its
    /// quotations, the speakers and the filter's index anew.
    Replace(Replaced),
    /// Lay out a long article on the layout thread (see
    /// `app::browse::layout_job`); a newer job overtakes one not started.
    Layout(Box<LayoutJob>),
    /// Give the terminal back and stop (SIGTSTP) until `fg`.
    Suspend,
    /// Add this query to the history file (see `state::history`).
    RememberQuery(String),
}

/// An article read again, under its id.
#[derive(Debug, Clone)]
pub struct Replaced {
    pub id: usize,
    pub article: Box<crate::corpus::Article>,
}

/// Told apart by article and text, for tests of effect lists.
impl PartialEq for Replaced {
    fn eq(&self, other: &Self) -> bool {
        (self.id, self.article.content_hash) == (other.id, other.article.content_hash)
    }
}

impl Eq for Replaced {}
