//! Laying text out in screen lines that keep their byte offsets, so views
//! can scroll to a quote or a match. Terminal-free: widths only.

pub mod document;
pub mod lines;

pub use document::{ArticleLayout, DocLine, LayoutOptions, LineKind};
pub use lines::{display_width, wrap};
