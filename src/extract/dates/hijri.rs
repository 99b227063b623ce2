//! Lunar Hijri dates, converted to Gregorian by `crate::text::calendar::hijri_to_gregorian`
//! (Umm al-Qura): "20 رمضان 1439 هـ", "20 رمضان 1439هـ", "الاثنين 20 رمضان 1439",
//! "١٤٣٩/٩/٢٠ هـ", "20/9/1439هـ". A Hijri month name counts only with a year (one that carries
//! the هـ mark, or a plausible Hijri year, 1300–1599, without it); a numeric date only with the
//! mark, else it is read as Gregorian. "20 رمضان 1439 هـ الموافق 4 يونيو 2018م" gives two
//! mentions: the Gregorian one is read on its own after this one ends.
//!
//! Spans are the smallest carrying the value: the mark is left off after a month name (as "م"
//! is after "2018م") but kept on a numeric date, which it alone makes Hijri. A month without
//! a day ("رمضان 1439 هـ") spans two Gregorian months and a marked year alone ("1439 هـ") two
//! Gregorian years; as CONVENTIONS rules for Solar Hijri months, they are consumed without a
//! mention — unless the month lies inside one Gregorian month, which is then its value.

use chrono::Datelike;

use super::lexicon::{Cue, Lex};
use super::tokens::Kind;
use super::{Found, Granularity, Scanner};
use crate::lang::{self, calendar::Calendar};
use crate::text::calendar;
use crate::text::normalize::fold_str;

/// Years read as Hijri without the هـ mark (1300 AH = 1882 CE; 1599 AH = 2175 CE).
const UNMARKED_YEARS: std::ops::RangeInclusive<u32> = 1300..=1599;

/// A Hijri year: its value and the last token of the year (before any mark) and of the mark.
struct HijriYear {
    year: i32,
    last: usize,
    mark: Option<usize>,
}

impl Scanner<'_> {
    /// A lunar Hijri month name at `i`: its number and last token.
    fn hijri_month_at(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i) {
            Lex::HijriMonth(m) => Some((u32::from(m), i)),
            Lex::HijriHead => {
                let t = self.tok(i)?;
                let first = fold_str(&self.text[t.core..t.end]);
                let second = fold_str(self.word(i + 1));
                let (_, m) = lang::calendar::multiword_months().find(|(w, m)| {
                    m.calendar == Calendar::Islamic
                        && matches!(&w[..], [a, b] if *a == first && *b == second)
                })?;
                Some((u32::from(m.month), i + 1))
            }
            _ => None,
        }
    }

    /// The هـ mark at `k` (glued or not).
    fn hijri_mark_at(&self, k: usize) -> bool {
        self.cue(k) == Some(Cue::ArHijriEra)
    }

    /// A Hijri year at `k`: 1–4 digits with the mark after it, or an unmarked 1300–1599.
    fn hijri_year_at(&self, k: usize) -> Option<HijriYear> {
        let t = self.tok(k)?;
        if t.kind != Kind::Num || t.digits > 4 || self.continues_number(k + 1) {
            return None;
        }
        let year = i32::try_from(t.value).ok()?;
        if self.hijri_mark_at(k + 1) {
            return Some(HijriYear { year, last: k, mark: Some(k + 1) });
        }
        let glued_word = self.glued(k + 1) && self.tok(k + 1).is_some_and(|n| n.kind == Kind::Word);
        (t.digits == 4 && UNMARKED_YEARS.contains(&t.value) && !glued_word).then_some(HijriYear {
            year,
            last: k,
            mark: None,
        })
    }

    /// "20 رمضان 1439 هـ", "20 من رمضان 1439": a day, a Hijri month and a year.
    pub(super) fn hijri_day_first(&self, i: usize) -> Option<Found> {
        let (day, mut k) = self.day_at(i)?;
        k += 1;
        if self.cue(k) == Some(Cue::ArFrom) {
            k += 1;
        }
        let (month, last) = self.hijri_month_at(k)?;
        let y = self.hijri_year_at(last + 1)?;
        let value = calendar::hijri_to_gregorian(y.year, month, day);
        Some(Found::new(i, y.last, value, Granularity::Day))
    }

    /// "رمضان 1439 هـ": a Hijri month and year, consumed (see the module doc); "1439 هـ" and
    /// "1439هـ" alone likewise, so the number is not read as anything else.
    pub(super) fn hijri_month_first(&self, i: usize) -> Option<Found> {
        let (month, last) = self.hijri_month_at(i)?;
        let y = self.hijri_year_at(last + 1)?;
        let value = calendar::hijri_month_to_gregorian(y.year, month)
            .filter(|(a, b)| (a.year(), a.month()) == (b.year(), b.month()))
            .map(|(a, _)| a);
        Some(Found::new(i, y.mark.unwrap_or(y.last), value, Granularity::Month))
    }

    /// A year with the هـ mark and nothing before it: consumed without a mention.
    pub(super) fn hijri_year_alone(&self, i: usize) -> Option<Found> {
        let y = self.hijri_year_at(i)?;
        let mark = y.mark?;
        Some(Found::new(i, mark, None, Granularity::Year))
    }

    /// "١٤٣٩/٩/٢٠ هـ", "1439-09-20هـ" (year first) and "20/9/1439 هـ" (day first): a numeric
    /// date with the هـ mark, span through the mark.
    pub(super) fn hijri_numeric(&self, i: usize) -> Option<Found> {
        let sep = match self.tok(i + 1)?.kind {
            Kind::Punct(c @ ('-' | '/' | '.')) => c,
            _ => return None,
        };
        if !self.hijri_mark_at(i + 5) || !self.is_punct(i + 3, sep) {
            return None;
        }
        let [a, b, c] = [i, i + 2, i + 4].map(|k| self.tok(k).filter(|t| t.kind == Kind::Num));
        let (a, b, c) = (a?, b?, c?);
        if !(1..=4).all(|k| self.glued(i + k)) {
            return None;
        }
        let (year, month, day) = if a.digits >= 3 && b.digits <= 2 && c.digits <= 2 {
            (a.value, b.value, c.value)
        } else if a.digits <= 2 && b.digits <= 2 && c.digits >= 3 {
            (c.value, b.value, a.value)
        } else {
            return None;
        };
        let value = calendar::hijri_to_gregorian(i32::try_from(year).ok()?, month, day);
        Some(Found::new(i, i + 5, value, Granularity::Day))
    }
}
