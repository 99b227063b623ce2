//! End to end: the real `qari` binary in a real terminal (tmux). Types keys with
//! `send-keys`, reads the screen with `capture-pane`, and checks what a user would see —
//! including that the terminal comes back after quitting and that hostile article bytes
//! never reach it. Fails (does not skip) when tmux is missing: scripts/test.sh installs it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::tmux::Tmux;

use qari::tui::app::Pane;
use qari::tui::panes;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

const W: u16 = 120;
const H: u16 = 35;
const QARI: &str = env!("CARGO_BIN_EXE_qari");
const EXITED: &str = "QARI_EXITED";

fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

/// Runs qari with `args`, then prints the marker and the terminal's line discipline flags.
fn script(args: &str) -> String {
    format!(
        "XDG_CACHE_HOME={} {} {args}; echo {EXITED}; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 600",
        quote(&common::qari::shared_cache_home()),
        quote(Path::new(QARI))
    )
}

/// Screen columns `[x, x+w)` of a captured line (tmux keeps one char per cell, plus
/// zero-width marks with their base).
fn columns(line: &str, x: usize, w: usize) -> String {
    let mut col = 0;
    let mut out = String::new();
    for c in line.chars() {
        let cw = c.width().unwrap_or(0);
        // A zero-width mark belongs to the cell before it.
        let inside = (col >= x && col < x + w) || (cw == 0 && col > x && col <= x + w);
        if inside {
            out.push(c);
        }
        col += cw;
    }
    let have: usize = out.chars().map(|c| c.width().unwrap_or(0)).sum();
    out + &" ".repeat(w.saturating_sub(have))
}

#[test]
fn reads_the_bundled_archive_and_gives_the_terminal_back() {
    let t = Tmux::start(W, H, &script(""));
    let s = t.wait("the reader", |s| s.contains("Documents 6/6") && s.contains("doc 1/6"));
    assert!(s.contains("Reader") && s.contains("Details"), "three panes:\n{s}");
    assert_eq!(t.format("#{alternate_on}"), "1", "the reader uses the alternate screen");
    t.keys(&["j", "Enter"]);
    let s = t.wait("second document", |s| s.contains("doc 2/6"));
    // The list's second document, by the same code the binary runs.
    let archive_opts = qari::store::archive::OpenOptions { cache: false, index: true };
    let store = qari::store::archive::Archive::bundled(archive_opts).store;
    let opts =
        qari::tui::Options { bidi: qari::text::layout::BidiMode::App, shape: true, osc52: true };
    let app = qari::tui::App::new(store, opts, (W, H));
    let second = &app.store.docs[app.list.order[1]].path;
    assert!(s.contains(second.as_str()), "header shows the opened file {second}:\n{s}");
    t.keys(&["?"]);
    t.wait("help", |s| s.contains("Keys — q to close") && s.contains("half a page down"));
    t.keys(&["q"]);
    t.wait("help closed", |s| !s.contains("Keys — q to close") && s.contains("doc 2/6"));
    t.keys(&["q"]);
    let s = t.wait("exit", |s| s.contains(EXITED) && s.contains("echo"));
    assert!(!s.contains("Documents 6/6"), "the reader is gone after quitting:\n{s}");
    assert_eq!(t.format("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(t.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"), "000");
    assert!(s.contains("icanon echo") || s.contains("echo icanon"), "cooked mode restored:\n{s}");
}

#[test]
fn ctrl_c_quits_from_an_overlay_and_restores_the_terminal() {
    let t = Tmux::start(80, 24, &script(""));
    t.wait("the reader", |s| s.contains("doc 1/6"));
    t.keys(&["P"]);
    t.wait("problems view", |s| s.contains("Files that could not be read (0)"));
    t.keys(&["C-c"]);
    let s = t.wait("exit", |s| s.contains(EXITED) && s.contains("echo"));
    assert!(!s.contains("Files that could not be read"));
    assert_eq!(t.format("#{alternate_on}"), "0");
}

/// An archive with nothing readable: the reader gives the terminal back, names each file and
/// its problem, and exits 1.
#[test]
fn an_archive_with_no_readable_article_exits_1_with_every_problem() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus/allbad");
    let t = Tmux::start(
        80,
        24,
        &format!(
            "{} 2>&1; echo \"status $?\"; sleep 600",
            quote(Path::new(QARI)).to_string() + " " + &quote(&dir)
        ),
    );
    let s = t.wait("exit", |s| s.contains("status 1"));
    assert!(s.contains("nul.txt: binary"), "the bad file is named:\n{s}");
    assert!(s.contains("qari: no readable article in"), "{s}");
    assert_eq!(t.format("#{alternate_on}"), "0", "alternate screen left");
}

