//! Following things through the archive: hits of a search or a find (`n`/`N`), mentions of
//! an entity (`]`/`[`), the entity view, the timeline, list filters and the state the jump
//! history restores. State types and their `update` live here; drawing is in `view::nav`.

use std::ops::Range;

use super::action::{Action, Effect};
use super::app::{App, Location, Pane};
use super::editor::Edit;
use super::filter::apply_filter;
pub use super::filter::{ListFilter, parse_date_range};
use super::keymap::Mode;
use super::search::{self, LineKind, SearchLine, SearchResults};
use crate::store::{EntityRef, TimelineEntry};

/// Everything a user can ask of the navigation features (wrapped in [`Action::Nav`]).
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum NavAction {
    /// Open the archive search line (`/`).
    SearchOpen,
    /// Open the find-in-this-document line.
    FindOpen,
    /// Open the date-range filter prompt.
    DateFilterOpen,
    /// A character typed into the open line.
    Input(char),
    /// Delete the character before the cursor.
    Backspace,
    /// An edit of the open line (cursor motion, deletion).
    Edit(super::editor::Edit),
    /// The search run before the one shown (walking back through the history).
    HistoryPrev,
    /// The search run after the one shown (walking forward, back to what was typed).
    HistoryNext,
    /// Narrow the archive search by its facet number N (from 1).
    Narrow(usize),
    /// Move the cursor in the result list / view up.
    Up,
    /// Move the cursor in the result list / view down.
    Down,
    /// Page down in a view.
    PageDown,
    /// Page up in a view.
    PageUp,
    /// To the first entry of a view.
    First,
    /// To the last entry of a view.
    Last,
    /// Accept: open the selected result / view entry, or run the line.
    Enter,
    /// Leave the line or view and return to where the user was.
    Cancel,
    /// Results of the archive search job for generation `gen`.
    SearchDone(SearchResults),
    /// Next search/find hit.
    NextHit,
    /// Previous search/find hit.
    PrevHit,
    /// Drop the hits and return to where the search started.
    ClearHits,
    /// Next mention of the followed entity.
    NextMention,
    /// Previous mention of the followed entity.
    PrevMention,
    /// Select (in the side panel) the entity mentioned in or nearest below the viewport.
    EntityNearView,
    /// Open the view of the entity selected in the side panel.
    EntityView,
    /// Open the timeline (at the open document's dates when the side panel has focus).
    Timeline,
    /// Show or hide the timeline's dates in page furniture (hidden at first).
    ToggleFurnitureDates,
    /// Filter the document list to the documents that mention the entity of the view.
    FilterByEntity,
    /// Show only unread documents (toggle).
    ToggleUnread,
    /// Drop every list filter (entity, language, dates, unread).
    ClearFilters,
    /// Bookmark the current passage: asks for a note first.
    BookmarkOpen,
    /// Open the bookmarks view.
    Bookmarks,
    /// Delete the bookmark selected in the bookmarks view.
    DeleteBookmark,
}

impl NavAction {
    /// The name [`Action::name`] gives it: the variant in snake_case, a line edit's own name
    /// (`kill_to_end`), a facet with its number (`narrow_2`).
    pub fn name(&self) -> String {
        match self {
            NavAction::Edit(e) => <&'static str>::from(e).to_string(),
            NavAction::Narrow(n) => format!("narrow_{n}"),
            n => <&'static str>::from(n).to_string(),
        }
    }
}

/// Search or find hits in the open document, and which one is current.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitMark {
    /// What was searched (shown in the status bar).
    pub query: String,
    /// Document the hits belong to.
    pub doc: usize,
    /// Logical byte ranges of the hits, in text order.
    pub hits: Vec<Range<usize>>,
    /// Index of the current hit.
    pub current: usize,
}

/// A full-screen navigation view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NavView {
    /// One entity: names, counts, documents, co-occurring entities, dates.
    Entity {
        /// The entity.
        id: EntityRef,
        /// Selected row (index into the view's rows).
        selected: usize,
    },
    /// Every dated mention of the archive, oldest first.
    Timeline {
        /// Selected row.
        selected: usize,
    },
    /// The user's bookmarks across the archive.
    Bookmarks {
        /// Selected row.
        selected: usize,
    },
}

