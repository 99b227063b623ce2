//! The in-memory archive: documents, their annotations, the entity index (canonical entity →
//! mentions), the date timeline and the full-text index, with the queries over all of it.
//! Draws nothing.

pub mod entities;
pub mod search;
pub mod timeline;

use crate::corpus::{Corpus, Document, Problem};
use crate::extract::{self, Annotations, Extractor};

pub use entities::{EntityIndex, EntityInfo, MentionRef};
pub use search::{QueryError, SearchHit, SearchIndex};
pub use timeline::TimelineEntry;

/// Everything the reader and the headless commands query.
pub struct Store {
    /// The documents, `docs[i].id == i`.
    pub docs: Vec<Document>,
    /// `annotations[i]` belongs to `docs[i]`.
    pub annotations: Vec<Annotations>,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
    /// Files skipped as not an article format.
    pub skipped: usize,
    /// Canonical entities and where they are mentioned.
    pub entities: EntityIndex,
    /// Full-text index over titles and bodies.
    pub search: SearchIndex,
}

impl Store {
    /// Extracts, links and indexes every document of `corpus`.
    pub fn build(corpus: Corpus, extractor: &Extractor) -> Store {
        let docs = corpus.documents;
        let mut annotations: Vec<Annotations> = docs.iter().map(|d| extractor.extract(d)).collect();
        extract::link(&docs, &mut annotations);
        let entities = EntityIndex::build(&docs, &annotations);
        let search = SearchIndex::build(&docs, &annotations);
        Store {
            docs,
            annotations,
            problems: corpus.problems,
            skipped: corpus.skipped,
            entities,
            search,
        }
    }

    /// Runs a query in the query language (see [`search`]), best hits first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, QueryError> {
        self.search.search(query, limit, &self.docs, &self.entities)
    }

    /// Every dated mention across the archive, oldest first.
    pub fn timeline(&self) -> Vec<TimelineEntry> {
        timeline::build(&self.docs, &self.annotations)
    }
}
