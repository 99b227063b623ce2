//! Ranges of days read as one mention valued at their first day, granularity day: "3-4
//! June", "3–4 June 2018", "June 3-4", "3 to 5 June", "between 3 and 4 June", "from 3 to 5
//! June 2018", "3 June to 5 July 2018", "بين 3 و4 حزيران", "من 3 إلى 5 يونيو", "3-4 حزيران
//! 2019", "يومي 3 و4 يونيو".
//!
//! The span: the smallest that carries the value. The first day needs the month and year
//! written after the last, so the span runs over the whole range — always, so that "June
//! 3-4" reads like "3-4 June" — and leaves the leading word ("between", "from", "بين", "من",
//! "يومي") off, as "on" and "يوم" are left off a single day.

use super::Scanner;
use super::tokens::Kind;
use crate::text::normalize::fold_str;

impl Scanner<'_> {
    /// Whether token `k` joins the two ends of a range: a dash ("3-4", "3 – 4"), "to",
    /// "through", "until", "till", "إلى", "حتى"; with `and`, also "and" and "و" ("3 و4",
    /// "و4"), which join two days of one month but list two dates across months ("3 June and
    /// 5 July").
    fn range_joint(&self, k: usize, and: bool) -> bool {
        let Some(t) = self.tok(k) else { return false };
        match t.kind {
            Kind::Punct('-' | '–' | '—') => true,
            Kind::Word => {
                let w = self.word(k);
                let is = |x: &str| w.eq_ignore_ascii_case(x);
                if ["to", "through", "until", "till"].into_iter().any(is) {
                    return true;
                }
                if is("and") {
                    return and;
                }
                // Arabic: folded only when short, so no allocation for most words.
                if w.len() > 8 || w.is_ascii() {
                    return false;
                }
                match fold_str(w).as_str() {
                    "الي" | "حتي" => true,
                    "و" => and,
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// The last token of a range's end day after a first day `first` ending at token `last`
    /// ("3-4", "3 to 5", "3 و4"), or `last` itself when no later day follows.
    pub(super) fn through_range_end(&self, first: u32, last: usize) -> usize {
        if !self.range_joint(last + 1, true) {
            return last;
        }
        match self.day_at(last + 2) {
            Some((end, end_last)) if end > first => end_last,
            _ => last,
        }
    }

    /// After a day-and-month ending at token `last`, the second month of a range across
    /// months ("3 June to 5 July"): its number and last token.
    pub(super) fn range_second_month(&self, last: usize) -> Option<(u32, usize)> {
        if !self.range_joint(last + 1, false) {
            return None;
        }
        let (_, day_last) = self.day_at(last + 2)?;
        let m = self.month_at(day_last + 1)?;
        Some((m.month, m.last))
    }
}
