//! The search line: archive search (`/`, run off the UI thread with a generation number so
//! the newest query wins), find in the open document (folded for case and Arabic letter
//! variants), and the date-filter prompt that shares the line.

use std::ops::Range;

use super::action::Effect;
use super::app::{App, Pane};
use super::editor::Edit;
use super::nav::HitMark;
use crate::store::Store;
use crate::text::normalize;

/// Results kept per query (the list shows what fits).
pub const RESULT_LIMIT: usize = 200;

/// What the line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Search the whole archive (`/`).
    Archive,
    /// Find in the open document.
    Document,
    /// A date range for the list filter.
    Dates,
    /// The file name an export is written to.
    Export,
    /// The note of a new bookmark.
    Note,
}

impl LineKind {
    /// Prompt shown before the input.
    pub fn prompt(self) -> &'static str {
        match self {
            LineKind::Archive => "/",
            LineKind::Document => "find: ",
            LineKind::Dates => "dates (2018, 2018-06..2019, ..2018-06-01): ",
            LineKind::Export => "write to (.jsonl, .csv, .md): ",
            LineKind::Note => "bookmark note (Enter saves; may be empty): ",
        }
    }
}

/// One search result, as the list shows it and `Enter` opens it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultRow {
    /// Document id.
    pub doc: usize,
    /// One-line passage around the best hit.
    pub snippet: String,
    /// Byte ranges of the hits inside `snippet`.
    pub snippet_highlights: Vec<Range<usize>>,
    /// Byte ranges of every hit in the document text, in order.
    pub hits: Vec<Range<usize>>,
    /// How it matched when not by the words ("entity Tehran ← طهران").
    pub via: Vec<String>,
}

/// What the search job sends back: the query's generation and its results or error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResults {
    /// Generation of the query (see `NavState::generation`).
    pub generation: u64,
    /// The query text.
    pub query: String,
    /// Hits best first, or a short message for a malformed query.
    pub outcome: Result<Vec<ResultRow>, String>,
    /// How the matches spread (languages, years, entities), each a way to narrow the query.
    pub facets: Vec<super::facets::Facet>,
}

/// The open line: its input, the state of its query, and the result cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchLine {
    /// What the line is for.
    pub kind: LineKind,
    /// What the user typed, with the cursor.
    pub editor: super::editor::LineEditor,
    /// A query is running for the newest input.
    pub pending: bool,
    /// Short message about a malformed query (or no document open).
    pub error: Option<String>,
    /// Results of the newest finished query (archive) — empty for find.
    pub results: Vec<ResultRow>,
    /// Cursor in `results`.
    pub selected: usize,
    /// Find in the document: hits of the input so far.
    pub found: Vec<Range<usize>>,
    /// The newest results' facets.
    pub facets: Vec<super::facets::Facet>,
}

impl SearchLine {
    /// What the user typed.
    pub fn input(&self) -> &str {
        self.editor.text()
    }

    /// A line of `kind` pre-filled with `input`, all of it selected (typing replaces it).
    pub fn new(kind: LineKind, input: &str) -> SearchLine {
        SearchLine {
            kind,
            editor: super::editor::LineEditor::selected(input),
            pending: false,
            error: None,
            results: Vec::new(),
            selected: 0,
            found: Vec::new(),
            facets: Vec::new(),
        }
    }
}

/// Runs `query` against `store` (on the job thread) and packs the outcome for `update`.
pub fn run(store: &Store, generation: u64, query: String) -> SearchResults {
    use crate::store::search::{facets_as_typed, search_as_typed};
    let outcome = if query.trim().is_empty() {
        Ok(Vec::new())
    } else {
        // As typed: the last word also matches as a prefix, so results come while typing.
        search_as_typed(store, &query, RESULT_LIMIT)
            .map(|hits| {
                hits.into_iter()
                    .map(|h| ResultRow {
                        doc: h.doc,
                        snippet: h.snippet,
                        snippet_highlights: h.snippet_highlights,
                        hits: h.hits,
                        via: h.via,
                    })
                    .collect()
            })
            .map_err(|e| e.to_string())
    };
    let facets = match (&outcome, facets_as_typed(store, &query)) {
        (Ok(rows), Ok(counts)) if !rows.is_empty() => {
            let docs: Vec<usize> = rows.iter().map(|r| r.doc).collect();
            super::facets::facets(store, &counts, &docs)
        }
        _ => Vec::new(),
    };
    SearchResults { generation, query, outcome, facets }
}

/// Takes the job's results if they answer the newest query; stale ones are dropped.
pub fn apply_results(app: &mut App, r: SearchResults) {
    if r.generation != app.nav.generation {
        return;
    }
    let Some(line) = app.nav.line.as_mut().filter(|l| l.kind == LineKind::Archive) else {
        return;
    };
    line.pending = false;
    match r.outcome {
        Ok(rows) => {
            line.results = rows;
            line.error = None;
            line.selected = 0;
            line.facets = r.facets;
        }
        Err(e) => {
            line.error = Some(e);
            line.results.clear();
            line.facets.clear();
        }
    }
}

