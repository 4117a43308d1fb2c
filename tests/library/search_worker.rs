//! The background worker: latest query wins, narrowing is exact, appended
//! articles are searched. No test depends on timing: ordering is forced
//! through the event callback, and waits only guard against a hang.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use saidso::corpus::assemble::article_from_bytes;
use saidso::corpus::{Article, Corpus, Origin};
use saidso::search::{
    FilterEvent, FilterHandle, FilterOptions, FilterWorker, IndexSegment, SearchIndex, parse,
    search,
};

const TOP_K: usize = 50;

/// `n` articles recombined from the bundled ones' paragraphs.
fn articles(n: usize) -> Vec<Article> {
    let seeds = Corpus::embedded().articles;
    let paragraphs: Vec<&str> = seeds
        .iter()
        .flat_map(|a| a.paragraphs.iter().map(|p| &a.text[p.range()]))
        .collect();
    (0..n)
        .map(|i| {
            let mut text = format!("Report {i}\n\n");
            for k in 0..4 {
                text.push_str(paragraphs[(i * 7 + k * 13) % paragraphs.len()]);
                text.push_str("\n\n");
            }
            article_from_bytes(format!("{i}.txt"), Origin::Embedded, text.as_bytes())
        })
        .collect()
}

fn next(rx: &Receiver<FilterEvent>) -> FilterEvent {
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the worker answers")
}

/// Events up to the complete one of generation `g`.
fn until_complete(rx: &Receiver<FilterEvent>, g: u64) -> Vec<FilterEvent> {
    let mut events = Vec::new();
    loop {
        let e = next(rx);
        let done = e.generation == g && e.complete;
        events.push(e);
        if done {
            return events;
        }
    }
}

fn options() -> FilterOptions {
    FilterOptions {
        top_k: TOP_K,
        // One article per chunk: many chunks even for a small corpus.
        chunk_paragraphs: 1,
    }
}

#[test]
fn a_newer_query_cancels_older_work_and_skips_queued_ones() {
    let articles = articles(400);
    let handle: Arc<OnceLock<FilterHandle>> = Arc::new(OnceLock::new());
    let (tx, rx) = channel();
    let fired = AtomicBool::new(false);
    let h = handle.clone();
    let worker = FilterWorker::with_options(options(), move |e: FilterEvent| {
        // On the first partial result of query 1, two newer queries arrive.
        if e.generation == 1 && !e.complete && !fired.swap(true, Ordering::SeqCst) {
            let h = h.get().expect("set before submitting");
            assert_eq!(h.submit("lavrov"), 2);
            assert_eq!(h.submit("tiger"), 3);
        }
        let _ = tx.send(e);
    });
    assert!(handle.set(worker.handle()).is_ok());
    worker.append(IndexSegment::build(&articles));
    assert_eq!(worker.submit("a"), 1);

    let events = until_complete(&rx, 3);
    let of = |g: u64| events.iter().filter(move |e| e.generation == g);
    assert!(of(1).count() >= 1, "query 1 reported a partial result");
    assert!(of(1).all(|e| !e.complete), "query 1 was cancelled");
    assert_eq!(of(2).count(), 0, "query 2 was superseded before it ran");
    assert!(
        events
            .windows(2)
            .all(|w| w[0].generation <= w[1].generation),
        "events never go back to an older generation"
    );
    let index = SearchIndex::from_articles(&articles);
    let last = events.last().unwrap();
    assert_eq!(last.hits, search(&index, &parse("tiger"), TOP_K));
    assert_eq!(last.searched_articles, articles.len());
}

