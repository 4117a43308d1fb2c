//! Loading a corpus and modelling its articles. No terminal code here.

pub mod article;
pub mod assemble;
pub mod boilerplate;
pub mod cache;
pub mod clean;
pub mod embedded;
pub mod json;
pub mod load;
pub mod paragraphs;
pub mod sanitize;

pub use article::{Article, LoadNote, Origin, Paragraph, ParagraphKind};
pub use load::{Corpus, LoadEvent, LoadProblem, LoadRequest, Severity, load_streaming};
