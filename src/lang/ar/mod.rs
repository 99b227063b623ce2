//! Arabic: facts on the normalised text (alef forms → ا, ة → ه, ى → ي; `text::normalize`).

pub mod calendar;
mod dates;
pub mod east_asian;
pub mod words;

use super::{Language, Stemming};

/// Arabic, as every layer sees it.
pub static ARABIC: Language = Language {
    code: "ar",
    name: "Arabic",
    cased: false,
    calendar_names: &[
        include_str!("../../../assets/lang/ar/calendar.tsv"),
        include_str!("../../../assets/lang/ar/calendar-extra.tsv"),
    ],
    weak_names: include_str!("../../../assets/lang/ar/weak-months.tsv"),
    ordinals: dates::ORDINALS,
    ordinal_suffixes: &[],
    date_words: dates::DATE_WORDS,
    date_labels: &["تاريخ النشر", "نشر في", "نشر بتاريخ", "نشر", "آخر تحديث", "اخر تحديث"],
    byline_prefixes: &["بقلم"],
    function_words: &[],
    furniture_cues: r"
        اشترك | تابعونا | تابعوا | ليصلك | اقرأ\s+(أيضا|أيضاً|المزيد) | ذات\s+صلة
        | جميع\s+الحقوق | التليغرام | تلغرام | شارك\s+(المقال|الخبر|على)
        ",
    entity_words: None,
    stemming: Some(&STEMMING),
};

/// The one-letter proclitics written onto a word: و ف ب ل ك.
pub const PROCLITIC_LETTERS: &str = "وفبلك";

/// The proclitics and their pairs that may precede a name inside its word, the bare word
/// first (ولسوريا، فبدمشق).
pub const PROCLITICS: &[&str] = &["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// Whether `c` is a one-letter proclitic.
pub fn is_proclitic(c: char) -> bool {
    PROCLITIC_LETTERS.contains(c)
}

/// The word without one leading proclitic (و ف ب ل ك), when it is long enough to carry one
/// (more than three letters: وزارة keeps its و only through the word lists' own check).
pub fn strip_proclitic(w: &str) -> &str {
    match w.chars().next() {
        Some(c) if is_proclitic(c) && w.chars().count() > 3 => &w[c.len_utf8()..],
        _ => w,
    }
}

/// Prefixes light stemming removes, longest first so وال is not taken for و: the article
/// with its proclitics, ل + ال elided (لل), and و.
pub const STEM_PREFIXES: [&str; 7] = ["وال", "بال", "كال", "فال", "ال", "لل", "و"];

/// Light stemming (Lucene's ArabicStemmer): one of [`STEM_PREFIXES`], then each suffix in
/// turn: dual and plural endings, pronoun suffixes, nisba and ta marbuta (folded and not).
pub static STEMMING: Stemming = Stemming {
    own_letters: "",
    prefixes: &STEM_PREFIXES,
    suffixes: &[
        &["ها"],
        &["ان"],
        &["ات"],
        &["ون"],
        &["ين"],
        &["يه"],
        &["ية"],
        &["ه"],
        &["ة"],
        &["ي"],
    ],
    min_stem: 2,
};
