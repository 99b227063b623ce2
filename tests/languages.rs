//! Language detection through the binary: each document's language is detected from its text,
//! and a language qari has no folder for is listed and searched but gets no entities.

mod common;

use common::qari::{TempDir, qari, stdout};
use serde_json::Value;

const FRENCH: &str = "Le ministre des Affaires étrangères a rencontré mardi à Paris son homologue \
    allemand pour discuter des sanctions contre la Corée du Nord et de la situation en Syrie, \
    selon un communiqué publié par le gouvernement français.";
const ENGLISH: &str = "Foreign Minister Ri Yong Ho met his Syrian counterpart in Damascus on \
    Tuesday to discuss sanctions against North Korea, the state news agency said in a statement.";

fn lines(out: &std::process::Output) -> Vec<Value> {
    stdout(out).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

#[test]
fn a_french_article_is_french_listed_and_searched_without_entities() {
    let dir = TempDir::new("languages");
    dir.write("fr.txt", &format!("Rencontre à Paris\n\n{FRENCH}\n"));
    dir.write("en.txt", &format!("Talks in Damascus\n\n{ENGLISH}\n"));
    let root = dir.join("");
    let list = qari().args(["list", "--json"]).arg(&root).output().unwrap();
    let langs: Vec<(String, String)> = lines(&list)
        .iter()
        .map(|d| (d["path"].as_str().unwrap().to_string(), d["lang"].as_str().unwrap().to_string()))
        .collect();
    assert!(langs.iter().any(|(p, l)| p.ends_with("fr.txt") && l == "fr"), "{langs:?}");
    assert!(langs.iter().any(|(p, l)| p.ends_with("en.txt") && l == "en"), "{langs:?}");

    let ents = qari().args(["entities", "--json"]).arg(&root).output().unwrap();
    for d in lines(&ents) {
        let n = d["entities"].as_array().map_or(0, Vec::len);
        if d["path"].as_str().unwrap().ends_with("fr.txt") {
            assert_eq!(n, 0, "rules of another language ran on French: {d}");
        } else {
            assert!(n >= 3, "the English article lost its entities: {d}");
        }
    }

    let hits = qari().args(["search", "--json", "homologue"]).arg(&root).output().unwrap();
    let found = lines(&hits);
    assert_eq!(found.len(), 1, "{}", stdout(&hits));
    assert!(found[0]["path"].as_str().unwrap().ends_with("fr.txt"));
}
