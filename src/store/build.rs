//! Building a store from files, streaming: workers read, parse and extract files on every core
//! while this thread appends each file's documents, in walk order, to a [`Builder`] — their
//! metadata and annotations to memory, their text to a text sink (memory, or a cache file) and
//! to the search index. Only a window of documents is in flight, so a cold build of a large
//! archive never holds every text at once when it writes to the cache.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::corpus::walk::{FileStat, FoundFile};
use crate::corpus::{self, Document, Limits, Problem};
use crate::extract::{Annotations, Extractor};

use super::annotations::{DocAnnotations, EntityTable};
use super::docs::{DocInfo, Segment, TextSpan, Texts, text_check};
use super::search::engine::{IndexDoc, Writer};

/// One file read and extracted on a worker.
#[derive(Debug, Default)]
pub struct FileResult {
    /// The file as the walk found it.
    pub path: PathBuf,
    /// Its stat when found.
    pub stat: FileStat,
    /// BLAKE3 hash of its bytes (`None`: could not be read).
    pub hash: Option<[u8; 32]>,
    /// The file's bytes were those of `known`: nothing was parsed or extracted.
    pub unchanged: bool,
    /// Its articles, each with its annotations (`None`: extraction failed on a bug).
    pub docs: Vec<(Document, Option<Annotations>)>,
    /// What could not be read, and extraction failures.
    pub problems: Vec<Problem>,
}

/// Reads `file` and extracts its articles, unless its bytes hash to `known` (then only the
/// hash is computed). Catches a panic in extraction: that document keeps no annotations.
pub fn process(
    file: &FoundFile,
    extractor: &Extractor,
    limits: Limits,
    known: Option<[u8; 32]>,
) -> FileResult {
    let read = corpus::read_file(&file.path, limits);
    let mut out = FileResult {
        path: file.path.clone(),
        stat: file.stat,
        hash: read.hash,
        unchanged: false,
        docs: Vec::new(),
        problems: read.problems,
    };
    if known.is_some() && known == read.hash {
        out.unchanged = true;
        out.problems.clear();
        return out;
    }
    for d in read.documents {
        if let Some(reason) = crate::extract::budget_note(&d.text) {
            out.problems.push(Problem { path: d.path.clone().into(), reason });
        }
        let a = match crate::text::guard::catch_bug(|| extractor.extract(&d)) {
            Ok(a) => Some(a),
            Err(why) => {
                out.problems.push(Problem {
                    path: d.path.clone().into(),
                    reason: format!(
                        "finding entities failed (an internal error: {why}); shown without entities"
                    ),
                });
                None
            }
        };
        out.docs.push((d, a));
    }
    out
}

/// Where texts go while building.
pub enum TextSink {
    /// Into one in-memory segment.
    Memory(String),
    /// Into a new cache text file, segment number `segment` of the store.
    File {
        /// Index the segment will have in the store's [`Texts`].
        segment: u32,
        /// The file being written.
        path: PathBuf,
        out: std::io::BufWriter<std::fs::File>,
        /// Bytes written so far.
        written: u64,
    },
}

impl TextSink {
    /// A sink writing a new text file at `path`, to be segment `segment`.
    pub fn file(path: &Path, segment: u32) -> std::io::Result<TextSink> {
        let f = std::fs::File::create(path)?;
        Ok(TextSink::File {
            segment,
            path: path.to_path_buf(),
            out: std::io::BufWriter::with_capacity(1 << 20, f),
            written: 0,
        })
    }

    fn put(&mut self, text: &str, memory_segment: u32) -> std::io::Result<TextSpan> {
        let check = text_check(text);
        let len = u32::try_from(text.len()).map_err(std::io::Error::other)?;
        Ok(match self {
            TextSink::Memory(all) => {
                let start = all.len() as u64;
                all.push_str(text);
                TextSpan { segment: memory_segment, start, len, check }
            }
            TextSink::File { segment, out, written, .. } => {
                out.write_all(text.as_bytes())?;
                let start = *written;
                *written += text.len() as u64;
                TextSpan { segment: *segment, start, len, check }
            }
        })
    }

