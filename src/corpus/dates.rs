//! Stated dates in metadata and date lines: ISO and numeric forms, day–month–year and
//! month–day–year with English or Arabic month names. Used by `meta` for the first lines of a
//! text and by the formats for their date fields.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

static MONTHS: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
// Word boundaries are ASCII (`(?-u:\b)`) where the words around them are: a Unicode `\b`
// keeps the regex crate off its fast engines on Arabic text (most of reading's time).
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(\d{{4}})(?-u:\b)"
    ))
    .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)"
    ))
    .expect("valid regex")
});
/// Arabic month names (Levantine and Egyptian/Gulf sets) and their numbers.
const ARABIC_MONTHS: [(&str, u32); 46] = [
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // The Maghrebi set and spellings without hamza.
    ("جانفي", 1),
    ("فيفري", 2),
    ("أفريل", 4),
    ("افريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويلية", 7),
    ("أوت", 8),
    ("اوت", 8),
    ("اكتوبر", 10),
    ("اذار", 3),
    ("ايار", 5),
    ("ايلول", 9),
    ("يونيه", 6),
    // Moroccan spellings.
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
    ("يوليه", 7),
];
static ARABIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<&str> = ARABIC_MONTHS.iter().map(|(n, _)| *n).collect();
    Regex::new(&format!(
        // "28 آب/اغسطس 2013", "5 حزيران (يونيو) 2019": the second name repeats the month.
        r"(\d{{1,2}})\s+(?:من\s+)?({n})(?:\s*[/(]\s*(?:{n})\s*\)?)?\s*,?\s*(?:عام\s+|سنة\s+)?(\d{{4}})",
        n = names.join("|")
    ))
    .expect("valid regex")
});
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?:[^\d]|$)").expect("valid regex")
});
static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{4})/(\d{1,2})/(\d{1,2})(?-u:\b)").expect("valid regex")
});
/// `8/12/2024`, `15-1-2025`: day first, as Arabic date lines write them (read day first in
/// lines with Arabic letters; otherwise only when one order is impossible).
static DAY_FIRST_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d/\-.])(\d{1,2})[/\-](\d{1,2})[/\-](\d{4})(?:[^\d/\-]|$)")
        .expect("valid regex")
});
/// `19.01.2020`: day first, as in European and Arabic date lines (two-digit day and month, so
/// a version number such as 1.2.2020 is not read as a date).
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d{2})\.(\d{2})\.(\d{4})(?:[^\d.]|$)").expect("valid regex")
});
/// Parses a stated date: ISO (`2018-06-04`, `2018-06-04T03:35:00Z`), `2018/06/04`,
/// `19.01.2020` (day first), `4 June 2018`, `June 4, 2018`, RFC 2822 (`Mon, 04 Jun 2018 03:35:00 +0000`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    // Arabic-Indic digits read as ASCII digits (same count of chars, so captures line up).
    let s = &s
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        })
        .collect::<String>();
    let ymd = |y: &str, m: &str, d: &str| {
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    };
    if let Some(c) = ISO.captures(s) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    if let Some(c) = SLASHED.captures(s) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    if let Some(c) = DOTTED.captures(s) {
        return ymd(&c[3], &c[2], &c[1]);
    }
    if let Some(c) = DAY_FIRST_NUMERIC.captures(s) {
        // Day first in Arabic lines or when the first number cannot be a month; month first
        // when the second cannot be one ("12/25/2018").
        let (a, b) = (c[1].parse::<u32>().ok()?, c[2].parse::<u32>().ok()?);
        if s.chars().any(crate::text::script::is_arabic_letter) || a > 12 {
            return ymd(&c[3], &c[2], &c[1]);
        }
        if b > 12 {
            return ymd(&c[3], &c[1], &c[2]);
        }
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        return NaiveDate::from_ymd_opt(c[3].parse().ok()?, month(&c[2])?, c[1].parse().ok()?);
    }
    if let Some(c) = ARABIC_DATE.captures(s) {
        let m = ARABIC_MONTHS.iter().find(|(n, _)| *n == &c[2]).map(|(_, m)| *m)?;
        return NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[1].parse().ok()?);
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        return NaiveDate::from_ymd_opt(c[3].parse().ok()?, month(&c[1])?, c[2].parse().ok()?);
    }
    None
}

fn month(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let names =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    names.iter().position(|m| n.starts_with(m)).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_dates_parse_in_the_usual_shapes() {
        let d = NaiveDate::from_ymd_opt(2018, 6, 4);
        for s in [
            "2018-06-04",
            "2018-06-04T03:35:00Z",
            "2018/6/4",
            "4 June 2018 03:35 (UTC+04:00)",
            "June 4, 2018",
            "Mon, 04 Jun 2018 03:35:00 +0000",
            "04.06.2018",
        ] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        for s in [
            "4 حزيران 2018",
            "الاثنين ٤ يونيو ٢٠١٨",
            "4 من حزيران عام 2018",
            "الاثنين، 4 حزيران/يونيو 2018، آخر تحديث 14:00 (GMT+0400)",
            "نشر في: 4 يونيو ,2018: 08:15 ص GST",
            "الاثنين 4 يونيو 2018 - 21:35",
        ] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        assert_eq!(parse_date("31 June 2018"), None);
        assert_eq!(parse_date("no date here"), None);
    }
}
