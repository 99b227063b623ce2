//! Layout of a document's paragraphs into visual lines for a pane of a given width:
//! wrap on the logical text, reorder each line by the Unicode Bidirectional Algorithm,
//! shape Arabic, align RTL paragraphs right. Every line keeps its logical↔visual map.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Who puts right-to-left text in visual order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BidiMode {
    /// qari reorders and tells the terminal not to (the default).
    #[default]
    App,
    /// qari sends logical order and leaves reordering to a BiDi terminal.
    Terminal,
    /// Logical order, no reordering anywhere.
    Off,
}

/// How to lay text out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Pane width in cells (at least 1 is used).
    pub width: usize,
    /// Who reorders RTL text.
    pub bidi: BidiMode,
    /// Whether Arabic is shaped into presentation forms.
    pub shape: bool,
}

impl LayoutOptions {
    /// The reader's defaults at `width`: app-side BiDi, shaping on.
    pub fn new(width: usize) -> Self {
        LayoutOptions { width, bidi: BidiMode::App, shape: true }
    }
}

/// Base direction of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

/// One screen cell's worth of text (a grapheme cluster, possibly shaped or mirrored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualCell {
    /// What to draw.
    pub symbol: String,
    /// Byte range in the source text that this cell shows.
    pub logical: Range<usize>,
    /// Display width in cells (1 or 2).
    pub width: usize,
}

/// One screen line in visual (left-to-right) order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// Byte range of the line in the source text, in logical order.
    pub logical: Range<usize>,
    /// Cells from left to right, not counting the alignment padding.
    pub cells: Vec<VisualCell>,
    /// Base direction of the paragraph the line belongs to.
    pub direction: Direction,
    /// Blank cells before the first cell (right alignment of RTL lines).
    pub indent: usize,
    /// Index of the paragraph the line belongs to; `None` for the blank line between paragraphs.
    pub paragraph: Option<usize>,
}

impl VisualLine {
    /// Display width of the cells, without the indent.
    pub fn width(&self) -> usize {
        self.cells.iter().map(|c| c.width).sum()
    }

    /// The line as plain text, indent included, as the reader draws it.
    pub fn to_plain(&self) -> String {
        let mut s = " ".repeat(self.indent);
        for c in &self.cells {
            s.push_str(&c.symbol);
        }
        s
    }

    /// Screen columns (from the pane's left edge, indent included) of the cells that show
    /// any byte of the logical range `range`, left to right. Empty when the line shows none.
    pub fn columns_of(&self, range: &Range<usize>) -> Vec<usize> {
        let mut col = self.indent;
        let mut out = Vec::new();
        for c in &self.cells {
            if c.logical.start < range.end && range.start < c.logical.end {
                out.extend(col..col + c.width);
            }
            col += c.width;
        }
        out
    }
}

/// Lays out the paragraphs `paragraphs` (byte ranges into `text`) at `opts.width`, with one
/// blank line between paragraphs.
pub fn layout(text: &str, paragraphs: &[Range<usize>], opts: &LayoutOptions) -> Vec<VisualLine> {
    // Placeholder until the text layer lands: greedy LTR wrap by grapheme.
    let width = opts.width.max(1);
    let mut lines = Vec::new();
    for (p, r) in paragraphs.iter().enumerate() {
        if p > 0 {
            lines.push(VisualLine {
                logical: r.start..r.start,
                cells: Vec::new(),
                direction: Direction::Ltr,
                indent: 0,
                paragraph: None,
            });
        }
        let mut cur: Vec<VisualCell> = Vec::new();
        let mut w = 0;
        let mut start = r.start;
        for (o, g) in text[r.clone()].grapheme_indices(true) {
            let gw = g.width().max(1);
            if w + gw > width && !cur.is_empty() {
                lines.push(VisualLine {
                    logical: start..r.start + o,
                    cells: std::mem::take(&mut cur),
                    direction: Direction::Ltr,
                    indent: 0,
                    paragraph: Some(p),
                });
                w = 0;
                start = r.start + o;
            }
            cur.push(VisualCell {
                symbol: g.to_string(),
                logical: r.start + o..r.start + o + g.len(),
                width: gw,
            });
            w += gw;
        }
        lines.push(VisualLine {
            logical: start..r.end,
            cells: cur,
            direction: Direction::Ltr,
            indent: 0,
            paragraph: Some(p),
        });
    }
    lines
}
