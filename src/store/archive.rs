//! Opening an archive the way every command and the reader do: from its cache when it has a
//! usable one, else built (into the cache; in memory with `--no-cache`, or when the cache
//! cannot be written); and refreshing it, re-reading only the files that are new or changed.
//!
//! A document keeps its id while the archive is open: a refresh marks removed and changed
//! documents removed and appends the new versions, so the reader's state stays valid.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use super::build::{self, Builder, TextSink};
use super::cache::state::{FileEntry, Manifest, PathBytes, Rebase, StoredProblem, diff, now_ns};
use super::cache::{Cache, CacheError, Lock};
use super::corrections::Corrections;
use super::search::SearchIndex;
use super::search::engine::{Engine, Writer};
use super::{Progress, Stage, Store};
use crate::corpus::walk::{self, Found};
use crate::corpus::{Corpus, Limits};
use crate::extract::Extractor;

/// How to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenOptions {
    /// Use (read and write) the cache; `false` is `--no-cache`: in memory, nothing written.
    pub cache: bool,
    /// The search index is needed (the reader, `qari search`); without it `entities` and
    /// `timeline` do not build one.
    pub index: bool,
}

/// What a refresh changed, in files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    /// Files not in the cache before.
    pub new: usize,
    /// Files whose bytes changed.
    pub changed: usize,
    /// Files gone.
    pub removed: usize,
    /// Files read to find out (new ones, and those whose stat changed: their bytes were
    /// hashed, and extracted again only when they differ).
    pub read: usize,
}

impl Changes {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.new == 0 && self.changed == 0 && self.removed == 0
    }

    /// "3 new, 1 changed, 2 removed" (the parts that are not zero; "no change" otherwise).
    pub fn summary(&self) -> String {
        let parts: Vec<String> =
            [(self.new, "new"), (self.changed, "changed"), (self.removed, "removed")]
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, w)| format!("{n} {w}"))
                .collect();
        if parts.is_empty() { "no change".into() } else { parts.join(", ") }
    }
}

/// An open archive: the store, and what is needed to refresh it. Cloning shares the store.
#[derive(Clone)]
pub struct Archive {
    /// The documents, annotations and index.
    pub store: Arc<Store>,
    /// What the files were when last checked (shared: a refresh's copy of the archive is cheap).
    pub manifest: Arc<Manifest>,
    /// The cache it lives in (`None`: in memory).
    cache: Option<Cache>,
    /// The paths opened (empty: the bundled archive).
    paths: Vec<PathBuf>,
    opts: OpenOptions,
    /// The user's corrections, applied to every store this archive makes.
    corrections: Arc<Corrections>,
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("store", &self.store)
            .field("generation", &self.manifest.generation)
            .field("cache", &self.cache)
            .finish_non_exhaustive()
    }
}

/// An archive opened, with what changed since its cache was written and notes for the user
/// (a damaged cache rebuilt, a cache that could not be written).
pub struct Opened {
    pub archive: Archive,
    pub changes: Changes,
    pub notes: Vec<String>,
}

/// The extractor, built the first time a file must be read (a warm open never builds it).
struct LazyExtractor(OnceLock<Extractor>);

impl LazyExtractor {
    fn get(&self) -> &Extractor {
        self.0.get_or_init(Extractor::new)
    }
}

/// Where an update writes.
enum Target<'a> {
    Memory,
    Cache(&'a Cache, &'a Lock),
}

impl Archive {
    /// The bundled sample archive, in memory.
    pub fn bundled(opts: OpenOptions) -> Archive {
        let corpus = crate::corpus::load_bundled();
        let store = bundled_store(corpus, opts.index);
        Archive {
            store: Arc::new(store),
            manifest: Arc::default(),
            cache: None,
            paths: Vec::new(),
            opts,
            corrections: Arc::default(),
        }
    }

    /// This archive with the user's `corrections` applied (now, and after every refresh).
    pub fn with_corrections(self, corrections: Arc<Corrections>) -> Archive {
        let store = match Arc::try_unwrap(self.store) {
            Ok(s) => s.with_corrections(corrections.clone()),
            Err(shared) => shared.recorrected(corrections.clone()),
        };
        Archive { store: Arc::new(store), corrections, ..self }
    }

    /// Takes `store` (this archive's documents, corrected otherwise: the reader's) and its
    /// corrections, which later refreshes apply.
    pub fn adopt(&mut self, store: Arc<Store>) {
        self.corrections = Arc::clone(&store.corrections.list);
        self.store = store;
    }

