//! The cached archives as `qari cache` lists them: their folders, the paths they were opened
//! with, their size on disk and when they were last used.

use std::path::{Path, PathBuf};

use super::{CacheError, archives_root, io};

/// One cached archive, as `qari cache` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedArchive {
    /// Its cache folder.
    pub dir: PathBuf,
    /// The paths it was opened with.
    pub paths: Vec<String>,
    /// Bytes on disk.
    pub bytes: u64,
    /// When it was last opened.
    pub used: Option<std::time::SystemTime>,
}

/// Every cached archive, most recently used first.
pub fn list() -> Result<Vec<CachedArchive>, CacheError> {
    let root = archives_root()?;
    let rd = match std::fs::read_dir(&root) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(&root, e)),
    };
    let mut out = Vec::new();
    for e in rd.flatten() {
        let dir = e.path();
        if !dir.is_dir() {
            continue;
        }
        let paths = std::fs::read_to_string(dir.join("archive.json"))
            .ok()
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
            .and_then(|v| {
                v.get("paths")?.as_array().map(|a| {
                    a.iter().filter_map(|p| p.as_str().map(str::to_string)).collect::<Vec<_>>()
                })
            })
            .unwrap_or_default();
        let used = std::fs::metadata(dir.join("used")).and_then(|m| m.modified()).ok();
        out.push(CachedArchive { bytes: dir_size(&dir), dir, paths, used });
    }
    out.sort_by(|a, b| b.used.cmp(&a.used).then_with(|| a.dir.cmp(&b.dir)));
    Ok(out)
}

fn dir_size(p: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(p) else { return 0 };
    rd.flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => dir_size(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}
