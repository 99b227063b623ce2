//! Entity corrections on a small store: each kind changes what the entity index, the
//! annotations, names and `entity:` search give, the raw extraction stays as it was (the
//! cache keeps it), and an anchor whose text is gone is reported, not applied.

mod common;

use std::sync::Arc;

use common::store::{named, store_of};
use qari::extract::EntityKind::{Org, Person, Place};
use qari::store::corrections::{Anchor, doc_hash, user_id};
use qari::store::{Correction, Corrections, Store};

const EN: &str = "Kim Hia Riunj met the RED delegation in Pyongyang.\nLater Kim Hye Ryong spoke.";
const EN2: &str = "RED officials flew to Pyongyang. Kim Hye Ryong stayed home.";
const AR: &str = "وصل كيم هيه ريونج إلى بيونغ يانغ.";

fn fixture() -> Store {
    let khr = ("~per:khr", "Kim Hia Riunj");
    store_of(&[
        (
            "en.txt",
            "en",
            EN,
            vec![
                named("Kim Hia Riunj", Person, khr.0, khr.1),
                named("RED", Org, "org:red", "RED"),
                named("Pyongyang", Place, "gpe:pyongyang", "Pyongyang"),
                named("Kim Hye Ryong", Person, "per:kim_hye_ryong", "Kim Hye Ryong"),
            ],
        ),
        (
            "en2.txt",
            "en",
            EN2,
            vec![
                named("RED", Org, "org:red", "RED"),
                named("Pyongyang", Place, "gpe:pyongyang", "Pyongyang"),
                named("Kim Hye Ryong", Person, "per:kim_hye_ryong", "Kim Hye Ryong"),
            ],
        ),
        (
            "ar.txt",
            "ar",
            AR,
            vec![
                named("كيم هيه ريونج", Person, khr.0, khr.1),
                named("بيونغ يانغ", Place, "gpe:pyongyang", "Pyongyang"),
            ],
        ),
    ])
}

fn corrected(list: Vec<Correction>) -> Store {
    let items = list.into_iter().enumerate().map(|(i, c)| (i as i64 + 1, c)).collect();
    fixture().with_corrections(Arc::new(Corrections { items }))
}

/// The (surface, kind label, entity id) of every mention of document `d`.
fn mentions(s: &Store, d: usize) -> Vec<(String, &'static str, String)> {
    s.annotations[d]
        .mentions
        .iter()
        .map(|m| {
            let id = s.table.get(m.entity).map_or(String::new(), |t| t.id.clone());
            (s.text(d)[m.range()].to_string(), m.kind.label(), id)
        })
        .collect()
}

/// Paths of the documents `query` finds, in path order.
fn found(s: &Store, query: &str) -> Vec<String> {
    let mut p: Vec<String> = s
        .search(query, 10)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
        .iter()
        .map(|h| s.docs[h.doc].path.clone())
        .collect();
    p.sort();
    p
}

#[test]
fn set_kind_changes_every_mention_and_the_entity() {
    let s = corrected(vec![Correction::SetKind { entity: "org:red".into(), kind: Place }]);
    let red = s.entities.by_id("org:red").expect("RED still linked");
    assert_eq!(red.kind, Place);
    assert!(mentions(&s, 1).contains(&("RED".into(), "PLACE", "org:red".into())));
    assert!(s.corrections.corrected.contains(&red.entity));
    // The raw extraction is kept for the cache.
    assert_eq!(s.raw_annotations(1).mentions[0].kind, Org);
    assert_eq!(s.raw_table().get(red.entity).unwrap().kind, Org);
}

#[test]
fn rename_shows_the_new_name_and_finds_it() {
    let rename = Correction::Rename { entity: "~per:khr".into(), name: "Kim Hye Ryong II".into() };
    let s = corrected(vec![rename]);
    let e = s.entities.by_id("~per:khr").unwrap();
    assert_eq!(e.canonical, "Kim Hye Ryong II");
    assert_eq!(s.entity_name(e.entity), "Kim Hye Ryong II");
    assert_eq!(
        s.entities.find_by_name("kim hye ryong ii").map(|e| e.id.as_str()),
        Some("~per:khr")
    );
    assert_eq!(found(&s, "entity:\"Kim Hye Ryong II\""), ["fixtures/ar.txt", "fixtures/en.txt"]);
}

