//! Dates end to end: the extractor scored against the gold dates of the bundled samples, and
//! `qari timeline` run as a real process on the bundled archive and on a fixture file.

mod common;

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use qari::corpus::{self, Document};
use qari::extract::Extractor;
use qari::extract::dates::extract_dates;
use serde_json::Value;

const GOLD: &str = include_str!("fixtures/seeds-gold.json");
/// The gold of the bundled Persian article (005), annotated under its source name.
const PERSIAN_GOLD: &str = include_str!("fixtures/devsets/fa/bundle/gold.json");
const PERSIAN_FILE: (&str, &str) =
    ("005_63771173af4ef4d5.txt", "wikinews_iran_space_1390-04-17.txt");

/// One gold date, located in its document.
#[derive(Debug, Clone, PartialEq, Eq)]
struct GoldDate {
    range: Range<usize>,
    value: String,
}

/// The gold publication date and the gold dates of `file`, each located in `text` by
/// searching in document order (the gold lists mentions in order, without offsets).
fn gold_for(file: &str, text: &str) -> (Option<NaiveDate>, Vec<GoldDate>) {
    let (gold, key) =
        if file == PERSIAN_FILE.0 { (PERSIAN_GOLD, PERSIAN_FILE.1) } else { (GOLD, file) };
    let gold: Value = serde_json::from_str(gold).expect("gold parses");
    let entry = &gold[key];
    let published =
        entry["pub_date"].as_str().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let mut from = 0;
    let mut dates = Vec::new();
    for d in entry["dates"].as_array().expect("dates array") {
        let t = d["text"].as_str().expect("text");
        let start =
            from + text[from..].find(t).unwrap_or_else(|| panic!("{file}: {t:?} not found"));
        from = start + t.len();
        dates.push(GoldDate {
            range: start..from,
            value: d["value"].as_str().expect("value").into(),
        });
    }
    (published, dates)
}

/// Matched, predicted and gold counts: a prediction matches a gold date with the same span
/// and the same value.
fn score(predicted: &[GoldDate], gold: &[GoldDate]) -> (usize, usize, usize) {
    let mut left: Vec<&GoldDate> = gold.iter().collect();
    let mut matched = 0;
    for p in predicted {
        if let Some(i) = left.iter().position(|g| *g == p) {
            left.swap_remove(i);
            matched += 1;
        }
    }
    (matched, predicted.len(), gold.len())
}

fn file_name(doc: &Document) -> &str {
    doc.path.rsplit('/').next().unwrap_or(&doc.path)
}

#[test]
fn dates_match_the_gold_on_the_samples() {
    let corpus = corpus::load_bundled();
    assert_eq!(corpus.documents.len(), 6);
    let (mut all, mut outside) = ((0, 0, 0), (0, 0, 0));
    for doc in &corpus.documents {
        let (gold_pub, gold) = gold_for(file_name(doc), &doc.text);
        // The corpus layer may not detect 001's date line yet: use the gold publication date
        // then, and never a different one.
        assert!(doc.date.is_none() || doc.date == gold_pub, "{}: date {:?}", doc.path, doc.date);
        let published = doc.date.or(gold_pub);
        let located: Vec<GoldDate> = extract_dates(&doc.text, published)
            .into_iter()
            .map(|m| GoldDate { range: m.range.clone(), value: m.value_string() })
            .collect();
        // The gold annotates every file whole (001's "Related news" list included).
        let (m, p, g) = score(&located, &gold);
        all = (all.0 + m, all.1 + p, all.2 + g);
        // The body alone, outside the boilerplate the corpus layer finds (what shows folded).
        let body = |d: &&GoldDate| {
            doc.boilerplate
                .as_ref()
                .is_none_or(|s| d.range.end <= s.start || d.range.start >= s.end)
        };
        let in_body =
            |ds: &[GoldDate]| -> Vec<GoldDate> { ds.iter().filter(body).cloned().collect() };
        let (m, p, g) = score(&in_body(&located), &in_body(&gold));
        outside = (outside.0 + m, outside.1 + p, outside.2 + g);
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let (precision, recall) = (ratio(all.0, all.1), ratio(all.0, all.2));
    eprintln!(
        "dates, whole files: {}/{} predicted correct, {}/{} gold found",
        all.0, all.1, all.0, all.2
    );
    eprintln!(
        "dates, body only: {}/{} correct, {}/{} gold outside the boilerplate found",
        outside.0, outside.1, outside.0, outside.2
    );
    // Achieved on the samples: 39/39 both ways (36 in the five, 3 in the Persian one, its
    // Solar Hijri date line among them). The bar allows one miss.
    assert!(all.2 >= 39, "gold has {} dates", all.2);
    assert!(precision >= 0.97, "precision {precision:.3}");
    assert!(recall >= 0.97, "recall {recall:.3}");
    assert!(ratio(outside.0, outside.1) >= 0.97 && ratio(outside.0, outside.2) >= 0.97);
}

/// `qari timeline --json [paths]`, parsed.
fn timeline_json(paths: &[&str]) -> Vec<Value> {
    let out =
        common::qari::qari().arg("timeline").arg("--json").args(paths).output().expect("qari runs");
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn field<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} missing in {v}"))
}

