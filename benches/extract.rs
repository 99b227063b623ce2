//! Extraction throughput (entities + dates, and entities alone) in words per second on one core, over a few MB
//! built from the bundled samples, against a baseline in the same run: a plain word count
//! over the same text. Run: `cargo bench --bench extract`.

use std::hint::black_box;
use std::time::Instant;

use qari::corpus::load_bundled;
use qari::extract::Extractor;

fn main() {
    let corpus = load_bundled();
    let docs = corpus.documents;
    let words_per_pass: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let bytes_per_pass: usize = docs.iter().map(|d| d.text.len()).sum();
    let passes = (3_000_000 / bytes_per_pass.max(1)).max(1);
    let words = words_per_pass * passes;

    let t0 = Instant::now();
    let x = Extractor::new();
    let load = t0.elapsed();

    // Baseline: counting words over the same text.
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..passes {
        for d in &docs {
            n += black_box(d.text.split_whitespace().count());
        }
    }
    let base = t.elapsed().as_secs_f64();
    black_box(n);

    let t = Instant::now();
    let mut m = 0usize;
    for _ in 0..passes {
        for d in &docs {
            m += black_box(x.extract(d)).mentions.len();
        }
    }
    let ext = t.elapsed().as_secs_f64();
    black_box(m);

    // Entities alone (the dates are extract::dates' share of the time above).
    let t = Instant::now();
    let mut e = 0usize;
    for _ in 0..passes {
        for d in &docs {
            e += black_box(x.mentions(&d.text)).len();
        }
    }
    let ent = t.elapsed().as_secs_f64();
    black_box(e);

    let mb = (bytes_per_pass * passes) as f64 / 1e6;
    println!("text: {mb:.1} MB, {words} words ({passes} passes over the samples)");
    println!("gazetteer load + automaton build: {:.1} ms", load.as_secs_f64() * 1e3);
    println!("baseline word count: {:>12.0} words/s", words as f64 / base);
    println!("extraction:          {:>12.0} words/s (aim >= 500000)", words as f64 / ext);
    println!("entities only:       {:>12.0} words/s", words as f64 / ent);
    println!("ratio extraction/baseline time: {:.1}x", ext / base);

    // Language detection, which every document goes through when it is read (it reads the
    // first `qari::lang::SAMPLE_BYTES` of each).
    let t = Instant::now();
    let mut l = 0usize;
    for _ in 0..passes {
        for d in &docs {
            l += black_box(qari::lang::detect(&d.text, None)).len();
        }
    }
    let det = t.elapsed().as_secs_f64();
    black_box(l);
    let n_docs = (docs.len() * passes) as f64;
    println!(
        "language detection:  {:>12.0} documents/s ({:.1} µs each; {:.0}x the word count's time)",
        n_docs / det,
        det / n_docs * 1e6,
        det / base
    );

    // One 5 MB article: the samples repeated inside a single document, so per-document
    // passes (short forms, acronyms, rule look-ups) see thousands of repeated names; a pass
    // quadratic in them shows here as a collapse in words/s against the lines above.
    let mut big = docs[0].clone();
    let mut body = String::new();
    while body.len() < 5_000_000 {
        for d in &docs {
            body.push_str(&d.text);
            body.push_str("\n\n");
        }
    }
    let big_words = body.split_whitespace().count();
    big.text = body;
    let t = Instant::now();
    let found = black_box(x.extract(&big)).mentions.len();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "one 5 MB article:     {:>12.0} words/s ({found} mentions in {secs:.2} s)",
        big_words as f64 / secs
    );

    // Each language alone (the samples are four English articles and one Arabic one).
    for lang in ["en", "ar"] {
        let part: Vec<_> = docs.iter().filter(|d| d.lang == lang).collect();
        let words_once: usize = part.iter().map(|d| d.text.split_whitespace().count()).sum();
        let bytes_once: usize = part.iter().map(|d| d.text.len()).sum();
        let reps = (2_000_000 / bytes_once.max(1)).max(1);
        let t = Instant::now();
        for _ in 0..reps {
            for d in &part {
                black_box(x.extract(d));
            }
        }
        let secs = t.elapsed().as_secs_f64();
        println!("extraction, {lang} only: {:>12.0} words/s", (words_once * reps) as f64 / secs);
    }
}
