//! Table tests for Hijri dates, ranges and the relative expressions added with them.

use super::tests::{dates, one, pair};

#[test]
fn hijri_dates_convert_to_gregorian() {
    // Umm al-Qura: 20 Ramadan 1439 = 4 June 2018, as papers print the pair.
    let cases = [
        ("صدر في 20 رمضان 1439 هـ عن", "20 رمضان 1439", "2018-06-04"),
        ("صدر في 20 رمضان 1439هـ عن", "20 رمضان 1439", "2018-06-04"),
        ("في ٢٠ رمضان ١٤٣٩ هـ", "٢٠ رمضان ١٤٣٩", "2018-06-04"),
        ("بتاريخ ١٤٣٩/٩/٢٠ هـ", "١٤٣٩/٩/٢٠ هـ", "2018-06-04"),
        ("بتاريخ 20/9/1439هـ", "20/9/1439هـ", "2018-06-04"),
        ("الاثنين 20 رمضان 1439 هـ", "الاثنين 20 رمضان 1439", "2018-06-04"),
        ("في 1 شوّال 1439 هـ", "1 شوّال 1439", "2018-06-15"),
        ("في 10 ذي الحجة 1439 هـ", "10 ذي الحجة 1439", "2018-08-21"),
        ("في 5 جمادى الآخرة 1440 هـ", "5 جمادى الآخرة 1440", "2019-02-10"),
        ("في 5 جمادى الثانية 1440", "5 جمادى الثانية 1440", "2019-02-10"),
        ("في 12 ربيع الأول 1440 للهجرة", "12 ربيع الأول 1440", "2018-11-20"),
        ("في 1 محرم 1445 هـ", "1 محرم 1445", "2023-07-19"),
    ];
    for (text, span, value) in cases {
        assert_eq!(one(text, None), pair(span, value), "{text}");
    }
}

#[test]
fn a_hijri_date_and_its_gregorian_pair_are_both_read() {
    let got = dates("الاثنين 20 رمضان 1439 هـ الموافق 4 يونيو 2018م", None);
    assert_eq!(
        got,
        [pair("الاثنين 20 رمضان 1439", "2018-06-04"), pair("4 يونيو 2018", "2018-06-04")]
    );
    // A real date line (tests/fixtures/date_lines.tsv): both halves name 31 July 2021.
    let got = dates("السبت 21 ذو الحجة 1442 هـ الموافق لـ 31 جويلية 2021م", None);
    assert_eq!(
        got,
        [pair("السبت 21 ذو الحجة 1442", "2021-07-31"), pair("31 جويلية 2021", "2021-07-31")]
    );
    let got = dates("4 يونيو 2018 الموافق 20 رمضان 1439 هـ", None);
    assert_eq!(got, [pair("4 يونيو 2018", "2018-06-04"), pair("20 رمضان 1439", "2018-06-04")]);
}

#[test]
fn hijri_months_and_years_alone_are_left_out_and_names_need_a_year() {
    let p = Some("2018-06-04");
    for text in [
        // Ramadan 1439 runs from 16 May to 14 June 2018: no one Gregorian month.
        "خلال شهر رمضان 1439 هـ",
        "في عام 1439 هـ",
        "في عام 1439هـ",
        // A name without a year or mark is a word (صفر = zero, رجب a name) or a relative
        // month the conventions do not value.
        "في رمضان قال",
        "نتيجة صفر",
        "قال رجب طيب أردوغان",
        "في 20 رمضان",
        // 30 Shawwal 1439 did not exist (the month had 29 days).
        "في 30 شوال 1439 هـ",
    ] {
        assert_eq!(dates(text, p), [], "{text}");
    }
    // A numeric date without the mark stays Gregorian.
    assert_eq!(one("في 2018/06/04 قال", None), pair("2018/06/04", "2018-06-04"));
}

