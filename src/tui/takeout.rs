//! Taking things out of the reader: `y` copies the passage being read (or the selected
//! entity's or date's sentence), `Y` the article's URL, `O` opens the URL in a browser, and
//! `w` writes the list on screen to a file. Pure over `App`: what to copy, open or write is
//! decided here and handed to the event loop as an [`Effect`]; `tui::perform` does the I/O.

use std::ops::Range;

use super::action::Effect;
use super::app::{App, Pane};
use super::export::{ExportRow, Format};
use super::nav::NavView;
use super::search::{LineKind, SearchLine};
use crate::store::timeline::sentence_around;

/// What the user asks to take out (wrapped in [`crate::tui::Action::Take`]).
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Take {
    /// Copy the passage at the top of the reading pane, or the selected entity's sentence.
    CopyPassage,
    /// Copy the open article's URL.
    CopyUrl,
    /// Open the open article's URL in `$BROWSER` / `xdg-open`.
    OpenUrl,
    /// Ask for a file name, then write the list on screen to it.
    WriteList,
    /// What an effect did, for the status bar ("wrote 12 rows to out.csv", or the error).
    Report(String),
}

/// A list waiting for the file name the export prompt asks for.
#[derive(Debug, Clone, Default)]
pub struct PendingExport {
    /// What the list is ("documents", "search results"…), for the prompt and messages.
    pub what: String,
    /// The rows, taken when `w` was pressed.
    pub rows: Vec<ExportRow>,
    /// The search line the prompt replaced, given back when the prompt closes.
    pub search: Option<SearchLine>,
}

/// The take-out part of the reader's state.
#[derive(Debug, Clone, Default)]
pub struct TakeoutState {
    /// The export waiting for its file name.
    pub export: Option<PendingExport>,
    /// Effects to hand to the loop, taken by `update`.
    pub(crate) effects: Vec<Effect>,
}

/// Applies a take-out action.
pub fn update(app: &mut App, take: Take) {
    match take {
        Take::CopyPassage => match passage(app) {
            Some(text) => copy(app, text, "passage"),
            None => app.message = Some("nothing to copy here".into()),
        },
        Take::CopyUrl => match url(app) {
            Some(u) => copy(app, u, "URL"),
            None => app.message = Some("this article has no URL".into()),
        },
        Take::OpenUrl => match url(app) {
            Some(u) if is_web_url(&u) => {
                app.message = Some(format!("opening {u}"));
                app.takeout.effects.push(Effect::OpenUrl(u));
            }
            Some(_) => app.message = Some("only http and https URLs are opened".into()),
            None => app.message = Some("this article has no URL".into()),
        },
        Take::WriteList => open_export(app),
        Take::Report(m) => app.message = Some(m),
    }
}

fn copy(app: &mut App, text: String, what: &str) {
    if !app.osc52 {
        app.message = Some("copying is off ([clipboard] osc52 = false)".into());
        return;
    }
    app.message = Some(format!(
        "copied the {what} ({})",
        crate::text::plural(text.chars().count(), "character")
    ));
    app.takeout.effects.push(Effect::Copy(text));
}

/// Whether `u` is an http or https URL (all `O` will hand to a browser).
pub fn is_web_url(u: &str) -> bool {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The OSC 52 sequence that sets the clipboard to `text`: only base64 characters between
/// qari's own introducer and terminator, so no byte of the text reaches the terminal.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(text))
}

fn url(app: &App) -> Option<String> {
    let doc = app.reader.doc?;
    app.store.docs[doc].url.clone().filter(|u| !u.trim().is_empty())
}

/// One line of text: white space runs squashed to one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentence of document `doc` around `range`, on one line.
fn sentence(app: &App, doc: usize, range: Range<usize>) -> Option<String> {
    let text = app.store.text(doc);
    text.get(sentence_around(text, range)).map(squash).filter(|s| !s.is_empty())
}

/// What `y` copies: in the bookmarks view, the selected bookmark's passage; in the entity
/// view or timeline, the selected entry's sentence; with an
/// entity or date selected in the side panel (or a mention just stepped to with `]`/`[`),
/// its sentence; else the paragraph at the top of the reading pane.
pub fn passage(app: &App) -> Option<String> {
    if let Some(view) = &app.nav.view {
        let rows = super::view::nav::view_rows(app);
        let sel = match view {
            NavView::Entity { selected, .. }
            | NavView::Timeline { selected }
            | NavView::Bookmarks { selected } => *selected,
        };
        if let NavView::Bookmarks { .. } = view {
            let mark = rows.get(sel).and_then(|r| r.item).and_then(|i| app.user.bookmarks.get(i));
            return mark.map(|b| squash(&b.anchor.quote)).filter(|q| !q.is_empty());
        }
        return match rows.get(sel).and_then(|r| r.target.clone()) {
            Some(super::view::nav::Target::Doc { doc, hl, .. }) => sentence(app, doc, hl),
            _ => None,
        };
    }
    let doc = app.reader.doc?;
    if app.focus == Pane::Side {
        if let Some(d) = app.side_date() {
            return sentence(app, doc, d.range.clone());
        }
        if let Some(e) = app.side.entities.get(app.side.selected) {
            let ms = app.mentions_here(e.id);
            let vis = app.visible_bytes();
            let m = ms
                .iter()
                .find(|m| Some(m.start) == app.nav.last_mention)
                .or_else(|| ms.iter().find(|m| m.start >= vis.start))
                .or(ms.first());
            return m.and_then(|m| sentence(app, doc, m.clone()));
        }
    }
    if let (Some(id), Some(at)) = (app.nav.entity, app.nav.last_mention)
        && let Some(m) = app.mentions_here(id).into_iter().find(|m| m.start == at)
        && app.visible_bytes().contains(&m.start)
    {
        return sentence(app, doc, m);
    }
    let text = app.store.text(doc);
    let anchor = app.reader.anchor;
    let paras = crate::corpus::paragraph_ranges(text);
    let p = paras.iter().find(|p| p.end > anchor && !text[(*p).clone()].trim().is_empty())?;
    Some(text[p.clone()].trim().to_string())
}

