//! `state.json` on disk: read it, set it aside when it is damaged, and
//! write it so that neither a crash nor a second saidso can corrupt it.
//!
//! A write takes `state.lock` (an OS file lock), reads the file again,
//! merges its own changes in (newer record wins, see
//! [`ReadingState::merge`]), writes a temporary file in the same
//! directory, fsyncs it, renames it over `state.json` and fsyncs the
//! directory. A reader therefore sees the old file or the new one, never
//! half of one, and two instances each keep the other's progress.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::model::{FORMAT_VERSION, MAX_ARTICLES, MAX_CORPORA, ReadingState, now_millis};

/// The state file's name in the state directory.
pub const STATE_FILE: &str = "state.json";
/// Held while a file is read-merged-written.
pub const LOCK_FILE: &str = "state.lock";
/// What a write goes through before the rename.
const TEMP_FILE: &str = "state.json.tmp";
/// How long to wait for another instance to let go of the lock. Holders
/// keep it for one small read and write, so this is only reached when
/// something is wrong; then the write is skipped with a warning.
const LOCK_PATIENCE: Duration = Duration::from_secs(3);
const LOCK_POLL: Duration = Duration::from_millis(10);

/// Something about a file saidso keeps (the reading state, the load
/// cache) worth telling the user; it never stops the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What the file is for, as the user knows it: "reading state".
    pub topic: &'static str,
    pub path: PathBuf,
    pub problem: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.problem)
    }
}

/// `state.json` as written.
#[derive(Serialize, Deserialize)]
struct FileFormat {
    version: u32,
    #[serde(flatten)]
    state: ReadingState,
}

/// What is on disk.
enum OnDisk {
    Missing,
    Good(ReadingState),
    /// Not a state file we can read: truncated, garbage, wrong shape.
    Corrupt(String),
    /// A format this version does not know (a newer saidso): left alone.
    Foreign(String),
    /// The file is there but cannot be read (permissions, a directory).
    Unreadable(String),
}

/// The state directory and the files in it.
#[derive(Debug, Clone)]
pub struct StateStore {
    dir: PathBuf,
}

