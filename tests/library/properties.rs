//! Property tests over untrusted input: every loader, the sanitiser, the
//! quotation finder, the query parser and search, the config parser and
//! the state, history and load-cache readers. Each property is one a user
//! would notice broken: a panic, a control character reaching the
//! terminal, an offset that slices the wrong text, a file that neither
//! loads nor says why. A few hundred cases each (a few thousand in all);
//! `random_inputs_harness` runs millions of the same (see README).

use proptest::prelude::*;
use proptest::sample::select;

use crate::fuzz::checks::{self, Checked};
use crate::fuzz::scratch::Scratch;
use crate::fuzz::targets::{JSONL_NAMES, TEXT_NAMES, damaged_cache};
use crate::fuzz::{files, inputs};

thread_local! {
    static SCRATCH: Scratch = Scratch::new();
}

fn with_scratch(check: impl FnOnce(&Scratch) -> Checked) -> Result<(), TestCaseError> {
    SCRATCH.with(check).map_err(TestCaseError::fail)
}

fn cases(n: u32) -> ProptestConfig {
    ProptestConfig {
        cases: n,
        // A failure is shrunk and printed; the regression belongs in a
        // unit test, not in a file proptest writes next to this one.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn a_text_file_is_one_safe_article_or_a_named_problem(
        (name, bytes) in (select(TEXT_NAMES), inputs::article_bytes())
    ) {
        with_scratch(|s| checks::load(s, name, &bytes))?;
    }

    #[test]
    fn a_json_file_gives_safe_articles_or_a_named_problem(bytes in inputs::json_file()) {
        with_scratch(|s| checks::load(s, "a.json", &bytes))?;
    }

    #[test]
    fn a_json_lines_file_gives_safe_articles_or_named_problems(
        (name, bytes) in (select(JSONL_NAMES), inputs::jsonl_file())
    ) {
        with_scratch(|s| checks::load(s, name, &bytes))?;
    }

    #[test]
    fn quotations_lie_on_the_text_and_show_nothing_a_terminal_obeys(
        bytes in inputs::article_bytes()
    ) {
        checks::quotation_finder(&bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_query_parses_and_searches_with_highlights_on_characters(
        q in inputs::query(),
        text in inputs::mutated(inputs::prose(120), 2),
    ) {
        with_scratch(|s| checks::query(s, &q, &text))?;
    }

    #[test]
    fn a_damaged_state_file_reads_as_a_state_or_a_warning_and_saves_again(
        bytes in files::state_file(),
        save in any::<bool>(),
    ) {
        with_scratch(|s| checks::state(s, &bytes, save))?;
    }

    #[test]
    fn a_damaged_history_recalls_only_queries_to_type_again(bytes in files::history_file()) {
        with_scratch(|s| checks::history_file(s, &bytes))?;
    }

    #[test]
    fn a_damaged_load_cache_gives_back_only_checked_articles(damage in files::cache_damage()) {
        with_scratch(|s| checks::cache(s, &damaged_cache(s, &damage)))?;
    }
}

proptest! {
    #![proptest_config(cases(512))]

    #[test]
    fn sanitised_text_is_safe_and_maps_back_onto_the_file(bytes in inputs::article_bytes()) {
        checks::sanitizer(&bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn sanitising_any_bytes_at_all_is_safe(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        checks::sanitizer(&bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn config_text_is_read_or_refused_with_a_line_number(text in files::config_text()) {
        with_scratch(|s| checks::config(&s.vocabulary, &text))?;
    }
}
