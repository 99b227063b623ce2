//! Persian words around dates, as written (the lexicon folds them), by what they mean to the
//! date scanner.

use crate::lang::Cue;

/// Ordinal words that give a day ("چهاردهم آبان"), and the tens a compound ordinal starts
/// with ("بیست و دوم" = 22, "سی و یکم" = 31).
#[rustfmt::skip]
pub const ORDINALS: &[(&str, u8)] = &[
    ("یکم", 1), ("دوم", 2), ("سوم", 3), ("چهارم", 4), ("پنجم", 5), ("ششم", 6), ("هفتم", 7),
    ("هشتم", 8), ("نهم", 9), ("دهم", 10), ("یازدهم", 11), ("دوازدهم", 12), ("سیزدهم", 13),
    ("چهاردهم", 14), ("پانزدهم", 15), ("شانزدهم", 16), ("هفدهم", 17), ("هجدهم", 18),
    ("هیجدهم", 18), ("نوزدهم", 19), ("بیستم", 20), ("سی‌ام", 30),
    ("بیست", 20), ("سی", 30),
];

/// Cue words. The first listing of a word wins across languages.
#[rustfmt::skip]
pub const DATE_WORDS: &[(&[&str], Cue)] = &[
    (&["دیروز"], Cue::Yesterday),
    (&["امروز"], Cue::Today),
    (&["فردا"], Cue::Tomorrow),
    (&["و"], Cue::FaAnd),
    (&["ماه"], Cue::FaMonth),
    (&["سال", "هفته"], Cue::FaPeriod),
    (&["گذشته", "پیش", "قبل", "آینده", "بعد", "جاری", "آتی"], Cue::FaRelative),
    (&["امسال", "پارسال"], Cue::FaYearWord),
    (&["شمسی", "خورشیدی"], Cue::FaSolarEra),
];
