//! The user's corrections of extracted entities, and applying them to an archive's
//! annotations after extraction and before linking. Pure: no I/O (the state database keeps
//! them as JSON, one correction a row; the reader and `qari corrections` read and write it).
//!
//! Entities are named by their stable ids (the entity table's) and documents by the content
//! key of their text ([`doc_hash`], as the state database names them), never by in-session ids, so a correction follows a
//! moved file and survives re-extraction. Corrections are global: one that names an entity
//! or a document this archive does not have does nothing.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::annotations::{DocAnnotations, EntityRef, EntityTable, StoredMention};
use super::docs::Texts;
use crate::extract::EntityKind;

/// One correction, as stored (JSON, tagged by `op`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Correction {
    /// Every mention of `entity` is of kind `kind`.
    SetKind { entity: String, kind: EntityKind },
    /// `entity` is shown as `name` (its id, and so its links, stay).
    Rename { entity: String, name: String },
    /// `entity` is `into`: its mentions and spellings link to `into`.
    Merge { entity: String, into: String },
    /// `entity` is no entity: in the document whose text hashes to `doc`, or everywhere.
    Reject {
        entity: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        doc: Option<String>,
    },
    /// A mention extraction missed: `anchor.text` in document `doc`, found by its context.
    AddMention {
        doc: String,
        anchor: Anchor,
        kind: EntityKind,
        /// The entity's display name.
        name: String,
        /// The existing entity it is, when it is one; else a new one is made from `name`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        entity: Option<String>,
    },
}

/// A passage found by its quoted text with a little context on each side (as e-book readers
/// anchor highlights), so it is found again after the file is re-read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    #[serde(default)]
    pub before: String,
    pub text: String,
    #[serde(default)]
    pub after: String,
}

/// Bytes of context an [`Anchor`] keeps on each side (rounded down to a char boundary).
pub const ANCHOR_CONTEXT: usize = 24;

impl Anchor {
    /// The anchor of `text[range]`.
    pub fn of(text: &str, range: std::ops::Range<usize>) -> Anchor {
        let mut from = range.start.saturating_sub(ANCHOR_CONTEXT);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (range.end + ANCHOR_CONTEXT).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        Anchor {
            before: text[from..range.start].to_string(),
            text: text[range.clone()].to_string(),
            after: text[range.end..to].to_string(),
        }
    }

    /// Where the anchored text is in `text`: the occurrence whose context matches best (as
    /// the state database finds passages, whitespace aside), its exact text required.
    pub fn find(&self, text: &str) -> Option<std::ops::Range<usize>> {
        if self.text.trim().is_empty() {
            return None;
        }
        let passage = crate::text::anchor::Anchor {
            quote: self.text.clone(),
            before: self.before.clone(),
            after: self.after.clone(),
            offset: 0,
        };
        let at = passage.find(text)?;
        text.get(at..)?.starts_with(&self.text).then(|| at..at + self.text.len())
    }
}

/// The content key of a document's text (what [`super::Store::content_key`] gives and the
/// state database names documents by).
pub fn doc_hash(text: &str) -> String {
    format!("{:016x}", super::docs::text_check(text))
}

impl Correction {
    /// Parses one stored correction (a JSON object).
    pub fn from_json(s: &str) -> Result<Correction, String> {
        let c: Correction = serde_json::from_str(s).map_err(|e| e.to_string())?;
        c.check()?;
        Ok(c)
    }

    /// The JSON the state database and `--export` keep.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Refuses what would name nothing (empty ids and names, a malformed document key).
    fn check(&self) -> Result<(), String> {
        let nonempty = |what: &str, s: &str| {
            if s.trim().is_empty() { Err(format!("{what} is empty")) } else { Ok(()) }
        };
        let hash = |s: &str| match check_of(s) {
            Some(_) => Ok(()),
            None => Err("doc is not a document key (16 hex digits)".to_string()),
        };
        match self {
            Correction::SetKind { entity, .. } => nonempty("entity", entity),
            Correction::Rename { entity, name } => {
                nonempty("entity", entity).and(nonempty("name", name))
            }
            Correction::Merge { entity, into } => {
                nonempty("entity", entity).and(nonempty("into", into))?;
                if entity == into { Err("an entity merged into itself".into()) } else { Ok(()) }
            }
            Correction::Reject { entity, doc } => {
                nonempty("entity", entity).and(doc.as_deref().map_or(Ok(()), hash))
            }
            Correction::AddMention { doc, anchor, name, .. } => {
                hash(doc).and(nonempty("anchor text", &anchor.text)).and(nonempty("name", name))
            }
        }
    }

    /// The stable id of the entity this correction is about (for an added mention of a new
    /// entity, the id it gets).
    pub fn entity(&self) -> String {
        match self {
            Correction::SetKind { entity, .. }
            | Correction::Rename { entity, .. }
            | Correction::Merge { entity, .. }
            | Correction::Reject { entity, .. } => entity.clone(),
            Correction::AddMention { entity: Some(e), .. } => e.clone(),
            Correction::AddMention { kind, name, .. } => user_id(*kind, name),
        }
    }

