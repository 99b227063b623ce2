//! The date scanner's vocabulary: what a word means around a date. The scanner
//! (`extract::dates`) reads these meanings; each language lists its words for them.

/// Cue words around dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
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
    /// Persian و inside a compound ordinal ("بیست و دوم").
    FaAnd,
    /// Persian ماه after a month name ("۱۴ آذر ماه"), or before گذشته / آینده.
    FaMonth,
    /// Persian سال, هفته: a period before گذشته / آینده / جاری.
    FaPeriod,
    /// Persian گذشته، پیش، قبل، آینده، بعد، جاری after a period: a relative period.
    FaRelative,
    /// Persian امسال، پارسال: this or last (Solar) year.
    FaYearWord,
    /// A mark after a year that makes it Solar Hijri: شمسی، خورشیدی.
    FaSolarEra,
}
