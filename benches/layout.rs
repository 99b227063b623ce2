//! Reading-pane layout: throughput (MB/s) of wrapping + BiDi reordering + shaping a large
//! Arabic and a large English document, against a baseline measured in the same run (one pass
//! of grapheme segmentation and width summing over the same text, the least any wrapper does);
//! then the reader itself on a 5 MB article: time to open it and draw the first screen, each
//! page down, a jump to the end, and a resize back to a cached width.
//! Run: `cargo bench --bench layout`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use qari::corpus::{Corpus, Document, load_bundled, paragraph_ranges};
use qari::extract::Extractor;
use qari::store::Store;
use qari::text::layout::{BidiMode, LayoutOptions, layout};
use qari::tui::{Action, App, Options, update};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Size of each large document.
const TARGET_BYTES: usize = 5_000_000;
/// Pane width for the layout runs (a reading pane on a 120-column terminal).
const WIDTH: usize = 80;

fn main() {
    let samples = load_bundled().documents;
    let ar = big_document(&samples, "ar");
    let en = big_document(&samples, "en");
    println!("layout at width {WIDTH}, documents of {:.1} MB", TARGET_BYTES as f64 / 1e6);
    for d in [&ar, &en] {
        let mb = d.text.len() as f64 / 1e6;
        let base = best_of(3, || {
            black_box(grapheme_widths(&d.text));
        });
        println!(
            "\n{} ({} paragraphs): baseline grapheme+width pass {:.1} MB/s",
            d.lang,
            d.paragraphs.len(),
            mb / base.as_secs_f64()
        );
        for (name, bidi, shape) in [
            ("app, shaped (default)", BidiMode::App, true),
            ("app, unshaped", BidiMode::App, false),
            ("terminal (logical order)", BidiMode::Terminal, false),
        ] {
            let opts = LayoutOptions { width: WIDTH, bidi, shape };
            let mut lines = 0;
            let t = best_of(3, || {
                lines = black_box(layout(&d.text, &d.paragraphs, &opts)).len();
            });
            println!(
                "  {name:<26} {:>6.1} MB/s  {:>7} lines  {:.1}x the baseline's time",
                mb / t.as_secs_f64(),
                lines,
                t.as_secs_f64() / base.as_secs_f64()
            );
        }
    }
    reader(ar);
}

/// The bundled articles of `lang`, their paragraphs repeated until the text reaches the
/// target size.
fn big_document(samples: &[Document], lang: &str) -> Document {
    let paras: Vec<&str> = samples
        .iter()
        .filter(|d| d.lang == lang)
        .flat_map(|d| d.paragraphs.iter().map(|p| &d.text[p.clone()]))
        .collect();
    assert!(!paras.is_empty(), "the bundled archive has {lang} text");
    let mut text = String::with_capacity(TARGET_BYTES + 4096);
    for p in paras.iter().cycle() {
        if text.len() >= TARGET_BYTES {
            break;
        }
        text.push_str(p);
        text.push_str("\n\n");
    }
    Document {
        id: 0,
        path: format!("bench/{lang}.txt"),
        title: format!("large {lang} document"),
        byline: None,
        date: None,
        lang: lang.into(),
        url: None,
        bytes: text.len() as u64,
        paragraphs: paragraph_ranges(&text),
        boilerplate: None,
        problems: Vec::new(),
        text,
    }
}

/// The baseline: every grapheme cluster and its width, summed.
fn grapheme_widths(text: &str) -> usize {
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// The fastest of `n` runs of `f`.
fn best_of(n: usize, mut f: impl FnMut()) -> Duration {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The reader on one large Arabic article: what a user waits for.
fn reader(doc: Document) {
    let mb = doc.text.len() as f64 / 1e6;
    let full = best_of(1, || {
        black_box(layout(&doc.text, &doc.paragraphs, &LayoutOptions::new(WIDTH)));
    });
    let corpus = Corpus { documents: vec![doc.clone()], problems: Vec::new(), skipped: 0 };
    // Extraction and indexing run as when the reader opens a folder; only layout steps are timed.
    let store = Store::build(corpus, &Extractor::new());
    let opts = Options { bidi: BidiMode::App, shape: true, osc52: true };
    let mut app = App::new(store, opts, (140, 40));
    println!("\nreader, 140x40 terminal, {mb:.1} MB Arabic article (whole layout: {full:.2?})");
    let t = Instant::now();
    app.open_doc(0);
    let open = t.elapsed();
    println!(
        "  open + first screen    {open:>10.2?}  ({:.4} of the whole layout)",
        ratio(open, full)
    );
    update(&mut app, Action::FocusNext);
    let mut steps: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            update(&mut app, Action::PageDown);
            t.elapsed()
        })
        .collect();
    steps.sort();
    let p50 = steps[steps.len() / 2];
    let p99 = steps[steps.len() * 99 / 100];
    println!("  page down, 200 times   median {p50:.2?}, p99 {p99:.2?}");
    let t = Instant::now();
    update(&mut app, Action::Bottom);
    let end = t.elapsed();
    println!(
        "  jump to the end        {end:>10.2?}  ({:.2} of the whole layout)",
        ratio(end, full)
    );
    update(&mut app, Action::Resize(100, 40));
    let t = Instant::now();
    update(&mut app, Action::Resize(140, 40));
    println!("  resize back (cached)   {:>10.2?}", t.elapsed());

    // The same article opened again, left alone: idle ticks lay out the rest, each within its
    // budget, and the end is then one step away.
    let corpus = Corpus { documents: vec![doc], problems: Vec::new(), skipped: 0 };
    let mut app = App::new(Store::build(corpus, &Extractor::new()), opts, (140, 40));
    app.open_doc(0);
    update(&mut app, Action::FocusNext);
    let mut ticks: Vec<Duration> = Vec::new();
    while app.layout_pending() {
        let t = Instant::now();
        update(&mut app, Action::Idle);
        ticks.push(t.elapsed());
    }
    let worst = ticks.iter().max().copied().unwrap_or_default();
    println!("  idle layout to the end {} ticks, longest {worst:.2?}", ticks.len());
    let t = Instant::now();
    update(&mut app, Action::Bottom);
    println!("  then jump to the end   {:>10.2?}", t.elapsed());
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}
