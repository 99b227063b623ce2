//! A name finds its documents in either script: through the archive's entities, the gazetteer's
//! aliases in both scripts, and the sound of a name across scripts — also inside OR branches and
//! for single words — ranked below the documents that contain the words, each saying how it
//! matched.

mod common;

use qari::corpus::Document;
use qari::extract::Extractor;
use qari::store::{SearchHit, Store};

fn bundled() -> Store {
    Store::build(qari::corpus::load_bundled(), &Extractor::new())
}

/// Paths (file names) of what `q` finds.
fn found(s: &Store, q: &str) -> Vec<String> {
    s.search(q, 20)
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .iter()
        .map(|h| s.docs[h.doc].path.rsplit('/').next().unwrap().to_string())
        .collect()
}

fn hits(s: &Store, q: &str) -> Vec<SearchHit> {
    s.search(q, 20).unwrap_or_else(|e| panic!("{q}: {e}"))
}

/// The four English samples and the Arabic one (004).
const EN: [&str; 4] = ["000_", "001_", "002_", "003_"];

fn with(found: &[String], prefix: &str) -> bool {
    found.iter().any(|f| f.starts_with(prefix))
}

#[test]
fn arabic_names_find_the_english_articles_through_the_gazetteer() {
    let s = bundled();
    // Names no English article writes in Arabic: each finds the English articles naming them.
    for (q, docs) in [
        ("ترامب", &["000_", "001_", "002_", "003_"][..]),
        ("إيران", &["001_", "002_", "003_"]),
        ("طهران", &["002_"]),
        ("واشنطن", &["002_"]),
        ("بشار الأسد", &["000_", "001_", "003_"]),
        ("الأسد", &["000_", "001_", "003_"]),
        ("ظريف", &["002_"]),
    ] {
        let f = found(&s, q);
        for d in docs {
            assert!(with(&f, d), "{q} finds {d}: {f:?}");
        }
    }
    // And says how.
    let h = hits(&s, "طهران");
    assert_eq!(h[0].via, vec!["entity Tehran ← طهران".to_string()]);
}

#[test]
fn english_names_find_the_arabic_article_also_in_or_branches_and_single_words() {
    let s = bundled();
    assert!(with(&found(&s, "Pyongyang"), "004_"));
    assert!(with(&found(&s, "\"North Korea\""), "004_"));
    // An OR branch is expanded like a whole query: the Arabic article is not lost.
    let f = found(&s, "\"North Korea\" OR Iran");
    assert!(with(&f, "004_"), "{f:?}");
    // Entity names in any script, and the English articles first (text matches rank above).
    let f = found(&s, "Damascus");
    assert!(with(&f, "004_"));
    let ar = f.iter().position(|p| p.starts_with("004_")).unwrap();
    assert!(f[..ar].iter().all(|p| EN.iter().any(|e| p.starts_with(e))), "{f:?}");
    // entity: takes any name qari can resolve, in either script.
    assert_eq!(found(&s, "entity:طهران"), found(&s, "entity:Tehran"));
    assert!(s.search("entity:\"Nobody At All\"", 5).is_err());
}

#[test]
fn a_run_of_words_naming_an_entity_is_one_name_and_a_lone_word_is_a_word() {
    let s = bundled();
    // "Ri Yong Ho Pyongyang": the first three words name the minister as one name (the Arabic
    // article writes ري يونغ هو), "Pyongyang" is a place of its own (بيونغ يانغ there).
    let h = hits(&s, "Ri Yong Ho Pyongyang");
    let arabic = h.iter().find(|h| s.docs[h.doc].path.contains("004_")).expect("004 found");
    assert_eq!(
        arabic.via,
        ["entity Ri Yong Ho ← Ri Yong Ho", "entity Pyongyang ← Pyongyang"],
        "one name of three words, not three one-word names"
    );
    // Ordinary lower-case words are not matched by sound ("meeting" is no one's name).
    assert!(hits(&s, "meeting").iter().all(|h| h.via.is_empty()));
}

fn doc(id: usize, path: &str, lang: &str, text: &str) -> Document {
    Document {
        id,
        path: path.into(),
        title: text.lines().next().unwrap_or("").into(),
        byline: None,
        date: None,
        lang: lang.into(),
        url: None,
        paragraphs: qari::corpus::paragraph_ranges(text),
        boilerplate: None,
        bytes: text.len() as u64,
        problems: Vec::new(),
        text: text.into(),
    }
}

const EN_NEWS: &str = "Talks in the north\n\nForeign Minister Kamal Rostami said on Monday that \
                       the talks would resume. Officials in the town of Qaraqosh welcomed it.";
const AR_NEWS: &str = "محادثات في الشمال\n\nوقال وزير الخارجية كمال رستمي يوم الاثنين إن \
                       المحادثات ستستأنف. ورحب مسؤولون في بلدة قرقوش بالخبر.";

fn archive(docs: Vec<Document>) -> Store {
    Store::build(
        qari::corpus::Corpus { documents: docs, problems: Vec::new(), skipped: 0 },
        &Extractor::new(),
    )
}

#[test]
fn names_the_gazetteer_does_not_know_cross_scripts_by_sound_both_ways() {
    // Both spellings in the archive: a person and a place, each way.
    let s = archive(vec![doc(0, "en.txt", "en", EN_NEWS), doc(1, "ar.txt", "ar", AR_NEWS)]);
    for q in ["Rostami", "Kamal Rostami", "Qaraqosh"] {
        assert_eq!(found(&s, q), ["en.txt", "ar.txt"], "{q}");
    }
    for q in ["رستمي", "كمال رستمي", "قرقوش"] {
        assert_eq!(found(&s, q), ["ar.txt", "en.txt"], "{q}");
    }
    // Only one spelling in the archive: the other script still finds it, by sound.
    let en_only = archive(vec![doc(0, "en.txt", "en", EN_NEWS)]);
    assert_eq!(found(&en_only, "كمال رستمي"), ["en.txt"]);
    assert_eq!(found(&en_only, "قرقوش"), ["en.txt"]);
    let ar_only = archive(vec![doc(0, "ar.txt", "ar", AR_NEWS)]);
    assert_eq!(found(&ar_only, "Rostami"), ["ar.txt"]);
    assert_eq!(found(&ar_only, "Qaraqosh"), ["ar.txt"]);
    let h = hits(&ar_only, "Rostami");
    assert!(!h[0].hits.is_empty(), "the mention is the hit, highlighted");
}

#[test]
fn the_cached_archive_resolves_names_as_the_open_one_does() {
    let dir = common::qari::TempDir::new("names");
    dir.write("en.txt", EN_NEWS);
    let home = common::qari::TempDir::new("names-home");
    let run = |q: &str| {
        let out = common::qari::qari_in(&home.0)
            .args(["search", "--json", q])
            .arg(&dir.0)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let first = run("كمال رستمي"); // builds the cache
    let second = run("كمال رستمي"); // answers from it
    assert!(first.contains("en.txt") && first.contains("entity Kamal Rostami"), "{first}");
    assert_eq!(first, second);
}

#[test]
fn qari_search_help_prints_the_query_language() {
    let out = common::qari::qari().args(["search", "--help"]).output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for part in
        ["Query language", "\"exact phrase\"", " OR ", "title:", "lang:", "after:", "entity:"]
    {
        assert!(help.contains(part), "{part} in:\n{help}");
    }
}
