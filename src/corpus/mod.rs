//! Turning paths into [`Document`]s: walking folders, reading the formats (txt, md, html,
//! json, jsonl), metadata (title, byline, date, language) and boilerplate detection.
//! Never extracts entities or searches; never writes a byte into the archive.

use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// One article, cleaned and made safe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Position in the archive (0-based, stable for one load).
    pub id: usize,
    /// Path as shown to the user (`assets/corpus/<file>` for the bundled archive).
    pub path: String,
    /// Title from metadata or heuristics; never empty.
    pub title: String,
    /// Author line, when one was found.
    pub byline: Option<String>,
    /// Publication date, when the file states one.
    pub date: Option<NaiveDate>,
    /// Language code (`en`, `ar`, …; `und` when unknown).
    pub lang: String,
    /// Source URL, when the file gives one.
    pub url: Option<String>,
    /// The sanitised body; every offset in qari is a byte range into it. For `.txt` files it is
    /// the file's content (after sanitising).
    pub text: String,
    /// Byte ranges of the paragraphs in `text`, in order, without their line breaks.
    pub paragraphs: Vec<Range<usize>>,
    /// Trailing page furniture ("Related news", "LEAVE A REPLY", …): a byte range of `text`
    /// that the reader folds and the extractor skips. Nothing is removed from `text`.
    pub boilerplate: Option<Range<usize>>,
    /// Size of the source file in bytes.
    pub bytes: u64,
    /// Warnings about this document (lossy UTF-8, removed control sequences…).
    pub problems: Vec<String>,
}

/// A file that could not be read as an article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file's path as given or found.
    pub path: PathBuf,
    /// What went wrong, in a few words ("invalid JSON on line 3: …", "empty file").
    pub reason: String,
}

/// What loading some paths produced.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The readable documents, ids in order.
    pub documents: Vec<Document>,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
    /// Files skipped because their format is not one qari reads.
    pub skipped: usize,
}

/// Loads every article under `paths` (files, or folders walked recursively).
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    // Placeholder until the corpus layer lands: plain text files only.
    let mut corpus = Corpus::default();
    for p in paths {
        load_file(p, &mut corpus);
    }
    corpus
}

/// The bundled sample archive (embedded in the binary).
pub fn load_bundled() -> Corpus {
    let mut corpus = Corpus::default();
    for (name, raw) in BUNDLED {
        let path = format!("assets/corpus/{name}");
        push_text(&mut corpus, path, raw.as_bytes());
    }
    corpus
}

/// The five sample articles, byte for byte.
pub const BUNDLED: [(&str, &str); 5] = [
    ("000_4fd235359b016927.txt", include_str!("../../assets/corpus/000_4fd235359b016927.txt")),
    ("001_e942b849441d52f8.txt", include_str!("../../assets/corpus/001_e942b849441d52f8.txt")),
    ("002_4ae378a44a439c96.txt", include_str!("../../assets/corpus/002_4ae378a44a439c96.txt")),
    ("003_288705e4061bd20d.txt", include_str!("../../assets/corpus/003_288705e4061bd20d.txt")),
    ("004_6de84ff522efcbb7.txt", include_str!("../../assets/corpus/004_6de84ff522efcbb7.txt")),
];

fn load_file(p: &Path, corpus: &mut Corpus) {
    match std::fs::read(p) {
        Ok(bytes) => push_text(corpus, p.display().to_string(), &bytes),
        Err(e) => corpus.problems.push(Problem { path: p.to_path_buf(), reason: e.to_string() }),
    }
}

fn push_text(corpus: &mut Corpus, path: String, bytes: &[u8]) {
    let raw = String::from_utf8_lossy(bytes);
    let text = crate::text::sanitize::sanitize(&raw).text;
    let mut paragraphs = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            paragraphs.push(pos..pos + line.len());
        }
        pos += line.len() + 1;
    }
    let title =
        text.lines().find(|l| !l.trim().is_empty()).unwrap_or("(untitled)").trim().to_string();
    corpus.documents.push(Document {
        id: corpus.documents.len(),
        path,
        title,
        byline: None,
        date: None,
        lang: crate::text::script::guess_lang(&text).to_string(),
        url: None,
        text,
        paragraphs,
        boilerplate: None,
        bytes: bytes.len() as u64,
        problems: Vec::new(),
    });
}
