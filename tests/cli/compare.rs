//! Comparing two articles: the quote alignment on the bundled seeds and on
//! made-up coverage built to tempt false pairs, the word diff, and the
//! `saidso compare` command line.

use crate::support::cli::run as saidso;

use serde_json::Value;

use saidso::compare::{
    Comparison, DiffOp, PAIR_THRESHOLD, compare, render_word_diff, same_speaker, similarity,
};
use saidso::corpus::assemble::article_from_bytes;
use saidso::corpus::{Article, Corpus, Origin};
use saidso::quotes::{ArticleQuotes, find_quotes};

/// An article and its quotations.
struct Doc {
    article: Article,
    quotes: ArticleQuotes,
}

impl Doc {
    fn from_text(name: &str, text: &str) -> Doc {
        let article = article_from_bytes(name.into(), Origin::Stdin, text.as_bytes());
        let quotes = find_quotes(&article);
        Doc { article, quotes }
    }

    fn text(&self, i: usize) -> &str {
        self.quotes.quotes[i].text(&self.article)
    }

    /// The index of the one quotation starting with `prefix`.
    fn quote(&self, prefix: &str) -> usize {
        let found: Vec<usize> = (0..self.quotes.quotes.len())
            .filter(|&i| self.text(i).starts_with(prefix))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "quotations starting {prefix:?} in {}",
            self.article.path
        );
        found[0]
    }

    fn speaker(&self, i: usize) -> Option<&str> {
        self.quotes
            .speaker_of(&self.quotes.quotes[i])
            .map(|s| s.name.as_str())
    }
}

fn seeds() -> Vec<Doc> {
    Corpus::embedded()
        .articles
        .into_iter()
        .map(|article| {
            let quotes = find_quotes(&article);
            Doc { article, quotes }
        })
        .collect()
}

fn cmp(a: &Doc, b: &Doc) -> Comparison {
    compare(&a.article, &a.quotes, &b.article, &b.quotes)
}

/// Every pair as "left text ⇄ right text", for failure messages.
fn describe(a: &Doc, b: &Doc, c: &Comparison) -> String {
    c.pairs
        .iter()
        .map(|p| {
            format!(
                "{:.3} {:?} ⇄ {:?}\n",
                p.similarity,
                a.text(p.left),
                b.text(p.right)
            )
        })
        .collect()
}

fn pair_similarity(c: &Comparison, left: usize, right: usize) -> Option<f32> {
    c.pairs
        .iter()
        .find(|p| p.left == left && p.right == right)
        .map(|p| p.similarity)
}

#[test]
fn both_tass_quotes_pair_with_the_one_interfax_quote() {
    let s = seeds();
    let (tass, interfax) = (&s[0], &s[1]);
    let fragment = tass.quote("This engagement will strengthen");
    let rest = tass.quote("In the conditions when the West rudely undermines");
    let whole = interfax.quote("This [Russia-China] cooperation will get stronger");
    let c = cmp(tass, interfax);
    let desc = describe(tass, interfax, &c);
    let a = pair_similarity(&c, fragment, whole)
        .unwrap_or_else(|| panic!("fragment unpaired:\n{desc}"));
    let b = pair_similarity(&c, rest, whole).unwrap_or_else(|| panic!("rest unpaired:\n{desc}"));
    assert!(a >= PAIR_THRESHOLD && b >= PAIR_THRESHOLD);
    assert_eq!(c.pairs.len(), 2, "only that statement is shared:\n{desc}");
    // One statement: one gutter number on both sides.
    assert_eq!(c.groups.count, 1);
    assert_eq!(c.left_group(fragment), Some(1));
    assert_eq!(c.left_group(rest), Some(1));
    assert_eq!(c.right_group(whole), Some(1));
    assert_eq!(c.group_members(1), (vec![fragment, rest], vec![whole]));
    assert!(!c.left_only.contains(&fragment) && !c.right_only.contains(&whole));
    assert_eq!(c.left_only.len() + 2, tass.quotes.quotes.len());
    assert_eq!(c.right_only.len() + 1, interfax.quotes.quotes.len());
    // Sergei (TASS) and Sergey (Interfax) Lavrov are one speaker.
    let both: Vec<(&str, &str)> = c
        .speakers
        .both
        .iter()
        .map(|&(l, r)| {
            (
                tass.quotes.speaker(l).name.as_str(),
                interfax.quotes.speaker(r).name.as_str(),
            )
        })
        .collect();
    assert!(
        both.contains(&("Sergei Lavrov", "Sergey Lavrov")),
        "{both:?}"
    );
    assert!(both.contains(&("Xi Jinping", "Xi Jinping")), "{both:?}");
    let left_only: Vec<&str> = c
        .speakers
        .left_only
        .iter()
        .map(|&l| tass.quotes.speaker(l).name.as_str())
        .collect();
    assert!(left_only.contains(&"Le Yucheng") && !left_only.contains(&"Sergei Lavrov"));
}

