//! Search over a small hand-made archive (with hand-made entity mentions) and over the bundled
//! archive: stemming, Arabic normalisation, phrases, OR, exclusion, fields, dates, entities
//! across scripts, hit and snippet offsets, malformed queries, and `qari search` as a process.

mod common;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use qari::corpus::Document;
use qari::extract::{Annotations, EntityKind, Extractor, Mention};
use qari::store::{SearchHit, Store};
use qari::text::normalize::fold_str;

fn doc(id: usize, title: &str, lang: &str, date: &str, body: &str) -> Document {
    let text = format!("{title}\n{body}");
    Document {
        id,
        path: format!("fixtures/search/{id}.txt"),
        title: title.into(),
        byline: None,
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        lang: lang.into(),
        url: None,
        paragraphs: qari::corpus::paragraph_ranges(&text),
        boilerplate: None,
        bytes: text.len() as u64,
        problems: Vec::new(),
        text,
    }
}

/// Mentions of `surface` (every occurrence) as entity `id`.
fn mentions(
    d: &Document,
    surface: &str,
    id: &str,
    canonical: &str,
    kind: EntityKind,
) -> Vec<Mention> {
    d.text
        .match_indices(surface)
        .map(|(i, s)| Mention {
            range: i..i + s.len(),
            kind,
            entity: id.into(),
            canonical: canonical.into(),
        })
        .collect()
}

struct Fixture {
    docs: Vec<Document>,
    store: Store,
}

impl Fixture {
    fn new() -> Fixture {
        let docs = vec![
            doc(
                0,
                "Sanctions bite in Pyongyang",
                "en",
                "2018-05-20",
                "New sanctions on North Korea were announced.\nOfficials in Pyongyang said the measures would fail.",
            ),
            doc(
                1,
                "Summit plans",
                "en",
                "2018-06-04",
                "Kim Jong Un will meet the president in Singapore. Ri Yong Ho attended the talks.",
            ),
            doc(
                2,
                "عقوبات جديدة",
                "ar",
                "2019-06-15",
                "فرضت الولايات المتحدة العُقُوبَات على كوريا.\nوقال وزير الخارجية ري يونغ هو في بيونج يانج إن الإجراءات والعقوبات فاشلة.",
            ),
            doc(
                3,
                "Trade talk",
                "en",
                "",
                "North and South Korea discussed trade. No sanction was mentioned. A summit is planned.",
            ),
            doc(
                4,
                "أخبار إيران",
                "ar",
                "2017-01-10",
                "أعلنت وإيران وكوريا الاتفاق، وقالت الخارجية إن الإمبريالية انتهت.",
            ),
        ];
        let pyongyang =
            |d: &Document, s: &str| mentions(d, s, "plc:pyongyang", "Pyongyang", EntityKind::Place);
        let ri = |d: &Document, s: &str| {
            mentions(d, s, "per:ri_yong_ho", "Ri Yong Ho", EntityKind::Person)
        };
        let annotations: Vec<Annotations> = vec![
            Annotations { mentions: pyongyang(&docs[0], "Pyongyang"), dates: Vec::new() },
            Annotations { mentions: ri(&docs[1], "Ri Yong Ho"), dates: Vec::new() },
            Annotations {
                mentions: [ri(&docs[2], "ري يونغ هو"), pyongyang(&docs[2], "بيونج يانج")].concat(),
                dates: Vec::new(),
            },
            Annotations::default(),
            Annotations::default(),
        ];
        let store = Store::from_parts(docs.clone(), annotations, Vec::new(), 0, true);
        Fixture { docs, store }
    }

    fn search(&self, q: &str) -> Vec<SearchHit> {
        self.store.search(q, 20).unwrap_or_else(|e| panic!("{q}: {e}"))
    }

    /// The ids of the documents found, as a set.
    fn found(&self, q: &str) -> BTreeSet<usize> {
        self.search(q).iter().map(|h| h.doc).collect()
    }

    /// The surface text of every hit of `q` in document `doc`.
    fn hit_texts(&self, q: &str, doc: usize) -> Vec<String> {
        let hits = self.search(q);
        let h = hits.iter().find(|h| h.doc == doc).unwrap_or_else(|| panic!("{q}: no doc {doc}"));
        h.hits.iter().map(|r| self.docs[doc].text[r.clone()].to_string()).collect()
    }
}

fn set(ids: &[usize]) -> BTreeSet<usize> {
    ids.iter().copied().collect()
}

