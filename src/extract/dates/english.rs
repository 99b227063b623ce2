//! English cue phrases: "in May", "Back in May" (span "May"), "last December", "this year",
//! "next month", "last Monday", "this Friday", "the beginning of the year", "yesterday",
//! "today", "the day before yesterday", "the day after tomorrow", and hedged
//! anchors ("Early last December" is vague and left out; "mid-June 2019" keeps "June 2019").

use super::lexicon::{Cue, Lex};
use super::resolve::{self, MonthAnchor};
use super::{Found, Granularity, Scanner};

impl Scanner<'_> {
    /// An English expression starting at cue word `i`.
    pub(super) fn english_cue(&self, i: usize, cue: Cue) -> Option<Found> {
        match cue {
            Cue::Prep => self.month_after_preposition(i + 1),
            Cue::Back if self.cue(i + 1) == Some(Cue::Prep) => self.month_after_preposition(i + 2),
            Cue::Last => self.this_last_next(i, -1),
            Cue::This => self.this_last_next(i, 0),
            Cue::Next => self.this_last_next(i, 1),
            Cue::Hedge => self.hedged(i),
            Cue::The => self.day_before_or_after(i).or_else(|| self.part_of_year(i)),
            Cue::Yesterday => {
                Some(self.relative(i, i, Granularity::Day, |p| resolve::shift_days(p, -1)))
            }
            Cue::Today => Some(self.relative(i, i, Granularity::Day, Some)),
            Cue::Tomorrow => {
                Some(self.relative(i, i, Granularity::Day, |p| resolve::shift_days(p, 1)))
            }
            _ => None,
        }
    }

    /// "in May", "since March": the most recent such month on or before publication, span
    /// the month. A hedge after the preposition ("in early May") is left to [`Self::hedged`].
    fn month_after_preposition(&self, k: usize) -> Option<Found> {
        let m = self.month_stands_alone(k)?;
        // "after May said" is Theresa May: "May" alone needs a preposition of time.
        let prep = self.word(k - 1).to_ascii_lowercase();
        if m.month == 5 && !matches!(prep.as_str(), "in" | "since" | "until" | "till" | "during") {
            return None;
        }
        m.english.then(|| {
            self.relative(k, m.last, Granularity::Month, |p| {
                resolve::named_month(p, m.month, MonthAnchor::OnOrBefore)
            })
        })
    }

    /// "last/this/next" + a month, a weekday, "year" or "month".
    fn this_last_next(&self, i: usize, delta: i32) -> Option<Found> {
        // "over the last year", "the next month": a duration or a narrative anchor.
        if i > 0 && self.cue(i - 1) == Some(Cue::The) {
            return None;
        }
        let k = i + 1;
        if let Some(m) = self.month_stands_alone(k).filter(|m| m.english) {
            let anchor = match delta {
                -1 => MonthAnchor::Before,
                0 => MonthAnchor::Same,
                _ => MonthAnchor::After,
            };
            return Some(self.relative(i, m.last, Granularity::Month, |p| {
                resolve::named_month(p, m.month, anchor)
            }));
        }
        let t = self.tok(k)?;
        match t.lex {
            // "this Friday" is the coming one, as "next Friday" (Duckling's this|next <dow>).
            Lex::Weekday { day, english: true, .. } if t.cap => {
                Some(self.relative(i, k, Granularity::Day, |p| {
                    if delta < 0 {
                        resolve::weekday_on_or_before(p, day, true)
                    } else {
                        resolve::weekday_after(p, day)
                    }
                }))
            }
            Lex::Cue(Cue::Year) => {
                Some(self.relative(i, k, Granularity::Year, |p| resolve::year_offset(p, delta)))
            }
            Lex::Cue(Cue::Month) => {
                Some(self.relative(i, k, Granularity::Month, |p| resolve::month_offset(p, delta)))
            }
            _ => None,
        }
    }

    /// "early/mid/late" (+ "-"): with a year the hedge is dropped from the span ("mid-June
    /// 2019" → "June 2019"); a hedged relative date ("Early last December", "late last year",
    /// "in early May") is vague and consumed without a mention.
    fn hedged(&self, i: usize) -> Option<Found> {
        let mut k = i + 1;
        if self.is_punct(k, '-') && self.glued(k) {
            k += 1;
        }
        if let Some(f) = self.month_first(k) {
            return Some(if f.date.is_some() && self.ends_in_year(&f) {
                f
            } else {
                Found { first: i, date: None, ..f }
            });
        }
        if let Some(m) = self.month_at(k).filter(|m| m.english && !m.weak) {
            return Some(Found::new(i, m.last, None, Granularity::Month));
        }
        if matches!(self.cue(k), Some(Cue::Last | Cue::This | Cue::Next)) {
            let f = self.this_last_next(k, 0)?;
            return Some(Found { first: i, date: None, ..f });
        }
        None
    }

    /// "the day before yesterday" and "the day after tomorrow" (span from "the").
    fn day_before_or_after(&self, i: usize) -> Option<Found> {
        if !self.word(i + 1).eq_ignore_ascii_case("day") {
            return None;
        }
        let back = match (self.word(i + 2).to_ascii_lowercase().as_str(), self.cue(i + 3)?) {
            ("before", Cue::Yesterday) => -2,
            ("after", Cue::Tomorrow) => 2,
            _ => return None,
        };
        Some(self.relative(i, i + 3, Granularity::Day, |p| resolve::shift_days(p, back)))
    }

    /// "the beginning/start/end/middle of the/this/last/next year|month" (span from "the").
    fn part_of_year(&self, i: usize) -> Option<Found> {
        if self.cue(i + 1) != Some(Cue::Part) || self.cue(i + 2) != Some(Cue::Of) {
            return None;
        }
        let delta = match self.cue(i + 3)? {
            Cue::The | Cue::This => 0,
            Cue::Last => -1,
            Cue::Next => 1,
            _ => return None,
        };
        match self.cue(i + 4)? {
            Cue::Year => {
                Some(self.relative(i, i + 4, Granularity::Year, |p| resolve::year_offset(p, delta)))
            }
            Cue::Month => Some(
                self.relative(i, i + 4, Granularity::Month, |p| resolve::month_offset(p, delta)),
            ),
            _ => None,
        }
    }
}
