//! Web archives (WARC, and `.warc.gz` as crawlers write it, a gzip member
//! a record): every archived HTML page is an article, read as a saved page
//! is, under its target URI; every other record is skipped and counted.
//!
//! The archive is streamed a record at a time (the warc crate), so a
//! gigabyte archive needs the memory of its largest page, not of itself;
//! a page over [`MAX_PAGE_BYTES`] is skipped, and a header that never ends
//! ([`HeaderLimit`]) stops the read with a message instead of filling
//! memory. An HTTP response is taken as a browser would: its status, its
//! content type, chunked transfer and gzip/deflate encoding undone.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use warc::{Record, RecordType, StreamingBody, WarcHeader, WarcReader};

use super::article::Origin;
use super::compressed::Compression;
use super::format::Format;
use super::json::Records;
use super::load::io_reason;

/// A page larger than this is not a news article (and would be read as
/// plain text anyway): skipped, and said so.
pub const MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

/// A record's WARC header, or an HTTP response's head, longer than this
/// is damage.
const MAX_HEAD_BYTES: usize = 1024 * 1024;

/// The WARC records of `path` (plain or compressed, told by its bytes).
pub fn read_archive(display: &str, path: &Path) -> Result<Records, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open: {}", io_reason(&e)))?;
    let mut file = BufReader::with_capacity(1 << 16, file);
    let head = file
        .fill_buf()
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    let origin = Origin::JsonRecord(path.to_path_buf());
    match Compression::sniff(head) {
        Some(c) => read_warc(display, &origin, BufReader::new(c.reader(file)?), Some(c)),
        None => read_warc(display, &origin, file, None),
    }
}

/// True when `bytes` start as a WARC record does.
pub fn looks_like_warc(bytes: &[u8]) -> bool {
    bytes.starts_with(b"WARC/1.")
}

/// The records of a WARC stream; `display` names each article by its
/// record's place in the archive (`crawl.warc.gz#17`).
pub fn read_warc<R: BufRead>(
    display: &str,
    origin: &Origin,
    reader: R,
    compression: Option<Compression>,
) -> Result<Records, String> {
    let mut reader = WarcReader::new(HeaderLimit::new(reader));
    let mut stream = reader.stream_records();
    let mut load = Records::default();
    let mut skipped: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut n = 0;
    while let Some(item) = stream.next_item() {
        n += 1;
        let mut record = match item {
            Ok(r) => r,
            Err(e) if n == 1 => {
                return Err(format!("not a WARC archive ({})", why(&e, compression)));
            }
            Err(e) => {
                load.problems.push(format!(
                    "record {n}: {}; the rest of the archive was not read",
                    why(&e, compression)
                ));
                break;
            }
        };
        let kind = record.warc_type().clone();
        let target = record.header(WarcHeader::TargetURI).map(|u| u.into_owned());
        let declared = record
            .header(WarcHeader::ContentType)
            .map(|c| c.to_ascii_lowercase());
        let captured = record.date().to_rfc3339();
        let page = match kind {
            RecordType::Response if declared.as_deref().is_some_and(|c| c.contains("http")) => {
                http_page(&mut record, compression)
            }
            RecordType::Response | RecordType::Resource => {
                plain_page(&mut record, declared, compression)
            }
            other => Err(kind_name(&other)),
        };
        match page {
            Ok(bytes) => {
                let mut page = super::html::read(&String::from_utf8_lossy(&bytes));
                page.url = target.or(page.url);
                page.date = page.date.or(Some(captured));
                let article = page.into_article(&format!("{display}#{n}"), origin.clone());
                load.articles.push(article);
            }
            Err(Skip::Kind(name)) => *skipped.entry(name).or_default() += 1,
            Err(Skip::Problem(p)) => load.problems.push(format!("record {n}: {p}")),
            Err(Skip::Broken(e)) => {
                load.problems.push(format!(
                    "record {n}: {e}; the rest of the archive was not read"
                ));
                break;
            }
        }
    }
    if !skipped.is_empty() {
        let total: usize = skipped.values().sum();
        let kinds: Vec<String> = skipped.iter().map(|(k, c)| format!("{c} {k}")).collect();
        load.notes.push(format!(
            "{total} of {n} records are not HTML pages, skipped: {}",
            kinds.join(", ")
        ));
    }
    Ok(load)
}

/// Why a record gave no article.
enum Skip {
    /// Not a page (a request, an image, a redirect…): counted by kind.
    Kind(&'static str),
    /// A page that could not be read: said on its own.
    Problem(String),
    /// The stream broke inside the record: nothing after it can be read.
    Broken(String),
}

impl From<&'static str> for Skip {
    fn from(kind: &'static str) -> Skip {
        Skip::Kind(kind)
    }
}

fn kind_name(kind: &RecordType) -> Skip {
    Skip::Kind(match kind {
        RecordType::WarcInfo => "warcinfo",
        RecordType::Request => "request",
        RecordType::Metadata => "metadata",
        RecordType::Revisit => "revisit",
        RecordType::Conversion => "conversion",
        RecordType::Continuation => "continuation",
        _ => "of other types",
    })
}

/// A resource record (or a response without HTTP): the page itself.
fn plain_page<T: Read>(
    record: &mut Record<StreamingBody<'_, T>>,
    declared: Option<String>,
    compression: Option<Compression>,
) -> Result<Vec<u8>, Skip> {
    let bytes = read_body(record, compression)?;
    let html = match declared {
        Some(c) => c.contains("html"),
        None => Format::sniff(&bytes) == Format::Html,
    };
    if html {
        Ok(bytes)
    } else {
        Err("resources not HTML".into())
    }
}

