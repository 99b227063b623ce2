//! Persian, the third language, as a user meets it through the binary: detected per document,
//! listed and filtered (`lang:fa`), searched across scripts (ظریف finds Zarif and back), its
//! entities linked to the English and Arabic spellings, and its Solar Hijri dates given in
//! the Gregorian calendar — on the bundled Wikinews article and on three short fixtures
//! (`tests/fixtures/persian/`: one story in Persian, Arabic and English).

mod common;

use std::path::PathBuf;

use chrono::NaiveDate;
use qari::extract::dates::extract_dates;
use serde_json::Value;

use common::qari::{qari, stdout};

fn fixture(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/persian").join(name);
    p.display().to_string()
}

fn fixtures() -> Vec<String> {
    ["zarif_fa.txt", "zarif_ar.txt", "zarif_en.txt"].map(fixture).to_vec()
}

/// JSON lines of `qari ARGS`, which must succeed.
fn json_lines(args: &[&str]) -> Vec<Value> {
    let out = qari().args(args).output().expect("qari runs");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    stdout(&out).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

fn file_of(v: &Value) -> String {
    v["path"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("").to_string()
}

/// The files `qari search --json QUERY FILES…` finds, best first.
fn search(query: &str, files: &[String]) -> Vec<String> {
    let mut args = vec!["search", "--json", "--no-cache", query];
    args.extend(files.iter().map(String::as_str));
    json_lines(&args).iter().map(file_of).collect()
}

#[test]
fn each_document_gets_its_language_and_lang_fa_keeps_the_persian_one() {
    let mut args = vec!["list", "--json", "--no-cache"];
    let files = fixtures();
    args.extend(files.iter().map(String::as_str));
    let langs: Vec<(String, String)> = json_lines(&args)
        .iter()
        .map(|d| (file_of(d), d["lang"].as_str().unwrap_or("").to_string()))
        .collect();
    assert!(langs.contains(&("zarif_fa.txt".into(), "fa".into())), "{langs:?}");
    assert!(langs.contains(&("zarif_ar.txt".into(), "ar".into())), "{langs:?}");
    assert!(langs.contains(&("zarif_en.txt".into(), "en".into())), "{langs:?}");
    assert_eq!(search("lang:fa", &files), ["zarif_fa.txt"]);
    assert!(!search("-lang:fa ظریف", &files).contains(&"zarif_fa.txt".to_string()));
    // The bundled archive lists its Persian article as fa.
    let bundled = json_lines(&["list", "--json"]);
    let fa: Vec<String> =
        bundled.iter().filter(|d| d["lang"] == "fa").map(file_of).collect::<Vec<_>>();
    assert_eq!(fa, ["005_63771173af4ef4d5.txt"]);
}

#[test]
fn a_name_finds_its_documents_in_all_three_scripts() {
    let files = fixtures();
    for q in ["Zarif", "ظریف", "ظريف", "Pyongyang", "پیونگ‌یانگ", "پیونگیانگ", "بيونغ يانغ"]
    {
        let found = search(q, &files);
        for f in ["zarif_fa.txt", "zarif_ar.txt", "zarif_en.txt"] {
            assert!(found.contains(&f.to_string()), "{q} finds {f}: {found:?}");
        }
    }
    // The bundled English article naming Zarif is found by the Persian spelling.
    let out = qari().args(["search", "--json", "ظریف"]).output().expect("qari runs");
    let hits: Vec<String> = stdout(&out)
        .lines()
        .map(|l| file_of(&serde_json::from_str(l).expect("JSON line")))
        .collect();
    assert!(hits.iter().any(|f| f.starts_with("002_")), "{hits:?}");
}

#[test]
fn persian_plurals_and_suffixes_find_the_singular() {
    let files = fixtures();
    // گفت‌وگوها (plural, ZWNJ) is found by گفت‌وگو and by the form without the ZWNJ.
    for q in ["گفت‌وگو", "گفتوگو", "گفتوگوها"] {
        assert_eq!(search(q, &files), ["zarif_fa.txt"], "{q}");
    }
}

#[test]
fn the_three_spellings_of_one_person_and_one_city_share_their_canonical_names() {
    let files = fixtures();
    let mut args = vec!["entities", "--json", "--no-cache"];
    args.extend(files.iter().map(String::as_str));
    let docs = json_lines(&args);
    for d in &docs {
        let canon: Vec<(&str, &str)> = d["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["text"].as_str().unwrap(), e["canonical"].as_str().unwrap()))
            .collect();
        let named = |c: &str| canon.iter().any(|(_, k)| *k == c);
        assert!(named("Mohammad Javad Zarif"), "{}: {canon:?}", file_of(d));
        assert!(named("Pyongyang"), "{}: {canon:?}", file_of(d));
    }
    let fa = docs.iter().find(|d| d["lang"] == "fa").expect("the Persian document");
    let texts: Vec<&str> =
        fa["entities"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"محمدجواد ظریف") && texts.contains(&"پیونگ‌یانگ"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("وزیر")), "the title is not the name: {texts:?}");
    let dates = fa["dates"].as_array().unwrap();
    assert_eq!(dates.len(), 1, "{dates:?}");
    assert_eq!(dates[0]["text"], "۴ اردیبهشت ۱۴۰۳");
    assert_eq!(dates[0]["value"], "2024-04-23");
}

#[test]
fn the_bundled_wikinews_article_names_its_bodies_and_dates_in_gregorian() {
    let docs = json_lines(&["entities", "--json"]);
    let fa = docs.iter().find(|d| file_of(d).starts_with("005_")).expect("bundled 005");
    assert_eq!(fa["lang"], "fa");
    assert_eq!(fa["date"], "2011-07-08", "from «جمعه ۱۷ تیر ۱۳۹۰، ۸ ژوئیه ۲۰۱۱»");
    let ents: Vec<(&str, &str, &str)> = fa["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["text"].as_str().unwrap(),
                e["type"].as_str().unwrap(),
                e["canonical"].as_str().unwrap(),
            )
        })
        .collect();
    for want in [
        ("سازمان فضایی جمهوری اسلامی ایران", "ORG", "Iranian Space Agency"),
        ("دانشگاه علم و صنعت", "ORG", "Iran University of Science and Technology"),
        ("بی بی سی فارسی", "ORG", "BBC Persian"),
        ("ایران", "PLACE", "Iran"),
    ] {
        assert!(ents.contains(&want), "{want:?} in {ents:?}");
    }
    let dates: Vec<(&str, &str)> = fa["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["text"].as_str().unwrap(), d["value"].as_str().unwrap()))
        .collect();
    assert_eq!(
        dates,
        [
            ("جمعه ۱۷ تیر ۱۳۹۰", "2011-07-08"),
            ("۸ ژوئیه ۲۰۱۱", "2011-07-08"),
            ("۸ ژوئیهٔ ۲۰۱۱", "2011-07-08")
        ]
    );
}

#[test]
fn solar_hijri_dates_in_text_are_given_their_gregorian_day() {
    let tsv = include_str!("fixtures/solar_hijri_pairs.tsv");
    let mut read = 0;
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let [persian, gregorian, ..] = line.split('\t').collect::<Vec<_>>()[..] else { continue };
        let want = NaiveDate::parse_from_str(gregorian, "%Y-%m-%d").expect("gregorian");
        let got = extract_dates(persian, None);
        assert_eq!(got.len(), 1, "{persian}: {got:?}");
        assert_eq!(got[0].value, want, "{persian}");
        assert_eq!(&persian[got[0].range.clone()], persian.trim(), "{persian}: the whole span");
        read += 1;
    }
    assert_eq!(read, 49, "{read} pairs read");
    // A Solar month or year without a day spans two Gregorian ones: no mention; a day without
    // a year is the one nearest publication.
    let published = NaiveDate::from_ymd_opt(2024, 5, 1);
    for vague in ["اردیبهشت ۱۴۰۳", "اردیبهشت امسال", "سال ۱۳۹۷ شمسی", "در ۱۴۰۳ و", "سال گذشته"]
    {
        assert!(extract_dates(vague, published).is_empty(), "{vague}");
    }
    let d = extract_dates("روز ۴ اردیبهشت", published);
    assert_eq!(d[0].value, NaiveDate::from_ymd_opt(2024, 4, 23).unwrap());
    // "سه شنبه" written apart is Tuesday, not Saturday (2024-05-01 is a Wednesday).
    let d = extract_dates("روز سه شنبه", published);
    assert_eq!(
        (d[0].value.to_string(), &"روز سه شنبه"[d[0].range.clone()]),
        ("2024-04-30".into(), "سه شنبه")
    );
    let y = extract_dates("دیروز و امروز و فردا", published);
    let values: Vec<String> = y.iter().map(|m| m.value.to_string()).collect();
    assert_eq!(values, ["2024-04-30", "2024-05-01", "2024-05-02"]);
    // ZWNJ kept or lost, a weekday joined to its date is one span.
    for w in ["سه‌شنبه ۱۴ آذر ۱۴۰۲", "سهشنبه ۱۴ آذر ۱۴۰۲", "سه شنبه ۱۴ آذر ۱۴۰۲"]
    {
        let d = extract_dates(w, None);
        assert_eq!((d.len(), d[0].range.clone()), (1, 0..w.len()), "{w}");
    }
}

