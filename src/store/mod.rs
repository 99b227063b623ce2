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

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("docs", &self.docs.len())
            .field("problems", &self.problems.len())
            .finish_non_exhaustive()
    }
}

/// A stage of building the store, for progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and parsing files.
    Reading,
    /// Finding entities and dates.
    Extracting,
    /// Building the full-text index.
    Indexing,
}

impl Stage {
    /// What the stage does, for a progress line ("reading files").
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "reading files",
            Stage::Extracting => "finding entities and dates",
            Stage::Indexing => "indexing for search",
        }
    }
}

/// Receives progress: `(stage, done, total)`; called from worker threads, so it must be `Sync`.
pub type Progress<'a> = &'a (dyn Fn(Stage, usize, usize) + Sync);

/// Documents extracted between two progress reports.
const REPORT_EVERY: usize = 64;

impl Store {
    /// Extracts, links and indexes every document of `corpus`.
    pub fn build(corpus: Corpus, extractor: &Extractor) -> Store {
        Store::build_with(corpus, extractor, &|_, _, _| {})
    }

    /// [`Store::build`], reporting progress. Extraction runs on every core: documents are
    /// independent until linking.
    pub fn build_with(corpus: Corpus, extractor: &Extractor, progress: Progress) -> Store {
        let docs = corpus.documents;
        let mut problems = corpus.problems;
        let (mut annotations, failed) = extract_all(&docs, extractor, progress);
        problems.extend(docs.iter().filter_map(|d| {
            extract::budget_note(&d.text)
                .map(|reason| Problem { path: d.path.clone().into(), reason })
        }));
        problems.extend(failed.into_iter().map(|(d, why)| Problem {
            path: docs[d].path.clone().into(),
            reason: format!(
                "finding entities failed (an internal error: {why}); shown without entities"
            ),
        }));
        extract::link(&docs, &mut annotations);
        let entities = EntityIndex::build(&docs, &annotations);
        progress(Stage::Indexing, 0, 1);
        let search = SearchIndex::build(&docs, &annotations);
        progress(Stage::Indexing, 1, 1);
        Store { docs, annotations, problems, skipped: corpus.skipped, entities, search }
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

/// Annotations of every document, in order, extracted on up to one thread per core; and the
/// ids of documents whose extraction panicked, with the panic's message (a bug: they keep
/// empty annotations, and the rest of the archive still opens).
fn extract_all(
    docs: &[Document],
    extractor: &Extractor,
    progress: Progress,
) -> (Vec<Annotations>, Vec<(usize, String)>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let total = docs.len();
    let done = AtomicUsize::new(0);
    let one = |d: &Document| {
        let a = crate::text::guard::catch_bug(|| extractor.extract(d));
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if n.is_multiple_of(REPORT_EVERY) || n == total {
            progress(Stage::Extracting, n, total);
        }
        a
    };
    let split = |all: Vec<Result<Annotations, String>>| {
        let mut failed = Vec::new();
        let annotations = all
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                a.unwrap_or_else(|why| {
                    failed.push((i, why));
                    Annotations::default()
                })
            })
            .collect();
        (annotations, failed)
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if cores < 2 || total < 2 * REPORT_EVERY {
        return split(docs.iter().map(one).collect());
    }
    let chunk = total.div_ceil(cores);
    std::thread::scope(|s| {
        // An explicit stack: a spawned thread's default (2 MiB) is not what qari is tested with.
        let workers: Vec<_> = docs
            .chunks(chunk)
            .map(|c| {
                std::thread::Builder::new()
                    .name("qari-extract".into())
                    .stack_size(crate::text::guard::THREAD_STACK)
                    .spawn_scoped(s, || c.iter().map(one).collect::<Vec<_>>())
            })
            .collect();
        // Each document's panic is caught inside the worker; a worker that still dies is a
        // bug in this function: pass it on rather than lose documents.
        // A worker that cannot start leaves its documents to this thread.
        let all = workers
            .into_iter()
            .zip(docs.chunks(chunk))
            .flat_map(|(w, c)| match w {
                Ok(w) => w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                Err(_) => c.iter().map(one).collect(),
            })
            .collect();
        split(all)
    })
}
