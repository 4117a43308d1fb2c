//! Files read in place: a read-only mapping shared by everything read
//! from it, and typed columns over its bytes.
//!
//! A mapping is only sound while nobody changes the file under it. saidso
//! never writes a cache or store file in place: a new one is written
//! beside it and renamed over it, so a mapped file keeps its bytes (the
//! old inode) for as long as it is mapped. Another program truncating one
//! of these files while saidso runs is the hazard every mapping reader
//! (ripgrep, git) accepts. This is the only `unsafe` there is to mapping;
//! [`super::text`] has the other.

use std::fs::File;
use std::ops::{Deref, Range};
use std::sync::Arc;

use bytemuck::Pod;
use memmap2::Mmap;

/// A read-only mapping of a whole file; cheap to clone.
#[derive(Clone)]
pub struct MappedFile(pub(super) Arc<Mmap>);

impl MappedFile {
    /// Map `file` read-only; `None` when it cannot be mapped (an empty
    /// file, a file system without mappings): the caller reads instead.
    pub fn open(file: &File) -> Option<MappedFile> {
        // SAFETY: see the module comment: files saidso maps are replaced
        // by rename, never changed in place.
        let map = unsafe { Mmap::map(file) }.ok()?;
        Some(MappedFile(Arc::new(map)))
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// Where `inner` lies in the mapping, when it is a slice of it.
    pub fn offset_of(&self, inner: &[u8]) -> Option<usize> {
        let at = (inner.as_ptr() as usize).checked_sub(self.0.as_ptr() as usize)?;
        (at <= self.0.len() && inner.len() <= self.0.len() - at).then_some(at)
    }
}

impl std::fmt::Debug for MappedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MappedFile({} bytes)", self.0.len())
    }
}

/// A column of plain values: built on the heap, or read in place from a
/// mapped file (little-endian, aligned, as written).
#[derive(Debug, Clone)]
pub enum Column<T: Pod> {
    /// Shared, so a segment handed to the filter can also be written to
    /// the store without a copy (and a `Vec`, so making one moves it
    /// rather than copies it).
    Heap(Arc<Vec<T>>),
    /// Bytes `range` of the file; checked to be whole, aligned `T`s when
    /// made ([`Column::mapped`]).
    Mapped(MappedFile, Range<usize>),
}

impl<T: Pod> Column<T> {
    /// The values in `bytes` of `file` (a slice of it), in place; `None`
    /// when they are not whole, aligned values or not in the file, or on
    /// a big-endian machine (files are little-endian).
    pub fn mapped(file: &MappedFile, bytes: &[u8]) -> Option<Self> {
        if cfg!(target_endian = "big") {
            return None;
        }
        bytemuck::try_cast_slice::<u8, T>(bytes).ok()?;
        let at = file.offset_of(bytes)?;
        Some(Column::Mapped(file.clone(), at..at + bytes.len()))
    }

    /// Heap bytes held (a mapped column holds none).
    pub fn heap_bytes(&self) -> usize {
        match self {
            Column::Heap(v) => v.capacity() * std::mem::size_of::<T>(),
            Column::Mapped(..) => 0,
        }
    }
}

impl<T: Pod> Default for Column<T> {
    fn default() -> Self {
        Column::Heap(Arc::new(Vec::new()))
    }
}

impl<T: Pod> From<Vec<T>> for Column<T> {
    fn from(v: Vec<T>) -> Self {
        Column::Heap(Arc::new(v))
    }
}

impl<T: Pod> Deref for Column<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Column::Heap(v) => v,
            // Checked when made, and the mapping does not move.
            Column::Mapped(file, range) => bytemuck::cast_slice(&file.bytes()[range.clone()]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_column_reads_in_place_only_when_whole_and_aligned() {
        let mut f = tempfile::tempfile().unwrap();
        let values: [u32; 3] = [7, 0xdead_beef, 42];
        for v in values {
            f.write_all(&v.to_le_bytes()).unwrap();
        }
        f.write_all(&[1, 2, 3]).unwrap();
        let map = MappedFile::open(&f).unwrap();
        let bytes = map.bytes();
        let col = Column::<u32>::mapped(&map, &bytes[..12]).unwrap();
        assert_eq!(&*col, &values);
        assert_eq!(col.heap_bytes(), 0);
        // Not whole values, not aligned, not in the file.
        assert!(Column::<u32>::mapped(&map, &bytes[..13]).is_none());
        assert!(Column::<u32>::mapped(&map, &bytes[1..5]).is_none());
        let elsewhere = vec![0u8; 8];
        assert!(Column::<u32>::mapped(&map, &elsewhere).is_none());
    }
}
