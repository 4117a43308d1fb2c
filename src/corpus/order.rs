//! The order of a list of articles: as loaded (path order), or by
//! publication date, newest or oldest first. Undated articles come last
//! either way, in load order, so sorting never hides one.

use super::date::NewsDate;

/// How a list of articles is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListOrder {
    #[default]
    Loaded,
    Newest,
    Oldest,
}

/// The names a config file and messages use, in the order a key cycles.
const NAMES: &[(&str, ListOrder, &str)] = &[
    ("loaded", ListOrder::Loaded, "In the order loaded"),
    ("newest", ListOrder::Newest, "By date, newest first"),
    ("oldest", ListOrder::Oldest, "By date, oldest first"),
];

impl ListOrder {
    pub fn parse(name: &str) -> Option<ListOrder> {
        NAMES
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, o, _)| *o)
    }

    /// Every name, for a config error.
    pub fn names() -> Vec<&'static str> {
        NAMES.iter().map(|(n, _, _)| *n).collect()
    }

    /// The next order a key press goes to.
    pub fn next(self) -> ListOrder {
        let at = NAMES.iter().position(|(_, o, _)| *o == self).unwrap_or(0);
        NAMES[(at + 1) % NAMES.len()].1
    }

    /// What the status line says.
    pub fn describe(self) -> &'static str {
        NAMES
            .iter()
            .find(|(_, o, _)| *o == self)
            .map_or("", |(_, _, d)| d)
    }

    /// Put `ids` (indices into `dates`) in this order; stable, so equal
    /// dates keep their load order. O(n log n).
    pub fn arrange(self, dates: &[Option<NewsDate>], ids: &mut [usize]) {
        let date = |i: &usize| dates.get(*i).copied().flatten();
        match self {
            ListOrder::Loaded => ids.sort_unstable(),
            ListOrder::Newest => {
                ids.sort_by_key(|i| (date(i).is_none(), std::cmp::Reverse(date(i))))
            }
            ListOrder::Oldest => ids.sort_by_key(|i| (date(i).is_none(), date(i))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::date::parse;

    #[test]
    fn dated_articles_sort_and_undated_ones_stay_last() {
        let dates = vec![
            parse("2024-03-01"),
            None,
            parse("Mon, 15 Jul 2024 16:24:59 GMT"),
            parse("2023-01-01"),
            None,
        ];
        let mut ids: Vec<usize> = (0..5).collect();
        ListOrder::Newest.arrange(&dates, &mut ids);
        assert_eq!(ids, [2, 0, 3, 1, 4]);
        ListOrder::Oldest.arrange(&dates, &mut ids);
        assert_eq!(ids, [3, 0, 2, 1, 4]);
        ListOrder::Loaded.arrange(&dates, &mut ids);
        assert_eq!(ids, [0, 1, 2, 3, 4]);
        assert_eq!(ListOrder::Loaded.next().next().next(), ListOrder::Loaded);
        assert_eq!(ListOrder::parse("newest"), Some(ListOrder::Newest));
        assert_eq!(ListOrder::parse("Newest"), None);
    }
}
