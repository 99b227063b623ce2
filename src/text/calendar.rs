//! Month and weekday names, English and Arabic with its regional month sets — the one table
//! both the date scanner (`extract::dates::lexicon`) and the publication-date reader
//! (`corpus::dates`) look words up in. It lives in `text`, below both, so neither layer
//! imports the other.
//!
//! The Arabic names are the CLDR (Unicode Common Locale Data Repository) gregorian month
//! names of the regional locales: `ar` (Egypt and the Gulf: يناير…), `ar-SY`/`ar-LB`/`ar-JO`/
//! `ar-IQ`/`ar-PS` (Levantine and Iraqi: كانون الثاني…), `ar-DZ`/`ar-TN` (Maghrebi: جانفي،
//! فيفري، أفريل، ماي، جوان، جويلية، أوت), `ar-MA` (Moroccan: يوليوز، غشت، شتنبر، نونبر، دجنبر)
//! and `ar-MR` (Mauritanian: أغشت، شتمبر، دجمبر), plus spellings news sites print beside them
//! (يونيه، يوليه، جويليا). Names are stored folded as `normalize::fold_str` folds a word
//! (alef forms → ا, ة → ه, ى → ي), so lookups take a folded word.

use super::normalize::fold_str;

/// A month name: its number (1–12) and whether it is weak — a word that is also a common
/// word or name ("may", "ماي" = also Theresa May, "آب" = also "father", "Jan"), so a reader
/// counts it only next to a day or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthName {
    pub month: u8,
    pub weak: bool,
    /// An English name (the scanner wants English names capitalised).
    pub english: bool,
}

/// English month names and abbreviations, lower case.
const EN_MONTHS: &[(&str, u8, bool)] = &[
    ("january", 1, false),
    ("february", 2, false),
    ("march", 3, false),
    ("april", 4, false),
    ("may", 5, false),
    ("june", 6, false),
    ("july", 7, false),
    ("august", 8, false),
    ("september", 9, false),
    ("october", 10, false),
    ("november", 11, false),
    ("december", 12, false),
    ("jan", 1, true),
    ("feb", 2, true),
    ("mar", 3, true),
    ("apr", 4, true),
    ("jun", 6, true),
    ("jul", 7, true),
    ("aug", 8, true),
    ("sep", 9, true),
    ("sept", 9, true),
    ("oct", 10, true),
    ("nov", 11, true),
    ("dec", 12, true),
];

/// Arabic one-word month names, folded. The Levantine كانون/تشرين pairs are two words: see
/// [`levantine_month`].
const AR_MONTHS: &[(&str, u8, bool)] = &[
    // Levantine and Iraqi (CLDR ar-SY, ar-LB, ar-JO, ar-IQ, ar-PS)
    ("شباط", 2, false),
    ("اذار", 3, false),
    ("نيسان", 4, false),
    ("ايار", 5, false),
    ("حزيران", 6, false),
    ("تموز", 7, false),
    ("اب", 8, true),
    ("ايلول", 9, false),
    // Egypt and the Gulf (CLDR ar), with the older يونيه/يوليه
    ("يناير", 1, false),
    ("فبراير", 2, false),
    ("مارس", 3, false),
    ("ابريل", 4, false),
    ("مايو", 5, false),
    ("يونيو", 6, false),
    ("يونيه", 6, false),
    ("يوليو", 7, false),
    ("يوليه", 7, false),
    ("اغسطس", 8, false),
    ("سبتمبر", 9, false),
    ("اكتوبر", 10, false),
    ("نوفمبر", 11, false),
    ("ديسمبر", 12, false),
    // Algeria and Tunisia (CLDR ar-DZ, ar-TN), and the جويليا spelling
    ("جانفي", 1, false),
    ("فيفري", 2, false),
    ("افريل", 4, false),
    ("ماي", 5, true),
    ("جوان", 6, false),
    ("جويليه", 7, false),
    ("جويليا", 7, false),
    ("اوت", 8, true),
    // Morocco (CLDR ar-MA)
    ("يوليوز", 7, false),
    ("غشت", 8, false),
    ("شتنبر", 9, false),
    ("نونبر", 11, false),
    ("دجنبر", 12, false),
    // Mauritania (CLDR ar-MR)
    ("اغشت", 8, false),
    ("شتمبر", 9, false),
    ("دجمبر", 12, false),
];

