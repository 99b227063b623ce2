//! Month and weekday names of every registered language, looked up as one table: the date
//! scanner (`extract::dates::lexicon`), the publication-date reader (`corpus::dates`) and the
//! timeline ask it about a folded word. The names themselves live in each language's folder.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::LANGUAGES;

/// A month name: its number (1–12) and whether it is weak — a word that is also a common
/// word or name ("may", "ماي" = also Theresa May, "آب" = also "father", "Jan"), so a reader
/// counts it only next to a day or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthName {
    pub month: u8,
    pub weak: bool,
    /// A name of a cased script (the scanner wants English names capitalised).
    pub english: bool,
}

/// Every one-word month name, folded, with its meaning, languages in registration order
/// (English first: "may" is English).
pub fn month_names() -> impl Iterator<Item = (&'static str, MonthName)> {
    LANGUAGES.iter().flat_map(|l| {
        l.months.iter().map(|&(w, month, weak)| (w, MonthName { month, weak, english: l.cased }))
    })
}

/// The month a folded word names, if any (one-word names only).
pub fn month_of(folded: &str) -> Option<MonthName> {
    static TABLE: LazyLock<FxHashMap<&'static str, MonthName>> = LazyLock::new(|| {
        let mut t = FxHashMap::default();
        for (w, m) in month_names() {
            t.entry(w).or_insert(m);
        }
        t
    });
    TABLE.get(folded).copied()
}

/// The weekday (0 = Monday) a folded word names: names and abbreviations of every language.
pub fn weekday_of(folded: &str) -> Option<u8> {
    LANGUAGES
        .iter()
        .flat_map(|l| l.weekdays.iter().chain(l.weekday_abbreviations))
        .find(|(w, ..)| *w == folded)
        .map(|&(_, d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold_str;

    fn month_of_word(w: &str) -> Option<MonthName> {
        month_of(&fold_str(w))
    }

    #[test]
    fn regional_month_names_fold_to_one_month() {
        for (w, m) in [
            ("جويلية", 7),
            ("أوت", 8),
            ("أفريل", 4),
            ("غشت", 8),
            ("أغشت", 8),
            ("شتنبر", 9),
            ("إبريل", 4),
            ("أيار", 5),
            ("Sept", 9),
            ("JUNE", 6),
        ] {
            assert_eq!(month_of_word(w).map(|n| n.month), Some(m), "{w}");
        }
        assert_eq!(month_of_word("mars"), None);
        assert_eq!(crate::lang::ar::calendar::levantine_month(1, 2), Some(1));
        assert_eq!(weekday_of("tue"), Some(1));
        assert_eq!(weekday_of(&fold_str("الأربعاء")), Some(2));
    }

    #[test]
    fn names_are_stored_folded_and_once() {
        let mut seen = std::collections::HashSet::new();
        for (w, _) in month_names() {
            assert_eq!(fold_str(w), w, "{w} is stored folded");
            assert!(seen.insert(w), "{w} listed twice");
        }
    }
}
