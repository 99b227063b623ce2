//! Issue 10 through the real binary: what reaches stdout and stderr is printable whatever the
//! file names and queries, numbers are bounded, special files never block, and the exit
//! status is the README's (0 success or closed pipe, 1 usage or input error, 2 internal).

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::qari::{TempDir, qari, stderr, stdout};

const ARTICLE: &str = "Kim meets Moon\n\nKim Jong Un met Moon Jae-in in Panmunjom on 27 April 2018. \
                       Kim said the talks went well.\n";

/// Hostile file names: an OSC title, a C1 CSI and a right-to-left override.
const NAMES: [&str; 3] = ["e\x1b]0;PWNED\x07.txt", "c\u{9b}2J.txt", "gnp\u{202e}txt.exe.txt"];

/// Fails if `s` holds a raw control or BiDi control (the printable function's set).
fn assert_printable(s: &str, what: &str) {
    if let Some(c) = s.chars().find(|&c| qari::text::printable::is_unprintable(c) && c != '\n') {
        panic!("{what} holds raw {c:?}:\n{s:?}");
    }
}

fn run(args: &[&str]) -> Output {
    qari().args(args).output().expect("qari runs")
}

fn run_in(args: &[&str], dir: &Path) -> Output {
    qari().args(args).arg(dir).output().expect("qari runs")
}

