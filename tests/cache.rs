//! The on-disk cache, through the real binary: a second open reads nothing, every change to
//! the archive is reflected exactly (the cached answers equal `--no-cache` ones), damaged,
//! truncated, half-written and other-version caches are rebuilt, two processes at once both
//! finish right, `--no-cache` writes nothing, and nothing is ever written inside the archive.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::qari::{TempDir, qari_in, stderr, stdout};

/// An archive of the bundled samples (and a cache home of its own).
struct Fixture {
    archive: TempDir,
    home: TempDir,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let archive = TempDir::new(&format!("cache-{name}"));
        for (file, text) in qari::corpus::BUNDLED {
            archive.write(&format!("news/{file}"), text);
        }
        Fixture { archive, home: TempDir::new(&format!("cache-home-{name}")) }
    }

    fn dir(&self) -> &Path {
        &self.archive.0
    }

    /// Runs `qari ARGS… ARCHIVE` with this fixture's cache; asserts it succeeds.
    fn run(&self, args: &[&str]) -> std::process::Output {
        let out = qari_in(&self.home.0).args(args).arg(self.dir()).output().expect("qari runs");
        assert!(out.status.success(), "qari {args:?}: {}", stderr(&out));
        out
    }

    /// `qari index`'s summary line.
    fn index(&self) -> String {
        stdout(&self.run(&["index"]))
    }

    /// The cache folder of the archive (there is one per archive).
    fn cache_dir(&self) -> PathBuf {
        let root = self.home.join("qari/archives");
        let mut dirs: Vec<PathBuf> =
            std::fs::read_dir(&root).expect("cache root").flatten().map(|e| e.path()).collect();
        assert_eq!(dirs.len(), 1, "one cached archive");
        dirs.remove(0)
    }

    /// What `--no-cache` answers, and what the cache answers, for `args`.
    fn both(&self, args: &[&str]) -> (String, String) {
        let mut fresh = args.to_vec();
        fresh.insert(1, "--no-cache");
        (stdout(&self.run(&fresh)), stdout(&self.run(args)))
    }

    /// Asserts that the cached answers of every command equal the `--no-cache` ones.
    fn assert_same_as_fresh(&self, why: &str) {
        for args in [
            &["entities", "--json"][..],
            &["timeline", "--json"],
            &["list", "--json"],
            &["search", "--json", "Pyongyang"],
            &["search", "--json", "sanctions OR العقوبات"],
        ] {
            let (fresh, cached) = self.both(args);
            assert_eq!(unscored(&cached), unscored(&fresh), "{why}: qari {args:?}");
        }
    }
}

/// Result lines as a set, search results without their scores: BM25 statistics count a
/// deleted document until its index segment is merged away, so a refreshed index scores (and
/// may order close results) a little differently from one built afresh, as in Lucene. Which
/// documents are found, with which snippets, must not differ.
fn unscored(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .lines()
        .map(|l| match serde_json::from_str::<serde_json::Value>(l) {
            Ok(mut v) => {
                if let Some(o) = v.as_object_mut() {
                    o.remove("score");
                }
                v.to_string()
            }
            Err(_) => l.to_string(),
        })
        .collect();
    out.sort();
    out
}

fn sorted(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = s.lines().collect();
    v.sort_unstable();
    v
}

/// Every file under `dir` with its size and mtime.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("list").flatten() {
            let m = e.metadata().expect("stat");
            if m.is_dir() {
                stack.push(e.path());
            } else {
                out.insert(e.path(), (m.len(), m.modified().expect("mtime")));
            }
        }
    }
    out
}

/// Sets a file's or folder's mtime a minute back, so the cache does not treat it as just
/// written (what a real archive looks like a while later).
fn age(p: &Path) {
    let f = std::fs::File::open(p).expect("open");
    f.set_modified(SystemTime::now() - Duration::from_secs(60)).expect("set mtime");
}

/// Ages every file and folder of the archive.
fn age_all(dir: &Path) {
    for (p, _) in snapshot(dir) {
        age(&p);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("list").flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(e.path());
            }
        }
        age(&d);
    }
}

