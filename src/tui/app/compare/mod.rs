//! The compare screen: two articles side by side and their shared
//! statements; marking, opening and its share of `update` and `sync`.

use super::*;

mod job;
mod state;
mod table;

pub use job::*;
pub use state::*;
pub use table::*;

/// Comparing two articles: marking, opening, and the comparison view's
/// share of `update` and `sync`.
impl App {
    /// Space: mark the selected article, or unmark it.
    pub(crate) fn toggle_mark(&mut self) {
        let Some(id) = self.current_index() else {
            return;
        };
        if self.marked == Some(id) {
            self.marked = None;
            self.message = Some("Mark removed".into());
        } else {
            self.marked = Some(id);
            self.message = Some(format!(
                "Marked · select another article and press {} to compare",
                self.keymap.hint(Action::Compare)
            ));
        }
    }

    /// `c`: compare the marked article with the selected one; with none
    /// marked, mark this one and ask for the other.
    pub(crate) fn compare_with_marked(&mut self) {
        let Some(id) = self.current_index() else {
            return;
        };
        let key = self.keymap.hint(Action::Compare);
        match self.marked {
            None => {
                self.marked = Some(id);
                self.message = Some(format!(
                    "Compare with which article? Select it and press {key}"
                ));
            }
            Some(m) if m == id => {
                self.message = Some(format!(
                    "This is the marked article: select another and press {key}"
                ));
            }
            Some(m) => {
                self.cancel_pending_compare();
                self.pending_compare = Some((m, id));
                self.open_pending_compare();
                if self.screen.compare().is_none() && !self.compare_running {
                    self.message = Some("Finding quotations to compare…".into());
                }
            }
        }
    }

    /// Open the pending comparison once both articles' quotations are
    /// known: ordinary articles have theirs found here and now, long ones
    /// are asked of the quotations thread, one at a time.
    pub(crate) fn open_pending_compare(&mut self) {
        let Some((l, r)) = self.pending_compare else {
            return;
        };
        for id in [l, r] {
            let small = self
                .articles
                .get(id)
                .is_some_and(|a| a.text.len() <= INLINE_QUOTES_MAX_BYTES);
            if small && self.quotes.get(id).is_some_and(Option::is_none) {
                let q = Arc::new(find_quotes(&self.articles[id]));
                self.store_quotes(id, q);
            }
        }
        let found = |id: usize| self.quotes.get(id).cloned().flatten();
        match (found(l), found(r)) {
            (Some(_), Some(_)) if self.compare_running => {}
            (Some(lq), Some(rq))
                if self.articles[l].text.len() + self.articles[r].text.len()
                    > INLINE_COMPARE_MAX_BYTES =>
            {
                self.compare_jobs += 1;
                self.compare_running = true;
                self.effects.push(Effect::Compare(Box::new(CompareJob {
                    generation: self.compare_jobs,
                    left: (l, Arc::new(self.articles[l].clone()), lq),
                    right: (r, Arc::new(self.articles[r].clone()), rq),
                    cancel: Arc::default(),
                })));
                self.message = Some(format!(
                    "Comparing two long articles… {} cancels",
                    self.keymap.hint(Action::Back)
                ));
            }
            (Some(lq), Some(rq)) => {
                let prepared =
                    Prepared::compute(&self.articles[l], &lq, &self.articles[r], &rq, &|| false);
                self.open_compare((l, lq), (r, rq), prepared.unwrap_or_default());
            }
            (lq, _) => {
                let missing = if lq.is_none() { l } else { r };
                if self.compare_asked != Some(missing) {
                    self.compare_asked = Some(missing);
                    self.effects.push(Effect::FindQuotes(missing));
                }
            }
        }
    }

    /// Open the comparison view on a comparison made.
    fn open_compare(
        &mut self,
        (l, lq): (usize, Arc<ArticleQuotes>),
        (r, rq): (usize, Arc<ArticleQuotes>),
        prepared: Prepared,
    ) {
        self.screen = Screen::Compare(Box::new(CompareState::with(
            (l, &self.articles[l], lq),
            (r, &self.articles[r], rq),
            prepared,
        )));
        self.pending_compare = None;
        self.compare_asked = None;
        self.message = None;
    }

    /// A comparison made on a thread: opened if it is still the one
    /// waited for.
    pub(crate) fn compared(&mut self, generation: u64, prepared: Prepared) {
        if !self.compare_running || generation != self.compare_jobs {
            return;
        }
        self.compare_running = false;
        let Some((l, r)) = self.pending_compare else {
            return;
        };
        let found = |id: usize| self.quotes.get(id).cloned().flatten();
        if let (Some(lq), Some(rq)) = (found(l), found(r)) {
            self.open_compare((l, lq), (r, rq), prepared);
        }
        self.sync();
    }

