//! What the rule tests of every language share: one extractor, and assertions on the
//! organisations it finds in a sentence.

use std::sync::OnceLock;

use crate::extract::{EntityKind, Extractor};

/// The extractor, built once for all tests (its gazetteer automaton takes tens of ms).
pub fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::new)
}

/// The organisations found in `text`, as written.
pub fn orgs(text: &str) -> Vec<String> {
    extractor()
        .mentions(text)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Org)
        .map(|m| text[m.range].to_string())
        .collect()
}

#[track_caller]
pub fn finds(text: &str, org: &str) {
    let got = orgs(text);
    assert!(got.iter().any(|o| o == org), "{org} not found in {text}: {got:?}");
}

#[track_caller]
pub fn no_org(text: &str) {
    let got = orgs(text);
    assert!(got.is_empty(), "no organisation expected in {text}: {got:?}");
}