#[test]
fn a_second_open_reads_no_file_and_answers_the_same() {
    let f = Fixture::new("reuse");
    age_all(f.dir());
    let first = f.index();
    assert!(first.contains("6 new; 6 files read"), "{first}");
    let second = f.index();
    assert!(second.contains("(no change; 0 files read)"), "{second}");
    f.assert_same_as_fresh("warm cache");
    // The search itself answered from the cache: it wrote no new generation.
    let gens = |d: &Path| {
        std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("state-"))
            .count()
    };
    let before = gens(&f.cache_dir());
    f.run(&["search", "--json", "Pyongyang"]);
    assert_eq!(gens(&f.cache_dir()), before);
}

#[test]
fn touched_changed_added_and_deleted_files_are_reflected_exactly() {
    let f = Fixture::new("changes");
    age_all(f.dir());
    f.index();
    let file = |n: usize| f.dir().join("news").join(qari::corpus::BUNDLED[n].0);

    // Touched: read again (hashed), nothing re-extracted.
    std::fs::File::open(file(0))
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(30))
        .unwrap();
    let out = f.index();
    assert!(out.contains("(no change; 1 file read)"), "{out}");

    // Changed: the new text is what every command sees.
    let text = qari::corpus::BUNDLED[1].1.replace("Pyongyang", "Wonsan");
    std::fs::write(file(1), &text).unwrap();
    age(&file(1));
    let out = f.index();
    assert!(out.contains("(1 changed; 1 file read)"), "{out}");
    f.assert_same_as_fresh("after a change");

    // Added, in a new folder.
    let extra = f
        .archive
        .write("more/extra.txt", "Extra news\n\nOfficials in Hanoi met reporters from Seoul.");
    age(&extra);
    let out = f.index();
    assert!(out.contains("(1 new; 1 file read)"), "{out}");
    f.assert_same_as_fresh("after an addition");
    let hanoi = stdout(&f.run(&["search", "--json", "Hanoi"]));
    assert!(hanoi.contains("extra.txt"), "{hanoi}");

    // Deleted.
    std::fs::remove_file(file(2)).unwrap();
    let out = f.index();
    assert!(out.contains("(1 removed; 0 files read)"), "{out}");
    f.assert_same_as_fresh("after a deletion");
    let listed = stdout(&f.run(&["list", "--json"]));
    assert!(!listed.contains(qari::corpus::BUNDLED[2].0), "the deleted file is gone: {listed}");
}

#[test]
fn a_search_sees_a_new_file_and_a_changed_hit_without_qari_index() {
    let f = Fixture::new("search-fresh");
    age_all(f.dir());
    f.index();
    // A new file changes its folder: the search refreshes first.
    let p = f
        .archive
        .write("news/zz-new.txt", "Zanzibar talks\n\nDelegates met in Zanzibar on Monday.");
    let out = stdout(&f.run(&["search", "--json", "Zanzibar"]));
    assert!(out.contains("zz-new.txt"), "{out}");
    // Settled (old stats, indexed): then rewritten in place, its folder unchanged. The search
    // would show it, so it is read again first.
    age_all(f.dir());
    f.index();
    std::fs::write(&p, "Zanzibar talks\n\nDelegates met in Mombasa on Monday instead.").unwrap();
    let out = stdout(&f.run(&["search", "--json", "Zanzibar"]));
    assert!(out.contains("Mombasa"), "the snippet is the file's new text: {out}");
}

/// Damages the cache of `f` with `harm`, then checks the next runs name the problem once
/// and still answer exactly as without the cache.
fn survives(name: &str, harm: impl Fn(&Path)) {
    let f = Fixture::new(name);
    age_all(f.dir());
    f.index();
    harm(&f.cache_dir());
    let out =
        qari_in(&f.home.0).args(["search", "--json", "Pyongyang"]).arg(f.dir()).output().unwrap();
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    let (fresh, _) = f.both(&["search", "--json", "Pyongyang"]);
    assert_eq!(sorted(&stdout(&out)), sorted(&fresh), "{name}: the answer after the damage");
    let err = stderr(&out);
    assert!(err.lines().count() <= 1, "{name}: at most one line about it: {err}");
    f.assert_same_as_fresh(name);
}

