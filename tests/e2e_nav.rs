//! End to end, following an entity in the real binary inside tmux: open sample 000, select
//! Ri Yong-ho, open his view, see samples 002 and 004, open 004 and see ري يونغ هو
//! highlighted (checked in the escapes `capture-pane -e` returns), go back to 000. Also
//! find-in-document with its `i/n` counter. Fails (does not skip) when tmux is missing.

mod common;

use common::tmux::Tmux;

use qari::text::layout::{self, BidiMode, LayoutOptions};
use qari::tui::app::App;
use qari::tui::view::nav::{Target, view_rows};
use qari::tui::{Action, Options, update};

const W: u16 = 120;
const H: u16 = 35;
const QARI: &str = env!("CARGO_BIN_EXE_qari");
/// `--no-shape`: the screen holds the letters of the text, not presentation forms.
const OPTS: Options = Options { bidi: BidiMode::App, shape: false, osc52: true };

fn script() -> String {
    let q = QARI.replace('\'', r"'\''");
    format!("'{q}' --no-shape; echo QARI_EXITED; sleep 600")
}

/// The same reader state the binary starts in, to learn list and row positions.
fn model() -> App {
    let opts = qari::store::archive::OpenOptions { cache: false, index: true };
    App::new(qari::store::archive::Archive::bundled(opts).store, OPTS, (W, H))
}

fn file_of(app: &App, doc: usize) -> String {
    let p = &app.store.docs[doc].path;
    p.rsplit('/').next().unwrap_or(p).to_string()
}

/// Characters of a `capture-pane -e` line with whether each is drawn reversed (SGR 7).
fn reversed_chars(line: &str) -> Vec<(char, bool)> {
    let mut out = Vec::new();
    let mut rev = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push((c, rev));
            continue;
        }
        if chars.peek() != Some(&'[') {
            continue;
        }
        chars.next();
        let mut seq = String::new();
        for d in chars.by_ref() {
            if d.is_ascii_alphabetic() {
                if d == 'm' {
                    for p in seq.split(';') {
                        match p {
                            "" | "0" => rev = false,
                            "7" => rev = true,
                            "27" => rev = false,
                            _ => {}
                        }
                    }
                }
                break;
            }
            seq.push(d);
        }
    }
    out
}

#[test]
fn follow_ri_yong_ho_from_000_to_the_arabic_004_and_back() {
    // Where things are, computed by the library the binary runs.
    let mut m = model();
    let d000 = m.store.docs.iter().position(|d| d.path.contains("000_")).unwrap();
    let row000 = m.list.order.iter().position(|&d| d == d000).unwrap();
    m.open_doc(d000);
    let ri = m.side.entities.iter().position(|e| e.name == "Ri Yong Ho").expect("Ri in 000");
    m.side.selected = ri;
    m.focus = qari::tui::app::Pane::Side;
    update(&mut m, Action::Open);
    let rows = view_rows(&m);
    let targets: Vec<&Target> = rows.iter().filter_map(|r| r.target.as_ref()).collect();
    let to004 = targets
        .iter()
        .position(|t| matches!(t, Target::Doc { doc, .. } if file_of(&m, *doc).starts_with("004_")))
        .expect("004 listed in the model");

    let t = Tmux::start(W, H, &script());
    t.wait("the reader", |s| s.contains("doc 1/6"));
    for _ in 0..row000 {
        t.keys(&["j"]);
    }
    t.keys(&["Enter"]);
    let f000 = file_of(&m, d000);
    t.wait("sample 000", |s| s.contains(&f000));
    t.keys(&["Tab"]);
    for _ in 0..ri {
        t.keys(&["j"]);
    }
    t.wait("Ri selected", |s| s.contains("Ri Yong Ho ×"));
    t.keys(&["Enter"]);
    let s = t.wait("entity view", |s| s.contains("Ri Yong Ho — person"));
    assert!(s.contains("002_"), "002 listed:\n{s}");
    assert!(s.contains("004_"), "004 listed:\n{s}");
    for _ in 0..to004 {
        t.keys(&["j"]);
    }
    t.keys(&["Enter"]);
    let s = t.wait("sample 004", |s| s.contains("004_") && !s.contains("Ri Yong Ho — person"));
    assert!(s.contains("Ri Yong Ho 1/"), "the status counter names the entity:\n{s}");
    // The mention as the reader draws it (right-to-left order), reversed on screen.
    let opts = LayoutOptions { width: 80, bidi: BidiMode::App, shape: false };
    let name = "ري يونغ هو";
    let drawn = layout::layout(name, std::slice::from_ref(&(0..name.len())), &opts)[0]
        .to_plain()
        .trim()
        .to_string();
    let want: Vec<char> = drawn.chars().collect();
    let screen = t.capture(true);
    let lit = screen.lines().any(|line| {
        let cells = reversed_chars(line);
        cells
            .windows(want.len())
            .any(|w| w.iter().map(|c| c.0).eq(want.iter().copied()) && w.iter().all(|c| c.1))
    });
    assert!(lit, "{drawn} drawn reversed (highlighted) on screen:\n{screen}");
    t.keys(&["C-o"]);
    t.wait("back at 000", |s| s.contains(&f000));
    t.keys(&["q"]);
    t.wait("exit", |s| s.contains("QARI_EXITED"));
}

#[test]
fn find_in_the_document_counts_hits_and_n_steps() {
    let m = model();
    let first = m.reader.doc.unwrap();
    let text = m.store.text(first);
    // The first document by date is the Persian Wikinews article.
    let word = "ایران";
    let n = text.matches(word).count();
    assert!(n >= 2, "the first document mentions {word} at least twice");
    let t = Tmux::start(W, H, &script());
    t.wait("the reader", |s| s.contains("doc 1/6"));
    t.keys(&["f"]);
    t.keys(&["-l", word]);
    t.keys(&["Enter"]);
    t.wait("counter", |s| s.contains(&format!("1/{n}")));
    t.keys(&["n"]);
    t.wait("next hit", |s| s.contains(&format!("2/{n}")));
    t.keys(&["Escape"]);
    t.wait("cleared", |s| s.contains("search cleared"));
    t.keys(&["q"]);
    t.wait("exit", |s| s.contains("QARI_EXITED"));
}

#[test]
fn live_search_answers_from_the_background_job_and_esc_returns() {
    let t = Tmux::start(W, H, &script());
    t.wait("the reader", |s| s.contains("doc 1/6"));
    t.keys(&["/"]);
    t.wait("search line", |s| s.contains("Search the archive"));
    t.keys(&["-l", "north korea"]);
    // The job's answer replaces "searching…" with a count (the UI never waited for it).
    let s = t.wait("results", |s| s.contains("/north korea") && s.contains("documents ·"));
    assert!(!s.contains("searching…"), "{s}");
    t.keys(&["Escape"]);
    t.wait("back in the reader", |s| !s.contains("Search the archive") && s.contains("doc 1/6"));
    t.keys(&["q"]);
    t.wait("exit", |s| s.contains("QARI_EXITED"));
}
