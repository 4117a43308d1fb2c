//! The load cache: what loading made of each file, kept between runs so a
//! large corpus opens without cleaning every article again.
//!
//! Cleaning (boilerplate patterns, duplicate keys, word counts, headline
//! and byline detection) is most of the time it takes to load 20,000
//! articles; reading the files is a small part. So for a large corpus
//! (at least [`MIN_FILES`] files or [`MIN_BYTES`] bytes) each file's
//! result — its articles and problems — is stored under
//! `$XDG_CACHE_HOME/saidso/` (else `~/.cache/saidso/`), one file per
//! corpus, keyed by the file's path, size and modification time. A file
//! whose size or time changed is loaded again; a corrupt, truncated or
//! foreign cache file is ignored and replaced, and so is an entry whose
//! checksum (CRC-32) does not match. The cache is written
//! atomically (a temporary file renamed over the old one), only when
//! something changed, and never blocks the screen (the reader's loader
//! thread writes it once loading is done). Nothing in it is trusted: every
//! text is checked to be valid UTF-8 free of control characters before it
//! is used, and every other value is checked too (see `codec`).
//!
//! This file is the store: where the cache lives, its framing, reading
//! entries on demand and writing the next cache. How an entry is encoded
//! and checked is in `codec`.

mod codec;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::UNIX_EPOCH;

use self::codec::{IndexRow, decode_index, decode_result, encode_index, encode_result};
use super::article::{Article, Origin};
use super::load::LoadProblem;
use super::mapped::MappedFile;

/// Corpora smaller than both of these are loaded fresh every time: they
/// load in well under a second, and tests and small piles stay out of the
/// cache directory.
pub const MIN_FILES: usize = 256;
pub const MIN_BYTES: u64 = 64 << 20;

/// First (and last) bytes of a cache file; the last byte is the format's
/// version. Version 2: entries and index in postcard (serde), a CRC-32 per
/// entry. Version 3: each article's map of text offsets to file offsets.
/// Version 4: notes say whether they are repairs; problems may be notes.
/// Version 5: each article's emphasis (Markdown's italic and bold).
/// Files of other versions are refused and replaced.
const MAGIC: &[u8; 8] = b"saidso\x01\x05";

static DISABLED: AtomicBool = AtomicBool::new(false);

/// `--no-cache`: neither read nor write the cache in this process.
pub fn disable() {
    DISABLED.store(true, Ordering::Relaxed);
}

/// Where caches live, unless disabled.
pub fn default_dir() -> Option<PathBuf> {
    if DISABLED.load(Ordering::Relaxed) {
        return None;
    }
    let absolute = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    std::env::var_os("XDG_CACHE_HOME")
        .and_then(absolute)
        .or_else(|| {
            std::env::var_os("HOME")
                .and_then(absolute)
                .map(|h| h.join(".cache"))
        })
        .map(|d| d.join("saidso"))
}

/// Size and modification time: a file whose stamp is unchanged is taken
/// to hold what it held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    pub mtime_ns: i128,
}

impl FileStamp {
    pub fn of(meta: &fs::Metadata) -> Option<FileStamp> {
        let t = meta.modified().ok()?;
        let ns = match t.duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        };
        Some(FileStamp {
            size: meta.len(),
            mtime_ns: ns,
        })
    }
}

/// One file's result, as loading makes it.
#[derive(Debug, Default, Clone)]
pub struct FileResult {
    pub articles: Vec<Article>,
    pub problems: Vec<LoadProblem>,
}

impl FileResult {
    /// The result as if loaded from `path`, shown as `display`: an entry
    /// stored when the file was reached by another path (`c20k/a.txt`
    /// before, `/abs/c20k/a.txt` now) names it as it is named now, and
    /// opens it (`e`, the file watcher) where it is from here.
    pub fn relocated(mut self, display: &str, path: &Path) -> FileResult {
        let stored = self
            .articles
            .iter()
            .find_map(|a| match &a.origin {
                Origin::File(p) | Origin::JsonRecord(p) => Some(p.display().to_string()),
                Origin::Embedded | Origin::Stdin => None,
            })
            .or_else(|| self.problems.first().map(|p| p.path.clone()));
        let Some(stored) = stored.filter(|s| s != display) else {
            return self;
        };
        let rename = |shown: &mut String| {
            if let Some(rest) = shown.strip_prefix(stored.as_str()) {
                *shown = format!("{display}{rest}");
            }
        };
        for a in &mut self.articles {
            rename(&mut a.path);
            match &mut a.origin {
                Origin::File(p) | Origin::JsonRecord(p) => *p = path.to_path_buf(),
                Origin::Embedded | Origin::Stdin => {}
            }
        }
        for p in &mut self.problems {
            rename(&mut p.path);
        }
        self
    }
}

