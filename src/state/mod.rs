//! Reading state: which articles have been read, where the reader was in
//! each, and which article each corpus had open, kept between sessions in
//! `$XDG_STATE_HOME/saidso/state.json`. No terminal code here: the reader
//! decides what to record, this module keeps it safe on disk.

pub mod corpus_key;
pub mod history;
pub mod location;
pub mod model;
pub mod store;
pub mod writer;

pub use corpus_key::corpus_key;
pub use location::default_dir;
pub use model::{ArticleState, CorpusState, Position, ReadingState, article_key, now_millis};
pub use store::{StateStore, Warning};
pub use writer::StateWriter;
