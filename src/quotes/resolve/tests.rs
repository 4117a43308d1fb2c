use super::super::names::NameKind;
use super::super::speakers::NameForm;
use super::*;

fn at(para: usize, sentence: usize, pos: usize) -> At {
    At {
        para,
        sentence,
        pos,
    }
}

fn person(reg: &mut Registry, name: &str, role: &str, gender: Gender, pos: usize) -> EntityId {
    reg.add_name(&NameForm {
        name,
        role,
        prefix: role,
        kind: NameKind::Person,
        gender,
        range: pos..pos + name.len(),
    })
    .expect("a person")
}

#[test]
fn he_prefers_the_recent_speaker_over_an_object() {
    let mut reg = Registry::default();
    let zhao = person(&mut reg, "Zhao Lijian", "spokesman", Gender::Unknown, 0);
    let putin = person(&mut reg, "Vladimir Putin", "President", Gender::Male, 50);
    let mut s = Salience::default();
    s.add(zhao, at(0, 0, 0), weight::SPEAKER);
    s.add(putin, at(0, 1, 50), weight::OBJECT);
    assert_eq!(s.pronoun(&reg, Pronoun::He, at(0, 1, 100)), Some(zhao));
}

#[test]
fn she_skips_men() {
    let mut reg = Registry::default();
    let yellen = person(&mut reg, "Janet Yellen", "", Gender::Female, 0);
    let biden = person(&mut reg, "Joe Biden", "", Gender::Male, 20);
    let mut s = Salience::default();
    s.add(yellen, at(0, 0, 0), weight::SUBJECT);
    s.add(biden, at(0, 1, 20), weight::SUBJECT);
    assert_eq!(s.pronoun(&reg, Pronoun::She, at(1, 2, 100)), Some(yellen));
    assert_eq!(s.pronoun(&reg, Pronoun::He, at(1, 2, 100)), Some(biden));
}

#[test]
fn descriptions_match_roles_and_nationality() {
    let mut reg = Registry::default();
    let biden = person(&mut reg, "Joe Biden", "US President", Gender::Male, 0);
    let xi = person(
        &mut reg,
        "Xi Jinping",
        "Chinese counterpart",
        Gender::Male,
        20,
    );
    reg.get_mut(xi).add_role("President");
    let mut s = Salience::default();
    s.add(biden, at(0, 0, 0), weight::SUBJECT);
    s.add(xi, at(0, 0, 20), weight::OBJECT);
    let d = Description {
        head: "president".into(),
        modifiers: vec!["chinese".into()],
    };
    assert_eq!(s.description(&reg, &d, at(0, 0, 100)), Some(xi));
    let d = Description {
        head: "president".into(),
        modifiers: vec![],
    };
    assert_eq!(s.description(&reg, &d, at(0, 0, 100)), Some(biden));
}

#[test]
fn nothing_fits_nothing_is_returned() {
    let reg = Registry::default();
    let s = Salience::default();
    assert_eq!(s.pronoun(&reg, Pronoun::He, at(0, 0, 0)), None);
}