#[test]
fn the_same_thanks_at_two_events_scores_clearly_lower_than_one_statement() {
    let s = seeds();
    let c = cmp(&s[0], &s[1]);
    // The TASS and Interfax renderings of the one statement.
    let statement = c.pairs.iter().map(|p| p.similarity).fold(0.0, f32::max);
    let thanks_002 = s[2].text(s[2].quote("We highly appreciate the balanced"));
    let thanks_003 = s[3].text(s[3].quote("grateful to our Chinese friends"));
    let thanks = similarity(thanks_002, thanks_003);
    assert!(thanks > 0.0, "they do share words");
    assert!(
        thanks + 0.2 < statement,
        "002/003 {thanks:.3} against 000/001 {statement:.3}"
    );
}

#[test]
fn no_other_seed_articles_share_a_statement() {
    let s = seeds();
    for a in 0..s.len() {
        for b in 0..s.len() {
            let pair = (a.min(b), a.max(b));
            if a == b || pair == (0, 1) {
                continue;
            }
            let c = cmp(&s[a], &s[b]);
            // 002/003 may pair their two thanks to "our Chinese friends"
            // (similar words at two events), but nothing else.
            let allowed = if pair == (2, 3) { 1 } else { 0 };
            assert!(
                c.pairs.len() <= allowed,
                "{a}/{b}:\n{}",
                describe(&s[a], &s[b], &c)
            );
        }
    }
}

#[test]
fn pairs_never_join_differently_named_people() {
    let s = seeds();
    for a in 0..s.len() {
        for b in 0..s.len() {
            let c = cmp(&s[a], &s[b]);
            for p in &c.pairs {
                let (lq, rq) = (&s[a].quotes, &s[b].quotes);
                if let (Some(l), Some(r)) = (
                    lq.speaker_of(&lq.quotes[p.left]),
                    rq.speaker_of(&rq.quotes[p.right]),
                ) {
                    assert!(same_speaker(l, r), "{} paired with {}", l.name, r.name);
                }
                assert!((0.0..=1.0).contains(&p.similarity));
            }
        }
    }
}

const SPORTS_A: &str = "Arsenal edge past Spurs in derby thriller

Arsenal beat Tottenham 2-1 on Sunday.

“We have to keep fighting until the end of the season, every game is a final,” Arsenal manager Mikel Arteta said after the match.

“The referee made a terrible decision in the second half,” Arteta added.

Tottenham coach Ange Postecoglou was unhappy. “We were the better side for long spells and deserved at least a point,” Postecoglou said.
";

const SPORTS_B: &str = "Chelsea hold on against Newcastle

Chelsea drew 1-1 with Newcastle on Saturday.

“We have to keep fighting until the end of the season, every game is a final for us,” Chelsea coach Mauricio Pochettino said.

Mikel Arteta, whose Arsenal side play Chelsea next, praised his squad. “Our young players showed great character in the second half of the season,” Arteta said.

Pundits called the result a “disaster” for Newcastle.
";

const COURT_A: &str = "Jury begins deliberations in fraud trial

The trial of the former banker reached its final stage on Friday.

“The evidence does not support the charges against my client,” defense lawyer Maria Lopez told the jury.

Judge Robert Klein instructed the jurors before they withdrew. “The jury will resume deliberations on Monday morning,” Klein said.

Prosecutors called the scheme a “house of cards.”
";

const COURT_B: &str = "Banker's fate in the hands of the jury

Closing arguments ended on Friday in the fraud case.

“The evidence does not support all of the charges,” Judge Robert Klein said, dismissing two counts.