/// The navigation part of the reader's state.
#[derive(Debug, Clone, Default)]
pub struct NavState {
    /// The open search / find / filter line.
    pub line: Option<SearchLine>,
    /// Generation of the newest archive search sent to the job; older results are dropped.
    pub generation: u64,
    /// The last archive query run (kept for the next `/`).
    pub last_query: String,
    /// Hits of the last search or find in the open document.
    pub hits: Option<HitMark>,
    /// Where the last search started (Esc returns there).
    pub search_origin: Option<Location>,
    /// The entity whose mentions are highlighted and stepped through with `]`/`[`.
    pub entity: Option<EntityRef>,
    /// The open navigation view.
    pub view: Option<NavView>,
    /// Every dated mention, computed when the timeline is first opened.
    pub timeline: Option<Vec<TimelineEntry>>,
    /// The timeline shows the dates in page furniture too.
    pub show_furniture_dates: bool,
    /// Filters on the document list.
    pub filter: ListFilter,
    /// Start byte of the mention `]`/`[` last went to (the next step starts there).
    pub last_mention: Option<usize>,
    /// The open document folded for find, kept while finding in it.
    pub folded: Option<(usize, crate::text::normalize::Folded)>,
    /// Queries run from the search line, oldest first (saved through [`Effect::RememberSearch`]).
    pub history: Vec<String>,
    /// Which history entry the line shows while walking it with ↑/↓.
    pub history_at: Option<usize>,
    /// What was typed before walking the history (↓ past the newest brings it back).
    pub draft: String,
    /// Queries to save, taken by `update` as effects.
    pub(crate) to_remember: Vec<String>,
}

/// How many queries the history keeps.
pub const HISTORY_LEN: usize = 500;

impl NavState {
    /// Adds `query` to the history (the newest; an older copy of it moves up) and asks for it
    /// to be saved.
    pub fn remember(&mut self, query: &str) {
        let q = query.trim();
        if q.is_empty() {
            return;
        }
        self.history.retain(|h| h != q);
        self.history.push(q.to_string());
        if self.history.len() > HISTORY_LEN {
            self.history.remove(0);
        }
        self.history_at = None;
        self.to_remember.push(q.to_string());
    }
}

impl NavState {
    /// Key mode of the navigation features, if one is active.
    pub fn mode(&self) -> Option<Mode> {
        if self.line.is_some() {
            Some(Mode::SearchLine)
        } else {
            match self.view {
                Some(NavView::Entity { .. }) => Some(Mode::EntityView),
                Some(NavView::Timeline { .. }) => Some(Mode::Timeline),
                Some(NavView::Bookmarks { .. }) => Some(Mode::Bookmarks),
                None => None,
            }
        }
    }
}

impl App {
    /// Logical byte ranges the navigation features highlight in the open document: the
    /// followed entity's mentions and the search/find hits.
    pub fn nav_highlights(&self) -> Vec<Range<usize>> {
        let Some(doc) = self.reader.doc else { return Vec::new() };
        let mut out = Vec::new();
        // With the side panel focused its selected entity is lit instead (`App::highlights`).
        if let Some(id) = self.nav.entity.filter(|_| self.focus != Pane::Side)
            && let Some(a) = self.store.annotations.get(doc)
        {
            out.extend(a.mentions.iter().filter(|m| m.entity == id).map(|m| m.range()));
        }
        if let Some(h) = self.nav.hits.as_ref().filter(|h| h.doc == doc) {
            out.extend(h.hits.iter().cloned());
        }
        out
    }

    /// The current search/find hit in the open document (drawn stronger than the others).
    pub fn current_hit(&self) -> Option<Range<usize>> {
        let doc = self.reader.doc?;
        let h = self.nav.hits.as_ref().filter(|h| h.doc == doc)?;
        h.hits.get(h.current).cloned()
    }

