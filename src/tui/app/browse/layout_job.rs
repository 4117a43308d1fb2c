//! Laying out a long article off the UI thread.
//!
//! Wrapping a 20 MB article takes a core a quarter of a second, longer than
//! a key may wait. So for articles of [`LONG_ARTICLE_BYTES`] and more the
//! app hands the runtime a [`LayoutJob`] and goes on answering keys; the
//! reader says it is laying out until `Msg::LaidOut` brings the lines
//! back. A result for a layout no longer wanted (the user moved on) is
//! kept in the layout cache all the same: it is still right for its key.

use std::sync::Arc;

use crate::corpus::Article;
use crate::wrap::{ArticleLayout, Excerpt, LayoutOptions, TagRequest};

/// Articles this long are laid out on a thread, and keep their last
/// layouts (see `App::cached_layout`).
pub(crate) const LONG_ARTICLE_BYTES: usize = 256 << 10;

/// What a reader layout depends on: two layouts with equal keys are equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutKey {
    pub(crate) article: usize,
    pub(crate) hash: u64,
    pub(crate) options: LayoutOptions,
    pub(crate) quotes_only: bool,
    /// The quotations' identity (their tags change the lines).
    pub(crate) quotes: Option<usize>,
}

/// Which lines: the article with room for tags, or only its quotations.
#[derive(Debug, Clone)]
pub enum LayoutOf {
    Body(Vec<TagRequest>),
    Excerpts(Vec<Excerpt>),
}

impl LayoutOf {
    /// The lines themselves, on whichever thread asks.
    pub fn lay_out(&self, article: &Article, options: LayoutOptions) -> ArticleLayout {
        match self {
            LayoutOf::Body(tags) => ArticleLayout::with_tags(article, options, tags),
            LayoutOf::Excerpts(excerpts) => {
                ArticleLayout::excerpts(article, excerpts, options, &[])
            }
        }
    }
}

/// A layout for the runtime to make on its layout thread.
#[derive(Debug, Clone)]
pub struct LayoutJob {
    pub key: LayoutKey,
    pub article: Arc<Article>,
    pub of: LayoutOf,
}

impl LayoutJob {
    pub fn run(&self) -> ArticleLayout {
        self.of.lay_out(&self.article, self.key.options)
    }
}

/// Jobs are the same when their layouts are: for tests of effect lists.
impl PartialEq for LayoutJob {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for LayoutJob {}

/// Where the reader goes in a layout just made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A new article: its best match, else where it was left, else the top.
    Open,
    /// This text on top (the same article laid out anew).
    Top(crate::state::Position),
    /// Just above this quotation.
    Quote(usize),
    /// This line.
    Line(usize),
}

/// The reader waiting for a layout: which, and where to go in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingLayout {
    pub key: LayoutKey,
    pub place: Place,
}
