//! What the reader keeps for the user between runs: read marks, the reading position of each
//! document, bookmarks. The state lives in `App::user`; every change is queued as a [`Save`]
//! that `update` hands to the event loop as [`Effect::Save`], which writes it to the state
//! database (`crate::state`). Nothing here does I/O, so key-sequence tests drive it directly.
//!
//! [`Effect::Save`]: super::action::Effect::Save

use std::collections::{HashMap, HashSet};

use super::app::{App, Pane};
use crate::state::{Anchor, Bookmark, StateDb};

/// Where a passage is: a document id and a byte range of its text.
pub type Place = (usize, std::ops::Range<usize>);

/// One change to write to the state database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Save {
    /// Document (content key, path) marked read or unread.
    Read {
        /// Content key.
        key: String,
        /// Path, as a hint.
        path: String,
        /// Read (true) or unread.
        read: bool,
    },
    /// Where the reader was in a document.
    Position {
        /// Content key.
        key: String,
        /// Path, as a hint.
        path: String,
        /// The passage at the top of the reading pane.
        at: Anchor,
    },
    /// A new bookmark; the loop then calls [`App::bookmark_saved`].
    Bookmark(Bookmark),
    /// Delete bookmark `id`.
    Unbookmark(i64),
}

/// The user's state as loaded from the database when the reader starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Content keys of read documents.
    pub read: HashSet<String>,
    /// Reading positions by content key.
    pub positions: HashMap<String, Anchor>,
    /// Bookmarks, oldest first.
    pub bookmarks: Vec<Bookmark>,
    /// Search history, oldest first.
    pub history: Vec<String>,
}

/// The user's state in the reader.
#[derive(Debug, Clone, Default)]
pub struct UserState {
    /// Content keys of read documents (what `App::read` is derived from, so it survives a
    /// refresh that renumbers documents).
    pub read: HashSet<String>,
    /// Reading positions by content key.
    pub positions: HashMap<String, Anchor>,
    /// Bookmarks, oldest first.
    pub bookmarks: Vec<Bookmark>,
    /// Content key → document id of the listed documents, built when first needed.
    keys: std::cell::OnceCell<HashMap<String, usize>>,
    /// Where each bookmark is now (document, byte range), found once per change: finding a
    /// passage reads its whole text, too much for every frame of the bookmarks view.
    places: std::cell::OnceCell<Vec<Option<Place>>>,
    /// Changes not yet handed to the loop.
    pub(crate) saves: Vec<Save>,
}

impl Loaded {
    /// Everything the reader shows from `db`.
    pub fn from_db(db: &StateDb) -> crate::state::Result<Loaded> {
        Ok(Loaded {
            read: db.read_keys()?,
            positions: db.positions()?,
            bookmarks: db.bookmarks()?,
            history: db.search_history()?,
        })
    }
}

impl Save {
    /// Writes this change to `db`; a new bookmark comes back as saved (id, time).
    pub fn write(&self, db: &StateDb) -> crate::state::Result<Option<Bookmark>> {
        match self {
            Save::Read { key, path, read } => db.set_read(key, path, *read).map(|_| None),
            Save::Position { key, path, at } => db.set_position(key, path, at).map(|_| None),
            Save::Bookmark(b) => db.add_bookmark(b).map(Some),
            Save::Unbookmark(id) => db.remove_bookmark(*id).map(|_| None),
        }
    }
}

impl UserState {
    /// Takes the queued changes.
    pub fn take_saves(&mut self) -> Vec<Save> {
        std::mem::take(&mut self.saves)
    }
}

