//! Issue 10, end to end: a folder whose file names and contents carry escape sequences (OSC
//! title and clipboard, CSI clear, 8-bit C1 controls, a right-to-left override) is opened in
//! the reader in tmux, every document and the problems view shown, and every byte qari wrote
//! to the pty is recorded (`tmux pipe-pane`): only qari's own sequences may appear — CSI
//! for cursor, colour, modes and BDSM — never OSC, DCS, BEL, a raw C1 control or U+202E.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::qari::{QARI, TempDir, quote, shared_cache_home};
use common::tmux::Tmux;

const EXITED: &str = "QARI_EXITED";

/// Readable articles under hostile names, and one unreadable file (for the problems view).
fn hostile_folder() -> TempDir {
    let d = TempDir::new("hostile-folder");
    let body = |n: &str| {
        format!(
            "Hostile article {n}\n\nSAFE-LINE-{n} before\x1b[2J the clear, a title \x1b]0;PWNED\x07 \
             and a clipboard \x1b]52;c;cHduZWQ=\x07 grab.\n\nC1 \u{9b}31m red \u{9d}0;T\u{9c} and \
             RLO \u{202e}desrever\u{202c}; قال المتحدث إن الاتفاق آمن.\n"
        )
    };
    d.write("e\x1b]0;PWNED\x07.txt", &body("1"));
    d.write("c\x1b[2Jclear.txt", &body("2"));
    d.write("osc52\x1b]52;c;cHduZWQ=\x07.md", &format!("# Markdown \x1b]2;T\x07\n\n{}", body("3")));
    d.write("c1\u{9b}31m\u{9d}0;T\u{9c}.txt", &body("4"));
    d.write(
        "rlo\u{202e}lmth.exe.html",
        &format!("<title>\x1b]0;HTML\x07</title><p>{}</p>", body("5").replace("\n\n", "</p><p>")),
    );
    d.write("empty\x1b[5m\u{202e}.txt", "  \n");
    d
}

/// Every escape sequence in `out` must be a CSI qari sends (parameters, an optional space
/// intermediate, a final letter); returns the first that is not.
fn foreign_sequence(out: &str) -> Option<String> {
    for (i, _) in out.match_indices('\x1b') {
        let rest = &out[i + 1..];
        let Some(body) = rest.strip_prefix('[') else {
            return Some(rest.chars().take(12).collect());
        };
        let params =
            body.chars().take_while(|c| c.is_ascii_digit() || matches!(c, ';' | '?' | ':'));
        let n = params.count();
        let after = &body[n..];
        let after = after.strip_prefix(' ').unwrap_or(after);
        if !after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '@' || c == '~') {
            return Some(rest.chars().take(12).collect());
        }
    }
    None
}

