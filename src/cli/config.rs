//! `qari config`: the config file checked (each problem on stderr, exit 1 when there is
//! one), the default configuration printed, or the file's path.

use std::io::Write;

use super::CliError;
use super::output::warn;
use crate::text::printable::printable_path;
use crate::tui::config::{Config, default_text};

/// Runs `qari config [--default | --path]` with the settings already loaded.
pub fn run(default: bool, path: bool, settings: &Config) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    if default {
        out.write_all(default_text().as_bytes())?;
        return Ok(());
    }
    let where_ = settings.path.as_deref().map(printable_path);
    if path {
        let p = where_.ok_or_else(|| CliError::Input("no config directory is known".into()))?;
        writeln!(out, "{p}")?;
        return Ok(());
    }
    let Some(p) = where_ else {
        return Err(CliError::Input("no config directory is known".into()));
    };
    let exists = settings.path.as_ref().is_some_and(|p| p.exists());
    if settings.warnings.is_empty() {
        let state = if exists { "ok" } else { "not there (the defaults apply)" };
        writeln!(out, "{p}: {state}")?;
        return Ok(());
    }
    for line in settings.warning_lines() {
        warn(&line);
    }
    let n = settings.warnings.len();
    Err(CliError::Input(format!("{p}: {} ignored", crate::text::plural(n, "setting"))))
}
