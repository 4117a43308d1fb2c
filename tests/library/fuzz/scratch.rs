//! Per-thread working space for the checks: a temporary directory (in
//! memory when /dev/shm is there: the harness writes millions of small
//! files), a valid load cache to damage, and a fixed article to search.

use std::fs;
use std::ops::Range;
use std::path::PathBuf;

use saidso::config::Vocabulary;
use saidso::corpus::assemble::article_from_bytes;
use saidso::corpus::cache::{CacheWriter, FileResult, FileStamp, LoadCache};
use saidso::corpus::{Article, LoadProblem, Origin, Severity};
use serde::{Deserialize, Serialize};
use tempfile::TempDir;

/// Articles written for these tests: quotations of every shape, a
/// boilerplate line, a repeated paragraph, a repaired escape.
const SAMPLES: &[&str] = &[
    "Talks resume in Geneva\n\nBy Jane Roe\n\n“We are ready,” Foreign Minister Sergei Lavrov said on Tuesday.\n\nHe added: “Nothing is agreed until everything is agreed.”\n\nAdvertisement\n\n“It is a start,” a senior official told reporters.\n",
    "Straße and ﬁnance in İstanbul\n\nMüller said the “plan” was “fine.” O'Brien disagreed.\n\n\u{1b}[31mRed\u{1b}[0m text, a bell\u{7} and Xi Jinping’s ‘quoted’ words.\n\nMüller said the “plan” was “fine.” O'Brien disagreed.\n",
    "«Nous verrons», a dit le ministre.\n\n„Das ist gut“, sagte sie.\n\n「北京」と彼は言った。🙂\n",
];

/// A load cache of [`SAMPLES`], as written by the crate.
pub struct CacheSeed {
    pub key: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub entries: Vec<(String, FileStamp)>,
}

pub struct Scratch {
    dir: TempDir,
    pub cache: CacheSeed,
    pub search_article: Article,
    pub vocabulary: Vocabulary,
}

impl Scratch {
    pub fn new() -> Scratch {
        let shm = std::path::Path::new("/dev/shm");
        let dir = if shm.is_dir() {
            tempfile::Builder::new()
                .prefix("saidso-fuzz")
                .tempdir_in(shm)
        } else {
            tempfile::tempdir()
        }
        .unwrap();
        let cache = seed_cache(&dir.path().join("seed"));
        Scratch {
            dir,
            cache,
            search_article: sample(0),
            vocabulary: saidso::tui::settings::vocabulary(),
        }
    }

    /// An empty directory for one case (what the last case left is gone).
    pub fn case_dir(&self, name: &str) -> PathBuf {
        let d = self.dir.path().join(name);
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }
}

fn sample(i: usize) -> Article {
    let name = format!("sample{i}.txt");
    article_from_bytes(
        name.clone(),
        Origin::File(name.into()),
        SAMPLES[i].as_bytes(),
    )
}

fn seed_cache(dir: &std::path::Path) -> CacheSeed {
    let key = "seed".to_string();
    let cache = LoadCache::open(dir, &key);
    let mut writer = CacheWriter::new(&cache);
    let mut entries = Vec::new();
    for (i, text) in SAMPLES.iter().enumerate() {
        let path = format!("sample{i}.txt");
        let stamp = FileStamp {
            size: text.len() as u64,
            mtime_ns: 1_700_000_000_000_000_000 + i as i128,
        };
        let result = FileResult {
            articles: vec![sample(i)],
            problems: vec![LoadProblem {
                path: path.clone(),
                problem: "1 terminal escape sequence(s) removed".into(),
                severity: Severity::Repaired,
            }],
        };
        writer.fresh(&path, stamp, &result);
        entries.push((path, stamp));
    }
    writer.finish(SAMPLES.len()).unwrap();
    let file = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "bin"))
        .expect("the cache was written");
    CacheSeed {
        key,
        file_name: file.file_name().unwrap().to_string_lossy().into_owned(),
        bytes: fs::read(&file).unwrap(),
        entries,
    }
}

/// One row of the cache's index, as `src/corpus/cache/codec.rs` writes it.
#[derive(Serialize, Deserialize)]
struct IndexRow {
    path: String,
    size: u64,
    mtime_ns: i128,
    range: Range<u64>,
    crc: u32,
}

/// `seed` (a cache file) with entry `k` (of however many there are)
/// replaced by `damage` of it, its checksum and the index made right, so
/// the damaged entry reaches the decoder. `None` if `seed` is not a cache
/// file laid out as this expects (the format changed: update `IndexRow`).
pub fn reseal(seed: &[u8], k: usize, damage: impl Fn(Vec<u8>) -> Vec<u8>) -> Option<Vec<u8>> {
    let magic = seed.get(..8)?;
    let tail = seed.len().checked_sub(16)?;
    let at = u64::from_le_bytes(seed.get(tail..tail + 8)?.try_into().ok()?) as usize;
    let mut rows: Vec<IndexRow> = postcard::from_bytes(seed.get(at..tail)?).ok()?;
    let k = k % rows.len().max(1);
    let mut out = magic.to_vec();
    for (i, row) in rows.iter_mut().enumerate() {
        let old = seed.get(row.range.start as usize..row.range.end as usize)?;
        let entry = if i == k {
            damage(old.to_vec())
        } else {
            old.to_vec()
        };
        let start = out.len() as u64;
        out.extend_from_slice(&entry);
        row.range = start..out.len() as u64;
        row.crc = crc32fast::hash(&entry);
    }
    let index_at = out.len() as u64;
    out.extend(postcard::to_stdvec(&rows).ok()?);
    out.extend(index_at.to_le_bytes());
    out.extend_from_slice(magic);
    Some(out)
}