/// Entity mentions of a Persian `text` as (surface, type).
fn persian_mentions(text: &str) -> Vec<(String, &'static str)> {
    let x = qari::extract::Extractor::new();
    x.mentions_in(text, qari::lang::get("fa"))
        .into_iter()
        .map(|m| (text[m.range].to_string(), m.kind.label()))
        .collect()
}

#[test]
fn persian_cue_words_find_people_bodies_and_places_the_gazetteer_does_not_know() {
    let has = |text: &str, want: &[(&str, &str)]| {
        let got = persian_mentions(text);
        for (s, k) in want {
            assert!(got.iter().any(|(g, gk)| g == s && gk == k), "{s} {k} in {got:?}");
        }
        got
    };
    // A title and its qualifiers, then the name; the title is not part of it.
    has("وزیر امور خارجه ایران پرویز صفایی گفت مذاکرات ادامه دارد.", &[("پرویز صفایی", "PERSON")]);
    // A given name and the word after it; a name before a reporting verb.
    has("در این نشست، بهرام کیانی حضور داشت.", &[("بهرام کیانی", "PERSON")]);
    // An organisation's head and the words in ezafe, a known place ending it, a compound
    // verb's noun left out.
    has("سازمان بنادر ایران اعلام کرد.", &[("سازمان بنادر ایران", "ORG")]);
    let got = has("مرکز پژوهش‌های مجلس باعث شد.", &[]);
    assert!(!got.iter().any(|(s, _)| s.contains("باعث")), "{got:?}");
    // A name in guillemets after a head; a province by its head.
    has("روزنامه «آفتاب یزد» نوشت", &[("آفتاب یزد", "ORG")]);
    has("زلزله در استان ایلام خسارت زد.", &[("استان ایلام", "PLACE")]);
}