/// Case 2: paths in every command's plain and JSON output, and in error lines.
#[test]
fn file_names_reach_no_output_raw() {
    let d = TempDir::new("names");
    for n in NAMES {
        d.write(n, ARTICLE);
    }
    d.write("sub/empty\x1b[2J.txt", "  \n");
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["search", "Kim"],
        &["search", "--json", "Kim"],
        &["entities"],
        &["entities", "--json"],
        &["timeline"],
        &["timeline", "--json"],
        &["list", "--no-cache"],
    ] {
        let o = run_in(args, &d.0);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_printable(&stdout(&o), &format!("stdout of {args:?}"));
        assert_printable(&stderr(&o), &format!("stderr of {args:?}"));
        let (out, err) = (stdout(&o), stderr(&o));
        if args.contains(&"--json") {
            let paths: Vec<String> = out
                .lines()
                .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line"))
                .filter_map(|v| v["path"].as_str().map(str::to_string))
                .collect();
            for n in NAMES {
                assert!(
                    paths.iter().any(|p| p.ends_with(n)),
                    "{args:?}: JSON keeps {n:?}: {paths:?}"
                );
            }
        } else if args[0] != "timeline" || !out.is_empty() {
            assert!(out.contains("\\x1b]0;PWNED\\x07.txt"), "{args:?} shows the escape:\n{out}");
        }
        assert!(err.contains("empty\\x1b[2J.txt: empty file"), "{args:?}: {err}");
    }
    // Error lines: a missing hostile path, and an archive with nothing readable.
    let o = run(&["list", "--no-cache", "nowhere\u{9d}0;x\x07/\u{202e}a.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert_printable(&stderr(&o), "missing path");
    assert!(stderr(&o).contains("no readable article in nowhere\\u{9d}0;x\\x07/\\u{202e}a.txt"));
}

/// Case 4: numbers too large are refused with a message (width) or clamped (limit).
#[test]
fn huge_numbers_are_refused_or_clamped() {
    let d = TempDir::new("numbers");
    let f = d.write("ar.txt", "عنوان\n\nقال وزير الخارجية وليد المعلم إن المعلم التقى الرئيس.\n");
    let file = f.to_str().expect("utf-8 path");
    for w in ["99999999999", "0", "10001", "-3", "wide"] {
        let o = run(&["render", &format!("--width={w}"), file]);
        assert_eq!(o.status.code(), Some(1), "--width {w}: {}", stderr(&o));
        assert!(stderr(&o).contains("from 1 to 10000"), "--width {w}: {}", stderr(&o));
    }
    let o = run(&["render", "--width", "10000", file]);
    assert!(o.status.success() && stdout(&o).lines().any(|l| l.len() > 9000), "right-aligned");
    for n in ["18446744073709551615", "100000000000", "99999999999999999999999"] {
        let o = run(&["search", "--no-cache", "--limit", n, "Kim"]);
        assert!(o.status.success(), "--limit {n}: {}", stderr(&o));
        assert!(stdout(&o).contains("Kim"), "--limit {n}: {}", stdout(&o));
    }
    let o = run(&["search", "--limit", "0", "Kim"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("0 results would print nothing"), "{}", stderr(&o));
}

/// Runs `cmd`, failing the test if it has not finished within 20 s (a blocked open).
fn finishes(mut cmd: Command) -> Output {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("qari blocked");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Case 5 and 8: a FIFO or a device named directly is refused before it is opened, without
/// claiming a size; a file without an extension is told why it is not read.
#[test]
fn special_files_and_unknown_formats_get_a_reason_at_once() {
    let d = TempDir::new("special");
    let fifo = d.join("p.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    std::os::unix::fs::symlink("/dev/zero", d.join("z.txt")).expect("symlink");
    d.write("noext", ARTICLE);
    for args in [&["list", "--no-cache"][..], &["render", "--width", "80"], &["entities"]] {
        let mut c = qari();
        c.args(args).arg(&fifo);
        let o = finishes(c);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("p.txt: not a regular file (a FIFO)"), "{}", stderr(&o));
    }
    let o = run(&["list", "--no-cache", d.join("z.txt").to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains("z.txt: not a regular file (a character device)"), "{err}");
    assert!(!err.contains("MiB"), "no size is claimed: {err}");
    let o = run(&["list", "--no-cache", d.join("noext").to_str().unwrap()]);
    assert!(stderr(&o).contains("noext: no extension, so no known format"), "{}", stderr(&o));
    // In a walked folder, the FIFO and the device are skipped, the rest still opens.
    d.write("ok.txt", ARTICLE);
    let mut c = qari();
    c.args(["list", "--no-cache"]).arg(&d.0);
    let o = finishes(c);
    assert!(o.status.success() && stdout(&o).contains("ok.txt"), "{}", stderr(&o));
}

/// Case 6 and 8: what the user typed comes back printable and short.
#[test]
fn queries_are_echoed_printable_and_short() {
    for q in
        ["entity:\"\x1b]0;T\x07\"", "after:\x1b[2J", "\u{202e}kim title:", "lang:\u{9b}x unknown:y"]
    {
        let o = run(&["search", "--no-cache", q]);
        assert_eq!(o.status.code(), Some(1), "{q:?}: {}", stderr(&o));
        assert_printable(&stderr(&o), q);
    }
    let o = run(&["search", "--no-cache", "entity:\"\x1b]0;T\x07\""]);
    assert!(stderr(&o).contains("no entity named '\\x1b]0;T\\x07'"), "{}", stderr(&o));
    let long = "word".repeat(2500);
    let o = run(&["search", "--no-cache", &long]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("no document matches") && err.len() < 300, "{} bytes: {err}", err.len());
    let o = run(&["search", "--no-cache", &format!("entity:\"{long}\"")]);
    assert!(stderr(&o).len() < 300 && stderr(&o).contains('…'), "{}", stderr(&o));
}

/// Case 7: a reader of our output that goes away ends the command quietly with 0.
#[test]
fn a_closed_pipe_exits_0_quietly() {
    for args in
        [&["entities", "--no-cache"][..], &["list", "--no-cache"], &["timeline"], &["--help"]]
    {
        let mut child =
            qari().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
        // Close our end before qari writes: its first write fails with EPIPE.
        drop(child.stdout.take());
        let mut err = String::new();
        child.stderr.take().expect("stderr").read_to_string(&mut err).expect("read");
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("internal error") && !err.contains("Broken pipe"), "{args:?}: {err}");
    }
}

/// Case 8: usage errors exit 1, help and version 0.
#[test]
fn usage_errors_exit_1_and_help_0() {
    for args in [
        &["--bogus"][..],
        &["render", "x.txt"],
        &["search"],
        &["--bidi", "sideways"],
        &["list", "--json", "--json"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).starts_with("qari: "), "{args:?}: {}", stderr(&o));
    }
    let o = run(&["--\x1b]0;T\x07"]);
    assert_eq!(o.status.code(), Some(1));
    assert_printable(&stderr(&o), "clap's message");
    for args in [&["--help"][..], &["--version"], &["search", "--help"]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(!stdout(&o).is_empty());
    }
    // A mistyped command, with stdout piped: named as such, not an internal error.
    let o = run(&["lst", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("did you mean `qari list`"), "{}", stderr(&o));
    let o = run(&["no-such-archive"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("needs a terminal") && !stderr(&o).contains("internal"));
}

/// Case 8: `render` takes the item names `list` prints and refuses a folder.
#[test]
fn render_takes_item_ids_and_refuses_folders() {
    let d = TempDir::new("render");
    let f = d.write(
        "items.json",
        r#"[{"title":"One","text":"first body"},{"title":"Two","text":"second body"}]"#,
    );
    let item = format!("{}#2", f.display());
    let o = run(&["render", "--width", "40", &item]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "second body");
    let o = run(&["render", "--width", "40", &format!("{}#9", f.display())]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("#9: no such item (the file holds 2"), "{}", stderr(&o));
    let o = run_in(&["render", "--width", "40"], &d.0);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is a folder"), "{}", stderr(&o));
}

/// Case 8: a query that starts with `-` is a query (with or without `--`), and a very long
/// word is a word, not "no letters or digits".
#[test]
fn leading_dash_and_long_word_queries() {
    for args in [&["search", "--no-cache", "-Kim"][..], &["search", "--no-cache", "--", "-Kim"]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("only exclusions"), "{args:?}: {}", stderr(&o));
    }
    let o = run(&["search", "--no-cache", "--", "Pyongyang -Singapore"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let word = "Pyongyang".repeat(9);
    let o = run(&["search", "--no-cache", &word]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("no document matches"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("no letters"), "{}", stderr(&o));
}

/// Case 8: UTF-16 with a byte-order mark is decoded, and a UTF-8 one stays out of titles.
#[test]
fn byte_order_marks_are_read() {
    let d = TempDir::new("bom");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "عنوان الخبر\n\nقال المتحدث إن الاتفاق آمن.\n".encode_utf16()
    {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(d.join("u16.txt"), utf16).unwrap();
    std::fs::write(d.join("u8.txt"), b"\xEF\xBB\xBFTitle With Bom\n\nBody text.\n").unwrap();
    let o = run_in(&["list", "--json", "--no-cache"], &d.0);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("\"title\":\"عنوان الخبر\""), "{out}");
    assert!(out.contains("\"title\":\"Title With Bom\""), "{out}");
    assert!(!out.contains('\u{feff}') && !out.contains("binary"), "{out}");
}

/// Case 9: a panic in one document's extraction keeps its message in that document's
/// problem line; the others are extracted and the command succeeds.
#[test]
fn an_extraction_panic_keeps_its_message() {
    let d = TempDir::new("panic");
    d.write("bad.txt", "Boom\n\nQARI-PANIC-HERE and Kim Jong Un.\n");
    d.write("good.txt", ARTICLE);
    let o = qari()
        .env("QARI_TEST_PANIC_TEXT", "QARI-PANIC-HERE")
        .args(["entities", "--no-cache"])
        .arg(&d.0)
        .output()
        .expect("qari runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let line = err.lines().find(|l| l.contains("bad.txt: finding entities failed")).unwrap_or("");
    assert!(line.contains("injected extraction panic at src/extract/mod.rs:"), "{err}");
    assert!(stdout(&o).contains("Moon Jae-in"), "the other document is extracted");
}
