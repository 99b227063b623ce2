//! The user's state: what they read and where they stopped, bookmarks, search history and
//! entity corrections, in one SQLite database under the data directory
//! (`$XDG_DATA_HOME/qari/state.sqlite3`). Unlike the cache it is never rebuilt, so every
//! write is one transaction in WAL mode with full syncs: a crash or `kill -9` at any moment
//! keeps every earlier save and leaves a database that opens.
//!
//! Documents are named by their content key (a hash of the text), the path only a hint, so
//! state follows a moved file and survives a changed archive. Passages are [`Anchor`]s.

mod schema;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

pub use crate::text::anchor::Anchor;

/// Why the state database cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// SQLite failed (locked, damaged, disk full…).
    #[error("{path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The database was written by a newer qari.
    #[error(
        "{path}: written by a newer qari (schema {found}, this one knows {known}); not changed"
    )]
    Newer {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest this qari knows.
        known: i64,
    },
    /// There is no data directory and none was given.
    #[error("no data directory (set XDG_DATA_HOME or HOME)")]
    NoDataDir,
    /// The data directory cannot be created.
    #[error("{path}: {source}")]
    Io {
        /// The directory.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Result of a state operation.
pub type Result<T> = std::result::Result<T, StateError>;

/// What is kept about one document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocState {
    /// Opened (or marked read) and not marked unread since.
    pub read: bool,
    /// Where the reader was: the passage at the top of the reading pane.
    pub position: Option<Anchor>,
}

/// A marked passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    /// Row id (0 before it is saved).
    pub id: i64,
    /// Content key of the document.
    pub doc: String,
    /// The document's path when marked (a hint and a label).
    pub path: String,
    /// The document's title when marked.
    pub title: String,
    /// The passage.
    pub anchor: Anchor,
    /// The user's note ("" for none).
    pub note: String,
    /// When it was made (RFC 3339).
    pub created: String,
}

/// The open state database.
pub struct StateDb {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for StateDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StateDb").field("path", &self.path).finish_non_exhaustive()
    }
}

