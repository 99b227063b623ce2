//! Stated dates in metadata fields and date lines, read over tokens rather than one regex per
//! site: an optional weekday, a day with an optional ordinal suffix ("12th", "8 th"), optional
//! commas, a month name (English or Arabic in any regional set, looked up in
//! `crate::lang::calendar`) or number, a year, then anything (a time, a bar, a timezone, the
//! Hijri date). Agency prefixes joined by dashes or slashes ("GENEVA--Monday,12th, March
//! 2018") are skipped like any other word, since the scan tries every token.
//!
//! Forms read, leftmost first: `2018-06-04` / `2018/6/4` (year first); `4/6/2018`, `4-6-2018`,
//! `04.06.2018` (numeric, see [`NumericOrder`]); `4 June 2018`, `4th, June 2018`,
//! `4 حزيران/يونيو 2018`, `4 من حزيران عام 2018`, `24, أغسطس 2019` (day first); `June 4,
//! 2018`, `Oct 28,2022`, `July 23 rd - 2024` (month first). Years are 1800–2100, so a Hijri
//! year (1442) is never read as one.

use chrono::NaiveDate;

use crate::lang::ar::calendar::{levantine_head, levantine_month, levantine_ordinal};
use crate::lang::calendar::Calendar;
use crate::lang::{LANGUAGES, calendar};
use crate::text::calendar::solar_hijri_to_gregorian;
use crate::text::normalize::fold_str;
use crate::text::script::{is_arabic_letter, is_arabic_mark};

/// How a document writes numeric dates whose day and month could be swapped ("05/04/2021").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumericOrder {
    /// Not known: an ambiguous date is read day first in a line with Arabic letters (Arabic
    /// sites write day first) and not read at all otherwise.
    #[default]
    Unknown,
    /// Day first, as everywhere but the United States.
    DayFirst,
    /// Month first, as US sites write.
    MonthFirst,
}

/// The order numeric dates of `text` follow: the majority of its unambiguous dates — numeric
/// ones with a day over 12, and English named ones ("June 4, 2018" is US style, "4 June
/// 2018" is not) — and day first when it has none (most of the world; Arabic sites always).
/// Looks at the first 16 KiB only: a document keeps one style.
pub fn numeric_order(text: &str) -> NumericOrder {
    let mut end = text.len().min(16 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let toks = tokenize(&text[..end]);
    let (mut day_first, mut month_first) = (0, 0);
    for i in 0..toks.len() {
        if let Some((a, b, ..)) = numeric_at(&toks, i) {
            if a > 12 && b <= 12 {
                day_first += 1;
            } else if b > 12 && a <= 12 {
                month_first += 1;
            }
        } else if let Some((_, true)) = day_month_year(&toks, i) {
            day_first += 1;
        } else if let Some((_, true)) = month_day_year(&toks, i) {
            month_first += 1;
        }
    }
    if month_first > day_first { NumericOrder::MonthFirst } else { NumericOrder::DayFirst }
}

/// Parses a stated date: ISO (`2018-06-04`, `2018-06-04T03:35:00Z`), `2018/06/04`,
/// `19.01.2020` (day first), `4 June 2018`, `June 4, 2018`, RFC 2822 (`Mon, 04 Jun 2018
/// 03:35:00 +0000`), Arabic month names. An ambiguous numeric date is read only in a line
/// with Arabic letters (day first): a field alone does not say its order.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_date_in(s, NumericOrder::Unknown)
}

/// [`parse_date`] with the document's order for ambiguous numeric dates.
pub fn parse_date_in(s: &str, order: NumericOrder) -> Option<NaiveDate> {
    let toks = tokenize(s);
    let order = if s.chars().any(is_arabic_letter) { NumericOrder::DayFirst } else { order };
    (0..toks.len()).find_map(|i| date_at(&toks, i, order))
}