/// A cache file: its index read, entries read in place from the mapped
/// file when asked for (read from disk where it cannot be mapped), their
/// texts left in the mapping: a 100 MB corpus does not sit on the heap.
///
/// Layout: MAGIC, the encoded entries one after another, the index (a
/// list of path, size, mtime, byte range and CRC-32 of the entry), the
/// index's offset (u64, little-endian) and MAGIC again.
pub struct LoadCache {
    file: PathBuf,
    data: Option<fs::File>,
    /// The file mapped, when it can be: entries are then read in place and
    /// their texts stay in the mapping (see [`super::text`]).
    map: Option<MappedFile>,
    /// Path → where its encoded result lies.
    entries: HashMap<String, Slot>,
}

/// A file's entry: the file's stamp when it was stored, the entry's byte
/// range in the cache file and the CRC-32 of those bytes.
#[derive(Debug, Clone)]
struct Slot {
    stamp: FileStamp,
    range: Range<u64>,
    crc: u32,
}

impl LoadCache {
    /// The cache of the corpus `key` in `dir`; empty when there is none or
    /// it cannot be read as one.
    pub fn open(dir: &Path, key: &str) -> LoadCache {
        let file = dir.join(format!("corpus-{key}.bin"));
        let data = fs::File::open(&file).ok();
        let entries = data.as_ref().and_then(read_index).unwrap_or_default();
        let map = data
            .as_ref()
            .filter(|_| !entries.is_empty())
            .and_then(MappedFile::open);
        LoadCache {
            file,
            data,
            map,
            entries,
        }
    }

    /// The cache file, for messages.
    pub fn path(&self) -> &Path {
        &self.file
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The stored result for `path` if its stamp is unchanged and the
    /// entry decodes cleanly.
    pub fn get(&self, path: &str, stamp: FileStamp) -> Option<FileResult> {
        let bytes = self.raw(path, stamp)?;
        decode_result(&bytes, self.map.as_ref())
    }

    /// The encoded entry for `path` as stored, if its stamp is unchanged
    /// and its bytes are the ones written: in place in the mapping, else
    /// read.
    fn raw(&self, path: &str, stamp: FileStamp) -> Option<Cow<'_, [u8]>> {
        let slot = self.entries.get(path)?;
        if slot.stamp != stamp {
            return None;
        }
        let bytes = match &self.map {
            Some(map) => {
                let range = usize::try_from(slot.range.start).ok()?
                    ..usize::try_from(slot.range.end).ok()?;
                Cow::Borrowed(map.bytes().get(range)?)
            }
            None => Cow::Owned(read_at(self.data.as_ref()?, slot.range.clone())?),
        };
        (crc32fast::hash(&bytes) == slot.crc).then_some(bytes)
    }
}

pub(crate) fn read_at(f: &fs::File, range: Range<u64>) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0; usize::try_from(range.end.checked_sub(range.start)?).ok()?];
    f.read_exact_at(&mut buf, range.start).ok()?;
    Some(buf)
}

/// The index of a cache file; `None` when it is not one.
fn read_index(f: &fs::File) -> Option<HashMap<String, Slot>> {
    let len = f.metadata().ok()?.len();
    let header = MAGIC.len() as u64;
    let end = len.checked_sub(header + 8)?;
    let tail = read_at(f, end..len)?;
    let (at, magic) = tail.split_first_chunk::<8>()?;
    if magic != MAGIC || read_at(f, 0..header)? != MAGIC[..] {
        return None;
    }
    let at = u64::from_le_bytes(*at);
    if at < header || at > end {
        return None;
    }
    let rows = decode_index(&read_at(f, at..end)?, header, at)?;
    Some(rows.into_iter().collect())
}

/// Writes the next cache as loading goes, but only once something has
/// changed: while every file is found unchanged nothing is written.
pub struct CacheWriter<'c> {
    cache: &'c LoadCache,
    /// Files taken unchanged before the first change (copied over then).
    pending: Vec<(String, FileStamp)>,
    out: Option<Output>,
    /// The first write that failed: nothing more is written, and
    /// [`finish`](Self::finish) says why.
    failed: Option<std::io::Error>,
}

/// The temporary file being written, and its index so far.
struct Output {
    tmp: PathBuf,
    file: std::io::BufWriter<fs::File>,
    at: u64,
    index: Vec<(String, Slot)>,
}

impl<'c> CacheWriter<'c> {
    pub fn new(cache: &'c LoadCache) -> Self {
        CacheWriter {
            cache,
            pending: Vec::new(),
            out: None,
            failed: None,
        }
    }

    /// A file whose entry in the old cache stands.
    pub fn reused(&mut self, path: String, stamp: FileStamp) {
        if self.out.is_none() {
            self.pending.push((path, stamp));
        } else if let Some(bytes) = self.cache.raw(&path, stamp) {
            self.append(&path, stamp, &bytes);
        }
    }

