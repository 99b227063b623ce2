//! The reading pane: a header (title, byline, date, language, source) above the document
//! text, drawn from the cached rows; only the visible rows are touched.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::ops::Range;

use ratatui::style::{Modifier, Style};

use super::{draw_block, draw_line, draw_spans, one_line, put};
use crate::tui::action::Action;
use crate::tui::app::{App, Pane};
use crate::tui::keymap::Mode;
use crate::tui::panes::reader_areas;
use crate::tui::rows::Row;

/// The line that stands for folded page furniture; `key` unfolds it.
pub fn fold_label(lines: usize, key: &str) -> String {
    format!("… {} of page furniture ({key} to show)", crate::text::plural(lines, "line"))
}

/// The mentions and dates inside `bytes` of the open document, each with its kind's style
/// (mentions are sorted and never overlap, so only the line's own are visited).
fn annotation_spans(
    app: &App,
    ann: &crate::store::DocAnnotations,
    bytes: &Range<usize>,
) -> Vec<(Range<usize>, Style)> {
    let mut out = Vec::new();
    let first = ann.mentions.partition_point(|m| (m.end as usize) <= bytes.start);
    for m in ann.mentions[first..].iter().take_while(|m| (m.start as usize) < bytes.end) {
        out.push((m.range(), app.theme.entity(m.kind)));
    }
    let upto = ann.dates.partition_point(|d| d.range.start < bytes.end);
    for d in ann.dates[..upto].iter().filter(|d| d.range.end > bytes.start) {
        out.push((d.range.clone(), app.theme.date));
    }
    out
}

/// Draws the reading pane into `area`.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let title = match app.rows.as_ref().map(|r| r.key) {
        Some(k) if !k.shape => "Reader (shaping off)",
        _ => "Reader",
    };
    draw_block(app, Pane::Reader, title, area, buf);
    let (header, text) = reader_areas(area);
    let Some(doc_id) = app.reader.doc else {
        put(buf, text.x, text.y, text.width, "(no document open)", Style::new());
        return;
    };
    let doc = &app.store.docs[doc_id];
    if header.height >= 4 {
        let w = header.width;
        if let Some(line) = one_line(app, &doc.title, w as usize) {
            let bold = Style::new().add_modifier(Modifier::BOLD);
            draw_line(buf, (header.x, header.y, w), &line, bold, &[], bold);
        }
        let mut meta: Vec<String> = Vec::new();
        if let Some(b) = &doc.byline {
            meta.push(b.clone());
        }
        meta.push(doc.date.map(|d| d.to_string()).unwrap_or_else(|| "no date".into()));
        meta.push(doc.lang.clone());
        if let Some(line) = one_line(app, &meta.join(" · "), w as usize) {
            draw_line(buf, (header.x, header.y + 1, w), &line, Style::new(), &[], Style::new());
        }
        put(buf, header.x, header.y + 2, w, &doc.path, app.theme.meta);
        put(buf, header.x, header.y + 3, w, &"─".repeat(w as usize), app.theme.meta);
    }
    let Some(rows) = &app.rows else { return };
    let highlights = app.highlights();
    let current = app.current_hit();
    let theme = &app.theme;
    let dim = theme.furniture;
    let ann = app.store.annotations.get(doc_id);
    for (i, row) in rows.rows.iter().skip(app.reader.top).take(text.height as usize).enumerate() {
        let y = text.y + i as u16;
        match row {
            Row::Line { line, furniture } => {
                let style = if *furniture { dim } else { Style::new() };
                // Entities and dates in their kind's colour, the hits over them.
                let mut spans =
                    ann.map(|a| annotation_spans(app, a, &line.logical)).unwrap_or_default();
                spans.extend(highlights.iter().map(|h| (h.clone(), theme.hit)));
                draw_spans(buf, (text.x, y, text.width), line, style, &spans);
                // The current search hit stands out from the others.
                if let Some(cur) = &current {
                    for col in line.columns_of(cur).into_iter().filter(|&c| c < text.width as usize)
                    {
                        if let Some(cell) = buf.cell_mut((text.x + col as u16, y)) {
                            cell.set_style(theme.current_hit);
                        }
                    }
                }
            }
            Row::Fold { lines, .. } => {
                put(
                    buf,
                    text.x,
                    y,
                    text.width,
                    &fold_label(
                        *lines,
                        &app.keymap.key_for(Mode::Normal, &Action::ToggleBoilerplate),
                    ),
                    dim.add_modifier(Modifier::ITALIC),
                );
            }
        }
    }
}