/// The rows of the list on screen: the archive search's results when the search is open,
/// the entity's documents in the entity view, the timeline's entries, the bookmarks (newest
/// first, as the view lists them, with their notes), else the document list.
pub fn list_rows(app: &App) -> (&'static str, Vec<ExportRow>) {
    let store = &app.store;
    let row = |doc: usize, passage: Option<String>| {
        let d = &store.docs[doc];
        ExportRow {
            date: d.date.map(|x| x.to_string()),
            title: d.title.clone(),
            lang: d.lang.clone(),
            path: d.path.clone(),
            url: d.url.clone(),
            passage,
            note: None,
        }
    };
    if let Some(line) = app.nav.line.as_ref().filter(|l| l.kind == LineKind::Archive) {
        let rows = line.results.iter().map(|r| row(r.doc, Some(squash(&r.snippet)))).collect();
        return ("search results", rows);
    }
    match &app.nav.view {
        Some(NavView::Entity { id, .. }) => {
            let Some(e) = store.entities.get(*id) else { return ("documents", Vec::new()) };
            let rows = e
                .mentions
                .chunk_by(|a, b| a.doc == b.doc)
                .filter_map(|group| {
                    let d = group[0].doc();
                    let m = store.annotations.get(d)?.mentions.get(group[0].mention())?;
                    Some(row(d, sentence(app, d, m.range())))
                })
                .collect();
            ("documents of the entity", rows)
        }
        Some(NavView::Timeline { .. }) => {
            let rows = app
                .nav
                .timeline
                .iter()
                .flatten()
                .filter(|e| e.doc < store.docs.len())
                // What the timeline shows: furniture dates only when they are shown.
                .filter(|e| app.nav.show_furniture_dates || !e.furniture)
                .map(|e| ExportRow {
                    date: Some(e.value_string()),
                    ..row(e.doc, sentence(app, e.doc, e.range.clone()))
                })
                .collect();
            ("timeline entries", rows)
        }
        Some(NavView::Bookmarks { .. }) => {
            let rows = app
                .user
                .bookmarks
                .iter()
                .rev()
                .map(|b| {
                    let note = Some(b.note.clone()).filter(|n| !n.is_empty());
                    let passage = Some(squash(&b.anchor.quote));
                    match app.doc_with_key(&b.doc) {
                        Some(d) => ExportRow { note, ..row(d, passage) },
                        // Not in this archive: what the bookmark itself remembers.
                        None => ExportRow {
                            title: b.title.clone(),
                            path: b.path.clone(),
                            passage,
                            note,
                            ..ExportRow::default()
                        },
                    }
                })
                .collect();
            ("bookmarks", rows)
        }
        None => ("documents", app.list.order.iter().map(|&d| row(d, None)).collect()),
    }
}

fn open_export(app: &mut App) {
    if app.nav.line.as_ref().is_some_and(|l| l.kind != LineKind::Archive) {
        return;
    }
    let (what, rows) = list_rows(app);
    if rows.is_empty() {
        app.message = Some(format!("no {what} to write"));
        return;
    }
    app.message = Some(format!(
        "write {} to a .jsonl, .csv or .md file",
        crate::text::plural(rows.len(), "row")
    ));
    let search = app.nav.line.take();
    app.takeout.export = Some(PendingExport { what: what.into(), rows, search });
    app.nav.line = Some(SearchLine::new(LineKind::Export, ""));
}

/// `Enter` in the export prompt: the rows rendered in the format the name asks for, handed to
/// the loop to write; a name without a known extension keeps the prompt open and says so.
pub fn accept_export(app: &mut App, line: SearchLine) {
    let name = line.input().trim().to_string();
    let Some(format) = Format::from_path(std::path::Path::new(&name)) else {
        let error = Some("name a .jsonl, .csv or .md file".to_string());
        app.nav.line = Some(SearchLine { error, ..line });
        return;
    };
    let Some(pending) = app.takeout.export.take() else { return };
    match super::export::render(&pending.rows, format) {
        Ok(bytes) => {
            app.takeout.effects.push(Effect::Export { path: name, bytes, rows: pending.rows.len() })
        }
        Err(e) => app.message = Some(format!("export failed: {e}")),
    }
    app.nav.line = pending.search;
}

/// `Esc` in the export prompt: nothing written, the search line (if any) back.
pub fn cancel_export(app: &mut App) {
    if let Some(p) = app.takeout.export.take() {
        app.nav.line = p.search;
    }
    app.message = Some("nothing written".into());
}
