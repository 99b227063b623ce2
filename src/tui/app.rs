//! The reader's whole state. Only [`crate::tui::update::update`] changes it; views read it.

use std::collections::BTreeMap;

use ratatui::layout::Rect;

use super::Options;
use super::keymap::{Keymap, Mode};
use super::panes::{self, Panes};
use super::rows::{LayoutCache, LayoutKey, ReaderRows};
use crate::extract::EntityKind;
use crate::store::Store;
use crate::text::layout::BidiMode;

/// The three panes, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The document list.
    List,
    /// The reading pane.
    Reader,
    /// Metadata, entities and dates of the open document.
    Side,
}

impl Pane {
    /// The next pane in Tab order (wrapping).
    pub fn next(self) -> Pane {
        match self {
            Pane::List => Pane::Reader,
            Pane::Reader => Pane::Side,
            Pane::Side => Pane::List,
        }
    }

    /// The previous pane in Tab order (wrapping).
    pub fn prev(self) -> Pane {
        match self {
            Pane::List => Pane::Side,
            Pane::Reader => Pane::List,
            Pane::Side => Pane::Reader,
        }
    }
}

/// A full-screen overlay over the panes; `scroll` is its first shown row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Key help generated from the keymap.
    Help {
        /// First shown row.
        scroll: usize,
    },
    /// Files that could not be read, and per-document warnings.
    Problems {
        /// First shown row.
        scroll: usize,
    },
}

/// What the document list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Publication date (undated last).
    Date,
    /// Title, case-insensitively.
    Title,
    /// Language code.
    Lang,
    /// Source path.
    Source,
}

impl SortKey {
    /// The next key in the `s` cycle.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Date => SortKey::Title,
            SortKey::Title => SortKey::Lang,
            SortKey::Lang => SortKey::Source,
            SortKey::Source => SortKey::Date,
        }
    }

    /// Name shown in the status bar and list title.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Lang => "lang",
            SortKey::Source => "source",
        }
    }
}

/// The document list: which documents are shown, in which order, and the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListState {
    /// Ids of the shown documents, in display order (after filter and sort).
    pub order: Vec<usize>,
    /// Cursor: index into `order`.
    pub selected: usize,
    /// First shown row (index into `order`).
    pub offset: usize,
    /// Field the list is sorted by.
    pub sort: SortKey,
    /// Descending order when true.
    pub reverse: bool,
    /// Only documents in this language, when set.
    pub lang: Option<String>,
}

/// A place in the archive the jump history can return to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Document id.
    pub doc: usize,
    /// Logical byte offset of the first row shown (survives relayout at another width).
    pub anchor: usize,
    /// The entity whose mentions were highlighted.
    pub entity: Option<crate::store::EntityRef>,
    /// The search or find hits shown, and the current one.
    pub search: Option<super::nav::HitMark>,
    /// The navigation view open over the reader there (an entity view left for another).
    pub view: Option<super::nav::NavView>,
}

/// Browser-style history of jumps between documents (and, later, mentions and search hits).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    /// Places to go back to, oldest first.
    pub back: Vec<Location>,
    /// Places to go forward to again, after going back (most recent last).
    pub forward: Vec<Location>,
}

impl JumpList {
    /// Records `from` before a jump; a new jump clears the forward list.
    pub fn push(&mut self, from: Location) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        self.forward.clear();
    }
}

/// The reading pane: the open document and how far it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReaderState {
    /// Id of the open document.
    pub doc: Option<usize>,
    /// First shown row of the text.
    pub top: usize,
    /// Logical byte shown at the top, to keep the place across relayouts.
    pub anchor: usize,
    /// Documents whose boilerplate is unfolded.
    pub unfolded: std::collections::BTreeSet<usize>,
}

