//! The bodies of qari's fuzz targets: each takes arbitrary bytes, runs one layer on them and
//! checks what must hold for any input (no panic, offsets on char boundaries and in range,
//! nothing unprintable left, idempotence). They are library functions so that the same
//! bodies run under cargo-fuzz (`fuzz/`, libFuzzer, nightly features) and as a bounded loop
//! on stable Rust (`tests/fuzz.rs`, which CI runs for a minute). A broken invariant panics
//! with what broke.
//!
//! Uses every layer below the reader and touches no terminal or file.

use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use crate::corpus::{self, Document};
use crate::extract::Extractor;
use crate::text::layout::{self, BidiMode, LayoutOptions};
use crate::text::printable::{is_unprintable, printable};
use crate::text::sanitize::{is_bidi_format_control, sanitize};

/// The fuzz targets, by name (as `fuzz/fuzz_targets/<name>.rs` and `fuzz/seeds/<name>/`).
pub const TARGETS: [&str; 8] = [
    "load_txt",
    "load_md",
    "load_html",
    "load_json",
    "load_jsonl",
    "sanitize",
    "layout",
    "extract",
];

/// Runs the target called `name` on `data`; `false` for an unknown name.
pub fn run(name: &str, data: &[u8]) -> bool {
    match name {
        "load_txt" => load("txt", data),
        "load_md" => load("md", data),
        "load_html" => load("html", data),
        "load_json" => load("json", data),
        "load_jsonl" => load("jsonl", data),
        "sanitize" => sanitize_text(data),
        "layout" => layout_text(data),
        "extract" => extract_text(data),
        _ => return false,
    }
    true
}

/// A loader (`ext`: txt, md, html, json, jsonl) on a file's bytes: every document it gives is
/// clean text with paragraphs, boilerplate and metadata that fit it; problems name the file.
pub fn load(ext: &str, data: &[u8]) {
    let path = Path::new("fuzz").with_extension(ext);
    let c = corpus::read_bytes(&path, ext, data);
    for p in &c.problems {
        assert!(p.path.starts_with(&path), "a problem names its file: {p:?}");
        assert!(!p.reason.is_empty());
    }
    for d in &c.documents {
        check_document(d);
    }
}

fn check_document(d: &Document) {
    clean_text(&d.text, "text");
    assert!(!d.text.trim().is_empty(), "a document has text");
    for r in &d.paragraphs {
        fits(&d.text, r, "paragraph");
    }
    assert!(d.paragraphs.windows(2).all(|w| w[0].end <= w[1].start), "paragraphs in order");
    if let Some(b) = &d.boilerplate {
        fits(&d.text, b, "boilerplate");
    }
    for (what, s) in [("title", Some(&d.title)), ("byline", d.byline.as_ref())] {
        let Some(s) = s else { continue };
        clean_text(s, what);
        assert!(!s.contains('\n'), "{what} is one line: {s:?}");
    }
    assert!(!d.title.is_empty(), "a title is never empty");
    assert!(d.lang.len() <= 8 && d.lang.chars().all(|c| c.is_ascii_alphabetic()), "{}", d.lang);
}

/// The sanitiser: nothing but `\n` of the controls and no BiDi control survives, a second
/// pass changes nothing; the printable function leaves nothing unprintable and is idempotent.
pub fn sanitize_text(data: &[u8]) {
    let raw = String::from_utf8_lossy(data);
    let once = sanitize(&raw);
    clean_text(&once.text, "sanitised text");
    let twice = sanitize(&once.text);
    assert_eq!(twice.text, once.text, "sanitising is idempotent");
    assert_eq!(twice.removed, 0);
    let shown = printable(&raw);
    assert!(!shown.chars().any(is_unprintable), "printable left {shown:?}");
    assert_eq!(printable(&shown), shown, "printable is idempotent");
}

