//! Putting text on the user's clipboard through the terminal: OSC 52,
//! `ESC ] 52 ; c ; <base64> BEL`. The terminal does the copying, so it
//! works over SSH and inside tmux (with `set-clipboard on`) where no
//! clipboard program could reach the user's desktop.

use std::io::{self, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// Most text sent at once: terminals cap OSC 52 (xterm and tmux at about
/// 100 000 bytes of base64), and drop longer sequences silently.
pub const MAX_BYTES: usize = 74_000;

/// The sequence that sets the clipboard to `text`, with any control
/// character dropped first: article text is sanitised on load, but what
/// lands on a clipboard may be pasted into a shell, so nothing that
/// could act there (ESC, BEL, a newline running a command) gets through.
pub fn osc52(text: &str) -> Vec<u8> {
    let safe: String = text.chars().filter(|c| !c.is_control()).collect();
    let mut seq = b"\x1b]52;c;".to_vec();
    seq.extend_from_slice(STANDARD.encode(safe.as_bytes()).as_bytes());
    seq.push(0x07);
    seq
}

/// Write the sequence for `text` to the terminal and flush it.
pub fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(&osc52(text))?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_the_text_in_base64() {
        let seq = osc52("“Ready,” — Lavrov");
        let s = std::str::from_utf8(&seq).unwrap();
        let b64 = s
            .strip_prefix("\x1b]52;c;")
            .and_then(|r| r.strip_suffix('\x07'))
            .unwrap();
        assert_eq!(
            STANDARD.decode(b64).unwrap(),
            "“Ready,” — Lavrov".as_bytes()
        );
    }

    #[test]
    fn control_characters_never_reach_the_clipboard() {
        let seq = osc52("a\x1b]52;c;eA==\x07b\nc\u{9b}d");
        let b64 = &seq[7..seq.len() - 1];
        assert!(!b64.iter().any(|b| b.is_ascii_control()));
        let decoded = STANDARD.decode(b64).unwrap();
        assert_eq!(decoded, b"a]52;c;eA==bcd");
        // One BEL, the terminator; one ESC, the introducer.
        assert_eq!(seq.iter().filter(|&&b| b == 0x07).count(), 1);
        assert_eq!(seq.iter().filter(|&&b| b == 0x1b).count(), 1);
    }
}
