//! Annotations as the store keeps them: each mention is four numbers (its byte range, its
//! entity and its spelling, as indexes into the archive's [`EntityTable`]) instead of two
//! strings, so a 100,000-article archive's millions of mentions fit in memory and in the cache.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::extract::{Annotations, DateMention, EntityKind};

/// An entity of the archive: its index in the [`EntityTable`]. The table only grows while an
/// archive is open, so a reference stays valid across refreshes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityRef(pub u32);

/// One entity mention in a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredMention {
    /// First byte of the mention in the document text.
    pub start: u32,
    /// End byte (exclusive).
    pub end: u32,
    /// The entity mentioned.
    pub entity: EntityRef,
    /// The spelling used: index into [`EntityTable::surfaces`].
    pub surface: u32,
    /// Person, organisation or place.
    pub kind: EntityKind,
}

impl StoredMention {
    /// Byte range in the document text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Entities and dates of one document, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocAnnotations {
    /// Entity mentions, sorted by start, never overlapping.
    pub mentions: Vec<StoredMention>,
    /// Date mentions, sorted by start.
    pub dates: Vec<DateMention>,
}

/// What extraction said of one entity: its stable id and, for gazetteer entities, the
/// canonical English name (skeleton-keyed names get theirs from the archive's spellings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableEntity {
    /// Stable id (`per:ri_yong_ho`, `gpe:KP`, `~per:rnk`).
    pub id: String,
    /// Kind of its first mention.
    pub kind: EntityKind,
    /// Canonical name as extraction gave it.
    pub canonical: String,
}

/// A spelling of an entity as written in some document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Surface {
    /// The text as written.
    pub text: String,
    /// The entity it names.
    pub entity: EntityRef,
}

/// Every entity and spelling the archive's annotations refer to. Append-only: entries are
/// added as documents are extracted and never renumbered while the archive is open.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EntityTable {
    /// Entities by [`EntityRef`].
    pub entities: Vec<TableEntity>,
    /// Spellings, by [`StoredMention::surface`].
    pub surfaces: Vec<Surface>,
    #[serde(skip)]
    by_id: HashMap<String, u32>,
    #[serde(skip)]
    by_surface: HashMap<(u32, String), u32>,
}

impl EntityTable {
    /// Rebuilds the look-up maps (after deserialising, which skips them).
    pub fn reindex(&mut self) {
        self.by_id =
            self.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i as u32)).collect();
        self.by_surface = self
            .surfaces
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.entity.0, s.text.clone()), i as u32))
            .collect();
    }

    /// The entity with stable id `id`.
    pub fn find(&self, id: &str) -> Option<EntityRef> {
        self.by_id.get(id).map(|&i| EntityRef(i))
    }

    /// The entry of `e`.
    pub fn get(&self, e: EntityRef) -> Option<&TableEntity> {
        self.entities.get(e.0 as usize)
    }

    /// Sets the kind of entity `e` (a correction).
    pub fn set_kind(&mut self, e: EntityRef, kind: EntityKind) {
        if let Some(t) = self.entities.get_mut(e.0 as usize) {
            t.kind = kind;
        }
    }

    /// Sets the canonical name of entity `e` (a correction).
    pub fn set_canonical(&mut self, e: EntityRef, name: &str) {
        if let Some(t) = self.entities.get_mut(e.0 as usize) {
            t.canonical = name.to_string();
        }
    }

    /// The entity with id `id`, added with `kind` and `canonical` when the table lacks it.
    pub fn add_entity(&mut self, id: &str, kind: EntityKind, canonical: &str) -> EntityRef {
        if let Some(e) = self.find(id) {
            return e;
        }
        let i = self.entities.len() as u32;
        self.entities.push(TableEntity { id: id.into(), kind, canonical: canonical.into() });
        self.by_id.insert(id.into(), i);
        EntityRef(i)
    }

    /// The spelling `text` of entity `e`, added when new: an index into [`Self::surfaces`].
    pub fn surface_for(&mut self, e: EntityRef, text: &str) -> u32 {
        if let Some(&i) = self.by_surface.get(&(e.0, text.to_string())) {
            return i;
        }
        let i = self.surfaces.len() as u32;
        self.surfaces.push(Surface { text: text.to_string(), entity: e });
        self.by_surface.insert((e.0, text.to_string()), i);
        i
    }

    /// One document's annotations in stored form, adding new entities and spellings.
    /// Mentions whose range is not inside `text` are dropped (they cannot be shown).
    pub fn intern(&mut self, a: &Annotations, text: &str) -> DocAnnotations {
        let mut mentions = Vec::with_capacity(a.mentions.len());
        for m in &a.mentions {
            let Some(surface) = text.get(m.range.clone()) else { continue };
            let (Ok(start), Ok(end)) = (u32::try_from(m.range.start), u32::try_from(m.range.end))
            else {
                continue;
            };
            let entity = match self.by_id.get(&m.entity) {
                Some(&i) => i,
                None => {
                    let i = self.entities.len() as u32;
                    self.entities.push(TableEntity {
                        id: m.entity.clone(),
                        kind: m.kind,
                        canonical: m.canonical.clone(),
                    });
                    self.by_id.insert(m.entity.clone(), i);
                    i
                }
            };
            let surface = match self.by_surface.get(&(entity, surface.to_string())) {
                Some(&i) => i,
                None => {
                    let i = self.surfaces.len() as u32;
                    self.surfaces
                        .push(Surface { text: surface.to_string(), entity: EntityRef(entity) });
                    self.by_surface.insert((entity, surface.to_string()), i);
                    i
                }
            };
            mentions.push(StoredMention {
                start,
                end,
                entity: EntityRef(entity),
                surface,
                kind: m.kind,
            });
        }
        DocAnnotations { mentions, dates: a.dates.clone() }
    }
}
