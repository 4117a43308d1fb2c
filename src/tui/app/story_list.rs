//! The article list grouped by story (`z`, like a vim fold): a story of
//! several listed articles is one row, its first listed article standing
//! for it, until Enter opens it out to its articles; `h` folds it again.
//!
//! Grouping reorders what the list would show anyway (the filter's hits,
//! the date order): a story sits where its first listed article would,
//! its articles follow in list order, and an article the stories do not
//! know (loaded after they were built) is a story of its own.

use std::collections::{BTreeSet, HashMap};

use crate::stories::Stories;

use super::*;

/// What a list row is when the list is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryRow {
    /// The row of a story of `listed` articles (its first listed one).
    Head {
        story: usize,
        listed: usize,
        open: bool,
    },
    /// An article of an opened story, under its head.
    Member,
}

/// Whether the list is grouped, which stories are open, and what each
/// listed row is (made when the list is arranged).
#[derive(Debug, Default)]
pub struct StoryList {
    pub on: bool,
    /// Stories opened out (indices into `Stories::stories`).
    open: BTreeSet<usize>,
    /// Per listed article standing for or under a story: its row kind.
    rows: HashMap<usize, StoryRow>,
}

impl StoryList {
    /// `ids` (the list in its order) grouped by story; as they are when
    /// not grouped or before the stories are built.
    pub fn arrange(&mut self, ids: Vec<usize>, stories: Option<&Stories>) -> Vec<usize> {
        self.rows.clear();
        let Some(stories) = stories.filter(|_| self.on) else {
            return ids;
        };
        // Stories in the order of their first listed article; each with
        // its listed articles in list order.
        let mut slot_of: HashMap<usize, usize> = HashMap::new();
        let mut groups: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
        for id in ids {
            match stories.of_article.get(id) {
                Some(&s) => {
                    let slot = *slot_of.entry(s).or_insert_with(|| {
                        groups.push((Some(s), Vec::new()));
                        groups.len() - 1
                    });
                    groups[slot].1.push(id);
                }
                None => groups.push((None, vec![id])),
            }
        }
        let mut out = Vec::new();
        for (story, members) in groups {
            let Some(story) = story.filter(|_| members.len() > 1) else {
                out.extend(members);
                continue;
            };
            let open = self.open.contains(&story);
            self.rows.insert(
                members[0],
                StoryRow::Head {
                    story,
                    listed: members.len(),
                    open,
                },
            );
            if open {
                for &m in &members[1..] {
                    self.rows.insert(m, StoryRow::Member);
                }
                out.extend(members);
            } else {
                out.push(members[0]);
            }
        }
        out
    }

    /// What the row of article `id` is, when grouped.
    pub fn row(&self, id: usize) -> Option<StoryRow> {
        self.rows.get(&id).copied()
    }
}

impl App {
    /// `z`: group the list by story, or back to one row an article.
    pub(crate) fn toggle_stories(&mut self) {
        let Some(stories) = self.stories.clone() else {
            self.message = Some("Stories are still being found".into());
            return;
        };
        self.story_list.on = !self.story_list.on;
        let keep = self.current_index();
        self.rearrange();
        self.select_story_of(keep);
        self.list_offset = self.list_offset.min(self.selected);
        self.message = Some(if self.story_list.on {
            let shared = stories.shared().count();
            format!(
                "Grouped by story: {shared} stories of more than one article · {} opens one",
                self.keymap.hint(Action::Open)
            )
        } else {
            "One row an article".into()
        });
    }

    /// Enter on a folded story: open it out. False when the row is not
    /// one (Enter then reads the article).
    pub(crate) fn open_story(&mut self) -> bool {
        let Some(id) = self.current_index() else {
            return false;
        };
        let Some(StoryRow::Head {
            story, open: false, ..
        }) = self.story_list.row(id)
        else {
            return false;
        };
        self.story_list.open.insert(story);
        self.rearrange();
        true
    }

    /// `h` on an opened story's row or one of its articles: fold it, the
    /// selection on its row. False when there is nothing to fold.
    pub(crate) fn fold_story(&mut self) -> bool {
        let (Some(id), Some(stories)) = (self.current_index(), self.stories.clone()) else {
            return false;
        };
        let Some(&story) = stories.of_article.get(id) else {
            return false;
        };
        if !self.story_list.on || !self.story_list.open.remove(&story) {
            return false;
        }
        self.rearrange();
        self.select_story_of(Some(id));
        true
    }

    /// Whether the selected row stands for a folded story of several
    /// articles (where `c` compares the story).
    pub(crate) fn on_folded_story(&self) -> bool {
        self.current_index().is_some_and(|id| {
            matches!(
                self.story_list.row(id),
                Some(StoryRow::Head { open: false, .. })
            )
        })
    }

    /// Make article `id` a row of the list: open its story when the list
    /// is grouped and the story folded, and its wire copies when it is a
    /// copy folded under its lead.
    pub(crate) fn reveal(&mut self, id: usize) {
        if self.order.contains(&id) {
            return;
        }
        if self.story_list.on
            && let Some(&s) = self.stories.as_ref().and_then(|st| st.of_article.get(id))
        {
            self.story_list.open.insert(s);
            self.rearrange();
        }
        if !self.order.contains(&id) {
            self.reveal_copy(id);
        }
    }

    /// Select article `id`, or the row standing for its story when the
    /// story is folded.
    fn select_story_of(&mut self, id: Option<usize>) {
        let Some(id) = id else { return };
        if let Some(pos) = self.order.iter().position(|&i| i == id) {
            self.select(pos);
            return;
        }
        let story = self
            .stories
            .as_ref()
            .and_then(|s| s.of_article.get(id).copied());
        let head = self.order.iter().position(|&i| {
            matches!(self.story_list.row(i), Some(StoryRow::Head { story: s, .. }) if Some(s) == story)
        });
        if let Some(pos) = head {
            self.select(pos);
        }
    }
}
