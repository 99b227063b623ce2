//! The words the date scanner knows — month and weekday names, ordinals and cue words of
//! every registered language (`crate::lang`) — keyed by their folded form (`crate::text::normalize::fold_char`: lower case, alef
//! variants, no harakat).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

pub(super) use crate::lang::Cue;
use crate::lang::calendar::{self, Calendar};
use crate::lang::{LANGUAGES, ar};
use crate::text::normalize::fold_str;

/// What a word means to the date scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lex {
    /// Not a date word.
    None,
    /// A month, 1–12. `weak` names ("Jan", "ماي" = also Theresa May, "آب" = also father)
    /// only count next to a day or a year. `english` names must be capitalised.
    Month { month: u8, weak: bool, english: bool },
    /// The first word of a two-word Levantine month: كانون (1) or تشرين (2).
    MonthHead(u8),
    /// An Arabic ordinal: الأول/الحادي (1) … العاشر (10), العشرين (20), الثلاثين (30). الأول and
    /// الثاني are also the second word of a Levantine month; "الخامس من حزيران" is a day.
    Ordinal(u8),
    /// A weekday, 0 = Monday. `weak` Arabic names (الاثنين, also "the two") need a cue such
    /// as يوم.
    Weekday { day: u8, weak: bool, english: bool },
    /// A glued English ordinal suffix: st, nd, rd, th.
    OrdSuffix,
    /// A one-word lunar Hijri month, 1 = Muharram.
    HijriMonth(u8),
    /// The first word of a two-word lunar Hijri month: ربيع، جمادى، ذو/ذي.
    HijriHead,
    /// A Solar Hijri month, 1 = Farvardin (Dari names too: حمل = 1). `weak` names (تیر
    /// "arrow", مهر "kindness") count only next to a day or a year, as all of them do here.
    SolarMonth(u8),
    /// A cue word.
    Cue(Cue),
}

/// FNV-1a: the keys are short and trusted, so a cheap hash beats SipHash here.
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

type Table = HashMap<&'static str, Lex, BuildHasherDefault<Fnv>>;

/// Folded word → meaning.
static TABLE: LazyLock<Table> = LazyLock::new(build);

/// The meaning of a folded word (`Lex::None` when it is not a date word).
pub(super) fn lookup(folded: &str) -> Lex {
    TABLE.get(folded).copied().unwrap_or(Lex::None)
}

/// `w` folded as words are looked up: the lists of the Arabic-script languages are written as
/// text is (Persian ی and ک, ZWNJ), and the table is built once, so a changed word is leaked.
fn folded(w: &'static str) -> &'static str {
    let f = fold_str(w);
    if f == w { w } else { Box::leak(f.into_boxed_str()) }
}

fn build() -> Table {
    let mut t = Table::default();
    for (w, m) in calendar::month_names() {
        t.insert(w, Lex::Month { month: m.month, weak: m.weak, english: m.english });
    }
    for (w, d) in calendar::weekday_names().filter(|(_, d)| !d.abbreviated) {
        t.insert(w, Lex::Weekday { day: d.day, weak: d.weak, english: d.english });
    }
    for l in LANGUAGES {
        for &(w, n) in l.ordinals {
            t.insert(folded(w), Lex::Ordinal(n));
        }
        for &w in l.ordinal_suffixes {
            t.insert(w, Lex::OrdSuffix);
        }
    }
    for (w, head) in ar::calendar::LEVANTINE_HEADS {
        t.insert(w, Lex::MonthHead(head));
    }
    for (w, n) in ar::calendar::LEVANTINE_ORDINALS {
        t.insert(w, Lex::Ordinal(n));
    }
    for (w, m) in calendar::month_names_in(Calendar::Islamic) {
        t.insert(w, Lex::HijriMonth(m.month));
    }
    for (words, _) in calendar::multiword_months().filter(|(_, m)| m.calendar == Calendar::Islamic)
    {
        if let Some(head) = words.first() {
            t.insert(head.as_str(), Lex::HijriHead);
        }
    }
    for (w, m) in calendar::month_names_in(Calendar::Persian) {
        // A Gregorian or Hijri month of the same spelling keeps its meaning.
        t.entry(w).or_insert(Lex::SolarMonth(m.month));
    }
    for l in LANGUAGES {
        for (words, cue) in l.date_words {
            for w in *words {
                // The first table entry wins ("may" stays a month, "يوم" a cue).
                t.entry(folded(w)).or_insert(Lex::Cue(*cue));
            }
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_months_are_found_after_folding() {
        for (w, m) in [("آذار", 3), ("أيار", 5), ("أيلول", 9), ("إبريل", 4), ("أغسطس", 8)]
        {
            assert!(matches!(lookup(&fold_str(w)), Lex::Month { month, .. } if month == m), "{w}");
        }
        assert_eq!(lookup(&fold_str("الأول")), Lex::Ordinal(1));
        assert!(matches!(lookup(&fold_str("الأربعاء")), Lex::Weekday { day: 2, .. }));
    }

    #[test]
    fn common_words_are_not_dates() {
        for w in ["and", "said", "قال", "الرئيس", "mars"] {
            assert_eq!(lookup(w), Lex::None, "{w}");
        }
    }
}