/// How many words of `line` (split at spaces, with a letter in them) are not calendar words —
/// month and weekday names, ordinal suffixes: what a date line says besides its date.
pub fn words_besides_the_date(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| {
            let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
            let f = fold_str(&letters);
            calendar::month_of(&f).is_none()
                && calendar::month_in(&f, Calendar::Persian).is_none()
                && calendar::weekday_of(&f).is_none()
                && !is_ordinal_suffix(&f)
        })
        .count()
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// A run of digits (ASCII, Arabic-Indic or Persian): its value and digit count.
    Num(u32, u32),
    /// A word, folded (`fold_str`).
    Word(String),
    Punct(char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Tok {
    kind: Kind,
    /// No whitespace between this token and the previous one.
    glued: bool,
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut glued = false;
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c.is_whitespace() {
            glued = false;
            continue;
        }
        let kind = if let Some(d) = digit(c) {
            let (mut value, mut digits) = (d, 1u32);
            while let Some(d) = it.peek().copied().and_then(digit) {
                value = value.saturating_mul(10).saturating_add(d);
                digits += 1;
                it.next();
            }
            Kind::Num(value, digits)
        } else if c.is_alphabetic() || is_arabic_mark(c) || c == '\u{0640}' {
            let mut word = String::from(c);
            while let Some(&n) = it.peek() {
                if !(n.is_alphabetic() || is_arabic_mark(n) || n == '\u{0640}') {
                    break;
                }
                word.push(n);
                it.next();
            }
            Kind::Word(fold_str(&word))
        } else {
            Kind::Punct(c)
        };
        toks.push(Tok { kind, glued });
        glued = true;
    }
    toks
}

fn num(toks: &[Tok], i: usize) -> Option<(u32, u32)> {
    match toks.get(i)?.kind {
        Kind::Num(v, d) => Some((v, d)),
        _ => None,
    }
}

fn word(toks: &[Tok], i: usize) -> Option<&str> {
    match &toks.get(i)?.kind {
        Kind::Word(w) => Some(w),
        _ => None,
    }
}

fn punct(toks: &[Tok], i: usize) -> Option<char> {
    match toks.get(i)?.kind {
        Kind::Punct(c) => Some(c),
        _ => None,
    }
}

fn glued(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.glued)
}

/// Token `i` is `c` glued to the previous token and the next one (the `/` of `4/6/2018`).
fn glued_punct(toks: &[Tok], i: usize, seps: &[char]) -> Option<char> {
    punct(toks, i).filter(|c| seps.contains(c) && glued(toks, i) && glued(toks, i + 1))
}

fn year(toks: &[Tok], i: usize) -> Option<i32> {
    let (v, d) = num(toks, i)?;
    (d == 4 && (1800..=2100).contains(&v)).then_some(v as i32)
}

/// A day of the month at `i` that is not part of a time ("14:35", "19:42-27").
fn day(toks: &[Tok], i: usize) -> Option<u32> {
    let (v, d) = num(toks, i)?;
    let in_time = |k: usize| punct(toks, k) == Some(':');
    let time_before = i > 0 && glued(toks, i) && in_time(i - 1);
    let time_after = glued(toks, i + 1) && in_time(i + 1);
    (d <= 2 && (1..=31).contains(&v) && !time_before && !time_after).then_some(v)
}

/// A month name at `i` — one word, or a Levantine pair (كانون الثاني) — with the index of its
/// last token and whether it is English.
fn month_at(toks: &[Tok], i: usize) -> Option<((u32, usize), bool)> {
    let w = word(toks, i)?;
    if let Some(m) = calendar::month_of(w) {
        return Some(((u32::from(m.month), i), m.english));
    }
    let head = levantine_head(w)?;
    let ord = levantine_ordinal(word(toks, i + 1)?)?;
    Some(((u32::from(levantine_month(head, ord)?), i + 1), false))
}

/// Skips an ordinal suffix at `k` ("12th", "8 th"), then any of `puncts`; the next index.
fn skip_suffix_and(toks: &[Tok], mut k: usize, puncts: &[char]) -> usize {
    if word(toks, k).is_some_and(is_ordinal_suffix) {
        k += 1;
    }
    while punct(toks, k).is_some_and(|c| puncts.contains(&c)) {
        k += 1;
    }
    k
}

