use super::super::marks::classify;
use super::super::names::find_mentions;
use super::super::parsed::Place;
use super::super::spans::pair;
use super::super::tokens::tokenize;
use super::*;

/// Parse one paragraph; return it with the token of its first quote.
fn parse(text: &str) -> (Parsed, Option<usize>) {
    let mut marks = Vec::new();
    classify(text, 0..text.len(), &mut marks);
    let mut spans = Vec::new();
    pair(text, 0..text.len(), &marks, &mut spans);
    let quotes: Vec<_> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| (s.outer(), i))
        .collect();
    let toks = tokenize(text, 0..text.len(), &quotes);
    let mentions = find_mentions(text, &toks);
    let p = Parsed::new(0, 0, 0..text.len(), Place::Body, toks, mentions);
    let q = p.quote_token(0);
    (p, q)
}

/// The subject's text for the first quote's clue.
fn speaker(text: &str) -> Option<String> {
    let (p, q) = parse(text);
    let q = q?;
    let start = p.toks.sentence_start(q);
    let clue = after(&p, text, q).or_else(|| before(&p, text, q, start))?;
    match clue {
        Clue::Said { subject, .. } => Some(describe(&p, text, &subject)),
        Clue::MainClause { verb } => {
            main_subject(&p, text, start, verb).map(|s| describe(&p, text, &s))
        }
        Clue::Negated => Some("NEGATED".into()),
    }
}

fn describe(p: &Parsed, text: &str, s: &Subject) -> String {
    match s {
        Subject::Named(m) => text[p.bytes(p.mentions[*m].name.clone())].to_string(),
        Subject::Pronoun(i) => p.word(text, *i).to_string(),
        Subject::Description { tokens, .. } => text[p.bytes(tokens.clone())].to_string(),
        Subject::Several(ms) => ms
            .iter()
            .map(|&m| &text[p.bytes(p.mentions[m].name.clone())])
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

fn check(text: &str, want: &str) {
    assert_eq!(speaker(text).as_deref(), Some(want), "{text}");
}

#[test]
fn attribution_after_the_quotation() {
    check("“We won,” coach Maria Lopez said.", "Maria Lopez");
    check("“We won,” said Maria Lopez, the coach.", "Maria Lopez");
    check("\"It is done,\" she said.", "she");
    check(
        "“Fine,” the official said, speaking on condition of anonymity.",
        "official",
    );
    check(
        "“No,” Smith, the company's chief executive, told reporters.",
        "Smith",
    );
    check("“Yes,” the agency TASS quoted Lavrov as saying.", "Lavrov");
    check("“Yes,” it cited Xi as saying.", "Xi");
    check("“Yes,” Lavrov was quoted as saying by Interfax.", "Lavrov");
    check(
        "“The data is clear,” according to Dr. Jane Goodall.",
        "Jane Goodall",
    );
    check(
        "“Why?” asked Jean-Pierre Dupont on Monday.",
        "Jean-Pierre Dupont",
    );
    check("“We appeal,” police said.", "police");
}

#[test]
fn quoted_as_saying_and_affiliations_before_the_quotation() {
    check(
        "Reuters quoted Foreign Minister Hakan Demir as saying: “We will not accept preconditions.”",
        "Hakan Demir",
    );
    check(
        "It cited union leader Paulo Mendes as saying the deal was “a fair compromise.”",
        "Paulo Mendes",
    );
    check(
        "Analyst Maria Gomez of Barclays said: “The guidance was weaker than anyone expected.”",
        "Maria Gomez",
    );
    check(
        "A spokesman for the ministry said: “No decision has been taken.”",
        "spokesman for the ministry",
    );
}

#[test]
fn attribution_before_the_quotation() {
    check(
        "Judge Amy Berman Jackson said: “The motion is denied.”",
        "Amy Berman Jackson",
    );
    check(
        "Lavrov told the conference – a two-day event – that he was sure “the war is lost.”",
        "Lavrov",
    );
    check(
        "Asked about it, Zhao said he had “no information to release” today.",
        "Zhao",
    );
    check(
        "Le also condemned the campaign, saying it was like “putting out fire with firewood”.",
        "Le",
    );
    check(
        "But asked if China had called on Putin to act, he took the questioner to task, saying, “There is no need.”",
        "he",
    );
    check(
        "On Saturday, Vice Foreign Minister Le Yucheng used an address to set out China's view that “Cold War mentality” lies at the root.",
        "Le Yucheng",
    );
    check(
        "It is what Chinese President Xi Jinping once called the “best in history.”",
        "Xi Jinping",
    );
    check(
        "President Xi also warned the US and added that sanctions only hurt “ordinary people.”",
        "Xi",
    );
}

#[test]
fn negated_and_missing_attributions() {
    check(
        "China has refrained from calling the actions an “invasion,” so far.",
        "NEGATED",
    );
    assert_eq!(speaker("The court “repeatedly demonstrates bias.”"), None);
    assert_eq!(
        speaker("My two books: “How Wall Street Fleeces America”"),
        None
    );
}

#[test]
fn names_joined_by_and_are_one_subject() {
    check(
        "Xi and Putin declared a friendship with “no limits\" in 2022.",
        "Xi + Putin",
    );
    check(
        "“It holds,” said Roe, Lee Moss and Jo Park.",
        "Roe + Lee Moss + Jo Park",
    );
    assert!(
        speaker("“It holds,” he and Lee Moss said.").is_none_or(|s| s.is_empty()),
        "a pronoun in the list names nobody"
    );
}
