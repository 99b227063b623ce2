//! Rows of the bookmarks view: every bookmark across the archive, newest first, with its
//! document, note and passage; `Enter` opens the document at the passage.

use super::nav::{Target, ViewRow, heading, row};
use crate::tui::app::App;

/// The bookmarks view's rows (a heading when there are none).
pub fn rows(app: &App) -> Vec<ViewRow> {
    let marks = &app.user.bookmarks;
    if marks.is_empty() {
        return vec![heading("No bookmarks yet: m in the reader marks a passage.".into())];
    }
    let width = app.size.0.saturating_sub(8) as usize;
    let mut out = vec![heading(format!(
        "{} bookmark{}, newest first",
        marks.len(),
        if marks.len() == 1 { "" } else { "s" }
    ))];
    for (i, b) in marks.iter().enumerate().rev() {
        // Found again by its words, wherever the document now lives.
        let found = app.bookmark_places().get(i).cloned().flatten();
        let note = if b.note.is_empty() { String::new() } else { format!(" — {}", b.note) };
        let title = match &found {
            Some((d, _)) => app.store.docs[*d].title.clone(),
            None => format!("{} (not in this archive, or the passage changed)", b.title),
        };
        let date = b.created.get(..10).unwrap_or("");
        out.push(ViewRow {
            indent: 1,
            item: Some(i),
            target: found.clone().map(|(doc, hl)| Target::Doc { doc, byte: hl.start, hl }),
            ..row(format!("{date}  {title}{note}"))
        });
        let quote: String = b.anchor.quote.chars().take(width).collect();
        out.push(ViewRow { indent: 4, ..row(format!("“{}”", quote.trim())) });
    }
    out
}
