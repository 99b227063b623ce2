//! English.

mod dates;
pub mod words;

use super::Language;

/// English, as every layer sees it.
pub static ENGLISH: Language = Language {
    code: "en",
    name: "English",
    cased: true,
    calendar_names: &[include_str!("../../../assets/lang/en/calendar.tsv")],
    weak_names: include_str!("../../../assets/lang/en/weak-months.tsv"),
    ordinals: &[],
    ordinal_suffixes: dates::ORDINAL_SUFFIXES,
    date_words: dates::DATE_WORDS,
    entity_words: None,
    stemming: None,
};
