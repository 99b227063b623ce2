//! Fingerprints of the code and data the on-disk cache depends on, so a build that changes what
//! extraction or the search index would produce makes old caches rebuild by themselves (no
//! hand-bumped version to forget). FNV-1a over file names and contents: no build dependency.

use std::path::Path;

/// What decides a document's text, metadata and annotations.
const CONTENT: &[&str] =
    &["src/corpus", "src/extract", "src/text", "src/lang", "assets", "Cargo.lock"];
/// Not part of it: display only.
const CONTENT_SKIP: &[&str] = &["src/text/layout", "assets/README.md"];
/// What decides the search index.
const INDEX: &[&str] = &["src/store/search/analyzer.rs", "src/store/search/index.rs", "Cargo.lock"];

fn main() {
    let content = fingerprint(CONTENT, CONTENT_SKIP);
    let index = fingerprint(INDEX, &[]);
    println!("cargo:rustc-env=QARI_CONTENT_FINGERPRINT={content:016x}");
    println!("cargo:rustc-env=QARI_INDEX_FINGERPRINT={:016x}", index ^ content);
    for p in CONTENT.iter().chain(INDEX) {
        println!("cargo:rerun-if-changed={p}");
    }
}

fn fingerprint(roots: &[&str], skip: &[&str]) -> u64 {
    let mut files = Vec::new();
    for r in roots {
        collect(Path::new(r), skip, &mut files);
    }
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for f in files {
        eat(f.to_string_lossy().as_bytes());
        eat(&std::fs::read(&f).unwrap_or_default());
    }
    h
}

fn collect(p: &Path, skip: &[&str], out: &mut Vec<std::path::PathBuf>) {
    if skip.iter().any(|s| p == Path::new(s)) {
        return;
    }
    if p.is_dir() {
        if let Ok(rd) = std::fs::read_dir(p) {
            for e in rd.flatten() {
                collect(&e.path(), skip, out);
            }
        }
    } else if p.is_file() {
        out.push(p.to_path_buf());
    }
}
