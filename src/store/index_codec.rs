//! How a search index segment is stored: its six columns as they lie in
//! memory (little-endian), each padded to 8 bytes after a header of their
//! lengths, so that a mapped store file is searched in place.
//!
//! A segment read back is checked against the articles it indexes (see
//! [`IndexSegment::from_columns`]); the columns are read in place when the
//! entry lies in a mapped file and is aligned, else copied.

use bytemuck::Pod;

use crate::corpus::{Article, Column, MappedFile};
use crate::search::IndexSegment;

/// Columns in a segment entry.
const COLUMNS: usize = 6;
const HEADER: usize = COLUMNS * 8;

/// The entry for `segment`.
pub fn encode(segment: &IndexSegment) -> Vec<u8> {
    let p = segment.parts();
    let columns: [&[u8]; COLUMNS] = [
        bytemuck::cast_slice(p.text),
        bytemuck::cast_slice(p.upper),
        bytemuck::cast_slice(p.para_start),
        bytemuck::cast_slice(p.para_number),
        bytemuck::cast_slice(p.para_flags),
        bytemuck::cast_slice(p.article_para),
    ];
    let body: usize = columns.iter().map(|c| c.len().next_multiple_of(8)).sum();
    let mut out = Vec::with_capacity(HEADER + body);
    for c in columns {
        out.extend_from_slice(&(c.len() as u64).to_le_bytes());
    }
    for c in columns {
        out.extend_from_slice(c);
        out.resize(out.len().next_multiple_of(8), 0);
    }
    out
}

/// The segment of `articles` stored in `bytes` (a slice of `map`, when
/// mapped), if it reads as one and fits them.
pub fn decode(
    bytes: &[u8],
    map: Option<&MappedFile>,
    articles: &[Article],
) -> Option<IndexSegment> {
    if cfg!(target_endian = "big") {
        return None;
    }
    let (header, mut rest) = bytes.split_at_checked(HEADER)?;
    let mut lens = [0usize; COLUMNS];
    for (len, raw) in lens.iter_mut().zip(header.chunks_exact(8)) {
        *len = usize::try_from(u64::from_le_bytes(raw.try_into().ok()?)).ok()?;
    }
    let mut take = |len: usize| -> Option<&[u8]> {
        let (column, after) = rest.split_at_checked(len)?;
        rest = after.get(len.next_multiple_of(8) - len..)?;
        Some(column)
    };
    let [text, upper, starts, numbers, flags, firsts] = lens;
    let text = column::<u8>(take(text)?, map)?;
    let upper = column::<u64>(take(upper)?, map)?;
    let starts = column::<u32>(take(starts)?, map)?;
    let numbers = column::<u32>(take(numbers)?, map)?;
    let flags = column::<u8>(take(flags)?, map)?;
    let firsts = column::<u32>(take(firsts)?, map)?;
    if !rest.is_empty() {
        return None;
    }
    IndexSegment::from_columns([starts, numbers, firsts], text, upper, flags, articles)
}

/// `bytes` as a column of `T`: in place in `map` when they lie there
/// aligned, else copied; `None` when they are not whole `T`s.
fn column<T: Pod>(bytes: &[u8], map: Option<&MappedFile>) -> Option<Column<T>> {
    if !bytes.len().is_multiple_of(std::mem::size_of::<T>()) {
        return None;
    }
    map.and_then(|m| Column::mapped(m, bytes))
        .or_else(|| Some(bytemuck::pod_collect_to_vec::<u8, T>(bytes).into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn a_segment_round_trips_and_damage_is_refused() {
        let corpus = Corpus::embedded();
        let seg = IndexSegment::build(&corpus.articles);
        let bytes = encode(&seg);
        let back = decode(&bytes, None, &corpus.articles).expect("decodes");
        assert_eq!(back.parts().text, seg.parts().text);
        assert_eq!(back.parts().para_number, seg.parts().para_number);
        // Every truncation is refused, never a panic.
        for n in (0..bytes.len()).step_by(7) {
            assert!(decode(&bytes[..n], None, &corpus.articles).is_none(), "{n}");
        }
        // Stored for other articles: refused.
        assert!(decode(&bytes, None, &corpus.articles[1..]).is_none());
        // A paragraph number past its article's paragraphs: refused.
        let mut evil = bytes.clone();
        let numbers_at = HEADER
            + [0, 1, 2]
                .iter()
                .map(|&i| {
                    let len = u64::from_le_bytes(bytes[i * 8..i * 8 + 8].try_into().unwrap());
                    (len as usize).next_multiple_of(8)
                })
                .sum::<usize>();
        evil[numbers_at..numbers_at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(decode(&evil, None, &corpus.articles).is_none());
    }
}
