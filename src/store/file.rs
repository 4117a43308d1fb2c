//! A store file: entries looked up by a fixed-size key, each checked by a
//! CRC-32, written whole to a temporary file and renamed over the old one.
//!
//! Layout: MAGIC, the entries one after another, the index (postcard: the
//! engine that wrote the entries, then key, byte range and CRC-32 of each
//! entry), the index's offset (u64, little-endian) and MAGIC again. A file
//! that is torn (no closing MAGIC, an index that does not decode or points
//! outside the entries), foreign, of another version or written by another
//! engine is ignored as a whole; an entry whose bytes fail their checksum
//! is ignored alone. Either way what it held is made again, never trusted.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::MappedFile;
use crate::corpus::cache::{read_at, remove_stale_temps};

/// An entry's key: three independent 64-bit hashes of what it was made
/// from.
pub type Key = [u64; 3];

/// First and last bytes of a store file; the last byte is the version.
const MAGIC: &[u8; 8] = b"saidsoS\x01";

/// `bytes` decoded whole as a `T` (postcard), or nothing: a value that
/// ends before its bytes do is as damaged as one cut short.
pub fn exact<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Option<T> {
    match postcard::take_from_bytes(bytes) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

/// A stored text, owned, if nothing in it would act on a terminal.
pub fn safe_text(s: &str) -> Option<String> {
    crate::corpus::sanitize::is_terminal_safe(s).then(|| s.to_string())
}

/// Why a store written by another build is refused: routine after an
/// upgrade, so not a problem to tell anyone about.
pub const OTHER_VERSION: &str = "written by another version of saidso";

/// Where one entry lies and its checksum.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Slot {
    start: u64,
    len: u32,
    crc: u32,
}

#[derive(Serialize, Deserialize)]
struct Index {
    engine: u64,
    rows: Vec<(Key, Slot)>,
}

/// A store file opened for reading: its index in memory, entries read
/// from disk when asked for.
pub struct StoreFile {
    path: PathBuf,
    /// The engine it is read for, and writes as.
    engine: u64,
    data: Option<fs::File>,
    /// The file mapped (when it can be): entries are read in place.
    map: Option<MappedFile>,
    slots: HashMap<Key, Slot>,
    /// Why the file was not taken, when there was one and it was not.
    pub refused: Option<&'static str>,
}

impl StoreFile {
    /// The file at `path`, if it is a whole store written by `engine`;
    /// else an empty store (to be written anew).
    pub fn open(path: PathBuf, engine: u64) -> StoreFile {
        let data = fs::File::open(&path).ok();
        let (slots, refused) = match data.as_ref().map(|f| read_index(f, engine)) {
            None => (HashMap::new(), None),
            Some(Ok(slots)) => (slots, None),
            Some(Err(why)) => (HashMap::new(), Some(why)),
        };
        let map = data
            .as_ref()
            .filter(|_| !slots.is_empty())
            .and_then(MappedFile::open);
        StoreFile {
            path,
            engine,
            data,
            map,
            slots,
            refused,
        }
    }

    /// Why the file there was not taken, when that is worth telling: it
    /// was damaged (one written by another version of saidso is replaced
    /// without a word, as after every upgrade).
    pub fn damaged(&self) -> Option<&'static str> {
        self.refused.filter(|&why| why != OTHER_VERSION)
    }

    /// A writer of the next version of this file.
    /// Write the file anew with `entries` (the first entry of each key),
    /// unless every entry was `read` from it and their `distinct` keys are
    /// all it holds. True when written.
    pub fn rewrite(
        &self,
        read: bool,
        distinct: usize,
        entries: impl IntoIterator<Item = (Key, Vec<u8>)>,
    ) -> std::io::Result<bool> {
        if read && distinct == self.len() {
            return Ok(false);
        }
        let mut seen = std::collections::HashSet::new();
        let first = entries.into_iter().filter(|(k, _)| seen.insert(*k));
        self.writer()?.write_all(first).map(|()| true)
    }

    pub fn writer(&self) -> std::io::Result<StoreWriter> {
        StoreWriter::create(&self.path, self.engine)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The bytes stored under `key`, if there are any and they are the
    /// ones written.
    pub fn raw(&self, key: &Key) -> Option<Cow<'_, [u8]>> {
        if let Some((_, bytes)) = self.mapped(key) {
            return Some(Cow::Borrowed(bytes));
        }
        let slot = self.slots.get(key)?;
        let range = slot.start..slot.start.checked_add(u64::from(slot.len))?;
        let bytes = read_at(self.data.as_ref()?, range)?;
        (crc32fast::hash(&bytes) == slot.crc).then_some(Cow::Owned(bytes))
    }

    /// The entry under `key` in place in the mapped file, with the file
    /// (for reading columns in place), if the file is mapped and the
    /// entry's bytes are the ones written.
    pub fn mapped(&self, key: &Key) -> Option<(&MappedFile, &[u8])> {
        let map = self.map.as_ref()?;
        let slot = self.slots.get(key)?;
        let start = usize::try_from(slot.start).ok()?;
        let bytes = map
            .bytes()
            .get(start..start.checked_add(slot.len as usize)?)?;
        (crc32fast::hash(bytes) == slot.crc).then_some((map, bytes))
    }
}