fn hostile_fixture() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile.txt");
    if !p.exists() {
        // The corpus tests own this fixture; until it exists use a minimal one outside the
        // source tree.
        let p = std::env::temp_dir()
            .join(format!("qari-e2e-{}", std::process::id()))
            .join("hostile.txt");
        let body = "Hostile article\nSAFE-ENGLISH-LINE before\x1b[2J the clear\n\
                    clipboard \x1b]52;c;cHduZWQ=\x07 grab and title \x1b]2;PWNED\x07 set\n\
                    C1 CSI \u{9b}31m red and RLO \u{202e}desrever\u{202c} text\n";
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, body).unwrap();
        return p;
    }
    p
}

#[test]
fn hostile_article_bytes_never_reach_the_terminal() {
    let file = hostile_fixture();
    let t = Tmux::start(W, H, &script(&quote(&file)));
    let title_before = t.format("#{pane_title}");
    let s = t.wait("the hostile article", |s| s.contains("SAFE-ENGLISH-LINE"));
    assert!(s.contains("Documents 1/1"), "the screen was not cleared or moved:\n{s}");
    let raw = t.capture(true);
    for (bad, name) in [
        ("\x1b]", "OSC"),
        ("\x1bP", "DCS"),
        ("\u{9b}", "C1 CSI"),
        ("\u{202e}", "RLO"),
        ("\x07", "BEL"),
    ] {
        assert!(!raw.contains(bad), "{name} reached the pane:\n{raw:?}");
    }
    // capture -e re-encodes cell attributes as SGR only; anything else was injected.
    for (i, _) in raw.match_indices('\x1b') {
        let rest = &raw[i + 1..];
        let ok = rest.starts_with('[')
            && rest[1..]
                .chars()
                .take_while(|c| *c != 'm')
                .all(|c| c.is_ascii_digit() || c == ';' || c == ':');
        assert!(
            ok,
            "non-SGR escape in the pane at byte {i}: {:?}",
            &raw[i..(i + 12).min(raw.len())]
        );
    }
    assert!(!s.contains("PWNED") || t.format("#{pane_title}") == title_before);
    assert_ne!(t.format("#{pane_title}"), "PWNED", "OSC 2 did not set the title");
    let buffers = t.run(&["list-buffers"]);
    assert!(
        String::from_utf8_lossy(&buffers.stdout).trim().is_empty(),
        "OSC 52 did not set a clipboard buffer"
    );
    t.keys(&["q"]);
    t.wait("exit", |s| s.contains(EXITED));
}

/// Issue 3: sample 004 in a real terminal shows the Arabic lines right-aligned, in the
/// same visual order as `qari render` prints them at the reading pane's width.
#[test]
fn arabic_sample_004_on_screen_matches_qari_render() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus/004_6de84ff522efcbb7.txt");
    let area = panes::reader_text_area(Rect::new(0, 0, W, H), Pane::List).expect("reader shown");
    let render = Command::new(QARI)
        .args(["render", "--width", &area.width.to_string()])
        .arg(&file)
        .output()
        .expect("qari render runs");
    assert!(render.status.success());
    let expected: Vec<String> =
        String::from_utf8_lossy(&render.stdout).lines().map(|l| l.trim().to_string()).collect();
    assert!(expected.len() > area.height as usize, "004 fills more than a screen");

    let t = Tmux::start(W, H, &script(&quote(&file)));
    let s =
        t.wait("sample 004", |s| s.contains("004_6de84ff522efcbb7.txt") && s.contains("doc 1/1"));
    let lines: Vec<&str> = s.lines().collect();
    let (x, w) = (area.x as usize, area.width as usize);
    let mut padded = 0;
    for i in 0..area.height as usize {
        let cells = columns(lines[area.y as usize + i], x, w);
        assert_eq!(cells.trim(), expected[i], "screen row {i} equals render line {i}");
        if expected[i].is_empty() {
            continue;
        }
        assert!(
            !cells.ends_with(' '),
            "row {i} is right-aligned (ends at the pane's edge): {cells:?}"
        );
        if cells.starts_with(' ') {
            padded += 1;
        }
    }
    assert!(padded > 0, "short Arabic lines are padded on the left, not the right");
    t.keys(&["q"]);
    t.wait("exit", |s| s.contains(EXITED));
}