“The defendant will be sentenced on Monday if convicted,” Klein said.

Maria Lopez said her client was relieved. “We are grateful that the court listened,” Lopez said.
";

const BUSINESS_A: &str = "Acme shares jump on upbeat outlook

Acme Corp shares rose 8% on Tuesday.

“We expect revenue growth to accelerate in the second half, driven by strong demand for our cloud products,” said Jane Doe, chief executive of Acme.

The plan was hailed as a “turnaround.”

Critics dismissed the so-called “growth strategy” as a rebranding exercise.
";

const BUSINESS_B: &str = "Acme chief bets on cloud

Acme Corp reported quarterly results on Tuesday.

“We expect revenue growth to accelerate in the second half of the year,” Doe told analysts on a call.

“This is a turnaround, and our growth strategy is working,” Doe said.

John Smith, the finance chief, was more cautious. “Margins will remain under pressure for several quarters,” Smith said.
";

#[test]
fn two_coaches_with_the_same_cliche_do_not_pair() {
    let (a, b) = (Doc::from_text("a", SPORTS_A), Doc::from_text("b", SPORTS_B));
    let arteta = a.quote("We have to keep fighting");
    let poch = b.quote("We have to keep fighting");
    assert_eq!(a.speaker(arteta), Some("Mikel Arteta"));
    assert_eq!(b.speaker(poch), Some("Mauricio Pochettino"));
    // The words are nearly the same …
    assert!(similarity(a.text(arteta), b.text(poch)) > 0.9);
    // … but the speakers are not, and Arteta's two remarks about a
    // "second half" are different statements.
    let c = cmp(&a, &b);
    assert!(c.pairs.is_empty(), "{}", describe(&a, &b, &c));
    assert_eq!(c.speakers.both.len(), 1, "Arteta is in both");
}

#[test]
fn a_judge_is_not_the_defense_lawyer() {
    let (a, b) = (Doc::from_text("a", COURT_A), Doc::from_text("b", COURT_B));
    assert_eq!(
        a.speaker(a.quote("The evidence does not")),
        Some("Maria Lopez")
    );
    assert_eq!(
        b.speaker(b.quote("The evidence does not")),
        Some("Robert Klein")
    );
    let c = cmp(&a, &b);
    assert!(c.pairs.is_empty(), "{}", describe(&a, &b, &c));
    assert_eq!(c.left_only.len(), a.quotes.quotes.len());
    assert_eq!(c.speakers.both.len(), 2, "Lopez and Klein are in both");
}

#[test]
fn a_ceo_statement_pairs_but_scare_quotes_do_not() {
    let (a, b) = (
        Doc::from_text("a", BUSINESS_A),
        Doc::from_text("b", BUSINESS_B),
    );
    let c = cmp(&a, &b);
    let outlook_a = a.quote("We expect revenue growth");
    let outlook_b = b.quote("We expect revenue growth");
    assert_eq!(c.pairs.len(), 1, "{}", describe(&a, &b, &c));
    assert_eq!((c.pairs[0].left, c.pairs[0].right), (outlook_a, outlook_b));
    // “turnaround.” and the so-called “growth strategy” are the
    // article's terms, not Doe's statement that uses the same words.
    assert!(c.left_only.contains(&a.quote("turnaround")));
    assert!(c.left_only.contains(&a.quote("growth strategy")));
    assert!(c.right_only.contains(&b.quote("This is a turnaround")));
}

#[test]
fn unattributed_scare_quotes_never_pair_even_when_identical() {
    let text = "Markets in turmoil\n\nThe merger was branded a “disaster for shareholders”.\n";
    let (a, b) = (Doc::from_text("a", text), Doc::from_text("b", text));
    assert_eq!(a.quotes.quotes.len(), 1);
    assert_eq!(a.speaker(0), None);
    let c = cmp(&a, &b);
    assert!(c.pairs.is_empty(), "{}", describe(&a, &b, &c));
}

#[test]
fn an_article_compared_with_itself_pairs_each_statement_with_itself() {
    for d in seeds() {
        let c = cmp(&d, &d);
        for (i, q) in d.quotes.quotes.iter().enumerate() {
            let statement = !matches!(
                q.attribution,
                saidso::quotes::Attribution::Unattributed { .. }
            );
            let has_words = similarity(d.text(i), d.text(i)) > 0.0;
            if statement && has_words {
                assert_eq!(
                    pair_similarity(&c, i, i),
                    Some(1.0),
                    "{}: {:?}",
                    d.article.path,
                    d.text(i)
                );
            }
        }
    }
}

