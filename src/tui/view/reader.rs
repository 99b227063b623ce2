//! The reading pane: a header (title, byline, date, language, source) above the document
//! text, drawn from the cached rows; only the visible rows are touched.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{draw_block, draw_line, one_line, put};
use crate::tui::action::Action;
use crate::tui::app::{App, Pane};
use crate::tui::keymap::Mode;
use crate::tui::panes::reader_areas;
use crate::tui::rows::Row;

/// The line that stands for folded page furniture; `key` unfolds it.
pub fn fold_label(lines: usize, key: &str) -> String {
    format!("… {} of page furniture ({key} to show)", crate::text::plural(lines, "line"))
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
        put(buf, header.x, header.y + 2, w, &doc.path, Style::new().add_modifier(Modifier::DIM));
        put(
            buf,
            header.x,
            header.y + 3,
            w,
            &"─".repeat(w as usize),
            Style::new().add_modifier(Modifier::DIM),
        );
    }
    let Some(rows) = &app.rows else { return };
    let highlights = app.highlights();
    let current = app.current_hit();
    let hl = Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED);
    let dim = Style::new().add_modifier(Modifier::DIM);
    for (i, row) in rows.rows.iter().skip(app.reader.top).take(text.height as usize).enumerate() {
        let y = text.y + i as u16;
        match row {
            Row::Line { line, furniture } => {
                let style = if *furniture { dim } else { Style::new() };
                draw_line(buf, (text.x, y, text.width), line, style, &highlights, hl);
                // The current search hit stands out from the others (bold, no underline).
                if let Some(cur) = &current {
                    for col in line.columns_of(cur).into_iter().filter(|&c| c < text.width as usize)
                    {
                        if let Some(cell) = buf.cell_mut((text.x + col as u16, y)) {
                            cell.modifier.remove(Modifier::UNDERLINED);
                            cell.modifier.insert(Modifier::BOLD);
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
