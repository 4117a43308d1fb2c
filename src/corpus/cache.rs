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
//! foreign cache file is ignored and replaced. The cache is written
//! atomically (a temporary file renamed over the old one), only when
//! something changed, and never blocks the screen (the reader's loader
//! thread writes it once loading is done). Nothing in it is trusted: every text is checked to
//! be valid UTF-8 free of control characters before it is used.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::UNIX_EPOCH;

use super::article::{Article, LoadNote, Origin, Paragraph, ParagraphKind};
use super::load::{LoadProblem, Severity};
use super::sanitize::is_terminal_safe;

/// Corpora smaller than both of these are loaded fresh every time: they
/// load in well under a second, and tests and small piles stay out of the
/// cache directory.
pub const MIN_FILES: usize = 256;
pub const MIN_BYTES: u64 = 64 << 20;

/// First bytes of a cache file; the number is the format's version.
const MAGIC: &[u8; 8] = b"saidso\x01\x01";

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

/// A cache file: its index read, entries read from disk when asked for
/// (a 100 MB corpus does not sit in memory twice).
///
/// Layout: MAGIC, the encoded entries one after another, the index
/// (count, then per entry: path, size, mtime, offset, end), the index's
/// offset (u64) and MAGIC again.
pub struct LoadCache {
    file: PathBuf,
    data: Option<fs::File>,
    /// Path → (stamp, byte range of the encoded result).
    entries: HashMap<String, (FileStamp, Range<u64>)>,
}

impl LoadCache {
    /// The cache of the corpus `key` in `dir`; empty when there is none or
    /// it cannot be read as one.
    pub fn open(dir: &Path, key: &str) -> LoadCache {
        let file = dir.join(format!("corpus-{key}.bin"));
        let data = fs::File::open(&file).ok();
        let entries = data.as_ref().and_then(read_index).unwrap_or_default();
        LoadCache {
            file,
            data,
            entries,
        }
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
        decode_result(&mut Reader::new(&bytes))
    }

    /// The encoded entry for `path` as stored, if its stamp is unchanged.
    fn raw(&self, path: &str, stamp: FileStamp) -> Option<Vec<u8>> {
        let (s, range) = self.entries.get(path)?;
        if *s != stamp {
            return None;
        }
        read_at(self.data.as_ref()?, range.clone())
    }
}

fn read_at(f: &fs::File, range: Range<u64>) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0; usize::try_from(range.end.checked_sub(range.start)?).ok()?];
    f.read_exact_at(&mut buf, range.start).ok()?;
    Some(buf)
}

/// The index of a cache file; `None` when it is not one.
fn read_index(f: &fs::File) -> Option<HashMap<String, (FileStamp, Range<u64>)>> {
    let len = f.metadata().ok()?.len();
    let end = len.checked_sub(16)?;
    let tail = read_at(f, end..len)?;
    if tail[8..] != MAGIC[..] || read_at(f, 0..8)? != MAGIC[..] {
        return None;
    }
    let at = u64::from_le_bytes(tail[..8].try_into().ok()?);
    if at < 8 || at > end {
        return None;
    }
    let index = read_at(f, at..end)?;
    let mut r = Reader::new(&index);
    let n = r.count()?;
    let mut entries = HashMap::with_capacity(n);
    for _ in 0..n {
        let path = r.string()?;
        let size = r.u64()?;
        let lo = r.u64()?;
        let hi = r.u64()?;
        let (start, stop) = (r.u64()?, r.u64()?);
        if start < 8 || start > stop || stop > at {
            return None;
        }
        let stamp = FileStamp {
            size,
            mtime_ns: (i128::from(hi as i64) << 64) | i128::from(lo),
        };
        entries.insert(path, (stamp, start..stop));
    }
    (r.pos == index.len()).then_some(entries)
}

/// Writes the next cache as loading goes, but only once something has
/// changed: while every file is found unchanged nothing is written.
pub struct CacheWriter<'c> {
    cache: &'c LoadCache,
    /// Files taken unchanged before the first change (copied over then).
    pending: Vec<(String, FileStamp)>,
    out: Option<Output>,
    failed: bool,
}

/// The temporary file being written, and its index so far.
struct Output {
    tmp: PathBuf,
    file: std::io::BufWriter<fs::File>,
    at: u64,
    index: Vec<u8>,
    count: u64,
}