#[test]
fn day_ranges_are_one_mention_valued_at_their_start() {
    let p = Some("2018-05-20");
    let cases = [
        ("on 3-4 June the", "3-4 June", "2018-06-03"),
        ("on 3–4 June 2018 the", "3–4 June 2018", "2018-06-03"),
        ("on June 3-4 the", "June 3-4", "2018-06-03"),
        ("on June 3-4, 2019 the", "June 3-4, 2019", "2019-06-03"),
        ("from 3 to 5 June the", "3 to 5 June", "2018-06-03"),
        ("between 3 and 4 June the", "3 and 4 June", "2018-06-03"),
        ("from 3 to 5 June 2018 the", "3 to 5 June 2018", "2018-06-03"),
        ("from 3 June to 5 July 2018 the", "3 June to 5 July 2018", "2018-06-03"),
        ("from 28 December to 3 January 2019", "28 December to 3 January 2019", "2018-12-28"),
        ("بين 3 و4 حزيران", "3 و4 حزيران", "2018-06-03"),
        ("من 3 إلى 5 يونيو", "3 إلى 5 يونيو", "2018-06-03"),
        ("في 3-4 حزيران 2019", "3-4 حزيران 2019", "2019-06-03"),
        ("يومي 3 و4 يونيو", "3 و4 يونيو", "2018-06-03"),
        ("يومي 3 و 4 يونيو 2017", "3 و 4 يونيو 2017", "2017-06-03"),
    ];
    for (text, span, value) in cases {
        assert_eq!(one(text, p), pair(span, value), "{text}");
    }
    // Two dates listed across months stay two; a backwards "range" is not one.
    assert_eq!(
        dates("on 3 June and 5 July 2018", p),
        [pair("3 June", "2018-06-03"), pair("5 July 2018", "2018-07-05")]
    );
    assert_eq!(one("a 5-3 win on 4 June", p), pair("4 June", "2018-06-04"));
    // A year-less range needs a publication date.
    assert_eq!(dates("on 3-4 June the", None), []);
}

#[test]
fn more_relative_expressions_resolve_against_publication() {
    // 2018-06-04 is a Monday.
    let p = Some("2018-06-04");
    let cases = [
        ("said the day before yesterday that", "the day before yesterday", "2018-06-02"),
        ("due the day after tomorrow", "the day after tomorrow", "2018-06-06"),
        ("will meet this Friday", "this Friday", "2018-06-08"),
        ("met last Sunday", "last Sunday", "2018-06-03"),
        ("this month the", "this month", "2018-06"),
        ("last month the", "last month", "2018-05"),
        ("next year the", "next year", "2019"),
        ("يصل بعد غد إلى", "بعد غد", "2018-06-06"),
        ("وصل غداً", "غداً", "2018-06-05"),
        ("الشهر القادم", "الشهر القادم", "2018-07"),
        ("الشهر المقبل", "الشهر المقبل", "2018-07"),
        ("السنة المقبلة", "السنة المقبلة", "2019"),
        ("العام الماضي", "العام الماضي", "2017"),
        ("الأحد المقبل", "الأحد المقبل", "2018-06-10"),
        ("الأحد الماضي", "الأحد الماضي", "2018-06-03"),
        ("أول أمس", "أول أمس", "2018-06-02"),
    ];
    for (text, span, value) in cases {
        assert_eq!(one(text, p), pair(span, value), "{text}");
    }
    // Durations, vague anchors, decades and seasons are not dates.
    for text in [
        "in recent years",
        "for three years",
        "over the last year",
        "the day before the vote",
        "in the summer",
        "in the 1990s",
        "خلال السنوات الأخيرة",
        "منذ ثلاث سنوات",
    ] {
        assert_eq!(dates(text, p), [], "{text}");
    }
    assert_eq!(dates("the day before yesterday", None), []);
}

#[test]
fn a_yearless_month_named_twice_keeps_only_its_first_name() {
    // From a Global Voices article (tests/fixtures/devsets/ar): the smallest span.
    let p = Some("2014-12-11");
    assert_eq!(one("في 26 أكتوبر / تشرين الأول قال", p), pair("26 أكتوبر", "2014-10-26"));
    assert_eq!(
        one("في الحادي عشر من ديسمبر / كانون الأول", p),
        pair("الحادي عشر من ديسمبر", "2014-12-11")
    );
    assert_eq!(one("في أكتوبر / تشرين الأول قال", p), pair("أكتوبر", "2014-10"));
    // "في هذا اليوم" is "on this day", not today.
    assert_eq!(dates("في هذا اليوم قبل 10 أعوام", p), []);
}