/// The layout, with the width (1 to 65,535 cells), BiDi mode and shaping taken from the first
/// three bytes: every cell shows bytes of its line, on char boundaries; no line is wider than
/// the pane; no cell draws a control.
pub fn layout_text(data: &[u8]) {
    let (head, body) = data.split_at(data.len().min(3));
    let width = match head {
        [a, b, ..] => usize::from(u16::from_le_bytes([*a, *b])).max(1),
        _ => 80,
    };
    // Mostly narrow panes (where wrapping is hard), sometimes very wide ones.
    let width = if width > 400 && width % 8 != 0 { width % 400 + 1 } else { width };
    let mode = head.get(2).copied().unwrap_or(0);
    let bidi = [BidiMode::App, BidiMode::Terminal, BidiMode::Off][usize::from(mode % 3)];
    let opts = LayoutOptions { width, bidi, shape: mode & 4 == 0 };
    let text = sanitize(&String::from_utf8_lossy(body)).text;
    let paragraphs = corpus::paragraph_ranges(&text);
    let lines = layout::layout(&text, &paragraphs, &opts);
    for l in &lines {
        fits(&text, &l.logical, "line");
        assert!(
            l.indent + l.width() <= width,
            "line of {} + {} cells at {width}",
            l.indent,
            l.width()
        );
        for c in &l.cells {
            fits(&text, &c.logical, "cell");
            assert!(
                l.logical.start <= c.logical.start && c.logical.end <= l.logical.end,
                "cell {:?} outside its line {:?}",
                c.logical,
                l.logical
            );
            // A cell is as wide as its cluster (wider than 2 only for clusters of spacing
            // marks), or the one-column "…" for a cluster wider than the pane.
            let shown = unicode_width::UnicodeWidthStr::width(c.symbol.as_str());
            assert!(c.width == shown || (c.symbol == "…" && c.width == 1), "{c:?} is {shown} wide");
            assert!(!c.symbol.chars().any(|ch| ch.is_control()), "cell draws {:?}", c.symbol);
        }
    }
}

/// The extractors on a document made of the bytes (sanitised, as the loader does): mentions
/// and dates sorted, in range, on char boundaries, mentions never overlapping.
pub fn extract_text(data: &[u8]) {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    let x = EXTRACTOR.get_or_init(Extractor::new);
    let text = sanitize(&String::from_utf8_lossy(data)).text;
    let date = chrono::NaiveDate::from_ymd_opt(2019, 6, 4);
    let doc = Document {
        id: 0,
        path: "fuzz.txt".into(),
        title: "fuzz".into(),
        byline: None,
        date,
        lang: "en".into(),
        url: None,
        paragraphs: corpus::paragraph_ranges(&text),
        text,
        boilerplate: None,
        bytes: data.len() as u64,
        problems: Vec::new(),
    };
    let a = x.extract(&doc);
    let mut end = 0;
    for m in &a.mentions {
        fits(&doc.text, &m.range, "mention");
        assert!(!m.range.is_empty(), "an empty mention");
        assert!(m.range.start >= end, "mentions overlap or are out of order: {:?}", m.range);
        end = m.range.end;
        assert!(!m.entity.is_empty() && !m.canonical.is_empty(), "{m:?}");
    }
    for d in &a.dates {
        fits(&doc.text, &d.range, "date");
    }
    assert!(a.dates.windows(2).all(|w| w[0].range.start <= w[1].range.start), "dates in order");
}

/// `r` is a range of `text` on char boundaries.
fn fits(text: &str, r: &Range<usize>, what: &str) {
    assert!(
        r.start <= r.end && text.get(r.clone()).is_some(),
        "{what} {r:?} does not fit a text of {} bytes",
        text.len()
    );
}

/// `s` holds no control but `\n` and no BiDi embedding, override or isolate control.
fn clean_text(s: &str, what: &str) {
    if let Some(c) = s.chars().find(|&c| (c.is_control() && c != '\n') || is_bidi_format_control(c))
    {
        panic!("{what} holds {c:?}");
    }
}
