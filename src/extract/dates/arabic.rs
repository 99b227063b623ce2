//! Arabic cue phrases: أمس، أمس الأول، أول أمس، اليوم، غدا، بعد غد، العام الماضي، هذا العام، الشهر الماضي،
//! "في (شهر) مارس" (span the month), and hedges ("منتصف شهر حزيران 2019" keeps "حزيران
//! 2019"; "منتصف العام الماضي" is vague and left out). The year after عام/سنة is left to the
//! bare-year pattern, so "في عام 2022" gives the span "2022".

use chrono::Datelike;

use super::lexicon::{Cue, Lex};
use super::resolve::{self, MonthAnchor};
use super::{Found, Granularity, Scanner};

impl Scanner<'_> {
    /// An Arabic expression starting at cue word `i`.
    pub(super) fn arabic_cue(&self, i: usize, cue: Cue) -> Option<Found> {
        match cue {
            Cue::ArYesterday => {
                // "أمس الأول" and "أول أمس": the day before yesterday.
                let before = i > 0 && crate::text::normalize::fold_str(self.word(i - 1)) == "اول";
                let (first, mut last, back) = if self.lex(i + 1) == Lex::Ordinal(1) {
                    (i, i + 1, -2)
                } else if before {
                    (i - 1, i, -2)
                } else {
                    (i, i, -1)
                };
                // "أمس الأربعاء": the weekday names the same day.
                if matches!(self.lex(last + 1), Lex::Weekday { english: false, .. }) {
                    last += 1;
                }
                Some(self.relative(first, last, Granularity::Day, |p| resolve::shift_days(p, back)))
            }
            Cue::ArTomorrow => {
                // "غداً الجمعة": one expression.
                let last = match self.lex(i + 1) {
                    Lex::Weekday { english: false, .. } => i + 1,
                    _ => i,
                };
                Some(self.relative(i, last, Granularity::Day, |p| resolve::shift_days(p, 1)))
            }
            Cue::ArToday => self.today(i),
            Cue::ArYear | Cue::ArTheMonth => self.named_period(i, i + 1),
            Cue::ArThis => self.this_period(i),
            // "بعد غد": the day after tomorrow.
            Cue::ArPrep if self.cue(i + 1) == Some(Cue::ArTomorrow) => {
                Some(self.relative(i, i + 1, Granularity::Day, |p| resolve::shift_days(p, 2)))
            }
            Cue::ArPrep | Cue::ArMonthWord => {
                let k = if self.cue(i + 1) == Some(Cue::ArMonthWord) { i + 2 } else { i + 1 };
                let m = self.month_stands_alone(k).filter(|m| !m.english)?;
                Some(self.relative(k, self.yearless_end(&m), Granularity::Month, |p| {
                    resolve::named_month(p, m.month, MonthAnchor::OnOrBefore)
                }))
            }
            Cue::ArHedge => self.arabic_hedge(i),
            _ => None,
        }
    }

    /// اليوم: today, unless it means "the day" ("اليوم التالي", "اليوم الذي", "هذا اليوم"); "اليوم الأحد"
    /// is one expression.
    fn today(&self, i: usize) -> Option<Found> {
        // "في هذا اليوم": "on this day", a narrative anchor.
        if i > 0 && self.cue(i - 1) == Some(Cue::ArThis) {
            return None;
        }
        let last = match self.lex(i + 1) {
            Lex::Cue(Cue::ArNotToday) | Lex::Ordinal(_) => return None,
            Lex::Weekday { english: false, .. } => i + 1,
            // "اليوم (السبت)".
            _ if self.is_punct(i + 1, '(')
                && matches!(self.lex(i + 2), Lex::Weekday { english: false, .. })
                && self.is_punct(i + 3, ')') =>
            {
                i + 3
            }
            _ => i,
        };
        Some(self.relative(i, last, Granularity::Day, Some))
    }

    /// العام/السنة/الشهر (at `i`) + الماضي/الحالي/المقبل (at `k`).
    fn named_period(&self, i: usize, k: usize) -> Option<Found> {
        let delta = match self.cue(k)? {
            Cue::ArPast => -1,
            Cue::ArCurrent => 0,
            Cue::ArNext => 1,
            _ => return None,
        };
        self.period(i, k, delta)
    }

    /// هذا العام، هذه السنة، هذا الشهر.
    fn this_period(&self, i: usize) -> Option<Found> {
        self.period(i, i + 1, 0)
    }

    /// The year or month named by the cue word in `first..=last`, `delta` from publication.
    fn period(&self, first: usize, last: usize, delta: i32) -> Option<Found> {
        let word = if matches!(self.cue(first), Some(Cue::ArThis)) { last } else { first };
        match self.cue(word)? {
            Cue::ArYear => Some(
                self.relative(first, last, Granularity::Year, |p| resolve::year_offset(p, delta)),
            ),
            Cue::ArTheMonth => Some(
                self.relative(first, last, Granularity::Month, |p| resolve::month_offset(p, delta)),
            ),
            _ => None,
        }
    }

    /// منتصف/أوائل/أواخر/مطلع/بداية/نهاية (+ شهر) + month + year → the month (hedge and
    /// شهر left off the span); without a year, or before العام الماضي, vague and left out.
    fn arabic_hedge(&self, i: usize) -> Option<Found> {
        let k = if self.cue(i + 1) == Some(Cue::ArMonthWord) { i + 2 } else { i + 1 };
        if let Some(f) = self.month_first(k) {
            return Some(if f.date.is_some() && self.ends_in_year(&f) {
                f
            } else {
                Found { first: i, date: None, ..f }
            });
        }
        if let Some(m) = self.month_at(k).filter(|m| !m.english) {
            return Some(Found::new(i, m.last, None, Granularity::Month));
        }
        let f = self.named_period(k, k + 1).or_else(|| {
            (self.cue(k) == Some(Cue::ArThis)).then(|| self.this_period(k)).flatten()
        })?;
        Some(Found { first: i, date: None, ..f })
    }

    /// "الخامس من حزيران 2019", "الحادي عشر من شهر أيار", "الثالث والعشرين من آذار": a day
    /// written as an ordinal word, absolute with a year, else the year nearest publication.
    pub(super) fn arabic_ordinal_day(&self, i: usize) -> Option<Found> {
        let Lex::Ordinal(unit) = self.lex(i) else { return None };
        let (mut day, mut k) = (u32::from(unit), i + 1);
        match self.lex(k) {
            Lex::Cue(Cue::ArTeen) if (1..10).contains(&unit) => (day, k) = (10 + day, k + 1),
            Lex::Ordinal(tens @ (20 | 30))
                if unit < 10 && self.toks[k].core > self.toks[k].start =>
            {
                (day, k) = (u32::from(tens) + day, k + 1);
            }
            _ => {}
        }
        if self.cue(k) != Some(Cue::ArFrom) || !(1..=31).contains(&day) {
            return None;
        }
        k += 1;
        // "الثاني عشر من الشهر الجاري": a day of a month named relative to publication.
        if self.cue(k) == Some(Cue::ArTheMonth) {
            let delta = match self.cue(k + 1)? {
                Cue::ArPast => -1,
                Cue::ArCurrent => 0,
                Cue::ArNext => 1,
                _ => return None,
            };
            return Some(self.relative(i, k + 1, Granularity::Day, |p| {
                let m = resolve::month_offset(p, delta)?;
                resolve::ymd(m.year(), m.month(), day)
            }));
        }
        if self.cue(k) == Some(Cue::ArMonthWord) {
            k += 1;
        }
        let m = self.month_at(k).filter(|m| !m.english)?;
        if let Some((year, last)) = self.year_after_month(m.last) {
            return Some(Found::new(i, last, resolve::ymd(year, m.month, day), Granularity::Day));
        }
        let end = self.yearless_end(&m);
        Some(self.relative(i, end, Granularity::Day, |p| resolve::nearest_day(p, m.month, day)))
    }
}
