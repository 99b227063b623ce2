//! Finding the article files under the paths a user gave: folders walked recursively in sorted
//! order, hidden entries skipped, symlink loops cut by remembering visited directories.
//! Reads directory listings only; never opens a file for writing.

use std::collections::HashSet;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Problem;

/// The extensions qari reads (lower-case, without the dot).
pub const EXTENSIONS: [&str; 6] = ["txt", "md", "html", "htm", "json", "jsonl"];

/// What `stat` says of a file or folder: enough to tell that it changed without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct FileStat {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime_ns: i64,
    /// Status change time, nanoseconds since the epoch (changes on any write or rename).
    pub ctime_ns: i64,
    /// Inode number.
    pub inode: u64,
    /// Device number.
    pub dev: u64,
}

impl FileStat {
    /// The stat of `m`.
    pub fn of(m: &std::fs::Metadata) -> FileStat {
        let ns = |s: i64, n: i64| s.saturating_mul(1_000_000_000).saturating_add(n);
        FileStat {
            size: m.len(),
            mtime_ns: ns(m.mtime(), m.mtime_nsec()),
            ctime_ns: ns(m.ctime(), m.ctime_nsec()),
            inode: m.ino(),
            dev: m.dev(),
        }
    }
}

/// A file the walk found, with its stat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundFile {
    /// Path as given or found (what is shown, and opened).
    pub path: PathBuf,
    /// The same file named from the canonical form of the path it was found under (the same
    /// however that path was typed, from whatever folder): what the cache knows it by.
    pub key: PathBuf,
    /// Its stat when found.
    pub stat: FileStat,
}

/// What a walk found: readable-looking files in order, plus what it skipped or could not list.
#[derive(Debug, Default)]
pub struct Found {
    /// Files with a known extension, deduplicated by canonical path, in walk order.
    pub files: Vec<FoundFile>,
    /// Folders listed, with their stat (a folder's mtime changes when an entry is added,
    /// removed or renamed in it).
    pub dirs: Vec<FoundFile>,
    /// Of `files`, the ones named directly (not found in a folder).
    pub given: Vec<FoundFile>,
    /// Files skipped because their extension is not one qari reads.
    pub skipped: usize,
    /// Paths that do not exist or folders that could not be listed.
    pub problems: Vec<Problem>,
}

/// Whether `path` has an extension qari reads.
pub fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|k| k.eq_ignore_ascii_case(e)))
}

/// Walks `paths`: a file is taken as given (even if hidden: the user named it), a folder is
/// walked recursively with hidden entries skipped. Order: arguments as given, entries sorted.
/// A path named directly that qari cannot read gets a reason: not a regular file (a FIFO
/// would block, a device never ends), or not an article format.
pub fn walk(paths: &[PathBuf]) -> Found {
    let mut w = Walker::default();
    for p in paths {
        let (files, dirs, given) = (w.found.files.len(), w.found.dirs.len(), w.found.given.len());
        let problem = |reason: String| Problem { path: p.clone(), reason };
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => w.dir_with(p, &m, true),
            Ok(m) if !m.is_file() => w.found.problems.push(problem(special_reason(&m))),
            Ok(_) if !is_article_file(p) => w.found.problems.push(problem(format_reason(p))),
            Ok(m) => {
                w.file(p, &m);
                if let Some(f) = w.found.files.last().filter(|f| f.path == *p) {
                    w.found.given.push(f.clone());
                }
            }
            Err(e) => w.found.problems.push(problem(io_reason(&e))),
        }
        let canonical = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        let key = |f: &mut FoundFile| {
            f.key = match f.path.strip_prefix(p) {
                Ok(rest) if rest.as_os_str().is_empty() => canonical.clone(),
                Ok(rest) => canonical.join(rest),
                Err(_) => f.path.clone(),
            };
        };
        w.found.files[files..].iter_mut().for_each(key);
        w.found.dirs[dirs..].iter_mut().for_each(key);
        w.found.given[given..].iter_mut().for_each(key);
    }
    w.found
}

/// Why a file that is not a regular file is not read: "not a regular file (a FIFO)".
pub fn special_reason(m: &std::fs::Metadata) -> String {
    #[cfg(unix)]
    let kind = {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            "a FIFO"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_char_device() {
            "a character device"
        } else if t.is_block_device() {
            "a block device"
        } else {
            "a special file"
        }
    };
    #[cfg(not(unix))]
    let kind = {
        let _ = m;
        "a special file"
    };
    format!("not a regular file ({kind}); qari reads only regular files")
}

/// Why a file named directly is not read for its name: "no extension" or an unknown one.
fn format_reason(p: &Path) -> String {
    let what = match p.extension().and_then(|e| e.to_str()) {
        Some(e) => {
            format!("'.{}' is not a format qari reads", crate::text::printable::printable(e))
        }
        None => "no extension, so no known format".to_string(),
    };
    format!("{what} (it reads .txt, .md, .html, .htm, .json and .jsonl)")
}

#[derive(Default)]
struct Walker {
    found: Found,
    /// Device and inode of folders entered: a symlink back up the tree is entered once only.
    seen_dirs: HashSet<(u64, u64)>,
    /// Device and inode of files taken: a file reached twice (symlink, overlapping args) loads once.
    seen_files: HashSet<(u64, u64)>,
}