    /// A file loaded afresh.
    pub fn fresh(&mut self, path: &str, stamp: FileStamp, result: &FileResult) {
        if self.out.is_none() && !self.start() {
            return;
        }
        // Not encoded (serde never says no to these types): left out, and
        // the file is read afresh next time.
        if let Some(bytes) = encode_result(result) {
            self.append(path, stamp, &bytes);
        }
    }

    /// Open the temporary file and copy what was taken unchanged so far.
    fn start(&mut self) -> bool {
        if self.failed.is_some() {
            return false;
        }
        let file = &self.cache.file;
        remove_stale_temps(file);
        let tmp = file.with_extension(format!("tmp{}", std::process::id()));
        let opened = file
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::File::create(&tmp));
        let f = match opened {
            Ok(f) => f,
            Err(e) => {
                self.failed = Some(e);
                return false;
            }
        };
        let mut writer = std::io::BufWriter::with_capacity(1 << 20, f);
        if let Err(e) = writer.write_all(MAGIC) {
            self.failed = Some(e);
            let _ = fs::remove_file(&tmp);
            return false;
        }
        self.out = Some(Output {
            tmp,
            file: writer,
            at: MAGIC.len() as u64,
            index: Vec::new(),
        });
        for (path, stamp) in std::mem::take(&mut self.pending) {
            if let Some(bytes) = self.cache.raw(&path, stamp) {
                self.append(&path, stamp, &bytes);
            }
        }
        true
    }

    fn append(&mut self, path: &str, stamp: FileStamp, bytes: &[u8]) {
        let Some(out) = self.out.as_mut() else { return };
        if let Err(e) = out.file.write_all(bytes) {
            self.failed = Some(e);
            return;
        }
        let end = out.at + bytes.len() as u64;
        let slot = Slot {
            stamp,
            range: out.at..end,
            crc: crc32fast::hash(bytes),
        };
        out.index.push((path.to_string(), slot));
        out.at = end;
    }

    /// Finish: when anything changed (files added, changed or gone), the
    /// new cache is renamed over the old one, so a reader sees one or the
    /// other, never half of one. Not synced: a cache lost in a crash is
    /// only rebuilt (a torn or empty file is refused on reading), and
    /// syncing 100 MB would cost every cold start seconds.
    pub fn finish(mut self, files_seen: usize) -> std::io::Result<()> {
        if self.out.is_none() && files_seen == self.cache.len() {
            return Ok(());
        }
        // Only files that went away: write the rest anew.
        if self.out.is_none() && !self.start() {
            return Err(self
                .failed
                .take()
                .unwrap_or_else(|| std::io::Error::other("cannot create the cache file")));
        }
        let Some(mut out) = self.out.take() else {
            return Ok(());
        };
        let failed = self.failed.take();
        let result = (|| {
            if let Some(e) = failed {
                return Err(e);
            }
            let rows: Vec<IndexRow> = out
                .index
                .iter()
                .map(|(path, slot)| IndexRow {
                    path,
                    size: slot.stamp.size,
                    mtime_ns: slot.stamp.mtime_ns,
                    range: slot.range.clone(),
                    crc: slot.crc,
                })
                .collect();
            let index = encode_index(&rows)
                .ok_or_else(|| std::io::Error::other("encoding the cache index failed"))?;
            out.file.write_all(&index)?;
            out.file.write_all(&out.at.to_le_bytes())?;
            out.file.write_all(MAGIC)?;
            out.file.flush()?;
            fs::rename(&out.tmp, &self.cache.file)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&out.tmp);
        }
        result
    }
}

