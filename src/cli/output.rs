//! Writing command output to stdout without panicking when the reader of a
//! pipe goes away (`saidso list --json | head`).

use std::io::{self, BufWriter, Write};

/// Run `write` against a buffered, locked stdout. A closed pipe ends the
/// output quietly; any other I/O error is returned.
pub fn to_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
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
    to_stdout(|w| {
        serde_json::to_writer_pretty(&mut *w, value).map_err(io::Error::from)?;
        writeln!(w)
    })
}
