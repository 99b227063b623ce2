//! The fuzz targets of `qari::fuzz` on stable Rust. Always: every seed and every saved crash
//! (`fuzz/seeds/<target>/`, `fuzz/regressions/<target>/`) runs once, so a crash the fuzzer
//! found stays fixed. On request (`cargo test --test fuzz -- --ignored`, as CI does): a
//! bounded mutation loop over the seeds, `QARI_FUZZ_SECONDS` in all (default 60), shared
//! by the targets; inputs that panic are saved under `target/fuzz-findings/<target>/` and
//! fail the test. cargo-fuzz runs the same bodies with coverage guidance (README, "Fuzzing").

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use qari::fuzz::{TARGETS, run};

/// Largest input the loop builds, in bytes (repetition makes inputs grow quickly).
const MAX_INPUT: usize = 64 * 1024;

fn dir(kind: &str, target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join(kind).join(target)
}

/// The files of `fuzz/<kind>/<target>/`, sorted.
fn inputs(kind: &str, target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let Ok(rd) = std::fs::read_dir(dir(kind, target)) else { return Vec::new() };
    let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    files.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b))).collect()
}

#[test]
fn every_seed_and_saved_crash_passes() {
    let mut ran = 0;
    for t in TARGETS {
        let seeds = inputs("seeds", t);
        assert!(!seeds.is_empty(), "fuzz/seeds/{t}/ has seeds");
        for (path, data) in seeds.iter().chain(&inputs("regressions", t)) {
            let ok = std::panic::catch_unwind(|| run(t, data));
            assert!(matches!(ok, Ok(true)), "{t} failed on {}", path.display());
            ran += 1;
        }
    }
    assert!(ran >= 30, "{ran} inputs");
}

/// Pieces worth inserting: the syntax each loader reads, escapes, and words the extractors
/// react to (names, cues, lineage links, acronyms, dates).
const TOKENS: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<b id=1>",
    "<svg>",
    "</svg>",
    "<math>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<title>",
    "<table><tr><td>",
    "<br/>",
    "<article>",
    "&amp;",
    "&#x",
    "<li>",
    "<head>",
    "<plaintext>",
    "{\"text\":\"",
    "\"}",
    "[",
    "]",
    "{",
    "}",
    "\\u202e",
    "\\u",
    "\n",
    "\n\n",
    "> ",
    "- ",
    "```",
    "# ",
    "* ",
    "[a](b)",
    "\x1b[",
    "\x1b]0;",
    "\x07",
    "\x1b\\",
    "\u{9b}",
    "\u{9d}",
    "\u{202e}",
    "\u{2067}",
    "\u{200f}",
    "\r\n",
    "\t",
    "\u{feff}",
    "بن ",
    "آل ",
    "وزير الخارجية ",
    "«",
    "»",
    "حركة ",
    "قال ",
    "الأربعاء ",
    "أمس ",
    "٢٠١٩ ",
    "Kim ",
    "Jong Un ",
    "Smith ",
    "John ",
    "Foreign Minister ",
    " (",
    ")",
    "NATO",
    "United Nations ",
    "said ",
    "the North ",
    "4 June 2018 ",
    "last Wednesday ",
    "19.01.2020 ",
    "May ",
    "al-",
    "bin ",
    "Related news\n",
    "LEAVE A REPLY\n",
    "By ",
    "date 2018-06-04 ",
    "ﻻ",
    "\u{651}",
    "x\u{301}",
    "漢字",
    "👍🏽",
];

/// xorshift64*: a small, seedable generator (no dependency; reproducible runs).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One to four random edits of `data`: bit flips, interesting bytes, inserted tokens,
/// deletions, repeated chunks (the shape that finds quadratic passes) and splices of `other`.
fn mutate(rng: &mut Rng, data: &mut Vec<u8>, other: &[u8]) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(8) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = *[0u8, 0x1b, b'<', b'>', b'"', b'\n', 0xff, 0x80, 0xd8, b'/', b'\\']
                    .get(rng.below(11))
                    .unwrap_or(&0);
            }
            2 | 3 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, t.iter().copied());
            }
            4 if !data.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                data.drain(at.min(end)..end);
            }
            5 if !data.is_empty() => {
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(256)).min(data.len());
                let chunk = data[start..end].to_vec();
                let most = if rng.below(8) == 0 { 2000 } else { 16 };
                let times = 1 + rng.below(most);
                for _ in 0..times {
                    if data.len() + chunk.len() > MAX_INPUT {
                        break;
                    }
                    data.splice(end..end, chunk.iter().copied());
                }
            }
            6 if !other.is_empty() => {
                let start = rng.below(other.len());
                let end = (start + 1 + rng.below(512)).min(other.len());
                data.splice(at..at, other[start..end].iter().copied());
            }
            _ => data.truncate(at),
        }
    }
    data.truncate(MAX_INPUT);
}

#[test]
#[ignore = "a minute of fuzzing: `cargo test --test fuzz -- --ignored` (CI runs it)"]
fn fuzz_the_targets_for_a_while() {
    let total: u64 =
        std::env::var("QARI_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let per_target = Duration::from_secs_f64(total as f64 / TARGETS.len() as f64);
    let seed: u64 =
        std::env::var("QARI_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    println!(
        "fuzz seed {seed} (QARI_FUZZ_SEED to repeat), {total} s over {} targets",
        TARGETS.len()
    );
    let findings = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
    let mut failed = Vec::new();
    for (k, t) in TARGETS.iter().enumerate() {
        let mut rng = Rng(seed ^ (k as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let mut pool: Vec<Vec<u8>> = inputs("seeds", t).into_iter().map(|(_, b)| b).collect();
        let start = Instant::now();
        let (mut execs, mut slowest) = (0u64, (Duration::ZERO, 0usize));
        while start.elapsed() < per_target {
            let mut data = pool[rng.below(pool.len())].clone();
            let other = pool[rng.below(pool.len())].clone();
            mutate(&mut rng, &mut data, &other);
            let t0 = Instant::now();
            let ok = std::panic::catch_unwind(|| run(t, &data));
            let took = t0.elapsed();
            execs += 1;
            if took > slowest.0 {
                slowest = (took, data.len());
            }
            if ok.is_err() {
                let name = format!("crash-{:016x}", fxhash(&data));
                let d = findings.join(t);
                let _ = std::fs::create_dir_all(&d);
                let _ = std::fs::write(d.join(&name), &data);
                failed.push(format!("{t}: target/fuzz-findings/{t}/{name}"));
            } else if pool.len() < 512 && rng.below(16) == 0 {
                // Keep some mutants: later rounds build on them.
                pool.push(data);
            }
        }
        println!(
            "{t:11} {execs:>7} execs, slowest {:.0} ms on {} bytes",
            slowest.0.as_secs_f64() * 1e3,
            slowest.1
        );
    }
    assert!(
        failed.is_empty(),
        "inputs that panicked (copy them into fuzz/regressions/):\n{}",
        failed.join("\n")
    );
}

/// FNV-1a, to name a finding by its bytes.
fn fxhash(data: &[u8]) -> u64 {
    data.iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}
