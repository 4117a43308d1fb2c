//! The filter prompt's history: the queries kept with Enter, newest last,
//! one per line in `$XDG_STATE_HOME/saidso/history`, recalled with ↑/↓.
//!
//! Several readers may run at once: each adds its query to what the file
//! holds when it writes (read, add, write a temporary file, rename), so
//! none loses another's; a torn write cannot happen (the rename is atomic).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// Queries kept; the oldest go first.
pub const MAX_QUERIES: usize = 200;

const FILE: &str = "history";

/// The queries in `dir`, oldest first; none when there is no file or it
/// cannot be read (a history is a convenience, never a reason to stop).
pub fn load(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join(FILE))
        .map(|s| parse(&s))
        .unwrap_or_default()
}

/// One query a line, control characters dropped; a line left blank by
/// dropping them is no query (↑ would recall nothing).
fn parse(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|q| !q.trim().is_empty())
        .collect()
}

/// `queries` with `query` added as the newest (an earlier copy removed),
/// at most [`MAX_QUERIES`].
pub fn with(mut queries: Vec<String>, query: &str) -> Vec<String> {
    let query: String = query
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let query = query.trim();
    if query.is_empty() {
        return queries;
    }
    queries.retain(|q| q != query);
    queries.push(query.to_string());
    let over = queries.len().saturating_sub(MAX_QUERIES);
    queries.drain(..over);
    queries
}

/// Add `query` to the history file in `dir` (created if need be).
pub fn add(dir: &Path, query: &str) -> io::Result<Vec<String>> {
    fs::create_dir_all(dir)?;
    let queries = with(load(dir), query);
    let tmp = dir.join(format!(".{FILE}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = File::create(&tmp)?;
        for q in &queries {
            writeln!(f, "{q}")?;
        }
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, dir.join(FILE))?;
        super::store::sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map(|()| queries)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A full disk (the temporary file a link to `/dev/full`): an error,
    /// and the history on disk is the one before.
    #[test]
    fn a_full_disk_keeps_the_old_history() {
        let dir = tempfile::tempdir().unwrap();
        add(dir.path(), "lavrov").unwrap();
        let tmp = dir
            .path()
            .join(format!(".{FILE}.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink("/dev/full", &tmp).unwrap();
        let e = add(dir.path(), "tiger bell").unwrap_err();
        assert_eq!(e.raw_os_error(), Some(28), "ENOSPC: {e}");
        assert_eq!(load(dir.path()), ["lavrov"]);
        assert!(!tmp.exists());
    }

    #[test]
    fn a_query_is_added_once_as_the_newest_and_kept_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        add(dir.path(), "lavrov").unwrap();
        add(dir.path(), "tiger bell").unwrap();
        let all = add(dir.path(), "lavrov").unwrap();
        assert_eq!(all, ["tiger bell", "lavrov"]);
        assert_eq!(load(dir.path()), all);
        // A line end in a query cannot make two entries.
        let all = add(dir.path(), "a\nb").unwrap();
        assert_eq!(all.last().map(String::as_str), Some("a b"));
    }

    #[test]
    fn a_line_of_control_characters_is_no_query() {
        // Found by tests/library/properties.rs: filtering blank lines
        // before dropping controls kept "\0" as an empty query.
        assert_eq!(parse("\0\nlavrov\n\x07 \x1b\n\u{85}"), ["lavrov"]);
    }

    #[test]
    fn the_oldest_go_first() {
        let mut q = Vec::new();
        for i in 0..MAX_QUERIES + 5 {
            q = with(q, &i.to_string());
        }
        assert_eq!(q.len(), MAX_QUERIES);
        assert_eq!(q[0], "5");
    }
}
