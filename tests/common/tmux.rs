//! A private tmux server for the end-to-end tests: start a script in a fixed-size session,
//! send keys, capture the screen, wait for a stable frame; killed on drop even when a test fails.
#![allow(dead_code)] // each test binary uses a different part of it

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A private tmux server with one session; killed on drop, even when the test fails.
pub struct Tmux {
    socket: String,
    /// The server's socket file, removed on drop (kill-server leaves it behind).
    socket_path: Option<PathBuf>,
    /// This session's data and config homes (the user's state, config), removed on drop.
    pub home: PathBuf,
}

impl Tmux {
    /// Starts `script` (a shell command line) in a `w`×`h` session in the crate's folder.
    pub fn start(w: u16, h: u16, script: &str) -> Tmux {
        static N: AtomicUsize = AtomicUsize::new(0);
        let socket =
            format!("qari-test-{}-{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst));
        // The reader keeps state and reads config: never the user's own, and never another
        // test's (scripts may still set their own homes after these).
        let home = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(&socket);
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(&home).expect("test home");
        let script = format!(
            "export XDG_DATA_HOME='{0}/data' XDG_CONFIG_HOME='{0}/config'; {script}",
            home.display()
        );
        let script = script.as_str();
        let mut t = Tmux { socket, socket_path: None, home };
        let dir = env!("CARGO_MANIFEST_DIR");
        let (ws, hs) = (w.to_string(), h.to_string());
        let out = t.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &ws,
            "-y",
            &hs,
            "-s",
            "qari",
            "-c",
            dir,
            "sh",
            "-c",
            script,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Keep the pane (and its last screen) after the script ends; let OSC 52 reach the
        // buffer list so a test can see whether an article tried to set the clipboard.
        t.run(&["set-option", "-g", "remain-on-exit", "on"]);
        t.run(&["set-option", "-g", "set-clipboard", "on"]);
        t.socket_path = Some(PathBuf::from(t.format("#{socket_path}")));
        t
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().unwrap_or_else(|e| {
            panic!("tmux is required for the end-to-end tests (scripts/test.sh installs it): {e}")
        })
    }

    /// Sends tmux key names (`j`, `Enter`, `C-c`…), one key per argument.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "qari"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    pub fn capture(&self, escapes: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", "qari"];
        if escapes {
            args.push("-e");
        }
        String::from_utf8_lossy(&self.run(&args).stdout).into_owned()
    }

    pub fn format(&self, f: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "qari", f]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Polls the screen until `ready` holds and two captures in a row agree (the app has
    /// finished drawing); panics with the last screen after 15 s.
    pub fn wait(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.capture(false);
            if ready(&screen) && screen == last {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            last = screen;
            std::thread::sleep(Duration::from_millis(60));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
        if let Some(p) = &self.socket_path {
            let _ = std::fs::remove_file(p);
        }
        let _ = std::fs::remove_dir_all(&self.home);
    }
}
