//! The status bar: document i/n, position in the text, the last message, and a help hint.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Mode;

/// The left part of the status bar: `doc 2/5 · line 10/40 25%` (i/n counts the list order).
pub fn position(app: &App) -> String {
    let mut s = String::new();
    if let Some(doc) = app.reader.doc {
        match app.list.order.iter().position(|&d| d == doc) {
            Some(i) => s.push_str(&format!("doc {}/{}", i + 1, app.list.order.len())),
            None => s.push_str(&format!("doc –/{}", app.list.order.len())),
        }
        if let Some(rows) = &app.rows {
            let top = app.reader.top + 1;
            if rows.is_complete() {
                let total = rows.rows.len().max(1);
                let h = app.reader_height();
                let bottom = (app.reader.top + h).min(total);
                let pct = if total <= h { 100 } else { bottom * 100 / total };
                s.push_str(&format!(" · line {top}/{total} {pct}%"));
            } else {
                // Not laid out to the end yet: the share of the text above the screen.
                let len = app.store.text(doc).len().max(1);
                s.push_str(&format!(" · line {top} ~{}%", app.reader.anchor * 100 / len));
            }
        }
    } else {
        s.push_str(&crate::text::plural(app.list.order.len(), "document"));
    }
    if let Some(c) = app.nav_counter() {
        s.push_str(&format!(" · {c}"));
    }
    s
}

/// Draws the status bar into `area` (one row).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let bar = app.theme.status;
    buf.set_style(area, bar);
    let left = format!(" {} ", position(app));
    let mut right = String::new();
    if let Some(a) = &app.activity {
        right.push_str(&format!("{a} · "));
    }
    if !app.store.problems.is_empty() {
        let key = app.keymap.key_for(Mode::Normal, &Action::ShowProblems);
        right.push_str(&format!("{} unreadable ({key}) · ", app.store.problems.len()));
    }
    right.push_str(&format!("{} help ", app.keymap.key_for(Mode::Normal, &Action::ToggleHelp)));
    let lw = left.chars().count() as u16;
    put(buf, area.x, area.y, area.width, &left, bar);
    if let Some(msg) = &app.message {
        put(
            buf,
            area.x + lw,
            area.y,
            area.width.saturating_sub(lw),
            &format!("│ {msg}"),
            bar.patch(app.theme.message),
        );
    }
    let rw = right.chars().count() as u16;
    let used = lw + app.message.as_ref().map_or(0, |m| m.chars().count() as u16 + 3);
    if area.width >= used + rw {
        put(buf, area.x + area.width - rw, area.y, rw, &right, bar);
    }
}
