//! The entity index: one entry per canonical entity, with every mention across the archive,
//! its spellings and its display name. Derived from the stored annotations alone (no text is
//! read), so it is rebuilt in a moment after a refresh.

use std::collections::HashMap;

use super::annotations::{DocAnnotations, EntityRef, EntityTable};
use crate::extract::EntityKind;

/// Where one mention is: document id and index into that document's `mentions` (32 bits
/// each: an archive's millions of mentions are listed here once more).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MentionRef {
    pub doc: u32,
    pub mention: u32,
}

impl MentionRef {
    /// The document id.
    pub fn doc(&self) -> usize {
        self.doc as usize
    }

    /// The index into the document's `mentions`.
    pub fn mention(&self) -> usize {
        self.mention as usize
    }
}

/// A canonical entity and its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityInfo {
    /// Its place in the archive's entity table.
    pub entity: EntityRef,
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
        let mut d: Vec<usize> = self.mentions.iter().map(MentionRef::doc).collect();
        d.dedup();
        d
    }
}

/// All canonical entities of the archive's listed documents.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    /// Entities, most mentioned first.
    pub entities: Vec<EntityInfo>,
    /// Table index → position in `entities`.
    by_ref: HashMap<EntityRef, usize>,
    /// Folded name (canonical or any spelling) → position of the most mentioned entity so named.
    /// Built on the first look-up by name: a reader that opens does not need it yet, and it
    /// folds and sounds out every spelling of every entity.
    by_name: std::sync::OnceLock<HashMap<String, usize>>,
}

impl EntityIndex {
    /// Groups the mentions of every document `live` accepts by entity, with display names
    /// for skeleton-keyed entities chosen from their spellings across those documents.
    /// Linear in the mentions: dense tables indexed by entity and spelling, no hashing.
    pub fn build(
        table: &EntityTable,
        annotations: &[DocAnnotations],
        live: impl Fn(usize) -> bool,
    ) -> EntityIndex {
        const NONE: u32 = u32::MAX;
        // Table entity → position in `entities`, and mentions per spelling.
        let mut slot = vec![NONE; table.entities.len()];
        let mut per_surface = vec![0u32; table.surfaces.len()];
        let mut entities: Vec<EntityInfo> = Vec::new();
        for (doc, ann) in annotations.iter().enumerate().filter(|(d, _)| live(*d)) {
            for (i, m) in ann.mentions.iter().enumerate() {
                let (Some(t), Some(s)) = (table.get(m.entity), slot.get_mut(m.entity.0 as usize))
                else {
                    continue;
                };
                if *s == NONE {
                    *s = entities.len() as u32;
                    entities.push(EntityInfo {
                        entity: m.entity,
                        id: t.id.clone(),
                        canonical: t.canonical.clone(),
                        kind: t.kind,
                        surfaces: Vec::new(),
                        mentions: Vec::new(),
                    });
                }
                entities[*s as usize]
                    .mentions
                    .push(MentionRef { doc: doc as u32, mention: i as u32 });
                if let Some(n) = per_surface.get_mut(m.surface as usize) {
                    *n += 1;
                }
            }
        }
        // Each entity's spellings with their counts (a spelling belongs to one entity).
        let mut forms: Vec<Vec<(&str, usize)>> = vec![Vec::new(); entities.len()];
        for (s, surface) in table.surfaces.iter().enumerate() {
            let at = slot.get(surface.entity.0 as usize).copied().unwrap_or(NONE);
            if at != NONE && per_surface[s] > 0 {
                forms[at as usize].push((surface.text.as_str(), per_surface[s] as usize));
            }
        }
        for (e, mut forms) in entities.iter_mut().zip(forms) {
            forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            if let Some(name) = crate::extract::display_name(&e.id, forms.iter().copied()) {
                e.canonical = name;
            }
            e.surfaces = forms.into_iter().map(|(s, _)| s.to_string()).collect();
        }
        entities.sort_by(|a, b| {
            b.mentions.len().cmp(&a.mentions.len()).then_with(|| a.canonical.cmp(&b.canonical))
        });
        let by_ref = entities.iter().enumerate().map(|(i, e)| (e.entity, i)).collect();
        EntityIndex { entities, by_ref, by_name: std::sync::OnceLock::new() }
    }

