//! Taking in a refreshed archive while the reader is open. A document's id never changes and
//! neither does the text under it (a changed file comes back as a new document), so what the
//! reader holds stays valid: layouts, read marks, history, the followed entity. Only what
//! depends on the set of documents is recomputed: the list, the side panel's counts, the
//! timeline, open search results; and a removed open document gives way to its new version.

use std::sync::Arc;

use super::Options;
use super::action::Effect;
use super::app::App;
use super::search::LineKind;
use crate::store::Store;

/// Replaces the reader's store by `store`; `same_ids` says its ids are those of the old one
/// (else the reader starts over on it, keeping the open document by path).
pub fn apply(app: &mut App, store: Arc<Store>, same_ids: bool) -> Vec<Effect> {
    let old = std::mem::replace(&mut app.store, store);
    let open_path = app.reader.doc.and_then(|d| old.docs.get(d)).map(|d| d.path.clone());
    if !same_ids {
        let opts = Options { bidi: app.bidi, shape: app.shape, osc52: app.osc52 };
        let keymap = std::mem::take(&mut app.keymap);
        let (theme, config) = (app.theme, std::mem::take(&mut app.config));
        let store = Arc::clone(&app.store);
        let steps = app.list_steps;
        app.note_position();
        let saves = app.user.take_saves();
        let user = std::mem::take(&mut app.user);
        let loaded = super::user::Loaded {
            read: user.read,
            positions: user.positions,
            bookmarks: user.bookmarks,
            history: std::mem::take(&mut app.nav.history),
        };
        *app = App::new(store, opts, app.size).with_state(loaded);
        app.user.saves.splice(0..0, saves);
        (app.keymap, app.theme, app.config) = (keymap, theme, config);
        app.list_steps = steps;
        if let Some(d) = open_path.and_then(|p| live_with_path(app, &p)) {
            app.open_doc(d);
        }
        return Vec::new();
    }
    // New documents may be texts the user read before (a moved or restored file).
    app.apply_read_marks();
    let anchor = app.reader.anchor;
    let open = app.reader.doc;
    app.refresh_order();
    match open {
        Some(d) if app.store.docs.get(d).is_some_and(|d| d.removed) => {
            // Its file changed or went: its new version, at the same place if it is still there.
            let next =
                open_path.and_then(|p| live_with_path(app, &p)).or(app.list.order.first().copied());
            match next {
                Some(n) => {
                    let anchor = anchor.min(app.store.text(n).len());
                    app.open_at(n, anchor);
                }
                None => {
                    app.reader = Default::default();
                    app.rows = None;
                    app.side = Default::default();
                }
            }
        }
        Some(d) => {
            let selected = app.side.selected;
            app.side.entities = app.side_entities(d);
            app.side.dates = super::side::dates(&app.store, d);
            app.side.selected = selected.min(app.side_len().saturating_sub(1));
        }
        None => {}
    }
    app.history.back.retain(|l| !app.store.docs[l.doc].removed);
    app.history.forward.retain(|l| !app.store.docs[l.doc].removed);
    if app.nav.timeline.is_some() {
        app.nav.timeline = Some(app.store.timeline());
    }
    match app.nav.line.as_ref().map(|l| l.kind) {
        Some(LineKind::Archive) => super::nav::start_search(app),
        _ => Vec::new(),
    }
}

/// The listed document with path `path`.
fn live_with_path(app: &App, path: &str) -> Option<usize> {
    app.store.live_ids().find(|&i| app.store.docs[i].path == path)
}