/// An HTTP response: its page when the status is success and the content
/// is HTML, with chunking and compression undone.
fn http_page<T: Read>(
    record: &mut Record<StreamingBody<'_, T>>,
    compression: Option<Compression>,
) -> Result<Vec<u8>, Skip> {
    let raw = read_body(record, compression)?;
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut headers);
    let head_len = match response.parse(&raw) {
        Ok(httparse::Status::Complete(len)) => len,
        Ok(httparse::Status::Partial) if raw.len() > MAX_HEAD_BYTES => {
            return Err(Skip::Problem("an HTTP head over 1 MB".into()));
        }
        _ => return Err("responses not HTTP".into()),
    };
    if !response.code.is_some_and(|c| (200..300).contains(&c)) {
        return Err("responses not successful (redirects, errors)".into());
    }
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
    };
    let body = &raw[head_len..];
    let html = match header("content-type") {
        Some(c) => c.contains("html"),
        None => Format::sniff(body) == Format::Html,
    };
    if !html {
        return Err("responses not HTML".into());
    }
    let chunked = header("transfer-encoding").is_some_and(|t| t.contains("chunked"));
    // Some crawlers store the body as sent, others already unchunked with
    // the header kept: undo chunking only when the body is chunked.
    let body = match chunked.then(|| dechunk(body)).flatten() {
        Some(b) => b,
        None => body.to_vec(),
    };
    decode(body, header("content-encoding").as_deref())
}

/// A body sent in chunks, joined; None when it is not well chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let (start, size) = match httparse::parse_chunk_size(body) {
            Ok(httparse::Status::Complete(c)) => c,
            _ => return None,
        };
        let size = usize::try_from(size).ok()?;
        if size == 0 {
            return Some(out);
        }
        let chunk = body.get(start..start.checked_add(size)?)?;
        out.extend_from_slice(chunk);
        body = body[start + size..].strip_prefix(b"\r\n")?;
    }
}

/// The body with its content encoding undone (gzip, deflate), at most
/// [`MAX_PAGE_BYTES`] of it.
fn decode(body: Vec<u8>, encoding: Option<&str>) -> Result<Vec<u8>, Skip> {
    let reader: Box<dyn Read + '_> = match encoding.map(str::trim) {
        None | Some("" | "identity") => return Ok(body),
        Some("gzip" | "x-gzip") => Box::new(flate2::read::MultiGzDecoder::new(&body[..])),
        Some("deflate") if body.first().is_some_and(|b| b & 0x0f == 8) => {
            Box::new(flate2::read::ZlibDecoder::new(&body[..]))
        }
        Some("deflate") => Box::new(flate2::read::DeflateDecoder::new(&body[..])),
        Some(_) => return Err("responses in an encoding saidso does not undo (br, zstd)".into()),
    };
    let mut out = Vec::new();
    reader
        .take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| Skip::Problem(format!("a damaged compressed page ({e})")))?;
    if out.len() as u64 > MAX_PAGE_BYTES {
        return Err(too_large());
    }
    Ok(out)
}

/// A record's block, at most [`MAX_PAGE_BYTES`]. A stream that fails or
/// ends inside the block breaks the archive (cut off, or damaged).
fn read_body<T: Read>(
    record: &mut Record<StreamingBody<'_, T>>,
    compression: Option<Compression>,
) -> Result<Vec<u8>, Skip> {
    let mut out = Vec::new();
    if let Err(e) = record.take(MAX_PAGE_BYTES + 1).read_to_end(&mut out) {
        return Err(Skip::Broken(why(&warc::Error::ReadData(e), compression)));
    }
    if out.len() as u64 > MAX_PAGE_BYTES {
        return Err(too_large());
    }
    if record.content_length() > 0 {
        return Err(Skip::Broken(why(&warc::Error::UnexpectedEOB, compression)));
    }
    Ok(out)
}

fn too_large() -> Skip {
    Skip::Problem(format!(
        "a page over {} MB, skipped",
        MAX_PAGE_BYTES / 1_000_000
    ))
}

/// A reading error in the user's words.
fn why(e: &warc::Error, compression: Option<Compression>) -> String {
    match (e, compression) {
        (warc::Error::ReadData(io), Some(c)) if io.kind() != io::ErrorKind::InvalidData => {
            c.damaged(io)
        }
        (warc::Error::UnexpectedEOB, _) => "the archive ends inside a record (cut off?)".into(),
        (warc::Error::ReadData(io), _) => io.to_string(),
        (warc::Error::ParseHeaders(_), _) => "a damaged record header".into(),
        (other, _) => other.to_string(),
    }
}

/// A reader that refuses a WARC header longer than [`MAX_HEAD_BYTES`].
///
/// The warc crate reads a header line by line (`read_until`) with no
/// limit, and a body through `Read`; so bytes taken through `BufRead`
/// since the last `read` are header, and are counted.
struct HeaderLimit<R> {
    inner: R,
    header: usize,
}

impl<R> HeaderLimit<R> {
    fn new(inner: R) -> Self {
        HeaderLimit { inner, header: 0 }
    }
}

impl<R: BufRead> Read for HeaderLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.header = 0;
        self.inner.read(buf)
    }
}

impl<R: BufRead> BufRead for HeaderLimit<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.header > MAX_HEAD_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "a record header over 1 MB (not a WARC archive?)",
            ));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.header = self.header.saturating_add(amount);
        self.inner.consume(amount);
    }
}