fn files_named(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    v.sort();
    v
}

#[test]
fn a_truncated_state_file_is_rebuilt() {
    survives("truncated", |d| {
        for p in files_named(d, "state-") {
            let b = std::fs::read(&p).unwrap();
            std::fs::write(&p, &b[..b.len() / 2]).unwrap();
        }
    });
}

#[test]
fn damaged_records_and_texts_are_rebuilt() {
    survives("damaged", |d| {
        for p in files_named(d, "docs-").into_iter().chain(files_named(d, "texts-")) {
            let mut b = std::fs::read(&p).unwrap();
            let mid = b.len() / 2;
            for x in &mut b[mid..mid + 64] {
                *x ^= 0x5a;
            }
            std::fs::write(&p, &b).unwrap();
        }
    });
}

#[test]
fn a_cache_of_another_version_is_rebuilt() {
    survives("version", |d| {
        for p in files_named(d, "state-").into_iter().chain(files_named(d, "head-")) {
            let mut b = std::fs::read(&p).unwrap();
            b[8] = b[8].wrapping_add(1); // the format version after the magic
            std::fs::write(&p, &b).unwrap();
        }
    });
}

#[test]
fn a_missing_index_or_text_file_and_garbage_current_are_rebuilt() {
    survives("no-index", |d| std::fs::remove_dir_all(d.join("index")).unwrap());
    survives("no-texts", |d| {
        for p in files_named(d, "texts-") {
            std::fs::remove_file(p).unwrap();
        }
    });
    survives("garbage-current", |d| {
        std::fs::write(d.join("CURRENT"), b"\x00\xffnonsense").unwrap()
    });
}

#[test]
fn a_build_killed_half_way_leaves_a_cache_that_still_works() {
    let f = Fixture::new("killed");
    // Enough files that the build is still running when killed.
    for i in 0..150 {
        let (_, text) = qari::corpus::BUNDLED[i % 5];
        f.archive.write(&format!("bulk/{i:03}.txt"), text);
    }
    age_all(f.dir());
    for delay in [150, 400, 900] {
        let mut child = qari_in(&f.home.0).arg("index").arg(f.dir()).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
    }
    f.assert_same_as_fresh("after kill -9");
}

#[test]
fn two_processes_on_one_archive_both_finish_right() {
    let f = Fixture::new("concurrent");
    age_all(f.dir());
    let spawn = |args: &[&str]| {
        qari_in(&f.home.0)
            .args(args)
            .arg(f.dir())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn(&["search", "--json", "Pyongyang"]);
    let b = spawn(&["entities", "--json"]);
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success(), "{} {}", stderr(&a), stderr(&b));
    let (fresh_a, _) = f.both(&["search", "--json", "Pyongyang"]);
    let (fresh_b, _) = f.both(&["entities", "--json"]);
    assert_eq!(sorted(&stdout(&a)), sorted(&fresh_a));
    assert_eq!(sorted(&stdout(&b)), sorted(&fresh_b));
}

#[test]
fn no_cache_writes_nothing_and_nothing_is_ever_written_in_the_archive() {
    let f = Fixture::new("untouched");
    age_all(f.dir());
    let before = snapshot(f.dir());
    for args in [&["list"][..], &["entities"], &["timeline"], &["search", "Pyongyang"]] {
        let mut a = args.to_vec();
        a.insert(1, "--no-cache");
        f.run(&a);
    }
    assert!(snapshot(&f.home.0).is_empty(), "--no-cache wrote into the cache home");
    f.index();
    f.run(&["search", "Pyongyang"]);
    f.run(&["entities"]);
    assert!(!snapshot(&f.home.0).is_empty(), "the cache was written");
    assert_eq!(snapshot(f.dir()), before, "the archive is exactly as it was");
}

