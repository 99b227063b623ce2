//! The on-disk cache of one archive (one set of opened paths), under
//! `$XDG_CACHE_HOME/qari/archives/<id>/`:
//!
//! - generation N: `state-<N>.bin` (the manifest and the entity table, one checked record),
//!   `docs-<N>.bin` and `ann-<N>.bin` (record tables of each document's metadata and text
//!   span, and of its annotations, read one by one by a query), `names-<N>.bin` (entity names
//!   for queries, sorted) and `head-<N>.bin` (what a query checks first: folders and stats);
//! - `texts-<K>.bin`: documents' texts, each file written once and then only mapped;
//! - `index/`: the tantivy index, whose last commit names the generation it belongs to;
//! - `CURRENT`: the newest generation (replaced atomically: the commit point);
//! - `lock`: held by the one process writing; readers never wait for it;
//! - `used`: touched on every open (its mtime is the "last use" `qari cache` shows).
//!
//! A generation is written in full, then the index committed, then `CURRENT` moved: a crash
//! at any point leaves the previous generation whole (or, after the index commit, the new one,
//! which a reader rolls forward to). Nothing is ever written inside the archive.

pub mod format;
pub mod listing;
pub mod snapshot;
pub mod state;
pub mod table;

pub use listing::{CachedArchive, list};

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use self::format::{FormatError, read_record, write_atomic, write_record};
use self::state::{Manifest, PathBytes};
use self::table::{Table, TableWriter};
use super::annotations::{DocAnnotations, EntityRef, EntityTable};
use super::docs::{DocInfo, Segment, TextSpan, Texts};
use super::entities::EntityIndex;
use super::search::engine::{Engine, Writer};
use crate::corpus::walk::FileStat;

/// Why the cache of an archive could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CacheError {
    /// There is no cache yet (not worth a warning).
    #[error("no cache yet")]
    Missing,
    /// A file of the cache is damaged, truncated or of another version.
    #[error("{0}")]
    Format(#[from] FormatError),
    /// The search index does not belong to the cached generation.
    #[error("the search index does not match the cache ({0})")]
    Index(String),
    /// The cache folder cannot be found, read or written.
    #[error("{0}")]
    Io(String),
}

pub(crate) fn io(what: &Path, e: impl std::fmt::Display) -> CacheError {
    CacheError::Io(format!("{}: {e}", what.display()))
}

/// The state record of one generation, as written.
type StateRef<'a> = (&'a Manifest, &'a EntityTable);
/// The state record of one generation, as read.
type State = (Manifest, EntityTable);

/// Record kinds of a generation's files.
const STATE_KIND: &str = "state";
const DOCS_KIND: &str = "docs";
const ANN_KIND: &str = "ann";
const NAMES_KIND: &str = "names";
const HEAD_KIND: &str = "head";

/// One document in `docs-<N>.bin`: its metadata, where its text is, and the file it came
/// from as it was when read (a query checks that file before showing the document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRecord {
    pub info: DocInfo,
    pub span: TextSpan,
    pub file: PathBytes,
    pub stat: FileStat,
}

/// The start of a [`DocRecord`]: what the store keeps (postcard reads a prefix of a record
/// without decoding the rest, so loading skips the file fields a query alone needs).
#[derive(Debug, Deserialize)]
struct DocRecordHead {
    info: DocInfo,
    span: TextSpan,
}

/// One entity name in `names-<N>.bin`, sorted by `key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameRecord {
    /// The folded name ([`crate::store::entities::name_key`]).
    pub key: String,
    /// The entity's stable id (what the index's entity field holds).
    pub id: String,
    /// Its place in the entity table.
    pub entity: EntityRef,
    /// Its display name.
    pub canonical: String,
}

/// `head-<N>.bin`: what a query needs before anything else.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// When the walk of this generation started (ns).
    pub checked_at_ns: i64,
    /// Every folder walked, with its stat.
    pub dirs: Vec<(PathBytes, FileStat)>,
    /// Files opened by name (not found in a folder), with their stat.
    pub files: Vec<(PathBytes, FileStat)>,
    /// Text file number of each segment.
    pub segments: Vec<u32>,
    /// Each text file's stat when written.
    pub segment_stats: Vec<FileStat>,
    /// Whether the index holds this generation.
    pub indexed: bool,
    /// Changes when ids are renumbered.
    pub epoch: u64,
    /// The opened paths as typed when written, with their canonical forms.
    pub roots: Vec<(PathBytes, PathBytes)>,
}

