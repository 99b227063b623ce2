//! The event loop's side of taking things out: writing qari's OSC 52 sequence, starting a
//! browser, writing an export file. Each returns the line the status bar shows.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::text::printable::printable;

/// Sets the terminal's clipboard to `text` (OSC 52, see [`super::takeout::osc52`]).
pub fn copy(out: &mut impl Write, text: &str) -> Option<String> {
    let r = out.write_all(super::takeout::osc52(text).as_bytes()).and_then(|()| out.flush());
    r.err().map(|e| format!("copy failed: {e}"))
}

/// Opens `url` (already checked to be http or https) in `$BROWSER` (its first `:`-separated
/// entry; `%s` stands for the URL, else the URL is the last argument) or `xdg-open`, detached:
/// its own process group, no terminal on its standard streams, never through a shell.
pub fn open_url(url: &str) -> Option<String> {
    let browser = std::env::var("BROWSER").ok().filter(|b| !b.trim().is_empty());
    let entry = browser.as_deref().and_then(|b| b.split(':').find(|e| !e.trim().is_empty()));
    let mut words: Vec<String> =
        entry.unwrap_or("xdg-open").split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        words.push("xdg-open".into());
    }
    let program = words.remove(0);
    let mut args: Vec<String> = words.iter().map(|w| w.replace("%s", url)).collect();
    if !words.iter().any(|w| w.contains("%s")) {
        args.push(url.to_string());
    }
    let mut cmd = Command::new(&program);
    cmd.args(&args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    match cmd.spawn() {
        Ok(mut child) => {
            // Reaped in the background so no zombie is left; its exit status is not ours.
            std::thread::spawn(move || child.wait());
            None
        }
        Err(e) => Some(format!("could not start {}: {e}", printable(&program))),
    }
}

/// Writes an export to `path` (`~/` is the home folder), never over an existing file.
pub fn write_export(path: &str, bytes: &[u8], rows: usize) -> String {
    let target = match path.strip_prefix("~/") {
        Some(rest) => dirs::home_dir().map_or_else(|| PathBuf::from(path), |h| h.join(rest)),
        None => PathBuf::from(path),
    };
    let shown = printable(path);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()));
    match written {
        Ok(()) => format!("wrote {} to {shown}", crate::text::plural(rows, "row")),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            format!("{shown} already exists: nothing written (choose another name)")
        }
        Err(e) => format!("could not write {shown}: {e}"),
    }
}