impl<'c> CacheWriter<'c> {
    pub fn new(cache: &'c LoadCache) -> Self {
        CacheWriter {
            cache,
            pending: Vec::new(),
            out: None,
            failed: false,
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
        self.append(path, stamp, &encode_result(result));
    }

    /// Open the temporary file and copy what was taken unchanged so far.
    fn start(&mut self) -> bool {
        if self.failed {
            return false;
        }
        let file = &self.cache.file;
        let tmp = file.with_extension(format!("tmp{}", std::process::id()));
        let opened = file
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::File::create(&tmp));
        let Ok(f) = opened else {
            self.failed = true;
            return false;
        };
        let mut writer = std::io::BufWriter::with_capacity(1 << 20, f);
        if writer.write_all(MAGIC).is_err() {
            self.failed = true;
            let _ = fs::remove_file(&tmp);
            return false;
        }
        self.out = Some(Output {
            tmp,
            file: writer,
            at: MAGIC.len() as u64,
            index: Vec::new(),
            count: 0,
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
        if out.file.write_all(bytes).is_err() {
            self.failed = true;
            return;
        }
        let mut w = Writer(&mut out.index);
        w.str(path);
        w.u64(stamp.size);
        w.u64(stamp.mtime_ns as u64);
        w.u64((stamp.mtime_ns >> 64) as u64);
        w.u64(out.at);
        w.u64(out.at + bytes.len() as u64);
        out.at += bytes.len() as u64;
        out.count += 1;
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
            return Err(std::io::Error::other("cannot create the cache file"));
        }
        let Some(mut out) = self.out.take() else {
            return Ok(());
        };
        let failed = self.failed;
        let result = (|| {
            if failed {
                return Err(std::io::Error::other("writing the cache failed"));
            }
            let mut index = Vec::new();
            Writer(&mut index).u64(out.count);
            index.extend_from_slice(&out.index);
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

struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt(&mut self, s: &Option<String>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
    fn range(&mut self, r: &Range<usize>) {
        self.u64(r.start as u64);
        self.u64(r.end as u64);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    /// Text that may reach the screen: valid UTF-8, nothing a terminal
    /// would act on.
    fn str(&mut self) -> Option<&'a str> {
        let n = self.usize()?;
        let s = std::str::from_utf8(self.take(n)?).ok()?;
        is_terminal_safe(s).then_some(s)
    }
    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }
    fn opt(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.string()?)),
            _ => None,
        }
    }
    fn range(&mut self, within: usize) -> Option<Range<usize>> {
        let (start, end) = (self.usize()?, self.usize()?);
        (start <= end && end <= within).then_some(start..end)
    }
    fn count(&mut self) -> Option<usize> {
        // Every element takes at least a byte: a count beyond what is left
        // is corruption, not a reason to allocate.
        let n = self.usize()?;
        (n <= self.bytes.len() - self.pos).then_some(n)
    }
}

/// Origin tags.
const EMBEDDED: u8 = 0;
const FILE: u8 = 1;
const JSON_RECORD: u8 = 2;
const STDIN: u8 = 3;

/// Paragraph kind tags.
const KINDS: &[(u8, ParagraphKind)] = &[
    (0, ParagraphKind::Headline),
    (1, ParagraphKind::Byline),
    (2, ParagraphKind::Body),
    (3, ParagraphKind::Caption),
];
const BOILERPLATE: u8 = 4;
const DUPLICATE: u8 = 5;

const SKIPPED: u8 = 0;
const REPAIRED: u8 = 1;

fn encode_result(r: &FileResult) -> Vec<u8> {
    let mut out = Vec::with_capacity(r.articles.iter().map(|a| a.text.len() + 256).sum());
    let mut w = Writer(&mut out);
    w.u64(r.articles.len() as u64);
    for a in &r.articles {
        encode_article(&mut w, a);
    }
    w.u64(r.problems.len() as u64);
    for p in &r.problems {
        w.str(&p.path);
        w.str(&p.problem);
        w.u8(match p.severity {
            Severity::Skipped => SKIPPED,
            Severity::Repaired => REPAIRED,
        });
    }
    out
}

fn encode_article(w: &mut Writer, a: &Article) {
    w.str(&a.path);
    let path_of = |p: &PathBuf| p.to_string_lossy().into_owned();
    match &a.origin {
        Origin::Embedded => w.u8(EMBEDDED),
        Origin::File(p) => {
            w.u8(FILE);
            w.str(&path_of(p));
        }
        Origin::JsonRecord(p) => {
            w.u8(JSON_RECORD);
            w.str(&path_of(p));
        }
        Origin::Stdin => w.u8(STDIN),
    }
    w.str(&a.text);
    w.str(&a.title);
    w.u8(u8::from(a.title_derived));
    for o in [&a.byline, &a.source, &a.date, &a.url] {
        w.opt(o);
    }
    w.u64(a.paragraphs.len() as u64);
    for p in &a.paragraphs {
        w.u64(p.start as u64);
        w.u64(p.end as u64);
        match p.kind {
            ParagraphKind::Boilerplate(reason) => {
                w.u8(BOILERPLATE);
                w.str(reason);
            }
            ParagraphKind::Duplicate(of) => {
                w.u8(DUPLICATE);
                w.u64(of as u64);
            }
            kind => w.u8(KINDS
                .iter()
                .find(|(_, k)| *k == kind)
                .map_or(2, |(t, _)| *t)),
        }
    }
    w.u64(a.residue.len() as u64);
    for r in &a.residue {
        w.range(r);
    }
    w.u64(a.words as u64);
    w.u64(a.notes.len() as u64);
    for n in &a.notes {
        w.str(&n.0);
    }
    w.u64(a.content_hash);
}

fn decode_result(r: &mut Reader) -> Option<FileResult> {
    let n = r.count()?;
    let mut articles = Vec::with_capacity(n);
    for _ in 0..n {
        articles.push(decode_article(r)?);
    }
    let n = r.count()?;
    let mut problems = Vec::with_capacity(n);
    for _ in 0..n {
        problems.push(LoadProblem {
            path: r.string()?,
            problem: r.string()?,
            severity: match r.u8()? {
                SKIPPED => Severity::Skipped,
                REPAIRED => Severity::Repaired,
                _ => return None,
            },
        });
    }
    (r.pos == r.bytes.len()).then_some(FileResult { articles, problems })
}

fn decode_article(r: &mut Reader) -> Option<Article> {
    let path = r.string()?;
    let origin = match r.u8()? {
        EMBEDDED => Origin::Embedded,
        FILE => Origin::File(PathBuf::from(r.str()?)),
        JSON_RECORD => Origin::JsonRecord(PathBuf::from(r.str()?)),
        STDIN => Origin::Stdin,
        _ => return None,
    };
    let text: Arc<str> = Arc::from(r.str()?);
    let len = text.len();
    let title = r.string()?;
    let title_derived = r.bool()?;
    let (byline, source, date, url) = (r.opt()?, r.opt()?, r.opt()?, r.opt()?);
    let n = r.count()?;
    let mut paragraphs = Vec::with_capacity(n);
    for i in 0..n {
        let range = r.range(len)?;
        // Offsets must fall on characters, or slicing would panic later.
        if !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
            return None;
        }
        let kind = match r.u8()? {
            BOILERPLATE => ParagraphKind::Boilerplate(intern(r.str()?)),
            // A repeat of an earlier paragraph, or the entry is damaged.
            DUPLICATE => ParagraphKind::Duplicate(Some(r.usize()?).filter(|&of| of < i)?),
            t => KINDS.iter().find(|(k, _)| *k == t)?.1,
        };
        paragraphs.push(Paragraph {
            start: range.start,
            end: range.end,
            kind,
        });
    }
    let n = r.count()?;
    let mut residue = Vec::with_capacity(n);
    for _ in 0..n {
        let range = r.range(len)?;
        if !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
            return None;
        }
        residue.push(range);
    }
    let words = r.usize()?;
    let n = r.count()?;
    let mut notes = Vec::with_capacity(n);
    for _ in 0..n {
        notes.push(LoadNote(r.string()?));
    }
    let content_hash = r.u64()?;
    Some(Article {
        path,
        origin,
        text,
        title,
        title_derived,
        byline,
        source,
        date,
        url,
        paragraphs,
        residue,
        words,
        notes,
        content_hash,
    })
}