/// Temporary files of `file` left by writers that died before renaming
/// (a kill -9, a crash, a power cut): each is named after its writer's
/// process id, and removed once that process is gone (or, where there is
/// no /proc to ask, once it is a day old), so they cannot pile up.
pub(crate) fn remove_stale_temps(file: &Path) {
    let (Some(dir), Some(stem)) = (file.parent(), file.file_stem().and_then(|s| s.to_str())) else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!("{stem}.tmp");
    let proc_fs = Path::new("/proc/self").exists();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let gone = if proc_fs {
            pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 24 * 3600)
        };
        if gone {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::article::{Origin, ParagraphKind};
    use crate::corpus::assemble::article_from_bytes;
    use crate::corpus::load::Severity;

    fn sample() -> FileResult {
        let text = "Talks resume\n\nBy Ann Lee\n\n“We are ready,” Sergei Lavrov said.\n\n\
                    Subscribe to our newsletter for more.\n\n“We are ready,” Sergei Lavrov said.\n\n( – )";
        FileResult {
            articles: vec![article_from_bytes(
                "a.txt".into(),
                Origin::File("dir/a.txt".into()),
                text.as_bytes(),
            )],
            problems: vec![LoadProblem {
                path: "a.txt".into(),
                problem: "repaired 1 invalid byte".into(),
                severity: Severity::Repaired,
            }],
        }
    }

    fn same(a: &Article, b: &Article) {
        assert_eq!(a.path, b.path);
        assert_eq!(a.origin, b.origin);
        assert_eq!(&*a.text, &*b.text);
        assert_eq!(
            (&a.title, a.title_derived, &a.byline),
            (&b.title, b.title_derived, &b.byline)
        );
        assert_eq!(a.paragraphs, b.paragraphs);
        assert_eq!(a.residue, b.residue);
        assert_eq!(a.emphasis, b.emphasis);
        assert_eq!((a.words, a.content_hash), (b.words, b.content_hash));
    }

    #[test]
    fn a_result_round_trips() {
        let mut r = sample();
        r.articles[0].emphasis = vec![
            (0..4, crate::corpus::Emphasis::Bold),
            (0..12, crate::corpus::Emphasis::Italic),
        ];
        let kinds: Vec<ParagraphKind> = r.articles[0].paragraphs.iter().map(|p| p.kind).collect();
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, ParagraphKind::Duplicate(_)))
        );
        let bytes = encode_result(&r).expect("encodes");
        let back = decode_result(&bytes, None).expect("decodes");
        same(&r.articles[0], &back.articles[0]);
        assert_eq!(back.problems, r.problems);
    }

    #[test]
    fn every_truncation_and_stray_escape_is_refused_without_panic() {
        let bytes = encode_result(&sample()).expect("encodes");
        for n in 0..bytes.len() {
            assert!(decode_result(&bytes[..n], None).is_none(), "{n}");
        }
        // An escape character smuggled into the text is not terminal-safe.
        let mut evil = bytes.clone();
        let at = evil.windows(5).position(|w| w == b"Talks").unwrap();
        evil[at] = 0x1b;
        assert!(decode_result(&evil, None).is_none());
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("corpus-k.bin"), b"not a cache").unwrap();
        assert!(LoadCache::open(dir.path(), "k").is_empty());
    }

    #[test]
    fn a_text_changed_on_disk_fails_its_checksum() {
        let dir = tempfile::tempdir().unwrap();
        let stamp = FileStamp {
            size: 10,
            mtime_ns: 1,
        };
        let empty = LoadCache::open(dir.path(), "k");
        let mut w = CacheWriter::new(&empty);
        w.fresh("a.txt", stamp, &sample());
        w.finish(1).unwrap();
        let file = dir.path().join("corpus-k.bin");
        let mut bytes = fs::read(&file).unwrap();
        // Still valid, terminal-safe text: only the checksum tells.
        let at = bytes.windows(5).position(|w| w == b"Talks").unwrap();
        bytes[at] = b'W';
        fs::write(&file, &bytes).unwrap();
        let cache = LoadCache::open(dir.path(), "k");
        assert_eq!(cache.len(), 1);
        assert!(cache.get("a.txt", stamp).is_none());
    }

    #[test]
    fn stale_stamps_miss_and_unchanged_files_are_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let empty = LoadCache::open(dir.path(), "k");
        assert!(empty.is_empty());
        let stamp = FileStamp {
            size: 10,
            mtime_ns: -5,
        };
        let mut w = CacheWriter::new(&empty);
        w.fresh("a.txt", stamp, &sample());
        w.finish(1).unwrap();
        let cache = LoadCache::open(dir.path(), "k");
        assert_eq!(cache.len(), 1);
        let back = cache.get("a.txt", stamp).unwrap();
        same(&back.articles[0], &sample().articles[0]);
        // Read in place: the text is not copied to the heap.
        assert!(back.articles[0].text.is_mapped());
        let newer = FileStamp {
            mtime_ns: 7,
            ..stamp
        };
        assert!(cache.get("a.txt", newer).is_none());
        assert!(cache.get("b.txt", stamp).is_none());
        // Nothing changed: the file is left alone.
        let file = dir.path().join("corpus-k.bin");
        let before = fs::metadata(&file).unwrap().modified().unwrap();
        let mut w = CacheWriter::new(&cache);
        w.reused("a.txt".into(), stamp);
        w.finish(1).unwrap();
        assert_eq!(fs::metadata(&file).unwrap().modified().unwrap(), before);
        // A file gone from the corpus: the cache is written without it.
        let w = CacheWriter::new(&cache);
        w.finish(0).unwrap();
        assert!(LoadCache::open(dir.path(), "k").is_empty());
        // A corrupt file is ignored.
        fs::write(&file, [&MAGIC[..], b"garbage"].concat()).unwrap();
        assert!(LoadCache::open(dir.path(), "k").is_empty());
    }
}