    /// The corrections this archive applies.
    pub fn corrections(&self) -> &Arc<Corrections> {
        &self.corrections
    }

    /// Whether the archive lives in the cache.
    pub fn is_cached(&self) -> bool {
        self.cache.is_some()
    }

    /// The archive of `paths` from its cache as last written, without looking at the files
    /// (the reader shows it at once, then refreshes). `None` when there is no usable cache
    /// (the reason is a note, unless there was simply none yet).
    pub fn open_cached(paths: &[PathBuf], opts: OpenOptions) -> (Option<Archive>, Option<String>) {
        if paths.is_empty() || !opts.cache {
            return (None, None);
        }
        let cache = match Cache::for_paths(paths) {
            Ok(c) => c,
            Err(e) => return (None, Some(e.to_string())),
        };
        match load(&cache, opts, &roots_of(paths)) {
            Ok(Some((store, manifest))) => {
                cache.touch();
                let a = Archive {
                    store: Arc::new(store),
                    manifest: Arc::new(manifest),
                    cache: Some(cache),
                    paths: paths.to_vec(),
                    opts,
                    corrections: Arc::default(),
                };
                (Some(a), None)
            }
            Ok(None) => (None, None),
            Err(e) => (None, Some(format!("cache not used: {e}"))),
        }
    }

    /// Opens the archive of `paths` (empty: the bundled one) up to date: from the cache,
    /// refreshed for what changed on disk; built when there is no usable cache. `Err` only
    /// when the cache fails in a way the in-memory fallback cannot help (never for a bad
    /// file: those are the store's problems).
    pub fn open(paths: &[PathBuf], opts: OpenOptions, progress: Progress) -> Opened {
        if paths.is_empty() {
            return Opened {
                archive: Archive::bundled(opts),
                changes: Changes::default(),
                notes: Vec::new(),
            };
        }
        let mut notes = Vec::new();
        if opts.cache {
            let (cached, note) = Archive::open_cached(paths, opts);
            notes.extend(note);
            let result = match cached {
                Some(a) => a.refresh(progress).map(|r| match r {
                    Some((a, changes)) => (a, changes),
                    None => (a, Changes::default()),
                }),
                None => Archive::build_cached(paths, opts, progress),
            };
            match result {
                Ok((archive, changes)) => return Opened { archive, changes, notes },
                Err(e) => notes.push(format!("{e}; working in memory")),
            }
        }
        let archive = Archive::build_in_memory(paths, opts, progress);
        Opened { archive, changes: Changes::default(), notes }
    }

    /// Builds the archive without the cache (nothing written anywhere).
    pub fn build_in_memory(paths: &[PathBuf], opts: OpenOptions, progress: Progress) -> Archive {
        let found = checked_walk(paths, progress);
        let extractor = LazyExtractor(OnceLock::new());
        let (store, manifest, _) = update(
            None,
            &roots_of(paths),
            found,
            &extractor,
            &Target::Memory,
            opts.index,
            &Arc::default(),
            progress,
        )
        .unwrap_or_else(|e| {
            (
                Store::from_parts(
                    Vec::new(),
                    Vec::new(),
                    vec![crate::corpus::Problem {
                        path: paths.first().cloned().unwrap_or_default(),
                        reason: format!("could not be opened in memory: {e}"),
                    }],
                    0,
                    false,
                ),
                Manifest::default(),
                Changes::default(),
            )
        });
        Archive {
            store: Arc::new(store),
            manifest: Arc::new(manifest),
            cache: None,
            paths: paths.to_vec(),
            opts,
            corrections: Arc::default(),
        }
    }

