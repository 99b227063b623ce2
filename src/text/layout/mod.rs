//! Layout of a document's paragraphs into visual lines for a pane of a given width:
//! wrap on the logical text, reorder each line by the Unicode Bidirectional Algorithm,
//! shape Arabic, align RTL paragraphs right. Every line keeps its logical↔visual map.
//!
//! Per paragraph (a `\n` inside a paragraph range starts a new UAX #9 paragraph, laid out
//! without a blank line): shape Arabic in logical order ([`shape`]), resolve the levels
//! once ([`bidi`]), break the logical text into lines by per-grapheme width ([`wrap`]),
//! then reorder each line on grapheme clusters and mirror brackets at odd levels.
//!
//! The three [`BidiMode`]s:
//! - `App`: all of the above; RTL paragraphs right-aligned (`indent`).
//! - `Terminal`: logical order, unshaped, left-aligned. A terminal that reorders also shapes
//!   (VTE, mintty, Konsole, mlterm, Terminal.app…), and it decides the alignment itself:
//!   padding spaces would be reordered with the text under an RTL base direction.
//! - `Off`: logical order, unshaped, left-aligned (nothing reorders; shaped forms in logical
//!   order would join the wrong way).
//!
//! In every mode `direction` is the paragraph's real base direction, and a cell's `logical`
//! is a byte range of the original text (a lam-alef ligature cell covers both letters).

mod bidi;
mod shape;
mod wrap;

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use shape::Shaped;
use wrap::Grapheme;

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

/// The widest pane laid out, in cells (a ratatui buffer's limit); wider widths are taken as
/// this.
pub const MAX_WIDTH: usize = u16::MAX as usize;

/// How to lay text out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Pane width in cells (1 to [`MAX_WIDTH`] are used).
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

/// One screen cell's worth of text (a grapheme cluster, possibly shaped or mirrored). A
/// zero-width cluster (an orphan mark, LRM) is kept with width 0 and drawn as nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualCell {
    /// What to draw.
    pub symbol: String,
    /// Byte range in the source text that this cell shows.
    pub logical: Range<usize>,
    /// Display width in cells: 1 or 2, 0 for a zero-width cluster, more for a cluster of
    /// several spacing marks (Indic vowel signs, stacked U+0604) that terminals draw one
    /// column each.
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

    /// The line as plain text, indent included, as the reader draws it (zero-width cells,
    /// which the reader skips, are left out).
    pub fn to_plain(&self) -> String {
        let mut s = " ".repeat(self.indent);
        for c in self.cells.iter().filter(|c| c.width > 0) {
            s.push_str(&c.symbol);
        }
        s
    }

    /// The line's text in logical order, unshaped: `text[self.logical]` (`text` is the text
    /// the line was laid out from). Empty if the range does not fit `text`.
    pub fn logical_plain<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.logical.clone()).unwrap_or("")
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
/// blank line between paragraphs. `VisualLine::paragraph` indexes `paragraphs`.
pub fn layout(text: &str, paragraphs: &[Range<usize>], opts: &LayoutOptions) -> Vec<VisualLine> {
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
        lines.extend(layout_paragraph(text, r.clone(), p, opts));
    }
    lines
}

/// Lays out one paragraph (`range` of `text`, numbered `index`) without blank lines around it;
/// what [`layout`] does per paragraph, for callers that cache per paragraph. A range that is
/// not a valid slice of `text` gives one empty line.
pub fn layout_paragraph(
    text: &str,
    range: Range<usize>,
    index: usize,
    opts: &LayoutOptions,
) -> Vec<VisualLine> {
    let mut out = Vec::new();
    let Some(para) = text.get(range.clone()) else {
        let at = range.start.min(text.len());
        out.push(empty_line(at, Direction::Ltr, index));
        return out;
    };
    let mut start = 0;
    for (i, c) in para.char_indices() {
        if is_paragraph_separator(c) {
            layout_block(text, range.start + start..range.start + i, index, opts, &mut out);
            start = i + c.len_utf8();
        }
    }
    layout_block(text, range.start + start..range.end, index, opts, &mut out);
    out
}

