//! Checking the quotations and speakers found in a text written for a
//! test.

use saidso::corpus::{Origin, assemble::article_from_bytes};
use saidso::quotes::find_quotes;

/// `text` as an article; every quotation in order: (its first words, who
/// said it — `None` for a scare quote, term or title).
pub fn check(text: &str, expected: &[(&str, Option<&str>)]) {
    let article = article_from_bytes("case.txt".into(), Origin::Embedded, text.as_bytes());
    let found = find_quotes(&article);
    let got: Vec<(String, Option<String>)> = found
        .quotes
        .iter()
        .map(|q| {
            (
                q.text(&article)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                found.speaker_of(q).map(|s| s.name.clone()),
            )
        })
        .collect();
    let show = || {
        got.iter()
            .map(|(t, s)| format!("  {:?}: {t}", s.as_deref().unwrap_or("—")))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        got.len(),
        expected.len(),
        "quotation count in\n{text}\nfound:\n{}",
        show()
    );
    for ((text_got, speaker_got), (start, speaker)) in got.iter().zip(expected) {
        assert!(
            text_got.starts_with(start),
            "expected a quotation starting {start:?}; found:\n{}",
            show()
        );
        match (speaker, speaker_got) {
            (None, None) => {}
            (Some(want), Some(got_name)) => assert!(
                got_name == want || got_name.ends_with(&format!(" {want}")),
                "{start:?}: speaker {got_name:?}, expected {want:?}; found:\n{}",
                show()
            ),
            _ => panic!(
                "{start:?}: speaker {speaker_got:?}, expected {speaker:?}; found:\n{}",
                show()
            ),
        }
    }
}