/// One entity of the open document as the side panel lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideEntity {
    /// The entity.
    pub id: crate::store::EntityRef,
    /// Canonical display name.
    pub name: String,
    /// Person, organisation or place.
    pub kind: EntityKind,
    /// Mentions in this document.
    pub count: usize,
    /// Documents in the archive that mention it.
    pub docs: usize,
    /// Its other spellings and scripts across the archive, most frequent first.
    pub spellings: Vec<String>,
}

/// The side panel: the open document's entities (grouped by kind) and the cursor.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SideState {
    /// Entities sorted by kind, then by mentions (most first), then first appearance.
    pub entities: Vec<SideEntity>,
    /// The document's dates, listed after the entities.
    pub dates: Vec<super::side::SideDate>,
    /// Cursor: index into `entities`, then (past them) into `dates`.
    pub selected: usize,
}

/// Everything the reader shows and remembers.
pub struct App {
    /// The archive being read (shared with background search jobs).
    pub store: std::sync::Arc<Store>,
    /// Key bindings (also the source of the help overlay).
    pub keymap: Keymap,
    /// The styles the views draw with, fitted to the terminal's colours.
    pub theme: super::theme::Theme,
    /// The config file's settings (its keymap and theme are copied into `keymap` and `theme`;
    /// switches such as `clipboard_osc52` are read here; its warnings show in the problems
    /// view).
    pub config: super::config::Config,
    /// Who reorders right-to-left text.
    pub bidi: BidiMode,
    /// Whether Arabic is shaped into presentation forms.
    pub shape: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// The pane keys go to.
    pub focus: Pane,
    /// How many `<`/`>` steps the document list is widened (negative: narrowed).
    pub list_steps: i8,
    /// Whether `y`/`Y` may set the clipboard through OSC 52 (`[clipboard] osc52`).
    pub osc52: bool,
    /// The open overlay, drawn over the panes and taking the keys.
    pub overlay: Option<Overlay>,
    /// The document list.
    pub list: ListState,
    /// The reading pane.
    pub reader: ReaderState,
    /// The side panel.
    pub side: SideState,
    /// `read[doc]`: the document has been opened.
    pub read: Vec<bool>,
    /// Jumps between documents, for back/forward.
    pub history: JumpList,
    /// One line for the status bar (cleared by the next key).
    pub message: Option<String>,
    /// What a background job is doing (shown until it is done).
    pub activity: Option<String>,
    /// Set when the loop should end.
    pub quit: bool,
    /// The open document's rows at the current width and settings.
    pub rows: Option<ReaderRows>,
    pub(crate) cache: LayoutCache,
    /// Search, find, followed entity, entity view, timeline and list filters.
    pub nav: super::nav::NavState,
    /// The open correction menu, prompt or reading-pane selection.
    pub correct: Option<super::correct::Correcting>,
    /// Where the left button went down in the reading pane (document, byte): a drag from
    /// there selects text.
    pub pressed: Option<(usize, usize)>,
    /// Copying, opening and exporting.
    pub takeout: super::takeout::TakeoutState,
    /// Read marks, positions and bookmarks kept between runs.
    pub user: super::user::UserState,
}

impl App {
    /// A reader over `store` for a terminal of `size`, with the first document open.
    pub fn new(store: impl Into<std::sync::Arc<Store>>, opts: Options, size: (u16, u16)) -> App {
        let store = store.into();
        let n = store.docs.len();
        let mut app = App {
            store,
            keymap: Keymap::default(),
            theme: super::theme::Theme::default(),
            config: super::config::Config::default(),
            bidi: opts.bidi,
            shape: opts.shape,
            size,
            focus: Pane::List,
            list_steps: 0,
            osc52: opts.osc52,
            overlay: None,
            list: ListState {
                order: Vec::new(),
                selected: 0,
                offset: 0,
                sort: SortKey::Date,
                reverse: false,
                lang: None,
            },
            reader: ReaderState::default(),
            side: SideState::default(),
            read: vec![false; n],
            history: JumpList::default(),
            message: None,
            activity: None,
            quit: false,
            rows: None,
            cache: LayoutCache::default(),
            nav: super::nav::NavState::default(),
            correct: None,
            pressed: None,
            takeout: super::takeout::TakeoutState::default(),
            user: super::user::UserState::default(),
        };
        app.refresh_order();
        if let Some(&first) = app.list.order.first() {
            app.open_doc(first);
        }
        // Nothing is known to save until the user's state is taken in (`with_state`).
        app.user.saves.clear();
        app
    }