    /// Builds the archive into its cache (another process may have built it meanwhile: then
    /// that one is used and refreshed).
    fn build_cached(
        paths: &[PathBuf],
        opts: OpenOptions,
        progress: Progress,
    ) -> Result<(Archive, Changes), String> {
        let cache = Cache::for_paths(paths).map_err(|e| e.to_string())?;
        let lock = cache.lock().map_err(|e| format!("cannot write the cache: {e}"))?;
        // Built by another process while this one waited for the lock?
        if let Ok(Some((store, manifest))) = load(&cache, opts, &roots_of(paths)) {
            drop(lock);
            let a = Archive {
                store: Arc::new(store),
                manifest: Arc::new(manifest),
                cache: Some(cache),
                paths: paths.to_vec(),
                opts,
                corrections: Arc::default(),
            };
            return a.refresh(progress).map(|r| r.unwrap_or((a, Changes::default())));
        }
        // From nothing: whatever is there (damaged, of another version, half written) goes.
        cache.reset(&lock).map_err(|e| e.to_string())?;
        let found = checked_walk(paths, progress);
        let extractor = LazyExtractor(OnceLock::new());
        let (store, manifest, changes) = update(
            None,
            &roots_of(paths),
            found,
            &extractor,
            &Target::Cache(&cache, &lock),
            opts.index,
            &Arc::default(),
            progress,
        )?;
        cache.touch();
        let a = Archive {
            store: Arc::new(store),
            manifest: Arc::new(manifest),
            cache: Some(cache),
            paths: paths.to_vec(),
            opts,
            corrections: Arc::default(),
        };
        Ok((a, changes))
    }

    /// Checks every file against the manifest and re-reads what is new or changed; `None`
    /// when nothing changed (and the index is there when needed). In memory, checks nothing.
    pub fn refresh(&self, progress: Progress) -> Result<Option<(Archive, Changes)>, String> {
        let Some(cache) = &self.cache else { return Ok(None) };
        let found = checked_walk(&self.paths, progress);
        let needs_index = self.opts.index && !self.manifest.indexed;
        if !needs_index
            && diff(&self.manifest, &found).is_empty()
            && same_walk(&self.manifest, &found)
        {
            return Ok(None);
        }
        let lock = cache.lock().map_err(|e| format!("cannot write the cache: {e}"))?;
        // Another process may have refreshed meanwhile: start from the newest generation
        // (read only when there is one: reading is most of a small refresh's time).
        let moved_on = cache.current().is_ok_and(|g| g > self.manifest.generation);
        let newer = match moved_on.then(|| load(cache, self.opts, &roots_of(&self.paths))) {
            Some(Ok(Some((store, manifest)))) if manifest.generation > self.manifest.generation => {
                Some((Arc::new(store), manifest))
            }
            _ => None,
        };
        let (store, manifest) = match &newer {
            Some((s, m)) => (s.as_ref(), m),
            None => (self.store.as_ref(), self.manifest.as_ref()),
        };
        let extractor = LazyExtractor(OnceLock::new());
        let target = Target::Cache(cache, &lock);
        let (store, manifest, changes) = update(
            Some((store, manifest)),
            &roots_of(&self.paths),
            found,
            &extractor,
            &target,
            self.opts.index,
            &self.corrections,
            progress,
        )?;
        let a = Archive {
            store: Arc::new(store),
            manifest: Arc::new(manifest),
            cache: Some(cache.clone()),
            paths: self.paths.clone(),
            opts: self.opts,
            corrections: self.corrections.clone(),
        };
        Ok(Some((a, changes)))
    }
}

/// The bundled archive's store.
fn bundled_store(corpus: Corpus, index: bool) -> Store {
    let problems = corpus.problems.clone();
    let skipped = corpus.skipped;
    let extractor = Extractor::new();
    let anns = corpus.documents.iter().map(|d| extractor.extract(d)).collect();
    Store::from_parts(corpus.documents, anns, problems, skipped, index)
}

/// Each opened path as typed, with its canonical form (see [`Manifest::roots`]).
pub fn roots_of(paths: &[PathBuf]) -> Vec<(PathBytes, PathBytes)> {
    paths
        .iter()
        .map(|p| {
            let canonical = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            (PathBytes::of(p), PathBytes::of(&canonical))
        })
        .collect()
}

/// A walk of `paths`, reported as the checking stage.
fn checked_walk(paths: &[PathBuf], progress: Progress) -> Found {
    progress(Stage::Checking, 0, 0);
    let found = walk::walk(paths);
    progress(Stage::Checking, found.files.len(), found.files.len());
    found
}

/// Whether the folders and walk-level findings are as the manifest has them (a refresh that
/// only sees other folder stats still writes them down).
fn same_walk(m: &Manifest, found: &Found) -> bool {
    m.skipped == found.skipped
        && m.dirs.len() == found.dirs.len()
        && m.dirs
            .iter()
            .zip(&found.dirs)
            .all(|(a, b)| a.0 == PathBytes::of(&b.key) && a.1 == b.stat)
        && m.walk_problems.len() == found.problems.len()
}

