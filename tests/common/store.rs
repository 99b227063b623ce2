//! Small stores with hand-made annotations, for tests of what the store derives from them.
#![allow(dead_code)] // each test binary uses a different part of it

use qari::corpus::Document;
use qari::extract::{Annotations, EntityKind, Mention};
use qari::store::Store;

/// A document `name` of `text` (paragraphs at line breaks).
pub fn doc(id: usize, name: &str, lang: &str, text: &str) -> Document {
    let mut paragraphs = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        if !line.is_empty() {
            paragraphs.push(pos..pos + line.len());
        }
        pos += line.len() + 1;
    }
    Document {
        id,
        path: format!("fixtures/{name}"),
        title: name.into(),
        byline: None,
        date: None,
        lang: lang.into(),
        url: None,
        bytes: text.len() as u64,
        text: text.into(),
        paragraphs,
        boilerplate: None,
        problems: Vec::new(),
    }
}

/// One entity as a test names it: every occurrence of `surface` is a mention.
pub struct Named<'a> {
    pub surface: &'a str,
    pub kind: EntityKind,
    pub id: &'a str,
    pub canonical: &'a str,
}

/// Shorthand for a [`Named`].
pub fn named<'a>(surface: &'a str, kind: EntityKind, id: &'a str, canonical: &'a str) -> Named<'a> {
    Named { surface, kind, id, canonical }
}

/// A store of `(name, lang, text, entities)` documents, indexed for search.
pub fn store_of(docs: &[(&str, &str, &str, Vec<Named>)]) -> Store {
    let mut ds = Vec::new();
    let mut anns = Vec::new();
    for (i, (name, lang, text, ents)) in docs.iter().enumerate() {
        ds.push(doc(i, name, lang, text));
        let mut mentions: Vec<Mention> = ents
            .iter()
            .flat_map(|n| {
                text.match_indices(n.surface).map(|(at, s)| Mention {
                    range: at..at + s.len(),
                    kind: n.kind,
                    entity: n.id.into(),
                    canonical: n.canonical.into(),
                })
            })
            .collect();
        mentions.sort_by_key(|m| m.range.start);
        anns.push(Annotations { mentions, dates: Vec::new() });
    }
    Store::from_parts(ds, anns, Vec::new(), 0, true)
}
