//! Dates in running text, English, Arabic and Persian, absolute and relative, resolved against the
//! document's publication date.
//!
//! One pass tokenises the text ([`tokens`]), looking every word up once in a folded lexicon
//! ([`lexicon`]); a scanner then tries the patterns that can start at each token, leftmost
//! first and longest first: shared numeric and month patterns ([`absolute`]), English cue
//! phrases ([`english`]), Arabic ones ([`arabic`], [`hijri`]) and Persian ones ([`solar`]),
//! with calendar arithmetic in
//! [`resolve`]. Spans follow the annotation conventions: the smallest span carrying the value,
//! without hedges ("mid-", "منتصف شهر") or a leading Arabic proclitic.

mod absolute;
mod arabic;
mod english;
mod hijri;
mod lexicon;
mod ranges;
mod resolve;
mod solar;
mod tokens;

use chrono::{Datelike, NaiveDate};

use super::{DateMention, Granularity};
use lexicon::{Cue, Lex};
use tokens::{Kind, Tok};

/// Every date mentioned in `text`, in text order.
/// Relative dates ("on Wednesday", "last year", "أمس") are resolved against `published` and
/// left out when it is `None`.
pub fn extract_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let scanner = Scanner { text, toks: tokens::tokenize(text), published };
    let mut out = Vec::new();
    let mut i = 0;
    while i < scanner.toks.len() {
        let Some(found) = scanner.match_at(i) else {
            i += 1;
            continue;
        };
        if let Some((value, granularity)) = found.date {
            let range = scanner.toks[found.first].core..scanner.toks[found.last].end;
            // A match may reach back one token ("أول أمس"); never over the previous mention.
            let overlaps = out.last().is_some_and(|m: &DateMention| m.range.end > range.start);
            if !overlaps && !in_url(text, range.start) {
                out.push(DateMention { range, value, granularity });
            }
        }
        i = found.last.max(i) + 1;
    }
    out
}

/// Whether byte `start` of `text` is inside a URL ("https://example.com/2018/06/04/…").
fn in_url(text: &str, start: usize) -> bool {
    let word_start = text[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(p, c)| p + c.len_utf8());
    let before = &text[word_start..start];
    before.contains("://") || before.starts_with("www.")
}

/// An expression matched over tokens `first..=last`. `date` is `None` when the words are
/// consumed without giving a mention: a vague anchor ("early last December"), a decade, or a
/// relative date with no publication date to resolve it against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    first: usize,
    last: usize,
    date: Option<(NaiveDate, Granularity)>,
}

impl Found {
    fn new(first: usize, last: usize, value: Option<NaiveDate>, g: Granularity) -> Found {
        Found { first, last, date: value.map(|v| (v, g)) }
    }
}

/// The tokens of one text and its publication date.
struct Scanner<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    published: Option<NaiveDate>,
}

impl Scanner<'_> {
    /// The longest expression starting at token `i`, if any.
    fn match_at(&self, i: usize) -> Option<Found> {
        let found = self.match_plain(i)?;
        Some(self.with_arabic_anchor(found))
    }

    /// "8 أكتوبر الماضي", "30 مارس الجاري", "فيفري المقبل": an Arabic word after a day or
    /// month without a year says which one is meant (the last, this, the next); it belongs to
    /// the expression and fixes its year.
    fn with_arabic_anchor(&self, f: Found) -> Found {
        let Some((value, g)) = f.date else { return f };
        if self.ends_in_year(&f) || g == Granularity::Year {
            return f;
        }
        let Some(p) = self.published else { return f };
        let k = f.last + 1;
        let shifted = |years: i32| value.with_year(value.year() + years);
        let same_period = |v: NaiveDate| match g {
            Granularity::Month => (v.year(), v.month()) == (p.year(), p.month()),
            _ => v == p,
        };
        let value = match self.cue(k) {
            Some(Cue::ArPast) if value > p || same_period(value) => shifted(-1),
            Some(Cue::ArPast) => Some(value),
            Some(Cue::ArNext) if value < p || same_period(value) => shifted(1),
            Some(Cue::ArNext) => Some(value),
            Some(Cue::ArCurrent) => value.with_year(p.year()),
            _ => return f,
        };
        Found { last: k, date: value.map(|v| (v, g)), ..f }
    }

    /// [`Self::match_at`] before the Arabic anchor word is looked at.
    fn match_plain(&self, i: usize) -> Option<Found> {
        let t = &self.toks[i];
        match (t.kind, t.lex) {
            (Kind::Num, _) => self
                .hijri_numeric(i)
                .or_else(|| self.solar_numeric(i))
                .or_else(|| self.numeric_date(i))
                .or_else(|| self.hijri_day_first(i))
                .or_else(|| self.solar_day_first(i))
                .or_else(|| self.day_first(i))
                .or_else(|| self.hijri_year_alone(i))
                .or_else(|| self.solar_year_first(i))
                .or_else(|| self.bare_year(i)),
            (_, Lex::Month { .. } | Lex::MonthHead(_)) => self.month_first(i),
            (_, Lex::HijriMonth(_) | Lex::HijriHead) => self.hijri_month_first(i),
            (_, Lex::SolarMonth(_)) => self.solar_month_first(i),
            (_, Lex::Weekday { .. }) => self.weekday(i),
            (_, Lex::Ordinal(_)) => self
                .arabic_ordinal_day(i)
                .or_else(|| self.solar_day_first(i))
                .or_else(|| self.persian_ordinal_gregorian(i)),
            (_, Lex::Cue(cue)) => self
                .english_cue(i, cue)
                .or_else(|| self.arabic_cue(i, cue))
                .or_else(|| self.persian_cue(i, cue)),
            _ => None,
        }
    }

    /// A relative expression over `first..=last`: resolved by `f` when there is a
    /// publication date, else consumed without a mention.
    fn relative(
        &self,
        first: usize,
        last: usize,
        g: Granularity,
        f: impl FnOnce(NaiveDate) -> Option<NaiveDate>,
    ) -> Found {
        Found::new(first, last, self.published.and_then(f), g)
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn lex(&self, i: usize) -> Lex {
        self.tok(i).map_or(Lex::None, |t| t.lex)
    }

    fn cue(&self, i: usize) -> Option<Cue> {
        match self.lex(i) {
            Lex::Cue(c) => Some(c),
            _ => None,
        }
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Token `i` exists and touches the previous one (no space between).
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }

    /// Whether a match ends on a year number (so it is absolute, not relative).
    fn ends_in_year(&self, f: &Found) -> bool {
        self.tok(f.last).is_some_and(|t| t.kind == Kind::Num && t.digits == 4)
    }

    /// The original text of token `i`.
    fn word(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| &self.text[t.start..t.end])
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_new_forms;
