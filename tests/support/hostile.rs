//! A directory of hostile input: what a careless scrape or a malicious file
//! can put in front of the reader.

use std::fs;
use std::path::Path;

/// Text that must never reach the terminal as bytes.
pub const TITLE_PAYLOAD: &str = "PWNED-TITLE";
pub const CLIPBOARD_PAYLOAD: &str = "cHduZWQ=";

/// Size of the huge file, in bytes.
pub const HUGE_BYTES: usize = 20_000_000;

/// Fill `dir` with one file per kind of trouble.
pub fn make_hostile_dir(dir: &Path) {
    let ansi = format!(
        "Escape headline\n\nText with \x1b[31mred\x1b[0m, a \x1b]0;{TITLE_PAYLOAD}\x07title, a \x1b]52;c;{CLIPBOARD_PAYLOAD}\x07clipboard, a \x1b[2Jclear, a \x1b[10;10Hmove, a \u{9b}31mC1, a \u{202E}reversed\u{202C} run and a bell\x07 end.\n"
    );
    fs::write(dir.join("ansi.txt"), ansi).unwrap();
    fs::write(
        dir.join("invalid.txt"),
        b"Invalid headline\n\nCaf\xe9 au lait \xff\xfe bytes end.\n",
    )
    .unwrap();
    fs::write(
        dir.join("binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00binary\x00stuff",
    )
    .unwrap();
    fs::write(dir.join("empty.txt"), b"").unwrap();
    fs::write(dir.join("bad.json"), b"{\"title\": \"half").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("dangling.txt")).unwrap();
    let mut huge = String::with_capacity(HUGE_BYTES + 200);
    huge.push_str("Huge headline\n\n");
    let mut n = 0;
    while huge.len() < HUGE_BYTES {
        n += 1;
        huge.push_str(&format!(
            "Paragraph {n} of the huge article says that “the talks went on,” a spokesperson said, and the minister added that more would follow.\n\n"
        ));
    }
    fs::write(dir.join("huge.txt"), huge).unwrap();
}