    /// Takes the config file's keymap and theme (fitted to a terminal of `depth`) and keeps
    /// the rest of `config` for the features that read it.
    pub fn configure(&mut self, config: super::config::Config, depth: super::theme::ColourDepth) {
        self.keymap = config.keymap.clone();
        self.theme = config.theme.for_depth(depth);
        self.osc52 = config.clipboard_osc52;
        self.config = config;
    }

    /// Which bindings apply now.
    pub fn mode(&self) -> Mode {
        match (&self.overlay, &self.correct) {
            (Some(_), _) => Mode::Overlay,
            (None, Some(c)) => c.mode(),
            (None, None) => self.nav.mode().unwrap_or(Mode::Normal),
        }
    }

    /// The whole screen.
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Where the panes are at the current size and focus.
    pub fn panes(&self) -> Panes {
        panes::panes_sized(self.area(), self.focus, self.list_steps)
    }

    /// Rows of text the reading pane shows at once (at least 1).
    pub fn reader_height(&self) -> usize {
        panes::panes_sized(self.area(), Pane::Reader, self.list_steps)
            .reader
            .map(|r| panes::reader_areas(r).1.height as usize)
            .unwrap_or(1)
            .max(1)
    }

    /// Text width of the reading pane, in cells (what the layout is keyed on). Narrow
    /// terminals show the reader alone, so the width does not depend on the focus.
    pub fn reader_width(&self) -> usize {
        panes::panes_sized(self.area(), Pane::Reader, self.list_steps)
            .reader
            .map(|r| panes::reader_areas(r).1.width as usize)
            .unwrap_or(1)
    }

    /// Entries (documents, entity rows) the list-like `pane` shows at once.
    pub fn pane_height(&self, pane: Pane) -> usize {
        let h = panes::panes_sized(self.area(), pane, self.list_steps)
            .get(pane)
            .map_or(0, |r| panes::inner(r).height);
        let per = if pane == Pane::List { panes::list_item_rows(h) } else { 1 };
        (h / per).max(1) as usize
    }

    /// Languages present in the archive, sorted.
    pub fn languages(&self) -> Vec<String> {
        let mut langs: Vec<String> =
            self.store.live_ids().map(|i| self.store.docs[i].lang.clone()).collect();
        langs.sort();
        langs.dedup();
        langs
    }

    /// Where the reader is now, for the jump history.
    pub fn location(&self) -> Option<Location> {
        self.reader.doc.map(|doc| Location {
            doc,
            anchor: self.reader.anchor,
            entity: self.nav.entity,
            search: self.nav.hits.clone().filter(|h| h.doc == doc),
            view: self.nav.view.clone(),
        })
    }

    /// Recomputes the list order from the filter and sort, keeping the cursor on the same
    /// document when it is still shown.
    pub fn refresh_order(&mut self) {
        let keep = self.list.order.get(self.list.selected).copied();
        let docs = &self.store.docs;
        let mut order: Vec<usize> = self
            .store
            .live_ids()
            .filter(|&i| self.list.lang.as_ref().is_none_or(|l| &docs[i].lang == l))
            .filter(|&i| self.nav.filter.allows(&self.store, &self.read, i))
            .collect();
        // Stable sorts on the document id order; keys computed once per document.
        match self.list.sort {
            // Undated documents go after the dated ones.
            SortKey::Date => order.sort_by_key(|&i| (docs[i].date.is_none(), docs[i].date)),
            SortKey::Title => order.sort_by_cached_key(|&i| docs[i].title.to_lowercase()),
            SortKey::Lang => order.sort_by(|&a, &b| docs[a].lang.cmp(&docs[b].lang)),
            SortKey::Source => order.sort_by(|&a, &b| docs[a].path.cmp(&docs[b].path)),
        }
        if self.list.reverse {
            order.reverse();
        }
        self.list.selected = keep.and_then(|d| order.iter().position(|&x| x == d)).unwrap_or(0);
        self.list.order = order;
        self.list.offset = 0;
        self.scroll_list_into_view();
    }

