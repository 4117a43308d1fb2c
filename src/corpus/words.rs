//! A paragraph read as words: counting them (for length and reading
//! time), reading soft line breaks as spaces, and the key that says two
//! paragraphs hold the same words whatever their case and punctuation.

/// What makes two paragraphs "the same": their lower-cased letters and
/// digits, hashed (FNV-1a) with their count, so that comparing 100,000
/// paragraphs costs no allocation. (count, hash)
pub(super) fn duplicate_key(p: &str) -> (usize, u64) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut n = 0;
    let mut eat = |c: u32| {
        h ^= u64::from(c);
        h = h.wrapping_mul(0x0100_0000_01b3);
        n += 1;
    };
    let bytes = p.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                eat(u32::from(b.to_ascii_lowercase()));
            }
            i += 1;
        } else {
            let c = p[i..].chars().next().unwrap_or(' ');
            // Curly quotes and dashes (U+2000–U+206F) are common and never
            // letters: skip the Unicode table lookup for them.
            if !is_general_punctuation(c) && c.is_alphanumeric() {
                c.to_lowercase().for_each(|l| eat(l as u32));
            }
            i += c.len_utf8();
        }
    }
    (n, h)
}

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
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_whitespace() {
                words += usize::from(std::mem::take(&mut spaced_word));
            } else if c.is_ascii_alphanumeric() {
                spaced_word = true;
            }
        } else if is_general_punctuation(c) {
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
