//! Files compressed with gzip, zstd or bzip2, around any format saidso
//! reads: `story.html.gz`, `export.jsonl.zst`, `notes.txt.bz2`. Known by
//! the last extension (the one before it says the format inside), or, for
//! standard input, by the stream's magic bytes. Decompressing stops at the
//! same limit a plain file has, so a compression bomb is a message, not
//! gigabytes of memory; a truncated file is a message too.

use std::io::Read;
use std::path::{Path, PathBuf};

/// A compression saidso undoes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    Gzip,
    Zstd,
    Bzip2,
}

/// (extension, what it is, magic bytes at the start of the stream, name)
const KINDS: &[(&str, Compression, &[u8], &str)] = &[
    ("gz", Compression::Gzip, b"\x1f\x8b", "gzip"),
    ("zst", Compression::Zstd, b"\x28\xb5\x2f\xfd", "zstd"),
    ("bz2", Compression::Bzip2, b"BZh", "bzip2"),
];

impl Compression {
    /// By the file's last extension, with the name of what is inside
    /// (`a.html.gz` → gzip, `a.html`).
    pub fn of_path(path: &Path) -> Option<(Compression, PathBuf)> {
        let ext = path.extension()?.to_str()?;
        let kind = KINDS
            .iter()
            .find(|(e, ..)| e.eq_ignore_ascii_case(ext))
            .map(|(_, c, ..)| *c)?;
        Some((kind, path.with_extension("")))
    }

    /// By the magic bytes a stream starts with.
    pub fn sniff(bytes: &[u8]) -> Option<Compression> {
        KINDS
            .iter()
            .find(|(_, _, magic, _)| bytes.starts_with(magic))
            .map(|(_, c, ..)| *c)
    }

    fn name(self) -> &'static str {
        KINDS
            .iter()
            .find(|(_, c, ..)| *c == self)
            .map_or("", |(.., n)| *n)
    }

    /// A reader of `inner` decompressed, for streaming what may be larger
    /// than memory should hold (a web archive).
    pub fn reader<'a, R: Read + Send + 'a>(
        self,
        inner: R,
    ) -> Result<Box<dyn Read + Send + 'a>, String> {
        Ok(match self {
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(inner)),
            Compression::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(inner)),
            Compression::Zstd => Box::new(
                ruzstd::decoding::StreamingDecoder::new(inner)
                    .map_err(|e| format!("not valid zstd data ({e})"))?,
            ),
        })
    }

    /// What a read error of the decompressed stream means to the user.
    pub fn damaged(self, e: &std::io::Error) -> String {
        format!("damaged or cut-off {} data ({e})", self.name())
    }

    /// `bytes` decompressed, at most `limit` bytes of it; a clear reason
    /// when the data is damaged, cut short or larger than the limit.
    pub fn decompress(self, bytes: &[u8], limit: u64) -> Result<Vec<u8>, String> {
        let reader = self.reader(bytes)?;
        let mut out = Vec::new();
        reader
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| self.damaged(&e))?;
        if out.len() as u64 > limit {
            return Err(format!(
                "decompresses to over {} MB, the limit (a compression bomb?)",
                limit / 1_000_000
            ));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn known_by_extension_or_by_magic() {
        let (c, inner) = Compression::of_path(Path::new("d/a.HTML.gz")).unwrap();
        assert_eq!((c, inner), (Compression::Gzip, PathBuf::from("d/a.HTML")));
        assert_eq!(
            Compression::of_path(Path::new("a.zst")).unwrap().0,
            Compression::Zstd
        );
        assert_eq!(Compression::of_path(Path::new("a.txt")), None);
        assert_eq!(Compression::sniff(&gzip(b"x")), Some(Compression::Gzip));
        assert_eq!(Compression::sniff(b"BZh91AY"), Some(Compression::Bzip2));
        assert_eq!(Compression::sniff(b"plain"), None);
    }

    #[test]
    fn gzip_round_trips_and_bombs_and_cuts_are_messages() {
        let text = b"Headline\n\nA story.\n";
        assert_eq!(
            Compression::Gzip.decompress(&gzip(text), 1_000).unwrap(),
            text
        );
        let bomb = gzip(&vec![b'a'; 5_000_000]);
        assert!(bomb.len() < 20_000);
        let e = Compression::Gzip.decompress(&bomb, 1_000_000).unwrap_err();
        assert!(e.contains("over 1 MB"), "{e}");
        let whole = gzip(&vec![b'b'; 100_000]);
        let e = Compression::Gzip
            .decompress(&whole[..whole.len() / 2], 1_000_000)
            .unwrap_err();
        assert!(e.starts_with("damaged or cut-off gzip data"), "{e}");
        let e = Compression::Zstd
            .decompress(b"\x28\xb5\x2f\xfdjunk", 1_000)
            .unwrap_err();
        assert!(e.contains("zstd"), "{e}");
    }
}
