//! Where a byte of an article's text was in its file.
//!
//! The text saidso works on is the file cleaned (see [`super::sanitize`]):
//! line ends made `\n`, spaces at line ends dropped, escape sequences and
//! bidi controls removed, odd spaces made plain. Offsets into it are not
//! offsets into the file, which is what a script that quotes `start..end`
//! back from the file needs. An [`OffsetMap`] takes one to the other: a
//! few checkpoints, one where the two stop moving together.

use serde::{Deserialize, Serialize};

/// Text offset → file offset, as checkpoints: from `text` on (up to the
/// next checkpoint) the file offset is `file + (t - text)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    /// (text offset, file offset), both increasing; empty: identity.
    points: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// Text and file the same.
    pub fn identity() -> Self {
        Self::default()
    }

    /// From the checkpoints as stored (see [`OffsetMap::points`]); None
    /// unless both offsets increase.
    pub fn from_points(points: Vec<(usize, usize)>) -> Option<Self> {
        let increasing = points
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1);
        increasing.then_some(OffsetMap { points })
    }

    pub fn points(&self) -> &[(usize, usize)] {
        &self.points
    }

    /// From text offset `text` on, text and file move together again from
    /// file offset `file`. Checkpoints that change nothing are not kept.
    pub fn mark(&mut self, text: usize, file: usize) {
        if self.to_file(text) == file {
            return;
        }
        if let Some(last) = self.points.last_mut()
            && last.0 == text
        {
            last.1 = file;
            return;
        }
        self.points.push((text, file));
    }

    /// The file offset of text offset `t`.
    pub fn to_file(&self, t: usize) -> usize {
        let i = self.points.partition_point(|&(text, _)| text <= t);
        match i.checked_sub(1).map(|i| self.points[i]) {
            Some((text, file)) => file + (t - text),
            None => t,
        }
    }

    /// `self` after `inner`: text → (inner's text) → file.
    pub fn then(&self, inner: &OffsetMap) -> OffsetMap {
        if inner.points.is_empty() {
            return self.clone();
        }
        let mut out = OffsetMap::identity();
        // Every place either map changes pace, in outer text offsets.
        let mut cuts: Vec<usize> = self.points.iter().map(|&(t, _)| t).collect();
        for &(mid, _) in &inner.points {
            // The first outer offset at or past `mid` in the middle text.
            cuts.push(self.text_near(mid));
        }
        cuts.sort_unstable();
        cuts.dedup();
        for t in cuts {
            out.mark(t, inner.to_file(self.to_file(t)));
        }
        out
    }

    /// The text offset that maps to file offset `f` when one does; when
    /// `f` was dropped from the text, a later offset (a cut there is
    /// harmless: the checkpoint before `f`'s gap is a cut already).
    fn text_near(&self, f: usize) -> usize {
        let i = self.points.partition_point(|&(_, file)| file <= f);
        match i.checked_sub(1).map(|i| self.points[i]) {
            Some((text, file)) => text + (f - file),
            None => f,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkpoints_shift_what_follows() {
        let mut m = OffsetMap::identity();
        m.mark(0, 3); // a BOM
        m.mark(10, 14); // a \r dropped before text offset 10
        assert_eq!(m.to_file(0), 3);
        assert_eq!(m.to_file(9), 12);
        assert_eq!(m.to_file(10), 14);
        assert_eq!(m.to_file(20), 24);
        m.mark(30, 34); // nothing changes: not kept
        assert_eq!(m.points().len(), 2);
    }

    #[test]
    fn maps_compose() {
        // Outer drops 2 bytes before 5; inner drops 1 byte before 3.
        let outer = OffsetMap::from_points(vec![(5, 7)]).unwrap();
        let inner = OffsetMap::from_points(vec![(3, 4)]).unwrap();
        let both = outer.then(&inner);
        for t in 0..20 {
            assert_eq!(both.to_file(t), inner.to_file(outer.to_file(t)), "{t}");
        }
    }
}