/// Reads the cache's newest generation into a store. `Ok(None)`: no cache yet.
fn load(
    cache: &Cache,
    opts: OpenOptions,
    roots: &[(PathBytes, PathBytes)],
) -> Result<Option<(Store, Manifest)>, CacheError> {
    let mut loaded = match cache.load(opts.index) {
        Ok(l) => l,
        Err(CacheError::Missing) => return Ok(None),
        // The records are fine but the index is not theirs: open without it; the refresh
        // that follows builds it again from the cached texts.
        Err(CacheError::Index(_)) if opts.index => {
            let mut l = cache.load(false)?;
            l.manifest.indexed = false;
            l
        }
        Err(e) => return Err(e),
    };
    // Shown paths as this command types the opened paths.
    if let Some(r) = Rebase::between(&loaded.manifest.roots, roots) {
        for d in &mut loaded.docs {
            d.path = r.apply(&d.path);
        }
        let m = &mut loaded.manifest;
        for p in m.walk_problems.iter_mut().chain(m.files.iter_mut().flat_map(|f| &mut f.problems))
        {
            p.path = r.apply_bytes(&p.path);
        }
    }
    loaded.manifest.roots = roots.to_vec();
    let problems = loaded.manifest.problems();
    let search = match loaded.engine {
        Some(engine) => SearchIndex::new(engine),
        None => SearchIndex::unavailable("not built for this command"),
    };
    let store = Store::assemble(
        loaded.docs,
        loaded.texts,
        loaded.annotations,
        loaded.table,
        problems,
        loaded.manifest.skipped,
        search,
    );
    Ok(Some((store, loaded.manifest)))
}

