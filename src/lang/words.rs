//! The word-list type every language's lists use.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A word list, looked up through a hash set built on first use: the rules ask every token of
/// a document about several lists, and scanning them was most of the extraction time.
pub struct Words {
    source: Source,
    list: OnceLock<Vec<&'static str>>,
    set: OnceLock<FxHashSet<&'static str>>,
}

enum Source {
    Slice(&'static [&'static str]),
    /// A curated file of `assets/lang/<code>/words/`: one entry a line, `#` comments (the
    /// list's purpose and source) and blank lines skipped.
    File(&'static str),
}

impl Words {
    /// The list `list`.
    pub const fn new(list: &'static [&'static str]) -> Words {
        Words { source: Source::Slice(list), list: OnceLock::new(), set: OnceLock::new() }
    }

    /// The list in `file` (an `include_str!` of a words file).
    pub const fn file(file: &'static str) -> Words {
        Words { source: Source::File(file), list: OnceLock::new(), set: OnceLock::new() }
    }

    fn list(&self) -> &[&'static str] {
        match self.source {
            Source::Slice(s) => s,
            Source::File(f) => self.list.get_or_init(|| {
                f.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
            }),
        }
    }

    /// Whether `w` (as written) is in the list.
    pub fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.list().iter().copied().collect()).contains(w)
    }

    /// The words, in list order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.list().iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_words_file_skips_comments_and_blank_lines() {
        static W: Words = Words::file("# what the list is for\nKim\n\n  Ri \n# more\nPak\n");
        assert_eq!(W.iter().collect::<Vec<_>>(), ["Kim", "Ri", "Pak"]);
        assert!(W.contains("Ri") && !W.contains("# more"));
    }
}
