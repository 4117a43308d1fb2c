//! Standard input as a source of articles: read when something is piped
//! or redirected in (as fzf and less do), never waited on from a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;

/// Standard input is a pipe or a redirected file: `cat x | saidso`,
/// `saidso list < export.json`. Not a terminal, and not /dev/null (what
/// cron, CI and `Command::output` give), which holds no articles.
pub fn piped() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata("/dev/stdin")
            .map(|m| m.file_type().is_fifo() || m.file_type().is_file())
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// `-` named while standard input is a terminal would wait for typing
/// nobody means to do: the message to stop with instead.
pub fn refuse_terminal(paths: &[PathBuf]) -> Option<String> {
    let named = paths.iter().any(|p| p.as_os_str() == "-");
    (named && std::io::stdin().is_terminal()).then(|| {
        "-: standard input is a terminal; pipe articles in (cat story.txt | saidso -) \
         or name files"
            .to_string()
    })
}
