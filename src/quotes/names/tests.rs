use super::super::tokens::tokenize;
use super::*;

fn found(text: &str) -> Vec<(String, String, NameKind)> {
    let toks = tokenize(text, 0..text.len(), &[]);
    let span = |r: &Range<usize>| {
        if r.is_empty() {
            String::new()
        } else {
            text[toks.list[r.start].start..toks.list[r.end - 1].end].to_string()
        }
    };
    // Weak mentions of common words count only against known names.
    find_mentions(text, &toks)
        .iter()
        .filter(|m| !(m.weak && toks.list[m.name.start].flags != 0))
        .map(|m| {
            let role = if m.role.is_empty() {
                &m.appositive
            } else {
                &m.role
            };
            (span(&m.name), span(role), m.kind)
        })
        .collect()
}

fn one(text: &str) -> (String, String, NameKind) {
    found(text).into_iter().next().expect("a mention")
}

#[test]
fn groups_and_places_are_not_people() {
    assert_eq!(
        one("they moved to a flat in Brackwell last spring"),
        ("Brackwell".into(), "".into(), NameKind::Place)
    );
    assert_eq!(
        one("more Americans were taken"),
        ("Americans".into(), "".into(), NameKind::Organisation)
    );
    assert_eq!(
        one("the Democratic frontrunner"),
        ("Democratic".into(), "".into(), NameKind::Organisation)
    );
}

#[test]
fn a_title_after_an_honorific_is_a_family_name() {
    assert_eq!(
        one("Mr. King said"),
        ("King".into(), "Mr.".into(), NameKind::Person)
    );
}

#[test]
fn titles_split_role_from_name() {
    assert_eq!(
        one("Russian Foreign Minister Sergei Lavrov said"),
        (
            "Sergei Lavrov".into(),
            "Russian Foreign Minister".into(),
            NameKind::Person
        )
    );
    assert_eq!(
        one("and Secretary of State Antony Blinken said"),
        (
            "Antony Blinken".into(),
            "Secretary of State".into(),
            NameKind::Person
        )
    );
    assert_eq!(
        one("then Treasury Secretary Janet Yellen said"),
        (
            "Janet Yellen".into(),
            "Treasury Secretary".into(),
            NameKind::Person
        )
    );
}

#[test]
fn lower_case_roles_extend_backwards() {
    assert_eq!(
        one("as Chinese foreign ministry spokesman Zhao Lijian said"),
        (
            "Zhao Lijian".into(),
            "Chinese foreign ministry spokesman".into(),
            NameKind::Person
        )
    );
}

#[test]
fn appositives_give_a_role() {
    assert_eq!(
        one("said Maria de la Cruz, a spokeswoman for the union, on Monday"),
        (
            "Maria de la Cruz".into(),
            "spokeswoman for the union".into(),
            NameKind::Person
        )
    );
}

#[test]
fn organisations_and_places() {
    assert_eq!(one("after the White House said").2, NameKind::Organisation);
    assert_eq!(one("the agency TASS quoted").2, NameKind::Organisation);
    assert_eq!(one("flew to Hong Kong on").2, NameKind::Place);
    assert_eq!(one("then Russia said").2, NameKind::Place);
}

#[test]
fn of_after_a_name_is_not_part_of_it() {
    let f = found("hosting Prime Minister Fumio Kishida of Japan for");
    assert_eq!(f[0].0, "Fumio Kishida");
    assert_eq!(f[1].2, NameKind::Place);
}

#[test]
fn sentence_openers_are_not_names() {
    assert!(found("The talks ended. However, nothing changed.").is_empty());
}

#[test]
fn a_common_word_capitalised_alone_is_a_weak_mention() {
    let text = "“It is late,” Read said.";
    let toks = tokenize(text, 0..text.len(), &[]);
    let m = find_mentions(text, &toks);
    assert_eq!(m.len(), 1);
    assert!(m[0].weak, "counts only if Read is known");
}
