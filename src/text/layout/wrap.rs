//! Line breaking on the logical text: greedy, by display width summed per grapheme cluster,
//! at UAX #14 break opportunities (unicode-linebreak); a word wider than the line is split
//! between grapheme clusters.
//!
//! Whitespace at a break ("break whitespace") belongs to no line: it is neither drawn nor
//! counted, so the text between two consecutive lines, before the first and after the last
//! line of a paragraph is whitespace only. Whitespace inside a line is drawn.

use std::ops::Range;

use unicode_linebreak::linebreaks;

/// One grapheme cluster of the (shaped) paragraph text.
#[derive(Debug, Clone)]
pub(crate) struct Grapheme {
    /// Byte range in the shaped text.
    pub range: Range<usize>,
    /// Display width in cells (0, 1 or 2).
    pub width: usize,
    /// Whether it is a breakable space (hangs at a line end).
    pub space: bool,
}

/// Whether the cluster `g` is a space that may hang at a line end (not a no-break space).
pub(crate) fn is_break_space(g: &str) -> bool {
    let mut cs = g.chars();
    matches!((cs.next(), cs.next()), (Some(c), None)
        if c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

/// Breaks the paragraph `text` (graphemes `gs`) into lines of at most `width` cells.
/// Returns ranges of grapheme indices; each line ends before its break whitespace. A grapheme
/// wider than `width` (a wide char at width 1) gets a line of its own. An empty paragraph,
/// or one of only whitespace, gives one empty line.
pub(crate) fn wrap(text: &str, gs: &[Grapheme], width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let total: usize = gs.iter().map(|g| g.width).sum();
    let mut lines = Vec::new();
    if total <= width {
        // The common short paragraph: one line, trailing spaces dropped.
        let end = gs.iter().rposition(|g| !g.space).map_or(0, |p| p + 1);
        lines.push(0..end);
        return lines;
    }
    // Break opportunities, as "a line may start at grapheme i".
    let mut allowed = vec![false; gs.len()];
    let mut gi = 0;
    for (at, _) in linebreaks(text) {
        while gi < gs.len() && gs[gi].range.start < at {
            gi += 1;
        }
        if gi < gs.len() && gs[gi].range.start == at {
            allowed[gi] = true;
        }
    }
    let n = gs.len();
    let mut start = 0;
    while start < n {
        let mut used = 0; // width of content graphemes and the spaces between them
        let mut pending = 0; // width of spaces after the last content grapheme
        let mut content_end = start;
        let mut last_break: Option<(usize, usize)> = None; // (next line start, this line's end)
        let mut i = start;
        let mut broke = false;
        while i < n {
            let g = &gs[i];
            if i > start && allowed[i] && content_end > start {
                last_break = Some((i, content_end));
            }
            if g.space {
                pending += g.width;
                i += 1;
                continue;
            }
            if used + pending + g.width > width && content_end > start {
                let (next, end) = last_break.unwrap_or((i, content_end));
                lines.push(start..end);
                start = next;
                broke = true;
                break;
            }
            if used + pending + g.width > width && pending > 0 {
                // Only (leading) spaces so far and they do not fit with this grapheme: drop them.
                start = i;
                used = 0;
                pending = 0;
                last_break = None;
            }
            used += pending + g.width;
            pending = 0;
            content_end = i + 1;
            i += 1;
        }
        if !broke {
            if content_end > start || lines.is_empty() {
                lines.push(start..content_end);
            }
            break;
        }
        // The next line never starts with break whitespace.
        while start < n && gs[start].space {
            start += 1;
        }
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;

    fn graphemes(s: &str) -> Vec<Grapheme> {
        s.grapheme_indices(true)
            .map(|(o, g)| Grapheme {
                range: o..o + g.len(),
                width: g.width(),
                space: is_break_space(g),
            })
            .collect()
    }

    fn lines(s: &str, w: usize) -> Vec<String> {
        let gs = graphemes(s);
        wrap(s, &gs, w)
            .into_iter()
            .map(|r| {
                if r.is_empty() {
                    String::new()
                } else {
                    s[gs[r.start].range.start..gs[r.end - 1].range.end].to_string()
                }
            })
            .collect()
    }

    #[test]
    fn greedy_at_word_boundaries() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(lines("the quick brown fox", 9), ["the quick", "brown fox"]);
        assert_eq!(lines("the quick brown fox", 8), ["the", "quick", "brown", "fox"]);
        assert_eq!(lines("a  b", 1), ["a", "b"], "break whitespace is dropped");
        assert_eq!(
            lines("well-known fact", 6),
            ["well-", "known", "fact"],
            "UAX #14 after a hyphen"
        );
    }

    #[test]
    fn long_words_split_by_grapheme() {
        assert_eq!(lines("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(lines("مُحَمَّد", 2), ["مُحَ", "مَّد"], "harakat stay on their letter");
        assert_eq!(lines("漢字漢", 3), ["漢", "字", "漢"]);
        assert_eq!(lines("漢x", 1), ["漢", "x"], "a wide char at width 1 gets its own line");
    }

    #[test]
    fn empty_and_blank_paragraphs_give_one_empty_line() {
        assert_eq!(lines("", 5), [""]);
        assert_eq!(lines("      ", 2), [""]);
        assert_eq!(lines("  x", 5), ["  x"], "leading indentation that fits is kept");
    }
}