#[test]
fn a_hostile_folder_sends_only_qaris_own_sequences() {
    let d = hostile_folder();
    let log = d.0.with_extension("pty.log");
    let _ = std::fs::remove_file(&log);
    let script = format!(
        "read go; XDG_CACHE_HOME={} {} --no-cache {}; echo {EXITED}; sleep 600",
        quote(&shared_cache_home()),
        quote(Path::new(QARI)),
        quote(&d.0)
    );
    let t = Tmux::start(120, 35, &script);
    let title_before = t.format("#{pane_title}");
    assert!(
        t.run(&["pipe-pane", "-t", "qari", "-o", &format!("cat >> {}", quote(&log))])
            .status
            .success()
    );
    t.keys(&["Enter"]);
    let s = t.wait("the reader", |s| s.contains("Documents 5/5"));
    assert!(s.contains("PWNED") && s.contains("\\x1b"), "names are shown escaped:\n{s}");
    t.keys(&["Enter"]);
    t.wait("document 1", |s| s.contains("doc 1/5") && s.contains("SAFE-LINE-"));
    for k in 2..=5 {
        t.keys(&["BTab", "j", "Enter"]);
        t.wait(&format!("document {k}"), |s| s.contains(&format!("doc {k}/5")));
    }
    t.keys(&["P"]);
    let s = t.wait("problems view", |s| s.contains("Files that could not be read (1)"));
    assert!(s.contains("empty\\x1b[5m\\u{202e}.txt: empty file"), "{s}");
    t.keys(&["q"]);
    t.wait("problems closed", |s| !s.contains("Files that could not be read"));
    t.keys(&["q"]);
    t.wait("exit", |s| s.contains(EXITED));
    let start = Instant::now();
    let out = loop {
        let bytes = std::fs::read(&log).unwrap_or_default();
        let out = String::from_utf8_lossy(&bytes).into_owned();
        if out.contains(EXITED) || start.elapsed() > Duration::from_secs(10) {
            break out;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        out.contains("\x1b[?1049h") && out.contains("\x1b[?1049l"),
        "the log holds the session"
    );
    for (bad, name) in [
        ("\x1b]", "OSC"),
        ("\x1bP", "DCS"),
        ("\x07", "BEL"),
        ("\u{9b}", "C1 CSI"),
        ("\u{9d}", "C1 OSC"),
        ("\u{9c}", "C1 ST"),
        ("\u{202e}", "RLO"),
    ] {
        assert!(!out.contains(bad), "{name} reached the pty");
    }
    assert!(!out.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)), "a raw C1 control");
    if let Some(seq) = foreign_sequence(&out) {
        panic!("a sequence qari does not send reached the pty: ESC {seq:?}");
    }
    assert_eq!(t.format("#{pane_title}"), title_before, "the title was not set");
    let buffers = t.run(&["list-buffers"]);
    assert!(String::from_utf8_lossy(&buffers.stdout).trim().is_empty(), "no clipboard buffer");
    let _ = std::fs::remove_file(&log);
}

/// Runs qari with `env` and `args` in tmux, then prints the marker and the line settings.
fn script(env: &str, args: &str) -> String {
    format!(
        "{env} XDG_CACHE_HOME={} {} {args}; echo \"{EXITED} $?\"; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 600",
        quote(&shared_cache_home()),
        quote(Path::new(QARI))
    )
}

/// The loader thread crashing without unwinding (a stack overflow, an abort) still gives the
/// terminal back: cooked mode, main screen, no mouse reporting. (Debug builds crash on
/// `QARI_TEST_ABORT`.)
#[test]
fn a_crash_in_the_loader_gives_the_terminal_back() {
    for mode in ["overflow", "abort"] {
        let t = Tmux::start(100, 30, &script(&format!("QARI_TEST_ABORT={mode}"), "--no-cache"));
        let s = t.wait("exit", |s| s.contains(EXITED) && s.contains("echo"));
        assert!(s.contains(&format!("{EXITED} 134")), "{mode}: killed by SIGABRT:\n{s}");
        assert!(s.contains("the terminal was restored"), "{mode}:\n{s}");
        assert!(
            s.contains("icanon echo") || s.contains("echo icanon"),
            "{mode}: cooked mode:\n{s}"
        );
        assert!(!s.contains("-icanon") && !s.contains("-echo"), "{mode}:\n{s}");
        assert_eq!(t.format("#{alternate_on}"), "0", "{mode}: main screen");
        assert_eq!(t.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"), "000");
    }
}

/// Case 1 in the reader: 70,000 nested `<div>`s next to a plain article open (the deep page
/// with a warning in the problems view) instead of aborting on the loader's stack.
#[test]
fn deeply_nested_html_opens_in_the_reader() {
    let d = TempDir::new("deep-html");
    let n = 70_000;
    d.write("deep.html", &format!("<body>{}DEEP-TEXT{}", "<div>".repeat(n), "</div>".repeat(n)));
    d.write("plain.txt", "Plain article\n\nPLAIN-TEXT stays readable.\n");
    let t = Tmux::start(120, 35, &script("", &format!("--no-cache {}", quote(&d.0))));
    t.wait("the reader", |s| s.contains("Documents 2/2"));
    t.keys(&["P"]);
    let s = t.wait("warnings", |s| s.contains("Warnings"));
    assert!(s.contains("deep.html: HTML nested too deeply"), "{s}");
    t.keys(&["q", "q"]);
    let s = t.wait("exit", |s| s.contains(EXITED));
    assert!(s.contains(&format!("{EXITED} 0")), "{s}");
}