impl Walker {
    fn file(&mut self, p: &Path, m: &std::fs::Metadata) {
        if !is_article_file(p) {
            self.found.skipped += 1;
            return;
        }
        // A file is reached twice only through a link or overlapping arguments: the same
        // device and inode, without a `canonicalize` (a syscall per path component) per file.
        if self.seen_files.insert((m.dev(), m.ino())) {
            self.found.files.push(FoundFile {
                path: p.to_path_buf(),
                key: PathBuf::new(),
                stat: FileStat::of(m),
            });
        }
    }

    fn dir(&mut self, p: &Path, m: &std::fs::Metadata) {
        self.dir_with(p, m, false);
    }

    /// Walks folder `p`; with `parallel`, its subfolders are walked on every core (each by a
    /// walker of its own, merged back in order, repeats dropped as one walker would).
    fn dir_with(&mut self, p: &Path, m: &std::fs::Metadata, parallel: bool) {
        if !self.seen_dirs.insert((m.dev(), m.ino())) {
            return; // already walked: a symlink loop or a repeated argument
        }
        self.found.dirs.push(FoundFile {
            path: p.to_path_buf(),
            key: PathBuf::new(),
            stat: FileStat::of(m),
        });
        let children = match list(p) {
            Ok(c) => c,
            Err(e) => {
                self.found.problems.push(Problem { path: p.to_path_buf(), reason: io_reason(&e) });
                return;
            }
        };
        let subdirs = children.iter().filter(|c| matches!(c, Child::Dir(..))).count();
        if !parallel || subdirs < 2 {
            for c in children {
                self.child(c);
            }
            return;
        }
        let (seen_dirs, seen_files) = (self.seen_dirs.clone(), self.seen_files.clone());
        let mut slots: Vec<Option<Child>> = children.into_iter().map(Some).collect();
        let subwalks: Vec<Option<(PathBuf, std::fs::Metadata)>> = slots
            .iter()
            .map(|c| match c {
                Some(Child::Dir(p, m)) => Some((p.clone(), m.clone())),
                _ => None,
            })
            .collect();
        crate::par::ordered(
            subwalks.len(),
            crate::par::threads(),
            |i| {
                let (p, m) = subwalks[i].as_ref()?;
                let mut w = Walker {
                    found: Found::default(),
                    seen_dirs: seen_dirs.clone(),
                    seen_files: seen_files.clone(),
                };
                w.dir(p, m);
                Some(w)
            },
            |i, walked| match walked {
                Some(w) => self.merge(w.found),
                None => {
                    if let Some(c) = slots[i].take() {
                        self.child(c);
                    }
                }
            },
        );
    }

    /// Takes in what another walker found after what this one found.
    fn merge(&mut self, f: Found) {
        for d in f.dirs {
            if self.seen_dirs.insert((d.stat.dev, d.stat.inode)) {
                self.found.dirs.push(d);
            }
        }
        for file in f.files {
            if self.seen_files.insert((file.stat.dev, file.stat.inode)) {
                self.found.files.push(file);
            }
        }
        self.found.problems.extend(f.problems);
        self.found.skipped += f.skipped;
    }

    fn child(&mut self, c: Child) {
        match c {
            Child::Dir(p, m) => self.dir(&p, &m),
            Child::File(p, m) => self.file(&p, &m),
            Child::Special => self.found.skipped += 1, // sockets, fifos, devices: never opened
            Child::Failed(path, reason) => self.found.problems.push(Problem { path, reason }),
        }
    }
}

/// One entry of a folder, stat'ed.
enum Child {
    Dir(PathBuf, std::fs::Metadata),
    File(PathBuf, std::fs::Metadata),
    Special,
    Failed(PathBuf, String),
}

/// The entries of folder `p` but hidden ones, sorted by name, each stat'ed (a symlink followed,
/// so a link to a folder is walked — once, by `seen_dirs`).
fn list(p: &Path) -> std::io::Result<Vec<Child>> {
    let mut entries: Vec<std::fs::DirEntry> = std::fs::read_dir(p)?
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().as_encoded_bytes().starts_with(b"."))
        .collect();
    // Siblings: ordering by name is ordering by path, without comparing every component.
    entries.sort_by_cached_key(std::fs::DirEntry::file_name);
    Ok(entries
        .into_iter()
        .map(|e| {
            let path = e.path();
            // Not a link: stat relative to the open folder (no walk of the whole path).
            let meta = match e.file_type() {
                Ok(t) if !t.is_symlink() => e.metadata(),
                _ => std::fs::metadata(&path),
            };
            match meta {
                Ok(m) if m.is_dir() => Child::Dir(path, m),
                Ok(m) if m.is_file() => Child::File(path, m),
                Ok(_) => Child::Special,
                Err(e) => Child::Failed(path, io_reason(&e)),
            }
        })
        .collect())
}

/// A short, lower-case reason for an I/O error ("permission denied", "no such file").
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or folder".into(),
        PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            // Drop the "(os error N)" tail: it says nothing to a reader.
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}
