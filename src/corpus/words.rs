//! A paragraph read as words: counting them (for length and reading
//! time), reading soft line breaks as spaces, and the key that says two
//! paragraphs hold the same words whatever their case and punctuation.

/// What makes two paragraphs "the same": their lower-cased letters and
/// digits, hashed (FNV-1a) with their count, so that comparing 100,000
/// paragraphs costs no allocation. (count, hash)
pub(super) fn duplicate_key(p: &str) -> (usize, u64) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut n = 0;
    // The lower-cased characters are gathered in a buffer and hashed
    // eight bytes at a time: a branch and a multiply per character cost
    // more than the rest of cleaning an article.
    let mut buf = [0u8; 64];
    let mut len = 0;
    let mut flush = |buf: &mut [u8; 64], len: &mut usize| {
        for chunk in buf[..*len].chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            h = (h ^ u64::from_le_bytes(word)).wrapping_mul(0x0100_0000_01b3);
        }
        *len = 0;
    };
    let bytes = p.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if len == buf.len() {
                flush(&mut buf, &mut len);
            }
            // Without a branch on the byte: written, and kept only when
            // it is a letter or digit.
            let lower = LOWER_ALNUM[usize::from(b)];
            buf[len] = lower;
            let keep = usize::from(lower != 0);
            len += keep;
            n += keep;
            i += 1;
        } else {
            let c = p[i..].chars().next().unwrap_or(' ');
            // Curly quotes and dashes (U+2000–U+206F) are common and never
            // letters: skip the Unicode table lookup for them.
            if !is_general_punctuation(c) && c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    if len + 4 > buf.len() {
                        flush(&mut buf, &mut len);
                    }
                    len += l.encode_utf8(&mut buf[len..]).len();
                    n += 1;
                }
            }
            i += c.len_utf8();
        }
    }
    flush(&mut buf, &mut len);
    (n, h)
}

/// Each ASCII byte as its lower-case letter or digit; 0 for the rest.
static LOWER_ALNUM: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// A paragraph with soft line breaks read as spaces.
pub(super) fn flatten(p: &str) -> String {
    p.replace('\n', " ").trim().to_string()
}

/// Words: white-space separated tokens holding a letter or digit; in
/// Chinese and Japanese, which do not space words, each ideograph or kana
/// counts as one (the usual convention for length and reading time).
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    // The current token holds a letter or digit of a spaced script.
    let mut spaced_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII a byte at a time, without decoding.
        if b.is_ascii() {
            let lower = LOWER_ALNUM[usize::from(b)];
            if lower != 0 {
                spaced_word = true;
            } else if b.is_ascii_whitespace() {
                words += usize::from(std::mem::take(&mut spaced_word));
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if is_general_punctuation(c) {
            // Quotes and dashes neither end nor make a word.
        } else if c.is_whitespace() {
            words += usize::from(std::mem::take(&mut spaced_word));
        } else if is_unspaced_script(c) {
            words += 1;
        } else if c.is_alphanumeric() {
            spaced_word = true;
        }
    }
    words + usize::from(spaced_word)
}

/// U+2000–U+206F: typographic quotes, dashes, ellipses, odd spaces.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// Han ideographs and Japanese kana.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}
