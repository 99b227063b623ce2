//! The state database's schema, as numbered migrations. `PRAGMA user_version` records how many
//! have run; a migration is appended, never edited, so every older database can catch up.

/// Migration `i` brings a database from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents keyed by content (a moved file keeps its state), passages anchored by text.
    "CREATE TABLE docs (
        key TEXT PRIMARY KEY,          -- content key of the text (Store::content_key)
        path TEXT NOT NULL,            -- where it was last seen: a hint, not the identity
        read INTEGER NOT NULL DEFAULT 0,
        quote TEXT,                    -- the reading position: text at the top of the pane
        before TEXT,
        offset INTEGER,
        updated TEXT NOT NULL
    );
    CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY,
        doc TEXT NOT NULL,             -- content key
        path TEXT NOT NULL,
        title TEXT NOT NULL,
        quote TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        offset INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL
    );
    CREATE INDEX bookmarks_doc ON bookmarks(doc);
    CREATE TABLE search_history (
        id INTEGER PRIMARY KEY,
        query TEXT NOT NULL UNIQUE,    -- a query run again moves to the end
        at TEXT NOT NULL
    );
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        created TEXT NOT NULL,
        body TEXT NOT NULL             -- one correction as JSON (store::corrections)
    );",
];

/// The schema version this qari writes.
pub fn current() -> i64 {
    MIGRATIONS.len() as i64
}