/// Ctrl-Z gives the shell its screen back (qari stopped, terminal restored); `fg` brings
/// the reader back where it was.
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_resumes_the_reader() {
    let t = Tmux::start(W, H, "PS1='qari-test$ ' exec bash --norc --noprofile -i");
    t.wait("the shell", |s| s.contains("qari-test$"));
    t.keys(&["-l", &format!("{} ; echo {EXITED}", quote(Path::new(QARI)))]);
    t.keys(&["Enter"]);
    t.wait("the reader", |s| s.contains("doc 1/6"));
    t.keys(&["j", "Enter"]);
    t.wait("second document", |s| s.contains("doc 2/6"));
    t.keys(&["C-z"]);
    let s = t.wait("the shell after Ctrl-Z", |s| s.contains("Stopped"));
    assert!(!s.contains("doc 2/6"), "the reader's screen is gone while stopped:\n{s}");
    assert_eq!(t.format("#{alternate_on}"), "0");
    assert_eq!(t.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"), "000");
    t.keys(&["-l", "fg"]);
    t.keys(&["Enter"]);
    let s = t.wait("the reader again", |s| s.contains("doc 2/6"));
    assert!(s.contains("Documents 6/6"), "redrawn in full:\n{s}");
    assert_eq!(t.format("#{alternate_on}"), "1");
    t.keys(&["q"]);
    t.wait("exit", |s| s.contains(EXITED) && s.matches("qari-test$").count() >= 2);
}

/// A panic restores the terminal first, then the message is readable on the normal screen.
/// (Debug builds panic on `!` when QARI_TEST_PANIC_KEY=! is set.)
#[test]
fn a_panic_gives_the_terminal_back_before_printing() {
    let t = Tmux::start(W, H, &format!("QARI_TEST_PANIC_KEY=! {}", script("")));
    t.wait("the reader", |s| s.contains("doc 1/6"));
    t.keys(&["!"]);
    let s = t.wait("exit after the panic", |s| s.contains(EXITED) && s.contains("echo"));
    assert!(s.contains("injected test panic"), "the panic message is on the normal screen:\n{s}");
    assert!(!s.contains("Documents 6/6"));
    assert_eq!(t.format("#{alternate_on}"), "0");
    assert_eq!(t.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"), "000");
    assert!(s.contains("icanon echo") || s.contains("echo icanon"), "cooked mode restored:\n{s}");
}

/// The bytes qari writes (tmux `pipe-pane`): with app-side BiDi it asks the terminal for
/// BDSM explicit mode right after entering the alternate screen and gives implicit mode
/// back before leaving it; with `--bidi terminal` it never asks.
#[test]
fn bdsm_explicit_mode_is_requested_on_start_and_restored_on_quit() {
    use qari::tui::terminal::{BDSM_EXPLICIT, BDSM_RESTORE};
    for (args, explicit) in [("", true), ("--bidi terminal", false)] {
        let dir = std::env::temp_dir().join(format!("qari-e2e-bdsm-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join(format!("out-{explicit}.log"));
        let _ = std::fs::remove_file(&log);
        let t = Tmux::start(W, H, &format!("read go; {}", script(args)));
        let pipe = format!("cat >> {}", quote(&log));
        assert!(t.run(&["pipe-pane", "-t", "qari", "-o", &pipe]).status.success());
        t.keys(&["Enter"]);
        t.wait("the reader", |s| s.contains("doc 1/6"));
        t.keys(&["q"]);
        t.wait("exit", |s| s.contains(EXITED) && s.contains("echo"));
        let start = Instant::now();
        let out = loop {
            let out =
                String::from_utf8_lossy(&std::fs::read(&log).unwrap_or_default()).into_owned();
            if out.contains(EXITED) || start.elapsed() > Duration::from_secs(10) {
                break out;
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let pos = |needle: &str| out.find(needle);
        let (alt_on, alt_off) =
            (pos("\x1b[?1049h").expect("alt screen"), pos("\x1b[?1049l").expect("left"));
        if explicit {
            let on = pos(BDSM_EXPLICIT).expect("BDSM explicit sent");
            let off = out.rfind(BDSM_RESTORE).expect("BDSM restored");
            assert!(
                alt_on < on && on < off && off < alt_off,
                "order: alt on, explicit, restore, alt off"
            );
        } else {
            assert!(
                pos(BDSM_EXPLICIT).is_none() && pos(BDSM_RESTORE).is_none(),
                "--bidi terminal leaves BDSM alone"
            );
        }
    }
}

/// With stdout redirected, the reader refuses to start instead of writing escape
/// sequences into the file or pipe.
#[test]
fn the_reader_writes_no_escape_sequences_into_a_pipe() {
    let out = Command::new(QARI).output().expect("qari runs");
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "nothing on stdout: {:?}", String::from_utf8_lossy(&out.stdout));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
}
