//! Driving the reader without a terminal: key strings through the keymap and `update`, and
//! the screen drawn into a `TestBackend`, read back as text rows.
#![allow(dead_code)] // each test binary uses a different part of it

use qari::tui::keymap::parse_keys;
use qari::tui::{App, Effect, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// Types `keys` through the keymap and `update`, returning the effects asked for.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for ev in parse_keys(keys).expect("valid key string") {
        if let Some(a) = app.keymap.action(app.mode(), &ev) {
            effects.extend(update(app, a));
        }
    }
    effects
}

/// The screen for `app`.
pub fn draw(app: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| view::view(app, f)).unwrap();
    t.backend().buffer().clone()
}

/// Row `y` as text (wide characters once).
pub fn row_text(buf: &Buffer, y: u16) -> String {
    let mut s = String::new();
    let mut skip = 0;
    for x in 0..buf.area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let sym = buf[(x, y)].symbol();
        skip = sym.width().saturating_sub(1);
        s.push_str(sym);
    }
    s
}

/// Every row as text.
pub fn screen(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height).map(|y| row_text(buf, y)).collect()
}

/// Whether some row of the screen contains `needle`.
pub fn shows(app: &App, needle: &str) -> bool {
    screen(&draw(app)).iter().any(|l| l.contains(needle))
}
