//! Laying text out in screen lines that keep their byte offsets, so views
//! can scroll to a quote or a match. Terminal-free: widths only.

pub mod document;
pub mod lines;

pub use document::{ArticleLayout, DocLine, Excerpt, LayoutOptions, LineKind};
pub use lines::{PlacedTag, TagRequest, display_width, wrap, wrap_with_tags};