/// Where the state database lives by default: `$XDG_DATA_HOME/qari/state.sqlite3`.
pub fn default_path() -> Result<PathBuf> {
    Ok(dirs::data_dir().ok_or(StateError::NoDataDir)?.join("qari").join("state.sqlite3"))
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl StateDb {
    /// Opens (creating when missing, migrating when older) the database at `path`.
    pub fn open(path: &Path) -> Result<StateDb> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|source| StateError::Io { path: dir.to_path_buf(), source })?;
        }
        let sql = |source| StateError::Sqlite { path: path.to_path_buf(), source };
        let conn = Connection::open(path).map_err(sql)?;
        // Another qari may be saving: wait for it rather than fail.
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(sql)?;
        // WAL: a reader never blocks a writer and a torn write is never seen; FULL syncs
        // each commit, so a saved mark survives a power cut too.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(sql)?;
        let db = StateDb { conn, path: path.to_path_buf() };
        db.migrate()?;
        Ok(db)
    }

    /// Opens the database at [`default_path`].
    pub fn open_default() -> Result<StateDb> {
        StateDb::open(&default_path()?)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, source: rusqlite::Error) -> StateError {
        StateError::Sqlite { path: self.path.clone(), source }
    }

    fn migrate(&self) -> Result<()> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let known = schema::current();
        if version > known {
            return Err(StateError::Newer { path: self.path.clone(), found: version, known });
        }
        for (i, step) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
            // Each step and its version number commit together, or not at all.
            let run = || -> rusqlite::Result<()> {
                let tx = self.conn.unchecked_transaction()?;
                tx.execute_batch(step)?;
                tx.pragma_update(None, "user_version", i as i64 + 1)?;
                tx.commit()
            };
            run().map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// What is kept about the document with content key `doc` (defaults when nothing is).
    pub fn doc(&self, doc: &str) -> Result<DocState> {
        self.conn
            .query_row(
                "SELECT read, quote, before, offset FROM docs WHERE key = ?1",
                params![doc],
                |r| {
                    let quote: Option<String> = r.get(1)?;
                    let before: Option<String> = r.get(2)?;
                    let offset: Option<i64> = r.get(3)?;
                    Ok(DocState {
                        read: r.get::<_, i64>(0)? != 0,
                        position: quote.map(|quote| Anchor {
                            quote,
                            before: before.unwrap_or_default(),
                            after: String::new(),
                            offset: offset.unwrap_or(0).max(0) as usize,
                        }),
                    })
                },
            )
            .optional()
            .map(Option::unwrap_or_default)
            .map_err(|e| self.err(e))
    }

    /// Every saved reading position, by content key.
    pub fn positions(&self) -> Result<std::collections::HashMap<String, Anchor>> {
        let run = || -> rusqlite::Result<_> {
            let mut st = self
                .conn
                .prepare("SELECT key, quote, before, offset FROM docs WHERE quote IS NOT NULL")?;
            let rows = st.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Anchor {
                        quote: r.get(1)?,
                        before: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                        after: String::new(),
                        offset: r.get::<_, Option<i64>>(3)?.unwrap_or(0).max(0) as usize,
                    },
                ))
            })?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// Content keys of every document marked read.
    pub fn read_keys(&self) -> Result<std::collections::HashSet<String>> {
        let run = || -> rusqlite::Result<_> {
            let mut st = self.conn.prepare("SELECT key FROM docs WHERE read != 0")?;
            let keys = st.query_map([], |r| r.get::<_, String>(0))?;
            keys.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// Marks `doc` read or unread.
    pub fn set_read(&self, doc: &str, path: &str, read: bool) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO docs (key, path, read, updated) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(key) DO UPDATE SET path = ?2, read = ?3, updated = ?4",
                params![doc, path, read as i64, now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Remembers where the reader was in `doc`.
    pub fn set_position(&self, doc: &str, path: &str, at: &Anchor) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO docs (key, path, quote, before, offset, updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(key) DO UPDATE SET path = ?2, quote = ?3, before = ?4, offset = ?5,
                 updated = ?6",
                params![doc, path, at.quote, at.before, at.offset as i64, now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Saves a new bookmark; returns it as saved (with its id and time).
    pub fn add_bookmark(&self, b: &Bookmark) -> Result<Bookmark> {
        let created = if b.created.is_empty() { now() } else { b.created.clone() };
        self.conn
            .execute(
                "INSERT INTO bookmarks (doc, path, title, quote, before, after, offset, note, created)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    b.doc,
                    b.path,
                    b.title,
                    b.anchor.quote,
                    b.anchor.before,
                    b.anchor.after,
                    b.anchor.offset as i64,
                    b.note,
                    created
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(Bookmark { id: self.conn.last_insert_rowid(), created, ..b.clone() })
    }

    /// Deletes bookmark `id`.
    pub fn remove_bookmark(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM bookmarks WHERE id = ?1", params![id])
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Every bookmark, oldest first.
    pub fn bookmarks(&self) -> Result<Vec<Bookmark>> {
        let run = || -> rusqlite::Result<Vec<Bookmark>> {
            let mut st = self.conn.prepare(
                "SELECT id, doc, path, title, quote, before, after, offset, note, created
                 FROM bookmarks ORDER BY id",
            )?;
            let rows = st.query_map([], |r| {
                Ok(Bookmark {
                    id: r.get(0)?,
                    doc: r.get(1)?,
                    path: r.get(2)?,
                    title: r.get(3)?,
                    anchor: Anchor {
                        quote: r.get(4)?,
                        before: r.get(5)?,
                        after: r.get(6)?,
                        offset: r.get::<_, i64>(7)?.max(0) as usize,
                    },
                    note: r.get(8)?,
                    created: r.get(9)?,
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// Appends `query` to the search history (a repeated query moves to the end), keeping
    /// the newest `keep`.
    pub fn remember_search(&self, query: &str, keep: usize) -> Result<()> {
        let run = || -> rusqlite::Result<()> {
            let tx = self.conn.unchecked_transaction()?;
            tx.execute("DELETE FROM search_history WHERE query = ?1", params![query])?;
            tx.execute(
                "INSERT INTO search_history (query, at) VALUES (?1, ?2)",
                params![query, now()],
            )?;
            tx.execute(
                "DELETE FROM search_history WHERE id NOT IN
                 (SELECT id FROM search_history ORDER BY id DESC LIMIT ?1)",
                params![keep as i64],
            )?;
            tx.commit()
        };
        run().map_err(|e| self.err(e))
    }

    /// The search history, oldest first.
    pub fn search_history(&self) -> Result<Vec<String>> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut st = self.conn.prepare("SELECT query FROM search_history ORDER BY id")?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// Saves a correction (its JSON); returns its id.
    pub fn add_correction(&self, body: &str) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO corrections (created, body) VALUES (?1, ?2)",
                params![now(), body],
            )
            .map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every correction as `(id, JSON)`, in the order they were made.
    pub fn corrections(&self) -> Result<Vec<(i64, String)>> {
        let run = || -> rusqlite::Result<Vec<(i64, String)>> {
            let mut st = self.conn.prepare("SELECT id, body FROM corrections ORDER BY id")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// Deletes correction `id`.
    pub fn remove_correction(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM corrections WHERE id = ?1", params![id])
            .map(drop)
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp() -> (tempdir::Dir, StateDb) {
        let dir = tempdir::Dir::new();
        let db = StateDb::open(&dir.0.join("state.sqlite3")).unwrap();
        (dir, db)
    }

    /// A directory removed on drop (std only: no test dependency for one helper).
    mod tempdir {
        pub struct Dir(pub std::path::PathBuf);
        impl Dir {
            pub fn new() -> Dir {
                use std::sync::atomic::{AtomicUsize, Ordering};
                static N: AtomicUsize = AtomicUsize::new(0);
                let p = std::env::temp_dir().join(format!(
                    "qari-state-{}-{}",
                    std::process::id(),
                    N.fetch_add(1, Ordering::Relaxed)
                ));
                std::fs::create_dir_all(&p).unwrap();
                Dir(p)
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    #[test]
    fn read_marks_positions_and_bookmarks_survive_reopening() {
        let (dir, db) = temp();
        db.set_read("k1", "a.txt", true).unwrap();
        db.set_read("k2", "b.txt", true).unwrap();
        db.set_read("k2", "b.txt", false).unwrap();
        let at = Anchor::at("one two three four", 4, 7);
        db.set_position("k1", "a.txt", &at).unwrap();
        let b = Bookmark {
            id: 0,
            doc: "k1".into(),
            path: "a.txt".into(),
            title: "A".into(),
            anchor: at.clone(),
            note: "look".into(),
            created: String::new(),
        };
        let id = db.add_bookmark(&b).unwrap().id;
        db.remember_search("kim", 100).unwrap();
        db.remember_search("sanctions", 100).unwrap();
        db.remember_search("kim", 100).unwrap();
        drop(db);
        let db = StateDb::open(&dir.0.join("state.sqlite3")).unwrap();
        assert_eq!(db.read_keys().unwrap(), ["k1".to_string()].into_iter().collect());
        let s = db.doc("k1").unwrap();
        assert!(s.read);
        assert_eq!(s.position.unwrap().quote, "two");
        assert!(!db.doc("k2").unwrap().read);
        assert_eq!(db.doc("nope").unwrap(), DocState::default());
        let marks = db.bookmarks().unwrap();
        assert_eq!(marks.len(), 1);
        assert_eq!((marks[0].id, marks[0].note.as_str()), (id, "look"));
        assert_eq!(db.search_history().unwrap(), ["sanctions", "kim"]);
        db.remove_bookmark(id).unwrap();
        assert!(db.bookmarks().unwrap().is_empty());
    }

    #[test]
    fn history_keeps_the_newest_and_a_newer_schema_is_refused() {
        let (dir, db) = temp();
        for i in 0..10 {
            db.remember_search(&format!("q{i}"), 3).unwrap();
        }
        assert_eq!(db.search_history().unwrap(), ["q7", "q8", "q9"]);
        db.conn.pragma_update(None, "user_version", 99).unwrap();
        drop(db);
        let err = StateDb::open(&dir.0.join("state.sqlite3")).unwrap_err();
        assert!(err.to_string().contains("newer qari"), "{err}");
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_by_name_and_left_as_it_was() {
        let dir = tempdir::Dir::new();
        let path = dir.0.join("state.sqlite3");
        let garbage = b"not a database at all, but the user's file all the same".repeat(100);
        std::fs::write(&path, &garbage).unwrap();
        let err = StateDb::open(&path).unwrap_err().to_string();
        assert!(err.contains("state.sqlite3"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), garbage, "never overwritten");
    }

    #[test]
    fn corrections_are_kept_in_order() {
        let (_dir, db) = temp();
        let a = db.add_correction(r#"{"a":1}"#).unwrap();
        let b = db.add_correction(r#"{"b":2}"#).unwrap();
        db.remove_correction(a).unwrap();
        assert_eq!(db.corrections().unwrap(), vec![(b, r#"{"b":2}"#.to_string())]);
    }
}
