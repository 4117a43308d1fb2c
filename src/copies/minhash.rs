//! MinHash signatures of shingle sets and LSH banding: which pairs of
//! articles are worth comparing exactly, found without comparing all pairs.
//!
//! A signature has [`HASHES`] entries; two sets agree on one entry with
//! probability equal to their Jaccard similarity. The signature is cut
//! into [`BANDS`] bands of [`ROWS`] entries; two articles are candidates
//! when a whole band agrees, which happens with probability
//! 1 − (1 − J^ROWS)^BANDS:
//!
//! | Jaccard | 0.2  | 0.3  | 0.5  | 0.6   | 0.8   |
//! |---------|------|------|------|-------|-------|
//! | found   | 0.23 | 0.58 | 0.986| 0.998 | 1.000 |
//!
//! so a copy (Jaccard ≥ 0.8, or a trimmed copy, ≥ 0.5: see
//! [`super::verify`]) is all but never missed; the many pairs of stories
//! that share a sentence or two and still fall into a bucket are mostly
//! dropped by [`MIN_ESTIMATE`] before any exact comparison.
//!
//! The signature is one-permutation MinHash with densification by rotation
//! (Li, Owen and Zhang 2012; Shrivastava and Li 2014): each shingle's
//! (mixed, 64-bit) hash picks one of the entries by its high bits and
//! offers its low 32 bits there; each entry keeps the least; an entry no
//! shingle reached borrows from the next one that was reached, with an
//! offset for the distance. One hash per shingle instead of one per entry
//! and shingle: on 20,000 articles the 96-function version spent 2.4 s of
//! its 2.6 s making signatures. The same input gives the same signature on
//! every run and platform.

use rayon::prelude::*;

use super::shingles::mix;

/// Rows per band.
pub const ROWS: usize = 3;
/// Bands per signature.
pub const BANDS: usize = 32;
/// Signature entries.
pub const HASHES: usize = ROWS * BANDS;

/// One article's signature.
pub type Signature = [u32; HASHES];

/// Added to a borrowed value per entry of distance, so that an entry
/// borrowed from its neighbour does not pass for one reached directly.
const ROTATION: u32 = 0x9e37_79b9;

/// The signature of a set of (mixed) shingle hashes; all `u32::MAX` when
/// the set is empty.
pub fn signature(shingles: &[u64]) -> Signature {
    let mut sig = [u32::MAX; HASHES];
    let mut reached = [false; HASHES];
    for &s in shingles {
        // The entry from the high bits (a multiply-high range reduction),
        // the value from the low ones: independent parts of a mixed hash.
        let bin = ((u128::from(s) * HASHES as u128) >> 64) as usize;
        sig[bin] = sig[bin].min(s as u32);
        reached[bin] = true;
    }
    if shingles.is_empty() {
        return sig;
    }
    let borrowed: Vec<(usize, u32)> = (0..HASHES)
        .filter(|&j| !reached[j])
        .map(|j| {
            let t = (1..HASHES).find(|t| reached[(j + t) % HASHES]).unwrap_or(0);
            (
                j,
                sig[(j + t) % HASHES].wrapping_add(ROTATION.wrapping_mul(t as u32)),
            )
        })
        .collect();
    for (j, v) in borrowed {
        sig[j] = v;
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

/// How many candidates an article keeps, the most alike first.
pub const PER_ARTICLE: usize = 16;

/// The share of signature entries a candidate must agree on to be
/// compared exactly: the signature's estimate of their Jaccard. Every copy
/// is at least 0.5 alike (see [`super::verify`]), and with 96 entries an
/// estimate of a 0.5 pair falls below 0.35 about once in a thousand (three
/// standard deviations); stories that merely share sentences, which the
/// bands let through often, stop here without their shingles being made
/// again.
pub const MIN_ESTIMATE: f64 = 0.35;

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
    hits.par_iter_mut()
        .enumerate()
        .for_each(|(x, h)| rank(x, h, sigs));
    Some(hits)
}

/// Sort one article's hits (one per shared band) into distinct
/// candidates whose signatures agree on at least [`MIN_ESTIMATE`] of their
/// entries, most alike first, then earliest; keep the best.
fn rank(x: usize, hits: &mut Vec<u32>, sigs: &[Option<Signature>]) {
    if hits.is_empty() {
        return;
    }
    hits.sort_unstable();
    hits.dedup();
    let Some(mine) = &sigs[x] else {
        hits.clear();
        return;
    };
    let mut alike: Vec<(usize, u32)> = hits
        .iter()
        .filter_map(|&y| {
            let theirs = sigs[y as usize].as_ref()?;
            let agree = mine.iter().zip(theirs).filter(|(a, b)| a == b).count();
            (agree as f64 >= MIN_ESTIMATE * HASHES as f64).then_some((agree, y))
        })
        .collect();
    alike.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    alike.truncate(PER_ARTICLE);
    hits.clear();
    hits.extend(alike.iter().map(|&(_, y)| y));
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
