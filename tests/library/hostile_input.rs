//! Hostile input through the core: nothing panics, every file is accounted
//! for, and no article text keeps a character a terminal would act on.

use crate::support::hostile::{self, make_hostile_dir};
use saidso::corpus::sanitize::is_terminal_safe;
use saidso::corpus::{Corpus, LoadRequest, Severity};

#[test]
fn a_hostile_directory_loads_what_it_can_and_names_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    make_hostile_dir(dir.path());
    let c = Corpus::load(&LoadRequest::Paths(vec![dir.path().to_path_buf()]));

    let titles: Vec<&str> = c.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Escape headline", "Huge headline", "Invalid headline"]
    );
    for a in &c.articles {
        assert!(
            is_terminal_safe(&a.text),
            "{} keeps a control character",
            a.path
        );
        assert!(is_terminal_safe(&a.title));
    }

    let problem = |name: &str| {
        c.problems
            .iter()
            .find(|p| p.path.ends_with(name))
            .unwrap_or_else(|| panic!("no problem reported for {name}: {:?}", c.problems))
    };
    assert_eq!(problem("binary.txt").severity, Severity::Skipped);
    assert!(problem("binary.txt").problem.contains("binary"));
    assert_eq!(problem("empty.txt").problem, "empty file");
    assert!(
        problem("bad.json")
            .problem
            .starts_with("invalid JSON at line 1")
    );
    assert!(problem("dangling.txt").problem.starts_with("cannot open"));
    assert_eq!(problem("invalid.txt").severity, Severity::Repaired);
    assert!(problem("invalid.txt").problem.contains("invalid UTF-8"));
    assert!(problem("ansi.txt").problem.contains("escape sequence"));

    let ansi = &c.articles[0];
    assert!(ansi.text.contains("Text with red, a title, a clipboard, a clear, a move, a C1, a reversed run and a bell␇ end."), "{}", ansi.text);
    assert!(!ansi.text.contains(hostile::TITLE_PAYLOAD));
    let huge = &c.articles[1];
    assert!(huge.text.len() >= hostile::HUGE_BYTES - 200);
    assert!(huge.paragraphs.len() > 100_000);
}
