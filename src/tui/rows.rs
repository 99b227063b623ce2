//! The reading pane's rows for one document at one width: the text laid out by
//! [`crate::text::layout`], with the boilerplate either dimmed or folded behind one line.
//! Built in `update` (on open, resize and toggles) and cached, never in a view.

use std::ops::Range;
use std::rc::Rc;

use crate::corpus::Document;
use crate::text::layout::{self, BidiMode, LayoutOptions, VisualLine};

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

/// A laid-out document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderRows {
    /// What it was laid out for.
    pub key: LayoutKey,
    /// Screen rows of the text area, top to bottom.
    pub rows: Vec<Row>,
}

impl ReaderRows {
    /// Index of the first row that shows byte `anchor` or anything after it.
    pub fn row_at(&self, anchor: usize) -> usize {
        let i = self.rows.partition_point(|r| r.start() <= anchor);
        i.saturating_sub(1)
    }
}

/// Lays `doc` out for `key`.
pub fn build(doc: &Document, key: LayoutKey) -> ReaderRows {
    let opts = LayoutOptions { width: key.width.max(1), bidi: key.bidi, shape: key.shape };
    let furniture = doc.boilerplate.clone().filter(|b| b.start < b.end);
    let (body, tail): (Vec<Range<usize>>, Vec<Range<usize>>) = match &furniture {
        Some(b) => doc.paragraphs.iter().cloned().partition(|p| p.end <= b.start),
        None => (doc.paragraphs.clone(), Vec::new()),
    };
    let mut rows: Vec<Row> = layout::layout(&doc.text, &body, &opts)
        .into_iter()
        .map(|line| Row::Line { line, furniture: false })
        .collect();
    if let (Some(b), false) = (furniture, tail.is_empty()) {
        if !rows.is_empty() {
            rows.push(Row::Line { line: blank(b.start), furniture: false });
        }
        if key.unfolded {
            rows.extend(
                layout::layout(&doc.text, &tail, &opts)
                    .into_iter()
                    .map(|line| Row::Line { line, furniture: true }),
            );
        } else {
            rows.push(Row::Fold { lines: tail.len(), logical: b });
        }
    }
    ReaderRows { key, rows }
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

/// A few recent layouts, newest first, so toggling or resizing back does not lay out again.
#[derive(Debug, Clone, Default)]
pub struct LayoutCache {
    entries: Vec<Rc<ReaderRows>>,
}

impl LayoutCache {
    const KEEP: usize = 4;

    /// The layout for `key`, building it from `doc` when it is not cached.
    pub fn get(&mut self, doc: &Document, key: LayoutKey) -> Rc<ReaderRows> {
        if let Some(i) = self.entries.iter().position(|e| e.key == key) {
            let e = self.entries.remove(i);
            self.entries.insert(0, e);
        } else {
            self.entries.insert(0, Rc::new(build(doc, key)));
            self.entries.truncate(Self::KEEP);
        }
        self.entries[0].clone()
    }
}
