//! `qari index` (build or refresh an archive's cache, with a progress bar on a terminal and a
//! one-line summary) and `qari cache` (list the cached archives, or remove caches).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use super::CliError;
use super::output::warn;
use crate::store::archive::{Archive, OpenOptions};
use crate::store::cache::{self, Cache};
use crate::text::printable::{printable, printable_path};

/// Builds or refreshes the cache of `paths` and says what it did.
pub fn index(paths: &[PathBuf], no_cache: bool) -> Result<(), CliError> {
    if no_cache {
        return Err(CliError::Input(
            "index writes the cache: it cannot run with --no-cache".into(),
        ));
    }
    let t = Instant::now();
    let bar = super::progress_bar();
    let opened =
        Archive::open(paths, OpenOptions { cache: true, index: true }, &super::report(&bar));
    bar.finish_and_clear();
    for n in &opened.notes {
        warn(n);
    }
    let a = &opened.archive;
    for p in &a.store.problems {
        warn(&format!("{}: {}", printable_path(&p.path), p.reason));
    }
    if !a.is_cached() {
        return Err(CliError::Input("the cache could not be written (see above)".into()));
    }
    let docs = a.store.live_ids().count();
    let files = a.manifest.files.len();
    let dir = cache::Cache::for_paths(paths).map(|c| c.dir().to_path_buf()).unwrap_or_default();
    writeln!(
        std::io::stdout().lock(),
        "indexed {} from {} ({}; {} read) in {:.1} s; cache {}",
        crate::text::plural(docs, "document"),
        crate::text::plural(files, "file"),
        opened.changes.summary(),
        crate::text::plural(opened.changes.read, "file"),
        t.elapsed().as_secs_f64(),
        printable_path(&dir)
    )?;
    Ok(())
}

/// Lists the cached archives, or (`clear`) removes the caches of `paths` (all without paths).
pub fn run(clear: bool, paths: &[PathBuf]) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    if clear {
        if paths.is_empty() {
            let root = cache::archives_root().map_err(|e| CliError::Input(e.to_string()))?;
            let n = cache::list().map_err(|e| CliError::Input(e.to_string()))?.len();
            match std::fs::remove_dir_all(&root) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(CliError::Input(format!("{}: {e}", printable_path(&root)))),
            }
            writeln!(
                out,
                "removed {} from {}",
                crate::text::plural(n, "cached archive"),
                printable_path(&root)
            )?;
        } else {
            let c = Cache::for_paths(paths).map_err(|e| CliError::Input(e.to_string()))?;
            let existed = c.dir().exists();
            c.clear().map_err(|e| CliError::Input(e.to_string()))?;
            let what = if existed { "removed the cache" } else { "no cache" };
            writeln!(
                out,
                "{what} of {}",
                c.paths().iter().map(|p| printable_path(p)).collect::<Vec<_>>().join(" ")
            )?;
        }
        return Ok(());
    }
    let all = cache::list().map_err(|e| CliError::Input(e.to_string()))?;
    if all.is_empty() {
        writeln!(out, "no cached archives")?;
        return Ok(());
    }
    for a in &all {
        let used = a.used.map_or_else(
            || "never".to_string(),
            |t| chrono::DateTime::<chrono::Local>::from(t).format("%Y-%m-%d %H:%M").to_string(),
        );
        writeln!(out, "{:>9}  {used}  {}", human(a.bytes), printable(&a.paths.join(" ")))?;
    }
    Ok(())
}

/// Bytes as "12.3 MB".
fn human(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1000.0 && u + 1 < UNITS.len() {
        v /= 1000.0;
        u += 1;
    }
    if u == 0 { format!("{n} B") } else { format!("{v:.1} {}", UNITS[u]) }
}