    /// Mentions (byte ranges, text order) of entity `id` in the open document.
    pub fn mentions_here(&self, id: EntityRef) -> Vec<Range<usize>> {
        let Some(doc) = self.reader.doc else { return Vec::new() };
        self.store.annotations.get(doc).map_or(Vec::new(), |a| {
            a.mentions.iter().filter(|m| m.entity == id).map(|m| m.range()).collect()
        })
    }

    /// Goes to a recorded place: document, scroll position, followed entity and hits.
    pub fn restore(&mut self, to: Location) {
        self.nav.last_mention = None;
        // Going back or forward lands where the place was taken: in the reader, or in the view
        // (an entity view left through "appears with"); never in a line.
        self.nav.view = to.view.clone();
        self.nav.line = None;
        if self.reader.doc != Some(to.doc) {
            self.open_at(to.doc, to.anchor);
        } else {
            self.reader.anchor = to.anchor;
            self.rows = None;
            self.sync_layout();
        }
        self.nav.entity = to.entity;
        if let Some(id) = to.entity
            && let Some(i) = self.side.entities.iter().position(|e| e.id == id)
        {
            self.side.selected = i;
        }
        self.nav.hits = to.search;
        if let Some(i) = self.list.order.iter().position(|&d| d == to.doc) {
            self.list.selected = i;
            self.scroll_list_into_view();
        }
    }

    /// Records the current place, then opens `doc` with `byte` in view.
    pub fn jump_to(&mut self, doc: usize, byte: usize) {
        if let Some(here) = self.location() {
            self.history.push(here);
        }
        if self.reader.doc != Some(doc) {
            self.open_at(doc, 0);
            self.nav.last_mention = None;
        }
        self.reveal(byte);
        if let Some(i) = self.list.order.iter().position(|&d| d == doc) {
            self.list.selected = i;
            self.scroll_list_into_view();
        }
    }

    /// Status-bar counter of the current hit or mention (`hit 2/5`, `Ri Yong Ho 1/3`).
    pub fn nav_counter(&self) -> Option<String> {
        let doc = self.reader.doc?;
        if let Some(h) = self.nav.hits.as_ref().filter(|h| h.doc == doc) {
            return Some(if h.hits.is_empty() {
                format!("“{}” 0/0", h.query)
            } else {
                format!("“{}” {}/{}", h.query, h.current + 1, h.hits.len())
            });
        }
        let id = self.nav.entity?;
        let ms = self.mentions_here(id);
        let name = self.store.entity_name(id);
        // The mention `]`/`[` last went to; before any step, "–" (none visited yet).
        let at = self.nav.last_mention.and_then(|b| ms.iter().position(|m| m.start == b));
        Some(match at {
            Some(i) => format!("{name} {}/{}", i + 1, ms.len()),
            None => format!("{name} –/{}", ms.len()),
        })
    }
}

