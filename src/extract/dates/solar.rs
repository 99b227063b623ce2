//! Persian dates: Solar Hijri days converted to Gregorian by
//! `crate::text::calendar::solar_hijri_to_gregorian` (ICU's Persian calendar) — "۱۴ آبان ۱۳۹۰",
//! "۱۴ آذر ماه ۱۴۰۰", "جمعه 25 آبان 1397" (the weekday joins through `absolute`), year first
//! "۱۳۹۱ آذر ۲۰, دوشنبه" and "۱۳۸۴ یکشنبه ۱۱ دی", numeric "۱۳۹۶/۱۱/۱۴", ordinal days "چهاردهم آبان ۱۳۶۶" and "بیست و دوم دسامبر" — and the
//! Persian relative words.
//!
//! As CONVENTIONS rules, a Solar month without a day ("اردیبهشت ۱۴۰۳"), a Solar year alone
//! ("۱۳۹۷ شمسی", a bare 13xx–14xx year in Persian text, "امسال") and the relative periods
//! "سال گذشته" / "ماه آینده" (Solar periods) span two Gregorian ones: they are consumed without
//! a mention. A Solar day without a year is the one nearest the publication date.

use chrono::{Datelike, NaiveDate};

use super::lexicon::{Cue, Lex};
use super::tokens::Kind;
use super::{Found, Granularity, Scanner};
use crate::text::calendar::solar_hijri_to_gregorian;
use crate::text::normalize::fold_str;
use crate::text::script::is_arabic_letter;

/// Years read as Solar Hijri in Arabic-script text (1300 SH = 1921 CE; 1499 SH = 2120 CE).
const SOLAR_YEARS: std::ops::RangeInclusive<u32> = 1300..=1499;

/// The Solar day `month`-`day` nearest `published`, in the Solar year before, of or after it.
fn nearest_solar_day(published: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let y = published.year() - 621;
    (y - 2..=y)
        .filter_map(|y| solar_hijri_to_gregorian(y, month, day))
        .min_by_key(|d| (*d - published).num_days().abs())
}

