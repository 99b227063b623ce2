//! `qari corrections` through the real binary, its state database in a folder of the test
//! run (`XDG_DATA_HOME`): import (a bad line named by number and skipped) → list → `qari
//! entities` reflects them → export, and the export imports again as nothing new.

mod common;

use std::path::Path;
use std::process::Command;

use common::qari::{QARI, TempDir, stderr, stdout};
use qari::store::archive::{Archive, OpenOptions};
use qari::store::{Correction, Store};

/// `qari` with its cache and state in `home`.
fn qari(home: &Path) -> Command {
    let mut c = Command::new(QARI);
    c.env("XDG_CACHE_HOME", home.join("cache")).env("XDG_DATA_HOME", home.join("data"));
    c
}

fn bundled() -> Store {
    let a = Archive::bundled(OpenOptions { cache: false, index: false });
    std::sync::Arc::try_unwrap(a.store).expect("one owner")
}

fn id(s: &Store, name: &str) -> String {
    s.entities
        .find_by_name(name)
        .unwrap_or_else(|| panic!("{name} in the bundled archive"))
        .id
        .clone()
}

/// Every (text, canonical) of `qari entities --json`'s output.
fn entities(out: &str) -> Vec<(String, String, String)> {
    out.lines()
        .flat_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    let s = |k: &str| e[k].as_str().unwrap().to_string();
                    (s("text"), s("type"), s("canonical"))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn import_list_entities_export_round_trip() {
    let home = TempDir::new("corrections-home");
    let s = bundled();
    let (pak, golan, damascus, syria) =
        (id(&s, "Pak Myong-gu"), id(&s, "Golan Heights"), id(&s, "Damascus"), id(&s, "Syria"));
    let good = [
        Correction::Rename { entity: pak.clone(), name: "Pak Myong Gu".into() },
        Correction::Reject { entity: golan, doc: None },
        Correction::Merge { entity: damascus, into: syria },
        Correction::SetKind { entity: pak, kind: qari::extract::EntityKind::Org },
    ];
    let lines = [
        good[0].to_json(),
        good[1].to_json(),
        r#"{"op":"rename","entity":"per:x"}"#.to_string(),
        good[2].to_json(),
        "not json".to_string(),
        String::new(),
        good[3].to_json(),
    ];
    let file = home.write("in.jsonl", &(lines.join("\n") + "\n"));

    let before = qari(&home.0).args(["entities", "--json"]).output().unwrap();
    assert!(entities(&stdout(&before)).iter().any(|e| e.0 == "Golan Heights"));

    let o = qari(&home.0).args(["corrections", "--import"]).arg(&file).output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("in.jsonl:3: missing field `name`"), "{err}");
    assert!(err.contains("in.jsonl:5: "), "{err}");
    assert!(err.contains("4 corrections imported, 2 bad lines skipped"), "{err}");
    assert!(home.join("data/qari/state.sqlite3").exists());

    let o = qari(&home.0).arg("corrections").output().unwrap();
    let list = stdout(&o);
    assert_eq!(list.lines().count(), 4, "{list}");
    assert!(
        list.lines().next().unwrap().contains("rename ~per:") && list.contains("\"Pak Myong Gu\""),
        "{list}"
    );
    assert!(list.contains("everywhere") && list.contains("merge "), "{list}");

    let o = qari(&home.0).args(["corrections", "--json"]).output().unwrap();
    let rows: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r["id"].as_i64().is_some()));
    assert_eq!(rows[2]["op"], "merge");

    let o = qari(&home.0).args(["entities", "--json"]).output().unwrap();
    let ents = entities(&stdout(&o));
    assert!(!ents.iter().any(|e| e.0 == "Golan Heights"), "rejected everywhere");
    assert!(ents.contains(&("Pak Myong-gu".into(), "ORG".into(), "Pak Myong Gu".into())));
    assert!(ents.contains(&("Damascus".into(), "PLACE".into(), "Syria".into())));
    assert!(!ents.iter().any(|e| e.2 == "Damascus"));

    let out = home.join("out.jsonl");
    let o = qari(&home.0).args(["corrections", "--export"]).arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let exported: Vec<Correction> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| Correction::from_json(l).unwrap())
        .collect();
    assert_eq!(exported, good);

    let o = qari(&home.0).args(["corrections", "--import"]).arg(&out).output().unwrap();
    assert!(o.status.success());
    assert!(stderr(&o).contains("0 corrections imported, 4 already there"), "{}", stderr(&o));

    // Taking the reject back brings the entity back.
    let reject = rows[1]["id"].as_i64().unwrap().to_string();
    let o = qari(&home.0).args(["corrections", "--remove", &reject]).output().unwrap();
    assert!(stderr(&o).contains("everywhere"), "{}", stderr(&o));
    let o = qari(&home.0).args(["entities", "--json"]).output().unwrap();
    assert!(entities(&stdout(&o)).iter().any(|e| e.0 == "Golan Heights"));
    let o = qari(&home.0).args(["corrections", "--remove", &reject]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("no correction {reject}")), "{}", stderr(&o));
}

#[test]
fn corrections_apply_over_the_cache_and_leave_it_raw() {
    let home = TempDir::new("corrections-cache");
    let archive = TempDir::new("corrections-archive");
    for (file, text) in qari::corpus::BUNDLED {
        archive.write(&format!("news/{file}"), text);
    }
    let s = bundled();
    let reject = Correction::Reject { entity: id(&s, "Golan Heights"), doc: None };
    let file = home.write("in.jsonl", &(reject.to_json() + "\n"));
    let dir = archive.join("news");
    // Built into the cache uncorrected, then read from it corrected.
    let o = qari(&home.0).arg("entities").arg(&dir).output().unwrap();
    assert!(stdout(&o).contains("Golan Heights"));
    qari(&home.0).args(["corrections", "--import"]).arg(&file).output().unwrap();
    let o = qari(&home.0).arg("entities").arg(&dir).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).contains("Golan Heights"), "corrected over the cache");
    // A search too (it then opens the archive rather than querying the cache in place).
    let o = qari(&home.0)
        .args(["search", "--json", "entity:\"Golan Heights\""])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "no such entity any more: {}", stderr(&o));
    // Another state home (no corrections) sees the cache as extracted.
    let o = Command::new(QARI)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_DATA_HOME", home.join("other-data"))
        .arg("entities")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(stdout(&o).contains("Golan Heights"), "the cache keeps raw extraction");
}
