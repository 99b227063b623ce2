//! qari: a terminal reader for multilingual news archives.
//!
//! Layers, each using only the ones above it: [`text`] (pure text primitives and layout),
//! [`corpus`] (paths → documents), [`extract`] (entities and dates), [`store`] (the in-memory
//! archive and its search index), [`tui`] (the reader) and [`cli`] (argument parsing and the
//! headless commands). [`fuzz`] holds the fuzz targets' bodies (over `text`, `corpus` and
//! `extract`), shared by cargo-fuzz and the stable-Rust loop in the tests.

pub mod cli;
pub mod corpus;
pub mod extract;
pub mod fuzz;
pub mod lang;
pub mod par;
pub mod state;
pub mod store;
pub mod text;
pub mod tui;
