//! Turning paths into [`Document`]s: walking folders, reading the formats (txt, md, html,
//! json, jsonl), metadata (title, byline, date, language) and boilerplate detection.
//! Never extracts entities or searches; never writes a byte into the archive.
//!
//! Paths: a file's path as given or found; an article inside a multi-article file gets a
//! suffix: `file.json#N` (N-th element of the array, from 1) or `file.jsonl#N` (line N).
//! A file that cannot be read becomes a [`Problem`]; the rest of the archive still loads.

pub mod boilerplate;
pub mod dates;
pub mod formats;
pub mod meta;
pub mod walk;

use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use formats::Article;

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
    /// that the reader dims and folds. Nothing is removed from `text`.
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

/// Limits that keep one huge or hostile file from taking the reader down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this (bytes) are reported, not read.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: 50 * 1024 * 1024 }
    }
}

/// Loads every article under `paths` (files, or folders walked recursively; hidden entries
/// skipped) with the default [`Limits`]. Unreadable files become [`Problem`]s.
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    load_paths_with(paths, Limits::default())
}

/// [`load_paths`] with explicit limits. Articles of a multi-article file are named
/// `file.json#N` (N: 1-based position in the array) or `file.jsonl#N` (N: line number).
pub fn load_paths_with(paths: &[PathBuf], limits: Limits) -> Corpus {
    load_paths_reporting(paths, limits, &|_, _| {})
}

/// [`load_paths_with`], calling `progress(files read, files found)` as it goes. Files are read
/// and parsed on every core; documents keep walk order.
pub fn load_paths_reporting(
    paths: &[PathBuf],
    limits: Limits,
    progress: &dyn Fn(usize, usize),
) -> Corpus {
    let found = walk::walk(paths);
    let mut corpus =
        Corpus { problems: found.problems, skipped: found.skipped, ..Corpus::default() };
    let total = found.files.len();
    let files = &found.files;
    crate::par::ordered(
        total,
        crate::par::threads(),
        |i| read_file(&files[i].path, limits),
        |i, read| {
            corpus.add(read);
            if (i + 1).is_multiple_of(64) || i + 1 == total {
                progress(i + 1, total);
            }
        },
    );
    corpus
}

/// One file read: its articles (ids from 0), the parts that could not be read, and the BLAKE3
/// hash of its bytes (`None` when they could not be read at all).
#[derive(Debug, Default)]
pub struct FileRead {
    /// The file's articles, ids numbered from 0 within the file.
    pub documents: Vec<Document>,
    /// What could not be read, with the reason.
    pub problems: Vec<Problem>,
    /// BLAKE3 hash of the file's bytes as read.
    pub hash: Option<[u8; 32]>,
}

impl Corpus {
    /// Appends one file's articles (renumbered after the documents already here) and problems.
    pub fn add(&mut self, read: FileRead) {
        for mut d in read.documents {
            d.id = self.documents.len();
            self.documents.push(d);
        }
        self.problems.extend(read.problems);
    }
}

/// Reads one file (by its extension) into articles. Never fails: what cannot be read becomes
/// a [`Problem`] naming the file.
pub fn read_file(path: &Path, limits: Limits) -> FileRead {
    let mut corpus = Corpus::default();
    let hash = load_file(path, limits, &mut corpus);
    FileRead { documents: corpus.documents, problems: corpus.problems, hash }
}

/// Reads `bytes` as the content of a file at `path` in the format of extension `ext`
/// (lower-case, no dot), as [`read_file`] does after reading a file: for tests and fuzzing,
/// which have bytes but no file.
pub fn read_bytes(path: &Path, ext: &str, bytes: &[u8]) -> Corpus {
    let mut corpus = Corpus::default();
    load_bytes(&mut corpus, path, ext, bytes);
    corpus
}

/// The bundled sample archive (embedded in the binary); paths read `assets/corpus/<file>`.
pub fn load_bundled() -> Corpus {
    let mut corpus = Corpus::default();
    for (name, raw) in BUNDLED {
        let path = format!("assets/corpus/{name}");
        load_bytes(&mut corpus, Path::new(&path), "txt", raw.as_bytes());
    }
    corpus
}

