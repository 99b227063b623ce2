//! The words the date scanner knows — month and weekday names (from `crate::text::calendar`,
//! the one table of them: English, and Arabic in its regional sets), Arabic ordinals and cue
//! words — keyed by their folded form (`crate::text::normalize::fold_char`: lower case, alef
//! variants, no harakat).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::text::calendar;

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
    /// A one-word lunar Hijri month, 1 = Muharram (`calendar::HIJRI_MONTHS`).
    HijriMonth(u8),
    /// The first word of a two-word lunar Hijri month: ربيع، جمادى، ذو/ذي.
    HijriHead,
    /// A cue word.
    Cue(Cue),
}

/// Cue words around dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    /// in, since, during, until, till, from, to, between, by, through, before, after (+ Month).
    Prep,
    /// back (as in "Back in May").
    Back,
    Last,
    This,
    Next,
    /// early, mid, late: hedges that make a relative date vague.
    Hedge,
    The,
    Of,
    /// beginning, start, end, middle (of the year).
    Part,
    Year,
    Month,
    Week,
    Yesterday,
    Today,
    Tomorrow,
    /// A word that makes a following 4-digit number a quantity or an identifier, not a year.
    NotYearBefore,
    /// A word that makes a preceding 4-digit number a quantity, not a year.
    NotYearAfter,
    /// Arabic في، منذ، خلال، حتى، بعد، قبل (+ month).
    ArPrep,
    /// Arabic شهر ("the month of").
    ArMonthWord,
    /// Arabic عام، سنة, العام، السنة (before a year number, or with الماضي…).
    ArYear,
    /// Arabic الشهر.
    ArTheMonth,
    /// Arabic الماضي، الماضية، المنصرم، الفائت.
    ArPast,
    /// Arabic المقبل، المقبلة، القادم، القادمة.
    ArNext,
    /// Arabic الحالي، الحالية، الجاري، الجارية.
    ArCurrent,
    /// Arabic هذا، هذه.
    ArThis,
    /// Arabic يوم, and parts of a day (مساء، صباح، ليلة…) that mark a following weekday.
    ArDay,
    /// Arabic اليوم (today, or "the day").
    ArToday,
    /// Arabic أمس، الأمس، البارحة.
    ArYesterday,
    /// Arabic غدا.
    ArTomorrow,
    /// Arabic hedges: منتصف، أوائل، أواخر، مطلع، بداية، نهاية، أواسط.
    ArHedge,
    /// Words after اليوم that make it "the day", not today: التالي، الذي، نفسه، الوطني…
    ArNotToday,
    /// Arabic عشر in ordinals ("الحادي عشر" = 11th).
    ArTeen,
    /// Arabic من ("الخامس من حزيران").
    ArFrom,
    /// A mark after a year that makes it lunar Hijri: هـ، هجري، للهجرة.
    ArHijriEra,
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

