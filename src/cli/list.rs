//! `qari list`: documents and their metadata, one per line (aligned columns or JSON Lines).
//! Files that could not be read are reported on stderr by `load_corpus`.

use std::io::Write;
use std::path::PathBuf;

use unicode_width::UnicodeWidthStr;

use super::CliError;
use super::output::{json_line as write_json, warn};
use crate::store::DocInfo;
use crate::text::printable::printable;

/// Widest title column in the plain listing, in terminal cells.
const TITLE_CELLS: usize = 60;

/// Prints one line (or JSON Line with `json`) per document of `paths` (the bundled archive
/// when empty), from the cache unless `no_cache` (then the files are only read, not
/// extracted). Exit 1 when no article is readable.
pub fn run(json: bool, paths: &[PathBuf], no_cache: bool) -> Result<(), CliError> {
    let (docs, skipped): (Vec<DocInfo>, usize) = if no_cache {
        let corpus = super::load_corpus(paths)?;
        (
            corpus.documents.iter().enumerate().map(|(i, d)| DocInfo::of(d, i as u64)).collect(),
            corpus.skipped,
        )
    } else {
        let archive = super::open_archive(paths, false, false)?;
        let s = &archive.store;
        (s.live_ids().map(|i| s.docs[i].clone()).collect(), s.skipped)
    };
    let mut out = std::io::stdout().lock();
    for d in &docs {
        if json {
            write_json(&mut out, &json_line(d))?;
        } else {
            writeln!(out, "{}", plain_line(d))?;
        }
    }
    if skipped > 0 {
        warn(&format!(
            "{} skipped (not txt, md, html, json or jsonl)",
            crate::text::plural(skipped, "file")
        ));
    }
    Ok(())
}

/// The JSON object of one document: exactly path, title, byline, date, lang, bytes, problems.
pub fn json_line(d: &DocInfo) -> serde_json::Value {
    serde_json::json!({
        "path": d.path,
        "title": d.title,
        "byline": d.byline,
        "date": d.date.map(|x| x.format("%Y-%m-%d").to_string()),
        "lang": d.lang,
        "bytes": d.bytes,
        "problems": d.problems,
    })
}

/// `date  lang  title  path`, the title cut or padded to [`TITLE_CELLS`] cells; every part
/// printable.
pub fn plain_line(d: &DocInfo) -> String {
    let date = d.date.map_or_else(|| "-".to_string(), |x| x.format("%Y-%m-%d").to_string());
    let title = fit(&printable(&d.title), TITLE_CELLS);
    let pad = TITLE_CELLS.saturating_sub(title.width());
    format!(
        "{date:<10}  {:<3}  {title}{}  {}",
        printable(&d.lang),
        " ".repeat(pad),
        printable(&d.path)
    )
}

/// `s` cut to at most `cells` terminal cells, with "…" when cut.
fn fit(s: &str, cells: usize) -> String {
    if s.width() <= cells {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > cells {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}