/// Characters of Bidi_Class B: each ends a UAX #9 paragraph.
fn is_paragraph_separator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2029}')
}

fn empty_line(at: usize, direction: Direction, index: usize) -> VisualLine {
    VisualLine { logical: at..at, cells: Vec::new(), direction, indent: 0, paragraph: Some(index) }
}

/// Lays out `text[range]`, one UAX #9 paragraph, appending its lines to `out`.
/// The grapheme clusters of `s` with their byte offsets, a ZWNJ split off as a cluster of its
/// own: grapheme rules attach it to the letter before it, but UAX #9 (and FriBidi) reorder it
/// as a char of its own (class BN), so in an RTL run it belongs on the other side of that
/// letter. It stays zero columns wide and is drawn as nothing.
fn clusters(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.grapheme_indices(true).flat_map(|(o, g)| {
        let mut parts = Vec::with_capacity(1);
        let mut from = 0;
        for (i, _) in g.match_indices('\u{200C}') {
            if i > from {
                parts.push((o + from, &g[from..i]));
            }
            parts.push((o + i, &g[i..i + 3]));
            from = i + 3;
        }
        if from < g.len() {
            parts.push((o + from, &g[from..]));
        }
        parts
    })
}

fn layout_block(
    text: &str,
    range: Range<usize>,
    index: usize,
    opts: &LayoutOptions,
    out: &mut Vec<VisualLine>,
) {
    // A width beyond any terminal would only allocate: the right-align indent is that wide.
    let width = opts.width.clamp(1, MAX_WIDTH);
    let base = range.start;
    let src = &text[range];
    let app = opts.bidi == BidiMode::App;
    let shaped = if app && opts.shape { shape::shape(src) } else { Shaped::plain(src) };
    let s: &str = &shaped.text;
    let gs: Vec<Grapheme> = clusters(s)
        .map(|(o, g)| Grapheme {
            range: o..o + g.len(),
            width: g.width(),
            space: wrap::is_break_space(g),
        })
        .collect();
    let (levels, direction) = if app {
        let l = bidi::Levels::resolve(s);
        let d = l.direction();
        (Some(l).filter(|l| !l.is_pure_ltr()), d)
    } else {
        (None, bidi::base_direction(s))
    };
    let original = |r: Range<usize>| {
        let o = shaped.original(r);
        base + o.start..base + o.end
    };
    let cell = |i: usize, rtl: bool| {
        let g = &gs[i];
        let sym = &s[g.range.clone()];
        let logical = original(g.range.clone());
        if g.width > width {
            // Only a wide char at width 1: it cannot be shown, say so in one cell.
            return VisualCell { symbol: "…".to_string(), logical, width: 1 };
        }
        let symbol = match rtl.then(|| bidi::mirrored(sym)).flatten() {
            Some(m) => m,
            None => sym.to_string(),
        };
        VisualCell { symbol, logical, width: g.width }
    };
    for line in wrap::wrap(s, &gs, width) {
        if line.is_empty() {
            out.push(empty_line(base, direction, index));
            continue;
        }
        let logical = original(gs[line.start].range.start..gs[line.end - 1].range.end);
        let cells: Vec<VisualCell> = match &levels {
            Some(lv) => {
                let gl = lv.line_levels(&gs, line.clone());
                bidi::visual_order(&gl)
                    .into_iter()
                    .map(|v| cell(line.start + v, gl[v].is_rtl()))
                    .collect()
            }
            None => line.clone().map(|i| cell(i, false)).collect(),
        };
        let used: usize = cells.iter().map(|c| c.width).sum();
        let indent =
            if app && direction == Direction::Rtl { width.saturating_sub(used) } else { 0 };
        out.push(VisualLine { logical, cells, direction, indent, paragraph: Some(index) });
    }
}