#[test]
fn english_words_are_stemmed() {
    let f = Fixture::new();
    assert_eq!(f.found("sanction"), set(&[0, 3]));
    assert_eq!(f.found("SANCTIONS"), set(&[0, 3]));
    assert_eq!(f.hit_texts("sanction", 0), vec!["Sanctions", "sanctions"]);
    assert_eq!(f.hit_texts("sanction", 3), vec!["sanction"]);
}

#[test]
fn arabic_is_normalised_and_lightly_stemmed() {
    let f = Fixture::new();
    // With and without harakat, with the article and a leading و.
    assert_eq!(f.found("العقوبات"), set(&[2]));
    assert_eq!(f.found("العُقُوبَات"), set(&[2]));
    assert_eq!(f.hit_texts("العقوبات", 2), vec!["عقوبات", "العُقُوبَات", "والعقوبات"]);
    // أ/إ/ا variants, and a name behind a و keeps its letters (إيران is not stemmed to اير).
    assert_eq!(f.found("ايران"), set(&[4]));
    assert_eq!(f.found("إيران"), set(&[4]));
    assert_eq!(f.hit_texts("ايران", 4), vec!["إيران", "وإيران"]);
    assert_eq!(f.found("كوريا"), set(&[2, 4]));
    assert_eq!(f.found("الامبريالية"), set(&[4]));
}

#[test]
fn phrases_or_and_exclusions() {
    let f = Fixture::new();
    assert_eq!(f.found("north korea"), set(&[0, 3]));
    assert_eq!(f.found("\"north korea\""), set(&[0]));
    assert_eq!(f.hit_texts("\"north korea\"", 0), vec!["North Korea"]);
    assert_eq!(f.found("singapore OR trade"), set(&[1, 3]));
    assert_eq!(f.found("sanction -pyongyang"), set(&[3]));
    assert_eq!(f.found("sanction -\"north korea\""), set(&[3]));
    // All words must match.
    assert_eq!(f.found("sanction singapore"), set(&[]));
}

#[test]
fn title_lang_and_date_fields() {
    let f = Fixture::new();
    assert_eq!(f.found("summit"), set(&[1, 3]));
    assert_eq!(f.found("title:summit"), set(&[1]));
    assert_eq!(f.found("lang:ar"), set(&[2, 4]));
    assert_eq!(f.found("lang:en sanction"), set(&[0, 3]));
    assert_eq!(f.found("-lang:en كوريا"), set(&[2, 4]));
    // after: is inclusive of its day, before: exclusive; undated documents never match.
    assert_eq!(f.found("after:2018-06-04"), set(&[1, 2]));
    assert_eq!(f.found("before:2018-06-04"), set(&[0, 4]));
    assert_eq!(f.found("after:2018 before:2019"), set(&[0, 1]));
    assert_eq!(f.found("after:2018-06"), set(&[1, 2]));
    assert_eq!(f.found("sanction after:2018"), set(&[0]));
}

#[test]
fn entities_match_in_any_script_below_text_matches() {
    let f = Fixture::new();
    assert_eq!(f.found("entity:\"Ri Yong Ho\""), set(&[1, 2]));
    assert_eq!(f.found("entity:\"ري يونغ هو\""), set(&[1, 2]));
    assert_eq!(f.hit_texts("entity:\"Ri Yong Ho\"", 2), vec!["ري يونغ هو"]);

    // Pyongyang finds the Arabic article that writes بيونج يانج, after the English one.
    let hits = f.search("Pyongyang");
    let order: Vec<usize> = hits.iter().map(|h| h.doc).collect();
    assert_eq!(order, vec![0, 2]);
    assert!(hits[1].score < hits[0].score);
    assert_eq!(f.hit_texts("Pyongyang", 2), vec!["بيونج يانج"]);
    assert_eq!(f.hit_texts("Pyongyang", 0), vec!["Pyongyang", "Pyongyang"]);
    // A quoted name does the same; filters still apply to the entity matches.
    assert_eq!(f.found("\"Ri Yong Ho\""), set(&[1, 2]));
    assert_eq!(f.found("\"Ri Yong Ho\" lang:en"), set(&[1]));
    assert_eq!(f.found("pyongyang -lang:ar"), set(&[0]));
}