/// English weekday names, 0 = Monday.
pub const EN_WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// English weekday abbreviations, 0 = Monday (date lines print "Tue. Jun 6th, 2023").
pub const EN_WEEKDAY_ABBREVIATIONS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Arabic weekdays, folded, 0 = Monday, with whether they are weak (الاثنين is also "the
/// two"). الاتنين is the spelling of spoken Levantine.
pub const AR_WEEKDAYS: &[(&str, u8, bool)] = &[
    ("الاثنين", 0, true),
    ("الاتنين", 0, true),
    ("الثلاثاء", 1, false),
    ("الاربعاء", 2, false),
    ("الخميس", 3, false),
    ("الجمعه", 4, false),
    ("السبت", 5, false),
    ("الاحد", 6, false),
];

/// The first words of the two-word Levantine months, folded: كانون (1) and تشرين (2).
pub const LEVANTINE_HEADS: [(&str, u8); 2] = [("كانون", 1), ("تشرين", 2)];

/// The month of a Levantine pair: head 1 (كانون) or 2 (تشرين) with the ordinal 1 (الأول) or
/// 2 (الثاني). كانون الثاني is January and كانون الأول December; تشرين الأول October and
/// تشرين الثاني November.
pub fn levantine_month(head: u8, ordinal: u8) -> Option<u8> {
    match (head, ordinal) {
        (1, 2) => Some(1),
        (1, 1) => Some(12),
        (2, 1) => Some(10),
        (2, 2) => Some(11),
        _ => None,
    }
}

/// Every one-word month name, folded, with its meaning (English first: "may" is English).
pub fn month_names() -> impl Iterator<Item = (&'static str, MonthName)> {
    let en =
        EN_MONTHS.iter().map(|&(w, month, weak)| (w, MonthName { month, weak, english: true }));
    let ar =
        AR_MONTHS.iter().map(|&(w, month, weak)| (w, MonthName { month, weak, english: false }));
    en.chain(ar)
}

/// The month a folded word names, if any (one-word names only).
pub fn month_of(folded: &str) -> Option<MonthName> {
    month_names().find(|(w, _)| *w == folded).map(|(_, m)| m)
}

/// The weekday (0 = Monday) a folded word names: English names and abbreviations, Arabic
/// names.
pub fn weekday_of(folded: &str) -> Option<u8> {
    let en = EN_WEEKDAYS.iter().chain(&EN_WEEKDAY_ABBREVIATIONS).position(|w| *w == folded);
    en.map(|i| (i % 7) as u8)
        .or_else(|| AR_WEEKDAYS.iter().find(|(w, ..)| *w == folded).map(|&(_, d, _)| d))
}

/// The Levantine head (1 كانون, 2 تشرين) a folded word is, if any.
pub fn levantine_head(folded: &str) -> Option<u8> {
    LEVANTINE_HEADS.iter().find(|(w, _)| *w == folded).map(|&(_, h)| h)
}

/// The second words of the Levantine months, folded: the ordinals الأول (1) and الثاني (2).
pub const LEVANTINE_ORDINALS: [(&str, u8); 4] =
    [("الاول", 1), ("اول", 1), ("الثاني", 2), ("ثاني", 2)];

/// The ordinal (1 or 2) a folded word gives as the second word of a Levantine month.
pub fn levantine_ordinal(folded: &str) -> Option<u8> {
    LEVANTINE_ORDINALS.iter().find(|(w, _)| *w == folded).map(|&(_, n)| n)
}

/// The month a written word names, folding it first (for callers holding raw text).
pub fn month_of_word(word: &str) -> Option<MonthName> {
    month_of(&fold_str(word))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(levantine_month(1, 2), Some(1));
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
