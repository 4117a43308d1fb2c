//! Which corpus is open, as a key: each corpus remembers its own last
//! article. The key is a hash of the paths asked for (made absolute, sorted),
//! known before any article loads, so the last article can be found in
//! whichever batch it arrives. Moving the directory starts its "last
//! article" afresh; the articles keep their own state (keyed by text).

use std::path::{Path, PathBuf};

use crate::corpus::LoadRequest;
use crate::corpus::article::content_hash;

/// The key of the corpus `request` loads: 16 hex digits.
pub fn corpus_key(request: &LoadRequest) -> String {
    let identity = match request {
        LoadRequest::Embedded => "bundled".to_string(),
        LoadRequest::Paths(paths) => {
            let mut names: Vec<String> = paths
                .iter()
                .map(|p| absolute(p).to_string_lossy().into_owned())
                .collect();
            names.sort();
            names.dedup();
            format!("paths\n{}", names.join("\n"))
        }
    };
    format!("{:016x}", content_hash(&identity))
}

/// The path as the file system knows it (symlinks resolved), else made
/// absolute, else as given; `-` (standard input) stays `-`.
fn absolute(p: &Path) -> PathBuf {
    if p == Path::new("-") {
        return p.to_path_buf();
    }
    p.canonicalize()
        .or_else(|_| std::path::absolute(p))
        .unwrap_or_else(|_| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_paths_in_any_order_are_one_corpus() {
        let a = LoadRequest::Paths(vec!["/tmp/a".into(), "/tmp/b".into()]);
        let b = LoadRequest::Paths(vec!["/tmp/b".into(), "/tmp/a".into(), "/tmp/a".into()]);
        assert_eq!(corpus_key(&a), corpus_key(&b));
        assert_ne!(corpus_key(&a), corpus_key(&LoadRequest::Embedded));
        assert_ne!(
            corpus_key(&a),
            corpus_key(&LoadRequest::Paths(vec!["/tmp/a".into()]))
        );
        assert_eq!(corpus_key(&LoadRequest::Embedded).len(), 16);
    }
}
