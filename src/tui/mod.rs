//! The terminal reader: a thin layer over the core library.

use crate::corpus::LoadRequest;

/// Open the reader on `request` and run until the user quits.
pub fn run(_request: LoadRequest) -> anyhow::Result<()> {
    anyhow::bail!("the reader is not built yet")
}