/// Applies a navigation action.
pub fn update(app: &mut App, action: NavAction) -> Vec<Effect> {
    use NavAction as N;
    match action {
        N::SearchOpen => {
            app.nav.search_origin = app.location();
            let q = app.nav.last_query.clone();
            app.nav.line = Some(SearchLine::new(LineKind::Archive, &q));
            if !q.is_empty() {
                return start_search(app);
            }
        }
        N::FindOpen => {
            if app.reader.doc.is_none() {
                app.message = Some("no document open".into());
                return Vec::new();
            }
            app.nav.search_origin = app.location();
            app.nav.line = Some(SearchLine::new(LineKind::Document, ""));
        }
        N::DateFilterOpen => {
            app.nav.line = Some(SearchLine::new(LineKind::Dates, ""));
        }
        N::Input(c) => return search::edit_line(app, Edit::Insert(c)),
        N::Backspace => return search::edit_line(app, Edit::Backspace),
        N::Edit(e) => return search::edit_line(app, e),
        N::HistoryPrev | N::HistoryNext => {
            return search::walk_history(app, action == N::HistoryPrev);
        }
        N::Narrow(n) => return search::narrow(app, n),
        N::SearchDone(r) => search::apply_results(app, r),
        N::Up | N::Down | N::PageDown | N::PageUp | N::First | N::Last => move_cursor(app, &action),
        N::Enter => enter(app),
        N::Cancel => cancel(app),
        N::NextHit | N::PrevHit => super::follow::step_hit(app, action == N::NextHit),
        N::ClearHits => {
            if app.nav.hits.take().is_some() {
                if let Some(o) = app.nav.search_origin.take() {
                    app.restore(o);
                }
                app.message = Some("search cleared".into());
            } else if app.nav.entity.take().is_some() {
                app.message = Some("mentions no longer highlighted".into());
            }
        }
        N::NextMention | N::PrevMention => {
            super::follow::step_mention(app, action == N::NextMention)
        }
        N::EntityNearView => super::follow::entity_near_view(app),
        N::EntityView => {
            // From the text: the entity being followed; from the side panel: the selected one.
            let followed = app.nav.entity.filter(|_| app.focus != Pane::Side);
            let selected = app.side.entities.get(app.side.selected).map(|e| e.id);
            if let Some(id) = followed.or(selected) {
                open_entity(app, id);
            } else {
                app.message = Some("no entity selected".into());
            }
        }
        N::Timeline => super::timeline::open(app),
        N::ToggleFurnitureDates => super::timeline::toggle_furniture_dates(app),
        N::FilterByEntity => {
            if let Some(NavView::Entity { id, .. }) = &app.nav.view {
                app.nav.filter.entity = Some(*id);
                app.nav.view = None;
                apply_filter(app);
                app.focus = Pane::List;
            }
        }
        N::BookmarkOpen => {
            if app.reader.doc.is_none() {
                app.message = Some("no document open".into());
            } else {
                app.nav.line = Some(SearchLine::new(LineKind::Note, ""));
            }
        }
        N::Bookmarks => {
            app.nav.view = Some(NavView::Bookmarks { selected: 0 });
            let rows = super::view::nav::view_rows(app);
            let first = rows.iter().position(|r| r.target.is_some()).unwrap_or(0);
            app.nav.view = Some(NavView::Bookmarks { selected: first });
            if app.user.bookmarks.is_empty() {
                app.message = Some("no bookmarks yet (m in the reader marks a passage)".into());
            }
        }
        N::DeleteBookmark => {
            if let Some(NavView::Bookmarks { selected }) = app.nav.view {
                let rows = super::view::nav::view_rows(app);
                if let Some(i) = rows.get(selected).and_then(|r| r.item) {
                    app.remove_bookmark(i);
                }
                let rows = super::view::nav::view_rows(app);
                let last = rows.iter().rposition(|r| r.target.is_some() || r.item.is_some());
                app.nav.view =
                    Some(NavView::Bookmarks { selected: selected.min(last.unwrap_or(0)) });
            }
        }
        N::ToggleUnread => {
            app.nav.filter.unread = !app.nav.filter.unread;
            apply_filter(app);
        }
        N::ClearFilters => {
            app.nav.filter = ListFilter::default();
            app.list.lang = None;
            app.refresh_order();
            app.message = Some(format!(
                "filters cleared ({})",
                crate::text::plural(app.list.order.len(), "document")
            ));
        }
    }
    Vec::new()
}

