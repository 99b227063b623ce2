//! Publication-date lines as real news sites print them (`fixtures/date_lines.tsv`, collected
//! from stored real pages): each must give its date through `corpus::meta::guess` when it
//! stands under the title of a small article, and an article dated only by such a line gets
//! its relative dates resolved on the store's timeline.

use std::path::Path;

use chrono::NaiveDate;
use qari::corpus::{self, meta};
use qari::extract::Extractor;
use qari::store::Store;

const LINES: &str = include_str!("fixtures/date_lines.tsv");

/// Unseen lines read before the tokenised date-line rules (measured on the parent commit).
const UNSEEN_BEFORE: usize = 17;

const EN_BODY: &str = "The ministry said on Tuesday that the new rules would take effect \
    after a review by the cabinet, which is expected to meet again next month.";
const AR_BODY: &str = "قالت الوزارة يوم الثلاثاء إن القواعد الجديدة ستدخل حيز التنفيذ بعد \
    مراجعتها من مجلس الوزراء الذي يتوقع أن يجتمع مجددا الشهر المقبل.";

/// One row of the fixture.
struct Row<'a> {
    line: &'a str,
    want: NaiveDate,
    seen: bool,
}

fn rows() -> Vec<Row<'static>> {
    LINES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "four columns: {l}");
            let want = NaiveDate::parse_from_str(f[1], "%Y-%m-%d").expect("a date");
            Row { line: f[0], want, seen: f[3] == "seen" }
        })
        .collect()
}

/// A title, the date line, and a paragraph of prose in the line's language.
fn article(line: &str) -> String {
    if line.chars().any(qari::text::script::is_arabic_letter) {
        format!("الحكومة تقر قواعد جديدة\n\n{line}\n\n{AR_BODY}")
    } else {
        format!("Government Approves New Rules\n\n{line}\n\n{EN_BODY}")
    }
}

fn guessed(line: &str) -> Option<NaiveDate> {
    let text = article(line);
    meta::guess(&text, &corpus::paragraph_ranges(&text)).date
}

#[test]
fn real_date_lines_give_the_publication_date() {
    let rows = rows();
    assert!(rows.len() >= 40, "at least 40 real lines");
    let (mut seen, mut unseen) = ((0, 0), (0, 0));
    let mut misses = Vec::new();
    for r in &rows {
        let got = guessed(r.line);
        let half = if r.seen { &mut seen } else { &mut unseen };
        half.1 += 1;
        if got == Some(r.want) {
            half.0 += 1;
        } else {
            misses.push(format!(
                "{} {:?} ≠ {}: {}",
                if r.seen { "seen" } else { "unseen" },
                got,
                r.want,
                r.line
            ));
        }
    }
    println!("date lines: seen {}/{}, unseen {}/{}", seen.0, seen.1, unseen.0, unseen.1);
    for m in &misses {
        println!("  miss {m}");
    }
    assert_eq!(seen.0, seen.1, "every seen line is read");
    assert!(unseen.0 > UNSEEN_BEFORE, "unseen {} ≤ {UNSEEN_BEFORE} before", unseen.0);
}

#[test]
fn an_article_dated_only_by_its_date_line_gets_its_relative_dates() {
    let text = "Talks Resume in Geneva\n\n\
        GENEVA--Wednesday,14th, March 2018 | 14:35\n\n\
        Delegates returned to the table on Tuesday after the mediator met both sides yesterday, \
        officials said.\n\n\
        وقال مسؤول إن الوفدين التقيا أمس في مقر الأمم المتحدة.\n";
    let corpus = corpus::read_bytes(Path::new("talks.txt"), "txt", text.as_bytes());
    assert_eq!(corpus.documents[0].date, NaiveDate::from_ymd_opt(2018, 3, 14));
    let store = Store::build(corpus, &Extractor::new());
    let values: Vec<(String, String)> = store
        .timeline()
        .iter()
        .map(|e| (text[e.range.clone()].to_string(), e.value_string()))
        .collect();
    for (words, value) in
        [("Tuesday", "2018-03-13"), ("yesterday", "2018-03-13"), ("أمس", "2018-03-13")]
    {
        assert!(
            values.iter().any(|(w, v)| w.contains(words) && v == value),
            "{words} → {value}: {values:?}"
        );
    }
}
