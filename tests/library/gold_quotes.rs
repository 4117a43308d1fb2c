//! Quotation and speaker accuracy on the gold-annotated seed articles.
//!
//! Implements the matching rules of `/work/shared/gold/README.md` (the same
//! as `score_quotes.py`): texts folded (case, curly quotes, apostrophes,
//! punctuation, white space), matched one to one in order on equal folded
//! text or token F1 >= 0.8, predictions nested in a matched gold quotation
//! ignored, optional gold quotations left out of every count; a speaker is
//! right when, folded, it equals the canonical name or an alias, ends with
//! one, or is the canonical surname.

use std::collections::{HashMap, HashSet};

use saidso::corpus::Corpus;
use saidso::quotes::find_quotes;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const MIN_F1: f64 = 0.97;
const MIN_SPEAKER: f64 = 0.95;

fn fold(s: &str) -> String {
    let s: String = s
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| {
            !matches!(
                c,
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\''
            )
        })
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn token_f1(gold: &str, pred: &str) -> f64 {
    let (ta, tb): (Vec<&str>, Vec<&str>) = (gold.split(' ').collect(), pred.split(' ').collect());
    if gold.is_empty() || pred.is_empty() {
        return 0.0;
    }
    let mut common: HashMap<&str, i32> = HashMap::new();
    for t in &ta {
        *common.entry(t).or_default() += 1;
    }
    let mut hit = 0.0;
    for t in &tb {
        if let Some(c) = common.get_mut(t)
            && *c > 0
        {
            hit += 1.0;
            *c -= 1;
        }
    }
    if hit == 0.0 {
        return 0.0;
    }
    let (p, r) = (hit / tb.len() as f64, hit / ta.len() as f64);
    2.0 * p * r / (p + r)
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them",
];

fn speaker_ok(pred: Option<&str>, canon: &str, aliases: &[String]) -> bool {
    let fp = fold(pred.unwrap_or(""));
    if fp.is_empty() {
        return false;
    }
    let mut names: HashSet<String> = aliases.iter().map(|a| fold(a)).collect();
    names.insert(fold(canon));
    names.remove("");
    if names.contains(&fp) || names.iter().any(|n| fp.ends_with(&format!(" {n}"))) {
        return true;
    }
    let last = fold(canon).split(' ').next_back().unwrap_or("").to_string();
    fp.len() >= 3 && !PRONOUNS.contains(&fp.as_str()) && fp == last
}

#[derive(Default, Debug)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    spk_total: usize,
    spk_right: usize,
    false_attr: usize,
    notes: Vec<String>,
}

struct Pred {
    text: String,
    speaker: Option<String>,
}

fn score_article(gold: &Value, preds: &[Pred], t: &mut Tally) {
    let gq: Vec<&Value> = gold["quotes"]
        .as_array()
        .expect("gold quotes")
        .iter()
        .collect();
    let gf: Vec<String> = gq
        .iter()
        .map(|q| fold(q["text"].as_str().unwrap_or("")))
        .collect();
    let pf: Vec<String> = preds.iter().map(|p| fold(&p.text)).collect();
    let speakers = &gold["speakers"];
    let mut matched: HashMap<usize, usize> = HashMap::new();
    let mut used: HashSet<usize> = HashSet::new();
    for exact in [true, false] {
        for (gi, g) in gf.iter().enumerate() {
            if matched.contains_key(&gi) || g.is_empty() {
                continue;
            }
            for (pi, p) in pf.iter().enumerate() {
                if used.contains(&pi) {
                    continue;
                }
                let ok = if exact { p == g } else { token_f1(g, p) >= 0.8 };
                if ok {
                    matched.insert(gi, pi);
                    used.insert(pi);
                    break;
                }
            }
        }
    }
    let ignored: HashSet<usize> = (0..preds.len())
        .filter(|pi| !used.contains(pi) && !pf[*pi].is_empty())
        .filter(|&pi| matched.keys().any(|&gi| gf[gi].contains(&pf[pi])))
        .collect();
    for (gi, g) in gq.iter().enumerate() {
        let optional = g["optional"].as_bool().unwrap_or(false);
        let gs = g["speaker"].as_str();
        match matched.get(&gi) {
            Some(&pi) if !optional => {
                t.tp += 1;
                let ps = preds[pi].speaker.as_deref();
                if let Some(gs) = gs {
                    t.spk_total += 1;
                    let aliases: Vec<String> = speakers[gs]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .filter_map(|x| x.as_str().map(String::from))
                                .collect()
                        })
                        .unwrap_or_default();
                    if speaker_ok(ps, gs, &aliases) {
                        t.spk_right += 1;
                    } else {
                        t.notes
                            .push(format!("speaker gold={gs:?} got={ps:?}: {}", gf[gi]));
                    }
                } else if ps.is_some() {
                    t.false_attr += 1;
                    t.notes
                        .push(format!("false attribution {ps:?}: {}", gf[gi]));
                }
            }
            Some(_) => {}
            None if !optional => {
                t.fn_ += 1;
                if gs.is_some() {
                    t.spk_total += 1;
                }
                t.notes.push(format!("missed [{gs:?}] {}", gf[gi]));
            }
            None => {}
        }
    }
    for (pi, p) in preds.iter().enumerate() {
        if !used.contains(&pi) && !ignored.contains(&pi) {
            t.fp += 1;
            t.notes.push(format!("extra [{:?}] {}", p.speaker, pf[pi]));
        }
    }
}