#[test]
fn snippets_highlight_the_hit_bytes() {
    let f = Fixture::new();
    for (q, want) in [("sanction", "sanction"), ("العقوبات", "عقوب"), ("Pyongyang", "")]
    {
        for h in f.search(q) {
            assert!(!h.snippet.contains('\n'), "{q}: {:?}", h.snippet);
            assert!(!h.snippet_highlights.is_empty(), "{q}: doc {} {:?}", h.doc, h.snippet);
            for r in &h.snippet_highlights {
                let text = fold_str(&h.snippet[r.clone()]);
                assert!(text.contains(want), "{q}: {text:?}");
                // The highlighted text is one of the document's hits.
                let d = &f.docs[h.doc].text;
                assert!(h.hits.iter().any(|x| d[x.clone()] == h.snippet[r.clone()]));
            }
        }
    }
    let h = &f.search("Pyongyang")[1];
    assert_eq!(&h.snippet[h.snippet_highlights[0].clone()], "بيونج يانج");
}

#[test]
fn malformed_queries_are_errors_not_panics() {
    let f = Fixture::new();
    for q in [
        "",
        "  ",
        "\"north korea",
        "after:2018-13",
        "before:soon",
        "colour:red",
        "-sanction",
        "OR sanction",
        "sanction OR",
        "—",
        "entity:\"Nobody At All\"",
    ] {
        let e = f.store.search(q, 10).expect_err(q);
        assert!(!e.0.is_empty() && e.0.len() < 100, "{q}: {e}");
    }
    // Odd but valid input never panics.
    for q in [
        "\"\" sanction",
        "a OR b OR c",
        "-\"\" x",
        "title:\"\"x",
        "٢٠١٩",
        "x:",
        "::",
        "\u{202E}abc",
    ] {
        let _ = f.store.search(q, 10);
    }
}

fn bundled() -> Store {
    Store::build(qari::corpus::load_bundled(), &Extractor::new())
}

#[test]
fn bundled_archive_stems_folds_and_crosses_scripts() {
    let s = bundled();
    let name = |h: &SearchHit| s.docs[h.doc].path.clone();
    let sanctions = s.search("sanction", 10).unwrap();
    assert!(!sanctions.is_empty());
    for h in &sanctions {
        assert!(
            h.hits.iter().any(|r| s.text(h.doc)[r.clone()].to_lowercase().starts_with("sanction"))
        );
    }
    let ar = s.search("العقوبات", 10).unwrap();
    assert!(
        ar.iter().any(|h| name(h).contains("004_")),
        "{:?}",
        ar.iter().map(name).collect::<Vec<_>>()
    );

    // English articles write Pyongyang; the Arabic one is found through the entity, last.
    let hits = s.search("Pyongyang", 10).unwrap();
    let langs: Vec<&str> = hits.iter().map(|h| s.docs[h.doc].lang.as_str()).collect();
    assert!(langs.contains(&"en") && langs.contains(&"ar"), "{langs:?}");
    let first_ar = langs.iter().position(|l| *l == "ar").unwrap_or(0);
    assert!(langs[..first_ar].iter().all(|l| *l == "en"));
    let arabic = &hits[first_ar];
    let text = s.text(arabic.doc);
    assert!(
        arabic
            .hits
            .iter()
            .any(|r| text[r.clone()].contains("يانج") || text[r.clone()].contains("يانغ"))
    );
}

#[test]
fn qari_search_json_lines_best_first() {
    let out = common::qari::qari()
        .args(["search", "--json", "--limit", "3", "Pyongyang"])
        .output()
        .expect("qari runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 3);
    let mut last = f64::INFINITY;
    for v in &lines {
        let o = v.as_object().unwrap();
        let keys: BTreeSet<&str> = o.keys().map(String::as_str).collect();
        assert_eq!(keys, BTreeSet::from(["path", "title", "score", "snippet", "via", "hits"]));
        assert!(o["path"].as_str().unwrap().starts_with("assets/corpus/"));
        // `hits` are byte ranges of the document text as loaded (a .txt: the file's bytes).
        let file = o["path"].as_str().unwrap().trim_start_matches("assets/corpus/");
        let text = qari::corpus::BUNDLED.iter().find(|(n, _)| *n == file).unwrap().1;
        for h in o["hits"].as_array().unwrap() {
            let (a, b) = (h[0].as_u64().unwrap() as usize, h[1].as_u64().unwrap() as usize);
            assert_eq!(text[a..b].to_lowercase(), "pyongyang", "{file} {a}..{b}");
        }
        assert!(o["via"].as_array().unwrap().is_empty(), "found by its words");
        assert!(o["snippet"].as_str().unwrap().contains("Pyongyang"));
        let score = o["score"].as_f64().unwrap();
        assert!(score <= last);
        last = score;
    }

    let bad = common::qari::qari().args(["search", "\"north korea"]).output().expect("qari runs");
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unbalanced quote"));
    assert!(bad.stdout.is_empty());
}