#[test]
fn merge_links_every_spelling_and_entity_search_follows() {
    let before = fixture();
    assert_eq!(found(&before, "entity:\"Kim Hye Ryong\""), ["fixtures/en.txt", "fixtures/en2.txt"]);
    let merge = Correction::Merge { entity: "~per:khr".into(), into: "per:kim_hye_ryong".into() };
    let s = corrected(vec![merge]);
    assert!(s.entities.by_id("~per:khr").is_none(), "merged away");
    let e = s.entities.by_id("per:kim_hye_ryong").unwrap();
    assert_eq!(e.docs(), vec![0, 1, 2]);
    for spelling in ["Kim Hia Riunj", "كيم هيه ريونج", "Kim Hye Ryong"] {
        assert!(e.surfaces.iter().any(|x| x == spelling), "{spelling} in {:?}", e.surfaces);
    }
    assert!(mentions(&s, 2).contains(&(
        "كيم هيه ريونج".into(),
        "PERSON",
        "per:kim_hye_ryong".into()
    )));
    // The index still holds the extracted id: the query side counts it as the merged one.
    let all = ["fixtures/ar.txt", "fixtures/en.txt", "fixtures/en2.txt"];
    assert_eq!(found(&s, "entity:\"Kim Hye Ryong\""), all);
    assert_eq!(found(&s, "entity:\"Kim Hia Riunj\""), all);
}

#[test]
fn merges_chain() {
    let s = corrected(vec![
        Correction::Merge { entity: "~per:khr".into(), into: "per:kim_hye_ryong".into() },
        Correction::Merge { entity: "per:kim_hye_ryong".into(), into: "gpe:pyongyang".into() },
    ]);
    let p = s.entities.by_id("gpe:pyongyang").unwrap();
    assert_eq!(s.entities.entities.len(), 2, "RED and Pyongyang left");
    assert!(p.surfaces.iter().any(|x| x == "Kim Hia Riunj"));
    let mut ids = s.corrections.index_ids("gpe:pyongyang");
    ids.sort();
    assert_eq!(ids, ["gpe:pyongyang", "per:kim_hye_ryong", "~per:khr"]);
}

#[test]
fn reject_here_and_everywhere() {
    let here = Correction::Reject { entity: "org:red".into(), doc: Some(doc_hash(EN)) };
    let s = corrected(vec![here]);
    assert!(!mentions(&s, 0).iter().any(|m| m.0 == "RED"));
    assert!(mentions(&s, 1).iter().any(|m| m.0 == "RED"), "only in that document");
    assert_eq!(s.entities.by_id("org:red").unwrap().docs(), vec![1]);

    let everywhere = Correction::Reject { entity: "org:red".into(), doc: None };
    let s = corrected(vec![everywhere]);
    assert!(s.entities.by_id("org:red").is_none());
    assert!(s.entities.find_by_name("RED").is_none());
    assert_eq!(s.raw_annotations(1).mentions.len(), 3, "the raw extraction keeps it");
}

#[test]
fn added_mention_is_found_by_its_anchor() {
    let at = EN.find("delegation").unwrap();
    let anchor = Anchor::of(EN, at..at + "delegation".len());
    let add = |name: &str, entity: Option<&str>, anchor: Anchor| Correction::AddMention {
        doc: doc_hash(EN),
        anchor,
        kind: Org,
        name: name.into(),
        entity: entity.map(Into::into),
    };
    let s = corrected(vec![add("RED Delegation", None, anchor.clone())]);
    let id = user_id(Org, "RED Delegation");
    assert!(id.starts_with("user:org:"), "{id}");
    assert!(mentions(&s, 0).contains(&("delegation".into(), "ORG", id.clone())));
    let e = s.entities.by_id(&id).unwrap();
    assert_eq!(e.canonical, "RED Delegation");
    // Mentions stay sorted and disjoint.
    let ms = &s.annotations[0].mentions;
    assert!(ms.windows(2).all(|w| w[0].end <= w[1].start));

    // Linked to an existing entity; an overlapping mention gives way.
    let whole = EN.find("Kim Hia").unwrap()..EN.find(" met").unwrap();
    let s = corrected(vec![add("Kim Hye Ryong", Some("per:kim_hye_ryong"), Anchor::of(EN, whole))]);
    assert_eq!(mentions(&s, 0)[0], ("Kim Hia Riunj".into(), "ORG", "per:kim_hye_ryong".into()));

    // Text that is no longer there: skipped and said, nothing else changes.
    let gone = Anchor { before: "the ".into(), text: "blue".into(), after: " delegation".into() };
    let s = corrected(vec![add("Blue", None, gone)]);
    assert_eq!(s.annotations[0], fixture().annotations[0]);
    assert_eq!(s.corrections.skipped.len(), 1);
    assert!(
        s.corrections.skipped[0].contains("no longer in the document"),
        "{:?}",
        s.corrections.skipped
    );
}

#[test]
fn corrections_for_another_archive_do_nothing() {
    let s = corrected(vec![
        Correction::Rename { entity: "per:nobody".into(), name: "X".into() },
        Correction::Reject { entity: "org:red".into(), doc: Some("0".repeat(16)) },
    ]);
    let f = fixture();
    assert_eq!(s.annotations, f.annotations);
    assert!(s.corrections.skipped.is_empty());
}

