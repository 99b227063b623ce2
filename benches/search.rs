//! Search benchmark: a generated mixed English/Arabic archive (benches/support/gen_archive.rs) of
//! 10,000 and 100,000 articles is written to a temp dir as .txt files and indexed; reported:
//! indexing throughput (MB/s), query latency (median and 99th percentile over a few hundred
//! queries, top 10 with hits and snippets), and `rg` scanning the same files for the same words
//! in the same run, with the ratio. Sizes: `QARI_BENCH_SCALE=1000,10000` (default
//! `10000,100000`). Run: `cargo bench --bench search`.

#[path = "support/gen_archive.rs"]
mod gen_archive;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use gen_archive::{Generator, Rng};
use qari::corpus::Document;
use qari::store::Store;

/// Queries timed per archive size.
const QUERIES: usize = 300;
/// Queries also run through `rg` (each scans every file, so fewer).
const RG_QUERIES: usize = 12;
/// Results per query (a results page).
const LIMIT: usize = 10;

fn main() {
    let sizes: Vec<usize> = std::env::var("QARI_BENCH_SCALE")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .filter(|&n| n > 0)
        .collect();
    let rg = Command::new("rg").arg("--version").output().is_ok_and(|o| o.status.success());
    if !rg {
        println!("rg is not installed: the scanning baseline is skipped");
    }
    let generator = Generator::new();
    for n in sizes {
        run(&generator, n, rg);
    }
}

fn run(generator: &Generator, n: usize, rg: bool) {
    const SEED: u64 = 20_180_604;
    let t = Instant::now();
    let docs: Vec<Document> = (0..n).map(|i| generator.document(SEED, i)).collect();
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    let dir = std::env::temp_dir().join(format!("qari-bench-search-{}-{n}", std::process::id()));
    if let Err(e) = write_files(&dir, &docs) {
        println!("cannot write the archive to {}: {e}", dir.display());
        return;
    }
    println!(
        "\n== {n} articles, {mb:.1} MB ({} ar), generated and written in {:.1} s to {}",
        docs.iter().filter(|d| d.lang == "ar").count(),
        t.elapsed().as_secs_f64(),
        dir.display()
    );

    let t = Instant::now();
    let index = Store::from_parts(docs.clone(), Vec::new(), Vec::new(), 0, true);
    let build = t.elapsed().as_secs_f64();
    println!("indexing: {build:.2} s = {:.1} MB/s, {:.0} articles/s", mb / build, n as f64 / build);

    let queries = make_queries(generator, &docs);
    // Warm up once (page faults, lazy tables).
    for q in queries.iter().take(20) {
        let _ = index.search(q, LIMIT);
    }
    let mut lat = Vec::with_capacity(queries.len());
    let mut found = 0usize;
    let mut errors = 0usize;
    for q in &queries {
        let t = Instant::now();
        match index.search(q, LIMIT) {
            Ok(h) => found += usize::from(!h.is_empty()),
            Err(_) => errors += 1,
        }
        lat.push(t.elapsed());
    }
    lat.sort();
    let median = lat[lat.len() / 2];
    let p99 = lat[(lat.len() * 99 / 100).min(lat.len() - 1)];
    println!(
        "queries: {} (top {LIMIT} with hits and snippets; {found} with results, {errors} errors): median {:.3} ms, p99 {:.3} ms, max {:.3} ms (aim p99 < 10 ms)",
        lat.len(),
        ms(median),
        ms(p99),
        ms(lat[lat.len() - 1])
    );

    if rg {
        let words: Vec<&str> = queries
            .iter()
            .filter_map(|q| q.split_whitespace().next())
            .filter(|w| !w.contains(':') && !w.starts_with('"'))
            .take(RG_QUERIES)
            .collect();
        // Warm the page cache so rg reads from memory, as the index does.
        let _ = rg_files(&dir, words[0]);
        let mut rg_lat: Vec<Duration> = Vec::new();
        for w in &words {
            let t = Instant::now();
            let _files = rg_files(&dir, w);
            rg_lat.push(t.elapsed());
        }
        rg_lat.sort();
        let rg_median = rg_lat[rg_lat.len() / 2];
        println!(
            "rg -l -F over the same files, {} words: median {:.1} ms => search is {:.0}x faster at the median, {:.0}x at its p99 (aim >= 100x)",
            rg_lat.len(),
            ms(rg_median),
            ms(rg_median) / ms(median).max(1e-6),
            ms(rg_median) / ms(p99).max(1e-6)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Files that contain `word`, by `rg` (the number of them).
fn rg_files(dir: &Path, word: &str) -> usize {
    Command::new("rg")
        .args(["-l", "-F", "--no-config", "--", word])
        .arg(dir)
        .output()
        .map_or(0, |o| o.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count())
}

fn write_files(dir: &Path, docs: &[Document]) -> std::io::Result<()> {
    for d in docs {
        let p = dir.join(&d.path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(p, &d.text)?;
    }
    Ok(())
}

/// A fixed mix: common and rare single words, two-word conjunctions, phrases taken from
/// articles, and words with a language or date filter, in both languages.
fn make_queries(g: &Generator, docs: &[Document]) -> Vec<String> {
    let mut rng = Rng::new(7);
    (0..QUERIES)
        .map(|i| {
            let lang = if i % 5 < 3 { "en" } else { "ar" };
            match rng.below(10) {
                0..=3 => g.common_word(&mut rng, lang),
                4 | 5 => g.rare_word(&mut rng, lang),
                6 | 7 => {
                    format!("{} {}", g.common_word(&mut rng, lang), g.rare_word(&mut rng, lang))
                }
                8 => {
                    let d = &docs[rng.below(docs.len())];
                    let words: Vec<&str> = d.text.split_whitespace().collect();
                    let at = rng.below(words.len().saturating_sub(2).max(1));
                    let phrase: Vec<String> = words[at..(at + 2).min(words.len())]
                        .iter()
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                        .collect();
                    format!("\"{}\"", phrase.join(" "))
                }
                _ => format!("{} lang:{lang} after:2018", g.common_word(&mut rng, lang)),
            }
        })
        .collect()
}