pub(crate) fn line_changed(app: &mut App) -> Vec<Effect> {
    match app.nav.line.as_ref().map(|l| l.kind) {
        Some(LineKind::Archive) => start_search(app),
        Some(LineKind::Document) => {
            search::find_in_document(app);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Bumps the generation and asks the loop to run the query off the UI thread.
pub(crate) fn start_search(app: &mut App) -> Vec<Effect> {
    let Some(line) = &mut app.nav.line else { return Vec::new() };
    app.nav.generation += 1;
    line.pending = true;
    line.error = None;
    vec![Effect::Search { generation: app.nav.generation, query: line.input().to_string() }]
}

fn move_cursor(app: &mut App, action: &NavAction) {
    let d: isize = match action {
        NavAction::Up => -1,
        NavAction::Down => 1,
        NavAction::PageDown => 10,
        NavAction::PageUp => -10,
        NavAction::First => isize::MIN / 2,
        _ => isize::MAX / 2,
    };
    if let Some(line) = &mut app.nav.line {
        let n = line.results.len();
        line.selected = (line.selected as isize)
            .saturating_add(d)
            .clamp(0, n.saturating_sub(1) as isize) as usize;
        return;
    }
    let rows = super::view::nav::view_rows(app);
    let Some(sel) = app.nav.view.as_mut().map(|v| match v {
        NavView::Entity { selected, .. }
        | NavView::Timeline { selected }
        | NavView::Bookmarks { selected } => selected,
    }) else {
        return;
    };
    let targets: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.target.is_some() || r.item.is_some())
        .map(|(i, _)| i)
        .collect();
    if targets.is_empty() {
        return;
    }
    let at = targets.iter().position(|&t| t >= *sel).unwrap_or(0) as isize;
    let to = at.saturating_add(d).clamp(0, targets.len() as isize - 1) as usize;
    *sel = targets[to];
}

fn enter(app: &mut App) {
    app.nav.folded = None;
    if let Some(line) = app.nav.line.take() {
        match line.kind {
            LineKind::Archive => search::open_result(app, line),
            LineKind::Document => search::accept_find(app, line),
            LineKind::Note => app.add_bookmark(line.input()),
            LineKind::Dates => match parse_date_range(line.input()) {
                Ok(r) => {
                    app.nav.filter.dates = Some(r);
                    apply_filter(app);
                }
                Err(e) => {
                    app.nav.line = Some(SearchLine { error: Some(e), ..line });
                }
            },
            LineKind::Export => super::takeout::accept_export(app, line),
        }
        return;
    }
    let rows = super::view::nav::view_rows(app);
    let sel = match &app.nav.view {
        Some(
            NavView::Entity { selected, .. }
            | NavView::Timeline { selected }
            | NavView::Bookmarks { selected },
        ) => *selected,
        None => return,
    };
    let mark = match &app.nav.view {
        Some(NavView::Bookmarks { .. }) => "bookmark",
        _ => "date",
    };
    let target = rows.get(sel).and_then(|r| r.target.clone());
    match target {
        Some(super::view::nav::Target::Doc { doc, byte, hl }) => {
            let entity = match &app.nav.view {
                Some(NavView::Entity { id, .. }) => Some(*id),
                _ => None,
            };
            app.nav.view = None;
            app.jump_to(doc, byte);
            app.nav.hits = None;
            app.nav.entity = entity;
            if entity.is_some() {
                app.nav.last_mention = Some(byte);
            }
            if let Some(id) = entity
                && let Some(i) = app.side.entities.iter().position(|e| e.id == id)
            {
                app.side.selected = i;
            }
            if app.nav.entity.is_none() {
                // A date from the timeline or a bookmark: mark it like a single hit.
                app.nav.hits =
                    Some(HitMark { query: mark.into(), doc, hits: vec![hl], current: 0 });
            }
            app.focus = Pane::Reader;
        }
        Some(super::view::nav::Target::Entity(id)) => {
            // The view left is a place to come back to (Ctrl-o).
            if let Some(here) = app.location() {
                app.history.push(here);
            }
            open_entity(app, id);
        }
        None => {}
    }
}

fn cancel(app: &mut App) {
    app.nav.folded = None;
    if let Some(line) = app.nav.line.take() {
        if line.kind == LineKind::Export {
            super::takeout::cancel_export(app);
        } else if !matches!(line.kind, LineKind::Dates | LineKind::Note)
            && let Some(o) = app.nav.search_origin.take()
        {
            app.restore(o);
        }
        return;
    }
    app.nav.view = None;
}

fn open_entity(app: &mut App, id: EntityRef) {
    if app.store.entities.get(id).is_none() {
        app.message = Some("unknown entity".into());
        return;
    }
    app.nav.entity = Some(id);
    app.nav.view = Some(NavView::Entity { id, selected: 0 });
    let rows = super::view::nav::view_rows(app);
    if let Some(NavView::Entity { selected, .. }) = &mut app.nav.view {
        *selected = rows.iter().position(|r| r.target.is_some()).unwrap_or(0);
    }
}

/// Wraps a navigation action for the keymap.
pub fn nav(a: NavAction) -> Action {
    Action::Nav(a)
}
