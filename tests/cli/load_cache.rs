//! The load cache of large corpora, through the real binary: a second run
//! reads the cache and says exactly what the first said; edited, added and
//! deleted files are seen; a damaged or tampered cache is never believed.

use std::fs;
use std::path::Path;
use std::process::Command;

/// Enough files for the cache to be used (its threshold is 256).
const FILES: usize = 260;

fn corpus(dir: &Path) {
    for i in 0..FILES {
        fs::write(
            dir.join(format!("{i:04}.txt")),
            format!(
                "Talks resume in city {i}\n\nBy Ann Lee\n\n“We are ready to talk,” Sergei Lavrov said on day {i}.\n\nSubscribe to our newsletter.\n"
            ),
        )
        .unwrap();
    }
}

/// A directory of the corpus above, and an empty cache directory.
pub(crate) fn corpus_and_cache() -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    (dir, tempfile::tempdir().unwrap())
}

pub(crate) fn run(cache: &Path, args: &[&str]) -> String {
    run_in(cache, None, args).0
}

/// stdout and stderr of a run (from `cwd`, when given) that succeeds,
/// with its caches in `cache`.
pub(crate) fn run_in(cache: &Path, cwd: Option<&Path>, args: &[&str]) -> (String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_saidso"));
    cmd.args(args).env("XDG_CACHE_HOME", cache);
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let out = cmd.output().expect("saidso runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The file saidso keeps in `cache` whose name starts with `prefix`
/// (`corpus-`, `quotes-`, `derived-`).
pub(crate) fn kept_file(cache: &Path, prefix: &str) -> Option<std::path::PathBuf> {
    fs::read_dir(cache.join("saidso"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.extension().is_some_and(|x| x == "bin")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
}

fn cache_file(cache: &Path) -> Option<std::path::PathBuf> {
    kept_file(cache, "corpus-")
}

#[test]
fn a_second_run_says_the_same_and_sees_every_change() {
    let (dir, cache) = corpus_and_cache();
    let d = dir.path().to_str().unwrap();
    let list = ["list", "--json", d];
    let first = run(cache.path(), &list);
    let quotes_first = run(cache.path(), &["quotes", "--json", d]);
    assert!(cache_file(cache.path()).is_some(), "a cache was written");
    assert_eq!(run(cache.path(), &list), first, "from the cache, the same");
    assert_eq!(run(cache.path(), &["quotes", "--json", d]), quotes_first);

    // Edited (another size), added and deleted files.
    fs::write(
        dir.path().join("0007.txt"),
        "Ceasefire agreed after long night\n\nText of the story, longer than before.\n",
    )
    .unwrap();
    fs::write(dir.path().join("9999.txt"), "A new arrival\n\nIts story.\n").unwrap();
    fs::remove_file(dir.path().join("0003.txt")).unwrap();
    let after = run(cache.path(), &list);
    assert!(after.contains("Ceasefire agreed after long night"));
    assert!(!after.contains("Talks resume in city 7\""));
    assert!(after.contains("A new arrival"));
    assert!(!after.contains("0003.txt"));
    assert_eq!(
        after,
        run(cache.path(), &["--no-cache", "list", "--json", d])
    );
}

#[test]
fn a_damaged_or_tampered_cache_is_not_believed() {
    let (dir, cache) = corpus_and_cache();
    let d = dir.path().to_str().unwrap();
    let list = ["list", "--json", d];
    let truth = run(cache.path(), &list);
    let file = cache_file(cache.path()).unwrap();

    // An escape sequence put into a stored title: that entry is refused
    // and the file read again.
    let mut bytes = fs::read(&file).unwrap();
    let at = bytes.windows(6).position(|w| w == b"Talks ").unwrap();
    bytes[at] = 0x1b;
    fs::write(&file, &bytes).unwrap();
    let out = run(cache.path(), &list);
    assert!(!out.contains('\u{1b}'), "no escape reaches the output");
    assert_eq!(out, truth);

    // Cut in half, then garbage: ignored, and replaced by a good one.
    fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(run(cache.path(), &list), truth);
    fs::write(&file, b"not a cache at all").unwrap();
    assert_eq!(run(cache.path(), &list), truth);
    assert!(fs::read(&file).unwrap().starts_with(b"saidso"));
}

/// The disk fills while the cache is written (a file-size limit makes
/// every write past 8 KB fail): one line on stderr naming the cache, the
/// old cache untouched, and the command's answer and status as ever.
#[test]
fn a_cache_that_cannot_be_written_is_told_and_the_old_one_kept() {
    let (dir, cache) = corpus_and_cache();
    let d = dir.path().to_str().unwrap();
    let truth = run(cache.path(), &["list", "--json", d]);
    let file = cache_file(cache.path()).unwrap();
    let old = fs::read(&file).unwrap();
    assert!(old.len() > 16 * 1024, "big enough to hit the limit");
    fs::write(
        dir.path().join("0001.txt"),
        "Changed\n\nSo the cache is rewritten.\n",
    )
    .unwrap();

    // SIGXFSZ ignored, so a write past the limit fails (EFBIG) instead of
    // killing the process, as a full disk's ENOSPC would.
    let out = Command::new("sh")
        .args([
            "-c",
            "trap '' XFSZ; ulimit -f 8; exec \"$0\" list --json \"$1\"",
        ])
        .arg(env!("CARGO_BIN_EXE_saidso"))
        .arg(d)
        .env("XDG_CACHE_HOME", cache.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Changed"));
    assert_eq!(stdout.lines().count(), truth.lines().count());
    let told: Vec<&str> = stderr.lines().collect();
    assert_eq!(told.len(), 1, "{stderr}");
    assert!(
        told[0].contains(file.to_str().unwrap()) && told[0].contains("load cache: not written"),
        "{stderr}"
    );
    assert!(told[0].contains("the old cache is kept"), "{stderr}");
    assert_eq!(fs::read(&file).unwrap(), old, "the old cache stands");
    let leftovers = fs::read_dir(cache.path().join("saidso")).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

#[test]
fn no_cache_writes_nothing_and_small_corpora_are_not_cached() {
    let (dir, cache) = corpus_and_cache();
    run(
        cache.path(),
        &["--no-cache", "list", dir.path().to_str().unwrap()],
    );
    assert!(cache_file(cache.path()).is_none());
    // The bundled articles and a handful of files load fresh every time.
    run(cache.path(), &["list"]);
    let small = tempfile::tempdir().unwrap();
    fs::write(small.path().join("a.txt"), "Title\n\nBody.\n").unwrap();
    run(cache.path(), &["list", small.path().to_str().unwrap()]);
    assert!(cache_file(cache.path()).is_none());
}

/// The cache knows a file by its real path: the corpus named `c`, `./c`
/// or by its absolute path (from another directory) is read from one
/// cache without rewriting it, and each run names the files as it was
/// given them.
#[test]
fn however_the_path_is_typed_the_cache_is_used_and_files_are_named_as_typed() {
    let parent = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let dir = parent.path().join("c");
    fs::create_dir(&dir).unwrap();
    corpus(&dir);
    let run_in = |cwd: &Path, args: &[&str]| run_in(cache.path(), Some(cwd), args).0;
    let absolute = dir.to_str().unwrap();
    let first = run_in(parent.path(), &["list", "--json", absolute]);
    let file = cache_file(cache.path()).expect("a cache was written");
    let written = fs::metadata(&file).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    for (cwd, typed) in [
        (parent.path(), "c"),
        (parent.path(), "./c"),
        (dir.as_path(), "."),
    ] {
        let out = run_in(cwd, &["list", "--json", typed]);
        assert_eq!(
            fs::metadata(&file).unwrap().modified().unwrap(),
            written,
            "`{typed}` read the cache without rewriting it"
        );
        let expected = first.replace(&format!("{absolute}/"), &format!("{typed}/"));
        assert_eq!(out, expected, "named as typed: {typed}");
    }
}
