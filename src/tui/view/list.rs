//! The document list: read/unread mark and title, then date, language and source file.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{draw_block, draw_line, one_line, put};
use crate::tui::action::Action;
use crate::tui::app::{App, Pane};
use crate::tui::keymap::Mode;
use crate::tui::panes::{inner, list_item_rows};

/// Mark of a document not opened yet.
pub const UNREAD: &str = "●";
/// Mark of a document already opened.
pub const READ: &str = " ";

fn lang_key(app: &App) -> String {
    app.keymap.key_for(Mode::Normal, &Action::CycleLangFilter)
}

/// Draws the list pane into `area`.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let arrow = if app.list.reverse { "↓" } else { "↑" };
    let mut filter = app.list.lang.as_deref().map(|l| format!(" · {l}")).unwrap_or_default();
    if app.nav.filter.is_active() {
        filter.push_str(&format!(" · {}", app.nav.filter.label(&app.store)));
    }
    let title = format!(
        "Documents {}/{} · {}{arrow}{filter}",
        app.list.order.len(),
        app.store.live_count(),
        app.list.sort.label()
    );
    draw_block(app, Pane::List, &title, area, buf);
    let area = inner(area);
    if area.width == 0 || area.height == 0 {
        return;
    }
    if app.list.order.is_empty() {
        put(
            buf,
            area.x,
            area.y,
            area.width,
            &format!("(no document matches; {} changes the filter)", lang_key(app)),
            Style::new(),
        );
        return;
    }
    let per = list_item_rows(area.height);
    let shown = (area.height / per) as usize;
    let focused = app.focus == Pane::List;
    for (i, &doc_id) in app.list.order.iter().enumerate().skip(app.list.offset).take(shown) {
        let y = area.y + ((i - app.list.offset) as u16) * per;
        let doc = &app.store.docs[doc_id];
        let selected = i == app.list.selected;
        let mut style = Style::new();
        if selected {
            style = if focused {
                style.patch(app.theme.selected)
            } else {
                style.add_modifier(Modifier::UNDERLINED)
            };
        }
        // An unread row in the unread style's modifiers; its mark in the whole style.
        let unread = !app.read[doc_id];
        if unread {
            style = style.add_modifier(app.theme.unread.add_modifier);
        }
        // Paint the selection bar across the whole row first.
        for r in 0..per {
            buf.set_style(Rect { y: y + r, height: 1, ..area }, style);
        }
        let mark = if app.read[doc_id] { READ } else { UNREAD };
        let open = if app.reader.doc == Some(doc_id) { "▸" } else { mark };
        put(buf, area.x, y, 2, open, if unread { style.patch(app.theme.unread) } else { style });
        let tw = area.width.saturating_sub(2);
        if let Some(line) = one_line(app, &doc.title, tw as usize) {
            draw_line(buf, (area.x + 2, y, tw), &line, style, &[], Style::new());
        }
        if per == 2 {
            let date = doc.date.map(|d| d.to_string()).unwrap_or_else(|| "no date".into());
            let file = doc.path.rsplit('/').next().unwrap_or(&doc.path);
            let meta = format!("{date} · {} · {file}", doc.lang);
            put(buf, area.x + 2, y + 1, tw, &meta, style.patch(app.theme.meta));
        }
    }
}