impl App {
    /// Takes in the state loaded from the database: read marks, positions, bookmarks and the
    /// search history. The open document moves to where the user left it.
    pub fn with_state(mut self, loaded: Loaded) -> App {
        self.user.read = loaded.read;
        self.user.positions = loaded.positions;
        self.user.bookmarks = loaded.bookmarks;
        self.nav.history = loaded.history;
        self.apply_read_marks();
        if let Some(doc) = self.reader.doc {
            // The first document was opened (and marked read) before the state was known.
            self.user.saves.clear();
            if let Some(at) = self.saved_position(doc) {
                self.open_at(doc, at);
            }
            self.note_read(doc);
        }
        self
    }

    /// Recomputes `read` (by id) from the read content keys.
    pub fn apply_read_marks(&mut self) {
        self.user.keys = Default::default();
        self.user.places = Default::default();
        let n = self.store.docs.len();
        self.read = (0..n)
            .map(|i| self.store.content_key(i).is_some_and(|k| self.user.read.contains(&k)))
            .collect();
    }

    /// The id of the listed document whose content key is `key`.
    pub fn doc_with_key(&self, key: &str) -> Option<usize> {
        let keys = self.user.keys.get_or_init(|| {
            self.store.live_ids().filter_map(|i| Some((self.store.content_key(i)?, i))).collect()
        });
        keys.get(key).copied()
    }

    /// Where each bookmark is in this archive (by index): its document and passage, `None`
    /// when the document is not here or the passage is gone.
    pub fn bookmark_places(&self) -> &[Option<Place>] {
        self.user.places.get_or_init(|| {
            self.user
                .bookmarks
                .iter()
                .map(|b| {
                    let d = self.doc_with_key(&b.doc)?;
                    let text = self.store.text(d);
                    let at = b.anchor.find(text)?;
                    let end = (at + b.anchor.quote.len()).min(text.len());
                    let end = (end..=text.len()).find(|&e| text.is_char_boundary(e)).unwrap_or(at);
                    Some((d, at..end))
                })
                .collect()
        })
    }

    /// Where the user left document `doc`, as a logical byte of its text.
    pub fn saved_position(&self, doc: usize) -> Option<usize> {
        let key = self.store.content_key(doc)?;
        let at = self.user.positions.get(&key)?;
        at.find(self.store.text(doc)).filter(|&b| b > 0)
    }

    /// Marks `doc` read (queuing the save when it was not).
    pub(crate) fn note_read(&mut self, doc: usize) {
        let Some(key) = self.store.content_key(doc) else { return };
        if let Some(r) = self.read.get_mut(doc) {
            *r = true;
        }
        if self.user.read.insert(key.clone()) {
            let path = self.store.docs[doc].path.clone();
            self.user.saves.push(Save::Read { key, path, read: true });
        }
    }

    /// Remembers the reading position in the open document (when it moved from the saved one).
    pub fn note_position(&mut self) {
        let Some(doc) = self.reader.doc else { return };
        let Some(key) = self.store.content_key(doc) else { return };
        let text = self.store.text(doc);
        let anchor = self.reader.anchor.min(text.len());
        let at = Anchor::at(text, anchor, anchor);
        let unchanged = self.user.positions.get(&key).is_some_and(|old| old.offset == at.offset);
        // A document never scrolled keeps no position (reopening starts at the top anyway).
        if unchanged || (self.reader.top == 0 && !self.user.positions.contains_key(&key)) {
            return;
        }
        self.user.positions.insert(key.clone(), at.clone());
        let path = self.store.docs[doc].path.clone();
        self.user.saves.push(Save::Position { key, path, at });
    }

    /// The document the keys act on: the list's cursor when the list has focus, else the
    /// open one.
    fn target_doc(&self) -> Option<usize> {
        match self.focus {
            Pane::List => self.list.order.get(self.list.selected).copied(),
            _ => self.reader.doc,
        }
    }

    /// `U`: marks the document unread again (it stays open; the next open marks it read).
    pub fn mark_unread(&mut self) {
        let Some(doc) = self.target_doc() else { return };
        let Some(key) = self.store.content_key(doc) else { return };
        if let Some(r) = self.read.get_mut(doc) {
            *r = false;
        }
        self.user.read.remove(&key);
        let path = self.store.docs[doc].path.clone();
        self.user.saves.push(Save::Read { key, path, read: false });
        self.message = Some(format!("marked unread: {}", self.store.docs[doc].title));
        if self.nav.filter.unread {
            self.refresh_order();
        }
    }

