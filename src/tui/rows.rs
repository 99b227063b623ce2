//! The reading pane's rows for one document at one width: the text laid out by
//! [`crate::text::layout`], with the boilerplate either dimmed or folded behind one line.
//! Laid out lazily, a chunk of paragraphs at a time, as far as the reader has scrolled, and
//! cached per (document, width, settings) — so a 5 MB article opens and resizes at once.
//! Built in `update`, never in a view.

use std::ops::Range;

use crate::text::layout::{self, BidiMode, LayoutOptions, VisualLine};

/// Paragraph text laid out per step (bytes): big enough to amortise the call, small enough
/// to stay far below a frame's time.
const CHUNK_BYTES: usize = 32 * 1024;

/// What the layout of a document depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutKey {
    /// Document id.
    pub doc: usize,
    /// Text width in cells.
    pub width: usize,
    /// Who reorders right-to-left text.
    pub bidi: BidiMode,
    /// Arabic shaping on.
    pub shape: bool,
    /// Whether the boilerplate is shown (unfolded).
    pub unfolded: bool,
}

/// One screen row of the reading pane's text area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A visual line; `furniture` lines (boilerplate) are drawn dimmed.
    Line {
        /// The laid-out line.
        line: VisualLine,
        /// Part of the boilerplate.
        furniture: bool,
    },
    /// The folded boilerplate: how many source lines it hides.
    Fold {
        /// Source lines (paragraphs) folded away.
        lines: usize,
        /// Byte range of the boilerplate.
        logical: Range<usize>,
    },
}

impl Row {
    /// First logical byte the row shows (used to keep the reading position across relayouts).
    pub fn start(&self) -> usize {
        match self {
            Row::Line { line, .. } => line.logical.start,
            Row::Fold { logical, .. } => logical.start,
        }
    }
}

/// A document's rows, laid out from the top as far as needed so far. Every call that lays
/// out more takes the document's text, the same text it was made for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderRows {
    /// What it was laid out for.
    pub key: LayoutKey,
    /// Screen rows of the text area laid out so far, top to bottom.
    pub rows: Vec<Row>,
    /// Byte ranges of the text's paragraphs.
    paragraphs: Vec<Range<usize>>,
    /// The page furniture, a byte range of the text.
    furniture: Option<Range<usize>>,
    /// Body paragraphs laid out so far.
    next: usize,
    done: bool,
}

impl ReaderRows {
    /// Nothing laid out yet of `text`, whose furniture is `boilerplate`.
    pub fn new(key: LayoutKey, text: &str, boilerplate: Option<Range<usize>>) -> ReaderRows {
        ReaderRows {
            key,
            rows: Vec::new(),
            paragraphs: crate::corpus::paragraph_ranges(text),
            furniture: boilerplate.filter(|b| b.start < b.end && b.end <= text.len()),
            next: 0,
            done: false,
        }
    }

    /// Rows built elsewhere, taken as the whole document.
    pub fn complete(key: LayoutKey, rows: Vec<Row>) -> ReaderRows {
        ReaderRows { key, rows, paragraphs: Vec::new(), furniture: None, next: 0, done: true }
    }

    /// Whether every row of the document is laid out (so `rows.len()` is the total).
    pub fn is_complete(&self) -> bool {
        self.done
    }

    /// Index of the last row that starts at or before logical byte `anchor`.
    pub fn row_at(&self, anchor: usize) -> usize {
        self.rows.partition_point(|r| r.start() <= anchor).saturating_sub(1)
    }

    /// Lays out more of `doc` until there are at least `min_rows` rows or the document ends.
    pub fn extend(&mut self, text: &str, min_rows: usize) {
        while !self.done && self.rows.len() < min_rows {
            self.step(text);
        }
    }

    /// Lays out until some row starts after logical byte `byte` (or the document ends).
    pub fn extend_past(&mut self, text: &str, byte: usize) {
        while !self.done && self.rows.last().is_none_or(|r| r.start() <= byte) {
            self.step(text);
        }
    }

