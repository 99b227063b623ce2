//! Conversions from the Hijri calendars to Gregorian, through ICU4X's `icu_calendar`: lunar
//! Hijri by the Umm al-Qura table (the date scanner's "20 رمضان 1439 هـ") and Solar Hijri (for
//! Persian). Arithmetic only: the month names of every calendar are in `crate::lang::calendar`.
//!
//! Umm al-Qura rather than the tabular (arithmetical) rule: it is Saudi Arabia's official
//! calendar, the one Gulf and pan-Arab papers and agencies print beside the Gregorian date,
//! while the tabular rule is an arithmetic approximation that can fall a day off that table.

use chrono::NaiveDate;

/// The Gregorian date of lunar Hijri `year`-`month`-`day` (month 1 = Muharram), by the Umm
/// al-Qura calendar (Saudi Arabia's official one, which Gulf and pan-Arab papers print; a
/// proleptic rule outside its table, 1300–1600 AH). `None` for a day the month does not have.
pub fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    use icu_calendar::{Date, cal::Hijri};
    let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    let date =
        Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    iso_to_naive(&date.to_calendar(icu_calendar::Iso))
}

/// The first and last Gregorian days of lunar Hijri month `month` of `year`.
pub fn hijri_month_to_gregorian(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = hijri_to_gregorian(year, month, 1)?;
    let last =
        hijri_to_gregorian(year, month, 30).or_else(|| hijri_to_gregorian(year, month, 29))?;
    Some((first, last))
}

/// The Gregorian date of Solar Hijri (Persian) `year`-`month`-`day` (month 1 = Farvardin), by
/// ICU's Persian calendar. `None` for a day the month does not have.
pub fn solar_hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    let date = icu_calendar::Date::try_new_persian(year, month, day).ok()?;
    iso_to_naive(&date.to_calendar(icu_calendar::Iso))
}

fn iso_to_naive(iso: &icu_calendar::Date<icu_calendar::Iso>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn lunar_hijri_dates_convert_by_umm_al_qura() {
        // The Umm al-Qura table, as Arab papers print it beside the Gregorian date ("20 رمضان
        // 1439 هـ الموافق 4 يونيو 2018م"); its Ramadan 1439 began on 16 May, a day before the
        // sighted start, so it is a table and not the sighting.
        assert_eq!(hijri_to_gregorian(1439, 9, 1), d("2018-05-16"));
        assert_eq!(hijri_to_gregorian(1439, 9, 20), d("2018-06-04"));
        assert_eq!(hijri_to_gregorian(1439, 10, 1), d("2018-06-15"));
        assert_eq!(hijri_to_gregorian(1439, 12, 10), d("2018-08-21"));
        assert_eq!(hijri_to_gregorian(1445, 1, 1), d("2023-07-19"));
        assert_eq!(hijri_month_to_gregorian(1439, 9), d("2018-05-16").zip(d("2018-06-14")));
        // Shawwal 1439 had 29 days; no month has 31; there is no 13th month.
        assert_eq!(hijri_to_gregorian(1439, 10, 30), None);
        assert_eq!(hijri_to_gregorian(1439, 1, 31), None);
        assert_eq!(hijri_to_gregorian(1439, 13, 1), None);
        assert_eq!(hijri_to_gregorian(1439, 300, 1), None);
    }

    #[test]
    fn solar_hijri_dates_convert_to_gregorian() {
        assert_eq!(solar_hijri_to_gregorian(1403, 2, 4), d("2024-04-23"));
        assert_eq!(solar_hijri_to_gregorian(1400, 9, 14), d("2021-12-05"));
        assert_eq!(solar_hijri_to_gregorian(1403, 1, 1), d("2024-03-20"));
        assert_eq!(solar_hijri_to_gregorian(1399, 12, 30), d("2021-03-20"));
        // 1400 is not a leap year: Esfand has 29 days.
        assert_eq!(solar_hijri_to_gregorian(1400, 12, 30), None);
        assert_eq!(solar_hijri_to_gregorian(1400, 7, 31), None);
    }
}
