//! Table tests: each date form, its span and value, and the negatives.

use super::*;

fn d(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// `(span text, value string)` of every date in `text`.
pub(super) fn dates(text: &str, published: Option<&str>) -> Vec<(String, String)> {
    extract_dates(text, published.and_then(d))
        .into_iter()
        .map(|m| (text[m.range.clone()].to_string(), m.value_string()))
        .collect()
}

pub(super) fn one(text: &str, published: Option<&str>) -> (String, String) {
    let all = dates(text, published);
    assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
    all.into_iter().next().unwrap_or_default()
}

pub(super) fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn smoke() {
    assert_eq!(one("It was on 4 June 2018 that", None), pair("4 June 2018", "2018-06-04"));
}

#[test]
fn english_absolute_forms() {
    let cases = [
        ("on 4 June 2018 03:35", "4 June 2018", "2018-06-04"),
        ("the 4th of June, 2018.", "4th of June, 2018", "2018-06-04"),
        ("on June 12, 2019 in", "June 12, 2019", "2019-06-12"),
        ("date 2018-06-04 North", "2018-06-04", "2018-06-04"),
        ("filed 2018/06/04.", "2018/06/04", "2018-06-04"),
        ("on 4-12-2018 he", "4-12-2018", "2018-12-04"),
        ("on 12/25/2018 he", "12/25/2018", "2018-12-25"),
        ("war in October 1973.", "October 1973", "1973-10"),
        ("by Oct. 1973.", "Oct. 1973", "1973-10"),
        ("relations in 1966, opening", "1966", "1966"),
        ("In 2007, Israel bombed", "2007", "2007"),
        ("Since taking power in 2011,", "2011", "2011"),
        ("the 2015 Iran nuclear deal", "2015", "2015"),
        ("in mid-June 2019 the", "June 2019", "2019-06"),
        ("on Wednesday, June 12, 2019, the", "Wednesday, June 12, 2019", "2019-06-12"),
        ("the 2019’s vote", "2019", "2019"),
    ];
    for (text, span, value) in cases {
        assert_eq!(one(text, None), pair(span, value), "{text}");
    }
}

#[test]
fn english_negatives() {
    for text in [
        "sent some 530 troops",
        "sent some 2000 troops",
        "the 70th anniversary",
        "a total of 1,234 people and 2,019 more",
        "UN Resolution 2254 calls",
        "since the 1960s and the 1980's",
        "It may rain; they march on 12 streets",
        "a 2000km range and 1999.5 units",
        "at 20:18 on the clock",
        "version 1.2.2018.4 shipped",
        "Theresa May 30 minutes",
        "after May said",
        "20 percent and 1800 dollars",
        "over the last year and the next month",
    ] {
        assert_eq!(dates(text, Some("2018-06-04")), [], "{text}");
    }
}

#[test]
fn english_relative_forms_resolve_against_publication() {
    // 2018-06-04 is a Monday.
    let p = Some("2018-06-04");
    let cases = [
        ("state media reported on Sunday, potentially", "Sunday", "2018-06-03"),
        ("met on Monday.", "Monday", "2018-06-04"),
        ("said on May 30, North", "May 30", "2018-05-30"),
        ("a summit on June 12.", "June 12", "2018-06-12"),
        ("US 3 June 06:25", "3 June", "2018-06-03"),
        ("Turkey 31 May 19:24", "31 May", "2018-05-31"),
        ("Back in May, Trump", "May", "2018-05"),
        ("held in February.", "February", "2018-02"),
        ("in July the", "July", "2017-07"),
        ("last December, he", "last December", "2017-12"),
        ("Last year, North Korea", "Last year", "2017"),
        ("to meet this year", "this year", "2018"),
        ("next month the", "next month", "2018-07"),
        ("Since the beginning of the year, however,", "the beginning of the year", "2018"),
        ("by the end of last year", "the end of last year", "2017"),
        ("last Monday he", "last Monday", "2018-05-28"),
        ("next Friday he", "next Friday", "2018-06-08"),
        ("said yesterday that", "yesterday", "2018-06-03"),
        ("Today the talks", "Today", "2018-06-04"),
        ("During Thursday’s meeting", "Thursday", "2018-05-31"),
    ];
    for (text, span, value) in cases {
        assert_eq!(one(text, p), pair(span, value), "{text}");
    }
}

#[test]
fn relative_dates_need_a_publication_date_and_vague_ones_are_left_out() {
    for text in ["on Wednesday", "in February", "Back in May", "Last year", "May 30", "أمس"] {
        assert_eq!(dates(text, None), [], "{text}");
    }
    for text in ["Early last December, he", "late last year", "in early May", "منتصف العام الماضي"]
    {
        assert_eq!(dates(text, Some("2019-04-25")), [], "{text}");
    }
    // Lower-case month and weekday names are words, not dates.
    assert_eq!(dates("we march on sunday", Some("2019-04-25")), []);
}

#[test]
fn arabic_forms() {
    let cases = [
        ("عقد منتصف شهر حزيران 2019 في", "حزيران 2019", "2019-06"),
        ("انه في عام 2022 التقى", "2022", "2022"),
        ("في عام ٢٠١٩ قبل", "٢٠١٩", "2019"),
        ("في 5 حزيران/يونيو 2019 قال", "5 حزيران/يونيو 2019", "2019-06-05"),
        ("في كانون الثاني 2020", "كانون الثاني 2020", "2020-01"),
        ("في تشرين الأول 1973", "تشرين الأول 1973", "1973-10"),
        ("في كانون الأول 2011", "كانون الأول 2011", "2011-12"),
        ("في ٤ آذار ٢٠١٨ ", "٤ آذار ٢٠١٨", "2018-03-04"),
        ("منذ أيلول 2015", "أيلول 2015", "2015-09"),
        ("في 12 يونيه 2018", "12 يونيه 2018", "2018-06-12"),
        ("في 3 جانفي 2021", "3 جانفي 2021", "2021-01-03"),
        ("في 3 فيفري 2021", "3 فيفري 2021", "2021-02-03"),
        ("في 3 شتنبر 2021", "3 شتنبر 2021", "2021-09-03"),
        ("في ماي 2021", "ماي 2021", "2021-05"),
        ("وحزيران 2019", "حزيران 2019", "2019-06"),
        ("في سنة 1948،", "1948", "1948"),
        ("الخميس 5 حزيران 2019", "الخميس 5 حزيران 2019", "2019-06-05"),
        ("في العُقُودِ أَيّار ٢٠١٩", "أَيّار ٢٠١٩", "2019-05"),
    ];
    for (text, span, value) in cases {
        assert_eq!(one(text, None), pair(span, value), "{text}");
    }
}

#[test]
fn arabic_relative_forms() {
    // 2022-10-15 is a Saturday.
    let p = Some("2022-10-15");
    let cases = [
        ("وقال أمس إن", "أمس", "2022-10-14"),
        ("وصل أمس الأول", "أمس الأول", "2022-10-13"),
        ("وصل أول أمس", "أول أمس", "2022-10-13"),
        ("أعلن اليوم أن", "اليوم", "2022-10-15"),
        ("العام الماضي قال", "العام الماضي", "2021"),
        ("خلال السنة الماضية", "السنة الماضية", "2021"),
        ("الشهر الماضي", "الشهر الماضي", "2022-09"),
        ("هذا العام", "هذا العام", "2022"),
        ("العام المقبل", "العام المقبل", "2023"),
        ("منذ وفاة السفير في مارس.", "مارس", "2022-03"),
        ("في شهر تشرين الثاني قال", "تشرين الثاني", "2021-11"),
        ("في آذار الماضي", "آذار الماضي", "2022-03"),
        ("حزيران المقبل", "حزيران المقبل", "2023-06"),
        ("يوم الأحد", "الأحد", "2022-10-09"),
        ("الثلاثاء الماضي", "الثلاثاء الماضي", "2022-10-11"),
        ("وصل الخميس إلى", "الخميس", "2022-10-13"),
        ("في 5 حزيران قال", "5 حزيران", "2022-06-05"),
        ("في الخامس من حزيران 2019", "الخامس من حزيران 2019", "2019-06-05"),
        ("في الحادي عشر من شهر أيار", "الحادي عشر من شهر أيار", "2022-05-11"),
        ("والثالث والعشرين من آذار/مارس 2011", "الثالث والعشرين من آذار/مارس 2011", "2011-03-23"),
        ("في الثلاثين من أيلول", "الثلاثين من أيلول", "2022-09-30"),
        ("في الثاني عشر من الشهر الجاري", "الثاني عشر من الشهر الجاري", "2022-10-12"),
        ("في الحادي والعشرين من الشهر الماضي", "الحادي والعشرين من الشهر الماضي", "2022-09-21"),
    ];
    for (text, span, value) in cases {
        assert_eq!(one(text, p), pair(span, value), "{text}");
    }
}

#[test]
fn arabic_negatives() {
    let p = Some("2022-10-15");
    for text in [
        "في اليوم التالي",
        "الأحد عشر لاعبا",
        "بعد صلاة الجمعة",
        "الاثنين معا",
        "تيريزا ماي قالت",
        "مارس الضغط",
        "شارك 2000 جندي",
        "القرار 2254",
        "./انتهى9",
        "نيسان",
    ] {
        assert_eq!(dates(text, p), [], "{text}");
    }
}

#[test]
fn impossible_or_huge_input_gives_nothing_and_no_panic() {
    let p = Some("2018-06-04");
    for text in [
        "31 February 2019",
        "on 30-02-2019",
        "0000-00-00",
        "99999999999999999999 June 99999999999999",
        "June 0, 0000",
        "4 June 0000",
    ] {
        assert_eq!(dates(text, p), [], "{text}");
    }
    // Relative arithmetic at the ends of chrono's range: only "next month" exists.
    let at_min = extract_dates("last year, next month, yesterday", Some(NaiveDate::MIN));
    assert_eq!(at_min.len(), 1);
    assert_eq!(at_min[0].granularity, Granularity::Month);
    let at_max = extract_dates("next year, last month, tomorrow", Some(NaiveDate::MAX));
    assert_eq!(at_max.len(), 1);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "\u{a0}",
        "\u{3000}",
        "http://x/",
        "4",
        "12",
        "31",
        "2018",
        "١٩٧٣",
        "99999",
        "-",
        "/",
        ".",
        ",",
        ":",
        "'s",
        "th",
        " ",
        "\n",
        "June",
        "May",
        "march",
        "Sunday",
        "last",
        "in",
        "Back",
        "the",
        "beginning",
        "of",
        "year",
        "early",
        "mid",
        "حزيران",
        "كانون",
        "الأول",
        "عام",
        "في",
        "أمس",
        "اليوم",
        "الماضي",
        "شهر",
        "منتصف",
        "و",
        "ِ",
        "ـ",
        "é",
        "🙂",
    ];

    proptest! {
        #[test]
        fn any_mix_of_date_words_gives_sorted_valid_spans(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40),
            spaced in proptest::collection::vec(any::<bool>(), 40),
            day in 0i64..40_000,
        ) {
            let mut text = String::new();
            for (n, p) in picks.iter().enumerate() {
                text.push_str(PIECES[*p]);
                if spaced[n] {
                    text.push(' ');
                }
            }
            let published = NaiveDate::from_ymd_opt(1950, 1, 1)
                .and_then(|d| d.checked_add_days(chrono::Days::new(day as u64)));
            let found = extract_dates(&text, published);
            let mut end = 0;
            for m in &found {
                prop_assert!(m.range.start >= end && m.range.start < m.range.end);
                prop_assert!(text.get(m.range.clone()).is_some());
                end = m.range.end;
            }
            // Without a publication date only the absolute dates remain, unchanged.
            for m in extract_dates(&text, None) {
                prop_assert!(found.contains(&m), "{:?} lost in {:?}", m, text);
            }
        }

        #[test]
        fn every_valid_day_month_year_is_read_back(day in 0u64..80_000, form in 0usize..4) {
            let Some(date) = NaiveDate::from_ymd_opt(1800, 1, 1)
                .and_then(|d| d.checked_add_days(chrono::Days::new(day))) else { return Ok(()) };
            let text = match form {
                0 => date.format("He came on %-d %B %Y, and left.").to_string(),
                1 => date.format("He came on %B %-d, %Y and left.").to_string(),
                2 => date.format("date %Y-%m-%d here").to_string(),
                _ => date.format("on %d-%m-%Y here").to_string(),
            };
            let found = extract_dates(&text, None);
            prop_assert_eq!(found.len(), 1, "{}", text);
            prop_assert_eq!(found[0].value, date);
            prop_assert_eq!(found[0].granularity, Granularity::Day);
        }
    }
}

