//! The user's config file, `$XDG_CONFIG_HOME/qari/config.toml`: key bindings per mode (by the
//! action names the help shows), the theme, the reader's BiDi mode and shaping, the default
//! archive paths, and the clipboard switch. Reading it never fails: a file that is missing
//! gives the defaults, and one that cannot be read, is not TOML, or holds an unknown key or a
//! bad value gives a [`Warning`] naming its line, the rest applying.
//!
//! The defaults live where they are used ([`Keymap::default`], [`Theme::default`]), and
//! `qari config --default` prints them from there ([`default_text`]), so the two cannot drift.

mod default;
mod parse;

use std::path::{Path, PathBuf};

pub use default::default_text;

use super::keymap::Keymap;
use super::theme::Theme;
use crate::text::layout::BidiMode;

/// The environment variable naming another config file (tests, a second setup).
pub const ENV: &str = "QARI_CONFIG";

/// Everything the config file sets, defaults where it says nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The file the settings came from, or would have (`None`: no config directory, or
    /// parsed from a string).
    pub path: Option<PathBuf>,
    /// The key table with the file's bindings applied.
    pub keymap: Keymap,
    /// The styles, with every colour the file gives (the terminal's depth is applied later,
    /// by [`Theme::for_depth`]).
    pub theme: Theme,
    /// `[reader] bidi`: who reorders right-to-left text (`--bidi` overrides it).
    pub bidi: BidiMode,
    /// `[reader] shape`: Arabic shaping (`--no-shape` overrides it).
    pub shape: bool,
    /// `[archive] paths`: opened when the command line names none (empty: the bundled
    /// archive). `~/` expanded, relative paths taken from the file's folder.
    pub archive_paths: Vec<PathBuf>,
    /// `[clipboard] osc52`: whether copying may send the terminal's OSC 52 clipboard
    /// sequence (the copy keys read it; false: they say copying is off).
    pub clipboard_osc52: bool,
    /// What was wrong with the file, in file order.
    pub warnings: Vec<Warning>,
}

/// One problem with the config file; the setting it concerns was ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line in the file, when the problem has one.
    pub line: Option<usize>,
    /// What is wrong (`unknown key \`colour\` in [theme]`).
    pub message: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            keymap: Keymap::default(),
            theme: Theme::default(),
            bidi: BidiMode::App,
            shape: true,
            archive_paths: Vec::new(),
            clipboard_osc52: true,
            warnings: Vec::new(),
        }
    }
}

impl Config {
    /// Where the config file is read from: `explicit` (`--config FILE`), else `$QARI_CONFIG`
    /// when set and not empty, else `qari/config.toml` in the config directory
    /// (`$XDG_CONFIG_HOME`, by default `~/.config`).
    pub fn location(explicit: Option<&Path>) -> Option<PathBuf> {
        if let Some(p) = explicit {
            return Some(p.to_path_buf());
        }
        match std::env::var_os(ENV) {
            Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
            _ => dirs::config_dir().map(|d| d.join("qari").join("config.toml")),
        }
    }

    /// The settings of the file at [`Config::location`]. A missing file at the default
    /// place is no problem; a file named explicitly (flag or `$QARI_CONFIG`) that is
    /// missing, or any file that cannot be read, is a warning, with the defaults.
    pub fn load(explicit: Option<&Path>) -> Config {
        let named = explicit.is_some() || std::env::var_os(ENV).is_some_and(|p| !p.is_empty());
        let Some(path) = Config::location(explicit) else { return Config::default() };
        let mut config = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Config::parse(&text, path.parent()),
                Err(_) => Config::with_warning(None, "not UTF-8 text; using the defaults"),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => Config::default(),
            Err(e) => {
                Config::with_warning(None, &format!("cannot be read ({e}); using the defaults"))
            }
        };
        config.path = Some(path);
        config
    }

    /// The settings `text` gives (relative archive paths taken from `base`), with a
    /// warning for each thing in it that was ignored.
    pub fn parse(text: &str, base: Option<&Path>) -> Config {
        let mut config = Config::default();
        parse::apply(&mut config, text, base);
        config.warnings.sort_by_key(|w| w.line);
        config
    }

    fn with_warning(line: Option<usize>, message: &str) -> Config {
        Config { warnings: vec![Warning { line, message: message.into() }], ..Config::default() }
    }

    /// Each warning as one line naming the file and line (`…/config.toml:12: …`),
    /// printable (the file's words are untrusted).
    pub fn warning_lines(&self) -> Vec<String> {
        let file = self
            .path
            .as_deref()
            .map_or_else(|| "config".to_string(), crate::text::printable::printable_path);
        self.warnings
            .iter()
            .map(|w| {
                let at = w.line.map(|l| format!(":{l}")).unwrap_or_default();
                let line = format!("{file}{at}: {}", w.message);
                crate::text::printable::printable(&line).into_owned()
            })
            .collect()
    }
}