/// `4 June 2018`, `4th, June 2018`, `4 من حزيران عام 2018`, `5 حزيران (يونيو) 2019`; and
/// whether the month is an English name.
fn day_month_year(toks: &[Tok], i: usize) -> Option<(NaiveDate, bool)> {
    let d = day(toks, i)?;
    let mut k = skip_suffix_and(toks, i + 1, &[',', '،', '.']);
    if word(toks, k).is_some_and(|w| matches!(w, "of" | "من")) {
        k += 1;
    }
    let ((m, last), english) = month_at(toks, k)?;
    k = last + 1;
    // "28 آب/اغسطس 2013", "5 حزيران (يونيو) 2019": a second name repeats the month.
    if matches!(punct(toks, k), Some('/' | '('))
        && let Some(((_, alt_last), _)) = month_at(toks, k + 1)
    {
        k = alt_last + 1;
        if punct(toks, k) == Some(')') {
            k += 1;
        }
    }
    k = skip_suffix_and(toks, k, &[',', '،', '.', '-', '–']);
    if word(toks, k).is_some_and(|w| matches!(w, "عام" | "سنه")) {
        k += 1;
    }
    Some((NaiveDate::from_ymd_opt(year(toks, k)?, m, d)?, english))
}

/// `June 4, 2018`, `Oct 28,2022`, `Jun 6th, 2023`, `July 23 rd - 2024`; and whether the
/// month is an English name.
fn month_day_year(toks: &[Tok], i: usize) -> Option<(NaiveDate, bool)> {
    let ((m, last), english) = month_at(toks, i)?;
    let mut k = last + 1;
    if punct(toks, k) == Some('.') {
        k += 1;
    }
    let d = day(toks, k)?;
    k = skip_suffix_and(toks, k + 1, &[',', '،', '-', '–']);
    Some((NaiveDate::from_ymd_opt(year(toks, k)?, m, d)?, english))
}

/// A numeric day-and-month date at `i` (`4/6/2018`, `4-6-2018`, `04.06.2018`): its first and
/// second numbers, the year and the separator. Dots need two-digit day and month, so a version number
/// (`1.2.2020`) is not a date; a number glued after another date part is not a start.
fn numeric_at(toks: &[Tok], i: usize) -> Option<(u32, u32, i32, char)> {
    let (a, da) = num(toks, i)?;
    if i >= 2 && glued_punct(toks, i - 1, &['/', '-', '.', ':']).is_some() {
        return None;
    }
    let sep = glued_punct(toks, i + 1, &['/', '-', '.'])?;
    let (b, db) = num(toks, i + 2)?;
    glued_punct(toks, i + 3, &[sep])?;
    let y = year(toks, i + 4)?;
    let two_digits = da == 2 && db == 2;
    (da <= 2 && db <= 2 && (sep != '.' || two_digits)).then_some((a, b, y, sep))
}

/// `2018-06-04`, `2018/6/4`; `۱۴۰۲/۰۸/۱۲` with a Solar Hijri year (1300–1499), as Iranian
/// sites print their date lines.
fn year_month_day(toks: &[Tok], i: usize) -> Option<NaiveDate> {
    let (y, solar) = match year(toks, i) {
        Some(y) => (y, false),
        None => (solar_year(toks, i)?, true),
    };
    let sep = glued_punct(toks, i + 1, &['/', '-', '.'])?;
    let (m, dm) = num(toks, i + 2)?;
    glued_punct(toks, i + 3, &[sep])?;
    let (d, dd) = num(toks, i + 4)?;
    if dm > 2 || dd > 2 {
        return None;
    }
    if solar { solar_hijri_to_gregorian(y, m, d) } else { NaiveDate::from_ymd_opt(y, m, d) }
}

/// The date starting at token `i`, if any.
fn date_at(toks: &[Tok], i: usize, order: NumericOrder) -> Option<NaiveDate> {
    match toks[i].kind {
        Kind::Num(..) => year_month_day(toks, i)
            .or_else(|| {
                let (a, b, y, sep) = numeric_at(toks, i)?;
                // Dotted dates are European (day first); US sites never write them.
                let day_first = if a > 12 || a == b || sep == '.' {
                    true
                } else if b > 12 {
                    false
                } else {
                    match order {
                        NumericOrder::DayFirst => true,
                        NumericOrder::MonthFirst => false,
                        NumericOrder::Unknown => return None,
                    }
                };
                let (d, m) = if day_first { (a, b) } else { (b, a) };
                NaiveDate::from_ymd_opt(y, m, d)
            })
            .or_else(|| day_month_year(toks, i).map(|(d, _)| d))
            .or_else(|| solar_day_month_year(toks, i))
            .or_else(|| solar_year_month_day(toks, i)),
        Kind::Word(_) => month_day_year(toks, i).map(|(d, _)| d),
        Kind::Punct(_) => None,
    }
}

