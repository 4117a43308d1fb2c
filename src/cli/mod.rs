//! The command line: `saidso [PATH...]` opens the reader; subcommands are
//! the headless interface that scripts and tests use.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use saidso::corpus::{Corpus, LoadRequest};
use saidso::export::terminal::{visible_line, warn};

pub mod compare;
mod compare_export;
pub mod config;
pub mod copies;
pub mod coverage;
pub mod format;
pub mod jsonl;
pub mod list;
pub mod mistyped;
pub mod newsboat;
pub mod output;
pub mod quotes;
pub mod search;
pub mod speakers;
pub mod statements;
pub mod stdin;
pub mod stories;
pub mod story_matrix;

/// A terminal reader for news coverage: who said what, where.
#[derive(Debug, Parser)]
#[command(name = "saidso", version, subcommand_precedence_over_arg = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Read this config file instead of
    /// $XDG_CONFIG_HOME/saidso/config.toml (~/.config/saidso/config.toml).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Start the reader with this filter typed in its prompt (as fzf's
    /// --query): Enter keeps it, Esc clears it.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
    /// Neither read nor write the reading state (read articles, positions,
    /// the last article) in $XDG_STATE_HOME/saidso/.
    #[arg(long)]
    pub no_state: bool,
    /// Neither read nor write the load cache and the quotation and
    /// derived stores of large corpora in $XDG_CACHE_HOME/saidso/ (see
    /// the README).
    #[arg(long, global = true)]
    pub no_cache: bool,
}

impl Cli {
    /// Where the reader keeps its reading state, unless `--no-state`.
    pub fn state_dir(&self) -> Option<PathBuf> {
        if self.no_state {
            None
        } else {
            saidso::state::default_dir()
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles: title, byline, words, paragraphs.
    List(list::ListArgs),
    /// Print every quotation and who said it.
    Quotes(quotes::QuotesArgs),
    /// Fuzzy-search all articles, best first.
    Search(search::SearchArgs),
    /// Everyone quoted across the corpus, most quoted first.
    Speakers(speakers::SpeakersArgs),
    /// Compare two articles: statements both quote, what each quotes alone.
    Compare(compare::CompareArgs),
    /// Every statement across the corpus, carried by the most outlets first.
    Statements(statements::StatementsArgs),
    /// The statement a piece of text belongs to, with every rendering.
    Trace(statements::TraceArgs),
    /// Who gave voice to whom: quotations per speaker and outlet.
    Coverage(coverage::CoverageArgs),
    /// Wire copies: articles that run the same story, folded under the
    /// earliest, with the outlets that ran them and what each changed.
    Copies(copies::CopiesArgs),
    /// Articles about one event across outlets, the largest story first.
    Stories(stories::StoriesArgs),
    /// The config file: its default text, its path.
    Config(config::ConfigArgs),
}

impl Cli {
    /// The articles the command works on (None for `config`), so that the
    /// config's default paths can stand in for missing ones.
    pub fn corpus_mut(&mut self) -> Option<&mut CorpusArgs> {
        match &mut self.command {
            None => Some(&mut self.corpus),
            Some(Command::List(a)) => Some(&mut a.corpus),
            Some(Command::Quotes(a)) => Some(&mut a.corpus),
            Some(Command::Search(a)) => Some(&mut a.corpus),
            Some(Command::Speakers(a)) => Some(&mut a.corpus),
            Some(Command::Compare(a)) => Some(&mut a.corpus),
            Some(Command::Statements(a)) => Some(&mut a.corpus),
            Some(Command::Trace(a)) => Some(&mut a.corpus),
            Some(Command::Coverage(a)) => Some(&mut a.corpus),
            Some(Command::Copies(a)) => Some(&mut a.corpus),
            Some(Command::Stories(a)) => Some(&mut a.corpus),
            Some(Command::Config(_)) => None,
        }
    }
}

/// The articles to work on.
#[derive(Debug, Clone, Args)]
pub struct CorpusArgs {
    /// Files and directories (read recursively) of articles: .txt, .md,
    /// .json, .jsonl, .csv, .html, .rss, .atom, .xml, .warc, and any of
    /// them .gz, .zst or .bz2; newsboat's cache.db when named; `-` reads
    /// standard input (told by content).
    /// Without paths, what is piped in, else the bundled sample articles.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also read newsboat's cache: this one, else ~/.newsboat/cache.db,
    /// else $XDG_DATA_HOME/newsboat/cache.db (read-only, so a running
    /// newsboat is not disturbed).
    #[arg(long, value_name = "CACHE", num_args = 0..=1)]
    pub newsboat: Option<Option<PathBuf>>,
}

impl CorpusArgs {
    pub fn request(&self) -> LoadRequest {
        LoadRequest::from_args(&self.paths)
    }

    /// Load the corpus, telling stderr about every file that did not load.
    pub fn load(&self) -> Corpus {
        let corpus = Corpus::load(&self.request());
        report_problems(&corpus);
        corpus
    }

    /// Load with the search index (read from the index store the reader
    /// keeps, where it has this corpus's).
    pub fn load_indexed(&self) -> (Corpus, saidso::search::SearchIndex) {
        let (corpus, index) = saidso::library::load_indexed(&self.request());
        report_problems(&corpus);
        (corpus, index)
    }
}

/// One line per problem on stderr, naming the file.
pub fn report_problems(corpus: &Corpus) {
    for p in &corpus.problems {
        warn(&format!("{}: {}", visible_line(&p.path), p.problem));
    }
    for w in &corpus.warnings {
        report_warning(w);
    }
}

/// One line on stderr about a file saidso keeps, naming it.
pub fn report_warning(w: &saidso::state::Warning) {
    let path = w.path.display().to_string();
    warn(&format!(
        "{}: {}: {}",
        visible_line(&path),
        w.topic,
        w.problem
    ));
}

/// Exit status for a headless command: 1 when a named path could not be
/// read, as `cat` and `grep` do; the rest of the output still stands.
pub fn exit_status(corpus: &Corpus) -> ExitCode {
    if corpus.has_fatal_problem() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