    /// One line for people: `rename per:x → "Kim Hye Ryong"`.
    pub fn describe(&self) -> String {
        match self {
            Correction::SetKind { entity, kind } => format!("type {entity} → {}", kind.label()),
            Correction::Rename { entity, name } => format!("rename {entity} → \"{name}\""),
            Correction::Merge { entity, into } => format!("merge {entity} → {into}"),
            Correction::Reject { entity, doc: None } => format!("reject {entity} everywhere"),
            Correction::Reject { entity, doc: Some(d) } => {
                format!("reject {entity} in document {d}")
            }
            Correction::AddMention { doc, anchor, kind, name, .. } => {
                format!("add \"{}\" as {} \"{name}\" in document {doc}", anchor.text, kind.label())
            }
        }
    }
}

/// The id of an entity a user made by adding a mention of a name the archive did not have.
pub fn user_id(kind: EntityKind, name: &str) -> String {
    let k = match kind {
        EntityKind::Person => "per",
        EntityKind::Org => "org",
        EntityKind::Place => "gpe",
    };
    format!("user:{k}:{}", super::entities::name_key(name))
}

/// The corrections in force, in the order made, each with its row id in the state database
/// (0 for ones not stored).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrections {
    pub items: Vec<(i64, Correction)>,
}

impl Corrections {
    /// Parses the state database's rows `(id, json)`; a row that does not parse is left out
    /// and named in the second list ("correction 7: …").
    pub fn from_rows(rows: impl IntoIterator<Item = (i64, String)>) -> (Corrections, Vec<String>) {
        let mut bad = Vec::new();
        let items = rows
            .into_iter()
            .filter_map(|(id, body)| match Correction::from_json(&body) {
                Ok(c) => Some((id, c)),
                Err(e) => {
                    bad.push(format!("correction {id} ignored: {e}"));
                    None
                }
            })
            .collect();
        (Corrections { items }, bad)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The last correction about entity `id` (what undo removes).
    pub fn last_for(&self, id: &str) -> Option<&(i64, Correction)> {
        self.items.iter().rev().find(|(_, c)| c.entity() == id)
    }
}

/// What applying corrections changed, kept by the store: the originals of what changed (the
/// cache keeps raw extraction, and a refresh builds on it), the renames to show after
/// linking, which ids were merged into which, and the anchors not found.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// The corrections applied.
    pub list: std::sync::Arc<Corrections>,
    /// The entity table before corrections, when they changed it.
    pub raw_table: Option<EntityTable>,
    /// Annotations before corrections of the documents they changed, by document id.
    pub raw_docs: HashMap<usize, DocAnnotations>,
    /// Display names given by renames, applied over the linked names.
    pub names: HashMap<EntityRef, String>,
    /// Stable id → every id merged into it (directly or through others).
    pub merged: HashMap<String, Vec<String>>,
    /// Entities a correction is about (the side panel marks them).
    pub corrected: HashSet<EntityRef>,
    /// Corrections that could not be applied to this archive, and why.
    pub skipped: Vec<String>,
}

impl Applied {
    /// The index ids that count as entity `id`: itself and every id merged into it.
    pub fn index_ids(&self, id: &str) -> Vec<String> {
        let mut ids = vec![id.to_string()];
        ids.extend(self.merged.get(id).into_iter().flatten().cloned());
        ids
    }
}

