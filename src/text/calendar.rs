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

use chrono::NaiveDate;

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

// ---------------------------------------------------------------------------------------------
// Hijri calendars: the lunar Hijri month names Arabic news prints beside (or instead of) the
// Gregorian date, and conversions to Gregorian for both Hijri calendars — lunar (Arabic) and
// solar (Persian, for a Persian language module). A table of its own so the move of the
// word lists into per-language modules can carry it whole.
// ---------------------------------------------------------------------------------------------

/// Lunar Hijri month names of one word, folded, 1 = Muharram. صفر is also "zero" and رجب a
/// given name: readers count these only with a year or the هـ mark.
pub const HIJRI_MONTHS: &[(&str, u8)] =
    &[("محرم", 1), ("المحرم", 1), ("صفر", 2), ("رجب", 7), ("شعبان", 8), ("رمضان", 9), ("شوال", 10)];

/// Lunar Hijri month names of two words, folded: (first word, second word, month). Both
/// spellings of months 4 and 6 (الآخر/الثاني, الآخرة/الثانية) and the genitive ذي of ذو.
pub const HIJRI_TWO_WORD_MONTHS: &[(&str, &str, u8)] = &[
    ("ربيع", "الاول", 3),
    ("ربيع", "الاخر", 4),
    ("ربيع", "الثاني", 4),
    ("جمادي", "الاولي", 5),
    ("جمادي", "الاول", 5),
    ("جمادي", "الاخره", 6),
    ("جمادي", "الاخر", 6),
    ("جمادي", "الثانيه", 6),
    ("جمادي", "الثاني", 6),
    ("ذو", "القعده", 11),
    ("ذي", "القعده", 11),
    ("ذو", "الحجه", 12),
    ("ذي", "الحجه", 12),
];

/// Words after a year that mark it as lunar Hijri, folded: هـ (folded to ه), هجري/هجرية,
/// للهجرة (looked up without its ل).
pub const HIJRI_ERA_MARKS: &[&str] = &["ه", "هجري", "هجريه", "الهجره"];

/// The lunar Hijri month named by two folded words, if they name one.
pub fn hijri_two_word_month(first: &str, second: &str) -> Option<u8> {
    HIJRI_TWO_WORD_MONTHS.iter().find(|(a, b, _)| *a == first && *b == second).map(|&(.., m)| m)
}

/// The Gregorian date of lunar Hijri `year`-`month`-`day` (month 1 = Muharram), by the Umm
/// al-Qura calendar (Saudi Arabia's official one, which Gulf and pan-Arab papers print; a
/// proleptic rule outside its table, 1300–1600 AH). `None` for a day the month does not have.
pub fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    use icu_calendar::{Date, cal::Hijri};
    let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    let date =
        Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    iso_to_naive(&date.to_calendar(icu_calendar::Iso))
}

/// The first and last Gregorian days of lunar Hijri month `month` of `year`.
pub fn hijri_month_to_gregorian(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = hijri_to_gregorian(year, month, 1)?;
    let last =
        hijri_to_gregorian(year, month, 30).or_else(|| hijri_to_gregorian(year, month, 29))?;
    Some((first, last))
}

/// The Gregorian date of Solar Hijri (Persian) `year`-`month`-`day` (month 1 = Farvardin), by
/// ICU's Persian calendar. `None` for a day the month does not have.
pub fn solar_hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    let date = icu_calendar::Date::try_new_persian(year, month, day).ok()?;
    iso_to_naive(&date.to_calendar(icu_calendar::Iso))
}

fn iso_to_naive(iso: &icu_calendar::Date<icu_calendar::Iso>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
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

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn lunar_hijri_dates_convert_by_umm_al_qura() {
        // The Umm al-Qura table, as Arab papers print it beside the Gregorian date ("20 رمضان
        // 1439 هـ الموافق 4 يونيو 2018م"); its Ramadan 1439 began on 16 May, a day before the
        // sighted start, so it is a table and not the sighting.
        assert_eq!(hijri_to_gregorian(1439, 9, 1), d("2018-05-16"));
        assert_eq!(hijri_to_gregorian(1439, 9, 20), d("2018-06-04"));
        assert_eq!(hijri_to_gregorian(1439, 10, 1), d("2018-06-15"));
        assert_eq!(hijri_to_gregorian(1439, 12, 10), d("2018-08-21"));
        assert_eq!(hijri_to_gregorian(1445, 1, 1), d("2023-07-19"));
        assert_eq!(hijri_month_to_gregorian(1439, 9), d("2018-05-16").zip(d("2018-06-14")));
        // Shawwal 1439 had 29 days; no month has 31; there is no 13th month.
        assert_eq!(hijri_to_gregorian(1439, 10, 30), None);
        assert_eq!(hijri_to_gregorian(1439, 1, 31), None);
        assert_eq!(hijri_to_gregorian(1439, 13, 1), None);
        assert_eq!(hijri_to_gregorian(1439, 300, 1), None);
    }

    #[test]
    fn solar_hijri_dates_convert_to_gregorian() {
        assert_eq!(solar_hijri_to_gregorian(1403, 2, 4), d("2024-04-23"));
        assert_eq!(solar_hijri_to_gregorian(1400, 9, 14), d("2021-12-05"));
        assert_eq!(solar_hijri_to_gregorian(1403, 1, 1), d("2024-03-20"));
        assert_eq!(solar_hijri_to_gregorian(1399, 12, 30), d("2021-03-20"));
        // 1400 is not a leap year: Esfand has 29 days.
        assert_eq!(solar_hijri_to_gregorian(1400, 12, 30), None);
        assert_eq!(solar_hijri_to_gregorian(1400, 7, 31), None);
    }

    #[test]
    fn hijri_month_names_are_stored_folded() {
        for (w, _) in HIJRI_MONTHS {
            assert_eq!(fold_str(w), *w);
        }
        for (a, b, _) in HIJRI_TWO_WORD_MONTHS {
            assert_eq!((fold_str(a), fold_str(b)), (a.to_string(), b.to_string()));
        }
        assert_eq!(hijri_two_word_month(&fold_str("جمادى"), &fold_str("الآخرة")), Some(6));
        assert_eq!(hijri_two_word_month(&fold_str("ذي"), &fold_str("الحجّة")), Some(12));
    }
}
