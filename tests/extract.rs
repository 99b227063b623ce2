//! Scores `qari entities --json` on the bundled archive against the shared gold annotation
//! (`shared/eval/seeds-gold.json`, scoring rule of `shared/eval/CONVENTIONS.md`): precision,
//! recall and F1 per entity type, date values, and cross-document linking. Fails below the bars.

mod common;

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use common::score::{Prf, align, fold, link_pairs};

/// A copy of `shared/eval/seeds-gold.json`, byte for byte.
const GOLD: &str = include_str!("fixtures/seeds-gold.json");

#[test]
fn entities_score_against_the_gold_annotation() {
    let gold: Value = serde_json::from_str(GOLD).expect("gold parses");
    let out = common::qari::qari().args(["entities", "--json"]).output().expect("runs");
    assert!(out.status.success(), "qari entities failed: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let mut per_type: HashMap<String, Prf> = HashMap::new();
    let mut all = [Prf::default(); 2]; // [en, ar]
    let mut dates = Prf::default();
    // (gold canonical, predicted canonical) of every matched mention, for linking.
    let mut links: Vec<(String, String)> = Vec::new();
    let mut docs = 0;
    for line in stdout.lines() {
        let doc: Value = serde_json::from_str(line).expect("JSON line");
        let path = doc["path"].as_str().unwrap_or("");
        let name = path.rsplit('/').next().unwrap_or(path);
        let Some(g) = gold.get(name) else { continue };
        docs += 1;
        let text = std::fs::read_to_string(format!("assets/corpus/{name}")).expect("sample");
        let ar = doc["lang"] == "ar";
        let ents = doc["entities"].as_array().cloned().unwrap_or_default();
        for e in &ents {
            let (s, en) =
                (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[s..en], e["text"].as_str().unwrap(), "offsets of {e} in {name}");
        }
        let key = |e: &Value| {
            (e["type"].as_str().unwrap_or("").to_string(), fold(e["text"].as_str().unwrap_or("")))
        };
        let gk: Vec<_> = g["entities"].as_array().unwrap().iter().map(key).collect();
        let pk: Vec<_> = ents.iter().map(key).collect();
        let pairs = align(&gk, &pk);
        for (t, _) in &gk {
            per_type.entry(t.clone()).or_default().gold += 1;
        }
        for (t, _) in &pk {
            per_type.entry(t.clone()).or_default().pred += 1;
        }
        for &(gi, pi) in &pairs {
            per_type.entry(gk[gi].0.clone()).or_default().tp += 1;
            links.push((
                g["entities"][gi]["canonical"].as_str().unwrap_or("").to_string(),
                ents[pi]["canonical"].as_str().unwrap_or("").to_string(),
            ));
        }
        let slot = &mut all[usize::from(ar)];
        slot.gold += gk.len();
        slot.pred += pk.len();
        slot.tp += pairs.len();
        let dkey = |d: &Value| {
            (fold(d["text"].as_str().unwrap_or("")), d["value"].as_str().unwrap_or("").to_string())
        };
        let gd: Vec<_> = g["dates"].as_array().unwrap().iter().map(dkey).collect();
        let pd: Vec<_> =
            doc["dates"].as_array().cloned().unwrap_or_default().iter().map(dkey).collect();
        dates.gold += gd.len();
        dates.pred += pd.len();
        dates.tp += align(&gd, &pd).len();
    }
    assert_eq!(docs, 5, "all five samples are scored");
    let link = link_pairs(&links);
    let mut types: Vec<_> = per_type.iter().collect();
    types.sort_by(|a, b| a.0.cmp(b.0));
    for (t, s) in &types {
        println!(
            "{t:<7} P {:.3} R {:.3} F1 {:.3} (tp {} gold {} pred {})",
            s.p(),
            s.r(),
            s.f(),
            s.tp,
            s.gold,
            s.pred
        );
    }
    println!("English F1 {:.3}  Arabic F1 {:.3}", all[0].f(), all[1].f());
    println!("dates   P {:.3} R {:.3} F1 {:.3}", dates.p(), dates.r(), dates.f());
    println!(
        "linking P {:.3} R {:.3} F1 {:.3} (pairs gold {} pred {})",
        link.p(),
        link.r(),
        link.f(),
        link.gold,
        link.pred
    );
    assert!(all[0].f() >= BAR_EN, "English entity F1 {:.3} below {BAR_EN}", all[0].f());
    assert!(all[1].f() >= BAR_AR, "Arabic entity F1 {:.3} below {BAR_AR}", all[1].f());
    assert!(link.f() >= BAR_LINK, "linking F1 {:.3} below {BAR_LINK}", link.f());
    assert!(dates.f() >= BAR_DATES, "date F1 {:.3} below {BAR_DATES}", dates.f());
}

// Bars sit just under what the extractor achieves on the samples, whole files as the gold
// annotates them (measured: English 0.994, Arabic 1.000, linking 1.000, date values 1.000). The
// samples are a smoke test: rules were written with them in view, so unseen articles score lower.
const BAR_EN: f64 = 0.95;
const BAR_AR: f64 = 0.93;
const BAR_LINK: f64 = 0.95;
const BAR_DATES: f64 = 0.95;

// ---- rule families and negatives, on the library API ----

use qari::extract::{EntityKind, Extractor};

fn ents(text: &str) -> Vec<(String, EntityKind, String)> {
    let x = Extractor::new();
    x.mentions(text).into_iter().map(|m| (text[m.range].to_string(), m.kind, m.canonical)).collect()
}

fn has(text: &str, surface: &str, kind: EntityKind) -> bool {
    ents(text).iter().any(|(s, k, _)| s == surface && *k == kind)
}

#[test]
fn english_title_cues_find_unknown_people() {
    let t = "The visit was hosted by Foreign Minister Tomas Kleinberg in the capital.";
    assert!(has(t, "Tomas Kleinberg", EntityKind::Person), "{:?}", ents(t));
    let t = "He met his counterpart Oduya Mbeki on Monday.";
    assert!(has(t, "Oduya Mbeki", EntityKind::Person), "{:?}", ents(t));
    let t = "Cuban Ambassador to Syria Rogelio Fernandez attended.";
    assert!(has(t, "Rogelio Fernandez", EntityKind::Person), "{:?}", ents(t));
    let t = "Speaker of the National Assembly Pedro Alvarado spoke.";
    assert!(has(t, "Pedro Alvarado", EntityKind::Person), "{:?}", ents(t));
}

#[test]
fn names_before_reporting_verbs_and_short_forms() {
    let t = "Marta Vellini said the talks failed. Later Vellini added that she was tired.";
    let e = ents(t);
    assert!(has(t, "Marta Vellini", EntityKind::Person), "{e:?}");
    let short = e.iter().find(|(s, _, _)| s == "Vellini").expect("short form");
    assert_eq!(short.2, "Marta Vellini");
}

#[test]
fn organisation_patterns_and_acronym_pairs() {
    let t = "The Ruritanian Press Agency (RPA) reported it. RPA later added details.";
    let e = ents(t);
    assert!(has(t, "Ruritanian Press Agency", EntityKind::Org), "{e:?}");
    let rpa: Vec<_> = e.iter().filter(|(s, _, _)| s == "RPA").collect();
    assert_eq!(rpa.len(), 2, "{e:?}");
    assert!(rpa.iter().all(|(_, k, c)| *k == EntityKind::Org && c == "Ruritanian Press Agency"));
}

#[test]
fn gazetteer_links_spellings_and_scripts() {
    let a = ents("Pyongyang and North Korea and the DPRK.");
    let b = ents("وصل إلى بيونج يانج من كوريا الشمالية");
    let canon = |v: &[(String, EntityKind, String)], s: &str| {
        v.iter().find(|x| x.0 == s).map(|x| x.2.clone())
    };
    assert_eq!(canon(&a, "Pyongyang").as_deref(), Some("Pyongyang"));
    assert_eq!(canon(&b, "بيونج يانج").as_deref(), Some("Pyongyang"));
    assert_eq!(canon(&a, "DPRK"), canon(&b, "كوريا الشمالية"));
}

#[test]
fn arabic_proclitics_cues_and_apposition() {
    let t = "وقال لكوريا الشمالية وزير الخارجية الكوري الشمالي ري يونغ هو";
    let e = ents(t);
    assert!(has(t, "كوريا الشمالية", EntityKind::Place), "{e:?}");
    assert!(has(t, "ري يونغ هو", EntityKind::Person), "{e:?}");
    let t = "وقال سامي رحال، السفير الجديد، إن";
    assert!(has(t, "سامي رحال", EntityKind::Person), "{:?}", ents(t));
    let t = "وقال سامر خليفة إن الوفد وصل";
    assert!(has(t, "سامر خليفة", EntityKind::Person), "{:?}", ents(t));
    let t = "التقى الرئيس السوري نبيل حداد بالوفد";
    assert!(has(t, "نبيل حداد", EntityKind::Person), "{:?}", ents(t));
    let t = "ونقلت للوكالة العربية السورية للأنباء";
    assert!(has(t, "للوكالة العربية السورية للأنباء", EntityKind::Org), "{:?}", ents(t));
}

#[test]
fn negatives() {
    // هو is a pronoun, never a name or a short form.
    let t = "قال زياد صباغ إن هو من قرر ذلك، وقال هو أيضا";
    assert!(!ents(t).iter().any(|(s, _, _)| s == "هو"), "{:?}", ents(t));
    // Descriptions after a reporting verb are not names.
    let t = "وقال متحدث باسم الجيش إن القصف توقف";
    assert!(ents(t).iter().all(|(_, k, _)| *k != EntityKind::Person), "{:?}", ents(t));
    // A surname that is also a month is not a short form.
    let t = "Theresa May resigned. In May the party chose a new leader.";
    assert_eq!(
        ents(t).iter().filter(|(_, k, _)| *k == EntityKind::Person).count(),
        1,
        "{:?}",
        ents(t)
    );
    // "us" is a pronoun, not the US.
    let t = "They told us the US would not come.";
    let e = ents(t);
    assert_eq!(e.iter().filter(|(_, k, _)| *k == EntityKind::Place).count(), 1, "{e:?}");
    // A demonym is not a place.
    let t = "The Syrian delegation met Syrian officials in Syria.";
    let e = ents(t);
    assert!(!e.iter().any(|(s, _, _)| s.starts_with("Syrian")), "{e:?}");
    assert!(has(t, "Syria", EntityKind::Place));
    // A sentence-initial capitalised common word is not a person.
    let t = "Meanwhile officials said nothing. However analysts told reporters.";
    assert!(ents(t).iter().all(|(_, k, _)| *k != EntityKind::Person), "{:?}", ents(t));
}

#[test]
fn apposition_nisba_surnames_and_hamza_initial_names() {
    // English apposition: name, then a role before the next punctuation.
    let t = "Lena Markovic, a senior adviser at the institute, disagreed.";
    assert!(has(t, "Lena Markovic", EntityKind::Person), "{:?}", ents(t));
    // A nisba surname is part of the name; a nationality adjective is not.
    let t = "استقبل وزير الخارجية العماني بدر البوسعيدي في مسقط";
    assert!(has(t, "بدر البوسعيدي", EntityKind::Person), "{:?}", ents(t));
    // أل/إل start names; only a bare-alef ال is the article. Feminine title cue.
    let t = "وقالت المتحدثة باسم الوزارة ألينا كوفاليفا، إن الوفد وصل";
    assert!(has(t, "ألينا كوفاليفا", EntityKind::Person), "{:?}", ents(t));
}

#[test]
fn the_north_is_north_korea_only_where_korea_is_named() {
    let t = "North Korea fired a missile. Officials said the North might test again.";
    let e = ents(t);
    let north = e.iter().find(|(s, _, _)| s == "North").expect("the North tagged");
    assert_eq!(north.2, "North Korea");
    let t = "Officials said the North of England was flooded.";
    assert!(ents(t).iter().all(|(s, _, _)| s != "North"), "{:?}", ents(t));
}

#[test]
fn common_given_names_start_people_without_a_cue() {
    let t = "Talks between Ali Vaezian and Omar Haddadin ended early.";
    assert!(has(t, "Ali Vaezian", EntityKind::Person), "{:?}", ents(t));
    assert!(has(t, "Omar Haddadin", EntityKind::Person), "{:?}", ents(t));
    let t = "جرت محادثات بين محمد الخطيب ووفد روسي";
    assert!(has(t, "محمد الخطيب", EntityKind::Person), "{:?}", ents(t));
    // على folds to علي, so علي is deliberately not a given-name cue.
    let t = "وافق على الاتفاق الجديد";
    assert!(ents(t).iter().all(|(_, k, _)| *k != EntityKind::Person), "{:?}", ents(t));
}

#[test]
fn one_canonical_entity_across_scripts_in_the_archive() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let out = common::qari::qari()
        .args(["entities", "--json"])
        .arg(dir.join("link_en.txt"))
        .arg(dir.join("link_ar.txt"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(docs.len(), 2);
    let canon = |d: &Value, surface: &str| {
        d["entities"]
            .as_array()
            .and_then(|a| a.iter().find(|e| e["text"] == surface))
            .map(|e| e["canonical"].as_str().unwrap_or("").to_string())
    };
    let (en, ar) =
        if docs[0]["lang"] == "en" { (&docs[0], &docs[1]) } else { (&docs[1], &docs[0]) };
    // Names the gazetteer does not know link through the phonetic key, and the display name is
    // the Latin spelling found elsewhere in the archive.
    assert_eq!(canon(en, "Peter Ward").as_deref(), Some("Peter Ward"));
    assert_eq!(canon(ar, "بيتر وارد").as_deref(), Some("Peter Ward"), "{ar}");
    assert_eq!(canon(ar, "كيم هيه ريونج").as_deref(), Some("Kim Hye Ryong"), "{ar}");
    assert_eq!(canon(ar, "ري يونغ هو"), canon(en, "Ri Yong-ho"));
    assert_eq!(canon(ar, "بيونج يانج"), canon(en, "Pyongyang"));
}

#[test]
fn place_heads_name_places_the_gazetteer_lacks() {
    let t = "Clashes erupted in Quneitrah province and in the town of Kafr Nabudah.";
    assert!(has(t, "Quneitrah", EntityKind::Place), "{:?}", ents(t));
    assert!(has(t, "Kafr Nabudah", EntityKind::Place), "{:?}", ents(t));
    let t = "اندلعت اشتباكات في محافظة القنيطرة وفي بلدة خان شيخون وفي منطقة العمليات";
    assert!(has(t, "القنيطرة", EntityKind::Place), "{:?}", ents(t));
    assert!(has(t, "خان شيخون", EntityKind::Place), "{:?}", ents(t));
    assert!(!ents(t).iter().any(|(s, _, _)| s.contains("العمليات")), "{:?}", ents(t));
}

#[test]
fn given_names_titles_credits_and_kunyas_find_people() {
    // A given name from the name lists starts a name, even when the surname is also a town.
    let t = "Yesterday Marisol Vandeleur announced the plan, and Tobias Phoenix agreed.";
    assert!(has(t, "Marisol Vandeleur", EntityKind::Person), "{:?}", ents(t));
    assert!(has(t, "Tobias Phoenix", EntityKind::Person), "{:?}", ents(t));
    // Later, the surname alone is the person, not the city.
    let t = "Tobias Phoenix arrived. Phoenix said the talks were useful.";
    let e = ents(t);
    assert!(e.iter().any(|(s, k, _)| s == "Phoenix" && *k == EntityKind::Person), "{e:?}");
    // The rest of a title is not part of the name.
    let t = "Chief Executive Oduya Marlowe said profits fell. Co-founder Tarik Velnes left.";
    assert!(has(t, "Oduya Marlowe", EntityKind::Person), "{:?}", ents(t));
    // A name after "said" must not cross a sentence end.
    let t = "“It is done,” he said.\n\nGrand Hotel Staff were told on Monday.";
    assert!(ents(t).iter().all(|(_, k, _)| *k != EntityKind::Person), "{:?}", ents(t));
    // Wire credits name every editor.
    let t = "Reporting by Irena Coldwell; Editing by Tomas Brekke, Ada Lindqvist and Sol Varga";
    for name in ["Irena Coldwell", "Tomas Brekke", "Ada Lindqvist", "Sol Varga"] {
        assert!(has(t, name, EntityKind::Person), "{name}: {:?}", ents(t));
    }
    // A kunya is a person; a known place that starts the same way is not.
    let t = "Abu Qatada al-Nimri was seen in Abu Dhabi.";
    assert!(has(t, "Abu Qatada al-Nimri", EntityKind::Person), "{:?}", ents(t));
    assert!(has(t, "Abu Dhabi", EntityKind::Place), "{:?}", ents(t));
    // Two-word surnames shorten whole.
    let t = "Rosa De Vellis spoke first. De Vellis then left; Ana Karsh-Moreau stayed. \
             Karsh-Moreau smiled.";
    let e = ents(t);
    assert!(e.iter().any(|(s, _, c)| s == "De Vellis" && c == "Rosa De Vellis"), "{e:?}");
    assert!(e.iter().any(|(s, _, c)| s == "Karsh-Moreau" && c == "Ana Karsh-Moreau"), "{e:?}");
}

#[test]
fn acronyms_expansions_and_place_heads() {
    // Initials that spell the bracketed acronym make the run an organisation, whatever its
    // last word; the acronym then links to it, and so do its later bare uses.
    let t = "The Friends of the Northern Wetlands (FNW) objected. FNW will appeal.";
    let e = ents(t);
    assert!(has(t, "Friends of the Northern Wetlands", EntityKind::Org), "{e:?}");
    let fnw: Vec<_> = e.iter().filter(|(s, _, _)| s == "FNW").collect();
    assert_eq!(fnw.len(), 2, "{e:?}");
    assert!(fnw.iter().all(|(_, _, c)| c == "Friends of the Northern Wetlands"), "{e:?}");
    // An acronym nothing explains is an organisation; common abbreviations and plurals are not.
    let t = "The KWRB said the CEO and two MPs met at 9 GMT.";
    let e = ents(t);
    assert!(has(t, "KWRB", EntityKind::Org), "{e:?}");
    assert!(!e.iter().any(|(s, _, _)| ["CEO", "MPs", "GMT"].contains(&s.as_str())), "{e:?}");
    // Not in a shouted headline, where only known acronyms are organisations.
    let t = "KWRB FINES BANK OVER DATA\n\nThe regulator acted.";
    assert!(!has(t, "KWRB", EntityKind::Org), "{:?}", ents(t));
    let t = "UN WARNS OF FAMINE\n\nThe agency acted.";
    assert!(has(t, "UN", EntityKind::Org), "{:?}", ents(t));
    // Places ending in a head word, and compass words before continents.
    let t = "Flights left Veldmoor Airport for East Africa over the Karsh Sea.";
    for name in ["Veldmoor Airport", "East Africa", "Karsh Sea"] {
        assert!(has(t, name, EntityKind::Place), "{name}: {:?}", ents(t));
    }
    // Organisation names with "for the", "of" and "and" inside.
    let t = "The Office for the Protection of Rivers and Lakes issued a statement.";
    assert!(
        has(t, "Office for the Protection of Rivers and Lakes", EntityKind::Org),
        "{:?}",
        ents(t)
    );
}

#[test]
fn arabic_brigades_descriptions_verbs_and_line_ends() {
    // A brigade head with a bare noun before the definite one is one organisation.
    let t = "وقال إن مقاتلين من كتائب شهداء الوادي سيطروا على المستودع";
    assert!(has(t, "كتائب شهداء الوادي", EntityKind::Org), "{:?}", ents(t));
    // A description after a reporting verb is not a person.
    let t = "أكدت جهات سورية معارضة أن الفصائل تقدمت";
    assert!(ents(t).iter().all(|(_, k, _)| *k != EntityKind::Person), "{:?}", ents(t));
    // A title followed by an article word and a verb names nobody.
    let t = "الأمير الوليد يلغي إيقاف مقدم برامج";
    assert!(!ents(t).iter().any(|(s, _, _)| s.contains("يلغي")), "{:?}", ents(t));
    // A place at a line end does not run into the next line.
    let t = "معارضون يسيطرون على مخازن بريف حمص\nالأربعاء، 28 آب 2013";
    assert!(!ents(t).iter().any(|(s, _, _)| s.contains('\n')), "{:?}", ents(t));
    // The full Arabic name of ISIS is one organisation, not an organisation and Iraq.
    let t = "مقاتلي ما يعرف بالدولة الإسلامية في العراق والشام";
    let e = ents(t);
    assert!(e.iter().all(|(_, k, _)| *k == EntityKind::Org), "{e:?}");
}

#[test]
fn particles_regnal_numbers_and_buildings() {
    // A known name written with a lower-case particle first is still matched.
    let t = "Officials blamed al-Qaeda for the attack.";
    assert!(has(t, "al-Qaeda", EntityKind::Org), "{:?}", ents(t));
    // A two-word surname with a particle shortens whole ("bin Laden", not "Laden").
    let t = "Yusuf bin Tarek fled. Later bin Tarek was seen in the hills.";
    let e = ents(t);
    assert!(e.iter().any(|(s, _, c)| s == "bin Tarek" && c == "Yusuf bin Tarek"), "{e:?}");
    assert!(!e.iter().any(|(s, _, _)| s == "Tarek"), "{e:?}");
    let t = "Minister Paulo da Ferreira spoke. Later da Ferreira left the hall.";
    let e = ents(t);
    assert!(e.iter().any(|(s, _, c)| s == "da Ferreira" && c == "Paulo da Ferreira"), "{e:?}");
    // A regnal number belongs to the name.
    let t = "King Tomas III received the envoy.";
    assert!(has(t, "Tomas III", EntityKind::Person), "{:?}", ents(t));
    // A detention centre is a place; a research centre an organisation.
    let t = "Guards at the Marlow Detention Centre spoke to the Hallam Research Centre.";
    assert!(has(t, "Marlow Detention Centre", EntityKind::Place), "{:?}", ents(t));
    assert!(has(t, "Hallam Research Centre", EntityKind::Org), "{:?}", ents(t));
}

#[test]
fn arabic_name_lists_find_people_and_spell_them_as_news_does() {
    // A known given name and a known surname make a person without any title.
    let t = "وحضر الاجتماع سمير الخطيب إلى جانب الوفد";
    assert!(has(t, "سمير الخطيب", EntityKind::Person), "{:?}", ents(t));
    // A given name before an adjective is not a person ("جميل جديد" = a nice new…).
    let t = "هذا عمل جميل جديد في المدينة";
    assert!(ents(t).iter().all(|(_, k, _)| *k != EntityKind::Person), "{:?}", ents(t));
    // An Arabic-only person is written in the usual Latin spelling of each name part.
    let docs = vec![doc_with("ar.txt", "ar", "وقال وزير الصناعة السوري زياد صباغ إن المصانع تعمل")];
    let ann: Vec<_> = docs.iter().map(|d| Extractor::new().extract(d)).collect();
    let store = qari::store::Store::from_parts(docs, ann, Vec::new(), 0, false);
    let m = store.annotations[0].mentions.iter().find(|m| m.kind == EntityKind::Person);
    assert_eq!(store.entity_name(m.expect("a person").entity), "Ziad Sabbagh");
}

fn doc_with(name: &str, lang: &str, text: &str) -> qari::corpus::Document {
    qari::corpus::Document {
        id: 0,
        path: name.into(),
        title: name.into(),
        byline: None,
        date: None,
        lang: lang.into(),
        url: None,
        bytes: text.len() as u64,
        text: text.into(),
        paragraphs: qari::corpus::paragraph_ranges(text),
        boilerplate: None,
        problems: Vec::new(),
    }
}

#[test]
fn title_case_headlines_do_not_make_names_of_their_verbs() {
    let t = "Related news\nMarta Quiroga Named Envoy As Talks Stall\nDelta Hilton Launches New Line\n\
             Parade Delayed By Rain In The Capital\nTomas Brekke Joins Harbour Sports Club\n";
    let e = ents(t);
    assert!(has(t, "Marta Quiroga", EntityKind::Person), "{e:?}");
    for bad in
        ["Marta Quiroga Named", "Hilton Launches", "Rain", "Tomas Brekke Joins Harbour Sports Club"]
    {
        assert!(!e.iter().any(|(s, _, _)| s == bad), "{bad}: {e:?}");
    }
    // The same words in a sentence keep their readings.
    let t = "The talks were chaired by Director General Tomas Brekke of the Harbour Sports Club.";
    assert!(has(t, "Tomas Brekke", EntityKind::Person), "{:?}", ents(t));
}

mod never_panics {
    use proptest::prelude::*;
    use qari::extract::Extractor;

    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "وزير",
            "الخارجية",
            "جمهورية",
            "إيران",
            "دولة",
            "«",
            "»",
            "،",
            "بن",
            "آل",
            "عبد",
            "مطار",
            "دمشق",
            "الدولي",
            "و",
            "ل",
            "\"",
            " ",
            "\n",
            "Kim",
            "Jong-un",
            "(",
            ")",
            "SANA",
            "President",
            "said",
            "Abu",
            "al-",
            "By",
            "Airport",
            "East",
            "Africa",
            "٢٠١٩",
            "2019",
            "June",
            "4",
            "حزيران",
            "أمس",
            "-",
            "/",
            ".",
            ":",
            "ـ",
            "\u{064e}",
            "\u{200d}",
            "é",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_mix_of_scripts_and_punctuation_gives_valid_mentions(
            parts in prop::collection::vec(prop_oneof![4 => piece(), 1 => any::<char>().prop_map(|c| c.to_string())], 0..60)
        ) {
            static X: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
            let text: String = parts.concat();
            for m in X.get_or_init(Extractor::new).mentions(&text) {
                prop_assert!(text.get(m.range.clone()).is_some(), "{:?} in {text:?}", m.range);
            }
        }
    }
}

#[test]
fn arabic_formal_names_facilities_lineages_and_verbs() {
    // A state's formal name is one mention of the country.
    let t = "وصل الوفد إلى جمهورية إيران الإسلامية، ثم زار دولة فلسطين وسلطنة عمان";
    let e = ents(t);
    for (s, c) in [("جمهورية إيران الإسلامية", "Iran"), ("دولة فلسطين", "Palestine")]
    {
        assert!(
            e.iter().any(|(x, k, y)| x == s && *k == EntityKind::Place && y == c),
            "{s}: {e:?}"
        );
    }
    // A facility keeps its head, also when it is named after a known person or place.
    let t = "هبطت الطائرة في مطار دمشق الدولي قبل مراسم في ساحة كيم إيل سونغ قرب سجن صيدنايا";
    for s in ["مطار دمشق الدولي", "ساحة كيم إيل سونغ", "سجن صيدنايا"]
    {
        assert!(has(t, s, EntityKind::Place), "{s}: {:?}", ents(t));
    }
    // A lineage is read whole; a verb or a conjunction after a name ends it.
    let t = "وقال رئيس الوزراء الشيخ خليفة بن حمد بن جاسم آل ثاني إن الاتفاق تم";
    assert!(has(t, "خليفة بن حمد بن جاسم آل ثاني", EntityKind::Person), "{:?}", ents(t));
    let t = "عباس يتلقى اتصالا من الرئيس جاستن ترودو ونائب الرئيس";
    let e = ents(t);
    assert!(has(t, "جاستن ترودو", EntityKind::Person), "{e:?}");
    assert!(!e.iter().any(|(s, _, _)| s.contains("يتلقى") || s.contains("ونائب")), "{e:?}");
    // The prime minister's title is not a mention of the cabinet.
    let t = "وقال رئيس مجلس الوزراء نجيب ميقاتي إن الحكومة ستجتمع";
    assert!(!has(t, "مجلس الوزراء", EntityKind::Org), "{:?}", ents(t));
    // An ambiguous single-word alias needs quotes or a naming word.
    let t = "أعلنت «حماس» موافقتها، وقال الرئيس الأسد إن الأسد رمز للقوة";
    let e = ents(t);
    assert!(has(t, "حماس", EntityKind::Org), "{e:?}");
    assert_eq!(e.iter().filter(|(s, _, _)| s == "الأسد").count(), 1, "{e:?}");
}

#[test]
fn a_given_name_joins_a_known_surname_and_titles_stay_out() {
    // The gazetteer knows "Karzai"; written with another spelling of the given name, the
    // whole name is one mention of the same person.
    let t = "President Hamed Karzai arrived in Kabul.";
    let e = ents(t);
    assert!(e.iter().any(|(s, _, c)| s == "Hamed Karzai" && c == "Hamid Karzai"), "{e:?}");
    // A sentence-initial "Let" is not an acronym of anything.
    let t = "Let the talks begin, the envoy said.";
    assert!(ents(t).iter().all(|(s, _, _)| s != "Let"), "{:?}", ents(t));
}

#[test]
fn arabic_bodies_with_attached_phrases_and_titled_facilities() {
    for (t, org) in [
        ("وقال الاتحاد الدولي لكرة القدم إن البطولة ستقام", "الاتحاد الدولي لكرة القدم"),
        (
            "أصدرت الهيئة العامة للمنطقة الاقتصادية لقناة السويس بيانا",
            "الهيئة العامة للمنطقة الاقتصادية لقناة السويس",
        ),
        ("وأعلنت وزارة الخارجية والمغتربين أن الوفد وصل", "وزارة الخارجية والمغتربين"),
        ("وأكد مجلس التعاون لدول الخليج العربية موقفه", "مجلس التعاون لدول الخليج العربية"),
    ] {
        assert!(has(t, org, EntityKind::Org), "{org}: {:?}", ents(t));
    }
    // Two bodies joined by و stay two.
    let t = "دعا مجلس الأمن والأمم المتحدة إلى التهدئة";
    assert!(!ents(t).iter().any(|(s, _, _)| s.contains("والأمم")), "{:?}", ents(t));
    // A facility named after a titled person is a place.
    let t = "تقام المباراة على ملعب الأمير مولاي عبد الله في الرباط";
    assert!(has(t, "ملعب الأمير مولاي عبد الله", EntityKind::Place), "{:?}", ents(t));
}

#[test]
fn an_arabic_only_korean_or_chinese_name_is_displayed_in_its_own_romanisation() {
    // Seen only in Arabic script: the display name follows Korean and Chinese syllables.
    let show = |ar: &str| qari::extract::display_name("~per:x", [(ar, 1)]);
    assert_eq!(show("كيم هيه ريونج").as_deref(), Some("Kim Hye Ryong"));
    assert_eq!(show("شي جين بينغ").as_deref(), Some("Xi Jinping"));
    // A Latin spelling seen anywhere wins.
    let both = qari::extract::display_name("~per:x", [("كيم هيه ريونج", 3), ("Kim Hye-ryong", 1)]);
    assert_eq!(both.as_deref(), Some("Kim Hye-ryong"));
}
