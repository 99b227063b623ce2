//! The manifest of one generation of the cache ([`Manifest`]): every file (stat, content hash,
//! the keys of its documents, its problems), the folders walked, and the counters the next
//! generation continues from. And the comparison of a manifest with a fresh walk ([`diff`])
//! that decides what a refresh re-reads.

use std::collections::HashMap;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::Problem;
use crate::corpus::walk::{FileStat, Found};

/// A path as its bytes: exact on Unix whatever its encoding (serde's `PathBuf` needs UTF-8).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PathBytes(pub Vec<u8>);

impl PathBytes {
    /// The bytes of `p`.
    pub fn of(p: &Path) -> PathBytes {
        PathBytes(p.as_os_str().as_bytes().to_vec())
    }

    /// Back to a path.
    pub fn to_path(&self) -> PathBuf {
        PathBuf::from(std::ffi::OsString::from_vec(self.0.clone()))
    }
}

/// A stored problem: the path it names and the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredProblem {
    pub path: PathBytes,
    pub reason: String,
}

impl StoredProblem {
    /// From a corpus problem.
    pub fn of(p: &Problem) -> StoredProblem {
        StoredProblem { path: PathBytes::of(&p.path), reason: p.reason.clone() }
    }

    /// Back to a corpus problem.
    pub fn to_problem(&self) -> Problem {
        Problem { path: self.path.to_path(), reason: self.reason.clone() }
    }
}

/// One file of the archive as last read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// The file's key (its path from the canonical form of the opened path: see
    /// [`FoundFile::key`]).
    pub path: PathBytes,
    /// Its stat then.
    pub stat: FileStat,
    /// BLAKE3 hash of its bytes (`None`: unreadable).
    pub hash: Option<[u8; 32]>,
    /// Keys of the documents it gave, in order.
    pub keys: Vec<u64>,
    /// What could not be read in it, and extraction failures of its documents.
    pub problems: Vec<StoredProblem>,
}

/// What a generation of the cache knows of the archive's files (the store's documents,
/// annotations and texts are saved beside it).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Generation number (the `CURRENT` file names the newest).
    pub generation: u64,
    /// Changes when documents are renumbered (a rebuild); refreshes keep it.
    pub epoch: u64,
    /// The paths opened, as typed by the command that wrote this generation, each with its
    /// canonical form: the documents' shown paths and problems start with the typed ones, and
    /// another command that types them otherwise gets them rebased ([`Rebase`]).
    pub roots: Vec<(PathBytes, PathBytes)>,
    /// When the walk of this generation started (ns since the epoch): files modified within a
    /// moment of it are checked again next time, since a write in the same clock tick would
    /// not change their mtime.
    pub checked_at_ns: i64,
    /// Every article file found, in walk order.
    pub files: Vec<FileEntry>,
    /// Every folder walked, with its stat.
    pub dirs: Vec<(PathBytes, FileStat)>,
    /// Files opened by name rather than found in a folder, with their stat.
    pub top_files: Vec<(PathBytes, FileStat)>,
    /// Paths that do not exist, folders that could not be listed.
    pub walk_problems: Vec<StoredProblem>,
    /// Files skipped as not an article format.
    pub skipped: usize,
    /// Next document key.
    pub next_key: u64,
    /// Number of the next text file.
    pub next_segment: u32,
    /// Text file number of each segment of the store's texts.
    pub segments: Vec<u32>,
    /// Each text file's stat when written: a text file that changed since is damaged.
    pub segment_stats: Vec<FileStat>,
    /// Whether the search index holds this generation.
    pub indexed: bool,
}

impl Manifest {
    /// Every problem to show, walk problems first, then file by file.
    pub fn problems(&self) -> Vec<Problem> {
        self.walk_problems
            .iter()
            .chain(self.files.iter().flat_map(|f| &f.problems))
            .map(StoredProblem::to_problem)
            .collect()
    }
}

/// Turns shown paths written under one typing of the opened paths into another's
/// (`a100k/x.txt` into `/data/a100k/x.txt`), matched by their canonical forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebase(Vec<(Vec<u8>, Vec<u8>)>);

impl Rebase {
    /// From the roots a generation was written with to the roots opened now; `None` when
    /// they are typed the same.
    pub fn between(
        written: &[(PathBytes, PathBytes)],
        now: &[(PathBytes, PathBytes)],
    ) -> Option<Rebase> {
        let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = written
            .iter()
            .filter_map(|(typed, canon)| {
                let (to, _) = now.iter().find(|(_, c)| c == canon)?;
                (to != typed).then(|| (typed.0.clone(), to.0.clone()))
            })
            .collect();
        // The longest prefix first (a root inside another root).
        pairs.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        (!pairs.is_empty()).then_some(Rebase(pairs))
    }

    /// `path` with the written root it starts with replaced by the one opened now.
    pub fn apply(&self, path: &str) -> String {
        let b = path.as_bytes();
        for (from, to) in &self.0 {
            let boundary = b.len() == from.len()
                || from.ends_with(b"/")
                || b.get(from.len()) == Some(&b'/')
                || b.get(from.len()) == Some(&b'#');
            if b.starts_with(from) && boundary {
                let mut out = to.clone();
                out.extend_from_slice(&b[from.len()..]);
                return String::from_utf8_lossy(&out).into_owned();
            }
        }
        path.to_string()
    }

