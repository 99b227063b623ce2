//! The entity index: one entry per canonical entity, with every mention across the archive.

use std::collections::HashMap;

use crate::corpus::Document;
use crate::extract::{Annotations, EntityKind};

/// Where one mention is: document id and index into that document's `mentions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MentionRef {
    pub doc: usize,
    pub mention: usize,
}

/// A canonical entity and its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityInfo {
    /// Stable id shared by every spelling.
    pub id: String,
    /// English display name.
    pub canonical: String,
    pub kind: EntityKind,
    /// Every distinct surface form seen, most frequent first.
    pub surfaces: Vec<String>,
    /// Every mention, in document then text order.
    pub mentions: Vec<MentionRef>,
}

impl EntityInfo {
    /// Ids of the documents that mention the entity, ascending, without repeats.
    pub fn docs(&self) -> Vec<usize> {
        let mut d: Vec<usize> = self.mentions.iter().map(|m| m.doc).collect();
        d.dedup();
        d
    }
}

/// All canonical entities of the archive.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    /// Entities, most mentioned first.
    pub entities: Vec<EntityInfo>,
    by_id: HashMap<String, usize>,
}

impl EntityIndex {
    /// Groups the mentions of every document by entity id.
    pub fn build(docs: &[Document], annotations: &[Annotations]) -> EntityIndex {
        let mut entities: Vec<EntityInfo> = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        let mut surface_counts: Vec<HashMap<String, usize>> = Vec::new();
        for (doc, ann) in annotations.iter().enumerate() {
            for (i, m) in ann.mentions.iter().enumerate() {
                let idx = *by_id.entry(m.entity.clone()).or_insert_with(|| {
                    entities.push(EntityInfo {
                        id: m.entity.clone(),
                        canonical: m.canonical.clone(),
                        kind: m.kind,
                        surfaces: Vec::new(),
                        mentions: Vec::new(),
                    });
                    surface_counts.push(HashMap::new());
                    entities.len() - 1
                });
                entities[idx].mentions.push(MentionRef { doc, mention: i });
                let surface = docs[doc].text.get(m.range.clone()).unwrap_or_default().to_string();
                *surface_counts[idx].entry(surface).or_default() += 1;
            }
        }
        for (e, counts) in entities.iter_mut().zip(surface_counts) {
            let mut s: Vec<(String, usize)> = counts.into_iter().collect();
            s.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            e.surfaces = s.into_iter().map(|(s, _)| s).collect();
        }
        entities.sort_by(|a, b| {
            b.mentions.len().cmp(&a.mentions.len()).then_with(|| a.canonical.cmp(&b.canonical))
        });
        let by_id = entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        EntityIndex { entities, by_id }
    }

    /// The entity with id `id`.
    pub fn get(&self, id: &str) -> Option<&EntityInfo> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// Finds an entity by a name in any spelling or script it was seen in, or its canonical name
    /// (case, hyphens and Arabic letter variants folded).
    pub fn find_by_name(&self, name: &str) -> Option<&EntityInfo> {
        let key = name_key(name);
        self.entities.iter().find(|e| {
            name_key(&e.canonical) == key || e.surfaces.iter().any(|s| name_key(s) == key)
        })
    }

    /// Entities that share documents with `id`, most shared documents first.
    pub fn co_occurring(&self, id: &str) -> Vec<(&EntityInfo, usize)> {
        let Some(me) = self.get(id) else { return Vec::new() };
        let mine = me.docs();
        let mut out: Vec<(&EntityInfo, usize)> = self
            .entities
            .iter()
            .filter(|e| e.id != me.id)
            .filter_map(|e| {
                let shared = e.docs().iter().filter(|d| mine.binary_search(d).is_ok()).count();
                (shared > 0).then_some((e, shared))
            })
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.mentions.len().cmp(&a.0.mentions.len())));
        out
    }
}

/// A folded key for comparing names: case, hyphens/spaces and Arabic letter variants ignored.
pub fn name_key(s: &str) -> String {
    crate::text::normalize::fold_str(s).chars().filter(|c| c.is_alphanumeric()).collect()
}