/// One generation read back: the manifest, the store's parts, and the index when it has one.
pub struct Loaded {
    pub manifest: Manifest,
    pub docs: Vec<DocInfo>,
    pub texts: Texts,
    pub annotations: Vec<DocAnnotations>,
    pub table: EntityTable,
    pub engine: Option<Engine>,
}

/// The cache folder of one archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
    /// The opened paths, canonical.
    paths: Vec<PathBuf>,
}

/// `$XDG_CACHE_HOME/qari` (or the platform's cache folder).
pub fn root() -> Result<PathBuf, CacheError> {
    dirs::cache_dir()
        .map(|d| d.join("qari"))
        .ok_or_else(|| CacheError::Io("no cache folder (set XDG_CACHE_HOME or HOME)".into()))
}

/// Where the archives' caches are.
pub fn archives_root() -> Result<PathBuf, CacheError> {
    Ok(root()?.join("archives"))
}

/// The opened paths made canonical, sorted and without repeats: what names an archive.
pub fn canonical_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CacheError> {
    let mut out = Vec::with_capacity(paths.len());
    for p in paths {
        out.push(std::fs::canonicalize(p).map_err(|e| io(p, crate::corpus::walk::io_reason(&e)))?);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// The folder name of the archive of `paths` (canonical): a hash of them.
fn archive_id(paths: &[PathBuf]) -> String {
    let mut h = blake3::Hasher::new();
    for p in paths {
        h.update(&PathBytes::of(p).0);
        h.update(&[0]);
    }
    h.finalize().to_hex()[..20].to_string()
}

/// The exclusive writer lock of one archive's cache; released when dropped.
#[derive(Debug)]
pub struct Lock {
    _file: std::fs::File,
}

impl Cache {
    /// The cache of the archive made of `paths` (which must exist).
    pub fn for_paths(paths: &[PathBuf]) -> Result<Cache, CacheError> {
        let paths = canonical_paths(paths)?;
        let dir = archives_root()?.join(archive_id(&paths));
        Ok(Cache { dir, paths })
    }

    /// The cache in `dir` (as listed by [`list`]).
    pub fn at(dir: PathBuf) -> Cache {
        Cache { dir, paths: Vec::new() }
    }

    /// The archive's cache folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The opened paths, canonical.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    fn state_path(&self, generation: u64) -> PathBuf {
        self.gen_path("state", generation)
    }

    fn gen_path(&self, kind: &str, generation: u64) -> PathBuf {
        self.dir.join(format!("{kind}-{generation}.bin"))
    }

    /// Path of text file number `n`.
    pub fn segment_path(&self, n: u32) -> PathBuf {
        self.dir.join(format!("texts-{n}.bin"))
    }

    fn index_dir(&self) -> PathBuf {
        self.dir.join("index")
    }

    /// Creates the folder (and says where it is) so the cache can be written.
    pub fn create(&self) -> Result<(), CacheError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| io(&self.dir, e))?;
        let paths: Vec<String> = self.paths.iter().map(|p| p.display().to_string()).collect();
        let about = serde_json::json!({ "qari_cache": 1, "paths": paths });
        write_atomic(&self.dir.join("archive.json"), about.to_string().as_bytes())
            .map_err(|e| io(&self.dir, e))
    }

    /// Takes the writer lock, waiting for another qari process that holds it.
    pub fn lock(&self) -> Result<Lock, CacheError> {
        self.create()?;
        let p = self.dir.join("lock");
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&p)
            .map_err(|e| io(&p, e))?;
        f.lock().map_err(|e| io(&p, e))?;
        Ok(Lock { _file: f })
    }

    /// Marks the cache used now (for `qari cache`); failures are ignored.
    pub fn touch(&self) {
        let p = self.dir.join("used");
        let _ = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&p)
            .and_then(|f| f.set_modified(std::time::SystemTime::now()));
    }

    /// The newest generation, from `CURRENT`.
    pub(crate) fn current(&self) -> Result<u64, CacheError> {
        let p = self.dir.join("CURRENT");
        let s = match std::fs::read_to_string(&p) {
            Ok(s) => s,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(CacheError::Missing),
            Err(e) => return Err(io(&p, e)),
        };
        s.strip_prefix("qari-cache 1 generation ")
            .and_then(|g| g.trim().parse().ok())
            .ok_or(CacheError::Format(FormatError::NotOurs("CURRENT".into())))
    }

    /// Reads the newest generation: its record, its texts mapped, and its index (opened, and
    /// checked to belong to it). Retries when a writer moves `CURRENT` meanwhile.
    pub fn load(&self, with_index: bool) -> Result<Loaded, CacheError> {
        let mut last = CacheError::Missing;
        for _ in 0..4 {
            let generation = self.current()?;
            match self.load_generation(generation, with_index) {
                Ok(l) => return Ok(l),
                // A writer stopped between committing the index and moving CURRENT: its
                // generation was written whole before the index, so it is the newest.
                Err(CacheError::Index(e)) => {
                    return match self.load_generation(generation + 1, with_index) {
                        Ok(l) => Ok(l),
                        Err(_) => Err(CacheError::Index(e)),
                    };
                }
                // The state file was removed by a writer that moved on: read CURRENT again.
                Err(CacheError::Format(FormatError::Missing(_))) => {
                    last =
                        CacheError::Format(FormatError::Missing(format!("state-{generation}.bin")));
                }
                Err(e) => return Err(e),
            }
        }
        Err(last)
    }

    fn load_generation(&self, generation: u64, with_index: bool) -> Result<Loaded, CacheError> {
        // Three independent reads, decoded side by side: the annotations (the largest), the
        // documents, and the state (manifest and entity table).
        let ann_path = self.gen_path(ANN_KIND, generation);
        let docs_path = self.gen_path(DOCS_KIND, generation);
        let (annotations, docs, state) = std::thread::scope(|s| {
            let ann = s.spawn(|| -> Result<Vec<DocAnnotations>, CacheError> {
                Ok(Table::open(&ann_path, ANN_KIND)?.all()?)
            });
            let state = s.spawn(|| -> Result<State, CacheError> {
                let (m, mut table): State = read_record(&self.state_path(generation), STATE_KIND)?;
                table.reindex();
                Ok((m, table))
            });
            let docs = (|| -> Result<(Vec<DocInfo>, Vec<TextSpan>), CacheError> {
                let records = Table::open(&docs_path, DOCS_KIND)?;
                // Decoded record by record into the store's own vectors (no second copy).
                let (mut docs, mut spans) =
                    (Vec::with_capacity(records.len()), Vec::with_capacity(records.len()));
                for i in 0..records.len() {
                    let r: DocRecordHead = records.get(i)?;
                    docs.push(r.info);
                    spans.push(r.span);
                }
                Ok((docs, spans))
            })();
            (joined(ann.join()), docs, joined(state.join()))
        });
        let (annotations, (docs, spans), (manifest, table)) = (annotations?, docs?, state?);
        if manifest.generation != generation || annotations.len() != docs.len() {
            return Err(CacheError::Format(FormatError::Damaged(format!(
                "state-{generation}.bin"
            ))));
        }
        let segments = self.map_segments(&manifest.segments, &manifest.segment_stats)?;
        check_spans(&segments, &manifest.segments, &spans)?;
        let texts = Texts::new(segments, spans);
        let engine =
            if with_index && manifest.indexed { Some(self.index_for(generation)?) } else { None };
        Ok(Loaded { manifest, docs, texts, annotations, table, engine })
    }

    /// Maps the text files numbered `numbers`, in order, each checked to be as written
    /// (`stats`): a text file changed since is damaged, even where its checksums would only
    /// be checked when a text is read.
    pub(crate) fn map_segments(
        &self,
        numbers: &[u32],
        stats: &[FileStat],
    ) -> Result<Vec<std::sync::Arc<Segment>>, CacheError> {
        if stats.len() != numbers.len() {
            return Err(CacheError::Format(FormatError::Damaged("the text files' list".into())));
        }
        let mut segments = Vec::with_capacity(numbers.len());
        for (&n, want) in numbers.iter().zip(stats) {
            let p = self.segment_path(n);
            let now = std::fs::metadata(&p).map(|m| FileStat::of(&m)).ok();
            if now.is_some_and(|s| {
                (s.size, s.mtime_ns, s.inode) != (want.size, want.mtime_ns, want.inode)
            }) {
                return Err(CacheError::Format(FormatError::Damaged(format!(
                    "texts-{n}.bin (changed since it was written)"
                ))));
            }
            let seg = super::build::map_segment(&p).map_err(|e| {
                if e.kind() == std::io::ErrorKind::NotFound {
                    CacheError::Format(FormatError::Missing(format!("texts-{n}.bin")))
                } else {
                    io(&p, e)
                }
            })?;
            segments.push(std::sync::Arc::new(seg));
        }
        Ok(segments)
    }

    /// The index, checked to hold generation `generation`.
    pub(crate) fn index_for(&self, generation: u64) -> Result<Engine, CacheError> {
        let engine = Engine::open_or_create(&self.index_dir()).map_err(CacheError::Index)?;
        let payload = engine.payload().map_err(CacheError::Index)?;
        if payload.as_deref() != Some(generation.to_string().as_str()) {
            return Err(CacheError::Index(format!(
                "it holds generation {}, the cache {generation}",
                payload.unwrap_or_else(|| "none".into())
            )));
        }
        Ok(engine)
    }

    /// Opens table `kind` of generation `generation`.
    pub(crate) fn table(&self, kind: &str, generation: u64) -> Result<Table, CacheError> {
        Ok(Table::open(&self.gen_path(kind, generation), kind)?)
    }

    /// Reads the head of generation `generation`.
    pub(crate) fn head(&self, generation: u64) -> Result<Head, CacheError> {
        Ok(read_record(&self.gen_path(HEAD_KIND, generation), HEAD_KIND)?)
    }

    /// Opens (or creates) the search index, for writing a generation into.
    pub fn engine(&self) -> Result<Engine, CacheError> {
        Engine::open_or_create(&self.index_dir()).map_err(CacheError::Index)
    }

    /// Removes every file of the cache but the lock (before a build from nothing): unlinked,
    /// never rewritten in place, so a process still mapping an old file keeps reading it.
    pub fn reset(&self, _lock: &Lock) -> Result<(), CacheError> {
        let rd = std::fs::read_dir(&self.dir).map_err(|e| io(&self.dir, e))?;
        for e in rd.flatten() {
            let name = e.file_name();
            if name == "lock" || name == "archive.json" {
                continue;
            }
            let p = e.path();
            let r = if p.is_dir() { std::fs::remove_dir_all(&p) } else { std::fs::remove_file(&p) };
            r.map_err(|e| io(&p, e))?;
        }
        Ok(())
    }

    /// Removes the search index (before building it anew).
    pub fn drop_index(&self) -> Result<(), CacheError> {
        let d = self.index_dir();
        match std::fs::remove_dir_all(&d) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(&d, e)),
        }
    }

    /// Writes the next generation: its files, then the index commit (when `index` is given),
    /// then `CURRENT`. The caller holds the [`Lock`]. `manifest.generation` is set here.
    pub fn commit(
        &self,
        manifest: &mut Manifest,
        store: &super::Store,
        index: Option<Writer>,
        _lock: &Lock,
    ) -> Result<(), CacheError> {
        let generation = self.current().unwrap_or(0).max(manifest.generation) + 1;
        manifest.generation = generation;
        manifest.indexed = index.is_some() || manifest.indexed;
        self.write_generation(manifest, store).map_err(|e| io(&self.dir, e))?;
        if let Some(w) = index {
            w.commit(&generation.to_string()).map_err(CacheError::Index)?;
        } else if manifest.indexed {
            // The index must name this generation too: an empty commit moves it on.
            let engine = self.engine()?;
            engine
                .writer(1)
                .and_then(|w| w.commit(&generation.to_string()))
                .map_err(CacheError::Index)?;
        }
        let cur = self.dir.join("CURRENT");
        write_atomic(&cur, format!("qari-cache 1 generation {generation}\n").as_bytes())
            .map_err(|e| io(&cur, e))?;
        self.collect_garbage(manifest);
        Ok(())
    }

    /// Writes the files of generation `manifest.generation` (not yet current).
    fn write_generation(&self, manifest: &Manifest, store: &super::Store) -> std::io::Result<()> {
        let g = manifest.generation;
        // Raw extraction: corrections are applied at every open, over what the cache holds.
        let state: StateRef = (manifest, store.raw_table());
        write_record(&self.state_path(g), STATE_KIND, &state)?;
        // The file each document came from, by id.
        let mut file_of: Vec<Option<usize>> = vec![None; store.docs.len()];
        for (f, entry) in manifest.files.iter().enumerate() {
            for &k in &entry.keys {
                if let Some(id) = store.doc_of_key(k) {
                    file_of[id] = Some(f);
                }
            }
        }
        let mut docs = TableWriter::create(&self.gen_path(DOCS_KIND, g), DOCS_KIND)?;
        let mut ann = TableWriter::create(&self.gen_path(ANN_KIND, g), ANN_KIND)?;
        let spans = store.texts.spans();
        for (id, info) in store.docs.iter().enumerate() {
            let file = file_of[id].map(|f| &manifest.files[f]);
            docs.push(&DocRecord {
                info: info.clone(),
                span: spans[id],
                file: file.map_or_else(|| PathBytes(Vec::new()), |f| f.path.clone()),
                stat: file.map(|f| f.stat).unwrap_or_default(),
            })?;
            ann.push(store.raw_annotations(id))?;
        }
        docs.finish()?;
        ann.finish()?;
        write_names(&self.gen_path(NAMES_KIND, g), &store.raw_entities())?;
        let head = Head {
            checked_at_ns: manifest.checked_at_ns,
            dirs: manifest.dirs.clone(),
            files: manifest.top_files.clone(),
            segments: manifest.segments.clone(),
            segment_stats: manifest.segment_stats.clone(),
            indexed: manifest.indexed,
            epoch: manifest.epoch,
            roots: manifest.roots.clone(),
        };
        write_record(&self.gen_path(HEAD_KIND, g), HEAD_KIND, &head)
    }

    /// Removes the files of generations older than the previous one and text files no
    /// generation since then uses (a reader still mapping one keeps its pages: unlinking is
    /// safe on Unix).
    fn collect_garbage(&self, manifest: &Manifest) {
        let Ok(rd) = std::fs::read_dir(&self.dir) else { return };
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let num =
                |prefix: &str| name.strip_prefix(prefix)?.strip_suffix(".bin")?.parse::<u64>().ok();
            let generation = [STATE_KIND, DOCS_KIND, ANN_KIND, NAMES_KIND, HEAD_KIND]
                .iter()
                .find_map(|k| num(&format!("{k}-")));
            let stale = if let Some(g) = generation {
                g + 1 < manifest.generation
            } else if let Some(n) = num("texts-") {
                n < u64::from(manifest.next_segment)
                    && !manifest.segments.iter().any(|&s| u64::from(s) == n)
            } else {
                false
            };
            if stale {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }

    /// Removes the whole cache of this archive.
    pub fn clear(&self) -> Result<(), CacheError> {
        match std::fs::remove_dir_all(&self.dir) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(&self.dir, e)),
        }
    }
}

