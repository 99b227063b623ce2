//! Persian: facts as written (ی ک, ZWNJ); readers fold them as `text::normalize` folds text
//! (ی → ي, ک → ك, ZWNJ and harakat removed), so a list holds each word once.

mod dates;
pub mod words;

use super::{Language, Stemming};

/// Persian, as every layer sees it.
pub static PERSIAN: Language = Language {
    code: "fa",
    name: "Persian",
    cased: false,
    calendar_names: &[
        include_str!("../../../assets/lang/fa/calendar.tsv"),
        include_str!("../../../assets/lang/fa/calendar-extra.tsv"),
    ],
    weak_names: include_str!("../../../assets/lang/fa/weak-months.tsv"),
    ordinals: dates::ORDINALS,
    ordinal_suffixes: &[],
    date_words: dates::DATE_WORDS,
    date_labels: &[
        "تاریخ انتشار",
        "تاریخ",
        "انتشار",
        "منتشر شده",
        "به‌روزرسانی",
        "آخرین به‌روزرسانی",
    ],
    byline_prefixes: &["نویسنده:", "به قلم"],
    // Persian is told by its letters (پ چ ژ گ ی ک) before any word list.
    function_words: &[],
    furniture_cues: r"
        بیشتر\s+بخوانید | مطالب\s+مرتبط | اخبار\s+مرتبط | خبرهای\s+مرتبط | برچسب | کلیدواژه
        | اشتراک\s*گذاری | نظرات | دیدگاه | کلیه\s+حقوق | تمامی\s+حقوق | عضو\s+شوید
        ",
    entity_words: Some(&words::ENTITY_WORDS),
    stemming: Some(&STEMMING),
};

/// The count words that, written apart before شنبه, name the other weekdays ("سه شنبه" =
/// Tuesday, three days after Saturday).
pub const WEEKDAY_COUNTS: &[(&str, u8)] =
    &[("یک", 1), ("دو", 2), ("سه", 3), ("چهار", 4), ("پنج", 5)];

/// Light stemming: plural, comparative and ezafe/adjective endings. Persian writes no article
/// and glues no proclitic but و, so no prefix is removed.
pub static STEMMING: Stemming = Stemming {
    own_letters: "پچژگیک\u{200C}",
    prefixes: &[],
    // Tried in order, at most one per pass: endings of plurals and comparatives first
    // ("کشورهای" → "کشور", "بزرگترین" → "بزرگ", "ایرانیان" → "ایرانی"), then the ی of ezafe,
    // adjectives and the indefinite ("ایرانی" → "ایران").
    suffixes: &[&["ترین", "هایی", "های", "ها", "تر", "ات", "ان"], &["ی"]],
    // Three letters at least stay: "دختر" and "گران" are words, not دخ + تر and گر + ان.
    min_stem: 3,
};