/// A Solar Hijri year (1300–1499 = 1921–2120).
fn solar_year(toks: &[Tok], i: usize) -> Option<i32> {
    let (v, d) = num(toks, i)?;
    (d == 4 && (1300..=1499).contains(&v)).then_some(v as i32)
}

/// A Solar Hijri month name at `i`, and the index after it (and a «ماه» after it).
fn solar_month_at(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    let m = calendar::month_in(word(toks, i)?, Calendar::Persian)?;
    let next = if word(toks, i + 1) == Some("ماه") { i + 2 } else { i + 1 };
    Some((u32::from(m.month), next))
}

/// `۲۱ خرداد ۱۳۸۹`, `25 آبان 1397`: a Solar Hijri date, in Gregorian.
fn solar_day_month_year(toks: &[Tok], i: usize) -> Option<NaiveDate> {
    let d = day(toks, i)?;
    let (m, k) = solar_month_at(toks, i + 1)?;
    solar_hijri_to_gregorian(solar_year(toks, k)?, m, d)
}

/// `۱۳۹۱ آذر ۲۰`: year first, as some Persian sites print their date line.
fn solar_year_month_day(toks: &[Tok], i: usize) -> Option<NaiveDate> {
    let y = solar_year(toks, i)?;
    let (m, k) = solar_month_at(toks, i + 1)?;
    solar_hijri_to_gregorian(y, m, day(toks, k)?)
}

/// A glued ordinal suffix of a registered language ("th" of "4th").
fn is_ordinal_suffix(w: &str) -> bool {
    LANGUAGES.iter().any(|l| l.ordinal_suffixes.contains(&w))
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
            "GENEVA--Monday,4th, June 2018 | 14:35",
            "Jun 4,2018",
            "Monday - June 4 th - 2018 - Issue No. 12",
            "4th of June 2018",
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
            "الاثنين 20 رمضان 1439 هـ الموافق لـ 04 جوان 2018م",
            "4، جوان 2018",
        ] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        assert_eq!(parse_date("31 June 2018"), None);
        assert_eq!(parse_date("no date here"), None);
        assert_eq!(parse_date("version 1.2.2020"), None);
        assert_eq!(parse_date("14:35 June 2018"), None);
    }

    #[test]
    fn persian_date_lines_give_the_gregorian_day() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(parse_date("تاریخ انتشار: ۱۴۰۲/۰۸/۱۲ - ۱۰:۳۰"), d("2023-11-03"));
        assert_eq!(parse_date("جمعه 25 آبان 1397"), d("2018-11-16"));
        assert_eq!(parse_date("۱۳۹۱ آذر ۲۰, دوشنبه"), d("2012-12-10"));
        assert_eq!(parse_date("۱۴ آذر ماه ۱۴۰۰"), d("2021-12-05"));
        assert_eq!(parse_date("۱۲ عقرب ۱۴۰۲"), d("2023-11-03"));
    }

    #[test]
    fn numeric_order_comes_from_the_document() {
        assert_eq!(parse_date("05/04/2021"), None);
        assert_eq!(parse_date("06/06/2021"), NaiveDate::from_ymd_opt(2021, 6, 6));
        let us = numeric_order("Posted June 4, 2018. The vote on 3/22/2018 was close.");
        assert_eq!(us, NumericOrder::MonthFirst);
        assert_eq!(parse_date_in("05/04/2021", us), NaiveDate::from_ymd_opt(2021, 5, 4));
        let world = numeric_order("Posted 4 June 2018. Nothing else dated.");
        assert_eq!(world, NumericOrder::DayFirst);
        assert_eq!(numeric_order("No dates at all."), NumericOrder::DayFirst);
        assert_eq!(parse_date_in("05/04/2021", world), NaiveDate::from_ymd_opt(2021, 4, 5));
    }

    #[test]
    fn calendar_words_are_not_counted_as_the_line_saying_more() {
        assert_eq!(words_besides_the_date("Tue. Jun 6th, 2023"), 0);
        assert_eq!(words_besides_the_date("Al Masry Al Youm - Tuesday - July 23 rd - 2024"), 4);
    }
}