#[test]
fn taking_corrections_away_gives_the_extraction_back() {
    let s = corrected(vec![
        Correction::Merge { entity: "~per:khr".into(), into: "per:kim_hye_ryong".into() },
        Correction::Reject { entity: "org:red".into(), doc: None },
    ]);
    let back = s.with_corrections(Arc::default());
    let f = fixture();
    assert_eq!(back.annotations, f.annotations);
    assert_eq!(back.entities.entities.len(), f.entities.entities.len());
    // And a copy re-corrected from a shared store is the same as correcting the owned one.
    let again = back.recorrected(Arc::new(Corrections {
        items: vec![(1, Correction::Reject { entity: "org:red".into(), doc: None })],
    }));
    assert!(again.entities.by_id("org:red").is_none());
    assert!(back.entities.by_id("org:red").is_some());
}

#[test]
fn json_round_trip_and_bad_rows() {
    let cs = [
        Correction::SetKind { entity: "org:red".into(), kind: Place },
        Correction::Rename { entity: "~per:khr".into(), name: "Kim Hye Ryong".into() },
        Correction::Merge { entity: "a".into(), into: "b".into() },
        Correction::Reject { entity: "org:red".into(), doc: None },
        Correction::AddMention {
            doc: doc_hash(EN),
            anchor: Anchor::of(EN, 0..3),
            kind: Person,
            name: "Kim".into(),
            entity: None,
        },
    ];
    for c in &cs {
        assert_eq!(&Correction::from_json(&c.to_json()).unwrap(), c);
    }
    assert_eq!(cs[0].to_json(), r#"{"op":"set_kind","entity":"org:red","kind":"PLACE"}"#);
    let rows = vec![
        (1, cs[1].to_json()),
        (2, "{\"op\":\"rename\",\"entity\":\"x\"}".to_string()),
        (3, r#"{"op":"merge","entity":"a","into":"a"}"#.to_string()),
    ];
    let (ok, bad) = Corrections::from_rows(rows);
    assert_eq!(ok.items.len(), 1);
    assert_eq!(bad.len(), 2);
    assert!(bad[0].starts_with("correction 2 ignored: missing field `name`"), "{bad:?}");
    assert!(bad[1].contains("merged into itself"), "{bad:?}");
}

#[test]
fn a_refresh_applies_corrections_and_the_cache_keeps_the_extraction() {
    use qari::store::archive::{Archive, OpenOptions};
    let home = common::qari::TempDir::new("corrections-refresh-cache");
    let dir = common::qari::TempDir::new("corrections-refresh");
    // This test binary's only use of the cache: its own home.
    unsafe { std::env::set_var("XDG_CACHE_HOME", &home.0) };
    dir.write("a.txt", "Kim Jong Un met Donald Trump in Singapore.\n");
    dir.write("b.txt", "Donald Trump left Singapore.\n");
    let paths = vec![dir.0.clone()];
    let opts = OpenOptions { cache: true, index: true };
    let opened = Archive::open(&paths, opts, &|_, _, _| {});
    let sg = opened.archive.store.entities.find_by_name("Singapore").expect("extracted").id.clone();
    let list =
        Corrections { items: vec![(1, Correction::Reject { entity: sg.clone(), doc: None })] };
    let archive = opened.archive.with_corrections(Arc::new(list));
    assert!(archive.store.entities.by_id(&sg).is_none());
    // A file changes: the refresh re-extracts it and corrects the new store too.
    std::thread::sleep(std::time::Duration::from_millis(20));
    dir.write("b.txt", "Donald Trump left Singapore for Washington.\n");
    let (fresh, changes) = archive.refresh(&|_, _, _| {}).unwrap().expect("a change");
    assert_eq!(changes.changed, 1);
    assert!(fresh.store.entities.by_id(&sg).is_none(), "still rejected after the refresh");
    assert!(fresh.store.search("entity:Singapore", 10).is_err(), "no such entity");
    // The cache written by that refresh holds the extraction as it was.
    let (cached, _) = Archive::open_cached(&paths, opts);
    let cached = cached.expect("a cache");
    assert_eq!(cached.store.entities.by_id(&sg).map(|e| e.docs().len()), Some(2));
}

#[test]
fn a_mention_can_be_added_to_a_document_without_any() {
    let text = "Nothing was found here by the extractor, not even Narnia.";
    let s = store_of(&[("plain.txt", "en", text, Vec::new())]);
    let at = text.find("Narnia").unwrap();
    let add = Correction::AddMention {
        doc: doc_hash(text),
        anchor: Anchor::of(text, at..at + 6),
        kind: Place,
        name: "Narnia".into(),
        entity: None,
    };
    let s = s.with_corrections(Arc::new(Corrections { items: vec![(1, add)] }));
    assert_eq!(mentions(&s, 0), [("Narnia".to_string(), "PLACE", user_id(Place, "Narnia"))]);
    assert_eq!(s.entities.find_by_name("Narnia").map(|e| e.docs()), Some(vec![0]));
    assert!(s.raw_annotations(0).mentions.is_empty());
}
