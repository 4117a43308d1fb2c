//! Reading state kept per article: reopening the last one, each at its
//! place, what has been read.

use super::super::*;

/// Reading state: reopening the last article, each article at its place,
/// recording what is read (see [`Reading`]).
impl App {
    /// A batch from `first` on has loaded: select the last article of the
    /// previous session if it is among them (and the user has not moved).
    pub(crate) fn reopen_last(&mut self, first: usize) {
        let Some(found) = self.reading.find_restore(&self.articles[first..]) else {
            return;
        };
        if let Some(pos) = self.order.iter().position(|&a| a == first + found) {
            self.select(pos);
        }
    }

    /// Where the reader is in its article: the first text on screen.
    pub fn top_position(&self) -> Option<Position> {
        let layout = self.reader.layout.as_ref()?;
        let offset = layout.lines.get(self.reader.scroll)?.range.start;
        let line = layout.line_of_offset(offset).unwrap_or(self.reader.scroll);
        Some(Position {
            offset,
            lead: line.saturating_sub(self.reader.scroll),
        })
    }

    /// The file of the article on screen, for the runtime's watcher:
    /// (index, path as shown, path). Only articles with a file of their own.
    pub fn watched_file(&self) -> Option<(usize, String, std::path::PathBuf, u64)> {
        // Only while browsing: a comparison and the speakers view hold
        // offsets into the text as it was.
        let index = match &self.screen {
            Screen::Browse => self.current_index()?,
            Screen::Compare(_)
            | Screen::Speakers(_)
            | Screen::Statements(_)
            | Screen::Coverage(_)
            | Screen::Story(_) => return None,
        };
        let a = self.articles.get(index)?;
        match &a.origin {
            crate::corpus::Origin::File(path) => {
                Some((index, a.path.clone(), path.clone(), a.content_hash))
            }
            _ => None,
        }
    }

    /// The article at `index` as read again from its changed file: its
    /// quotations are found again, and the reader keeps its place (the
    /// same text at the top, where it is still there).
    pub(crate) fn reloaded(&mut self, index: usize, article: Article) {
        if self
            .articles
            .get(index)
            .is_none_or(|a| a.path != article.path)
        {
            return;
        }
        let showing = self.reader.article == Some(index);
        let top = showing.then(|| self.top_position()).flatten();
        self.message = Some(format!("{} changed on disk: read again", article.path));
        // The library finds its quotations and speakers, and the filter
        // indexes it, anew; until then matches from the old text are
        // not shown in the new.
        self.effects
            .push(Effect::Replace(crate::tui::effect::Replaced {
                id: index,
                article: Box::new(article.clone()),
            }));
        if let Some(d) = self.dates.get_mut(index) {
            *d = article.published();
        }
        self.articles[index] = article;
        self.filter.snippets.remove(&index);
        self.filter.reader_matches = None;
        if let Some(q) = self.quotes.get_mut(index)
            && q.take().is_some()
        {
            self.quotes_found = self.quotes_found.saturating_sub(1);
        }
        if showing {
            self.reader.article = None;
            self.reader.layout = None;
            self.reader.quotes = None;
            self.reader.then = top.map(Place::Top);
        }
        self.sync();
    }

    /// The scroll line that puts `p` at the top of the reader.
    pub(crate) fn line_of_position(&self, p: Position) -> Option<usize> {
        let line = self.reader.layout.as_ref()?.line_of_offset(p.offset)?;
        Some(line.saturating_sub(p.lead))
    }

    /// Where the current article was left, as a scroll line.
    pub(crate) fn remembered_line(&self) -> Option<usize> {
        let p = self.reading.position(self.current()?.content_hash)?;
        self.line_of_position(p)
    }

    /// Record the article on screen: read once the reading pane has the
    /// keyboard, and its position.
    pub(crate) fn note_reading(&mut self) {
        let Some(i) = self.current_index() else {
            return;
        };
        if self.reader.article != Some(i) {
            return;
        }
        let reading = self.focus == Focus::Reader && matches!(self.screen, Screen::Browse);
        // The top is no position: a preview in another instance must not
        // undo where this article was left there.
        let position = if self.reader.scroll == 0 {
            Position::default()
        } else {
            self.top_position().unwrap_or_default()
        };
        let hash = self.articles[i].content_hash;
        self.reading.note(hash, reading, position);
    }
}