/// The sample articles, byte for byte: the five the project was made for (four English, one
/// Arabic) and a Persian Wikinews article (CC BY 2.5; `assets/README.md`).
pub const BUNDLED: [(&str, &str); 6] = [
    ("000_4fd235359b016927.txt", include_str!("../../assets/corpus/000_4fd235359b016927.txt")),
    ("001_e942b849441d52f8.txt", include_str!("../../assets/corpus/001_e942b849441d52f8.txt")),
    ("002_4ae378a44a439c96.txt", include_str!("../../assets/corpus/002_4ae378a44a439c96.txt")),
    ("003_288705e4061bd20d.txt", include_str!("../../assets/corpus/003_288705e4061bd20d.txt")),
    ("004_6de84ff522efcbb7.txt", include_str!("../../assets/corpus/004_6de84ff522efcbb7.txt")),
    ("005_63771173af4ef4d5.txt", include_str!("../../assets/corpus/005_63771173af4ef4d5.txt")),
];

/// Byte ranges of the non-empty lines of `text`, without line breaks (a `\r` before `\n`
/// excluded) and without leading/trailing whitespace.
pub fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        if end > start {
            out.push(start..end);
        }
        pos += line.len() + 1;
    }
    out
}

/// Loads one file into `corpus`; returns the hash of the bytes read, if any.
fn load_file(path: &Path, limits: Limits, corpus: &mut Corpus) -> Option<[u8; 32]> {
    let problem = |reason: String| Problem { path: path.to_path_buf(), reason };
    let bytes = match read_capped(path, limits.max_file_bytes) {
        Ok(b) => b,
        Err(reason) => {
            corpus.problems.push(problem(reason));
            return None;
        }
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    load_bytes(corpus, path, &ext, &bytes);
    Some(*blake3::hash(&bytes).as_bytes())
}

/// Reads at most `cap` bytes of a regular file; a bigger file is refused with its size in
/// the message. Anything else (a FIFO, a device) is refused before a byte is read: it is
/// opened without blocking and checked on the open handle, so a file swapped for a FIFO
/// after the walk cannot hang the load either.
fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO without a writer would block `open` itself; O_NONBLOCK returns at once.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| walk::io_reason(&e))?;
    let meta = file.metadata().map_err(|e| walk::io_reason(&e))?;
    if !meta.is_file() {
        return Err(walk::special_reason(&meta));
    }
    let len = meta.len();
    if len > cap {
        return Err(format!("file too large ({}, the limit is {})", human(len), human(cap)));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // `take` guards against a file that grows while it is read, or one whose stated size is
    // not its length (`/proc` files say 0): its true size is unknown, so none is claimed.
    file.take(cap + 1).read_to_end(&mut bytes).map_err(|e| walk::io_reason(&e))?;
    if bytes.len() as u64 > cap {
        return Err(format!("file too large (more than the limit of {})", human(cap)));
    }
    Ok(bytes)
}

fn human(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB { format!("{:.1} MiB", n as f64 / MIB as f64) } else { format!("{n} bytes") }
}

/// Whether `bytes` look like a binary file: a NUL, or many control bytes, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    head.contains(&0) || controls * 10 > head.len()
}

/// A file's bytes as text: UTF-8 (a leading byte-order mark dropped) or, after a UTF-16
/// byte-order mark, UTF-16 LE/BE; undecodable sequences become U+FFFD with a warning.
/// `Err` when it is not text at all (empty, binary, mostly undecodable).
fn decode(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, Vec<String>), &'static str> {
    let mut warnings = Vec::new();
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    if let Some((rest, unit)) = utf16 {
        let units = rest.chunks(2).map(|p| if let [a, b] = *p { unit([a, b]) } else { 0xFFFD });
        let mut bad = usize::from(rest.len() % 2 == 1);
        let text: String = char::decode_utf16(units)
            .map(|c| {
                c.unwrap_or_else(|_| {
                    bad += 1;
                    '\u{FFFD}'
                })
            })
            .collect();
        if text.chars().all(|c| c.is_ascii_whitespace()) {
            return Err("empty file");
        }
        // NULs after decoding: UTF-32, or binary data behind a stray mark.
        if looks_binary(text.as_bytes()) {
            return Err("binary file, not text (UTF-16 mark, but no UTF-16 text)");
        }
        if bad > 0 {
            warnings.push(format!(
                "invalid UTF-16: {} shown as U+FFFD",
                crate::text::plural(bad, "unit")
            ));
        }
        return Ok((std::borrow::Cow::Owned(text), warnings));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file");
    }
    if looks_binary(bytes) {
        return Err("binary file, not text");
    }
    let content = String::from_utf8_lossy(bytes);
    if let std::borrow::Cow::Owned(_) = content {
        let n = content.matches('\u{FFFD}').count();
        // Mostly undecodable: a binary file without NULs (compressed, an image), not text.
        if n * 3 > content.chars().count() {
            return Err("binary file, not text (mostly invalid UTF-8)");
        }
        warnings.push(format!(
            "invalid UTF-8: {} shown as U+FFFD",
            crate::text::plural(n, "byte sequence")
        ));
    }
    Ok((content, warnings))
}