    /// [`Rebase::apply`] on a path's bytes.
    pub fn apply_bytes(&self, p: &PathBytes) -> PathBytes {
        match std::str::from_utf8(&p.0) {
            Ok(s) => PathBytes(self.apply(s).into_bytes()),
            Err(_) => p.clone(),
        }
    }
}

/// Files whose mtime is this close to the last check are checked again (ns).
const RACY_NS: i64 = 2_000_000_000;

/// How a fresh walk differs from a manifest.
#[derive(Debug, Default)]
pub struct Diff {
    /// For each file the walk found (in its order), the manifest entry it had (by key).
    pub entries: Vec<Option<usize>>,
    /// Of those, the ones to read again: new, or stat changed (or checked too recently to
    /// trust an unchanged stat). Indexes into `files`.
    pub to_read: Vec<usize>,
    /// Manifest entries whose file is gone.
    pub removed: Vec<usize>,
}

impl Diff {
    /// Whether the walk found exactly what the manifest holds.
    pub fn is_empty(&self) -> bool {
        self.to_read.is_empty() && self.removed.is_empty()
    }
}

/// Compares a fresh walk with the manifest `state`.
pub fn diff(state: &Manifest, found: &Found) -> Diff {
    let by_path: HashMap<&[u8], usize> =
        state.files.iter().enumerate().map(|(i, f)| (f.path.0.as_slice(), i)).collect();
    let mut seen = vec![false; state.files.len()];
    let mut d = Diff::default();
    for f in &found.files {
        let entry = by_path.get(f.key.as_os_str().as_bytes()).copied();
        let fresh = entry.is_some_and(|e| {
            let old = &state.files[e];
            // Only the mtime can be racy: a later write always moves it, while a recent
            // ctime alone (a chmod, a `touch -d`) says nothing about the bytes.
            old.stat == f.stat && old.stat.mtime_ns < state.checked_at_ns - RACY_NS
        });
        if let Some(e) = entry {
            seen[e] = true;
        }
        if !fresh {
            d.to_read.push(d.entries.len());
        }
        d.entries.push(entry);
    }
    d.removed = seen.iter().enumerate().filter(|(_, s)| !**s).map(|(i, _)| i).collect();
    d
}

/// Nanoseconds since the Unix epoch, now.
pub fn now_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::walk::FoundFile;

    fn stat(size: u64, mtime_ns: i64) -> FileStat {
        FileStat { size, mtime_ns, ctime_ns: mtime_ns, inode: size, dev: 1 }
    }

    fn entry(path: &str, st: FileStat) -> FileEntry {
        FileEntry {
            path: PathBytes::of(Path::new(path)),
            stat: st,
            hash: None,
            keys: vec![],
            problems: vec![],
        }
    }

    #[test]
    fn shown_paths_follow_how_the_paths_are_typed_now() {
        let pb = |s: &str| PathBytes(s.as_bytes().to_vec());
        let written = [(pb("a100k"), pb("/data/a100k")), (pb("b"), pb("/data/b"))];
        let now = [(pb("/data/a100k"), pb("/data/a100k")), (pb("b"), pb("/data/b"))];
        let r = Rebase::between(&written, &now).expect("a100k is typed otherwise");
        assert_eq!(r.apply("a100k/000/1.txt"), "/data/a100k/000/1.txt");
        assert_eq!(r.apply("a100k/items.json#2"), "/data/a100k/items.json#2");
        assert_eq!(r.apply("a100kx/1.txt"), "a100kx/1.txt", "only whole components");
        assert_eq!(r.apply("b/1.txt"), "b/1.txt");
        assert!(Rebase::between(&now, &now).is_none());
    }

    #[test]
    fn a_walk_is_compared_by_path_and_stat() {
        let old = 1_000_000_000_000;
        let state = Manifest {
            checked_at_ns: old + 10 * RACY_NS,
            files: vec![
                entry("a.txt", stat(1, old)),
                entry("b.txt", stat(2, old)),
                entry("c.txt", stat(3, old)),
                entry("recent.txt", stat(4, old + 9 * RACY_NS)),
            ],
            ..Manifest::default()
        };
        let found = |p: &str, st| FoundFile { path: p.into(), key: p.into(), stat: st };
        let walk = Found {
            files: vec![
                found("a.txt", stat(1, old)),                    // unchanged
                found("b.txt", stat(2, old + 5)),                // touched
                found("new.txt", stat(9, old)),                  // new
                found("recent.txt", stat(4, old + 9 * RACY_NS)), // same stat, too recent
            ],
            ..Found::default()
        };
        let d = diff(&state, &walk);
        assert_eq!(d.to_read, vec![1, 2, 3]);
        assert_eq!(d.removed, vec![2], "c.txt is gone");
        assert_eq!(d.entries[0], Some(0));
        assert_eq!(d.entries[2], None);
    }
}
