//! Stepping through what the reader follows in the open document: search and find hits
//! (`n`/`N`), an entity's mentions (`]`/`[`), and picking the entity on screen (`e`). Part of
//! the navigation `update` (`tui::nav`); the jump history records each step.

use super::app::{App, Pane};

/// Next or previous search/find hit in the open document, wrapping.
pub(crate) fn step_hit(app: &mut App, forward: bool) {
    let Some(doc) = app.reader.doc else { return };
    let Some(h) = app.nav.hits.as_mut().filter(|h| h.doc == doc && !h.hits.is_empty()) else {
        app.message = Some("no search hits here (/ to search, f to find)".into());
        return;
    };
    let n = h.hits.len();
    h.current = if forward { (h.current + 1) % n } else { (h.current + n - 1) % n };
    let byte = h.hits[h.current].start;
    app.reveal(byte);
}

pub(crate) fn step_mention(app: &mut App, forward: bool) {
    // From the side panel, `]`/`[` follow the entity under its cursor.
    let selected = app.side.entities.get(app.side.selected).map(|e| e.id);
    if (app.nav.entity.is_none() || app.focus == Pane::Side) && app.nav.entity != selected {
        app.nav.entity = selected;
        app.nav.last_mention = None;
    }
    let Some(id) = app.nav.entity else {
        app.message = Some("no entity selected (Tab to the side panel, or e)".into());
        return;
    };
    let ms = app.mentions_here(id);
    if ms.is_empty() {
        app.message = Some("not mentioned in this document".into());
        return;
    }
    // The mention after (or before) the one at the current reading point.
    // From the mention last visited, or else from the edge of the screen (inclusive).
    let vis = app.visible_bytes();
    let target = match (last_mention_visited(app), forward) {
        (Some(p), true) => ms.iter().find(|m| m.start > p),
        (Some(p), false) => ms.iter().rev().find(|m| m.start < p),
        (None, true) => ms.iter().find(|m| m.start >= vis.start),
        (None, false) => ms.iter().rev().find(|m| m.start < vis.end),
    };
    let target = target.or(if forward { ms.first() } else { ms.last() });
    let Some(t) = target.cloned() else { return };
    if let Some(here) = app.location() {
        app.history.push(here);
    }
    app.reveal(t.start);
    app.nav.hits = None;
    app.nav.last_mention = Some(t.start);
    // The status bar's counter (`nav_counter`) shows which mention this is.
}

fn last_mention_visited(app: &App) -> Option<usize> {
    let at = app.nav.last_mention?;
    let vis = app.visible_bytes();
    (at >= vis.start && at <= vis.end).then_some(at)
}

/// Selects the first entity mentioned in the viewport, or the next one below it.
pub(crate) fn entity_near_view(app: &mut App) {
    let Some(doc) = app.reader.doc else { return };
    let vis = app.visible_bytes();
    let Some(ann) = app.store.annotations.get(doc) else { return };
    let m = ann.mentions.iter().find(|m| m.range().end > vis.start).or(ann.mentions.last());
    let Some(m) = m else {
        app.message = Some("no entities in this document".into());
        return;
    };
    let id = m.entity;
    if let Some(i) = app.side.entities.iter().position(|e| e.id == id) {
        app.side.selected = i;
    }
    app.message = Some(format!("selected {}", app.store.entity_name(id)));
    app.nav.entity = Some(id);
    app.focus = Pane::Side;
}
