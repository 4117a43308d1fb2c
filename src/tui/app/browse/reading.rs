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