    /// Keeps the list cursor inside the shown rows.
    pub fn scroll_list_into_view(&mut self) {
        let h = self.pane_height(Pane::List);
        let sel = self.list.selected;
        if sel < self.list.offset {
            self.list.offset = sel;
        } else if sel >= self.list.offset + h {
            self.list.offset = sel + 1 - h;
        }
    }

    /// Opens `doc` in the reader where the user left it (else at its top), marks it read
    /// and fills the side panel.
    pub fn open_doc(&mut self, doc: usize) {
        let at = self.saved_position(doc).unwrap_or(0);
        self.open_at(doc, at);
    }

    /// Opens `doc` with logical byte `anchor` in the top row.
    pub fn open_at(&mut self, doc: usize, anchor: usize) {
        if doc >= self.store.docs.len() {
            return;
        }
        if self.reader.doc != Some(doc) {
            self.note_position();
        }
        self.reader.doc = Some(doc);
        self.reader.anchor = anchor;
        self.reader.top = 0;
        self.note_read(doc);
        self.side = SideState {
            entities: self.side_entities(doc),
            dates: super::side::dates(&self.store, doc),
            selected: 0,
        };
        self.rows = None;
        self.sync_layout();
    }

    pub(crate) fn side_entities(&self, doc: usize) -> Vec<SideEntity> {
        let Some(ann) = self.store.annotations.get(doc) else { return Vec::new() };
        let mut by_id: BTreeMap<crate::store::EntityRef, (usize, SideEntity)> = BTreeMap::new();
        for (at, m) in ann.mentions.iter().enumerate() {
            by_id
                .entry(m.entity)
                .or_insert_with(|| {
                    let info = self.store.entities.get(m.entity);
                    let name = self.store.entity_name(m.entity).to_string();
                    let entity = SideEntity {
                        id: m.entity,
                        kind: m.kind,
                        count: 0,
                        docs: info.map(|e| e.docs().len()).unwrap_or(1),
                        spellings: info
                            .map(|e| e.surfaces.iter().filter(|s| **s != name).cloned().collect())
                            .unwrap_or_default(),
                        name,
                    };
                    (at, entity)
                })
                .1
                .count += 1;
        }
        // By kind, then most mentioned, then first mentioned: the order a reader meets them.
        let mut v: Vec<(usize, SideEntity)> = by_id.into_values().collect();
        v.sort_by(|(fa, a), (fb, b)| {
            a.kind.cmp(&b.kind).then(b.count.cmp(&a.count)).then(fa.cmp(fb))
        });
        v.into_iter().map(|(_, e)| e).collect()
    }

    /// Makes `rows` match the open document, width and settings (laying out only when the
    /// key changed), and clamps the scroll position, keeping the anchor byte in view.
    pub fn sync_layout(&mut self) {
        let Some(doc) = self.reader.doc else {
            self.rows = None;
            return;
        };
        let key = LayoutKey {
            doc,
            width: self.reader_width(),
            bidi: self.bidi,
            shape: self.shape,
            unfolded: self.reader.unfolded.contains(&doc),
        };
        if self.rows.as_ref().is_none_or(|r| r.key != key) {
            if let Some(old) = self.rows.take() {
                self.cache.put(old);
            }
            let text = self.store.text(doc);
            let mut rows = self.cache.take(key).unwrap_or_else(|| {
                ReaderRows::new(key, text, self.store.docs[doc].boilerplate.clone())
            });
            rows.extend_past(text, self.reader.anchor);
            self.reader.top = rows.row_at(self.reader.anchor);
            self.rows = Some(rows);
        }
        self.clamp_reader();
    }

