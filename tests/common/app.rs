//! Driving the reader in-process: the bundled archive, keys typed through the keymap and
//! `update`, and the screen drawn into ratatui's `TestBackend`.
#![allow(dead_code)] // each test binary uses a different part of it

use qari::corpus;
use qari::extract::Extractor;
use qari::store::Store;
use qari::tui::keymap::parse_keys;
use qari::tui::{App, Effect, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// The bundled sample archive, extracted in memory.
pub fn bundled() -> Store {
    Store::build(corpus::load_bundled(), &Extractor::new())
}

/// Types `keys` (e.g. `"jj<Enter>G"`) through the app's keymap and `update`; returns the
/// effects.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for ev in parse_keys(keys).expect("valid key string") {
        if let Some(a) = app.keymap.action(app.mode(), &ev) {
            effects.extend(update(app, a));
        }
    }
    effects
}

/// The whole screen as the reader draws it now.
pub fn draw(app: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test terminal");
    t.draw(|f| view::view(app, f)).expect("draw");
    t.backend().buffer().clone()
}

/// Row `y` of the screen as text (wide glyphs once).
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

/// Whether any row of the screen contains `needle`.
pub fn shows(buf: &Buffer, needle: &str) -> bool {
    (0..buf.area.height).any(|y| row_text(buf, y).contains(needle))
}
