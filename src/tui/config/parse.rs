//! Walking the config file's TOML tree (with its byte spans, for line numbers) into a
//! [`Config`]: each section, key and value checked, each problem a [`Warning`] and the
//! setting left at its default.

use std::ops::Range;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Config, Warning};
use crate::text::layout::BidiMode;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::theme::{ELEMENTS, Preset, Theme};

/// The text being read and the warnings so far.
struct Reader<'t> {
    text: &'t str,
    warnings: Vec<Warning>,
}

impl Reader<'_> {
    fn warn(&mut self, span: Range<usize>, message: String) {
        let at = span.start.min(self.text.len());
        let line = self.text[..at].matches('\n').count() + 1;
        self.warnings.push(Warning { line: Some(line), message });
    }
}

/// A table's entries in file order (the parser keeps them sorted by name): the later of
/// two settings that conflict wins, as a reader of the file expects.
fn in_file_order<'a, 'i>(
    t: &'a DeTable<'i>,
) -> Vec<(&'a Spanned<std::borrow::Cow<'i, str>>, &'a Spanned<DeValue<'i>>)> {
    let mut v: Vec<_> = t.iter().collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

/// What a value is, for "must be …, not a string".
fn kind(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a number",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// Applies `text` to `config`; a file that is not TOML leaves the defaults.
pub(super) fn apply(config: &mut Config, text: &str, base: Option<&Path>) {
    let mut r = Reader { text, warnings: Vec::new() };
    match DeTable::parse(text) {
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let what = e.message().trim().replace('\n', " ");
            r.warn(span, format!("not valid TOML ({what}); using the defaults"));
        }
        Ok(root) => {
            for (key, value) in in_file_order(root.get_ref()) {
                let Some(table) = section(&mut r, key, value) else { continue };
                match key.get_ref().as_ref() {
                    "keys" => keys(&mut r, &mut config.keymap, table),
                    "theme" => theme(&mut r, &mut config.theme, table),
                    "reader" => reader(&mut r, config, table),
                    "archive" => archive(&mut r, &mut config.archive_paths, table, base),
                    "clipboard" => clipboard(&mut r, &mut config.clipboard_osc52, table),
                    _ => unreachable!("section() admits the known sections only"),
                }
            }
        }
    }
    config.warnings.append(&mut r.warnings);
}

const SECTIONS: &[&str] = &["reader", "archive", "clipboard", "theme", "keys"];

/// The table of a known section, or a warning.
fn section<'a, 'i>(
    r: &mut Reader,
    key: &Spanned<std::borrow::Cow<'i, str>>,
    value: &'a Spanned<DeValue<'i>>,
) -> Option<&'a DeTable<'i>> {
    let name = key.get_ref().as_ref();
    if !SECTIONS.contains(&name) {
        let known = SECTIONS.iter().map(|s| format!("[{s}]")).collect::<Vec<_>>().join(", ");
        r.warn(key.span(), format!("unknown section `{name}` (qari reads {known})"));
        return None;
    }
    match value.get_ref() {
        DeValue::Table(t) => Some(t),
        v => {
            r.warn(value.span(), format!("`{name}` must be a table ([{name}]), not {}", kind(v)));
            None
        }
    }
}

fn unknown_key(r: &mut Reader, section: &str, key: &Spanned<std::borrow::Cow<str>>, known: &str) {
    let name = key.get_ref();
    r.warn(key.span(), format!("unknown key `{name}` in [{section}] (known: {known})"));
}

fn boolean(r: &mut Reader, name: &str, value: &Spanned<DeValue>) -> Option<bool> {
    match value.get_ref() {
        DeValue::Boolean(b) => Some(*b),
        v => {
            r.warn(value.span(), format!("`{name}` must be true or false, not {}", kind(v)));
            None
        }
    }
}

fn reader(r: &mut Reader, config: &mut Config, t: &DeTable) {
    for (key, value) in in_file_order(t) {
        match key.get_ref().as_ref() {
            "bidi" => match value.get_ref().as_str() {
                Some("app") => config.bidi = BidiMode::App,
                Some("terminal") => config.bidi = BidiMode::Terminal,
                Some("off") => config.bidi = BidiMode::Off,
                _ => r.warn(
                    value.span(),
                    "`bidi` must be \"app\", \"terminal\" or \"off\" (as --bidi takes)".into(),
                ),
            },
            "shape" => {
                if let Some(b) = boolean(r, "shape", value) {
                    config.shape = b;
                }
            }
            _ => unknown_key(r, "reader", key, "bidi, shape"),
        }
    }
}

fn clipboard(r: &mut Reader, osc52: &mut bool, t: &DeTable) {
    for (key, value) in in_file_order(t) {
        match key.get_ref().as_ref() {
            "osc52" => {
                if let Some(b) = boolean(r, "osc52", value) {
                    *osc52 = b;
                }
            }
            _ => unknown_key(r, "clipboard", key, "osc52"),
        }
    }
}

fn archive(r: &mut Reader, paths: &mut Vec<PathBuf>, t: &DeTable, base: Option<&Path>) {
    for (key, value) in in_file_order(t) {
        if key.get_ref() != "paths" {
            unknown_key(r, "archive", key, "paths");
            continue;
        }
        let Some(list) = strings(r, "paths", value) else { continue };
        *paths = list.iter().map(|p| expand(p, base)).collect();
    }
}

/// `~/…` in the home folder, a relative path beside the config file.
fn expand(p: &str, base: Option<&Path>) -> PathBuf {
    if let (Some(rest), Some(home)) = (p.strip_prefix("~/"), dirs::home_dir()) {
        return home.join(rest);
    }
    match base {
        Some(b) if Path::new(p).is_relative() => b.join(p),
        _ => PathBuf::from(p),
    }
}

/// A list of strings (a single string is taken as a list of one).
fn strings(r: &mut Reader, name: &str, value: &Spanned<DeValue>) -> Option<Vec<String>> {
    let items: Vec<&Spanned<DeValue>> = match value.get_ref() {
        DeValue::String(_) => vec![value],
        DeValue::Array(a) => a.iter().collect(),
        v => {
            r.warn(value.span(), format!("`{name}` must be a list of strings, not {}", kind(v)));
            return None;
        }
    };
    let mut out = Vec::new();
    for item in items {
        match item.get_ref().as_str() {
            Some(s) => out.push(s.to_string()),
            None => {
                let what = kind(item.get_ref());
                r.warn(item.span(), format!("`{name}` must be a list of strings, not of {what}s"));
                return None;
            }
        }
    }
    Some(out)
}

fn keys(r: &mut Reader, keymap: &mut Keymap, t: &DeTable) {
    let modes = Keymap::default().modes();
    for (mode_key, value) in in_file_order(t) {
        let name = mode_key.get_ref().as_ref();
        let Some(&mode) = modes.iter().find(|m| m.name() == name) else {
            let known = modes.iter().map(|m| m.name()).collect::<Vec<_>>().join(", ");
            r.warn(mode_key.span(), format!("unknown mode `{name}` in [keys] (modes: {known})"));
            continue;
        };
        let DeValue::Table(actions) = value.get_ref() else {
            r.warn(value.span(), format!("`keys.{name}` must be a table ([keys.{name}])"));
            continue;
        };
        for (action, value) in in_file_order(actions) {
            let action_name = action.get_ref().as_ref();
            let Some(list) = strings(r, action_name, value) else { continue };
            let parsed: Result<Vec<Key>, String> = list.iter().map(|k| Key::parse(k)).collect();
            let bound = parsed.and_then(|keys| keymap.rebind(mode, action_name, &keys));
            if let Err(why) = bound {
                let hint = "the help (?) and `qari config --default` name every action";
                let at = if why.starts_with("no action") { action.span() } else { value.span() };
                r.warn(at, format!("[keys.{name}] {action_name}: {why}; {hint}"));
            }
        }
    }
}

fn theme(r: &mut Reader, theme: &mut Theme, t: &DeTable) {
    let entries = in_file_order(t);
    // The preset first, wherever it is written: the elements then adjust it.
    if let Some((_, value)) = entries.iter().find(|(k, _)| k.get_ref() == "preset") {
        match value.get_ref().as_str().and_then(|s| s.parse::<Preset>().ok()) {
            Some(p) => *theme = Theme::preset(p),
            None => r.warn(value.span(), "`preset` must be \"default\" or \"none\"".into()),
        }
    }
    for (key, value) in entries {
        let name = key.get_ref().as_ref();
        if name == "preset" {
            continue;
        }
        let Some(slot) = theme.element_mut(name) else {
            let known: Vec<&str> = ELEMENTS.iter().map(|(n, _)| *n).collect();
            unknown_key(r, "theme", key, &format!("preset, {}", known.join(", ")));
            continue;
        };
        match style(value, *slot) {
            Ok(s) => *slot = s,
            Err((span, why)) => r.warn(span, format!("[theme] {name}: {why}")),
        }
    }
}

/// A colour: a name, a palette number, `#rrggbb`, or `none` (no colour).
fn colour(value: &Spanned<DeValue>) -> Result<Option<Color>, (Range<usize>, String)> {
    let bad = || {
        let why = "a colour is a name (red, light-blue…), 0-255, \"#rrggbb\" or \"none\"";
        (value.span(), why.to_string())
    };
    let s = match value.get_ref() {
        DeValue::String(s) => s.as_ref(),
        DeValue::Integer(i) => {
            return i.as_str().parse::<u8>().map(|n| Some(Color::Indexed(n))).map_err(|_| bad());
        }
        _ => return Err(bad()),
    };
    if s.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    s.parse::<Color>().map(Some).map_err(|_| bad())
}

/// An element's style: a colour (the foreground; its modifiers kept), or a table of `fg`,
/// `bg` and modifiers, each over `base`.
fn style(value: &Spanned<DeValue>, base: Style) -> Result<Style, (Range<usize>, String)> {
    let DeValue::Table(t) = value.get_ref() else {
        let mut s = base;
        s.fg = colour(value)?;
        return Ok(s);
    };
    let mut s = base;
    for (key, v) in in_file_order(t) {
        let k = key.get_ref().as_ref();
        match k {
            "fg" => s.fg = colour(v)?,
            "bg" => s.bg = colour(v)?,
            _ => {
                let Some(&(_, m)) = MODIFIERS.iter().find(|(n, _)| *n == k) else {
                    let known = MODIFIERS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ");
                    return Err((
                        key.span(),
                        format!("unknown key `{k}` (known: fg, bg, {known})"),
                    ));
                };
                match v.get_ref() {
                    DeValue::Boolean(true) => s = s.add_modifier(m),
                    DeValue::Boolean(false) => s = s.remove_modifier(m),
                    other => {
                        return Err((
                            v.span(),
                            format!("`{k}` must be true or false, not {}", kind(other)),
                        ));
                    }
                }
            }
        }
    }
    Ok(s)
}

/// The modifiers a theme table may set, by name (also how `--default` writes them).
pub(super) const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
];
