//! Calendar arithmetic for relative dates, resolved against a publication date. Every
//! function returns `None` instead of panicking on impossible dates (31 February, year 0,
//! overflow).

use chrono::{Datelike, Days, NaiveDate};

/// A day, validated.
pub(super) fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The first day of a month, validated.
pub(super) fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    ymd(year, month, 1)
}

/// January 1st of a year, validated.
pub(super) fn year_start(year: i32) -> Option<NaiveDate> {
    ymd(year, 1, 1)
}

/// `pub` shifted by `days` (negative = earlier).
pub(super) fn shift_days(published: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        published.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        published.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The most recent `weekday` (0 = Monday) on or before `published`; with `strict`, strictly
/// before ("last Monday").
pub(super) fn weekday_on_or_before(
    published: NaiveDate,
    weekday: u8,
    strict: bool,
) -> Option<NaiveDate> {
    let today = i64::from(published.weekday().num_days_from_monday());
    let mut back = (today - i64::from(weekday)).rem_euclid(7);
    if strict && back == 0 {
        back = 7;
    }
    shift_days(published, -back)
}

/// The next `weekday` strictly after `published` ("next Monday").
pub(super) fn weekday_after(published: NaiveDate, weekday: u8) -> Option<NaiveDate> {
    let today = i64::from(published.weekday().num_days_from_monday());
    let mut ahead = (i64::from(weekday) - today).rem_euclid(7);
    if ahead == 0 {
        ahead = 7;
    }
    shift_days(published, ahead)
}

/// Where a named month without a year falls relative to the publication month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MonthAnchor {
    /// "in May", "Back in May", "في مارس": the most recent such month, the current one allowed.
    OnOrBefore,
    /// "last December", "حزيران الماضي": strictly before the publication month.
    Before,
    /// "next May", "أيار المقبل": strictly after.
    After,
    /// "this May", "أيار الحالي": in the publication year.
    Same,
}

/// The first day of `month` (1–12) placed by `anchor` against `published`.
pub(super) fn named_month(
    published: NaiveDate,
    month: u32,
    anchor: MonthAnchor,
) -> Option<NaiveDate> {
    let (y, m) = (published.year(), published.month());
    let year = match anchor {
        MonthAnchor::OnOrBefore if month <= m => y,
        MonthAnchor::OnOrBefore => y.checked_sub(1)?,
        MonthAnchor::Before if month < m => y,
        MonthAnchor::Before => y.checked_sub(1)?,
        MonthAnchor::After if month > m => y,
        MonthAnchor::After => y.checked_add(1)?,
        MonthAnchor::Same => y,
    };
    month_start(year, month)
}

/// The month `delta` months from the publication month ("last month" = -1), first day.
pub(super) fn month_offset(published: NaiveDate, delta: i32) -> Option<NaiveDate> {
    let index = published.year().checked_mul(12)?.checked_add(published.month0() as i32)?;
    let target = index.checked_add(delta)?;
    month_start(target.div_euclid(12), target.rem_euclid(12) as u32 + 1)
}

/// The year `delta` years from the publication year, as its first day.
pub(super) fn year_offset(published: NaiveDate, delta: i32) -> Option<NaiveDate> {
    year_start(published.year().checked_add(delta)?)
}

/// "May 30" with no year: the year that puts the day nearest to `published` (so "said on May
/// 30" is in the past and "a summit on June 12" in the future). Ties go to the earlier date.
pub(super) fn nearest_day(published: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let y = published.year();
    [y.checked_sub(1), Some(y), y.checked_add(1)]
        .into_iter()
        .flatten()
        .filter_map(|year| ymd(year, month, day))
        .min_by_key(|d| ((*d - published).num_days().abs(), *d))
}

/// "Saturday, Sept. 8" with no year: of the years around `published` in which that day falls
/// on `weekday` (0 = Monday), the one nearest to `published`; `None` if none within ±6 years.
pub(super) fn nearest_day_on_weekday(
    published: NaiveDate,
    month: u32,
    day: u32,
    weekday: u8,
) -> Option<NaiveDate> {
    let y = published.year();
    (-6..=6)
        .filter_map(|d| y.checked_add(d))
        .filter_map(|year| ymd(year, month, day))
        .filter(|d| d.weekday().num_days_from_monday() == u32::from(weekday))
        .min_by_key(|d| ((*d - published).num_days().abs(), *d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_bare_weekday_is_the_latest_on_or_before_publication() {
        // 2018-06-04 is a Monday.
        let p = d("2018-06-04");
        assert_eq!(weekday_on_or_before(p, 6, false), Some(d("2018-06-03")));
        assert_eq!(weekday_on_or_before(p, 0, false), Some(p));
        assert_eq!(weekday_on_or_before(p, 0, true), Some(d("2018-05-28")));
        assert_eq!(weekday_on_or_before(p, 2, false), Some(d("2018-05-30")));
        assert_eq!(weekday_after(p, 0), Some(d("2018-06-11")));
    }

    #[test]
    fn named_months_and_days_are_placed_against_publication() {
        let p = d("2018-06-04");
        assert_eq!(named_month(p, 5, MonthAnchor::OnOrBefore), Some(d("2018-05-01")));
        assert_eq!(named_month(p, 6, MonthAnchor::OnOrBefore), Some(d("2018-06-01")));
        assert_eq!(named_month(p, 12, MonthAnchor::Before), Some(d("2017-12-01")));
        assert_eq!(named_month(p, 6, MonthAnchor::Before), Some(d("2017-06-01")));
        assert_eq!(named_month(p, 6, MonthAnchor::After), Some(d("2019-06-01")));
        assert_eq!(nearest_day(p, 5, 30), Some(d("2018-05-30")));
        assert_eq!(nearest_day(p, 6, 12), Some(d("2018-06-12")));
        assert_eq!(nearest_day(d("2019-01-03"), 12, 28), Some(d("2018-12-28")));
        assert_eq!(month_offset(d("2018-01-15"), -1), Some(d("2017-12-01")));
        assert_eq!(year_offset(p, -1), Some(d("2017-01-01")));
        // 2018-09-08 was a Saturday (5), 2019-09-08 a Sunday.
        assert_eq!(nearest_day_on_weekday(d("2019-04-10"), 9, 8, 5), Some(d("2018-09-08")));
    }

    #[test]
    fn impossible_dates_are_none_not_panics() {
        assert_eq!(ymd(2019, 2, 31), None);
        assert_eq!(nearest_day(d("2018-06-04"), 2, 30), None);
        assert_eq!(month_offset(NaiveDate::MAX, 1), None);
        assert_eq!(year_offset(NaiveDate::MIN, -1), None);
        assert_eq!(shift_days(NaiveDate::MIN, -1), None);
        assert_eq!(weekday_after(NaiveDate::MAX, 0), None);
    }
}
