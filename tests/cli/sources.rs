//! Sources a reader holds besides files of articles: newsboat's cache
//! found where newsboat keeps it, and a web archive piped in.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::archives::{crawl, newsboat_cache};

fn saidso(home: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_saidso"));
    c.env("HOME", home)
        .env_remove("XDG_DATA_HOME")
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"));
    c
}

fn titles(stdout: &[u8]) -> Vec<String> {
    let v: Value = serde_json::from_slice(stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn newsboat_opens_the_cache_where_newsboat_keeps_it() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| saidso(home.path()).args(args).output().unwrap();
    // None yet: a usage error naming where it looked.
    let out = run(&["list", "--json", "--newsboat"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(".newsboat/cache.db or ") && err.contains(".local/share/newsboat/cache.db"),
        "{err}"
    );
    // The XDG place, then the dot directory, which newsboat prefers.
    let xdg = home.path().join(".local/share/newsboat");
    std::fs::create_dir_all(&xdg).unwrap();
    drop(newsboat_cache(&xdg.join("cache.db")));
    let out = run(&["list", "--json", "--newsboat"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(titles(&out.stdout), ["Harbour reopens", "Storm passes"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["outlet"], "Coastal Ledger");
    assert_eq!(v[0]["date"], "2024-07-15T16:24:59Z");
    assert_eq!(v[0]["url"], "https://ledger.example/1");
    // A path given, with other paths after it.
    let story = home.path().join("story.txt");
    std::fs::write(&story, "Local headline\n\nA story.\n").unwrap();
    let cache = xdg.join("cache.db");
    let out = run(&[
        "list",
        "--json",
        "--newsboat",
        cache.to_str().unwrap(),
        story.to_str().unwrap(),
    ]);
    assert_eq!(
        titles(&out.stdout),
        ["Local headline", "Harbour reopens", "Storm passes"]
    );
}

#[test]
fn a_web_archive_piped_in_is_known_by_its_content() {
    let home = tempfile::tempdir().unwrap();
    let mut child = saidso(home.path())
        .args(["list", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let bytes: Vec<u8> = crawl()
        .iter()
        .flat_map(|r| crate::support::archives::gzip(r))
        .collect();
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        titles(&out.stdout),
        ["The new dam on the river opens", "Levels fall"]
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("<stdin>: 4 of 6 records are not HTML pages"),
        "{err}"
    );
}