    /// Shows entity `e` as `name` (a correction; before the first look-up by name).
    pub fn rename(&mut self, e: EntityRef, name: &str) {
        if let Some(&i) = self.by_ref.get(&e) {
            self.entities[i].canonical = name.to_string();
            self.by_name = std::sync::OnceLock::new();
        }
    }

    fn by_name(&self) -> &HashMap<String, usize> {
        self.by_name.get_or_init(|| names(&self.entities))
    }

    /// Every folded name with the entity it finds (see [`EntityIndex::find_by_name`]).
    pub fn names(&self) -> impl Iterator<Item = (&str, &EntityInfo)> {
        self.by_name().iter().map(|(k, &i)| (k.as_str(), &self.entities[i]))
    }

    /// The entity `e`, when a listed document mentions it.
    pub fn get(&self, e: EntityRef) -> Option<&EntityInfo> {
        self.by_ref.get(&e).map(|&i| &self.entities[i])
    }

    /// The entity with stable id `id`.
    pub fn by_id(&self, id: &str) -> Option<&EntityInfo> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// Finds an entity by a name: any spelling or script it was seen in, its canonical name, a
    /// gazetteer alias, folded (case, hyphens, Arabic letter variants); else, for what looks
    /// like a name (capitalised, or in Arabic script), by its sound across scripts. The most
    /// mentioned entity on a tie.
    pub fn find_by_name(&self, name: &str) -> Option<&EntityInfo> {
        let by_name = self.by_name();
        let i = by_name.get(&name_key(name)).or_else(|| {
            let k = sound_key(name).filter(|_| looks_like_a_name(name))?;
            by_name.get(&k)
        })?;
        Some(&self.entities[*i])
    }
}

pub use crate::extract::canon::{name_key, sound_key};

/// Whether a query's words look like a name, to be matched by sound: a capital letter starts
/// a word, or Arabic script (which has no capitals). Lower-case Latin words are words.
pub fn looks_like_a_name(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || crate::text::script::is_arabic_letter(c))
    })
}

/// Every name a query can give an entity by, each to the most mentioned entity so named
/// (`entities` come most mentioned first): the archive's spellings and canonical names, then
/// the gazetteer's aliases in both scripts of the entities the archive mentions (so `طهران`
/// finds English articles about Tehran though no article writes it so), then the sound keys
/// of all of those (a spelling the archive never saw, in the other script).
fn names(entities: &[EntityInfo]) -> HashMap<String, usize> {
    let mut by_name = HashMap::new();
    let by_id: HashMap<&str, usize> =
        entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    for (i, e) in entities.iter().enumerate() {
        for name in std::iter::once(&e.canonical).chain(&e.surfaces) {
            by_name.entry(name_key(name)).or_insert(i);
        }
    }
    let present: Vec<(usize, &crate::extract::gazetteer::Row)> =
        crate::extract::gazetteer::query_aliases()
            .filter_map(|a| Some((*by_id.get(a.id.as_str())?, a)))
            .collect();
    for (i, a) in &present {
        by_name.entry(name_key(a.alias)).or_insert(*i);
    }
    for (i, e) in entities.iter().enumerate() {
        for name in std::iter::once(&e.canonical).chain(&e.surfaces) {
            if let Some(k) = sound_key(name) {
                by_name.entry(k).or_insert(i);
            }
        }
    }
    // A person is also asked for by the last word of a full name ("Rostami", "رستمي"), after
    // every whole name so a name that is someone's whole name still finds them.
    for (i, e) in entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
        for name in std::iter::once(&e.canonical).chain(&e.surfaces) {
            let words: Vec<&str> = name.split_whitespace().collect();
            if let [_, .., last] = words.as_slice()
                && last.chars().count() >= 3
            {
                by_name.entry(name_key(last)).or_insert(i);
                if let Some(k) = sound_key(last) {
                    by_name.entry(k).or_insert(i);
                }
            }
        }
    }
    for (i, a) in &present {
        if let Some(k) = sound_key(a.alias) {
            by_name.entry(k).or_insert(*i);
        }
    }
    by_name
}
