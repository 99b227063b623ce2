//! The in-memory archive: documents, their annotations, the entity index (canonical entity →
//! mentions), the date timeline and the full-text index, with the queries over all of it.
//! Draws nothing.

pub mod annotations;
pub mod archive;
pub mod build;
pub mod cache;
pub mod docs;
pub mod entities;
pub mod search;
pub mod timeline;

use std::collections::HashMap;

use crate::corpus::{Corpus, Document, Problem};
use crate::extract::{Annotations, Extractor};

pub use annotations::{DocAnnotations, EntityRef, EntityTable, StoredMention};
pub use docs::{DocInfo, Texts};
pub use entities::{EntityIndex, EntityInfo, MentionRef};
pub use search::{QueryError, SearchHit, SearchIndex};
pub use timeline::TimelineEntry;

/// Everything the reader and the headless commands query.
pub struct Store {
    /// The documents' metadata, by id (`0..len`); ids stay valid while the archive is open,
    /// a removed document keeps its id with [`DocInfo::removed`] set.
    pub docs: Vec<DocInfo>,
    /// The documents' texts, by id.
    pub texts: Texts,
    /// `annotations[i]` belongs to `docs[i]`.
    pub annotations: Vec<DocAnnotations>,
    /// The entities and spellings the annotations refer to.
    pub table: EntityTable,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
    /// Files skipped as not an article format.
    pub skipped: usize,
    /// Canonical entities of the listed documents and where they are mentioned.
    pub entities: EntityIndex,
    /// Full-text index over titles and bodies.
    pub search: SearchIndex,
    /// Document key → id.
    by_key: HashMap<u64, usize>,
    /// Documents not removed.
    live: usize,
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
    /// Walking the folders and comparing files with the cache.
    Checking,
    /// Reading and parsing files (and, when building, finding their entities too).
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
            Stage::Checking => "checking files",
            Stage::Reading => "reading files and finding entities",
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
    /// Extracts, links and indexes every document of `corpus`, in memory.
    pub fn build(corpus: Corpus, extractor: &Extractor) -> Store {
        Store::build_with(corpus, extractor, &|_, _, _| {})
    }

    /// [`Store::build`], reporting progress. Extraction runs on every core: documents are
    /// independent until linking.
    pub fn build_with(corpus: Corpus, extractor: &Extractor, progress: Progress) -> Store {
        let docs = corpus.documents;
        let mut problems = corpus.problems;
        let (annotations, failed) = extract_all(&docs, extractor, progress);
        problems.extend(docs.iter().filter_map(|d| {
            crate::extract::budget_note(&d.text)
                .map(|reason| Problem { path: d.path.clone().into(), reason })
        }));
        problems.extend(failed.into_iter().map(|(d, why)| Problem {
            path: docs[d].path.clone().into(),
            reason: format!(
                "finding entities failed (an internal error: {why}); shown without entities"
            ),
        }));
        progress(Stage::Indexing, 0, 1);
        let store = Store::from_parts(docs, annotations, problems, corpus.skipped, true);
        progress(Stage::Indexing, 1, 1);
        store
    }

