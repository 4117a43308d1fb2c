//! The bundled default corpus (assets/articles/), compiled in by build.rs.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