fn build() -> Table {
    let mut t = Table::default();
    for (w, m) in calendar::month_names() {
        t.insert(w, Lex::Month { month: m.month, weak: m.weak, english: m.english });
    }
    for (i, d) in calendar::EN_WEEKDAYS.iter().enumerate() {
        t.insert(d, Lex::Weekday { day: i as u8, weak: false, english: true });
    }
    for &(w, day, weak) in calendar::AR_WEEKDAYS {
        t.insert(w, Lex::Weekday { day, weak, english: false });
    }
    for (w, head) in calendar::LEVANTINE_HEADS {
        t.insert(w, Lex::MonthHead(head));
    }
    for (w, n) in calendar::LEVANTINE_ORDINALS {
        t.insert(w, Lex::Ordinal(n));
    }
    for &(w, m) in calendar::HIJRI_MONTHS {
        t.insert(w, Lex::HijriMonth(m));
    }
    for &(w, ..) in calendar::HIJRI_TWO_WORD_MONTHS {
        t.insert(w, Lex::HijriHead);
    }
    for &w in calendar::HIJRI_ERA_MARKS {
        t.insert(w, Lex::Cue(Cue::ArHijriEra));
    }
    let ordinals = [
        ("الحادي", 1),
        ("الثالث", 3),
        ("الرابع", 4),
        ("الخامس", 5),
        ("السادس", 6),
        ("السابع", 7),
        ("الثامن", 8),
        ("التاسع", 9),
        ("العاشر", 10),
        ("العشرين", 20),
        ("الثلاثين", 30),
    ];
    for (w, n) in ordinals {
        t.insert(w, Lex::Ordinal(n));
    }
    for w in ["st", "nd", "rd", "th"] {
        t.insert(w, Lex::OrdSuffix);
    }
    let cues: &[(&[&str], Cue)] = &[
        (
            &[
                "in", "since", "during", "until", "till", "from", "to", "between", "by", "through",
                "before", "after",
            ],
            Cue::Prep,
        ),
        (&["back"], Cue::Back),
        (&["last"], Cue::Last),
        (&["this"], Cue::This),
        (&["next"], Cue::Next),
        (&["early", "mid", "late", "earlier", "later"], Cue::Hedge),
        (&["the"], Cue::The),
        (&["of"], Cue::Of),
        (&["beginning", "start", "end", "middle"], Cue::Part),
        (&["year"], Cue::Year),
        (&["month"], Cue::Month),
        (&["week"], Cue::Week),
        (&["yesterday"], Cue::Yesterday),
        (&["today"], Cue::Today),
        (&["tomorrow"], Cue::Tomorrow),
        (
            &[
                "some",
                "about",
                "around",
                "approximately",
                "nearly",
                "almost",
                "over",
                "than",
                "roughly",
                "least",
                "resolution",
                "no",
                "number",
                "flight",
                "route",
                "article",
                "page",
                "pages",
                "chapter",
                "estimated",
                "رقم",
                "قرار",
                "القرار",
                "نحو",
                "حوالي",
                "قرابه",
                "زهاء",
            ],
            Cue::NotYearBefore,
        ),
        (
            &[
                "troops",
                "soldiers",
                "people",
                "persons",
                "men",
                "women",
                "children",
                "civilians",
                "refugees",
                "fighters",
                "dollars",
                "euros",
                "pounds",
                "tons",
                "tonnes",
                "km",
                "kilometres",
                "kilometers",
                "metres",
                "meters",
                "miles",
                "feet",
                "percent",
                "per",
                "cases",
                "deaths",
                "members",
                "units",
                "votes",
                "barrels",
                "households",
                "families",
                "homes",
                "students",
                "workers",
                "prisoners",
                "detainees",
                "militants",
                "rockets",
                "missiles",
                "residents",
                "years",
                "hours",
                "days",
                "jobs",
                "sq",
                "gmt",
                "utc",
                "hrs",
                "edt",
                "est",
                "bst",
                "cet",
                "local",
                "et",
                "pt",
                "جندي",
                "شخص",
                "دولار",
                "كيلومتر",
                "كيلومترا",
                "مقاتل",
                "لاجئ",
                "طن",
                "متر",
                "عنصر",
                "مواطن",
                "قتيل",
                "جريح",
                "معتقل",
                "عائله",
                "اسره",
                "ساعه",
            ],
            Cue::NotYearAfter,
        ),
        (&["في", "منذ", "خلال", "حتي", "بعد", "قبل"], Cue::ArPrep),
        (&["شهر"], Cue::ArMonthWord),
        (&["عام", "سنه", "العام", "السنه"], Cue::ArYear),
        (&["الشهر"], Cue::ArTheMonth),
        (&["الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته"], Cue::ArPast),
        (&["المقبل", "المقبله", "القادم", "القادمه"], Cue::ArNext),
        (&["الحالي", "الحاليه", "الجاري", "الجاريه"], Cue::ArCurrent),
        (&["هذا", "هذه"], Cue::ArThis),
        (&["يوم", "مساء", "صباح", "ليل", "ليله", "فجر", "ظهر", "عصر", "نهار"], Cue::ArDay),
        (&["اليوم"], Cue::ArToday),
        (&["امس", "الامس", "البارحه"], Cue::ArYesterday),
        (&["غدا", "غد"], Cue::ArTomorrow),
        (&["عشر", "عشره"], Cue::ArTeen),
        (&["من"], Cue::ArFrom),
        (&["منتصف", "مطلع", "اوائل", "اواخر", "بدايه", "نهايه", "اواسط", "اوسط"], Cue::ArHedge),
        (
            &[
                "التالي",
                "الذي",
                "نفسه",
                "ذاته",
                "الوطني",
                "العالمي",
                "الدولي",
                "التاريخي",
                "الاخير",
                "السابق",
                "الواحد",
            ],
            Cue::ArNotToday,
        ),
    ];
    for (words, cue) in cues {
        for w in *words {
            // The first table entry wins ("may" stays a month, "يوم" a cue).
            t.entry(w).or_insert(Lex::Cue(*cue));
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold_str;

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
