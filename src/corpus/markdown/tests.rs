//! The Markdown reader on small documents: what a person would notice.

use super::*;
use crate::corpus::sanitize::sanitize;

fn doc(md: &str) -> Document {
    read(md.as_bytes())
}

fn paragraphs(d: &Document) -> Vec<&str> {
    d.body.split("\n\n").collect()
}

fn emphasised(d: &Document) -> Vec<(&str, Emphasis)> {
    d.emphasis
        .iter()
        .map(|(r, e)| (&d.body[r.clone()], *e))
        .collect()
}

#[test]
fn the_text_is_read_without_its_markup() {
    let d = doc("# The harbour *reopens*\n\n\
         The fleet left [Port Wen](https://port.example/wen \"Port\") at\n\
         dawn, `on time`.  \nCrews cheered.\n\n\
         > “We are ready,” said\n> Nils Berg.\n\n\
         - nets mended\n- boats fuelled\n\n\
         3. first\n4. second\n\n\
         ![a trawler at dawn](boat.jpg)\n\n\
         ---\n\n\
         ## After the storm\n\n\
         Prices fell &amp; rose.\n");
    assert_eq!(d.title.as_deref(), Some("The harbour reopens"));
    assert_eq!(
        paragraphs(&d),
        [
            "The fleet left Port Wen at dawn, on time. Crews cheered.",
            "“We are ready,” said Nils Berg.",
            "• nets mended",
            "• boats fuelled",
            "3. first",
            "4. second",
            "After the storm",
            "Prices fell & rose.",
        ]
    );
}

#[test]
fn emphasis_covers_exactly_the_emphasised_words() {
    let d = doc(
        "Title\n=====\n\nIt was *very* cold, **bitterly** so; ***both*** at once,\n\
                 and _under_ __lines__ too: *a **nested** pair*.\n",
    );
    assert_eq!(
        emphasised(&d),
        [
            ("very", Emphasis::Italic),
            ("bitterly", Emphasis::Bold),
            ("both", Emphasis::Italic),
            ("both", Emphasis::Bold),
            ("under", Emphasis::Italic),
            ("lines", Emphasis::Bold),
            ("a nested pair", Emphasis::Italic),
            ("nested", Emphasis::Bold),
        ]
    );
    assert!(!d.body.contains(['*', '_']), "{}", d.body);
}

#[test]
fn front_matter_gives_the_metadata_and_a_heading_saying_the_same_goes() {
    let d = doc("---\ntitle: Harbour reopens\nauthor: [Ann Lee]\n---\n\n\
                 # Harbour  reopens\n\nThe fleet sailed.\n");
    assert_eq!(d.front_matter.title.as_deref(), Some("Harbour reopens"));
    assert_eq!(d.front_matter.byline.as_deref(), Some("Ann Lee"));
    assert_eq!(d.title, None, "the front matter's title is the title");
    assert_eq!(d.body, "The fleet sailed.");
    // A heading saying something else is story text.
    let d = doc("---\ntitle: Harbour reopens\n---\n# Day one\n\nThe fleet sailed.\n");
    assert_eq!(d.body, "Day one\n\nThe fleet sailed.");
}

#[test]
fn a_section_heading_after_the_story_starts_is_not_the_title() {
    let d = doc("The fleet sailed at dawn.\n\n## Background\n\nStorms came.\n");
    assert_eq!(d.title, None);
    assert_eq!(
        paragraphs(&d),
        ["The fleet sailed at dawn.", "Background", "Storms came."]
    );
    // A level-one heading is the title wherever it stands.
    let d = doc("Kicker line.\n\n# Harbour reopens\n\nStorms came.\n");
    assert_eq!(d.title.as_deref(), Some("Harbour reopens"));
    assert_eq!(d.body, "Kicker line.\n\nStorms came.");
}

#[test]
fn front_matter_that_is_not_read_is_a_note_not_a_failure() {
    let a = article(
        "a.md",
        Origin::Embedded,
        b"---\ntitle: [unclosed\nauthor: Ann\n---\n# Harbour reopens\n\nThe fleet sailed.\n",
    )
    .expect("an article");
    assert_eq!(a.title, "Harbour reopens");
    assert!(
        a.notes
            .iter()
            .any(|n| !n.repair && n.text.starts_with("front matter not read")),
        "{:?}",
        a.notes
    );
}

#[test]
fn html_becomes_text_and_scripts_go() {
    let d = doc("# Title\n\n<script>alert('x')</script>\n\n\
                 <div class=\"box\"><p>Boxed &amp; kept.</p><style>p{}</style></div>\n\n\
                 A <b>bold</b> tag,<br>a break and <script>bad()</script>no script.\n");
    assert_eq!(
        paragraphs(&d),
        ["Boxed & kept.", "A bold tag, a break and no script."]
    );
}

#[test]
fn escapes_behind_entities_and_raw_are_removed_and_noted() {
    let a = article(
        "a.md",
        Origin::Embedded,
        b"# Red &#x1b;[31malert\n\nThe \x1b]0;owned\x07 text &#x9b;2J *stays* &#7; here.\n",
    )
    .expect("an article");
    assert!(crate::corpus::sanitize::is_terminal_safe(&a.text));
    assert_eq!(a.title, "Red alert");
    assert!(
        !a.text.contains("[31m") && !a.text.contains("owned"),
        "{:?}",
        a.text
    );
    assert!(
        a.notes
            .iter()
            .any(|n| n.repair && n.text.contains("escape")),
        "{:?}",
        a.notes
    );
    let (r, e) = &a.emphasis[0];
    assert_eq!((&a.text[r.clone()], *e), ("stays", Emphasis::Italic));
}

#[test]
fn sanitising_the_written_body_again_changes_nothing() {
    let md = "# T\u{202e}itle\n\nTabs\tand\u{a0}odd\u{2028}  spaces \\\nend  \n\n- \n- item *x*\n\n```\ncode  \nline\n```\n\n| a | b |\n|---|---|\n| 1 | |\n";
    let d = doc(md);
    let (again, report) = sanitize(d.body.as_bytes());
    assert_eq!(again, d.body);
    assert_eq!(report, SanitizeReport::default());
    assert_eq!(
        paragraphs(&d),
        [
            "Tabs and odd spaces end",
            "• item x",
            "code",
            "line",
            "a | b",
            "1 |"
        ]
    );
    let a = article("a.md", Origin::Embedded, md.as_bytes()).expect("an article");
    let (r, _) = &a.emphasis[0];
    assert_eq!(&a.text[r.clone()], "x");
}

#[test]
fn nothing_to_read_is_no_article() {
    assert!(article("a.md", Origin::Embedded, b"---\ntitle:\n---\n").is_none());
    assert!(article("a.md", Origin::Embedded, b"<script>x()</script>\n").is_none());
    assert!(article("a.md", Origin::Embedded, b"![alt](pic.png)\n").is_none());
}