#[test]
fn fold_matches_the_python_scorer() {
    assert_eq!(fold("“Yes, sir,’ Lavrov’s"), "yes sir lavrovs");
    assert_eq!(fold("no-one’s  interest."), "no ones interest");
    assert!(speaker_ok(
        Some("Foreign Minister Sergei Lavrov"),
        "Sergei Lavrov",
        &["Lavrov".into()]
    ));
    assert!(speaker_ok(Some("Lavrov"), "Sergei Lavrov", &[]));
    assert!(!speaker_ok(Some("Manju Sam"), "Thomas Sam", &[]));
    assert!(!speaker_ok(Some("he"), "Jim He", &[]));
}

#[test]
fn seed_quotes_and_speakers_meet_the_bar() {
    let gold: Value =
        serde_json::from_str(include_str!("../fixtures/seeds.json")).expect("gold json");
    let corpus = Corpus::embedded();
    let mut total = Tally::default();
    let mut report = String::new();
    for g in gold["articles"].as_array().expect("articles") {
        let file = g["file"].as_str().expect("file");
        let article = corpus
            .articles
            .iter()
            .find(|a| a.path == file)
            .expect("seed article");
        let found = find_quotes(article);
        let preds: Vec<Pred> = found
            .quotes
            .iter()
            .map(|q| Pred {
                text: q.text(article).to_string(),
                speaker: found.speaker_of(q).map(|s| s.name.clone()),
            })
            .collect();
        let mut t = Tally::default();
        score_article(g, &preds, &mut t);
        report.push_str(&format!(
            "{file}: tp={} fp={} fn={} speaker={}/{} false_attr={}\n",
            t.tp, t.fp, t.fn_, t.spk_right, t.spk_total, t.false_attr
        ));
        for n in &t.notes {
            report.push_str(&format!("   {n}\n"));
        }
        total.tp += t.tp;
        total.fp += t.fp;
        total.fn_ += t.fn_;
        total.spk_total += t.spk_total;
        total.spk_right += t.spk_right;
        total.false_attr += t.false_attr;
    }
    let p = total.tp as f64 / (total.tp + total.fp).max(1) as f64;
    let r = total.tp as f64 / (total.tp + total.fn_).max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let acc = total.spk_right as f64 / total.spk_total.max(1) as f64;
    report.push_str(&format!(
        "TOTAL quote_f1={f1:.3} precision={p:.3} recall={r:.3} speaker_acc={acc:.3} ({}/{}) false_attr={}\n",
        total.spk_right, total.spk_total, total.false_attr
    ));
    println!("{report}");
    assert!(f1 >= MIN_F1, "quote F1 {f1:.3} below {MIN_F1}\n{report}");
    assert!(
        acc >= MIN_SPEAKER,
        "speaker accuracy {acc:.3} below {MIN_SPEAKER}\n{report}"
    );
}
