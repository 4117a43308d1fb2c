use super::*;
use crate::quotes::quotes_of;

fn index(texts: &[&str]) -> SpeakerIndex {
    let found = quotes_of(texts);
    let refs: Vec<&ArticleQuotes> = found.iter().collect();
    SpeakerIndex::build(&refs)
}

fn names(ix: &SpeakerIndex) -> Vec<(&str, usize)> {
    ix.speakers
        .iter()
        .map(|s| (s.name.as_str(), s.articles.len()))
        .collect()
}

#[test]
fn transliterations_merge_and_keep_their_forms() {
    let ix = index(&[
        "A\n\n“One,” Russian Foreign Minister Sergei Lavrov said. “Two,” Lavrov said.",
        "B\n\n“Three,” Sergey Lavrov told reporters.",
    ]);
    assert_eq!(names(&ix), [("Sergei Lavrov", 2)]);
    let s = &ix.speakers[0];
    assert!(
        s.aliases.iter().any(|a| a == "Sergey Lavrov"),
        "{:?}",
        s.aliases
    );
    assert_eq!(s.quotes.len(), 3);
    assert_eq!(s.role.as_deref(), Some("Russian Foreign Minister"));
    assert!(matches!(
        s.members[1].joined,
        Some((0, SameBecause::Transliteration { edits: 1 }))
    ));
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    let ix = index(&[
        "A\n\n“Sanctions work,” said Senator John Smith.",
        "B\n\n“We won,” said coach Mary Smith.",
        "C\n\n“Hello,” Smith said.",
    ]);
    let mut n = names(&ix);
    n.sort();
    assert_eq!(n, [("John Smith", 1), ("Mary Smith", 1), ("Smith", 1)]);
    let lone = ix.speakers.iter().find(|s| s.name == "Smith").unwrap();
    assert!(lone.kept_apart.as_deref().unwrap().contains("John Smith"));
}

#[test]
fn a_surname_alone_joins_the_one_person_with_it() {
    let ix = index(&[
        "A\n\n“We will appeal,” lawyer Kate Morrow said.",
        "B\n\n“The ruling is wrong,” Morrow said.",
    ]);
    assert_eq!(names(&ix), [("Kate Morrow", 2)]);
    assert_eq!(
        ix.speakers[0].members[1].joined,
        Some((0, SameBecause::SurnameOnly))
    );
}

#[test]
fn one_role_held_by_two_named_people_is_two_speakers() {
    let ix = index(&[
        "A\n\n“No comment,” said ministry spokesman Ivan Petrov.\n\n“Nothing more,” the spokesman said.",
        "B\n\n“We deny it,” said ministry spokesman Oleg Sokolov.\n\n“That is all,” the spokesman added.",
    ]);
    let mut n = names(&ix);
    n.sort();
    assert_eq!(n, [("Ivan Petrov", 1), ("Oleg Sokolov", 1)]);
    assert!(ix.speakers.iter().all(|s| s.quotes.len() == 2));
}

#[test]
fn close_but_different_first_names_stay_apart() {
    // Sergei ~ Sergey (one letter); Sergio is one letter from neither
    // and must fit every full name of the entry, so it stays apart.
    let ix = index(&[
        "A\n\n“One,” said Sergei Marino.",
        "B\n\n“Two,” said Sergey Marino.",
        "C\n\n“Three,” said Sergio Marino.",
    ]);
    let mut n = names(&ix);
    n.sort();
    assert_eq!(n, [("Sergei Marino", 2), ("Sergio Marino", 1)]);
}

#[test]
fn organisations_merge_and_unnamed_sources_do_not() {
    let ix = index(&[
        "A\n\n“We are concerned,” the White House said. “Talks go on,” a senior official said.",
        "B\n\n“No change,” the White House said in a statement. “Still talking,” a senior official said.",
    ]);
    let wh = ix
        .speakers
        .iter()
        .find(|s| s.name == "White House")
        .unwrap();
    assert_eq!(wh.articles.len(), 2);
    let officials = ix
        .speakers
        .iter()
        .filter(|s| s.kind == SpeakerKind::Description)
        .count();
    assert_eq!(officials, 2);
}

#[test]
fn a_surname_several_people_have_is_one_entry_not_one_per_article() {
    let ix = index(&[
        "A\n\n“Sanctions work,” said Senator John Smith.",
        "B\n\n“We won,” said coach Mary Smith.",
        "C\n\n“Hello,” Smith said.",
        "D\n\n“Goodbye,” Smith said.",
        "E\n\n“Again,” Smith said.",
    ]);
    let lone: Vec<_> = ix.speakers.iter().filter(|s| s.name == "Smith").collect();
    assert_eq!(lone.len(), 1, "{:?}", names(&ix));
    assert_eq!(lone[0].articles, [2, 3, 4]);
    assert!(lone[0].kept_apart.is_some());
}

#[test]
fn unnamed_sources_come_after_every_named_speaker() {
    let ix = index(&[
        "A\n\n“One,” a senior official said. “Two,” the official added. \
         “Three,” the official went on.",
        "B\n\n“Four,” said harbour master Ilse Brandt.",
        "C\n\n“Five,” a spokesman said.",
    ]);
    let kinds: Vec<bool> = ix.speakers.iter().map(|s| s.is_unnamed()).collect();
    assert_eq!(kinds, [false, true, true], "{:?}", names(&ix));
    assert_eq!(ix.speakers[0].name, "Ilse Brandt");
    // Each keeps its own article.
    assert_eq!(ix.speakers[1].articles, [0]);
    assert_eq!(ix.speakers[2].articles, [2]);
}