#[test]
fn empty_and_quoteless_articles_compare_to_nothing() {
    let empty = Doc::from_text("empty", "");
    let plain = Doc::from_text(
        "plain",
        "A headline\n\nNobody said anything quotable today.\n",
    );
    let s = seeds();
    for (a, b) in [
        (&empty, &empty),
        (&empty, &s[0]),
        (&s[0], &plain),
        (&plain, &empty),
    ] {
        let c = cmp(a, b);
        assert!(c.pairs.is_empty());
        assert_eq!(c.groups.count, 0);
        assert_eq!(c.left_only.len(), a.quotes.quotes.len());
        assert_eq!(c.right_only.len(), b.quotes.quotes.len());
    }
}

#[test]
fn comparison_is_deterministic() {
    let s = seeds();
    assert_eq!(cmp(&s[0], &s[1]), cmp(&s[0], &s[1]));
    assert_eq!(cmp(&s[4], &s[2]), cmp(&s[4], &s[2]));
}

#[test]
fn the_word_diff_shows_what_each_wire_printed() {
    let s = seeds();
    let (tass, interfax) = (&s[0], &s[1]);
    let c = cmp(tass, interfax);
    let rest = tass.quote("In the conditions");
    let pair = c.pairs_of_left(rest)[0];
    let ops = Comparison::pair_diff(
        &pair,
        &tass.article,
        &tass.quotes,
        &interfax.article,
        &interfax.quotes,
    );
    let (l, r) = (tass.text(pair.left), interfax.text(pair.right));
    let deleted: Vec<&str> = ops
        .iter()
        .filter_map(|op| match op {
            DiffOp::Delete { left } => Some(&l[left.clone()]),
            _ => None,
        })
        .collect();
    let inserted: Vec<&str> = ops
        .iter()
        .filter_map(|op| match op {
            DiffOp::Insert { right } => Some(&r[right.clone()]),
            _ => None,
        })
        .collect();
    assert!(deleted.iter().any(|d| d.contains("rudely")), "{deleted:?}");
    assert!(
        inserted.iter().any(|i| i.contains("blatantly")),
        "{inserted:?}"
    );
    let rendered = render_word_diff(l, r, &ops);
    assert!(
        rendered.contains("[-") && rendered.contains("{+"),
        "{rendered}"
    );
    assert!(rendered.contains("the West"), "{rendered}");
}

