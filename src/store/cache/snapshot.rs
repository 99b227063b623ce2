//! A cache generation opened for one query, read lazily: the documents, annotations and names
//! tables are mapped and only the records a query touches are decoded, so `qari search` on a
//! 100,000-article archive costs about what the query itself costs.
//!
//! Freshness is checked cheaply ([`Snapshot::is_fresh`]): every folder's stat (a file added,
//! removed or renamed changes its folder's mtime) and the files opened by name; and each
//! document shown is checked against its file's stat ([`Snapshot::is_current`]). A file
//! rewritten in place in an unchanged folder is seen by the next full check (the reader,
//! `qari index`, `list`, `entities`, `timeline`).

use std::borrow::Cow;
use std::ops::Range;
use std::path::PathBuf;

use super::state::{PathBytes, Rebase};
use super::{ANN_KIND, Cache, CacheError, DOCS_KIND, DocRecord, Head, NAMES_KIND, NameRecord};
use crate::corpus::walk::FileStat;
use crate::store::annotations::{DocAnnotations, EntityRef};
use crate::store::docs::{DocInfo, Segment, Texts};
use crate::store::search::engine::Searcher;
use crate::store::search::{Named, QueryError, Source};

/// Files whose stat is this close to the last check are not trusted to be unchanged (ns).
const RACY_NS: i64 = 2_000_000_000;

/// One generation of an archive's cache, opened read-only.
pub struct Snapshot {
    head: Head,
    /// Shown paths as the opened paths are typed now.
    rebase: Option<Rebase>,
    docs: super::table::Table,
    annotations: super::table::Table,
    names: super::table::Table,
    segments: Vec<std::sync::Arc<Segment>>,
    searcher: Searcher,
}

impl Snapshot {
    /// The newest generation of the cache of `paths`, with its index. `Ok(None)` when there is
    /// no cache, or it has no index yet.
    pub fn open(paths: &[PathBuf]) -> Result<Option<Snapshot>, CacheError> {
        let cache = Cache::for_paths(paths)?;
        let generation = match cache.current() {
            Ok(g) => g,
            Err(CacheError::Missing) => return Ok(None),
            Err(e) => return Err(e),
        };
        let head = cache.head(generation)?;
        if !head.indexed {
            return Ok(None);
        }
        let engine = cache.index_for(generation)?;
        let snapshot = Snapshot {
            rebase: Rebase::between(&head.roots, &crate::store::archive::roots_of(paths)),
            docs: cache.table(DOCS_KIND, generation)?,
            annotations: cache.table(ANN_KIND, generation)?,
            names: cache.table(NAMES_KIND, generation)?,
            segments: cache.map_segments(&head.segments, &head.segment_stats)?,
            searcher: engine.searcher().map_err(CacheError::Index)?,
            head,
        };
        cache.touch();
        Ok(Some(snapshot))
    }

    /// Whether no folder and no file opened by name changed since the cache was written.
    pub fn is_fresh(&self) -> bool {
        let settled = |s: &FileStat| s.mtime_ns < self.head.checked_at_ns - RACY_NS;
        self.head
            .dirs
            .iter()
            .chain(&self.head.files)
            .all(|(p, st)| settled(st) && stat_of(p).is_some_and(|now| now == *st))
    }

    /// Whether document `doc`'s file is still as it was read.
    pub fn is_current(&self, doc: usize) -> bool {
        let Ok(r) = self.record(doc) else { return false };
        let recent = r.stat.mtime_ns >= self.head.checked_at_ns - RACY_NS;
        !recent && stat_of(&r.file).is_some_and(|now| now == r.stat)
    }

    fn record(&self, doc: usize) -> Result<DocRecord, CacheError> {
        Ok(self.docs.get(doc)?)
    }

    /// Document `doc`'s metadata.
    pub fn info(&self, doc: usize) -> Option<DocInfo> {
        let mut info = self.record(doc).ok()?.info;
        if let Some(r) = &self.rebase {
            info.path = r.apply(&info.path);
        }
        Some(info)
    }

    /// Document `doc`'s annotations.
    pub fn annotations(&self, doc: usize) -> Option<DocAnnotations> {
        self.annotations.get(doc).ok()
    }
}

fn stat_of(p: &PathBytes) -> Option<FileStat> {
    std::fs::metadata(p.to_path()).ok().map(|m| FileStat::of(&m))
}

impl Snapshot {
    /// The entity whose folded name or sound key is `key` (binary search over the sorted names
    /// table, decoding one record per step).
    fn named(&self, key: &str) -> Option<Named> {
        let (mut lo, mut hi) = (0, self.names.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let r: NameRecord = self.names.get(mid).ok()?;
            match r.key.as_str().cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let ids = vec![r.id.clone()];
                    return Some(Named { entity: r.entity, id: r.id, ids, canonical: r.canonical });
                }
            }
        }
        None
    }
}

impl Source for Snapshot {
    fn searcher(&self) -> Result<&Searcher, QueryError> {
        Ok(&self.searcher)
    }

    fn entity_named(&self, name: &str) -> Option<Named> {
        use crate::store::entities::{looks_like_a_name, name_key, sound_key};
        self.named(&name_key(name)).or_else(|| {
            let k = sound_key(name).filter(|_| looks_like_a_name(name))?;
            self.named(&k)
        })
    }

    fn live_doc(&self, key: u64) -> Option<usize> {
        // Documents are stored in key order (keys only grow, new documents are appended).
        let (mut lo, mut hi) = (0, self.docs.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let r = self.record(mid).ok()?;
            match r.info.key.cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return (!r.info.removed).then_some(mid),
            }
        }
        None
    }

    fn doc_text(&self, doc: usize) -> Cow<'_, str> {
        let Ok(r) = self.record(doc) else { return Cow::Borrowed("") };
        let texts = Texts::new(self.segments.clone(), vec![r.span]);
        Cow::Owned(texts.get(0).to_string())
    }

    fn mentions_of(&self, doc: usize, entities: &[EntityRef]) -> Vec<Range<usize>> {
        self.annotations(doc).map_or_else(Vec::new, |a| {
            a.mentions.iter().filter(|m| entities.contains(&m.entity)).map(|m| m.range()).collect()
        })
    }
}