/// Boilerplate reasons are `&'static str` from the pattern tables; read
/// back, each distinct one is leaked once (there are a few dozen).
fn intern(s: &str) -> &'static str {
    static SEEN: LazyLock<Mutex<HashSet<&'static str>>> = LazyLock::new(Default::default);
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = seen.get(s) {
        return known;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    seen.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::assemble::article_from_bytes;

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
        assert_eq!((a.words, a.content_hash), (b.words, b.content_hash));
    }

    #[test]
    fn a_result_round_trips() {
        let r = sample();
        let kinds: Vec<ParagraphKind> = r.articles[0].paragraphs.iter().map(|p| p.kind).collect();
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, ParagraphKind::Duplicate(_)))
        );
        let bytes = encode_result(&r);
        let back = decode_result(&mut Reader::new(&bytes)).expect("decodes");
        same(&r.articles[0], &back.articles[0]);
        assert_eq!(back.problems, r.problems);
    }

    #[test]
    fn every_truncation_and_stray_escape_is_refused_without_panic() {
        let bytes = encode_result(&sample());
        for n in 0..bytes.len() {
            assert!(
                decode_result(&mut Reader::new(&bytes[..n])).is_none(),
                "{n}"
            );
        }
        // An escape character smuggled into the text is not terminal-safe.
        let mut evil = bytes.clone();
        let at = evil.windows(5).position(|w| w == b"Talks").unwrap();
        evil[at] = 0x1b;
        assert!(decode_result(&mut Reader::new(&evil)).is_none());
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("corpus-k.bin"), b"not a cache").unwrap();
        assert!(LoadCache::open(dir.path(), "k").is_empty());
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
        same(
            &cache.get("a.txt", stamp).unwrap().articles[0],
            &sample().articles[0],
        );
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
        fs::write(&file, b"saidso\x01\x01garbage").unwrap();
        assert!(LoadCache::open(dir.path(), "k").is_empty());
    }
}
