//! The Unicode Bidirectional Algorithm for one paragraph (unicode-bidi 0.3.18): levels
//! resolved once per paragraph (P2/P3 from its first strong character, X1–I2), then per line
//! L1 (reset trailing whitespace and separators), L2 on grapheme clusters (so harakat stay on
//! their letter: L3) and L4 mirroring (unicode-bidi does not mirror).
//!
//! L1 is done here per line rather than with `reordered_levels`, which copies the levels of
//! the whole paragraph for every line (quadratic on a long paragraph).

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, Level, ParagraphBidiInfo};

use super::Direction;
use super::wrap::Grapheme;

/// Resolved embedding levels of one paragraph.
pub(crate) struct Levels<'a> {
    info: ParagraphBidiInfo<'a>,
}

impl<'a> Levels<'a> {
    /// Resolves `text` (one paragraph: no paragraph separator inside) with P2/P3.
    pub fn resolve(text: &'a str) -> Self {
        Levels { info: ParagraphBidiInfo::new(text, None) }
    }

    /// The paragraph's base direction.
    pub fn direction(&self) -> Direction {
        if self.info.paragraph_level.is_rtl() { Direction::Rtl } else { Direction::Ltr }
    }

    /// Whether nothing in the paragraph needs reordering.
    pub fn is_pure_ltr(&self) -> bool {
        self.info.is_pure_ltr && self.info.paragraph_level.is_ltr()
    }

    /// The levels of the graphemes `gs[line]` after rule L1, one per grapheme (the level of its
    /// first char: marks follow their base by W1).
    pub fn line_levels(&self, gs: &[Grapheme], line: Range<usize>) -> Vec<Level> {
        if line.is_empty() {
            return Vec::new();
        }
        let a = gs[line.start].range.start;
        let b = gs[line.end - 1].range.end;
        let para = self.info.paragraph_level;
        let classes = &self.info.original_classes[a..b];
        let mut lv: Vec<Level> = self.info.levels[a..b].to_vec();
        let mut reset_from: Option<usize> = None;
        let mut prev = para;
        for (i, c) in self.info.text[a..b].char_indices() {
            let len = c.len_utf8();
            use BidiClass::*;
            match classes[i] {
                B | S => {
                    let from = reset_from.take().unwrap_or(i);
                    lv[from..i + len].fill(para);
                }
                WS | FSI | LRI | RLI | PDI => {
                    reset_from.get_or_insert(i);
                }
                RLE | LRE | RLO | LRO | PDF | BN => {
                    reset_from.get_or_insert(i);
                    lv[i..i + len].fill(prev);
                }
                _ => reset_from = None,
            }
            prev = lv[i];
        }
        if let Some(from) = reset_from {
            lv[from..].fill(para);
        }
        gs[line].iter().map(|g| lv[g.range.start - a]).collect()
    }
}

/// The base direction of `text` by P2/P3 alone (first strong character; LTR if none).
pub(crate) fn base_direction(text: &str) -> Direction {
    match unicode_bidi::get_base_direction(text) {
        unicode_bidi::Direction::Rtl => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

/// L2: `map[visual] = logical` for one line's grapheme levels.
pub(crate) fn visual_order(levels: &[Level]) -> Vec<usize> {
    BidiInfo::reorder_visual(levels)
}

/// L4: the grapheme `g` as drawn at an odd (right-to-left) level: its base character mirrored
/// when it has a Bidi_Mirroring_Glyph (brackets, `<`, `«`…). `None` when unchanged.
pub(crate) fn mirrored(g: &str) -> Option<String> {
    let mut cs = g.chars();
    let m = unicode_bidi_mirroring::get_mirrored(cs.next()?)?;
    let mut s = String::with_capacity(g.len());
    s.push(m);
    s.push_str(cs.as_str());
    Some(s)
}
