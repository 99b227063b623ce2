//! Patterns built from numbers, month names and weekdays, shared by English and Arabic:
//! "2018-06-04", "4-12-2018" (day first), "4 June 2018", "June 12, 2019", "October 1973",
//! "حزيران 2019", "حزيران/يونيو 2019", bare years, and weekdays with or without a date.

use chrono::Datelike;

use super::lexicon::{Cue, Lex};
use super::resolve::{self, MonthAnchor};
use super::tokens::Kind;
use super::{Found, Granularity, Scanner};

/// A month name matched at some token.
#[derive(Debug, Clone, Copy)]
pub(super) struct MonthHit {
    pub month: u32,
    pub weak: bool,
    pub english: bool,
    /// Last token of the name (two-word Levantine names, "Jun.", "حزيران/يونيو").
    pub last: usize,
    /// Last token of the first name of a month named twice ("أكتوبر" of "أكتوبر / تشرين
    /// الأول"), else `last`.
    pub name_last: usize,
}

impl Scanner<'_> {
    /// A month name at `i`, with an abbreviation point or a "/" and a second name for the same
    /// month ("حزيران/يونيو") taken along.
    pub(super) fn month_at(&self, i: usize) -> Option<MonthHit> {
        let mut hit = self.single_month(i)?;
        if hit.english && hit.weak && self.is_punct(hit.last + 1, '.') && self.glued(hit.last + 1) {
            hit.last += 1;
        }
        hit.name_last = hit.last;
        // The same month named twice: "حزيران/يونيو", "يناير كانون الثاني", "حزيران (يونيو)".
        let (open, k) = match self.tok(hit.last + 1).map(|t| t.kind) {
            Some(Kind::Punct('/')) => (false, hit.last + 2),
            Some(Kind::Punct('(')) => (true, hit.last + 2),
            _ => (false, hit.last + 1),
        };
        if let Some(second) = self.single_month(k)
            && second.month == hit.month
            && second.english == hit.english
            && (!open || self.is_punct(second.last + 1, ')'))
        {
            hit.weak &= second.weak;
            hit.last = second.last + usize::from(open);
        }
        Some(hit)
    }

    fn single_month(&self, i: usize) -> Option<MonthHit> {
        let t = self.tok(i)?;
        match t.lex {
            Lex::Month { month, weak, english } => {
                // "march", "may" in lower case are verbs.
                (!english || t.cap).then_some(MonthHit {
                    month: u32::from(month),
                    weak,
                    english,
                    last: i,
                    name_last: i,
                })
            }
            Lex::MonthHead(head) => {
                let Lex::Ordinal(ord @ (1 | 2)) = self.lex(i + 1) else { return None };
                let month = u32::from(crate::lang::ar::calendar::levantine_month(head, ord)?);
                Some(MonthHit { month, weak: false, english: false, last: i + 1, name_last: i + 1 })
            }
            _ => None,
        }
    }

    /// Where a date ending in month `m` without a year ends: the second name of a month named
    /// twice is needed only to reach an Arabic anchor word after it ("8 أكتوبر (تشرين الأول)
    /// الماضي"); else the smallest span ends at the first name ("26 أكتوبر / تشرين الأول" →
    /// "26 أكتوبر").
    pub(super) fn yearless_end(&self, m: &MonthHit) -> usize {
        match self.cue(m.last + 1) {
            Some(Cue::ArPast | Cue::ArNext | Cue::ArCurrent) => m.last,
            _ => m.name_last,
        }
    }

    /// A day of the month (1–31) at `i`, with a glued ordinal suffix ("12th"); not part of a
    /// larger number, a time ("06:25") or a word ("F16").
    pub(super) fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.digits > 2 || !(1..=31).contains(&t.value) {
            return None;
        }
        if self.glued_to_word_or_number(i) || self.ends_a_time(i) {
            return None;
        }
        let mut last = i;
        if self.lex(i + 1) == Lex::OrdSuffix && self.glued(i + 1) {
            last = i + 1;
        }
        if self.continues_number(last + 1) {
            return None;
        }
        Some((t.value, last))
    }

    /// A four-digit year at `i` (1000–2999) that is not part of a larger number.
    pub(super) fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.digits != 4 || !(1000..=2999).contains(&t.value) {
            return None;
        }
        if self.continues_number(i + 1) || self.glued_word_after(i) {
            return None;
        }
        Some((i32::try_from(t.value).ok()?, i))
    }

    /// Number token `i` is stuck to a word or number before it ("F16", "COVID19"), other than
    /// an Arabic proclitic ("و2014") or عام ("عام2019").
    fn glued_to_word_or_number(&self, i: usize) -> bool {
        if i == 0 || !self.toks[i].glued {
            return false;
        }
        match self.toks[i - 1].kind {
            Kind::Num => true,
            Kind::Word => {
                let w = self.word(i - 1);
                let clitic = matches!(w, "و" | "ف" | "ب" | "ل" | "ك");
                !clitic && self.lex(i - 1) != Lex::Cue(Cue::ArYear)
            }
            Kind::Punct(_) => false,
        }
    }

    /// Number token `i` is the minutes of a time ("09:31 August 20" is not the 31st).
    fn ends_a_time(&self, i: usize) -> bool {
        i >= 2
            && self.toks[i].glued
            && self.is_punct(i - 1, ':')
            && self.toks[i - 1].glued
            && self.toks[i - 2].kind == Kind::Num
    }

    /// Token `i` is glued punctuation that continues a number: "1,234", "3.5", "06:25".
    pub(super) fn continues_number(&self, i: usize) -> bool {
        self.glued(i)
            && (self.is_punct(i, ',') || self.is_punct(i, '.') || self.is_punct(i, ':'))
            && self.glued(i + 1)
            && self.tok(i + 1).is_some_and(|t| t.kind == Kind::Num)
    }

    /// A word glued after a number ("2000km", "1960s") other than the Arabic era mark "م".
    fn glued_word_after(&self, i: usize) -> bool {
        self.glued(i + 1)
            && self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word)
            && crate::text::normalize::fold_str(self.word(i + 1)) != "م"
    }

    /// Numeric dates: "2018-06-04", "2018/06/04" (year first) and "4-12-2018", "4/12/2018",
    /// "4.12.2018" (day first; month first only when day first is impossible, "12/25/2018").
    pub(super) fn numeric_date(&self, i: usize) -> Option<Found> {
        let sep = match self.tok(i + 1)?.kind {
            Kind::Punct(c @ ('-' | '/' | '.')) => c,
            _ => return None,
        };
        let [a, b, c] = [i, i + 2, i + 4].map(|k| self.tok(k).filter(|t| t.kind == Kind::Num));
        let (a, b, c) = (a?, b?, c?);
        let joined = (1..=4).all(|k| self.glued(i + k));
        if !joined || !self.is_punct(i + 3, sep) {
            return None;
        }
        // Part of a longer run of numbers or words: a version number, an address, "F-16-2018".
        let before = i > 0
            && self.toks[i].glued
            && (matches!(self.toks[i - 1].kind, Kind::Word | Kind::Num)
                || (i > 1 && self.toks[i - 1].glued && self.toks[i - 2].kind == Kind::Num));
        // "2018-06-04T03:35:00" keeps its date.
        let time = self.word(i + 5) == "T" && self.glued(i + 6);
        let after = self.continues_number(i + 5)
            || (self.glued_word_after(i + 4) && !time)
            || (self.is_punct(i + 5, sep) && self.glued(i + 5) && self.glued(i + 6));
        if before || after {
            return None;
        }
        let value = if a.digits == 4 && b.digits <= 2 && c.digits <= 2 {
            resolve::ymd(a.value as i32, b.value, c.value)
        } else if a.digits <= 2 && b.digits <= 2 && c.digits == 4 {
            resolve::ymd(c.value as i32, b.value, a.value)
                .or_else(|| resolve::ymd(c.value as i32, a.value, b.value))
        } else {
            None
        }?;
        Some(Found::new(i, i + 4, Some(value), Granularity::Day))
    }

    /// "4 June 2018", "4th of June, 2018", "5 حزيران 2019" (absolute), "3 June", "30th of May"
    /// (relative: the year nearest the publication date).
    pub(super) fn day_first(&self, i: usize) -> Option<Found> {
        let (day, first_last) = self.day_at(i)?;
        // "3-4 June", "3 و4 حزيران": a range of days, valued at its first.
        let mut k = self.through_range_end(day, first_last) + 1;
        // "4th of June", "12 من آذار".
        if matches!(self.cue(k), Some(Cue::Of | Cue::ArFrom)) {
            k += 1;
        }
        let m = self.month_at(k)?;
        // "3 June to 5 July 2018": the year after the second month is the first's too (the
        // one before when the range crosses into a new year).
        let (m_last, year_back) = match self.range_second_month(m.last) {
            Some((m2, last)) if k == first_last + 1 => (last, i32::from(m2 < m.month)),
            _ => (m.last, 0),
        };
        if let Some((year, last)) = self.year_after_month(m_last) {
            let value = resolve::ymd(year - year_back, m.month, day);
            return Some(Found::new(i, last, value, Granularity::Day));
        }
        // "4 June 0000", "4 June 99999": a year that cannot be, not a relative date.
        let mut k = m_last + 1;
        if self.is_punct(k, ',') {
            k += 1;
        }
        if self.tok(k).is_some_and(|t| t.kind == Kind::Num && t.digits >= 3) {
            return Some(Found::new(i, k, None, Granularity::Day));
        }
        let end = if m_last == m.last { self.yearless_end(&m) } else { m_last };
        Some(self.relative(i, end, Granularity::Day, |p| resolve::nearest_day(p, m.month, day)))
    }

    /// The year after a month name ending at token `last`: "June 2018", "June, 2018",
    /// "June of 2018", "حزيران عام 2019".
    pub(super) fn year_after_month(&self, last: usize) -> Option<(i32, usize)> {
        let mut k = last + 1;
        if self.is_punct(k, ',') || matches!(self.cue(k), Some(Cue::Of | Cue::ArYear)) {
            k += 1;
        }
        self.year_at(k)
    }

    /// Patterns that start with a month name: "June 12, 2019" and "June 12" (English),
    /// "October 1973", "حزيران 2019", and Arabic "حزيران الماضي" / "أيار المقبل".
    pub(super) fn month_first(&self, i: usize) -> Option<Found> {
        let m = self.month_at(i)?;
        // "June 3-4", "June 3 to 5, 2018": a range of days, valued at its first.
        let day = m.english.then(|| self.day_at(m.last + 1)).flatten();
        let day = day.map(|(d, last)| (d, self.through_range_end(d, last)));
        if let Some((day, last)) = day
            // "June 3 July": the number belongs to the second month.
            && self.month_at(last + 1).is_none()
            // "Theresa May 30 minutes": a name before "May" makes it a surname.
            && !(m.month == 5 && i > 0 && self.toks[i - 1].cap && self.lex(i - 1) == Lex::None)
        {
            let mut k = last + 1;
            if self.is_punct(k, ',') {
                k += 1;
            }
            if let Some((year, ylast)) = self.year_at(k) {
                return Some(Found::new(
                    i,
                    ylast,
                    resolve::ymd(year, m.month, day),
                    Granularity::Day,
                ));
            }
            return Some(
                self.relative(i, last, Granularity::Day, |p| resolve::nearest_day(p, m.month, day)),
            );
        }
        if let Some((year, last)) = self.year_after_month(m.last) {
            return Some(Found::new(
                i,
                last,
                resolve::month_start(year, m.month),
                Granularity::Month,
            ));
        }
        if m.weak {
            return None;
        }
        let anchor = match self.cue(m.last + 1)? {
            Cue::ArPast => MonthAnchor::Before,
            Cue::ArNext => MonthAnchor::After,
            Cue::ArCurrent => MonthAnchor::Same,
            _ => return None,
        };
        Some(self.relative(i, m.last + 1, Granularity::Month, |p| {
            resolve::named_month(p, m.month, anchor)
        }))
    }

    /// Whether an absolute pattern or an Arabic month suffix starts at `i`, so that a cue
    /// before it ("in", "في", "شهر") leaves the month to [`Scanner::month_first`].
    pub(super) fn month_stands_alone(&self, i: usize) -> Option<MonthHit> {
        let m = self.month_at(i)?;
        if m.weak || self.month_first(i).is_some() {
            return None;
        }
        Some(m)
    }

    /// A bare four-digit year, 1800–2099: "In 2007, …", "since 2011", "في عام 2022" (span
    /// "2022"), "٢٠١٩". Not a quantity ("some 2000 troops"), part of a number ("1,234",
    /// "2000km"), an identifier ("Resolution 2254") or a decade ("1960s", consumed silently).
    pub(super) fn bare_year(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.digits != 4 || !(1800..=2099).contains(&t.value) {
            return None;
        }
        if t.glued && i > 0 {
            let prev = &self.toks[i - 1];
            let number_before = i > 1 && prev.glued && self.toks[i - 2].kind == Kind::Num;
            match prev.kind {
                Kind::Word | Kind::Num if self.glued_to_word_or_number(i) => return None,
                Kind::Punct(',' | '.' | ':') if number_before => return None,
                Kind::Punct('-' | '/') if number_before && self.toks[i - 2].digits != 4 => {
                    return None;
                }
                Kind::Punct('$' | '£' | '€' | '#' | '№' | '+') => return None,
                _ => {}
            }
        }
        if self.continues_number(i + 1) || (self.is_punct(i + 1, '%') && self.glued(i + 1)) {
            return None;
        }
        // "1960s", "1960's": a decade, left out; "2019's" is a possessive year.
        if self.glued(i + 1) {
            let next = self.word(i + 1);
            if next.eq_ignore_ascii_case("s") {
                return Some(Found::new(i, i + 1, None, Granularity::Year));
            }
            let apostrophe = matches!(next, "'" | "’");
            if apostrophe && self.word(i + 2).eq_ignore_ascii_case("s") && t.value % 10 == 0 {
                return Some(Found::new(i, i + 2, None, Granularity::Year));
            }
            if self.glued_word_after(i) {
                return None;
            }
        }
        if i > 0 && self.cue(i - 1) == Some(Cue::NotYearBefore) {
            return None;
        }
        if self.cue(i + 1) == Some(Cue::NotYearAfter) {
            return None;
        }
        let value = i32::try_from(t.value).ok().and_then(resolve::year_start);
        Some(Found::new(i, i, value, Granularity::Year))
    }

    /// A weekday: joined to a following date it is one expression ("Wednesday, June 12,
    /// 2019", "الخميس 5 حزيران 2019"); alone it is the most recent such day on or before the
    /// publication date ("on Sunday" → span "Sunday"); Arabic "الأحد الماضي" is strictly before.
    pub(super) fn weekday(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let Lex::Weekday { day, weak, english } = t.lex else { return None };
        let (first, day) = self.spaced_weekday(i).unwrap_or((i, day));
        if english && (!t.cap || self.weekday_in_a_name(i)) {
            return None;
        }
        let mut k = i + 1;
        // "سه شنبه - ۱۱ اردیبهشت": Persian sites also part the weekday with a dash.
        if self.is_punct(k, ',') || self.is_punct(k, '،') || self.is_punct(k, '-') {
            k += 1;
        }
        let joined = self.hijri_numeric(k).or_else(|| self.numeric_date(k));
        let joined = joined.or_else(|| self.hijri_day_first(k)).or_else(|| self.solar_day_first(k));
        let joined = joined.or_else(|| self.day_first(k));
        let joined = joined.or_else(|| {
            self.month_first(k).filter(|f| matches!(f.date, Some((_, Granularity::Day))))
        });
        if let Some(mut f) = joined {
            // "Saturday, Sept. 8" with no year: the year in which the 8th is a Saturday.
            if let (Some((value, g)), Some(p)) = (f.date, self.published)
                && !self.ends_in_year(&f)
            {
                f.date = resolve::nearest_day_on_weekday(p, value.month(), value.day(), day)
                    .or(Some(value))
                    .map(|v| (v, g));
            }
            return Some(Found { first, ..f });
        }
        match self.cue(i + 1) {
            Some(Cue::ArPast) => {
                return Some(self.relative(first, i + 1, Granularity::Day, |p| {
                    resolve::weekday_on_or_before(p, day, true)
                }));
            }
            Some(Cue::ArNext) => {
                return Some(
                    self.relative(first, i + 1, Granularity::Day, |p| {
                        resolve::weekday_after(p, day)
                    }),
                );
            }
            _ => {}
        }
        if !english && self.arabic_weekday_is_a_word(i) {
            return None;
        }
        let cued =
            i > 0 && matches!(self.cue(i - 1), Some(Cue::ArDay | Cue::ArToday | Cue::ArPrep));
        if weak && !cued {
            return None;
        }
        Some(
            self.relative(first, i, Granularity::Day, |p| {
                resolve::weekday_on_or_before(p, day, false)
            }),
        )
    }

    /// "the Sunday Times", "Bloody Sunday", "Good Friday": a weekday inside a name or a
    /// holiday, not a relative date.
    fn weekday_in_a_name(&self, i: usize) -> bool {
        const AFTER: &[&str] = &[
            "Times",
            "Telegraph",
            "Express",
            "Mirror",
            "Post",
            "Herald",
            "Mail",
            "Observer",
            "Independent",
            "Star",
            "Tribune",
            "Prayers",
            "School",
        ];
        const BEFORE: &[&str] =
            &["Black", "Good", "Bloody", "Ash", "Palm", "Easter", "Holy", "Super", "Cyber"];
        AFTER.contains(&self.word(i + 1)) || (i > 0 && BEFORE.contains(&self.word(i - 1)))
    }

    /// "صلاة الجمعة" (Friday prayers, not a date), "الأحد عشر" (eleven), "الواحد الأحد".
    fn arabic_weekday_is_a_word(&self, i: usize) -> bool {
        use crate::text::normalize::fold_str;
        let prev = if i > 0 { fold_str(self.word(i - 1)) } else { String::new() };
        let next = fold_str(self.word(i + 1));
        matches!(prev.as_str(), "صلاه" | "خطبه" | "الواحد" | "مسجد" | "جامع" | "ائمه")
            || matches!(next.as_str(), "عشر" | "عشره")
    }
}