/// `Enter` on the archive line: opens the selected result at its first hit.
pub fn open_result(app: &mut App, line: SearchLine) {
    app.nav.last_query = line.input().to_string();
    app.nav.remember(line.input());
    let Some(row) = line.results.get(line.selected).cloned() else {
        let why = line.error.clone().unwrap_or_else(|| {
            if line.pending { "still searching" } else { "no documents match" }.to_string()
        });
        app.message = Some(why);
        app.nav.line = Some(line);
        return;
    };
    let first = row.hits.first().map_or(0, |h| h.start);
    let origin = app.nav.search_origin.clone();
    // The history records where the search started, not the previews.
    if let Some(o) = origin {
        app.restore(o);
    }
    // A document found through an entity spelled another way has no text hits: follow the
    // entity instead, so its mentions are lit and `]`/`[` step through them.
    let entity = if row.hits.is_empty() { named_entity(app, line.input()) } else { None };
    let first = entity
        .and_then(|id| {
            let ann = app.store.annotations.get(row.doc)?;
            ann.mentions.iter().find(|m| m.entity == id).map(|m| m.start as usize)
        })
        .unwrap_or(first);
    app.jump_to(row.doc, first);
    let query = line.input().to_string();
    app.nav.hits = Some(HitMark { query, doc: row.doc, hits: row.hits, current: 0 });
    if let Some(id) = entity {
        app.nav.entity = Some(id);
        app.nav.last_mention = Some(first);
        app.nav.hits = None;
    }
    app.focus = Pane::Reader;
}

/// The id of the entity a query names (`entity:"Ri Yong Ho"`, or the whole query as a name).
fn named_entity(app: &App, query: &str) -> Option<crate::store::EntityRef> {
    let q = query.trim();
    let name = q.strip_prefix("entity:").unwrap_or(q).trim().trim_matches('"');
    app.store.entities.find_by_name(name).map(|e| e.entity)
}

/// Finds the line's input in the open document (folded) and previews the first hit.
pub fn find_in_document(app: &mut App) {
    let Some(doc) = app.reader.doc else { return };
    // Fold the document once per find line, not once per keystroke.
    if app.nav.folded.as_ref().is_none_or(|(d, _)| *d != doc) {
        app.nav.folded = Some((doc, normalize::fold(app.store.text(doc))));
    }
    let Some((_, hay)) = &app.nav.folded else { return };
    let Some(line) = app.nav.line.as_mut() else { return };
    line.found = find_folded(hay, line.editor.text());
    line.error = None;
    let query = line.input().to_string();
    let hits = line.found.clone();
    if let Some(h) = hits.first() {
        app.reveal(h.start);
    }
    app.nav.hits = Some(HitMark { query, doc, hits, current: 0 });
}

/// `Enter` on the find line: keeps the hits for `n`/`N`.
pub fn accept_find(app: &mut App, line: SearchLine) {
    let Some(doc) = app.reader.doc else { return };
    if line.found.is_empty() {
        app.message = Some(format!("“{}” not found in this document", line.input()));
        app.nav.hits = None;
        return;
    }
    if let Some(o) = app.nav.search_origin.clone() {
        app.history.push(o);
    }
    let query = line.input().to_string();
    app.nav.hits = Some(HitMark { query, doc, hits: line.found, current: 0 });
    app.focus = Pane::Reader;
}

/// Every occurrence of `needle` in `text` with case, Arabic letter variants, harakat and
/// tatweel folded; byte ranges into `text`, in order, not overlapping.
pub fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    find_folded(&normalize::fold(text), needle)
}

/// [`find_all`] over text already folded with [`normalize::fold`].
pub fn find_folded(hay: &normalize::Folded, needle: &str) -> Vec<Range<usize>> {
    let n = normalize::fold_str(needle.trim());
    if n.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = hay.text[from..].find(&n) {
        let s = from + p;
        let e = s + n.len();
        out.push(hay.original_range(s, e));
        from = e;
    }
    out
}

/// Applies an edit to the open line; a changed text runs the line again.
pub(crate) fn edit_line(app: &mut App, e: Edit) -> Vec<Effect> {
    // A control or BiDi formatting character is never part of a query (nor drawn raw).
    if let Edit::Insert(c) = e
        && crate::text::printable::is_unprintable(c)
    {
        return Vec::new();
    }
    let Some(l) = &mut app.nav.line else { return Vec::new() };
    if !l.editor.apply(e) {
        return Vec::new();
    }
    app.nav.history_at = None;
    super::nav::line_changed(app)
}

/// Adds facet `n` (from 1) of the archive search to its query.
pub(crate) fn narrow(app: &mut App, n: usize) -> Vec<Effect> {
    let Some(l) = app.nav.line.as_mut().filter(|l| l.kind == LineKind::Archive) else {
        return Vec::new();
    };
    let Some(f) = n.checked_sub(1).and_then(|i| l.facets.get(i)) else { return Vec::new() };
    let q = super::facets::narrowed(l.input(), f);
    if q == l.input() {
        return Vec::new();
    }
    l.editor.set(&q);
    app.nav.history_at = None;
    super::nav::line_changed(app)
}

/// Recalls the previous (or next) query of the search history into the archive line; past the
/// newest comes back what was being typed.
pub(crate) fn walk_history(app: &mut App, back: bool) -> Vec<Effect> {
    let Some(l) = app.nav.line.as_mut().filter(|l| l.kind == LineKind::Archive) else {
        return Vec::new();
    };
    let n = app.nav.history.len();
    let at = match (app.nav.history_at, back) {
        (None, true) if n > 0 => {
            app.nav.draft = l.input().to_string();
            Some(n - 1)
        }
        (Some(i), true) => Some(i.saturating_sub(1)),
        (Some(i), false) if i + 1 < n => Some(i + 1),
        (Some(_), false) => None,
        (None, _) => return Vec::new(),
    };
    let text = match at {
        Some(i) => app.nav.history[i].clone(),
        None => std::mem::take(&mut app.nav.draft),
    };
    l.editor.set(&text);
    app.nav.history_at = at;
    super::nav::line_changed(app)
}
