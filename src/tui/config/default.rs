//! `qari config --default`: the complete default config file, with comments, written from
//! the keymap table and the theme's defaults (never a copy of them), so that it parses
//! back to the defaults.

use std::fmt::Write;

use ratatui::style::{Color, Style};

use super::parse::MODIFIERS;
use crate::tui::keymap::Keymap;
use crate::tui::theme::{ELEMENTS, Theme};

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A colour as the config file writes it (`light-red`, `#FF8800`, `208`).
fn colour_name(c: Color) -> String {
    let s = c.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 && !s.starts_with('#') {
            out.push('-');
        }
        out.push(if s.starts_with('#') { ch } else { ch.to_ascii_lowercase() });
    }
    out
}

/// A style as an inline table: its colours and the modifiers it sets or clears.
fn style_table(s: Style) -> String {
    let mut parts = Vec::new();
    if let Some(c) = s.fg {
        parts.push(format!("fg = {}", quoted(&colour_name(c))));
    }
    if let Some(c) = s.bg {
        parts.push(format!("bg = {}", quoted(&colour_name(c))));
    }
    for (name, m) in MODIFIERS {
        if s.add_modifier.contains(*m) {
            parts.push(format!("{name} = true"));
        } else if s.sub_modifier.contains(*m) {
            parts.push(format!("{name} = false"));
        }
    }
    if parts.is_empty() { "{}".into() } else { format!("{{ {} }}", parts.join(", ")) }
}

const HEAD: &str = "\
# qari's configuration: every setting at its default (`qari config --default` prints this).
# qari reads $XDG_CONFIG_HOME/qari/config.toml (~/.config/qari/config.toml), or the file
# named by --config FILE or $QARI_CONFIG; `qari config --path` says which. Keep only what you
# change. A flag on the command line (--bidi, --no-shape, PATH…) wins over the file; an
# unknown key or a bad value is named with its line and ignored.

[reader]
# Who puts right-to-left text in visual order: \"app\" (qari, telling the terminal not to),
# \"terminal\" (logical order for a terminal that reorders), \"off\" (logical order).
bidi = \"app\"
# Arabic shaped into joined letter forms (false for terminals that shape themselves).
shape = true

[archive]
# Files or folders opened when the command line names none (empty: the bundled archive).
# \"~/\" is your home folder; a relative path is taken from this file's folder.
paths = []

[clipboard]
# Copying may set the terminal's clipboard through the OSC 52 sequence.
osc52 = true

[theme]
# \"default\" (the 16 ANSI colours) or \"none\" (no colour: bold, underline and reverse).
# NO_COLOR set in the environment turns every colour off, whatever this file says.
preset = \"default\"
# Each element: a colour (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray,
# light-red … white; 0-255; \"#rrggbb\"; \"none\"), which sets the foreground, or a table of
# fg, bg, bold, dim, italic, underlined, reversed over the preset. 256-palette and
# #rrggbb colours are brought down to what the terminal shows ($COLORTERM, $TERM).
";

const KEYS_HEAD: &str = "\
# Keys, one table per mode: an action's name (as the help, ?, shows it) and its keys, which
# replace the action's default keys in that mode. A key is a character (\"j\", \"G\", \"/\")
# or a name (Enter, Esc, Tab, Shift-Tab, Space, Backspace, Delete, Insert, Home, End, PgUp,
# PgDn, Up, Down, Left, Right, F1…F12), after any of Ctrl-, Alt-, Shift-; [] unbinds.
";

/// The default config file, commented.
pub fn default_text() -> String {
    let mut out = String::from(HEAD);
    let theme = Theme::default();
    let width = ELEMENTS.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    let lines: Vec<(String, &str)> = ELEMENTS
        .iter()
        .map(|(name, what)| {
            let style = theme.element(name).unwrap_or_default();
            (format!("{name:width$} = {}", style_table(style)), *what)
        })
        .collect();
    let lw = lines.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    for (line, what) in lines {
        let _ = writeln!(out, "{line:lw$}  # {what}");
    }
    out.push('\n');
    out.push_str(KEYS_HEAD);
    let keymap = Keymap::default();
    let rows = keymap.help_rows();
    for mode in keymap.modes() {
        let _ = writeln!(out, "\n[keys.{}]  # {}", mode.name(), mode.title());
        let lines: Vec<(String, &str)> = rows
            .iter()
            .filter(|r| r.mode == mode)
            .map(|r| {
                let keys: Vec<String> = r.bound.iter().map(|k| quoted(&k.name())).collect();
                (format!("{} = [{}]", r.name, keys.join(", ")), r.help)
            })
            .collect();
        let lw = lines.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
        for (line, help) in lines {
            let pad = lw - line.chars().count();
            let _ = writeln!(out, "{line}{}  # {help}", " ".repeat(pad));
        }
    }
    out
}