#[test]
fn a_list_folds_unnamed_sources_into_one_entry() {
    let ix = index(&[
        "A\n\n“One,” a senior official said. “Two,” said Ilse Brandt.",
        "B\n\n“Three,” a senior official said.",
        "C\n\n“Four,” a spokesman said.",
    ])
    .with_unnamed_grouped();
    assert_eq!(
        names(&ix),
        [("Ilse Brandt", 1), (UNNAMED_SOURCES, 3)],
        "{ix:#?}"
    );
    let group = &ix.speakers[1];
    assert!(group.is_unnamed());
    assert_eq!(group.quotes.len(), 3);
    assert!(group.quotes.windows(2).all(|w| w[0] < w[1]), "corpus order");
    assert_eq!(group.members.len(), 3, "one member per article's source");
    assert_eq!(group.name, UNNAMED_SOURCES);
    let mut aliases = group.aliases.clone();
    aliases.sort();
    assert_eq!(aliases, ["senior official", "spokesman"]);
    // Nothing to fold: the index is unchanged.
    let named = index(&["A\n\n“One,” said Ilse Brandt."]);
    assert_eq!(named.clone().with_unnamed_grouped(), named);
}

#[test]
fn names_that_are_not_speakers_are_left_out() {
    let ix = index(&[
        "Fleet\n\n“The patrols go on,” the Black Sea said.\n\n\
         “It was calm,” York Times reported.\n\n\
         “We saw it,” said harbour master Ilse Brandt.",
        "Storm\n\n“The patrols go on,” the Black Sea said. “No change,” Brandt said.",
    ]);
    assert_eq!(names(&ix), [("Ilse Brandt", 2)]);
}

#[test]
fn names_written_family_name_first_merge() {
    let ix = index(&[
        "A\n\n“One,” Chinese President Xi Jinping said. “Two,” Xi said.",
        "B\n\n“Three,” said Xi Jinping.",
        "C\n\n“Four,” Xi said.",
    ]);
    assert_eq!(names(&ix), [("Xi Jinping", 3)]);
}

#[test]
fn one_article_calling_a_person_by_first_name_does_not_split_them() {
    // "Sergei said" in one article reads like a name written family
    // name first; the other articles' "Lavrov" outvote it.
    let ix = index(&[
        "A\n\n“One,” Russian Foreign Minister Sergei Lavrov said. “Two,” Lavrov said.",
        "B\n\n“Three,” Sergey Lavrov told reporters. “Four,” Lavrov added.",
        "C\n\n“Five,” said Sergei Lavrov. “Six,” Sergei said.",
        "D\n\n“Seven,” Sergey Lavrov said. “Eight,” Lavrov said.",
    ]);
    let lavrov: Vec<_> = ix
        .speakers
        .iter()
        .filter(|s| s.name.contains("Lavrov"))
        .collect();
    assert_eq!(lavrov.len(), 1, "{:?}", names(&ix));
    assert_eq!(lavrov[0].articles.len(), 4);
}

#[test]
fn find_answers_to_names_aliases_and_surnames() {
    let ix = index(&[
        "A\n\n“One,” Sergei Lavrov said.",
        "B\n\n“Two,” Sergey Lavrov said.",
    ]);
    assert_eq!(ix.find("sergey lavrov"), [0]);
    assert_eq!(ix.find("LAVROV"), [0]);
    assert!(ix.find("Putin").is_empty());
    assert!(ix.find("  ").is_empty());
}

/// A surname several people have, with a role most articles give one of
/// them, is that one; with a role given to each alike, or none, it stays
/// apart.
#[test]
fn a_surname_alone_with_the_role_one_of_them_holds_joins_that_one() {
    let ix = index(&[
        "A\n\n“The bill is law,” said Governor Alan Reyes.",
        "B\n\n“We signed it,” said Governor Alan Reyes.",
        "C\n\n“I disagree,” said Nora Reyes, a teacher.",
        "D\n\n“It passed,” said Governor Reyes.",
        "E\n\n“Maybe,” Reyes said.",
    ]);
    let mut n = names(&ix);
    n.sort();
    assert_eq!(n, [("Alan Reyes", 3), ("Nora Reyes", 1), ("Reyes", 1)]);
    let alan = ix.speakers.iter().find(|s| s.name == "Alan Reyes").unwrap();
    assert!(matches!(
        &alan.members[2].joined,
        Some((0, SameBecause::SurnameAndRole { role })) if role == "Governor"
    ));
    // A role each of them is given once decides nothing.
    let ix = index(&[
        "A\n\n“The bill is law,” said Governor Alan Reyes.",
        "B\n\n“I disagree,” said Governor Nora Reyes.",
        "C\n\n“It passed,” said Governor Reyes.",
    ]);
    let mut n = names(&ix);
    n.sort();
    assert_eq!(n, [("Alan Reyes", 1), ("Nora Reyes", 1), ("Reyes", 1)]);
}