    /// `.`: opens the next unread document after the current one in list order (wrapping).
    pub fn next_unread(&mut self) {
        let n = self.list.order.len();
        let here = self
            .reader
            .doc
            .and_then(|d| self.list.order.iter().position(|&x| x == d))
            .unwrap_or(self.list.selected);
        let next = (1..=n)
            .map(|k| (here + k) % n)
            .find(|&i| !self.read.get(self.list.order[i]).copied().unwrap_or(true));
        let Some(i) = next else {
            self.message = Some("no unread documents left".into());
            return;
        };
        let doc = self.list.order[i];
        if let Some(here) = self.location() {
            self.history.push(here);
        }
        self.open_doc(doc);
        self.list.selected = i;
        self.scroll_list_into_view();
        self.focus = Pane::Reader;
    }

    /// Whether the reading pane shows the end of its text.
    pub fn at_end(&self) -> bool {
        self.rows.as_ref().is_none_or(|r| {
            r.is_complete() && self.reader.top + self.reader_height() >= r.rows.len()
        })
    }

    /// `m`: the passage to bookmark — the selected entity's sentence when the side panel
    /// has one selected, else the line at the top of the reading pane.
    pub fn passage(&self) -> Option<(usize, std::ops::Range<usize>)> {
        let doc = self.reader.doc?;
        let text = self.store.text(doc);
        if self.focus == Pane::Side
            && let Some(e) = self.side.entities.get(self.side.selected)
            && let Some(m) = self.mentions_here(e.id).first().cloned()
        {
            return Some((doc, crate::store::timeline::sentence_around(text, m)));
        }
        let rows = self.rows.as_ref()?;
        let row = rows.rows.get(self.reader.top)?;
        let range = match row {
            super::rows::Row::Line { line, .. } => line.logical.clone(),
            super::rows::Row::Fold { logical, .. } => logical.clone(),
        };
        Some((doc, range))
    }

    /// Saves a bookmark of the current passage with `note`.
    pub fn add_bookmark(&mut self, note: &str) {
        let Some((doc, range)) = self.passage() else {
            self.message = Some("no document open".into());
            return;
        };
        let Some(key) = self.store.content_key(doc) else { return };
        let text = self.store.text(doc);
        let d = &self.store.docs[doc];
        let b = Bookmark {
            id: 0,
            doc: key,
            path: d.path.clone(),
            title: d.title.clone(),
            anchor: Anchor::at(text, range.start, range.end),
            note: note.trim().to_string(),
            // Set by the database when it is saved.
            created: String::new(),
        };
        self.message =
            Some(format!("bookmarked: “{}”", crate::text::printable::printable(&b.anchor.quote)));
        self.user.bookmarks.push(b.clone());
        self.user.places = Default::default();
        self.user.saves.push(Save::Bookmark(b));
    }

    /// The loop saved the newest unsaved bookmark as `saved` (its id and time).
    pub fn bookmark_saved(&mut self, saved: &Bookmark) {
        if let Some(b) = self.user.bookmarks.iter_mut().rev().find(|b| b.id == 0) {
            b.id = saved.id;
            b.created = saved.created.clone();
        }
    }

    /// Deletes bookmark number `i` (in the bookmarks list).
    pub fn remove_bookmark(&mut self, i: usize) {
        if i >= self.user.bookmarks.len() {
            return;
        }
        let b = self.user.bookmarks.remove(i);
        self.user.places = Default::default();
        if b.id != 0 {
            self.user.saves.push(Save::Unbookmark(b.id));
        }
        self.message = Some("bookmark deleted".into());
    }
}
