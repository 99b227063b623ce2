//! What a user runs, as whole processes, against what they would otherwise run, in one go at
//! 10,000 and 100,000 articles (`QARI_BENCH_SCALE=1000,10000` to choose): a generated archive
//! of news files (paragraphs of the bundled articles with a growing tail of rare words, 60 %
//! English, 40 % Arabic; benches/support/gen_archive.rs) is written to a temp folder, then:
//!
//! - the full build every command did before the cache (`qari search --no-cache`), and a cold
//!   `qari index` (building the cache), with their peak memory;
//! - warm `qari search --json QUERY DIR` against `rg -l -i QUERY DIR`, median over queries;
//! - the reader's first usable screen (the list and the open document drawn), warm and cold,
//!   timed in tmux from the start of the session, with its peak memory;
//! - a refresh after rewriting 100 files (`qari index`);
//! - query latency inside an open archive (the reader's searches: exact queries, and queries
//!   as typed with the last word a prefix), median and 99th percentile over 300 queries.
//!
//! Ratios are against baselines measured in the same run. Run: `cargo bench --bench cache`
//! (needs rg and tmux; what is missing is skipped and said).

#[path = "support/gen_archive.rs"]
mod gen_archive;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gen_archive::{Generator, Rng};
use qari::store::archive::{Archive, OpenOptions};

const QARI: &str = env!("CARGO_BIN_EXE_qari");
/// Queries timed per size (each one process of qari and one of rg).
const QUERIES: usize = 15;
/// Files rewritten before the refresh.
const CHANGED: usize = 100;

fn main() {
    let sizes: Vec<usize> = std::env::var("QARI_BENCH_SCALE")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .filter(|&n| n > 0)
        .collect();
    let have = |tool: &str| Command::new(tool).arg("-V").output().is_ok_and(|o| o.status.success());
    let (rg, tmux) = (have("rg"), have("tmux"));
    if !rg {
        println!("rg is not installed: the search baseline is skipped (apt install ripgrep)");
    }
    if !tmux {
        println!("tmux is not installed: the reader's timings are skipped");
    }
    let g = Generator::new();
    // One cache home for the whole run, set before any thread starts (the in-process latency
    // runs open the caches the commands built).
    let home = std::env::temp_dir().join(format!("qari-bench-home-{}", std::process::id()));
    // SAFETY: no other thread exists yet, so nothing reads the environment concurrently.
    unsafe { std::env::set_var("XDG_CACHE_HOME", &home) };
    // The reader keeps state and reads config: the run's own, never the user's.
    unsafe { std::env::set_var("XDG_DATA_HOME", home.join("data")) };
    unsafe { std::env::set_var("XDG_CONFIG_HOME", home.join("config")) };
    for n in sizes {
        run(&g, n, &home, rg, tmux);
    }
    let _ = std::fs::remove_dir_all(&home);
}

/// A finished process: wall time and peak resident memory (bytes).
struct Ran {
    wall: Duration,
    peak: u64,
    stdout: String,
}

/// Runs `cmd` to its end, timing it and reading its peak memory from `wait4`.
#[allow(clippy::zombie_processes)] // reaped by wait4 below, which std does not know of
fn measure(cmd: &mut Command) -> Ran {
    let t = Instant::now();
    let child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("spawn");
    let pid = child.id() as libc::pid_t;
    let mut out = child.stdout.expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut out, &mut s);
        s
    });
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not yet waited for; the pointers are to live locals.
    unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = t.elapsed();
    Ran { wall, peak: usage.ru_maxrss as u64 * 1024, stdout: reader.join().unwrap_or_default() }
}