    /// A store in memory over documents already annotated (tests, and archives opened without
    /// the cache): links entities across documents and, with `index`, builds the search index
    /// in RAM. Document keys are `1..=n`.
    pub fn from_parts(
        docs: Vec<Document>,
        annotations: Vec<Annotations>,
        problems: Vec<Problem>,
        skipped: usize,
        index: bool,
    ) -> Store {
        let mut table = EntityTable::default();
        let stored: Vec<DocAnnotations> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                annotations
                    .get(i)
                    .map_or_else(DocAnnotations::default, |a| table.intern(a, &d.text))
            })
            .collect();
        let infos: Vec<DocInfo> =
            docs.iter().enumerate().map(|(i, d)| DocInfo::of(d, i as u64 + 1)).collect();
        let texts = Texts::in_memory(docs.iter().map(|d| d.text.as_str()));
        let search = if index {
            index_in_ram(&infos, &texts, &stored, &table)
        } else {
            SearchIndex::unavailable("not built for this command")
        };
        Store::assemble(infos, texts, stored, table, problems, skipped, search)
    }

    /// A store from its parts, with the entity index and key map derived from them.
    pub fn assemble(
        docs: Vec<DocInfo>,
        texts: Texts,
        annotations: Vec<DocAnnotations>,
        table: EntityTable,
        problems: Vec<Problem>,
        skipped: usize,
        search: SearchIndex,
    ) -> Store {
        let entities = EntityIndex::build(&table, &annotations, |d| !docs[d].removed);
        let by_key = docs.iter().enumerate().map(|(i, d)| (d.key, i)).collect();
        let live = docs.iter().filter(|d| !d.removed).count();
        Store { docs, texts, annotations, table, problems, skipped, entities, search, by_key, live }
    }

    /// The text of document `id` ("" for an unknown id, or a text the cache holds damaged).
    pub fn text(&self, id: usize) -> &str {
        self.texts.get(id)
    }

    /// The content key of document `id`: a hash of its text (16 hex digits), the same for
    /// the same text wherever the file lives, so the user's state can follow it.
    pub fn content_key(&self, id: usize) -> Option<String> {
        self.texts.span(id).map(|s| format!("{:016x}", s.check))
    }

    /// The id of the document with stable key `key`.
    pub fn doc_of_key(&self, key: u64) -> Option<usize> {
        self.by_key.get(&key).copied()
    }

    /// How many documents are in the archive (removed ones not counted).
    pub fn live_count(&self) -> usize {
        self.live
    }

    /// Ids of the documents still in the archive, ascending.
    pub fn live_ids(&self) -> impl Iterator<Item = usize> + '_ {
        self.docs.iter().enumerate().filter(|(_, d)| !d.removed).map(|(i, _)| i)
    }

    /// Runs a query in the query language (see [`search`]), best hits first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, QueryError> {
        search::search(self, query, limit)
    }

    /// Every dated mention across the archive, oldest first.
    pub fn timeline(&self) -> Vec<TimelineEntry> {
        timeline::build(self)
    }

    /// The display name of entity `e` ("" when the archive does not know it).
    pub fn entity_name(&self, e: EntityRef) -> &str {
        match self.entities.get(e) {
            Some(info) => &info.canonical,
            None => self.table.get(e).map_or("", |t| t.canonical.as_str()),
        }
    }

    /// Entities that share documents with `e`, most shared documents first.
    pub fn co_occurring(&self, e: EntityRef) -> Vec<(&EntityInfo, usize)> {
        let Some(me) = self.entities.get(e) else { return Vec::new() };
        let mut shared: HashMap<EntityRef, usize> = HashMap::new();
        for d in me.docs() {
            let mut seen: Vec<EntityRef> =
                self.annotations[d].mentions.iter().map(|m| m.entity).filter(|&x| x != e).collect();
            seen.sort_unstable();
            seen.dedup();
            for x in seen {
                *shared.entry(x).or_default() += 1;
            }
        }
        let mut out: Vec<(&EntityInfo, usize)> =
            shared.into_iter().filter_map(|(x, n)| Some((self.entities.get(x)?, n))).collect();
        out.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| b.0.mentions.len().cmp(&a.0.mentions.len()))
                .then_with(|| a.0.canonical.cmp(&b.0.canonical))
        });
        out
    }
}

/// The distinct entity ids a document mentions, sorted (what the index's entity field holds).
pub fn entity_ids<'a>(table: &'a EntityTable, a: &DocAnnotations) -> Vec<&'a str> {
    let mut ids: Vec<&str> =
        a.mentions.iter().filter_map(|m| table.get(m.entity).map(|t| t.id.as_str())).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// A search index in RAM over every listed document.
fn index_in_ram(
    docs: &[DocInfo],
    texts: &Texts,
    annotations: &[DocAnnotations],
    table: &EntityTable,
) -> SearchIndex {
    let build = || -> Result<search::engine::Engine, String> {
        let engine = search::engine::Engine::in_ram()?;
        let bytes: usize = docs.iter().map(|d| d.bytes as usize).sum();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut w = engine.writer(if bytes < (8 << 20) { 1 } else { cores })?;
        for (i, d) in docs.iter().enumerate().filter(|(_, d)| !d.removed) {
            let ids = entity_ids(table, &annotations[i]);
            w.add(&search::engine::IndexDoc {
                key: d.key,
                title: &d.title,
                body: texts.get(i),
                lang: &d.lang,
                date: d.date,
                entities: &ids,
            })?;
        }
        w.commit("memory")?;
        Ok(engine)
    };
    match build() {
        Ok(engine) => SearchIndex::new(engine),
        Err(e) => SearchIndex::unavailable(e),
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