    /// Forget the comparison waited for; a running one is cancelled.
    pub(crate) fn cancel_pending_compare(&mut self) {
        self.pending_compare = None;
        self.compare_asked = None;
        if std::mem::take(&mut self.compare_running) {
            self.effects.push(Effect::CancelCompare);
        }
    }

    /// Where the comparison's panes are (a pane not shown for lack of
    /// room is placed where it would be); None when the screen is too
    /// small or nothing is compared.
    pub fn compare_geometry(&self) -> Option<Geometry> {
        let c = self.screen.compare()?;
        let CompareScreen::Shown(a) = layout::compare_screen(self.area, c.active) else {
            return None;
        };
        let gutter = c.marker_width() + layout::GUTTER;
        let areas = |side: Side| {
            let rect = a.pane(side).unwrap_or(a.main);
            let pane = c.pane(side);
            let rows = self.articles.get(pane.article).map_or(1, |art| {
                header::header_rows(
                    art,
                    Some(&pane.quotes),
                    layout::inner(rect),
                    layout::COMPARE_COMPACT_HEADER_BELOW,
                )
            });
            layout::pane_areas(rect, rows, gutter, self.max_text_width)
        };
        let table = layout::table_areas(a.main);
        Some(Geometry {
            left: areas(Side::Left),
            right: areas(Side::Right),
            side_by_side: !a.stacked,
            table_rows: table.body.height as usize,
            table_columns: table.columns,
        })
    }

    pub(crate) fn update_compare(&mut self, action: Action) {
        let g = self.compare_geometry();
        let Some(c) = self.screen.compare_mut() else {
            return;
        };
        let mut message = None;
        match action {
            Action::ToggleNoise => {
                self.hide_noise = !self.hide_noise;
                message = Some(if self.hide_noise {
                    "Boilerplate and repeated paragraphs hidden"
                } else {
                    "Boilerplate and repeated paragraphs shown (dimmed)"
                });
            }
            Action::Back => match c.mode {
                CompareMode::Table => c.mode = CompareMode::Panes,
                CompareMode::Panes => {
                    self.screen = Screen::Browse;
                    self.focus = Focus::List;
                }
            },
            Action::ToggleCompareTable => c.toggle_table(),
            Action::ToggleSyncScroll => {
                c.sync = !c.sync;
                message = Some(if c.sync {
                    "The panes scroll together"
                } else {
                    "Each pane scrolls on its own"
                });
            }
            Action::FocusNext | Action::FocusPrev if c.mode == CompareMode::Panes => {
                c.active = c.active.other();
            }
            Action::NextQuote | Action::PrevQuote => {
                self.jump_to_pair(action == Action::NextQuote);
            }
            Action::Open => {
                if let (Some(g), CompareMode::Table) = (g, c.mode) {
                    c.open_table_row(&g);
                    self.message = self.pair_message();
                }
            }
            Action::ScrollAt { x, y, lines } => self.compare_scroll_at(x, y, lines),
            Action::ClickAt { x, y } => self.compare_click_at(x, y),
            Action::Compare => message = Some("Already comparing · Esc returns to the list"),
            Action::ToggleMark
            | Action::Filter
            | Action::NextMatch
            | Action::PrevMatch
            | Action::ToggleQuotesOnly
            | Action::ShowSpeakers
            | Action::ShowCoverage => {
                message = Some("Not while comparing · Esc returns to the list");
            }
            a => {
                let Some(g) = g else {
                    return;
                };
                match c.mode {
                    CompareMode::Panes => {
                        let side = c.active;
                        let page = g.areas(side).body.height.max(1) as usize;
                        match a {
                            Action::Top | Action::Bottom if c.sync => {
                                c.scroll_both_to(a == Action::Bottom, &g);
                            }
                            _ => {
                                if let Some(to) = step(c.pane(side).scroll, a, page) {
                                    c.scroll_to(side, to, &g);
                                }
                            }
                        }
                    }
                    CompareMode::Table => {
                        let page = c.table_rows_in_view(g.table_rows).max(1);
                        if let Some(to) = step(c.table.cursor, a, page) {
                            c.table_select(to);
                        }
                    }
                }
            }
        }
        if let Some(m) = message {
            self.message = Some(m.into());
        }
    }

    /// `]` / `[` comparing: the next shared statement, side by side; in
    /// the table, the next pair's row.
    pub(crate) fn jump_to_pair(&mut self, forward: bool) {
        let (Some(g), Some(c)) = (self.compare_geometry(), self.screen.compare_mut()) else {
            return;
        };
        let n = c.comparison.pairs.len();
        if n == 0 {
            self.message = Some("No statement is quoted in both articles".into());
            return;
        }
        let dir = if forward { "below" } else { "above" };
        let moved = match c.mode {
            CompareMode::Table => c.table_next_pair(forward),
            CompareMode::Panes => match c.next_pair(forward, &g) {
                Some(k) => {
                    c.show_pair(k, &g);
                    true
                }
                None => false,
            },
        };
        self.message = if moved {
            self.pair_message()
        } else {
            Some(format!(
                "{} of shared statements; none {dir}",
                text::count(n, "pair")
            ))
        };
    }

