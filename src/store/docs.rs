//! What the store keeps of each document: its metadata ([`DocInfo`], always in memory) and its
//! text ([`Texts`], in memory for an archive opened without the cache, or mapped from the
//! cache's text files so that only the documents read are paged in).

use std::ops::Range;
use std::sync::atomic::{AtomicU8, Ordering};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::corpus::Document;

/// A document's metadata: everything the list, the side panel and the headless commands show
/// without the text. Offsets (`boilerplate`) are byte ranges into the document's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// Stable key of this version of the document: never reused within one cache, so the
    /// search index and the cache's records can name it across refreshes.
    pub key: u64,
    /// Path as shown to the user (`file.json#2` for an item of a multi-article file).
    pub path: String,
    /// Title; never empty.
    pub title: String,
    /// Author line, when one was found.
    pub byline: Option<String>,
    /// Publication date, when the file states one.
    pub date: Option<NaiveDate>,
    /// Language code (`en`, `ar`, …).
    pub lang: String,
    /// Source URL, when the file gives one.
    pub url: Option<String>,
    /// Trailing page furniture, a byte range of the text (dimmed and folded by the reader).
    pub boilerplate: Option<Range<usize>>,
    /// Size of the source file in bytes.
    pub bytes: u64,
    /// Warnings about this document (lossy UTF-8, removed control sequences…).
    pub problems: Vec<String>,
    /// Set when the file is gone or changed since: the id stays taken (ids are stable while an
    /// archive is open) but the document is no longer listed, searched or linked.
    pub removed: bool,
}

impl DocInfo {
    /// The metadata of `d`, under `key`.
    pub fn of(d: &Document, key: u64) -> DocInfo {
        DocInfo {
            key,
            path: d.path.clone(),
            title: d.title.clone(),
            byline: d.byline.clone(),
            date: d.date,
            lang: d.lang.clone(),
            url: d.url.clone(),
            boilerplate: d.boilerplate.clone(),
            bytes: d.bytes,
            problems: d.problems.clone(),
            removed: false,
        }
    }
}

/// Where one document's text lies: a byte range of one text segment, with a checksum that is
/// checked the first time the text is read (a damaged cache then shows no text, never wrong
/// text under right offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// Index of the segment in [`Texts`].
    pub segment: u32,
    /// First byte in the segment.
    pub start: u64,
    /// Length in bytes.
    pub len: u32,
    /// First 8 bytes of the BLAKE3 hash of the text.
    pub check: u64,
}

/// The bytes of a text segment: owned, or a read-only map of a cache file.
pub enum Segment {
    /// Texts held in memory (an archive opened without the cache, or just read).
    Memory(String),
    /// A text file of the cache, mapped read-only; its files are never changed in place.
    Mapped(memmap2::Mmap),
}

impl Segment {
    fn bytes(&self) -> &[u8] {
        match self {
            Segment::Memory(s) => s.as_bytes(),
            Segment::Mapped(m) => m,
        }
    }
}

impl std::fmt::Debug for Segment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Segment::Memory(s) => write!(f, "Memory({} bytes)", s.len()),
            Segment::Mapped(m) => write!(f, "Mapped({} bytes)", m.len()),
        }
    }
}

/// Checked state of a span: not yet read, whole and valid, or damaged.
const UNCHECKED: u8 = 0;
const VALID: u8 = 1;
const DAMAGED: u8 = 2;

/// The texts of every document, by document id.
#[derive(Debug, Default)]
pub struct Texts {
    segments: Vec<std::sync::Arc<Segment>>,
    spans: Vec<TextSpan>,
    checked: Vec<AtomicU8>,
}

/// The check value of `text`: the first 8 bytes of its BLAKE3 hash.
pub fn text_check(text: &str) -> u64 {
    let h = blake3::hash(text.as_bytes());
    let mut b = [0u8; 8];
    b.copy_from_slice(&h.as_bytes()[..8]);
    u64::from_le_bytes(b)
}