#[test]
fn narrowing_and_backspace_give_the_same_results_as_a_fresh_search() {
    let articles = articles(300);
    let index = SearchIndex::from_articles(&articles);
    let (tx, rx) = channel();
    let worker = FilterWorker::with_options(options(), move |e| {
        let _ = tx.send(e);
    });
    worker.append(IndexSegment::build(&articles));
    let typed = [
        "s",
        "sa",
        "san",
        "sanc",
        "sanctions",
        "sanctions ",
        "sanctions c",
        "sanctions ch",
        "sanctions chin",
        "sanctions chi",
        "sanctions c",
        "sanctions",
        "sanctions !t",
        "sanctions !th",
        "sanctions !t",
        "sanctions !",
        "sanctions 'chin",
        "Sanctions",
        "Sanctions Ch",
        "l",
        "la | ti",
        "la | tig",
        "la | tig bel",
        "",
        "t",
        "ti",
        "tig",
        "tige",
        "tiger",
        "tiger b",
        "tiger be",
        "tiger bell",
        "tiger bel",
        "lav",
        "lavr",
    ];
    for q in typed {
        let g = worker.submit(q);
        let last = until_complete(&rx, g).pop().unwrap();
        let all = search(&index, &parse(q), usize::MAX);
        assert_eq!(last.matched_articles, all.len(), "{q:?}");
        assert_eq!(last.hits, search(&index, &parse(q), TOP_K), "{q:?}");
    }
}

#[test]
fn articles_appended_while_filtering_are_searched_too() {
    let articles = articles(120);
    let index = SearchIndex::from_articles(&articles);
    let (tx, rx) = channel();
    let worker = FilterWorker::with_options(options(), move |e| {
        let _ = tx.send(e);
    });
    let g = worker.submit("tiger");
    let first = until_complete(&rx, g).pop().unwrap();
    assert_eq!((first.total_articles, first.matched_articles), (0, 0));
    for batch in articles.chunks(25) {
        worker.append(IndexSegment::build(batch));
    }
    let last = loop {
        let e = next(&rx);
        assert_eq!(e.generation, g);
        if e.complete && e.searched_articles == articles.len() {
            break e;
        }
    };
    assert_eq!(last.hits, search(&index, &parse("tiger"), TOP_K));
    // Narrowing from there still sees every article.
    let g = worker.submit("tiger bell");
    let last = until_complete(&rx, g).pop().unwrap();
    assert_eq!(last.hits, search(&index, &parse("tiger bell"), TOP_K));
}

#[test]
fn at_name_waits_for_the_speakers_then_searches_only_their_quotations() {
    use saidso::quotes::{ArticleQuotes, SpeakerIndex, find_quotes};
    use saidso::search::{Matcher, SpeakerDirectory, search_with};

    let articles = Corpus::embedded().articles;
    let (tx, rx) = channel();
    let worker = FilterWorker::with_options(options(), move |e| {
        let _ = tx.send(e);
    });
    worker.append(IndexSegment::build(&articles));
    let g = worker.submit("@lavrov sanctions");
    let waiting = until_complete(&rx, g).pop().unwrap();
    assert!(waiting.speakers_pending, "no speakers yet: the query waits");
    assert!(waiting.hits.is_empty());

    let quotes: Vec<ArticleQuotes> = articles.iter().map(find_quotes).collect();
    let refs: Vec<&ArticleQuotes> = quotes.iter().collect();
    let directory = Arc::new(SpeakerDirectory::new(&SpeakerIndex::build(&refs), &refs));
    worker.set_speakers(directory.clone());
    // The query in force runs again by itself, under its generation.
    let found = until_complete(&rx, g).pop().unwrap();
    assert!(!found.speakers_pending);
    let scope = found.scope.clone().expect("the scope it searched");
    assert_eq!(scope.speakers(), 1, "Lavrov is one speaker");
    assert!(!found.hits.is_empty());
    let index = SearchIndex::from_articles(&articles);
    let everywhere = search(&index, &parse("sanctions"), TOP_K);
    assert!(
        found.hits.len() < everywhere.len() || found.hits != everywhere,
        "the scope narrows the plain search"
    );
    for hit in &found.hits {
        assert!(
            scope.allows(hit.article, hit.best_paragraph),
            "best paragraph {} of article {} quotes Lavrov",
            hit.best_paragraph,
            hit.article
        );
    }
    let matcher = Matcher::new(parse("@lavrov sanctions")).with_scope(Some(scope));
    assert_eq!(found.hits, search_with(&index, &matcher, TOP_K));

    // A speaker nobody is: nothing, and the count says so.
    let g = worker.submit("@xqzv sanctions");
    let none = until_complete(&rx, g).pop().unwrap();
    assert!(none.hits.is_empty());
    assert_eq!(none.scope.map(|s| s.speakers()), Some(0));
}
