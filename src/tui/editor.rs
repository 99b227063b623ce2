//! A one-line text editor for the search, find and filter prompts: the text, a cursor on a
//! grapheme boundary, and the edits of a shell's line editor (character and word motion,
//! Home/End, kill to either end, kill the word before). Pure data: the keymap maps keys to
//! [`Edit`]s, the prompt's view draws the text and cursor.
//!
//! Hand-written rather than `tui-input` or `tui-textarea`: those read keys themselves, while
//! qari's keys are data in its keymap (shown in help, configurable); what is left is a few
//! dozen lines of grapheme arithmetic, tested here.

use unicode_segmentation::UnicodeSegmentation;

/// One edit of the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Edit {
    /// Type a character at the cursor (replacing the text when it is all selected).
    Insert(char),
    /// Delete the grapheme before the cursor.
    Backspace,
    /// Delete the grapheme at the cursor.
    Delete,
    /// One grapheme left (towards the start).
    Left,
    /// One grapheme right (towards the end).
    Right,
    /// To the start of the word before the cursor.
    WordLeft,
    /// To the end of the word after the cursor.
    WordRight,
    /// To the start.
    Home,
    /// To the end.
    End,
    /// Delete from the start to the cursor.
    KillToStart,
    /// Delete from the cursor to the end.
    KillToEnd,
    /// Delete the word (and the blanks after it) before the cursor.
    KillWordBack,
}

/// The line: its text, the cursor (a byte offset), and whether the whole text is selected (a
/// prompt reopened on the last query: typing replaces it, a motion keeps it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    cursor: usize,
    selected: bool,
}

impl LineEditor {
    /// `text` with the cursor at its end.
    pub fn new(text: &str) -> LineEditor {
        LineEditor { text: text.to_string(), cursor: text.len(), selected: false }
    }

    /// `text` all selected, the cursor at its end.
    pub fn selected(text: &str) -> LineEditor {
        LineEditor { selected: !text.is_empty(), ..LineEditor::new(text) }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor: a byte offset into [`LineEditor::text`], on a grapheme boundary.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether the whole text is selected.
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// Replaces the text (the cursor at its end): a history entry recalled.
    pub fn set(&mut self, text: &str) {
        *self = LineEditor::new(text);
    }

    /// Applies `e`; returns whether the text changed.
    pub fn apply(&mut self, e: Edit) -> bool {
        let selected = std::mem::take(&mut self.selected);
        let before = self.text.len();
        match e {
            Edit::Insert(c) if selected => self.set(&c.to_string()),
            Edit::Backspace | Edit::Delete | Edit::KillWordBack | Edit::KillToStart if selected => {
                self.set("")
            }
            Edit::Insert(c) => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            Edit::Backspace => {
                let at = self.prev_boundary(self.cursor);
                self.text.replace_range(at..self.cursor, "");
                self.cursor = at;
            }
            Edit::Delete => {
                let to = self.next_boundary(self.cursor);
                self.text.replace_range(self.cursor..to, "");
            }
            Edit::Left => self.cursor = self.prev_boundary(self.cursor),
            Edit::Right => self.cursor = self.next_boundary(self.cursor),
            Edit::WordLeft => self.cursor = self.word_start_before(self.cursor),
            Edit::WordRight => self.cursor = self.word_end_after(self.cursor),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::KillToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Edit::KillToEnd => self.text.truncate(self.cursor),
            Edit::KillWordBack => {
                // As a shell's Ctrl-w: back over blanks, then over the non-blanks before them.
                let head = &self.text[..self.cursor];
                let trimmed = head.trim_end();
                let at = trimmed
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
                self.text.replace_range(at..self.cursor, "");
                self.cursor = at;
            }
        }
        selected || self.text.len() != before || matches!(e, Edit::Insert(_))
    }

    fn prev_boundary(&self, at: usize) -> usize {
        self.text[..at].grapheme_indices(true).next_back().map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self, at: usize) -> usize {
        self.text[at..].graphemes(true).next().map_or(at, |g| at + g.len())
    }

    /// Start of the word (a run of letters or digits) before `at`.
    fn word_start_before(&self, at: usize) -> usize {
        self.text[..at].unicode_word_indices().rfind(|(i, _)| *i < at).map_or(0, |(i, _)| i)
    }

    /// End of the word after `at`.
    fn word_end_after(&self, at: usize) -> usize {
        self.text[at..]
            .unicode_word_indices()
            .map(|(i, w)| at + i + w.len())
            .find(|&end| end > at)
            .unwrap_or(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::Edit::*;
    use super::*;

    /// The text with `|` at the cursor.
    fn shown(e: &LineEditor) -> String {
        format!("{}|{}", &e.text()[..e.cursor()], &e.text()[e.cursor()..])
    }

    fn after(text: &str, edits: &[Edit]) -> String {
        let mut e = LineEditor::new(text);
        for &x in edits {
            e.apply(x);
        }
        shown(&e)
    }

    #[test]
    fn characters_and_words_move_and_delete_as_in_a_shell() {
        assert_eq!(after("north korea", &[Left, Left, Insert('X')]), "north korX|ea");
        assert_eq!(after("north korea", &[Home, Right, Delete]), "n|rth korea");
        assert_eq!(after("north korea", &[WordLeft]), "north |korea");
        assert_eq!(after("north korea", &[WordLeft, WordLeft, WordRight]), "north| korea");
        assert_eq!(after("north korea sanctions", &[KillWordBack]), "north korea |");
        assert_eq!(after("north korea  ", &[KillWordBack]), "north |");
        assert_eq!(after("north korea", &[WordLeft, KillToStart]), "|korea");
        assert_eq!(after("north korea", &[WordLeft, KillToEnd]), "north |");
        assert_eq!(after("north korea", &[Home, Backspace, Delete, End, Delete]), "orth korea|");
        assert_eq!(after("", &[Backspace, Delete, Left, WordLeft, KillWordBack]), "|");
    }

    #[test]
    fn arabic_moves_by_grapheme_with_its_marks() {
        // كَ is a letter and a mark: one step.
        let s = "كَتب";
        assert_eq!(after(s, &[Left, Left]), "كَ|تب");
        assert_eq!(after(s, &[Home, Right]), "كَ|تب");
        assert_eq!(after(s, &[Home, Delete]), "|تب");
        assert_eq!(after("وزير الخارجية", &[WordLeft]), "وزير |الخارجية");
    }

    #[test]
    fn a_selected_line_is_replaced_by_typing_and_kept_by_motion() {
        let mut e = LineEditor::selected("pyongyang");
        assert!(e.is_selected());
        assert!(e.apply(Insert('s')));
        assert_eq!(shown(&e), "s|");
        let mut e = LineEditor::selected("pyongyang");
        e.apply(Left);
        assert!(!e.is_selected(), "a motion drops the selection, keeps the text");
        assert_eq!(shown(&e), "pyongyan|g");
        let mut e = LineEditor::selected("pyongyang");
        e.apply(Backspace);
        assert_eq!(shown(&e), "|");
    }
}