    /// Lays out chunk after chunk for about `budget` (at least one chunk).
    pub fn extend_for(&mut self, text: &str, budget: std::time::Duration) {
        let start = std::time::Instant::now();
        while !self.done {
            self.step(text);
            if start.elapsed() >= budget {
                break;
            }
        }
    }

    /// Lays out the whole document.
    pub fn finish(&mut self, text: &str) {
        while !self.done {
            self.step(text);
        }
    }

    fn opts(&self) -> LayoutOptions {
        LayoutOptions { width: self.key.width.max(1), bidi: self.key.bidi, shape: self.key.shape }
    }

    /// One chunk of body paragraphs, or the boilerplate at the end.
    fn step(&mut self, text: &str) {
        let furniture = self.furniture.clone();
        let paragraphs = std::mem::take(&mut self.paragraphs);
        let body_end = match &furniture {
            Some(b) => paragraphs.partition_point(|p| p.end <= b.start),
            None => paragraphs.len(),
        };
        self.step_in(text, &paragraphs, body_end, furniture);
        self.paragraphs = paragraphs;
    }

    fn step_in(
        &mut self,
        text: &str,
        paragraphs: &[Range<usize>],
        body_end: usize,
        furniture: Option<Range<usize>>,
    ) {
        if self.next < body_end {
            let mut end = self.next;
            let mut bytes = 0;
            while end < body_end && (end == self.next || bytes < CHUNK_BYTES) {
                bytes += paragraphs[end].len();
                end += 1;
            }
            let chunk = &paragraphs[self.next..end];
            if self.next > 0 {
                self.rows.push(Row::Line { line: blank(chunk[0].start), furniture: false });
            }
            let lines = layout::layout(text, chunk, &self.opts());
            self.rows.extend(lines.into_iter().map(|line| Row::Line { line, furniture: false }));
            self.next = end;
            if end < body_end {
                return;
            }
        }
        let tail = &paragraphs[body_end..];
        if let (Some(b), false) = (furniture, tail.is_empty()) {
            if !self.rows.is_empty() {
                self.rows.push(Row::Line { line: blank(b.start), furniture: false });
            }
            if self.key.unfolded {
                let lines = layout::layout(text, tail, &self.opts());
                self.rows.extend(lines.into_iter().map(|line| Row::Line { line, furniture: true }));
            } else {
                self.rows.push(Row::Fold { lines: tail.len(), logical: b });
            }
        }
        self.done = true;
    }
}

/// The whole of `text` laid out for `key` (what `qari render` prints, plus the fold).
pub fn build(text: &str, boilerplate: Option<Range<usize>>, key: LayoutKey) -> ReaderRows {
    let mut rows = ReaderRows::new(key, text, boilerplate);
    rows.finish(text);
    rows
}

fn blank(at: usize) -> VisualLine {
    VisualLine {
        logical: at..at,
        cells: Vec::new(),
        direction: layout::Direction::Ltr,
        indent: 0,
        paragraph: None,
    }
}

/// Layouts put aside when the key changed (another width, shaping, fold), newest first, so
/// toggling or resizing back does not lay out again.
#[derive(Debug, Clone, Default)]
pub struct LayoutCache {
    entries: Vec<ReaderRows>,
}

impl LayoutCache {
    const KEEP: usize = 4;

    /// Takes the cached layout for `key` out of the cache, if any.
    pub fn take(&mut self, key: LayoutKey) -> Option<ReaderRows> {
        let i = self.entries.iter().position(|e| e.key == key)?;
        Some(self.entries.remove(i))
    }

    /// Keeps `rows` for later, dropping the oldest entry when full.
    pub fn put(&mut self, rows: ReaderRows) {
        self.entries.insert(0, rows);
        self.entries.truncate(Self::KEEP);
    }
}
