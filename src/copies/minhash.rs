//! MinHash signatures of shingle sets and LSH banding: which pairs of
//! articles are worth comparing exactly, found without comparing all pairs.
//!
//! A signature is the minimum of each of [`HASHES`] hash functions over an
//! article's shingles; two sets agree on one entry with probability equal
//! to their Jaccard similarity. The signature is cut into [`BANDS`] bands
//! of [`ROWS`] entries; two articles are candidates when a whole band
//! agrees, which happens with probability 1 − (1 − J^ROWS)^BANDS:
//!
//! | Jaccard | 0.2  | 0.3  | 0.5  | 0.6   | 0.8   |
//! |---------|------|------|------|-------|-------|
//! | found   | 0.23 | 0.58 | 0.986| 0.998 | 1.000 |
//!
//! so a copy (Jaccard ≥ 0.8, or a trimmed copy, ≥ 0.5: see
//! [`super::verify`]) is all but never missed, and unrelated stories
//! sharing a sentence or two are mostly never compared.
//!
//! The hash family is multiply-shift over a mixed 64-bit shingle hash,
//! with constants drawn from a fixed splitmix64 sequence, so a signature
//! is the same on every run and platform.

use super::shingles::mix;

/// Rows per band.
pub const ROWS: usize = 3;
/// Bands per signature.
pub const BANDS: usize = 32;
/// Hash functions (signature entries).
pub const HASHES: usize = ROWS * BANDS;

/// One article's signature.
pub type Signature = [u32; HASHES];

/// The hash family's (odd multiplier, addend) pairs, from splitmix64
/// seeded with a fixed constant.
const FAMILY: [(u64, u64); HASHES] = {
    let mut out = [(0u64, 0u64); HASHES];
    let mut state: u64 = 0x005a_1d50_00c0_b1e5_u64;
    let mut i = 0;
    while i < HASHES {
        let mut pair = [0u64; 2];
        let mut k = 0;
        while k < 2 {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            pair[k] = z ^ (z >> 31);
            k += 1;
        }
        out[i] = (pair[0] | 1, pair[1]);
        i += 1;
    }
    out
};

/// The signature of a set of shingle hashes (all `u32::MAX` when empty).
pub fn signature(shingles: &[u64]) -> Signature {
    let mut sig = [u32::MAX; HASHES];
    for &s in shingles {
        for (slot, &(a, b)) in sig.iter_mut().zip(&FAMILY) {
            // Multiply-shift: the high half of a·x + b is a universal hash.
            let v = (a.wrapping_mul(s).wrapping_add(b) >> 32) as u32;
            *slot = (*slot).min(v);
        }
    }
    sig
}

/// The key of band `band` of `sig`: its rows hashed with the band's
/// number, so equal rows in different bands never meet.
pub fn band_key(sig: &Signature, band: usize) -> u64 {
    let rows = &sig[band * ROWS..(band + 1) * ROWS];
    let mut h = mix(band as u64 + 1);
    for &r in rows {
        h = mix(h ^ u64::from(r));
    }
    h
}

/// How many earlier articles of one bucket an article is compared with:
/// the earliest ones, where a group's lead is. Bounds the work of a bucket
/// that many articles fall into (a story run a hundred times) to a
/// constant per article instead of its size squared.
pub const PER_BUCKET: usize = 8;

/// How many candidates an article keeps, those sharing most bands first
/// (a copy shares nearly all 32; a shared quotation a few).
pub const PER_ARTICLE: usize = 16;

/// For each position `x` of `sigs` (articles in lead order: earliest
/// first), the earlier positions worth verifying against it, best first.
/// `None` signatures (articles too short to take part) are left out.
///
/// Each band is a sorted array of (key, position), so a bucket is a run
/// of equal keys; work is O(n · BANDS · (log n + PER_BUCKET)) and memory
/// O(n · BANDS), never the number of pairs.
pub fn candidates(
    sigs: &[Option<Signature>],
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Vec<u32>>> {
    let n = sigs.len();
    let mut hits: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut band: Vec<(u64, u32)> = Vec::with_capacity(n);
    for b in 0..BANDS {
        if cancelled() {
            return None;
        }
        band.clear();
        band.extend(
            sigs.iter()
                .enumerate()
                .filter_map(|(x, s)| s.as_ref().map(|s| (band_key(s, b), x as u32))),
        );
        band.sort_unstable();
        for run in band.chunk_by(|p, q| p.0 == q.0) {
            for (k, &(_, x)) in run.iter().enumerate().skip(1) {
                hits[x as usize].extend(run[..k.min(PER_BUCKET)].iter().map(|&(_, y)| y));
            }
        }
    }
    for h in &mut hits {
        rank(h);
    }
    Some(hits)
}

/// Sort one article's hits (one per shared band) into distinct
/// candidates, most shared bands first, then earliest; keep the best.
fn rank(hits: &mut Vec<u32>) {
    if hits.is_empty() {
        return;
    }
    hits.sort_unstable();
    let mut counted: Vec<(usize, u32)> = hits
        .chunk_by(|a, b| a == b)
        .map(|run| (run.len(), run[0]))
        .collect();
    counted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    counted.truncate(PER_ARTICLE);
    hits.clear();
    hits.extend(counted.iter().map(|&(_, y)| y));
    hits.shrink_to_fit();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_sets_have_equal_signatures_and_agree_in_proportion_to_jaccard() {
        let a: Vec<u64> = (0..1000u64).map(mix).collect();
        assert_eq!(signature(&a), signature(&a));
        // Half of b's elements are a's: Jaccard 500 / 1500 = 1/3.
        let b: Vec<u64> = (500..1500u64).map(mix).collect();
        let (sa, sb) = (signature(&a), signature(&b));
        let agree = sa.iter().zip(&sb).filter(|(x, y)| x == y).count();
        let share = agree as f64 / HASHES as f64;
        assert!((0.15..0.55).contains(&share), "{share}");
    }

    #[test]
    fn only_similar_articles_are_candidates() {
        let a: Vec<u64> = (0..400u64).map(mix).collect();
        let mut near = a.clone();
        near.truncate(380);
        let other: Vec<u64> = (10_000..10_400u64).map(mix).collect();
        let sigs = [
            Some(signature(&a)),
            Some(signature(&other)),
            Some(signature(&near)),
            None,
        ];
        let c = candidates(&sigs, &|| false).expect("not cancelled");
        assert_eq!(c, vec![vec![], vec![], vec![0], vec![]]);
    }
}
