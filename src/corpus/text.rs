//! An article's text: on the heap, or in a mapped file.
//!
//! Text read back from the load cache is not copied: it stays where the
//! cache file is mapped, so a reopened archive's text lives in the page
//! cache (which the kernel can drop and read again under pressure) instead
//! of a private heap copy of the whole corpus. Everything else sees a
//! `&str` through `Deref`, whichever it is.
//!
//! See [`super::mapped`] for why reading a mapped file is sound.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use memmap2::Mmap;
use serde::{Serialize, Serializer};

use super::mapped::MappedFile;

impl MappedFile {
    /// The text `s`, kept where it lies when it is a slice of this
    /// mapping, else copied to the heap.
    pub fn text(&self, s: &str) -> Text {
        match self.offset_of(s.as_bytes()) {
            Some(start) => Text(Repr::Mapped {
                map: Arc::clone(&self.0),
                start,
                len: s.len(),
            }),
            None => Text::from(s),
        }
    }
}

/// Sanitised article text (see [`super::Article::text`]); cheap to clone.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Heap(Arc<str>),
    /// Bytes `start..start + len` of `map`, checked to be UTF-8 when the
    /// `Text` was made (it was made from a `&str` of those bytes).
    Mapped {
        map: Arc<Mmap>,
        start: usize,
        len: usize,
    },
}

impl Text {
    /// Whether the text lives in a mapped file rather than on the heap.
    pub fn is_mapped(&self) -> bool {
        matches!(self.0, Repr::Mapped { .. })
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Heap(s) => s,
            Repr::Mapped { map, start, len } => {
                let bytes = &map[*start..*start + *len];
                // SAFETY: these bytes were a `&str` when this `Text` was
                // made (`MappedFile::text`), and the mapped file is never
                // changed in place (see `super::mapped`).
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(Repr::Heap(Arc::from(s)))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(Repr::Heap(Arc::from(s)))
    }
}

impl From<Arc<str>> for Text {
    fn from(s: Arc<str>) -> Self {
        Text(Repr::Heap(s))
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::from("")
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Text {}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_slice_of_the_mapping_stays_in_it_and_reads_the_same() {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all("head “quoted” tail".as_bytes()).unwrap();
        let map = MappedFile::open(&f).unwrap();
        let all = std::str::from_utf8(map.bytes()).unwrap();
        let inner = &all[5..17];
        let t = map.text(inner);
        assert!(t.is_mapped());
        assert_eq!(&*t, "“quoted”");
        assert_eq!(t.clone(), Text::from("“quoted”"));
        // A text from elsewhere is copied.
        let other = String::from("elsewhere");
        let t = map.text(&other);
        assert!(!t.is_mapped());
        assert_eq!(&*t, "elsewhere");
    }
}
