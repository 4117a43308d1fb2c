//! What a query finds: the semantics fzf and television users expect, on
//! small articles made here (no generated corpus needed).

use saidso::corpus::assemble::article_from_bytes;
use saidso::corpus::{Article, Corpus, Origin};
use saidso::search::{
    ArticleHit, Matcher, SearchIndex, article_matches, match_positions, parse, search,
};

/// An article from plain text: first line the headline, then paragraphs
/// separated by blank lines.
fn article(name: &str, text: &str) -> Article {
    article_from_bytes(name.to_string(), Origin::Embedded, text.as_bytes())
}

fn corpus() -> Vec<Article> {
    vec![
        article(
            "0",
            "Talks in Vienna\n\nThe tiger was seen near the river.\n\nLater a bell rang in town.",
        ),
        article(
            "1",
            "Zoo news\n\nThe tiger sleeps all day.\n\nNobody knows why.",
        ),
        article(
            "2",
            "Gerhard Müller scores again\n\nMüller, who is 30, said the Straße was full of fans.",
        ),
        article(
            "3",
            "Sanctions on trade\n\nMinister Sergei Lavrov said sanctions would fail.\n\nChina disagreed.",
        ),
        article(
            "4",
            "Markets\n\nBell curves and tiger stripes, said an analyst about China.",
        ),
    ]
}

fn ids(articles: &[Article], q: &str) -> Vec<usize> {
    let index = SearchIndex::from_articles(articles);
    let mut v: Vec<usize> = search(&index, &parse(q), usize::MAX)
        .iter()
        .map(|h| h.article)
        .collect();
    v.sort();
    v
}

fn hits(articles: &[Article], q: &str) -> Vec<ArticleHit> {
    let index = SearchIndex::from_articles(articles);
    search(&index, &parse(q), usize::MAX)
}

/// The text of each matched range of paragraph `p`.
fn marked(a: &Article, p: usize, q: &str) -> Vec<String> {
    match_positions(a, p, &parse(q))
        .into_iter()
        .map(|r| a.text[r].to_string())
        .collect()
}

#[test]
fn terms_are_anded_across_paragraphs() {
    let c = corpus();
    // "tiger" and "bell" are in different paragraphs of article 0.
    assert_eq!(ids(&c, "tiger bell"), [0, 4]);
    assert_eq!(ids(&c, "tiger"), [0, 1, 4]);
    // The article with both in one paragraph ranks first.
    let h = hits(&c, "tiger bell");
    assert_eq!(h[0].article, 4);
    assert_eq!(h[1].matching_paragraphs, 2);
}

#[test]
fn exact_prefix_suffix_and_negation() {
    let c = corpus();
    assert_eq!(ids(&c, "'tiger !bell"), [1]);
    assert_eq!(ids(&c, "^bell"), [4]);
    assert_eq!(ids(&c, "^later"), [0]);
    assert_eq!(ids(&c, "china."), [4]);
    assert_eq!(ids(&c, "disagreed.$"), [3]);
    assert_eq!(ids(&c, "river$"), Vec::<usize>::new());
    assert_eq!(ids(&c, "^china disagreed.$"), [3]);
    assert_eq!(ids(&c, "'slee"), [1]);
    assert_eq!(ids(&c, "'slee'"), Vec::<usize>::new());
    assert_eq!(ids(&c, "'sleeps'"), [1]);
    assert_eq!(ids(&c, "!tiger"), [2, 3]);
    assert_eq!(ids(&c, "!^the"), [2, 3, 4]);
    assert_eq!(ids(&c, "lavrov | müller"), [2, 3]);
    // `'` on its own, `!` on its own, `^$`: no terms, everything.
    for q in ["", "'", "!", "^$", "^", "$$"] {
        assert_eq!(ids(&c, q).len(), if q == "$$" { 0 } else { 5 }, "{q:?}");
    }
}

#[test]
fn smart_case() {
    let c = corpus();
    assert_eq!(ids(&c, "bell"), [0, 4]);
    assert_eq!(ids(&c, "Bell"), [4]);
    assert_eq!(ids(&c, "china"), [3, 4]);
    assert_eq!(ids(&c, "CHINA"), Vec::<usize>::new());
}

