//! qari: a terminal reader for multilingual news archives.
//!
//! Layers, each using only the ones above it: [`text`] (pure text primitives and layout),
//! [`corpus`] (paths → documents), [`extract`] (entities and dates), [`store`] (the in-memory
//! archive and its search index), [`tui`] (the reader) and [`cli`] (argument parsing and the
//! headless commands).

pub mod cli;
pub mod corpus;
pub mod extract;
pub mod par;
pub mod store;
pub mod text;
pub mod tui;
