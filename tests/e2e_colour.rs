//! Colour end to end: the real binary in tmux, every byte it writes to the pty recorded
//! (`tmux pipe-pane`). With `NO_COLOR=1` not one colour SGR (30–37, 38;…, 40–47, 48;…,
//! 90–97, 100–107) reaches the terminal while find hits are shown; without it, colours do,
//! and the entity kinds differ (people cyan, places green in the default theme).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::qari::{QARI, TempDir, quote, shared_cache_home};
use common::tmux::Tmux;

const EXITED: &str = "QARI_EXITED";

/// The colour parameters of every SGR sequence in `out` (`38;5;6` for a 256-palette cyan).
fn colour_sgrs(out: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in out.match_indices("\x1b[") {
        let body = &out[i + 2..];
        let n = body.chars().take_while(|c| c.is_ascii_digit() || matches!(c, ';' | ':')).count();
        if !body[n..].starts_with('m') {
            continue;
        }
        let params: Vec<&str> = body[..n].split(';').collect();
        let mut k = 0;
        while k < params.len() {
            let p: u32 = params[k].split(':').next().unwrap_or("").parse().unwrap_or(0);
            match p {
                // Extended colours carry their arguments: 5;N or 2;R;G;B.
                38 | 48 => {
                    let take = if params.get(k + 1) == Some(&"2") { 5 } else { 3 };
                    found.push(params[k..(k + take).min(params.len())].join(";"));
                    k += take;
                    continue;
                }
                30..=37 | 40..=47 | 90..=97 | 100..=107 => found.push(p.to_string()),
                _ => {}
            }
            k += 1;
        }
    }
    found
}

/// Opens the bundled archive with `env`, finds "the" in the first English article, focuses the side
/// panel, quits; returns every byte written to the pty.
fn session(env: &str) -> String {
    let d = TempDir::new("colour");
    let log = d.join("pty.log");
    let script = format!(
        "read go; {env} XDG_CACHE_HOME={} XDG_CONFIG_HOME={} {} --no-cache; echo {EXITED}; sleep 600",
        quote(&shared_cache_home()),
        quote(&d.join("no-config")),
        quote(Path::new(QARI))
    );
    let t = Tmux::start(140, 40, &script);
    let pipe = format!("cat >> {}", quote(&log));
    assert!(t.run(&["pipe-pane", "-t", "qari", "-o", &pipe]).status.success());
    t.keys(&["Enter"]);
    t.wait("the reader", |s| s.contains("Documents 6/6"));
    // The oldest article is the Persian one: open the next, English, one.
    t.keys(&["j", "Enter"]);
    t.wait("an English article open", |s| s.contains("North Korea state media says Syria’s"));
    t.keys(&["f", "t", "h", "e", "Enter"]);
    t.wait("find hits", |s| s.contains("“the” 1/"));
    t.keys(&["n", "Tab", "Tab"]);
    t.wait("side panel focused", |s| s.contains("“the” 2/"));
    t.keys(&["q"]);
    t.wait("exit", |s| s.contains(EXITED));
    let start = Instant::now();
    loop {
        let out = String::from_utf8_lossy(&std::fs::read(&log).unwrap_or_default()).into_owned();
        if out.contains(EXITED) || start.elapsed() > Duration::from_secs(10) {
            return out;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn no_color_keeps_every_colour_off_the_terminal_and_without_it_kinds_differ() {
    let plain = session("NO_COLOR=1");
    assert!(plain.contains("\x1b[?1049h"), "the log holds the session");
    assert_eq!(colour_sgrs(&plain), Vec::<String>::new(), "no colour with NO_COLOR");
    // The hits and the selection still show: reverse video and bold are sent.
    assert!(plain.contains("\x1b[7m") && plain.contains("\x1b[1m"), "reverse and bold");

    let coloured = session("");
    let sgrs = colour_sgrs(&coloured);
    // People in cyan (palette 6), places in green (2), hits in yellow (3).
    for (want, what) in [("38;5;6", "people"), ("38;5;2", "places"), ("38;5;3", "hits")] {
        assert!(sgrs.iter().any(|s| s == want), "{what} ({want}) in {sgrs:?}");
    }
}

#[test]
fn the_sgr_scan_sees_every_form_of_colour() {
    let found =
        colour_sgrs("\x1b[0;1;31mx\x1b[38;5;208my\x1b[48;2;1;2;3;7mz\x1b[39;49m\x1b[97m\x1b[2J");
    assert_eq!(found, ["31", "38;5;208", "48;2;1;2;3", "97"]);
}
