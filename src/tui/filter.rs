//! Filters on the document list beyond the language: documents that mention an entity, a
//! publication date range, and unread only; with the date-range syntax of the `D` prompt.

use chrono::NaiveDate;

use super::app::App;
use crate::store::Store;

/// Filters on the document list beyond the language (which `ListState` keeps).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Only documents mentioning this entity.
    pub entity: Option<crate::store::EntityRef>,
    /// Only documents published in this inclusive date range.
    pub dates: Option<(NaiveDate, NaiveDate)>,
    /// Only documents not opened yet.
    pub unread: bool,
}

impl ListFilter {
    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        self.entity.is_some() || self.dates.is_some() || self.unread
    }

    /// Whether document `doc` passes the filter.
    pub fn allows(&self, store: &Store, read: &[bool], doc: usize) -> bool {
        if self.unread && read.get(doc).copied().unwrap_or(false) {
            return false;
        }
        if let Some((from, to)) = self.dates {
            match store.docs.get(doc).and_then(|d| d.date) {
                Some(d) if d >= from && d <= to => {}
                _ => return false,
            }
        }
        if let Some(id) = &self.entity {
            let mentions = store.annotations.get(doc).map(|a| &a.mentions);
            if !mentions.is_some_and(|m| m.iter().any(|m| m.entity == *id)) {
                return false;
            }
        }
        true
    }

    /// Short description for the list title (`entity Ri Yong Ho · 2018..2019 · unread`).
    pub fn label(&self, store: &Store) -> String {
        let mut parts = Vec::new();
        if let Some(id) = &self.entity {
            let name = store.entity_name(*id);
            parts.push(name.to_string());
        }
        if let Some((a, b)) = self.dates {
            // An open bound is stored as the calendar's end; it reads as open ("..2019-01-31").
            let end = |d: NaiveDate| {
                if d == NaiveDate::MIN || d == NaiveDate::MAX {
                    String::new()
                } else {
                    d.to_string()
                }
            };
            parts.push(format!("{}..{}", end(a), end(b)));
        }
        if self.unread {
            parts.push("unread".into());
        }
        parts.join(" · ")
    }
}

/// Recomputes the list after a filter change and says what is shown.
pub(crate) fn apply_filter(app: &mut App) {
    app.refresh_order();
    let label = app.nav.filter.label(&app.store);
    app.message = Some(if label.is_empty() {
        format!("showing all {}", crate::text::plural(app.list.order.len(), "document"))
    } else {
        format!("filter: {label} ({})", crate::text::plural(app.list.order.len(), "document"))
    });
}

/// Parses `2018`, `2018-06`, `2018-06-01`, or two of them joined by `..` (either side may be
/// empty) into an inclusive range of days.
pub fn parse_date_range(s: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let s = s.trim();
    if s.is_empty() || s == ".." {
        return Err("type a date or a range, e.g. 2018 or 2018-06..2019".into());
    }
    let (a, b) = s.split_once("..").unwrap_or((s, s));
    let lo = if a.trim().is_empty() { NaiveDate::MIN } else { period(a)?.0 };
    let hi = if b.trim().is_empty() { NaiveDate::MAX } else { period(b)?.1 };
    if lo > hi {
        return Err("the range ends before it starts".into());
    }
    Ok((lo, hi))
}

fn period(s: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let bad = || format!("not a date: “{}” (use 2018, 2018-06 or 2018-06-01)", s.trim());
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let year = parts.first().ok_or_else(bad).and_then(|p| p.parse::<i32>().map_err(|_| bad()))?;
    match parts.len() {
        1 => Ok((
            NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?,
            NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad)?,
        )),
        2 => {
            let m = num(parts[1])?;
            let first = NaiveDate::from_ymd_opt(year, m, 1).ok_or_else(bad)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            };
            Ok((first, next.and_then(|d| d.pred_opt()).ok_or_else(bad)?))
        }
        3 => {
            let d =
                NaiveDate::from_ymd_opt(year, num(parts[1])?, num(parts[2])?).ok_or_else(bad)?;
            Ok((d, d))
        }
        _ => Err(bad()),
    }
}