    /// Finishes the sink: the segment holding what was put (a file is synced, then mapped),
    /// or `None` when nothing was (an empty file is removed).
    pub fn finish(self) -> std::io::Result<Option<Segment>> {
        match self {
            TextSink::Memory(all) if all.is_empty() => Ok(None),
            TextSink::Memory(all) => Ok(Some(Segment::Memory(all))),
            TextSink::File { path, out, written, .. } => {
                let f = out.into_inner().map_err(|e| e.into_error())?;
                if written == 0 {
                    drop(f);
                    let _ = std::fs::remove_file(&path);
                    return Ok(None);
                }
                f.sync_all()?;
                drop(f);
                map_segment(&path).map(Some)
            }
        }
    }
}

/// Maps a cache text file read-only.
pub fn map_segment(path: &Path) -> std::io::Result<Segment> {
    let f = std::fs::File::open(path)?;
    if f.metadata()?.len() == 0 {
        return Ok(Segment::Memory(String::new()));
    }
    // SAFETY: cache text files are written once, before any state refers to them, and never
    // changed in place afterwards (only deleted, which leaves a map valid on Unix).
    let map = unsafe { memmap2::Mmap::map(&f)? };
    Ok(Segment::Mapped(map))
}

/// A store being built or extended: existing documents (kept, ids unchanged) plus the ones
/// added, in order.
pub struct Builder {
    /// Every document's metadata (ids are positions).
    pub docs: Vec<DocInfo>,
    /// Their annotations.
    pub annotations: Vec<DocAnnotations>,
    /// Entities and spellings.
    pub table: EntityTable,
    /// Spans of the documents added so far (the old ones stay in `base`).
    spans: Vec<TextSpan>,
    base: Texts,
    sink: TextSink,
    /// Segment index the in-memory sink gets.
    memory_segment: u32,
    index: Option<Writer>,
    /// Next document key to hand out.
    pub next_key: u64,
}

/// What one added file became: the keys of its documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Added {
    /// Keys of the file's documents, in order.
    pub keys: Vec<u64>,
}

impl Builder {
    /// A builder over nothing yet, texts going to `sink`, documents indexed with `index`.
    pub fn new(sink: TextSink, index: Option<Writer>) -> Builder {
        Builder::extend(
            Vec::new(),
            Vec::new(),
            EntityTable::default(),
            Texts::default(),
            sink,
            index,
            1,
        )
    }

    /// A builder adding to existing parts; new keys start at `next_key`.
    pub fn extend(
        docs: Vec<DocInfo>,
        annotations: Vec<DocAnnotations>,
        table: EntityTable,
        base: Texts,
        sink: TextSink,
        index: Option<Writer>,
        next_key: u64,
    ) -> Builder {
        let memory_segment = base.segments().len() as u32;
        Builder {
            docs,
            annotations,
            table,
            spans: Vec::new(),
            base,
            sink,
            memory_segment,
            index,
            next_key,
        }
    }

    /// Marks document `id` removed: no longer listed, linked or searched (its annotations are
    /// dropped; its id, key and metadata stay, so ids stay put while an archive is open).
    pub fn remove(&mut self, id: usize) {
        if let Some(a) = self.annotations.get_mut(id) {
            *a = DocAnnotations::default();
        }
        if let Some(d) = self.docs.get_mut(id) {
            d.removed = true;
            if let Some(w) = self.index.as_mut() {
                w.delete(d.key);
            }
        }
    }