#[test]
fn names_times_and_glued_conjunctions() {
    let p = Some("2022-10-15");
    assert_eq!(dates("the Sunday Times said; on Bloody Sunday; Good Friday", p), []);
    assert_eq!(dates("at 1900 GMT on", p), []);
    assert_eq!(dates("اليوم الثالث", p), []);
    assert_eq!(dates("الخامس من الشهر والثاني من الطلاب", p), []);
    let got = dates("بين عامي 2011 و2014 وفي مساء الجمعة", p);
    assert_eq!(got, [pair("2011", "2011"), pair("2014", "2014"), pair("الجمعة", "2022-10-14")]);
    assert_eq!(dates("from March to June", p), [pair("March", "2022-03"), pair("June", "2022-06")]);
    assert_eq!(dates("و5 حزيران 2019", None), [pair("5 حزيران 2019", "2019-06-05")]);
    // The minutes of a time are not a day: the date after the time is read whole.
    assert_eq!(dates("09:31 August 20, 2019", p), [pair("August 20, 2019", "2019-08-20")]);
    assert_eq!(dates("3 June 06:25", p), [pair("3 June", "2022-06-03")]);
}

#[test]
fn an_arabic_anchor_word_after_a_yearless_date_fixes_its_year() {
    let p = Some("2024-11-27");
    assert_eq!(
        one("في 8 أكتوبر (تشرين الأول) الماضي", p),
        pair("8 أكتوبر (تشرين الأول) الماضي", "2024-10-08")
    );
    assert_eq!(one("في 30 ديسمبر المقبل", p), pair("30 ديسمبر المقبل", "2024-12-30"));
    assert_eq!(one("في نوفمبر الماضي", p), pair("نوفمبر الماضي", "2023-11"));
    assert_eq!(one("خلال شهر فيفري المقبل", p), pair("فيفري المقبل", "2025-02"));
    assert_eq!(one("يوم 19 نوفمبر الجاري", p), pair("19 نوفمبر الجاري", "2024-11-19"));
    assert_eq!(one("وقال اليوم (الأربعاء) إن", p), pair("اليوم (الأربعاء)", "2024-11-27"));
    assert_eq!(one("في 12 من آذار الماضي", p), pair("12 من آذار الماضي", "2024-03-12"));
    assert_eq!(one("وقال أمس الثلاثاء إن", p), pair("أمس الثلاثاء", "2024-11-26"));
    assert_eq!(one("يصل غداً الخميس إلى", p), pair("غداً الخميس", "2024-11-28"));
    // With a year the word is not needed and not taken.
    assert_eq!(one("في 8 أكتوبر 2023 الماضي", p).0, "8 أكتوبر 2023");
}