impl Texts {
    /// Texts over `segments`, document `i` at `spans[i]`.
    pub fn new(segments: Vec<std::sync::Arc<Segment>>, spans: Vec<TextSpan>) -> Texts {
        let checked = spans.iter().map(|_| AtomicU8::new(UNCHECKED)).collect();
        Texts { segments, spans, checked }
    }

    /// Texts held in memory, in order: one segment holding all of them.
    pub fn in_memory<'a>(texts: impl IntoIterator<Item = &'a str>) -> Texts {
        let mut all = String::new();
        let mut spans = Vec::new();
        for t in texts {
            spans.push(TextSpan {
                segment: 0,
                start: all.len() as u64,
                len: t.len() as u32,
                check: text_check(t),
            });
            all.push_str(t);
        }
        let texts = Texts::new(vec![std::sync::Arc::new(Segment::Memory(all))], spans);
        // Written here from valid strings: nothing to check.
        for c in &texts.checked {
            c.store(VALID, Ordering::Relaxed);
        }
        texts
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Where document `id`'s text lies.
    pub fn span(&self, id: usize) -> Option<TextSpan> {
        self.spans.get(id).copied()
    }

    /// Where every document's text is, by id.
    pub fn spans(&self) -> &[TextSpan] {
        &self.spans
    }

    /// A copy sharing the same segments (what a refresh extends).
    pub fn snapshot(&self) -> Texts {
        self.extended(Vec::new(), Vec::new())
    }

    /// The segments (shared, so a refreshed store keeps mapping the same files).
    pub fn segments(&self) -> &[std::sync::Arc<Segment>] {
        &self.segments
    }

    /// The text of document `id`: "" for an unknown id or a text the cache holds damaged.
    /// The first read of each text checks it (UTF-8 and checksum), later reads are free.
    pub fn get(&self, id: usize) -> &str {
        let (Some(span), Some(state)) = (self.spans.get(id), self.checked.get(id)) else {
            return "";
        };
        let Some(bytes) = self.segments.get(span.segment as usize).and_then(|s| {
            let start = usize::try_from(span.start).ok()?;
            s.bytes().get(start..start.checked_add(span.len as usize)?)
        }) else {
            state.store(DAMAGED, Ordering::Relaxed);
            return "";
        };
        match state.load(Ordering::Relaxed) {
            // SAFETY: these bytes passed `from_utf8` on the first read, and a segment never
            // changes: memory ones are immutable, and cache text files are written once,
            // then only mapped read-only (the same promise the map itself rests on).
            VALID => unsafe { std::str::from_utf8_unchecked(bytes) },
            DAMAGED => "",
            _ => match std::str::from_utf8(bytes) {
                Ok(s) if text_check(s) == span.check => {
                    state.store(VALID, Ordering::Relaxed);
                    s
                }
                _ => {
                    state.store(DAMAGED, Ordering::Relaxed);
                    ""
                }
            },
        }
    }

    /// Whether document `id`'s text was found damaged when read.
    pub fn is_damaged(&self, id: usize) -> bool {
        self.checked.get(id).is_some_and(|c| c.load(Ordering::Relaxed) == DAMAGED)
    }

    /// These texts plus more documents: `spans` must point into `segments` (appended after the
    /// existing segments, numbered from `self.segments().len()`).
    pub fn extended(&self, segments: Vec<std::sync::Arc<Segment>>, spans: Vec<TextSpan>) -> Texts {
        let mut all_segments = self.segments.clone();
        all_segments.extend(segments);
        let mut all_spans = self.spans.clone();
        all_spans.extend(spans);
        let checked: Vec<AtomicU8> = self
            .checked
            .iter()
            .map(|c| AtomicU8::new(c.load(Ordering::Relaxed)))
            .chain(std::iter::repeat_with(|| AtomicU8::new(UNCHECKED)))
            .take(all_spans.len())
            .collect();
        Texts { segments: all_segments, spans: all_spans, checked }
    }
}