/// Brings `base` (or nothing) up to date with the walk `found`: removes the documents of gone
/// and changed files, reads and extracts new and changed ones, and (with `index`) indexes
/// them — building the whole index from the cached texts if the base has none. Writes the
/// result as the cache's next generation when `target` is the cache.
#[allow(clippy::too_many_arguments)] // one call site each way of opening; a struct would only rename them
fn update(
    base: Option<(&Store, &Manifest)>,
    roots: &[(PathBytes, PathBytes)],
    found: Found,
    extractor: &LazyExtractor,
    target: &Target,
    index: bool,
    corrections: &Arc<Corrections>,
    progress: Progress,
) -> Result<(Store, Manifest, Changes), String> {
    let empty = Manifest::default();
    let old = base.map_or(&empty, |b| b.1);
    let d = diff(old, &found);
    let started = now_ns();

    // The engine to write into: the base's, or a new one (then every document is indexed).
    let mut reindex = false;
    let engine: Option<Engine> = if !index {
        None
    } else {
        match (target, base.and_then(|b| b.0.search.engine())) {
            (Target::Cache(..), Some(e)) if old.indexed => Some(e.clone()),
            (Target::Cache(cache, _), _) => {
                reindex = base.is_some();
                cache.drop_index().map_err(|e| e.to_string())?;
                Some(cache.engine().map_err(|e| e.to_string())?)
            }
            (Target::Memory, _) => Some(Engine::in_ram()?),
        }
    };
    let bytes: u64 = d.to_read.iter().map(|&i| found.files[i].stat.size).sum();
    let threads = if bytes < (8 << 20) { 1 } else { crate::par::threads() };
    let writer: Option<Writer> = engine.as_ref().map(|e| e.writer(threads)).transpose()?;

    let next_segment = old.next_segment;
    let sink = match target {
        Target::Memory => TextSink::Memory(String::new()),
        Target::Cache(cache, _) => {
            TextSink::file(&cache.segment_path(next_segment), 0).map_err(|e| e.to_string())?
        }
    };
    let mut builder = match base {
        None => Builder::new(sink, writer),
        Some((s, m)) => {
            let sink = match sink {
                TextSink::File { path, out, written, .. } => {
                    TextSink::File { segment: s.texts.segments().len() as u32, path, out, written }
                }
                other => other,
            };
            // The raw extraction: the new store applies the corrections again.
            let (annotations, table) = s.raw_parts();
            Builder::extend(
                s.docs.clone(),
                annotations,
                table,
                s.texts.snapshot(),
                sink,
                writer,
                m.next_key.max(1),
            )
        }
    };
    if reindex {
        builder.index_existing(&|done, total| progress(Stage::Indexing, done, total))?;
    }

    let key_ids = |keys: &[u64]| -> Vec<usize> {
        base.map_or_else(Vec::new, |(s, _)| keys.iter().filter_map(|&k| s.doc_of_key(k)).collect())
    };
    let mut changes =
        Changes { removed: d.removed.len(), read: d.to_read.len(), ..Changes::default() };
    for &e in &d.removed {
        for id in key_ids(&old.files[e].keys) {
            builder.remove(id);
        }
    }
    // Files to read, and what each became.
    let to_read: Vec<_> = d.to_read.iter().map(|&i| found.files[i].clone()).collect();
    let known: Vec<Option<[u8; 32]>> =
        d.to_read.iter().map(|&i| d.entries[i].and_then(|e| old.files[e].hash)).collect();
    let mut read: Vec<Option<FileEntry>> = vec![None; to_read.len()];
    let total = to_read.len();
    let mut to_remove: Vec<usize> = Vec::new();
    let mut each = |i: usize, r: &build::FileResult, added: &build::Added| {
        let entry = d.entries[d.to_read[i]].map(|e| &old.files[e]);
        let fe = match entry {
            Some(e) if r.unchanged => FileEntry { stat: r.stat, ..e.clone() },
            _ => {
                if let Some(e) = entry {
                    changes.changed += 1;
                    to_remove.extend(key_ids(&e.keys));
                } else {
                    changes.new += 1;
                }
                FileEntry {
                    path: PathBytes::of(&found.files[d.to_read[i]].key),
                    stat: r.stat,
                    hash: r.hash,
                    keys: added.keys.clone(),
                    problems: r.problems.iter().map(StoredProblem::of).collect(),
                }
            }
        };
        read[i] = Some(fe);
        if (i + 1).is_multiple_of(16) || i + 1 == total {
            progress(Stage::Reading, i + 1, total);
        }
    };
    if total > 0 {
        let limits = Limits::default();
        build::run(&to_read, extractor.get(), limits, &|i| known[i], &mut builder, &mut each)?;
    }
    for id in to_remove {
        builder.remove(id);
    }
    let mut read = read.into_iter();
    let mut files = Vec::with_capacity(d.entries.len());
    let mut next_read = d.to_read.iter().peekable();
    for (i, entry) in d.entries.iter().enumerate() {
        if next_read.peek() == Some(&&i) {
            next_read.next();
            if let Some(fe) = read.next().flatten() {
                files.push(fe);
            }
        } else if let Some(e) = entry {
            files.push(old.files[*e].clone());
        }
    }

    progress(Stage::Indexing, 0, 0);
    let built = builder.finish()?;
    let mut segments = old.segments.clone();
    let mut segment_stats = old.segment_stats.clone();
    if built.new_segment
        && let Target::Cache(cache, _) = target
    {
        segments.push(next_segment);
        let p = cache.segment_path(next_segment);
        let st = std::fs::metadata(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        segment_stats.push(crate::corpus::walk::FileStat::of(&st));
    }
    let mut manifest = Manifest {
        generation: old.generation,
        epoch: if base.is_some() { old.epoch } else { started as u64 },
        roots: roots.to_vec(),
        checked_at_ns: started,
        files,
        dirs: found.dirs.iter().map(|f| (PathBytes::of(&f.key), f.stat)).collect(),
        top_files: found.given.iter().map(|f| (PathBytes::of(&f.key), f.stat)).collect(),
        walk_problems: found.problems.iter().map(StoredProblem::of).collect(),
        skipped: found.skipped,
        next_key: built.next_key,
        next_segment: if built.new_segment { next_segment + 1 } else { next_segment },
        segments,
        segment_stats,
        indexed: index,
    };
    let mut store = Store::assemble_corrected(
        built.docs,
        built.texts,
        built.annotations,
        built.table,
        manifest.problems(),
        manifest.skipped,
        SearchIndex::unavailable("not built for this command"),
        corrections.clone(),
    );
    match (target, built.index, engine) {
        (Target::Cache(cache, lock), w, engine) => {
            cache.commit(&mut manifest, &store, w, lock).map_err(|e| e.to_string())?;
            if let Some(e) = engine {
                store.search = SearchIndex::new(e);
            }
        }
        (Target::Memory, Some(w), Some(engine)) => {
            w.commit("memory")?;
            store.search = SearchIndex::new(engine);
        }
        _ => {}
    }
    Ok((store, manifest, changes))
}
