//! Writing command output to stdout without panicking when the reader of a
//! pipe goes away (`saidso list --json | head`), and without letting a
//! file name take over the terminal: human-readable output to a terminal
//! shows control characters as symbols; JSON keeps every string exact,
//! with what serde_json leaves raw written as `\u` escapes (see
//! `saidso::export::terminal`).

use std::io::{self, BufWriter, IsTerminal, Write};

use saidso::export::terminal::ControlWriter;

/// Run `write` against a buffered, locked stdout: human-readable output
/// (text, CSV, Markdown). On a terminal, control characters show as
/// symbols; to a file or a pipe the bytes are as written.
pub fn to_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    if io::stdout().is_terminal() {
        raw(|w| {
            let mut visible = ControlWriter::visible(w);
            write(&mut visible)?;
            visible.flush()
        })
    } else {
        raw(write)
    }
}

/// Run `write` against a buffered, locked stdout as it is: for output
/// that styles itself and has made its untrusted text visible already.
/// A closed pipe ends the output quietly; any other I/O error is returned.
pub fn raw(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = write(&mut out).and_then(|()| out.flush());
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(anyhow::Error::new(e).context("cannot write to standard output")),
        Ok(()) => Ok(()),
    }
}

/// Pretty JSON followed by a newline.
pub fn json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    raw(|w| {
        let mut w = ControlWriter::json(w);
        serde_json::to_writer_pretty(&mut w, value).map_err(io::Error::from)?;
        writeln!(w)?;
        w.flush()
    })
}