    /// Indexes every listed document the builder started with (building the search index from
    /// the cached texts, without reading or extracting anything), reporting `(done, total)`.
    pub fn index_existing(&mut self, progress: &dyn Fn(usize, usize)) -> Result<(), String> {
        let Some(w) = self.index.as_mut() else { return Ok(()) };
        let total = self.base.len();
        for i in 0..total {
            let (d, a) = (&self.docs[i], &self.annotations[i]);
            if !d.removed {
                let ids = super::entity_ids(&self.table, a);
                w.add(&IndexDoc {
                    key: d.key,
                    title: &d.title,
                    body: self.base.get(i),
                    lang: &d.lang,
                    date: d.date,
                    entities: &ids,
                })?;
            }
            if (i + 1).is_multiple_of(256) || i + 1 == total {
                progress(i + 1, total);
            }
        }
        Ok(())
    }

    /// Appends one file's documents; returns their keys.
    pub fn add(&mut self, file: FileResult) -> Result<Added, String> {
        let mut added = Added::default();
        for (d, a) in file.docs {
            let key = self.next_key;
            self.next_key += 1;
            let span = self.sink.put(&d.text, self.memory_segment).map_err(|e| e.to_string())?;
            let stored = match &a {
                Some(a) => self.table.intern(a, &d.text),
                None => DocAnnotations::default(),
            };
            let info = DocInfo::of(&d, key);
            if let Some(w) = self.index.as_mut() {
                let ids = super::entity_ids(&self.table, &stored);
                w.add(&IndexDoc {
                    key,
                    title: &info.title,
                    body: &d.text,
                    lang: &info.lang,
                    date: info.date,
                    entities: &ids,
                })?;
            }
            self.docs.push(info);
            self.annotations.push(stored);
            self.spans.push(span);
            added.keys.push(key);
        }
        Ok(added)
    }

    /// Number of documents, removed ones included.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Ends the build: the texts (old segments plus the new one, if anything was added), and
    /// the index writer to commit (`None` when building without an index).
    pub fn finish(self) -> Result<Built, String> {
        let segment = self.sink.finish().map_err(|e| e.to_string())?;
        let new_segment = segment.is_some();
        let texts =
            self.base.extended(segment.into_iter().map(std::sync::Arc::new).collect(), self.spans);
        Ok(Built {
            new_segment,
            docs: self.docs,
            annotations: self.annotations,
            table: self.table,
            texts,
            index: self.index,
            next_key: self.next_key,
        })
    }
}

/// A finished build, before the index is committed.
pub struct Built {
    /// Whether a text segment was added (the sink's).
    pub new_segment: bool,
    pub docs: Vec<DocInfo>,
    pub annotations: Vec<DocAnnotations>,
    pub table: EntityTable,
    pub texts: Texts,
    pub index: Option<Writer>,
    pub next_key: u64,
}

/// Reads and extracts `files` on every core and adds them in order to `builder`, calling
/// `each(i, &result, &added)` after file `i` (for manifests and progress). `known(i)` is the
/// hash the file had before (skips its extraction when its bytes are the same).
pub fn run(
    files: &[FoundFile],
    extractor: &Extractor,
    limits: Limits,
    known: &(dyn Fn(usize) -> Option<[u8; 32]> + Sync),
    builder: &mut Builder,
    each: &mut dyn FnMut(usize, &FileResult, &Added),
) -> Result<(), String> {
    let mut failed = None;
    // Set once the sink fails (a full disk): the workers stop reading.
    let stop = std::sync::atomic::AtomicBool::new(false);
    crate::par::ordered(
        files.len(),
        crate::par::threads(),
        |i| {
            if stop.load(std::sync::atomic::Ordering::Relaxed) {
                return FileResult::default();
            }
            process(&files[i], extractor, limits, known(i))
        },
        |i, mut r| {
            if failed.is_some() {
                return;
            }
            let docs = std::mem::take(&mut r.docs);
            let meta = FileResult { docs: Vec::new(), ..r };
            let added = match builder.add(FileResult { docs, ..FileResult::default() }) {
                Ok(a) => a,
                Err(e) => {
                    failed = Some(e);
                    stop.store(true, std::sync::atomic::Ordering::Relaxed);
                    return;
                }
            };
            each(i, &meta, &added);
        },
    );
    failed.map_or(Ok(()), Err)
}
