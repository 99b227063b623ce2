//! Display width as a terminal grid lays text out.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Cells `s` occupies, summed per grapheme cluster. Not `UnicodeWidthStr::width(s)`: that
/// counts an unshaped lam+alef as one cell while terminals and ratatui's buffer use two.
pub fn cells(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lam_alef_unshaped_is_two_cells() {
        assert_eq!(cells("\u{0644}\u{0627}"), 2);
        assert_eq!(cells("漢a"), 3);
    }
}
