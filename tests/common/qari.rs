//! Running the real `qari` binary with its cache in a folder of the test run, never the user's
//! `~/.cache`, and temporary archives that clean up after themselves.
#![allow(dead_code)] // each test binary uses a different part of it

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The binary under test.
pub const QARI: &str = env!("CARGO_BIN_EXE_qari");

/// The cache home every test shares unless it makes its own (`target/tmp/…`).
pub fn shared_cache_home() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("qari-test-cache")
}

/// `qari` with `XDG_CACHE_HOME` set to `cache_home`, and its state and config in folders of
/// the test run (never the user's; a test may set its own).
pub fn qari_in(cache_home: &Path) -> Command {
    let mut c = Command::new(QARI);
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("qari-test-home");
    c.env("XDG_CACHE_HOME", cache_home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("QARI_CONFIG");
    c
}

/// `qari` with the shared test cache home.
pub fn qari() -> Command {
    qari_in(&shared_cache_home())
}

/// A folder removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A new empty folder named after `name` (unique per process and call).
    pub fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "qari-{name}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("create temp dir");
        TempDir(p)
    }

    /// A path inside.
    pub fn join(&self, p: &str) -> PathBuf {
        self.0.join(p)
    }

    /// Writes `text` to `name` inside (creating folders).
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.0.join(name);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).expect("create folder");
        }
        std::fs::write(&p, text).expect("write file");
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// stdout of a finished run, as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// stderr of a finished run, as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The shell-quoted form of `p`.
pub fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}
