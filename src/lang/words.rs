//! The word-list type every language's lists use.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A word list, looked up through a hash set built on first use: the rules ask every token of
/// a document about several lists, and scanning them was most of the extraction time.
pub struct Words {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl Words {
    /// The list `list`.
    pub const fn new(list: &'static [&'static str]) -> Words {
        Words { list, set: OnceLock::new() }
    }

    /// Whether `w` (as written) is in the list.
    pub fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.list.iter().copied().collect()).contains(w)
    }

    /// The words, in list order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.list.iter().copied()
    }
}