#[test]
fn a_persian_paragraph_in_an_arabic_article_is_read_by_the_persian_rules() {
    let arabic = "قال وزير الخارجية السوري في مؤتمر صحفي عقده في دمشق يوم الثلاثاء إن المحادثات مع \
                  الجانب الإيراني ستستمر خلال الأسابيع المقبلة، وإن البلدين يعملان على توسيع \
                  التعاون الاقتصادي بينهما.";
    let persian = "سخنگوی وزارت امور خارجه ایران، بهرام قاسمی روز سه‌شنبه در نشست خبری گفت که \
                   گفتگوها با سوریه ادامه پیدا می‌کند و دو کشور برای گسترش همکاری‌های اقتصادی \
                   تلاش می‌کنند.";
    let dir = common::qari::TempDir::new("mixed-script");
    dir.write("mix.txt", &format!("محادثات في طهران\n\n{arabic}\n\n{persian}\n"));
    let out = qari().args(["entities", "--json", "--no-cache"]).arg(dir.join("")).output().unwrap();
    let doc: Value =
        serde_json::from_str(stdout(&out).lines().next().expect("one document")).unwrap();
    assert_eq!(doc["lang"], "ar", "the article is Arabic");
    let people: Vec<&str> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "PERSON")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    // The Persian title cue (سخنگوی …) names him; the Arabic rules do not read Persian.
    assert_eq!(people, ["بهرام قاسمی"], "{doc}");
}