fn qari(home: &Path) -> Command {
    let mut c = Command::new(QARI);
    c.env("XDG_CACHE_HOME", home);
    c
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn run(g: &Generator, n: usize, home: &Path, rg: bool, tmux: bool) {
    const SEED: u64 = 20_180_604;
    let root = std::env::temp_dir().join(format!("qari-bench-cache-{}-{n}", std::process::id()));
    let dir = root.join("archive");
    let home = home.to_path_buf();
    let t = Instant::now();
    let mut bytes = 0u64;
    for i in 0..n {
        let (path, text) = g.news_file(SEED, i);
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, &text).expect("write");
        bytes += text.len() as u64;
    }
    let mb = bytes as f64 / 1e6;
    println!("\n== {n} articles, {mb:.1} MB, written in {:.1} s", t.elapsed().as_secs_f64());
    // Files written within 2 s of a check are checked again next time (a write in the same
    // clock tick would not move their mtime): let them settle, as a real archive's have.
    std::thread::sleep(Duration::from_millis(2500));
    let ratio = |peak: u64| peak as f64 / bytes as f64;

    // The full build every run paid before the cache, then the cold build of the cache.
    let full = measure(qari(&home).args(["search", "--no-cache", "--json", "sanctions"]).arg(&dir));
    let cold = measure(qari(&home).arg("index").arg(&dir));
    println!(
        "full in-memory build (search --no-cache): {:.1} s, peak {:.0} MB ({:.2} x corpus)",
        full.wall.as_secs_f64(),
        full.peak as f64 / 1e6,
        ratio(full.peak)
    );
    println!(
        "cold `qari index`: {:.1} s ({:.2}x faster than the full build), peak {:.0} MB ({:.2} x corpus)",
        cold.wall.as_secs_f64(),
        full.wall.as_secs_f64() / cold.wall.as_secs_f64(),
        cold.peak as f64 / 1e6,
        ratio(cold.peak)
    );

    // Warm searches against rg, the same words.
    let mut rng = Rng::new(7);
    let words: Vec<String> =
        (0..QUERIES)
            .map(|i| {
                if i % 5 < 3 {
                    g.common_word(&mut rng, "en")
                } else {
                    g.common_word(&mut rng, "ar")
                }
            })
            .collect();
    let _ = measure(qari(&home).args(["search", "--json", &words[0]]).arg(&dir)); // page cache
    let mut ours = Vec::new();
    let mut peaks = Vec::new();
    for w in &words {
        let r = measure(qari(&home).args(["search", "--json", w]).arg(&dir));
        ours.push(r.wall);
        peaks.push(r.peak);
    }
    let q = median(ours);
    let peak = peaks.iter().copied().max().unwrap_or(0);
    print!(
        "warm `qari search --json`: median {:.1} ms over {QUERIES} queries, peak {:.0} MB ({:.3} x corpus)",
        ms(q),
        peak as f64 / 1e6,
        ratio(peak)
    );
    if rg {
        let _ = measure(Command::new("rg").args(["-l", "-i", "--no-config", &words[0]]).arg(&dir));
        let theirs: Vec<Duration> = words
            .iter()
            .map(|w| {
                measure(Command::new("rg").args(["-l", "-i", "--no-config", w]).arg(&dir)).wall
            })
            .collect();
        let r = median(theirs);
        println!(
            "; `rg -l -i`: median {:.1} ms => {:.1}x faster than rg",
            ms(r),
            ms(r) / ms(q).max(1e-3)
        );
    } else {
        println!();
    }

    if tmux {
        let warm = reader_first_screen(&home, &dir, n);
        let _ = measure(qari(&home).args(["cache", "--clear"]).arg(&dir));
        let cold = reader_first_screen(&home, &dir, n);
        if let (Some(w), Some(c)) = (warm, cold) {
            println!(
                "reader first usable screen (tmux): warm {:.0} ms, cold {:.1} s; peak while open (warm) {:.0} MB ({:.2} x corpus)",
                ms(w.0),
                c.0.as_secs_f64(),
                w.1 as f64 / 1e6,
                ratio(w.1)
            );
        }
    }

    latency(g, &dir);

    // Refresh after rewriting some files in place.
    let mut rng = Rng::new(11);
    for _ in 0..CHANGED.min(n) {
        let i = rng.below(n);
        let (path, text) = g.news_file(SEED, i);
        std::fs::write(dir.join(path), format!("{text}\nUpdated: officials in Hanoi said more.\n"))
            .expect("rewrite");
    }
    std::thread::sleep(Duration::from_millis(2500));
    let r = measure(qari(&home).arg("index").arg(&dir));
    println!(
        "refresh after rewriting {CHANGED} files (`qari index`): {:.2} s — {}",
        r.wall.as_secs_f64(),
        r.stdout.trim()
    );
    let _ = std::fs::remove_dir_all(&root);
}

