//! Full-screen overlays: the key help (generated from the keymap table) and the list of
//! files that could not be read.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Clear, Widget};

use super::{pane_block, put};
use crate::text::printable::printable_path;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::Mode;

/// The help overlay's lines: a section per mode (its config name in brackets), `keys  name
/// what they do`, the name being the action's in the config file.
pub fn help_lines(app: &App) -> Vec<(String, bool)> {
    let rows = app.keymap.help_rows();
    let mut out = Vec::new();
    for mode in [
        Mode::Normal,
        Mode::SearchLine,
        Mode::EntityView,
        Mode::Timeline,
        Mode::Bookmarks,
        Mode::Correct,
        Mode::Select,
        Mode::Overlay,
    ] {
        // Columns as wide as this section needs (one long name elsewhere would push every
        // section's help text off a narrow screen).
        let here = || rows.iter().filter(|r| r.mode == mode);
        let kw = here().map(|r| r.keys.chars().count()).max().unwrap_or(0);
        let nw = here().map(|r| r.name.len()).max().unwrap_or(0);
        out.push((format!("{} [keys.{}]", mode.title(), mode.name()), true));
        for r in here() {
            let pad = kw - r.keys.chars().count();
            let npad = nw - r.name.len();
            let (keys, name) = (&r.keys, &r.name);
            let line =
                format!("  {keys}{}  {name}{}  {}", " ".repeat(pad), " ".repeat(npad), r.help);
            out.push((line, false));
        }
        out.push((String::new(), false));
    }
    if let Some(path) = &app.config.path {
        out.push((format!("Keys, colours and settings: {}", printable_path(path)), false));
        out.push(("  (`qari config --default` prints every setting)".into(), false));
        out.push((String::new(), false));
    }
    out.push((
        "Search queries: words (all must match), \"a phrase\", OR, -word, title:word,".into(),
        false,
    ));
    out.push(("  lang:ar, after:2018-06-01, before:2019, entity:\"Ri Yong Ho\"".into(), false));
    out.push((String::new(), false));
    out.push((
        "Mouse: wheel scrolls the pane under the pointer; click focuses and selects".into(),
        false,
    ));
    out.push(("(click a selected document again to open it).".into(), false));
    out
}

/// The problems overlay's lines: unreadable files with their reasons, skipped files, and
/// warnings attached to readable documents.
pub fn problem_lines(app: &App) -> Vec<(String, bool)> {
    let s = &app.store;
    let mut out = vec![(format!("Files that could not be read ({})", s.problems.len()), true)];
    for p in &s.problems {
        out.push((format!("  {}: {}", printable_path(&p.path), p.reason), false));
    }
    if s.problems.is_empty() {
        out.push(("  none".into(), false));
    }
    out.push((format!("Skipped (not an article format): {}", s.skipped), false));
    let config = app.config.warning_lines();
    if !config.is_empty() {
        out.push((String::new(), false));
        out.push((
            format!("Config file: {} ignored", crate::text::plural(config.len(), "setting")),
            true,
        ));
        out.extend(config.into_iter().map(|l| (format!("  {l}"), false)));
    }
    let warned: Vec<_> = s.docs.iter().filter(|d| !d.problems.is_empty()).collect();
    if !warned.is_empty() {
        out.push((String::new(), false));
        out.push(("Warnings".into(), true));
        for d in warned {
            for p in &d.problems {
                out.push((format!("  {}: {p}", d.path), false));
            }
        }
    }
    let skipped = &s.corrections.skipped;
    if !skipped.is_empty() {
        out.push((String::new(), false));
        out.push((format!("Corrections not applied ({})", skipped.len()), true));
        out.extend(skipped.iter().map(|why| (format!("  {why}"), false)));
    }
    out
}

/// Draws the open overlay centred over `area`.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let close = app.keymap.key_for(Mode::Overlay, &Action::Back);
    let (title, lines, scroll) = match app.overlay {
        Some(Overlay::Help { scroll }) => {
            (format!("Keys — {} to close", close), help_lines(app), scroll)
        }
        Some(Overlay::Problems { scroll }) => {
            (format!("Problems — {} to close", close), problem_lines(app), scroll)
        }
        None => return,
    };
    let w = area.width.saturating_sub(4).clamp(area.width.min(20), 90);
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(r, buf);
    pane_block(&title, true, &app.theme).render(r, buf);
    let inner = crate::tui::panes::inner(r);
    for (i, (text, heading)) in lines.iter().skip(scroll).take(inner.height as usize).enumerate() {
        let style = if *heading { app.theme.heading } else { Style::new() };
        put(buf, inner.x, inner.y + i as u16, inner.width, text, style);
    }
}