/// Applies `list` in order to `annotations` (by document id) and `table`, keeping the
/// originals in the result. Documents are found by [`doc_hash`] among those `live` accepts;
/// an added mention whose anchor no longer matches is skipped and reported.
pub fn apply(
    list: std::sync::Arc<Corrections>,
    table: &mut EntityTable,
    annotations: &mut [DocAnnotations],
    texts: &Texts,
    live: impl Fn(usize) -> bool,
) -> Applied {
    let mut out = Applied { list: list.clone(), ..Applied::default() };
    if list.is_empty() {
        return out;
    }
    let mut raw_docs: HashMap<usize, DocAnnotations> = HashMap::new();
    let raw_table = table.clone();
    let mut into: HashMap<String, String> = HashMap::new();
    let mut docs_by_hash: HashMap<String, Vec<usize>> = HashMap::new();
    let mut wanted = HashSet::new();
    for (_, c) in &list.items {
        match c {
            Correction::Reject { doc: Some(d), .. } | Correction::AddMention { doc: d, .. } => {
                wanted.insert(d.as_str());
            }
            _ => {}
        }
    }
    if !wanted.is_empty() {
        // The key is the spans' check: no text is read to find a document.
        let checks: HashMap<u64, &str> =
            wanted.iter().filter_map(|h| Some((check_of(h)?, *h))).collect();
        for d in (0..annotations.len()).filter(|&d| live(d)) {
            let Some(span) = texts.span(d) else { continue };
            if let Some(h) = checks.get(&span.check) {
                docs_by_hash.entry(h.to_string()).or_default().push(d);
            }
        }
    }
    let docs_of = |h: &str| docs_by_hash.get(h).cloned().unwrap_or_default();
    // Every document among `docs` with a mention `touches` accepts (every one, without it) is given to `f`, its
    // original kept when `f` changes it (the others are not copied: an archive's millions of
    // mentions are looked at, not cloned).
    let mut edit = |annotations: &mut [DocAnnotations],
                    docs: &mut dyn Iterator<Item = usize>,
                    touches: Option<&dyn Fn(&StoredMention) -> bool>,
                    f: &mut dyn FnMut(usize, &mut Vec<StoredMention>) -> bool| {
        for d in docs {
            if let Some(t) = touches
                && !annotations[d].mentions.iter().any(t)
            {
                continue;
            }
            let before = annotations[d].clone();
            if f(d, &mut annotations[d].mentions) {
                raw_docs.entry(d).or_insert(before);
            }
        }
    };
    let n = annotations.len();
    for (_, c) in &list.items {
        match c {
            Correction::SetKind { entity, kind } => {
                let Some(e) = table.find(entity) else { continue };
                table.set_kind(e, *kind);
                out.corrected.insert(e);
                edit(annotations, &mut (0..n), Some(&|m| m.entity == e), &mut |_, ms| {
                    let mut changed = false;
                    for m in ms.iter_mut().filter(|m| m.entity == e && m.kind != *kind) {
                        m.kind = *kind;
                        changed = true;
                    }
                    changed
                });
            }
            Correction::Rename { entity, name } => {
                let Some(e) = table.find(entity) else { continue };
                table.set_canonical(e, name);
                out.names.insert(e, name.clone());
                out.corrected.insert(e);
            }
            Correction::Merge { entity, into: to } => {
                let (Some(a), Some(b)) = (table.find(entity), table.find(to)) else { continue };
                let kind = table.get(b).map_or(EntityKind::Place, |t| t.kind);
                into.insert(entity.clone(), to.clone());
                out.corrected.insert(b);
                edit(annotations, &mut (0..n), Some(&|m| m.entity == a), &mut |d, ms| {
                    let mut changed = false;
                    for m in ms.iter_mut().filter(|m| m.entity == a) {
                        let text = texts.get(d).get(m.range()).unwrap_or_default();
                        m.surface = table.surface_for(b, text);
                        m.entity = b;
                        m.kind = kind;
                        changed = true;
                    }
                    changed
                });
                if let Some(n) = out.names.get(&a).cloned() {
                    out.names.entry(b).or_insert(n);
                }
            }
            Correction::Reject { entity, doc } => {
                let Some(e) = table.find(entity) else { continue };
                let docs = doc.as_deref().map(docs_of);
                let mut all = 0..n;
                let mut some = docs.unwrap_or_default().into_iter();
                let it: &mut dyn Iterator<Item = usize> =
                    if doc.is_none() { &mut all } else { &mut some };
                edit(annotations, it, Some(&|m| m.entity == e), &mut |_, ms| {
                    let before = ms.len();
                    ms.retain(|m| m.entity != e);
                    ms.len() != before
                });
            }
            Correction::AddMention { doc, anchor, kind, name, entity } => {
                let docs = docs_of(doc);
                if docs.is_empty() {
                    continue;
                }
                let e = match entity.as_deref().and_then(|id| table.find(id)) {
                    Some(e) => e,
                    None => table.add_entity(&c.entity(), *kind, name),
                };
                out.corrected.insert(e);
                let mut missed = false;
                edit(annotations, &mut docs.into_iter(), None, &mut |d, ms| {
                    let text = texts.get(d);
                    let Some(r) = anchor.find(text) else {
                        missed = true;
                        return false;
                    };
                    let (Ok(start), Ok(end)) = (u32::try_from(r.start), u32::try_from(r.end))
                    else {
                        return false;
                    };
                    ms.retain(|m| m.end <= start || m.start >= end);
                    let surface = table.surface_for(e, &text[r]);
                    let at = ms.partition_point(|m| m.start < start);
                    ms.insert(at, StoredMention { start, end, entity: e, surface, kind: *kind });
                    true
                });
                if missed {
                    out.skipped.push(format!(
                        "{}: the text is no longer in the document",
                        crate::text::printable::printable(&c.describe())
                    ));
                }
            }
        }
    }
    // Merged ids, transitively: a → b → c counts a and b as c. A cycle stops where it repeats.
    for a in into.keys() {
        let mut root = a;
        let mut seen = HashSet::new();
        while let Some(next) = into.get(root) {
            if !seen.insert(root) {
                break;
            }
            root = next;
        }
        if root != a {
            out.merged.entry(root.clone()).or_default().push(a.clone());
        }
    }
    if table.entities.len() != raw_table.entities.len()
        || table.surfaces.len() != raw_table.surfaces.len()
        || table.entities != raw_table.entities
    {
        out.raw_table = Some(raw_table);
    }
    out.raw_docs = raw_docs;
    out
}

/// The span check ([`super::docs::text_check`]) a document key names.
fn check_of(key: &str) -> Option<u64> {
    if key.len() != 16 {
        return None;
    }
    u64::from_str_radix(key, 16).ok()
}