impl Scanner<'_> {
    /// "سه شنبه" written apart: a count word and شنبه (Saturday) make one weekday, from the
    /// count word on. Its first token and its day (0 = Monday).
    pub(super) fn spaced_weekday(&self, i: usize) -> Option<(usize, u8)> {
        const SATURDAY: u8 = 5;
        if i == 0 || !matches!(self.lex(i), Lex::Weekday { day: SATURDAY, english: false, .. }) {
            return None;
        }
        let count = fold_str(self.word(i - 1));
        let &(_, n) = crate::lang::fa::WEEKDAY_COUNTS.iter().find(|(w, _)| fold_str(w) == count)?;
        Some((i - 1, (SATURDAY + n) % 7))
    }

    /// A Solar month name at `i` and the token it ends on (a «ماه» after it belongs to it).
    fn solar_month_at(&self, i: usize) -> Option<(u32, usize)> {
        let Lex::SolarMonth(m) = self.lex(i) else { return None };
        let last = if self.cue(i + 1) == Some(Cue::FaMonth) { i + 1 } else { i };
        Some((u32::from(m), last))
    }

    /// A Solar year at `k` (four digits, 1300–1499) and its last token (a «شمسی» after it).
    fn solar_year_at(&self, k: usize) -> Option<(i32, usize)> {
        let (y, last) = self.year_at(k)?;
        if !SOLAR_YEARS.contains(&u32::try_from(y).ok()?) {
            return None;
        }
        Some((y, if self.cue(last + 1) == Some(Cue::FaSolarEra) { last + 1 } else { last }))
    }

    /// A day written as Persian ordinal words at `i` ("چهاردهم", "بیست و دوم"), its last token.
    fn persian_ordinal_at(&self, i: usize) -> Option<(u32, usize)> {
        let Lex::Ordinal(n) = self.lex(i) else { return None };
        if matches!(n, 20 | 30)
            && self.cue(i + 1) == Some(Cue::FaAnd)
            && let Lex::Ordinal(unit @ 1..=9) = self.lex(i + 2)
        {
            return Some((u32::from(n + unit), i + 2));
        }
        Some((u32::from(n), i))
    }

    /// "۱۴ آبان ۱۳۹۰", "۱۴ آذر ماه", "چهاردهم آبان ۱۳۶۶": a day, a Solar month, a year or
    /// none (then the day nearest publication).
    pub(super) fn solar_day_first(&self, i: usize) -> Option<Found> {
        let (day, k) = self.day_at(i).or_else(|| self.persian_ordinal_at(i))?;
        // "۱۱ اردیبهشت - ۱۴۰۳": a dash may part the day, month and year.
        let dash = |k: usize| if self.is_punct(k, '-') { k + 1 } else { k };
        let (month, last) = self.solar_month_at(dash(k + 1))?;
        if let Some((year, end)) = self.solar_year_at(dash(last + 1)) {
            let value = solar_hijri_to_gregorian(year, month, day);
            return Some(Found::new(i, end, value, Granularity::Day));
        }
        Some(self.relative(i, last, Granularity::Day, |p| nearest_solar_day(p, month, day)))
    }

    /// "بیست و دوم دسامبر": Persian ordinal words before a Gregorian month (and a year).
    pub(super) fn persian_ordinal_gregorian(&self, i: usize) -> Option<Found> {
        let (day, k) = self.persian_ordinal_at(i)?;
        let Lex::Month { month, english: false, .. } = self.lex(k + 1) else { return None };
        let month = u32::from(month);
        if let Some((year, end)) = self.year_at(k + 2) {
            let value = super::resolve::ymd(year, month, day);
            return Some(Found::new(i, end, value, Granularity::Day));
        }
        Some(
            self.relative(i, k + 1, Granularity::Day, |p| {
                super::resolve::nearest_day(p, month, day)
            }),
        )
    }

    /// "۱۳۹۶/۱۱/۱۴": a numeric date whose year is Solar (1300–1499), year first.
    pub(super) fn solar_numeric(&self, i: usize) -> Option<Found> {
        let (year, _) = self.year_at(i)?;
        let sep = match self.tok(i + 1)?.kind {
            Kind::Punct(c @ ('/' | '-')) => c,
            _ => return None,
        };
        if !SOLAR_YEARS.contains(&u32::try_from(year).ok()?) || !self.is_punct(i + 3, sep) {
            return None;
        }
        let [m, d] =
            [i + 2, i + 4].map(|k| self.tok(k).filter(|t| t.kind == Kind::Num && t.digits <= 2));
        let (m, d) = (m?, d?);
        if !(1..=4).all(|k| self.glued(i + k)) || self.continues_number(i + 5) {
            return None;
        }
        let value = solar_hijri_to_gregorian(year, m.value, d.value);
        Some(Found::new(i, i + 4, value, Granularity::Day))
    }

    /// "۱۳۹۱ آذر ۲۰" (year, month, day; a weekday after a comma joins), or a Solar year alone
    /// in Persian text, consumed.
    pub(super) fn solar_year_first(&self, i: usize) -> Option<Found> {
        let (year, end) = self.solar_year_at(i)?;
        // "۱۳۸۴ یکشنبه ۱۱ دی": year, weekday, day and month.
        if matches!(self.lex(end + 1), Lex::Weekday { english: false, .. })
            && let Some((day, d)) = self.day_at(end + 2)
            && let Some((month, last)) = self.solar_month_at(d + 1)
        {
            let value = solar_hijri_to_gregorian(year, month, day);
            return Some(Found::new(i, last, value, Granularity::Day));
        }
        if let Some((month, last)) = self.solar_month_at(end + 1)
            && let Some((day, d)) = self.day_at(last + 1)
        {
            let mut last = d;
            let mut k = d + 1;
            if self.is_punct(k, ',') || self.is_punct(k, '،') {
                k += 1;
            }
            if matches!(self.lex(k), Lex::Weekday { english: false, .. }) {
                last = k;
            }
            let value = solar_hijri_to_gregorian(year, month, day);
            return Some(Found::new(i, last, value, Granularity::Day));
        }
        let persian = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.kind == Kind::Word && self.word(k).chars().next().is_some_and(is_arabic_letter)
            })
        };
        (end > i || (i > 0 && persian(i - 1)) || persian(i + 1))
            .then(|| Found::new(i, end, None, Granularity::Year))
    }

    /// "اردیبهشت ۱۴۰۳", "اردیبهشت امسال": a Solar month without a day, consumed.
    pub(super) fn solar_month_first(&self, i: usize) -> Option<Found> {
        let (_, last) = self.solar_month_at(i)?;
        if let Some((_, end)) = self.solar_year_at(last + 1) {
            return Some(Found::new(i, end, None, Granularity::Month));
        }
        (self.cue(last + 1) == Some(Cue::FaYearWord))
            .then(|| Found::new(i, last + 1, None, Granularity::Month))
    }

    /// "سال گذشته", "ماه آینده", "هفته گذشته", "امسال": Solar periods (a week is vague),
    /// consumed without a mention.
    pub(super) fn persian_cue(&self, i: usize, cue: Cue) -> Option<Found> {
        match cue {
            Cue::FaPeriod | Cue::FaMonth if self.cue(i + 1) == Some(Cue::FaRelative) => {
                Some(Found::new(i, i + 1, None, Granularity::Year))
            }
            Cue::FaYearWord => Some(Found::new(i, i, None, Granularity::Year)),
            _ => None,
        }
    }
}