/// A reading thread's result (its panic, a bug, as an error).
fn joined<T>(r: std::thread::Result<Result<T, CacheError>>) -> Result<T, CacheError> {
    r.unwrap_or_else(|_| Err(CacheError::Io("reading the cache failed".into())))
}

fn segment_len(s: &Segment) -> u64 {
    match s {
        Segment::Memory(m) => m.len() as u64,
        Segment::Mapped(m) => m.len() as u64,
    }
}

/// Fails when a span reaches beyond its text file (the file was cut short).
pub(crate) fn check_spans(
    segments: &[std::sync::Arc<Segment>],
    numbers: &[u32],
    spans: &[TextSpan],
) -> Result<(), CacheError> {
    for s in spans {
        let len = segments.get(s.segment as usize).map_or(0, |seg| segment_len(seg));
        if s.start + u64::from(s.len) > len {
            let n = numbers.get(s.segment as usize).copied().unwrap_or(0);
            return Err(CacheError::Format(FormatError::Truncated(format!("texts-{n}.bin"))));
        }
    }
    Ok(())
}

/// Writes the entity names a query can resolve, sorted by folded name.
fn write_names(path: &std::path::Path, entities: &EntityIndex) -> std::io::Result<()> {
    let mut names: Vec<NameRecord> = entities
        .names()
        .map(|(key, e)| NameRecord {
            key: key.to_string(),
            id: e.id.clone(),
            entity: e.entity,
            canonical: e.canonical.clone(),
        })
        .collect();
    names.sort_by(|a, b| a.key.cmp(&b.key));
    let mut w = TableWriter::create(path, NAMES_KIND)?;
    for n in &names {
        w.push(n)?;
    }
    w.finish()
}