#[test]
fn a_cache_folder_that_cannot_be_written_falls_back_to_memory_with_a_warning() {
    let f = Fixture::new("unwritable");
    // A cache home under a regular file: nothing can be created there, even by root.
    let blocker = f.home.write("blocker", "not a folder");
    let out = qari_in(&blocker.join("cache"))
        .args(["search", "--json", "Pyongyang"])
        .arg(f.dir())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("working in memory"), "{}", stderr(&out));
    let (fresh, _) = f.both(&["search", "--json", "Pyongyang"]);
    assert_eq!(sorted(&stdout(&out)), sorted(&fresh));
}

#[test]
fn qari_cache_lists_and_clears() {
    let f = Fixture::new("listing");
    f.index();
    let list = stdout(&qari_in(&f.home.0).arg("cache").output().unwrap());
    assert!(list.contains(&f.dir().canonicalize().unwrap().display().to_string()), "{list}");
    let out = qari_in(&f.home.0).args(["cache", "--clear"]).arg(f.dir()).output().unwrap();
    assert!(out.status.success() && stdout(&out).contains("removed the cache"), "{}", stdout(&out));
    let list = stdout(&qari_in(&f.home.0).arg("cache").output().unwrap());
    assert!(list.contains("no cached archives"), "{list}");
}

/// The reader as a person meets it: the first start builds the cache, a later start shows the
/// list from it and then says what changed on disk meanwhile.
#[test]
fn the_reader_reopens_from_the_cache_and_says_what_changed() {
    use common::qari::{QARI, quote};
    use common::tmux::Tmux;
    let f = Fixture::new("reader");
    age_all(f.dir());
    let script = format!(
        "XDG_CACHE_HOME={} {} {}; echo QARI_EXITED; sleep 600",
        quote(&f.home.0),
        quote(Path::new(QARI)),
        quote(f.dir())
    );
    let t = Tmux::start(120, 30, &script);
    t.wait("the first start", |s| s.contains("Documents 6/6"));
    t.keys(&["q"]);
    t.wait("exit", |s| s.contains("QARI_EXITED"));
    drop(t);
    let extra = f.archive.write("news/zz-extra.txt", "Extra bulletin\n\nTalks in Hanoi resumed.");
    age(&extra);
    let t = Tmux::start(120, 30, &script);
    let s = t.wait("the refresh", |s| s.contains("archive updated: 1 new"));
    assert!(s.contains("Documents 7/7") && s.contains("Extra bulletin"), "{s}");
    t.keys(&["q"]);
    t.wait("exit", |s| s.contains("QARI_EXITED"));
}

#[test]
fn the_cache_is_one_however_the_archive_is_typed_and_paths_show_as_typed() {
    let f = Fixture::new("typed");
    age_all(f.dir());
    let parent = f.dir().parent().unwrap();
    let name = f.dir().file_name().unwrap().to_str().unwrap();
    let run = |cwd: &Path, args: &[&str]| {
        let out = qari_in(&f.home.0).current_dir(cwd).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    let first = run(parent, &["index", name]);
    assert!(first.contains("6 new"), "{first}");
    let abs = f.dir().to_str().unwrap();
    let again = run(Path::new("/"), &["index", abs]);
    assert!(again.contains("(no change; 0 files read)"), "the same cache: {again}");
    let listed = run(Path::new("/"), &["list", "--json", abs]);
    assert!(listed.lines().all(|l| l.contains(&format!("\"path\":\"{abs}/news/"))), "{listed}");
    let found = run(Path::new("/"), &["search", "--json", "Pyongyang", abs]);
    assert!(found.lines().all(|l| l.contains(&format!("\"path\":\"{abs}/"))), "{found}");
    let relative = run(parent, &["search", "--json", "Pyongyang", name]);
    assert!(relative.lines().all(|l| l.contains(&format!("\"path\":\"{name}/"))), "{relative}");
}