/// About `bytes` of article text: the seed articles' paragraphs over and
/// over, each numbered so none is a repeat that the loader sets aside.
fn big_article(name: &str, bytes: usize, rotate: usize) -> Doc {
    let corpus = Corpus::embedded();
    let mut paragraphs: Vec<String> = corpus
        .articles
        .iter()
        .flat_map(|a| {
            a.story_paragraphs()
                .map(|(_, p)| p.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let len = paragraphs.len();
    paragraphs.rotate_left(rotate % len);
    let mut text = String::from("A very long article\n\n");
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(&format!(
            "Update {n}. {}\n\n",
            paragraphs[n % paragraphs.len()]
        ));
        n += 1;
    }
    Doc::from_text(name, &text)
}

/// Thousands of quotations a side: pairs come out, ordered (the time it
/// takes is measured by benches/compare.rs, not here).
#[test]
fn two_megabyte_articles_compare() {
    let (a, b) = (
        big_article("a", 1_000_000, 0),
        big_article("b", 1_000_000, 7),
    );
    assert!(a.quotes.quotes.len() > 1_000, "{}", a.quotes.quotes.len());
    let c = cmp(&a, &b);
    assert!(!c.pairs.is_empty());
    assert!(
        c.pairs
            .windows(2)
            .all(|w| (w[0].left, w[0].right) < (w[1].left, w[1].right))
    );
}

/// Two translations of one remark by a football manager pair through the
/// synonym table (strengthen/stronger, team/side); an unrelated remark by
/// the same manager does not.
#[test]
fn translations_outside_diplomacy_pair_too() {
    let a = Doc::from_text(
        "a.txt",
        "Coach speaks\n\n“We must strengthen our defence, because the team is weak at the back and we concede too many goals,” coach Diego Alonso said.\n\n“The referee made a terrible decision,” Alonso said.",
    );
    let b = Doc::from_text(
        "b.txt",
        "Alonso on defence\n\n“Our defence has to get stronger, as the side is fragile at the back and we concede far too many goals,” said coach Diego Alonso.\n\n“We will fight for the title until the last day,” Alonso said.",
    );
    let c = cmp(&a, &b);
    assert_eq!(c.pairs.len(), 1, "{}", describe(&a, &b, &c));
    assert_eq!((c.pairs[0].left, c.pairs[0].right), (0, 0));
}

// The command line.

#[test]
fn cli_json_has_the_documented_shape() {
    let (code, out, err) = saidso(&["compare", "000", "001", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["left"]["path"], "000_373775eacfdba3f8.txt");
    assert_eq!(v["right"]["path"], "001_042e7d1743e4b445.txt");
    assert!(
        v["left"]["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Cooperation"))
    );
    let pairs = v["pairs"].as_array().expect("pairs");
    assert_eq!(pairs.len(), 2);
    for p in pairs {
        assert_eq!(p["left"]["speaker"], "Sergei Lavrov");
        assert_eq!(p["right"]["speaker"], "Sergey Lavrov");
        assert!(
            p["right"]["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("This [Russia-China]"))
        );
        let s = p["similarity"].as_f64().expect("a number");
        assert!((0.0..=1.0).contains(&s));
    }
    assert!(
        pairs[0]["left"]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("This engagement"))
    );
    for side in ["left_only", "right_only"] {
        for q in v[side].as_array().expect(side) {
            assert!(q["text"].is_string(), "{q}");
            assert!(q["speaker"].is_string() || q["speaker"].is_null(), "{q}");
        }
    }
    assert!(
        v["right_only"]
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["speaker"].is_null())
    );
    let both = v["speakers"]["both"].as_array().expect("both");
    assert!(
        both.iter()
            .any(|s| s["left"] == "Sergei Lavrov" && s["right"] == "Sergey Lavrov")
    );
    let left_only = v["speakers"]["left_only"].as_array().expect("left_only");
    assert!(left_only.iter().any(|s| s == "White House"));
    assert!(v["speakers"]["right_only"].is_array());
}

#[test]
fn cli_names_articles_by_title_fragment_and_file() {
    let (code, out, err) = saidso(&["compare", "double down", "Lavrov Hails", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["left"]["path"], "003_6948aba050021558.txt");
    assert_eq!(v["right"]["path"], "002_24f62f2d0571c686.txt");

    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, BUSINESS_A).unwrap();
    std::fs::write(&b, BUSINESS_B).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let (code, out, err) = saidso(&["compare", a, b]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 shared statement in 1 pair;"), "{out}");
    assert!(out.contains("[1] 0."), "{out}");
    assert!(
        out.contains("L Jane Doe: “We expect revenue growth"),
        "{out}"
    );
    assert!(out.contains("R Doe: “We expect revenue growth"), "{out}");
    assert!(
        out.contains("only in left (2):") && out.contains("only in right (2):"),
        "{out}"
    );

    // A name inside a corpus given as PATH; the article with itself.
    let dir_s = dir.path().to_str().unwrap();
    let (code, out, err) = saidso(&["compare", "a.txt", "a", dir_s, "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["pairs"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["pairs"][0]["similarity"], 1.0);
}

#[test]
fn cli_refuses_ambiguous_and_unknown_names() {
    let (code, out, err) = saidso(&["compare", "00", "001"]);
    assert_eq!(code, 1);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("\"00\" is ambiguous"), "{err}");
    assert!(
        err.contains("000_373775eacfdba3f8.txt") && err.contains("004_5eabb43c577b58dc.txt"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    let (code, _, err) = saidso(&["compare", "000", "no such article"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no article matches \"no such article\""),
        "{err}"
    );
    assert!(err.contains("001_042e7d1743e4b445.txt"), "{err}");

    let (code, _, err) = saidso(&["compare", "000"]);
    assert_eq!(code, 2, "clap's usage error: {err}");
}