/// Starts the reader on `dir` in a private tmux server and waits for its first usable screen
/// (the list of all `n` documents and the first one open); returns the time from the start
/// and the reader's peak memory a moment later (after its background check of the files).
fn reader_first_screen(home: &Path, dir: &Path, n: usize) -> Option<(Duration, u64)> {
    let socket = format!("qari-bench-{}", std::process::id());
    let tmux = |args: &[&str]| Command::new("tmux").arg("-L").arg(&socket).args(args).output();
    let want = format!("Documents {n}/{n}");
    let t = Instant::now();
    tmux(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-x",
        "160",
        "-y",
        "45",
        "-e",
        &format!("XDG_CACHE_HOME={}", home.display()),
        QARI,
        &dir.display().to_string(),
    ])
    .ok()?;
    let deadline = t + Duration::from_secs(900);
    let mut shown = None;
    while Instant::now() < deadline {
        let screen = tmux(&["capture-pane", "-p"]).ok()?;
        let s = String::from_utf8_lossy(&screen.stdout);
        if s.contains(&want) && s.contains("doc 1/") {
            shown = Some(t.elapsed());
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_secs(2));
    let pid = tmux(&["display-message", "-p", "#{pane_pid}"]).ok()?;
    let pid = String::from_utf8_lossy(&pid.stdout).trim().to_string();
    let peak = std::fs::read_to_string(PathBuf::from(format!("/proc/{pid}/status")))
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_string();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb * 1024);
    let _ = tmux(&["kill-server"]);
    Some((shown?, peak))
}

/// Query latency inside the open archive, as the reader searches: 300 queries (common and
/// rare words of both languages, two-word queries, phrases, filters), exact and as typed.
fn latency(g: &Generator, dir: &Path) {
    let opts = OpenOptions { cache: true, index: true };
    let (Some(archive), _) = Archive::open_cached(&[dir.to_path_buf()], opts) else {
        println!("latency: the cache could not be opened");
        return;
    };
    let store = &archive.store;
    let mut rng = Rng::new(3);
    let queries: Vec<String> = (0..300)
        .map(|i| {
            let lang = if i % 5 < 3 { "en" } else { "ar" };
            let w = g.common_word(&mut rng, lang);
            match i % 6 {
                0 | 1 => w,
                2 => format!("{w} {}", g.common_word(&mut rng, lang)),
                3 => format!("\"{w} {}\"", g.common_word(&mut rng, lang)),
                4 => format!("{w} lang:{lang} after:2018"),
                _ => format!("{w} OR {}", g.common_word(&mut rng, lang)),
            }
        })
        .collect();
    // As typed: each query cut in its last word, which then matches as a prefix.
    let typed: Vec<String> = queries
        .iter()
        .filter_map(|q| {
            let q = q.trim_end_matches('"');
            let cut: String = q.chars().take(q.chars().count().saturating_sub(2)).collect();
            (cut.chars().rev().take_while(|c| !c.is_whitespace()).count() >= 3).then_some(cut)
        })
        .collect();
    let time = |qs: &[String], f: &dyn Fn(&str)| {
        for q in qs.iter().take(20) {
            f(q); // page in what the queries touch
        }
        let mut lat: Vec<Duration> = qs
            .iter()
            .map(|q| {
                let t = Instant::now();
                f(q);
                t.elapsed()
            })
            .collect();
        lat.sort();
        (lat[lat.len() / 2], lat[(lat.len() * 99 / 100).min(lat.len() - 1)])
    };
    let (m, p99) = time(&queries, &|q| {
        let _ = store.search(q, 10);
    });
    let (tm, tp99) = time(&typed, &|q| {
        let _ = qari::store::search::search_as_typed(store.as_ref(), q, 10);
    });
    println!(
        "query latency in the open archive (top 10 with hits and snippets): exact median {:.2} ms, p99 {:.2} ms over {}; as typed (prefix) median {:.2} ms, p99 {:.2} ms over {}",
        ms(m),
        ms(p99),
        queries.len(),
        ms(tm),
        ms(tp99),
        typed.len()
    );
}
