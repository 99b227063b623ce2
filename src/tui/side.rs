//! The side panel's model beyond its entities: the open document's dates, which the cursor
//! walks after the entities (`Dates (5)` reaches all five), and what `Enter` on one does.
//! Drawing is in `view::side`.

use std::ops::Range;

use super::app::{App, Pane};
use super::nav::HitMark;
use crate::store::Store;

/// One date of the open document as the panel lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideDate {
    /// The resolved value (`2018-06-12`, `2018-06`, `2018`).
    pub value: String,
    /// Logical byte range of the date's words in the text.
    pub range: Range<usize>,
}

/// The dates of document `doc`, by value then position (the panel's order).
pub fn dates(store: &Store, doc: usize) -> Vec<SideDate> {
    let Some(ann) = store.annotations.get(doc) else { return Vec::new() };
    let mut v: Vec<_> = ann.dates.iter().collect();
    v.sort_by_key(|d| (d.value, d.range.start));
    v.into_iter().map(|d| SideDate { value: d.value_string(), range: d.range.clone() }).collect()
}

impl App {
    /// Rows the side panel's cursor walks: the entities, then the dates.
    pub fn side_len(&self) -> usize {
        self.side.entities.len() + self.side.dates.len()
    }

    /// The date under the side panel's cursor, if the cursor is past the entities.
    pub fn side_date(&self) -> Option<&SideDate> {
        self.side
            .selected
            .checked_sub(self.side.entities.len())
            .and_then(|i| self.side.dates.get(i))
    }
}

/// `Enter` on a date of the side panel: the reader shows it, marked like a hit, and the
/// place before is kept in the jump history.
pub fn open_date(app: &mut App) -> bool {
    let (Some(doc), Some(d)) = (app.reader.doc, app.side_date().cloned()) else { return false };
    app.jump_to(doc, d.range.start);
    app.nav.hits = Some(HitMark { query: d.value, doc, hits: vec![d.range], current: 0 });
    app.focus = Pane::Reader;
    true
}