#[test]
fn timeline_json_on_the_bundled_archive_is_sorted_and_agrees_with_the_extractor() {
    let lines = timeline_json(&[]);
    assert!(!lines.is_empty());
    let values: Vec<&str> = lines.iter().map(|l| field(l, "value")).collect();
    let mut sorted = values.clone();
    sorted.sort();
    assert_eq!(values, sorted, "oldest first");
    for l in &lines {
        let (text, sentence) = (field(l, "text"), field(l, "sentence"));
        assert!(sentence.contains(text), "{text:?} not in {sentence:?}");
        assert!(sentence.chars().count() <= 242, "{sentence:?}");
        let len = match field(l, "granularity") {
            "day" => 10,
            "month" => 7,
            "year" => 4,
            g => panic!("granularity {g}"),
        };
        assert_eq!(field(l, "value").len(), len, "{l}");
        assert!(field(l, "path").starts_with("assets/corpus/"));
        assert!(!field(l, "title").is_empty());
    }
    // The same (path, value, words) as the extractor gives each document.
    let extractor = Extractor::new();
    let mut expected: HashMap<(String, String, String), usize> = HashMap::new();
    for doc in &corpus::load_bundled().documents {
        for d in extractor.extract(doc).dates {
            let key = (doc.path.clone(), d.value_string(), doc.text[d.range.clone()].to_string());
            *expected.entry(key).or_default() += 1;
        }
    }
    let mut got: HashMap<(String, String, String), usize> = HashMap::new();
    for l in &lines {
        let key = (field(l, "path").into(), field(l, "value").into(), field(l, "text").into());
        *got.entry(key).or_default() += 1;
    }
    assert_eq!(got, expected);
    // Absolute dates of the samples are there whatever the publication dates.
    for (value, text) in [("1973-10", "October 1973"), ("2019-06", "حزيران 2019"), ("2007", "2007")]
    {
        assert!(
            lines.iter().any(|l| field(l, "value") == value && field(l, "text") == text),
            "{value} {text}"
        );
    }
}

#[test]
fn timeline_of_a_file_reads_arabic_and_english_dates() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dates/arabic-and-english.txt");
    let lines = timeline_json(&[path]);
    let got: Vec<(&str, &str)> =
        lines.iter().map(|l| (field(l, "value"), field(l, "text"))).collect();
    assert_eq!(
        got,
        [
            ("2015-12-04", "4-12-2015"),
            ("2016", "٢٠١٦"),
            ("2017-06-12", "June 12, 2017"),
            ("2018-01", "كانون الثاني 2018"),
            ("2019-06-05", "5 حزيران/يونيو 2019"),
        ]
    );
    let arabic = &lines[1];
    assert!(field(arabic, "sentence").starts_with("عقد الوزيران"), "{arabic}");
}

#[test]
fn timeline_listing_groups_by_year_and_month() {
    let out = common::qari::qari().arg("timeline").output().expect("qari runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let years: Vec<&str> =
        text.lines().filter(|l| l.len() == 4 && l.chars().all(|c| c.is_ascii_digit())).collect();
    let mut sorted = years.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(years, sorted, "one heading per year, in order");
    assert!(years.contains(&"1973") && years.contains(&"2019"));
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| *l == "  October 1973").expect("month heading");
    assert!(lines[at + 1].contains("“October 1973”"), "{}", lines[at + 1]);
}

#[test]
fn timeline_of_a_missing_file_fails_naming_it() {
    let out = common::qari::qari()
        .args(["timeline", "--json", "no/such/article.txt"])
        .output()
        .expect("qari runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/article.txt"));
}

/// Every Solar Hijri pair of `tests/fixtures/solar_hijri_pairs.tsv` (printed pairs and
/// computed ones, Iranian and Afghan month names) converts to its Gregorian day.
#[test]
fn solar_hijri_dates_convert_to_the_fixture_pairs() {
    use qari::text::calendar::solar_hijri_to_gregorian;
    use qari::text::normalize::fold_str;
    // Persian is not a registered language yet: its CLDR month names read here directly.
    let names = [
        include_str!("../assets/lang/fa/calendar.tsv"),
        include_str!("../assets/lang/fa/calendar-extra.tsv"),
    ];
    let months: HashMap<String, u32> = names
        .iter()
        .flat_map(|t| t.lines())
        .filter_map(|l| match l.split('\t').collect::<Vec<_>>()[..] {
            ["persian", "month", n, _, _, name, ..] => Some((fold_str(name), n.parse().ok()?)),
            _ => None,
        })
        .collect();
    let month_in = |w: &str| months.get(w).copied();
    let tsv = include_str!("fixtures/solar_hijri_pairs.tsv");
    let mut checked = 0;
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let [persian, gregorian, ..] = line.split('\t').collect::<Vec<_>>()[..] else { continue };
        let Ok(want) = NaiveDate::parse_from_str(gregorian, "%Y-%m-%d") else { continue };
        let folded = fold_str(persian);
        let words: Vec<&str> =
            folded.split(|c: char| c.is_whitespace() || matches!(c, ',' | '-')).collect();
        let numbers: Vec<u32> = words.iter().filter_map(|w| w.parse().ok()).collect();
        let month = words.iter().find_map(|w| month_in(w));
        let ymd = match (month, &numbers[..]) {
            (Some(m), [a, b]) if *a > 31 => Some((*a, m, *b)),
            (Some(m), [a, b]) => Some((*b, m, *a)),
            // "۱۳۹۶/۱۱/۱۴": year, month, day.
            (None, []) => {
                let parts: Vec<u32> = words
                    .iter()
                    .find(|w| w.contains('/'))
                    .map(|w| w.split('/').filter_map(|p| p.parse().ok()).collect())
                    .unwrap_or_default();
                match parts[..] {
                    [y, m, d] => Some((y, m, d)),
                    _ => None,
                }
            }
            _ => None,
        };
        // An ordinal word for the day ("چهاردهم") is a reader's job, not the conversion's.
        let Some((y, m, d)) = ymd else { continue };
        let got = solar_hijri_to_gregorian(y as i32, m, d);
        assert_eq!(got, Some(want), "{persian}");
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} pairs read");
}