impl StateStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        StateStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn file(&self) -> PathBuf {
        self.dir.join(STATE_FILE)
    }

    fn warning(&self, problem: impl Into<String>) -> Warning {
        Warning {
            topic: "reading state",
            path: self.file(),
            problem: problem.into(),
        }
    }

    /// Read the state. A missing file (or directory) is an empty state; a
    /// damaged one is renamed aside and reported; nothing here fails.
    pub fn load(&self) -> (ReadingState, Option<Warning>) {
        if !self.file().exists() {
            return (ReadingState::default(), None);
        }
        // Setting a file aside must not race another instance that has
        // just replaced it with a good one: hold the lock when we can (a
        // read-only directory still lets us read).
        let _lock = self.lock().ok();
        match self.read() {
            OnDisk::Missing => (ReadingState::default(), None),
            OnDisk::Good(state) => (state, None),
            OnDisk::Corrupt(why) => (ReadingState::default(), Some(self.set_aside(&why))),
            OnDisk::Foreign(why) | OnDisk::Unreadable(why) => {
                (ReadingState::default(), Some(self.warning(why)))
            }
        }
    }

    /// Merge `changes` into the file on disk, atomically, under the lock.
    /// `Ok(Some(_))` when the file on disk was damaged and set aside first;
    /// `Err` when nothing could be written (the file is unchanged).
    pub fn save(&self, changes: &ReadingState) -> Result<Option<Warning>, Warning> {
        fs::create_dir_all(&self.dir).map_err(|e| {
            self.warning(format!(
                "cannot create the directory {}: {e}",
                self.dir.display()
            ))
        })?;
        let _lock = self.lock()?;
        let (mut state, note) = match self.read() {
            OnDisk::Missing => (ReadingState::default(), None),
            OnDisk::Good(s) => (s, None),
            OnDisk::Corrupt(why) => (ReadingState::default(), Some(self.set_aside(&why))),
            OnDisk::Foreign(why) | OnDisk::Unreadable(why) => {
                return Err(self.warning(format!("{why}; reading state not saved")));
            }
        };
        state.merge(changes);
        state.prune(MAX_ARTICLES, MAX_CORPORA);
        self.write(&state)
            .map_err(|e| self.warning(format!("cannot write: {e}; reading state not saved")))?;
        Ok(note)
    }

    /// Take `state.lock`, waiting a little for another instance.
    fn lock(&self) -> Result<File, Warning> {
        let path = self.dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| self.warning(format!("cannot open the lock {}: {e}", path.display())))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_PATIENCE => {
                    thread::sleep(LOCK_POLL);
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(self.warning(format!(
                        "another saidso has held {} for {} s; reading state not saved",
                        path.display(),
                        LOCK_PATIENCE.as_secs()
                    )));
                }
                Err(fs::TryLockError::Error(e)) => {
                    return Err(self.warning(format!("cannot lock {}: {e}", path.display())));
                }
            }
        }
    }

    fn read(&self) -> OnDisk {
        let bytes = match fs::read(self.file()) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return OnDisk::Missing,
            Err(e) => return OnDisk::Unreadable(format!("cannot read: {e}")),
        };
        parse(&bytes)
    }

    /// Rename a damaged file to `state.json.corrupt-<unix seconds>` (with a
    /// counter when that exists), keeping it for whoever wants to look.
    fn set_aside(&self, why: &str) -> Warning {
        let stamp = now_millis() / 1000;
        let mut name = format!("{STATE_FILE}.corrupt-{stamp}");
        let mut n = 1;
        while self.dir.join(&name).exists() {
            n += 1;
            name = format!("{STATE_FILE}.corrupt-{stamp}-{n}");
        }
        match fs::rename(self.file(), self.dir.join(&name)) {
            Ok(()) => self.warning(format!(
                "{why}; set aside as {name}, reading positions start afresh"
            )),
            Err(e) => self.warning(format!(
                "{why}; could not set it aside ({e}), reading positions start afresh"
            )),
        }
    }

    /// Temp file, fsync, rename, fsync the directory.
    fn write(&self, state: &ReadingState) -> io::Result<()> {
        let tmp = self.dir.join(TEMP_FILE);
        let result = (|| {
            let mut bytes = serde_json::to_vec(&FileFormatRef {
                version: FORMAT_VERSION,
                state,
            })
            .map_err(io::Error::other)?;
            bytes.push(b'\n');
            let mut f = File::create(&tmp)?;
            f.write_all(&bytes)?;
            f.sync_all()?;
            drop(f);
            fs::rename(&tmp, self.file())?;
            sync_dir(&self.dir)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }
}

/// [`FileFormat`] borrowing the state, for writing without a copy.
#[derive(Serialize)]
struct FileFormatRef<'a> {
    version: u32,
    #[serde(flatten)]
    state: &'a ReadingState,
}

/// Decide what a file's bytes are. The version is looked at first, so a
/// newer format is never mistaken for a damaged file.
fn parse(bytes: &[u8]) -> OnDisk {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return OnDisk::Corrupt("empty file (a write cut short?)".into());
    }
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) if e.is_eof() => return OnDisk::Corrupt(format!("truncated ({e})")),
        Err(e) => return OnDisk::Corrupt(format!("not valid JSON ({e})")),
    };
    match value.get("version").map(serde_json::Value::as_u64) {
        Some(Some(v)) if v == u64::from(FORMAT_VERSION) => {}
        Some(Some(v)) => {
            return OnDisk::Foreign(format!(
                "format version {v}, this saidso reads version {FORMAT_VERSION} (written by a newer saidso?); left as it is"
            ));
        }
        _ => return OnDisk::Corrupt("not a saidso state file (no version)".into()),
    }
    match serde_json::from_value::<FileFormat>(value) {
        Ok(f) => OnDisk::Good(f.state),
        Err(e) => OnDisk::Corrupt(format!("not a saidso state file ({e})")),
    }
}

#[cfg(unix)]
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Other systems cannot open a directory to sync it; the rename is what
/// they offer.
#[cfg(not(unix))]
pub(crate) fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}