    /// "Pair 1 of 2 · shared statement 1 · Sergei Lavrov / Sergey Lavrov".
    pub(crate) fn pair_message(&self) -> Option<String> {
        let c = self.screen.compare()?;
        let k = c.pair_cursor?;
        let p = c.comparison.pairs.get(k)?;
        let who = |pane: &crate::tui::app::compare::ComparePane, i: usize| {
            let v = &pane.quotes;
            v.quotes().get(i).map_or_else(String::new, |q| {
                v.found
                    .speaker_of(q)
                    .map_or_else(|| v.who(q), |s| s.name.clone())
            })
        };
        Some(format!(
            "Pair {} of {} · shared statement {} · {} / {}",
            k + 1,
            c.comparison.pairs.len(),
            c.comparison.group_of(p).unwrap_or(0),
            who(&c.left, p.left),
            who(&c.right, p.right)
        ))
    }

    /// The wheel over a pane scrolls that pane (and, in sync, the other);
    /// over the table it moves the cursor.
    pub(crate) fn compare_scroll_at(&mut self, x: u16, y: u16, lines: i16) {
        let Some(g) = self.compare_geometry() else {
            return;
        };
        let Some((c, a)) = self.compare_on_screen() else {
            return;
        };
        match c.mode {
            CompareMode::Panes => {
                if let Some(side) = a.pane_at(x, y) {
                    let to = offset_by(c.pane(side).scroll, lines as isize);
                    c.scroll_to(side, to, &g);
                }
            }
            CompareMode::Table => {
                if layout::contains(a.main, x, y) {
                    let to = offset_by(c.table.cursor, lines.signum() as isize);
                    c.table_select(to);
                }
            }
        }
    }

    /// The comparison and its areas, when it is open and the screen has
    /// room to show it: what the mouse can act on.
    pub(crate) fn compare_on_screen(
        &mut self,
    ) -> Option<(&mut CompareState, layout::CompareAreas)> {
        let c = self.screen.compare_mut()?;
        let CompareScreen::Shown(a) = layout::compare_screen(self.area, c.active) else {
            return None;
        };
        Some((c, a))
    }

    /// A click makes a pane active, or picks a table row.
    pub(crate) fn compare_click_at(&mut self, x: u16, y: u16) {
        let Some((c, a)) = self.compare_on_screen() else {
            return;
        };
        match c.mode {
            CompareMode::Panes => {
                if let Some(side) = a.pane_at(x, y) {
                    c.active = side;
                }
            }
            CompareMode::Table => {
                let body = layout::table_areas(a.main).body;
                if !layout::contains(body, x, y) {
                    return;
                }
                let line = c.table.scroll + (y - body.y) as usize;
                if let Some(row) = c.table.layout.as_ref().and_then(|t| t.row_at(line)) {
                    c.table_select(row);
                }
            }
        }
    }

    /// Lay the comparison out for the screen: each pane's lines for its
    /// width (a relayout keeps the text at the top of the pane in place),
    /// scroll bounds, the table when shown.
    pub(crate) fn sync_compare(&mut self) {
        self.open_pending_compare();
        let Some(g) = self.compare_geometry() else {
            return;
        };
        let hide_noise = self.hide_noise;
        let Some(c) = self.screen.compare_mut() else {
            return;
        };
        for side in [Side::Left, Side::Right] {
            let options = LayoutOptions {
                width: (g.areas(side).text.width as usize).max(1),
                hide_noise,
            };
            let pane = c.pane_mut(side);
            if pane.layout.as_ref().is_some_and(|l| l.options == options) {
                continue;
            }
            let Some(article) = self.articles.get(pane.article) else {
                continue;
            };
            let anchor = pane
                .layout
                .as_ref()
                .and_then(|l| l.lines.get(pane.scroll))
                .map(|l| l.range.start);
            let new = ArticleLayout::with_tags(article, options, &pane.quotes.tags);
            pane.scroll = anchor.and_then(|o| new.line_of_offset(o)).unwrap_or(0);
            pane.layout = Some(new);
        }
        for side in [Side::Left, Side::Right] {
            let max = c.max_scroll(side, &g);
            let p = c.pane_mut(side);
            p.scroll = p.scroll.min(max);
        }
        if c.mode == CompareMode::Table
            && let (Some(la), Some(ra)) = (
                self.articles.get(c.left.article),
                self.articles.get(c.right.article),
            )
        {
            c.sync_table(la, ra, g.table_columns, g.table_rows);
        }
    }
}
