//! English.

pub mod calendar;
mod dates;
pub mod words;

use super::Language;

/// English, as every layer sees it.
pub static ENGLISH: Language = Language {
    code: "en",
    name: "English",
    cased: true,
    months: calendar::MONTHS,
    weekdays: calendar::WEEKDAYS,
    weekday_abbreviations: calendar::WEEKDAY_ABBREVIATIONS,
    ordinals: &[],
    ordinal_suffixes: dates::ORDINAL_SUFFIXES,
    date_words: dates::DATE_WORDS,
};
