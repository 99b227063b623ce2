//! Every dated mention across the archive, in date order.

use chrono::NaiveDate;

use crate::corpus::Document;
use crate::extract::{Annotations, Granularity};

/// One dated mention on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    pub doc: usize,
    /// Index into the document's `dates`.
    pub date: usize,
    pub value: NaiveDate,
    pub granularity: Granularity,
}

/// The timeline of `docs`, oldest first (ties by document then position).
pub fn build(_docs: &[Document], annotations: &[Annotations]) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = annotations
        .iter()
        .enumerate()
        .flat_map(|(doc, a)| {
            a.dates.iter().enumerate().map(move |(date, d)| TimelineEntry {
                doc,
                date,
                value: d.value,
                granularity: d.granularity,
            })
        })
        .collect();
    out.sort_by_key(|e| (e.value, e.doc, e.date));
    out
}