fn read_index(f: &fs::File, engine: u64) -> Result<HashMap<Key, Slot>, &'static str> {
    const TORN: &str = "torn or not a store";
    let len = f.metadata().map_err(|_| TORN)?.len();
    let header = MAGIC.len() as u64;
    let end = len.checked_sub(header + 8).ok_or(TORN)?;
    let tail = read_at(f, end..len).ok_or(TORN)?;
    let (at, magic) = tail.split_first_chunk::<8>().ok_or(TORN)?;
    let head = read_at(f, 0..header).ok_or(TORN)?;
    if magic != MAGIC || head != MAGIC[..] {
        return Err(TORN);
    }
    let at = u64::from_le_bytes(*at);
    if at < header || at > end {
        return Err(TORN);
    }
    let bytes = read_at(f, at..end).ok_or(TORN)?;
    let index: Index = exact(&bytes).ok_or(TORN)?;
    if index.engine != engine {
        return Err(OTHER_VERSION);
    }
    let inside = |s: &Slot| s.start >= header && s.start + u64::from(s.len) <= at;
    if !index.rows.iter().all(|(_, s)| inside(s)) {
        return Err(TORN);
    }
    Ok(index.rows.into_iter().collect())
}

/// The next store file, written to a temporary file beside it and renamed
/// over it by [`StoreWriter::finish`].
pub struct StoreWriter {
    target: PathBuf,
    tmp: PathBuf,
    file: std::io::BufWriter<fs::File>,
    at: u64,
    rows: Vec<(Key, Slot)>,
    engine: u64,
}

impl StoreWriter {
    pub fn create(target: &Path, engine: u64) -> std::io::Result<StoreWriter> {
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)?;
        }
        remove_stale_temps(target);
        let tmp = target.with_extension(format!("tmp{}", std::process::id()));
        let mut file = std::io::BufWriter::with_capacity(1 << 20, fs::File::create(&tmp)?);
        let started = file.write_all(MAGIC);
        if let Err(e) = started {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        Ok(StoreWriter {
            target: target.to_path_buf(),
            tmp,
            file,
            at: MAGIC.len() as u64,
            rows: Vec::new(),
            engine,
        })
    }

    /// Add an entry; a key already written is skipped (two articles with
    /// one text share their entry).
    fn put(&mut self, key: Key, bytes: &[u8]) -> std::io::Result<()> {
        let len = u32::try_from(bytes.len()).map_err(std::io::Error::other)?;
        // Every entry starts 8-aligned (the header is 8 bytes), so columns
        // of u64 in it can be read in place.
        let pad = self.at.next_multiple_of(8) - self.at;
        self.file.write_all(&[0; 8][..pad as usize])?;
        self.at += pad;
        self.file.write_all(bytes)?;
        self.rows.push((
            key,
            Slot {
                start: self.at,
                len,
                crc: crc32fast::hash(bytes),
            },
        ));
        self.at += u64::from(len);
        Ok(())
    }

    /// Add every entry, then [`Self::finish`]; on the first failure the
    /// temporary file goes and the old store stays.
    pub fn write_all(
        mut self,
        entries: impl IntoIterator<Item = (Key, Vec<u8>)>,
    ) -> std::io::Result<()> {
        for (key, bytes) in entries {
            if let Err(e) = self.put(key, &bytes) {
                self.abandon();
                return Err(e);
            }
        }
        self.finish()
    }

    /// Write the index and rename the file into place: a reader sees the
    /// old store or the new one, never half of one. Not synced: a store
    /// lost in a crash is only made again (a torn file is refused).
    fn finish(mut self) -> std::io::Result<()> {
        let result = (|| {
            let index = Index {
                engine: self.engine,
                rows: std::mem::take(&mut self.rows),
            };
            let bytes = postcard::to_stdvec(&index).map_err(std::io::Error::other)?;
            self.file.write_all(&bytes)?;
            self.file.write_all(&self.at.to_le_bytes())?;
            self.file.write_all(MAGIC)?;
            self.file.flush()?;
            fs::rename(&self.tmp, &self.target)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&self.tmp);
        }
        result
    }

    /// Give up: the temporary file goes, the old store stays.
    fn abandon(self) {
        let _ = fs::remove_file(&self.tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_any_damage_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.bin");
        let mut w = StoreWriter::create(&path, 7).unwrap();
        w.put([1, 2, 3], b"first entry").unwrap();
        w.put([4, 5, 6], b"second").unwrap();
        w.finish().unwrap();
        let s = StoreFile::open(path.clone(), 7);
        assert_eq!(s.len(), 2);
        assert_eq!(&*s.raw(&[1, 2, 3]).unwrap(), b"first entry");
        assert_eq!(&*s.raw(&[4, 5, 6]).unwrap(), b"second");
        assert!(s.raw(&[1, 2, 4]).is_none());

        // Another engine's store is not read.
        let other = StoreFile::open(path.clone(), 8);
        assert!(other.is_empty());
        assert_eq!(other.refused, Some("written by another version of saidso"));

        // A flipped byte in an entry fails that entry's checksum only.
        let good = fs::read(&path).unwrap();
        let mut bytes = good.clone();
        let at = bytes.windows(6).position(|w| w == b"second").unwrap();
        bytes[at] = b'S';
        fs::write(&path, &bytes).unwrap();
        let s = StoreFile::open(path.clone(), 7);
        assert!(s.raw(&[4, 5, 6]).is_none());
        assert!(s.raw(&[1, 2, 3]).is_some());

        // Every truncation is refused whole, without a panic.
        for n in 0..good.len() {
            fs::write(&path, &good[..n]).unwrap();
            let s = StoreFile::open(path.clone(), 7);
            assert!(s.is_empty(), "{n}");
            assert!(s.refused.is_some(), "{n}");
        }
    }
}
