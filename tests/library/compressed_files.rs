//! Compressed files in a directory and through a pipe: gzip, zstd and
//! bzip2 around text, JSON Lines and web pages, read as what is inside;
//! bombs and cut-off files named with the reason.

use std::fs;
use std::io::Write;

use saidso::corpus::{Corpus, LoadRequest, Severity};

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn bzip2(data: &[u8]) -> Vec<u8> {
    let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn zstd(data: &[u8]) -> Vec<u8> {
    ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Fastest)
}

#[test]
fn each_compression_around_each_format_reads_as_what_is_inside() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("a.txt.gz"),
        gzip(b"Gzipped headline\n\nA gzipped story.\n"),
    )
    .unwrap();
    fs::write(
        d.join("b.jsonl.zst"),
        zstd(b"{\"title\": \"Zstd one\", \"text\": \"x\"}\n{\"title\": \"Zstd two\", \"text\": \"y\"}\n"),
    )
    .unwrap();
    fs::write(
        d.join("c.html.bz2"),
        bzip2(b"<html><head><title>Bzipped page</title></head><body><article><h1>Bzipped page</h1><p>The story of the bzipped page, long enough to be a story of its own.</p></article></body></html>"),
    )
    .unwrap();
    // Not a format saidso reads inside: skipped like any other file.
    fs::write(d.join("d.png.gz"), gzip(b"png")).unwrap();
    let c = Corpus::load(&LoadRequest::Paths(vec![d.to_path_buf()]));
    let titles: Vec<&str> = c.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Gzipped headline", "Zstd one", "Zstd two", "Bzipped page"]
    );
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert_eq!(c.skipped_files, 1);
}

#[test]
fn a_bomb_and_a_cut_off_file_are_named_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // 300 gzip members of 1 MiB of one letter each (about 300 KB on
    // disk): over the 256 MiB a file may be.
    let member = gzip(&vec![b'a'; 1 << 20]);
    fs::write(d.join("bomb.txt.gz"), member.repeat(300)).unwrap();
    let whole = gzip("A story cut short. ".repeat(10_000).as_bytes());
    fs::write(d.join("cut.txt.gz"), &whole[..whole.len() / 2]).unwrap();
    let c = Corpus::load(&LoadRequest::Paths(vec![d.to_path_buf()]));
    assert!(c.articles.is_empty());
    let reason = |name: &str| {
        let p = c.problems.iter().find(|p| p.path.ends_with(name)).unwrap();
        assert_eq!(p.severity, Severity::Skipped);
        p.problem.clone()
    };
    assert!(
        reason("bomb.txt.gz").contains("decompresses to over"),
        "{}",
        reason("bomb.txt.gz")
    );
    assert!(
        reason("cut.txt.gz").starts_with("damaged or cut-off gzip data"),
        "{}",
        reason("cut.txt.gz")
    );
}
