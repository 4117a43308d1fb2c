//! The registry's merging of names, roles and descriptions.

use super::*;

pub(super) fn form(name: &str, kind: NameKind, at: usize) -> NameForm<'_> {
    NameForm {
        name,
        role: "",
        prefix: "",
        kind,
        gender: Gender::Unknown,
        range: at..at + name.len(),
    }
}

#[test]
fn a_courtesy_title_is_not_a_role() {
    let mut r = Registry::default();
    let id = r
        .add_name(&NameForm {
            role: "Mrs.",
            ..form("Clinton", NameKind::Unknown, 0)
        })
        .unwrap();
    assert_eq!(r.get(id).role, None);
    r.get_mut(id).add_role("former secretary of state");
    assert_eq!(r.get(id).role.as_deref(), Some("former secretary of state"));
}

#[test]
fn an_honorific_of_the_other_gender_is_another_person() {
    let mut r = Registry::default();
    let bill = r.add_name(&NameForm {
        gender: Gender::Male,
        ..form("Bill Clinton", NameKind::Person, 0)
    });
    let mrs = r.add_name(&NameForm {
        gender: Gender::Female,
        ..form("Clinton", NameKind::Unknown, 20)
    });
    assert_ne!(bill, mrs);
    let again = r.add_name(&form("Clinton", NameKind::Unknown, 40));
    assert!(again == bill || again == mrs);
}

#[test]
fn surname_and_full_name_are_one_person() {
    let mut r = Registry::default();
    let a = r.add_name(&form("Lavrov", NameKind::Unknown, 0));
    let b = r.add_name(&form("Sergei Lavrov", NameKind::Person, 10));
    let c = r.add_name(&form("Sergey Lavrov", NameKind::Person, 20));
    assert_eq!(a, b);
    assert_eq!(b, c);
    let e = r.get(a.unwrap());
    assert_eq!(e.name, "Sergei Lavrov");
    assert_eq!(e.kind, EntityKind::Person);
}

#[test]
fn family_name_first_matches_the_first_word() {
    let mut r = Registry::default();
    let a = r.add_name(&form("Xi Jinping", NameKind::Person, 0));
    let b = r.add_name(&form("Xi", NameKind::Unknown, 10));
    assert_eq!(a, b);
    // Only family names written first: "Trump" is not "Trump Train".
    let c = r.add_name(&form("Trump Train", NameKind::Unknown, 20));
    let d = r.add_name(&form("Trump", NameKind::Unknown, 30));
    assert_ne!(c, d);
}

#[test]
fn different_given_names_are_different_people() {
    let mut r = Registry::default();
    let a = r.add_name(&form("Sarah Smith", NameKind::Person, 0));
    let b = r.add_name(&form("Susan Smith", NameKind::Person, 10));
    assert_ne!(a, b);
    // Each named once: the bare surname goes to the most recent Smith.
    assert_eq!(r.add_name(&form("Smith", NameKind::Unknown, 20)), b);
}

#[test]
fn organisations_match_their_initials() {
    let mut r = Registry::default();
    let a = r.add_name(&form(
        "International Criminal Court",
        NameKind::Organisation,
        0,
    ));
    let b = r.add_name(&form("ICC", NameKind::Organisation, 30));
    assert_eq!(a, b);
}

#[test]
fn given_name_agreement() {
    assert!(given_names_agree("sergei", "sergey"));
    assert!(given_names_agree("dmitry", "dmitri"));
    assert!(given_names_agree("j.", "john"));
    assert!(!given_names_agree("sarah", "susan"));
    assert!(!given_names_agree("dan", "dmitry"));
}

#[test]
fn a_family_surname_goes_to_the_member_named_most() {
    let mut r = Registry::default();
    let clara = r.add_name(&form("Clara Voss", NameKind::Person, 0));
    assert_eq!(r.add_name(&form("Voss", NameKind::Unknown, 10)), clara);
    let peter = r.add_name(&form("Peter Voss", NameKind::Person, 20));
    assert_ne!(peter, clara);
    // Peter is the most recent, Clara the one named most.
    assert_eq!(r.add_name(&form("Voss", NameKind::Unknown, 30)), clara);
}
