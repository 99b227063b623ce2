//! The side panel: the open document's metadata, then its entities grouped by kind (with
//! mention counts and how many documents mention them) and its dates.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{draw_block, draw_line, one_line};
use crate::extract::EntityKind;
use crate::tui::app::{App, Pane};
use crate::tui::panes::inner;

/// One row of the side panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideRow {
    /// What the row says.
    pub text: String,
    /// A section heading (bold).
    pub heading: bool,
    /// Index into `app.side.entities` when the row is an entity.
    pub entity: Option<usize>,
    /// The cursor position of the row (`app.side.selected`) when it is an entity or a date.
    pub item: Option<usize>,
    /// A date of the document (drawn in the dates' colour).
    pub date: bool,
}

fn kind_title(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "People",
        EntityKind::Org => "Organisations",
        EntityKind::Place => "Places",
    }
}

/// The panel's rows for the open document, top to bottom.
pub fn rows(app: &App) -> Vec<SideRow> {
    let mut out = Vec::new();
    let plain =
        |t: String| SideRow { text: t, heading: false, entity: None, item: None, date: false };
    let head = |t: String| SideRow { heading: true, ..plain(t) };
    let Some(doc_id) = app.reader.doc else { return out };
    let doc = &app.store.docs[doc_id];
    out.push(head("Document".into()));
    out.push(plain(format!("file  {}", doc.path.rsplit('/').next().unwrap_or(&doc.path))));
    out.push(plain(format!(
        "date  {}",
        doc.date.map(|d| d.to_string()).unwrap_or_else(|| "—".into())
    )));
    out.push(plain(format!("lang  {}", doc.lang)));
    if let Some(b) = &doc.byline {
        out.push(plain(format!("by    {b}")));
    }
    out.push(plain(format!("size  {}", crate::text::plural(doc.bytes as usize, "byte"))));
    if let Some(u) = &doc.url {
        out.push(plain(format!("url   {u}")));
    }
    for p in &doc.problems {
        out.push(plain(format!("⚠ {p}")));
    }
    let ents = &app.side.entities;
    let mut kind = None;
    for (i, e) in ents.iter().enumerate() {
        if kind != Some(e.kind) {
            kind = Some(e.kind);
            let n = ents.iter().filter(|x| x.kind == e.kind).count();
            out.push(plain(String::new()));
            out.push(head(format!("{} ({n})", kind_title(e.kind))));
        }
        let docs = if e.docs > 1 { format!(" · {} docs", e.docs) } else { String::new() };
        // A corrected entity is marked, so the user sees which names are theirs.
        let mark = if app.store.corrections.corrected.contains(&e.id) { "✎ " } else { "" };
        out.push(SideRow {
            text: format!("{mark}{} ×{}{docs}", e.name, e.count),
            heading: false,
            entity: Some(i),
            item: Some(i),
            date: false,
        });
        // The selected entity's other spellings, while the reader is in the panel.
        if i == app.side.selected && app.focus == Pane::Side && !e.spellings.is_empty() {
            out.push(plain(format!("  also: {}", e.spellings.join(" · "))));
        }
    }
    if ents.is_empty() {
        out.push(plain(String::new()));
        out.push(plain("(no entities found)".into()));
    }
    if !app.side.dates.is_empty() {
        out.push(plain(String::new()));
        out.push(head(format!("Dates ({})", app.side.dates.len())));
        for (i, d) in app.side.dates.iter().enumerate() {
            let surface = app.store.text(doc_id).get(d.range.clone()).unwrap_or("");
            let item = Some(ents.len() + i);
            out.push(SideRow { item, date: true, ..plain(format!("{}  {surface}", d.value)) });
        }
    }
    out
}

/// First shown row so that the selected entity or date is visible in `height` rows.
fn offset(rows: &[SideRow], selected: usize, height: usize) -> usize {
    let at = rows.iter().position(|r| r.item == Some(selected)).unwrap_or(0);
    (at + 1).saturating_sub(height.max(1))
}

/// The entity or date (its cursor position) shown on row `at` (0 = the panel's first inner
/// row), for mouse clicks.
pub fn entity_at_row(app: &App, at: usize) -> Option<usize> {
    let rows = rows(app);
    let h = app.panes().side.map_or(0, |r| inner(r).height as usize);
    rows.get(offset(&rows, app.side.selected, h) + at).and_then(|r| r.item)
}

/// Draws the side panel into `area`.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    draw_block(app, Pane::Side, "Details", area, buf);
    let area = inner(area);
    if area.width == 0 || area.height == 0 {
        return;
    }
    let rows = rows(app);
    let focused = app.focus == Pane::Side;
    let start = offset(&rows, app.side.selected, area.height as usize);
    for (i, row) in rows.iter().skip(start).take(area.height as usize).enumerate() {
        let y = area.y + i as u16;
        let theme = &app.theme;
        let mut style = Style::new();
        if row.heading {
            style = style.patch(theme.heading);
        }
        // An entity in its kind's colour, a date in the dates' (as in the reading pane).
        match row.entity.and_then(|i| app.side.entities.get(i)) {
            Some(e) => style = style.patch(theme.entity(e.kind)),
            None if row.date => style = style.patch(theme.date),
            None => {}
        }
        let selected = row.item.is_some() && row.item == Some(app.side.selected);
        if selected && focused {
            style = style.patch(theme.selected);
            buf.set_style(Rect { y, height: 1, ..area }, style);
        }
        // Entity names and date phrases may be Arabic: lay every row out like a title.
        let pad = u16::from(row.item.is_some());
        let w = area.width.saturating_sub(pad);
        if let Some(line) = one_line(app, &row.text, w as usize) {
            draw_line(buf, (area.x + pad, y, w), &line, style, &[], style);
        }
    }
}
