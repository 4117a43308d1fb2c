//! Loading a corpus and modelling its articles. No terminal code here.

pub mod article;
pub mod assemble;
pub mod boilerplate;
pub mod cache;
pub mod clean;
pub mod compressed;
pub mod csv_export;
pub mod date;
pub mod embedded;
pub mod feed;
pub mod format;
mod front_matter;
mod headline;
pub mod html;
pub mod json;
pub mod lines;
pub mod load;
pub mod mapped;
pub mod markdown;
mod meta;
pub mod newsboat;
pub mod offsets;
pub mod order;
pub mod paragraphs;
mod pattern;
mod read;
pub mod sanitize;
pub mod stream;
pub mod text;
mod walk;
pub mod warc;
mod words;

pub use article::{
    Article, Emphasis, LoadNote, Origin, Paragraph, ParagraphKind, distinct_ignoring_case,
    distinct_outlets,
};
pub use load::{Corpus, LoadEvent, LoadProblem, LoadRequest, Severity, load_streaming};
pub use mapped::{Column, MappedFile};
pub use read::reread;
pub use text::Text;