    /// Whether the open document still has text to lay out (idle work to do).
    pub fn layout_pending(&self) -> bool {
        self.rows.as_ref().is_some_and(|r| !r.is_complete())
    }

    /// Lays out more of the open document for about `budget`.
    pub fn layout_ahead(&mut self, budget: std::time::Duration) {
        if let (Some(rows), Some(doc)) = (self.rows.as_mut(), self.reader.doc) {
            rows.extend_for(self.store.text(doc), budget);
        }
    }

    /// Lays out the open document down to at least `min_rows` rows (`usize::MAX`: all).
    pub fn ensure_rows(&mut self, min_rows: usize) {
        if let (Some(rows), Some(doc)) = (self.rows.as_mut(), self.reader.doc) {
            rows.extend(self.store.text(doc), min_rows);
        }
    }

    /// Keeps `top` within the text (laying out a page beyond it) and updates the anchor.
    pub fn clamp_reader(&mut self) {
        let h = self.reader_height();
        self.ensure_rows(self.reader.top.saturating_add(2 * h));
        let Some(rows) = &self.rows else { return };
        let max_top = rows.rows.len().saturating_sub(h);
        self.reader.top = self.reader.top.min(max_top);
        if let Some(r) = rows.rows.get(self.reader.top) {
            self.reader.anchor = r.start();
        }
    }

    /// Scrolls the reader so the row showing logical byte `byte` is in view, a third of
    /// the way down (for search hits and entity mentions), unfolding page furniture that
    /// holds it. Does nothing without a document.
    pub fn reveal(&mut self, byte: usize) {
        let Some(doc) = self.reader.doc else { return };
        // A mention or hit inside folded page furniture unfolds it: the fold line would hide it.
        let in_furniture =
            self.store.docs[doc].boilerplate.as_ref().is_some_and(|b| b.contains(&byte));
        if in_furniture && self.reader.unfolded.insert(doc) {
            self.sync_layout();
        }
        let Some(rows) = self.rows.as_mut() else { return };
        rows.extend_past(self.store.text(doc), byte);
        let row = rows.row_at(byte);
        let h = self.reader_height();
        if row < self.reader.top || row >= self.reader.top + h {
            self.reader.top = row.saturating_sub(h / 3);
        }
        self.clamp_reader();
    }

    /// Logical bytes shown in the reading pane now, from the top row's first byte to the
    /// bottom row's last (for "the entity next to the viewport" and search-from-here).
    pub fn visible_bytes(&self) -> std::ops::Range<usize> {
        let Some(rows) = &self.rows else { return 0..0 };
        let shown = rows.rows.iter().skip(self.reader.top).take(self.reader_height());
        let (mut start, mut end) = (usize::MAX, 0);
        for r in shown {
            let range = match r {
                super::rows::Row::Line { line, .. } => line.logical.clone(),
                super::rows::Row::Fold { logical, .. } => logical.clone(),
            };
            start = start.min(range.start);
            end = end.max(range.end);
        }
        if start > end { 0..0 } else { start..end }
    }

    /// Logical byte ranges to highlight in the reading pane: the mentions of the entity (or
    /// the date) selected in the side panel.
    pub fn highlights(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = self.nav_highlights();
        if let Some(super::correct::Correcting::Select { doc, range }) = &self.correct
            && self.reader.doc == Some(*doc)
        {
            out.push(range.clone());
        }
        if self.focus != Pane::Side {
            return out;
        }
        if let Some(d) = self.side_date() {
            out.push(d.range.clone());
        }
        let (Some(doc), Some(e)) = (self.reader.doc, self.side.entities.get(self.side.selected))
        else {
            return out;
        };
        if let Some(a) = self.store.annotations.get(doc) {
            out.extend(a.mentions.iter().filter(|m| m.entity == e.id).map(|m| m.range()));
        }
        out
    }
}