#[test]
fn earlier_and_later_make_a_relative_date_vague() {
    let p = Some("2019-06-10");
    assert_eq!(dates("Earlier this month they met; later this year they vote.", p), []);
    assert_eq!(dates("They met this month and will vote this year.", p).len(), 2);
    assert_eq!(dates("Two years later the talks resumed.", p), []);
}

#[test]
fn a_month_named_twice_is_one_expression() {
    for (text, span) in [
        ("في يناير كانون الثاني 2021 عن", "يناير كانون الثاني 2021"),
        ("في حزيران (يونيو) 2019 عن", "حزيران (يونيو) 2019"),
        ("في 15 آب/أغسطس 2019", "15 آب/أغسطس 2019"),
    ] {
        assert_eq!(one(text, None).0, span);
    }
    assert_eq!(one("وقال المبعوث الجمعة إن", Some("2022-10-18")), pair("الجمعة", "2022-10-14"));
}

#[test]
fn a_weekday_picks_the_year_of_a_yearless_date() {
    assert_eq!(
        one("Trump tweeted on Saturday, Sept. 8.", Some("2019-04-10")),
        pair("Saturday, Sept. 8", "2018-09-08")
    );
    assert_eq!(one("on Monday 3 June", Some("2019-06-05")), pair("Monday 3 June", "2019-06-03"));
}

#[test]
fn timestamps_keep_their_date_and_urls_give_none() {
    assert_eq!(one("at 2018-06-04T03:35:00Z.", None), pair("2018-06-04", "2018-06-04"));
    assert_eq!(
        dates("see https://example.com/news/2018/06/04/story-2019 and www.x.com/2017", None),
        []
    );
    assert_eq!(dates("\u{3000}http://x.org/2018-06-04", None), []);
    assert_eq!(one("\u{3000}2018-06-04", None).1, "2018-06-04");
}