fn load_bytes(corpus: &mut Corpus, path: &Path, ext: &str, bytes: &[u8]) {
    let problem = |reason: &str| Problem { path: path.to_path_buf(), reason: reason.to_string() };
    let (content, warnings) = match decode(bytes) {
        Ok(d) => d,
        Err(reason) => return corpus.problems.push(problem(reason)),
    };
    let parsed = match formats::parse(ext, &content) {
        Ok(p) => p,
        Err(reason) => return corpus.problems.push(problem(&reason)),
    };
    for bad in &parsed.bad {
        corpus.problems.push(problem(bad));
    }
    let shown = path.display().to_string();
    for article in parsed.articles {
        let path = format!("{shown}{}", article.suffix);
        let mut warnings = warnings.clone();
        warnings.extend(article.warnings.iter().cloned());
        match build(corpus.documents.len(), path, article, bytes.len() as u64, warnings) {
            Some(doc) => corpus.documents.push(doc),
            None => corpus.problems.push(problem("no text")),
        }
    }
}

/// Sanitises an article and fills in what its format did not state. `None` when no text is left.
fn build(
    id: usize,
    path: String,
    a: Article,
    bytes: u64,
    mut problems: Vec<String>,
) -> Option<Document> {
    let mut removed = 0;
    let mut clean = |s: &str| {
        let out = crate::text::sanitize::sanitize(s);
        removed += out.removed;
        out.text
    };
    // CRLF line ends are ordinary, not a hostile control: no warning for them.
    let text = clean(&a.text.replace("\r\n", "\n"));
    let title = a.title.map(|t| one_line(&clean(&t)));
    let byline = a.byline.map(|t| one_line(&clean(&t)));
    if removed > 0 {
        // One count for both kinds: "1 control character or escape sequence removed".
        let what = if removed == 1 { "" } else { "s" };
        problems
            .push(format!("{removed} control character{what} or escape sequence{what} removed"));
    }
    if text.trim().is_empty() {
        return None;
    }
    let paragraphs = paragraph_ranges(&text);
    let guessed = meta::guess(&text, &paragraphs);
    let boilerplate = boilerplate::detect(&text, &paragraphs);
    let title = title
        .filter(|t| !t.is_empty())
        .or(guessed.title.map(|t| one_line(&t)))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "(untitled)".to_string());
    let lang = crate::lang::detect(&text, a.lang.as_deref());
    Some(Document {
        id,
        path,
        title,
        byline: byline.filter(|b| !b.is_empty()).or(guessed.byline.map(|b| one_line(&b))),
        date: a.date.or(guessed.date),
        lang,
        url: a.url.map(|u| one_line(&clean_url(&u))),
        text,
        paragraphs,
        boilerplate,
        bytes,
        problems,
    })
}

/// Metadata is shown on one line: line breaks and runs of spaces become one space; a
/// byte-order mark (U+FEFF) and BiDi marks (LRM, RLM, ALM) go, since a one-line title is laid
/// out on its own and a mark in it would only be shown escaped.
fn one_line(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{feff}' | '\u{200e}' | '\u{200f}' | '\u{61c}'))
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clean_url(u: &str) -> String {
    crate::text::sanitize::sanitize(u).text
}
