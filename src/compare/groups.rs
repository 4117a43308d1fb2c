//! Numbering shared quotations for the gutter markers.
//!
//! Pairs link quotations into groups (one statement: a quotation split in
//! two on one side and whole on the other is one group of three). Groups
//! are numbered 1, 2, … in the order their first left quotation appears,
//! so the numbers read in order down the left article.

use serde::Serialize;

use super::align::QuotePair;

/// Group numbers of the quotations of both sides.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Groups {
    /// Per left quotation: its group number (1..), if it is paired.
    pub left: Vec<Option<u32>>,
    /// Per right quotation: its group number (1..), if it is paired.
    pub right: Vec<Option<u32>>,
    /// Number of groups; they are numbered `1..=count`.
    pub count: u32,
}

/// Number the groups that `pairs` form over `left_len` left and
/// `right_len` right quotations. Pairs with out-of-range indices are
/// ignored.
pub fn number_groups(left_len: usize, right_len: usize, pairs: &[QuotePair]) -> Groups {
    // Union-find over left quotations 0..left_len, then right ones.
    let mut parent: Vec<usize> = (0..left_len + right_len).collect();
    for p in pairs {
        if p.left < left_len && p.right < right_len {
            let (a, b) = (
                find(&mut parent, p.left),
                find(&mut parent, left_len + p.right),
            );
            // The smaller root wins: a root is then its group's first left
            // quotation, since every group holds a left one.
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut paired = vec![false; left_len + right_len];
    for p in pairs {
        if p.left < left_len && p.right < right_len {
            paired[p.left] = true;
            paired[left_len + p.right] = true;
        }
    }
    let mut number = vec![0u32; left_len];
    let mut count = 0;
    let mut group_of = |node: usize, parent: &mut Vec<usize>| {
        if !paired[node] {
            return None;
        }
        let root = find(parent, node);
        if number[root] == 0 {
            count += 1;
            number[root] = count;
        }
        Some(number[root])
    };
    let left: Vec<Option<u32>> = (0..left_len).map(|i| group_of(i, &mut parent)).collect();
    let right = (0..right_len)
        .map(|j| group_of(left_len + j, &mut parent))
        .collect();
    Groups { left, right, count }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(left: usize, right: usize) -> QuotePair {
        QuotePair {
            left,
            right,
            similarity: 1.0,
        }
    }

    #[test]
    fn groups_are_numbered_in_left_order() {
        // Left 0 and 1 both pair with right 2 (one group); left 3 with
        // right 0; left 2 is unpaired.
        let g = number_groups(4, 3, &[pair(3, 0), pair(1, 2), pair(0, 2)]);
        assert_eq!(g.left, [Some(1), Some(1), None, Some(2)]);
        assert_eq!(g.right, [Some(2), None, Some(1)]);
        assert_eq!(g.count, 2);
    }

    #[test]
    fn no_pairs_no_groups() {
        let g = number_groups(2, 0, &[pair(5, 5)]);
        assert_eq!(g.left, [None, None]);
        assert!(g.right.is_empty());
        assert_eq!(g.count, 0);
    }
}
