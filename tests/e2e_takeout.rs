//! Taking things out, end to end: the real binary in tmux on an article whose title, URL and
//! text carry escape sequences. `y` and `Y` must reach the terminal as qari's own OSC 52
//! sequence with only base64 inside (checked on every byte written to the pty, through `tmux
//! pipe-pane`, and on the clipboard buffer tmux keeps); `O` starts `$BROWSER` with the URL as
//! one argument, no shell between.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use base64::Engine;
use common::qari::{QARI, TempDir, quote, shared_cache_home};
use common::tmux::Tmux;

const EXITED: &str = "QARI_EXITED";

/// Every OSC in `out`, which must all be `ESC ] 52 ; c ; <base64> BEL`: their decoded texts.
fn clipboard_sequences(out: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in out.match_indices("\x1b]") {
        let rest = &out[i..];
        let body = rest.strip_prefix("\x1b]52;c;").unwrap_or_else(|| {
            panic!("an OSC that is not qari's: {:?}", &rest[..rest.len().min(20)])
        });
        let end = body.find('\x07').expect("the sequence ends with BEL");
        let b64 = &body[..end];
        assert!(
            b64.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
            "only base64 inside: {b64:?}"
        );
        let text = base64::engine::general_purpose::STANDARD.decode(b64).expect("valid base64");
        found.push(String::from_utf8(text).expect("UTF-8"));
    }
    found
}

#[test]
fn y_and_shift_y_copy_through_qaris_own_osc52_and_o_starts_the_browser_without_a_shell() {
    let d = TempDir::new("e2e-takeout");
    let article = serde_json::json!({
        "title": "Hostile \u{1b}]0;PWNED\u{7} title \u{1b}]52;c;cHduZWQ=\u{7}",
        "url": "https://example.com/a\u{1b}]52;c;cHduZWQ=\u{7}b?q=1&x=$(touch${IFS}pwned)",
        "text": "First paragraph \u{1b}[2J with a clear and \u{1b}]0;T\u{7} a title.\n\nSecond paragraph.",
    });
    d.write("news/hostile.json", &article.to_string());
    // The browser: a script that records its arguments, one per line.
    let args_file = d.join("browser-args");
    let browser = d.write(
        "browser.sh",
        &format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > {}\n",
            quote(&args_file)
        ),
    );
    let mut perms = std::fs::metadata(&browser).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&browser, perms).unwrap();
    let log = d.join("pty.log");
    let script = format!(
        "read go; cd {dir}; BROWSER={b} XDG_CACHE_HOME={cache} XDG_DATA_HOME={dir}/data \
         XDG_CONFIG_HOME={dir}/config {qari} --no-cache {news}; echo {EXITED}; sleep 600",
        dir = quote(&d.0),
        b = quote(&browser),
        cache = quote(&shared_cache_home()),
        qari = quote(Path::new(QARI)),
        news = quote(&d.join("news")),
    );
    let t = Tmux::start(120, 30, &script);
    assert!(
        t.run(&["pipe-pane", "-t", "qari", "-o", &format!("cat >> {}", quote(&log))])
            .status
            .success()
    );
    t.keys(&["Enter"]);
    t.wait("the reader", |s| s.contains("Documents 1/1"));
    t.keys(&["Tab", "y"]);
    t.wait("the passage copied", |s| s.contains("copied the passage"));
    t.keys(&["Y"]);
    t.wait("the URL copied", |s| s.contains("copied the URL"));
    let buffer = t.run(&["show-buffer"]);
    let url = "https://example.com/ab?q=1&x=$(touch${IFS}pwned)";
    assert_eq!(String::from_utf8_lossy(&buffer.stdout), url, "tmux holds the URL");
    t.keys(&["O"]);
    t.wait("the browser started", |s| s.contains("opening https://example.com/ab"));
    let start = Instant::now();
    while !args_file.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let args = std::fs::read_to_string(&args_file).expect("the browser ran");
    assert_eq!(args, format!("{url}\n"), "the URL is one argument");
    assert!(!d.join("pwned").exists() && !d.join("news/pwned").exists(), "no shell ran it");
    t.keys(&["q"]);
    t.wait("exit", |s| s.contains(EXITED));
    let start = Instant::now();
    let out = loop {
        let out = String::from_utf8_lossy(&std::fs::read(&log).unwrap_or_default()).into_owned();
        if out.contains(EXITED) || start.elapsed() > Duration::from_secs(10) {
            break out;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let copied = clipboard_sequences(&out);
    assert_eq!(copied.len(), 2, "one sequence per copy: {copied:?}");
    assert!(copied[0].starts_with("First paragraph "), "{:?}", copied[0]);
    assert!(copied[0].ends_with(" a title."), "{:?}", copied[0]);
    assert_eq!(copied[1], url);
    for text in &copied {
        assert!(!text.contains(['\x1b', '\x07', '\u{9b}', '\u{9d}']), "{text:?}");
    }
}