#[test]
fn accents_fold_and_positions_map_back_to_the_original_text() {
    let c = corpus();
    assert_eq!(ids(&c, "muller"), [2]);
    assert_eq!(ids(&c, "Muller"), [2]);
    assert_eq!(ids(&c, "strasse"), [2]);
    assert_eq!(ids(&c, "straße"), [2]);
    let a = &c[2];
    let body = a.paragraph_at(a.text.find("who").unwrap()).unwrap();
    assert_eq!(marked(a, body, "muller"), ["Müller"]);
    // ß folds to two letters: the range covers it once, whole.
    assert_eq!(marked(a, body, "strasse"), ["Straße"]);
    // A fuzzy match with a skipped multi-byte letter.
    assert_eq!(marked(a, body, "mller"), ["M", "ller"]);
    for r in match_positions(a, body, &parse("müller straße fans")) {
        assert!(a.text.is_char_boundary(r.start) && a.text.is_char_boundary(r.end));
        assert!(a.paragraphs[body].range().contains(&r.start));
    }
}

#[test]
fn noise_floor_rejects_junk_and_keeps_dropped_letters() {
    let c = corpus();
    assert!(ids(&c, "xqzv").is_empty());
    assert_eq!(ids(&c, "lavrv"), [3]);
    assert_eq!(ids(&c, "sanctons"), [3]);
    // Letters of "sanctions" strewn over a sentence are not a match.
    assert!(ids(&c, "tsnwr").is_empty());
    // A transposition is not a subsequence: no match (as in fzf).
    assert!(ids(&c, "lavorv").is_empty());
}

#[test]
fn the_headline_ranks_above_the_body() {
    let c = vec![
        article(
            "body",
            "Weather\n\nSanctions were discussed at length today.",
        ),
        article("title", "Sanctions talk\n\nThe weather was fine today."),
    ];
    let h = hits(&c, "sanctions");
    assert_eq!(h[0].article, 1);
    assert_eq!(c[1].paragraph_text(h[0].best_paragraph), "Sanctions talk");
}

#[test]
fn article_matches_list_every_matching_paragraph_in_order() {
    let c = corpus();
    let m = article_matches(&c[0], 0, &Matcher::new(parse("tiger bell")));
    let paras: Vec<usize> = m.iter().map(|m| m.paragraph).collect();
    assert_eq!(paras.len(), 2);
    assert!(paras[0] < paras[1]);
    let words: Vec<&str> = m
        .iter()
        .flat_map(|m| m.ranges.iter().map(|r| &c[0].text[r.clone()]))
        .collect();
    assert_eq!(words, ["tiger", "bell"]);
}

#[test]
fn bundled_corpus_finds_the_tiger_and_the_bell() {
    let corpus = Corpus::embedded();
    let h = hits(&corpus.articles, "tiger bell");
    assert_eq!(h[0].article, 0, "{h:?}");
    let a = &corpus.articles[0];
    assert!(
        a.paragraph_text(h[0].best_paragraph)
            .contains("tied the bell to the tiger")
    );
}

#[test]
fn no_query_panics() {
    let corpus = Corpus::embedded();
    let index = SearchIndex::from_articles(&corpus.articles);
    let long = "lavrov sanctions ".repeat(600) + &"x".repeat(2_000);
    let queries = [
        "",
        " ",
        "!",
        "'",
        "^",
        "$",
        "^$",
        "!^",
        "!'",
        "''",
        "|",
        "| |",
        "a |",
        "\\",
        "\\ ",
        "@",
        "@putin",
        "!@x",
        "é",
        "ß",
        "İstanbul",
        "北京",
        "🙂",
        "\u{301}",
        "\u{ad}",
        "'''",
        "^^^^",
        "$$$",
        "!!!",
        "a\tb",
        &long,
        &"é".repeat(10_000),
    ];
    for q in queries {
        let query = parse(q);
        let hits = search(&index, &query, 10);
        for h in hits {
            let a = &corpus.articles[h.article];
            for p in 0..a.paragraphs.len() {
                let _ = match_positions(a, p, &query);
            }
        }
    }
}

#[test]
fn speaker_terms_are_parsed_and_ignored_for_now() {
    let c = corpus();
    let q = parse("@lavrov sanctions");
    assert_eq!(q.speakers(), ["lavrov"]);
    assert_eq!(ids(&c, "@lavrov sanctions"), ids(&c, "sanctions"));
}
