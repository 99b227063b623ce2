//! `qari search`: the archive's best matches for a query, as JSON Lines or a readable list.

use std::io::{IsTerminal, Write};
use std::ops::Range;
use std::path::PathBuf;

use super::CliError;
use super::output::{json_line, warn};
use crate::store::cache::snapshot::Snapshot;
use crate::store::search::{self, query};
use crate::store::{DocInfo, SearchHit};
use crate::text::printable::printable;

/// Prints the hits, best first. A malformed query is an input error (exit 1), reported before
/// the archive is loaded. A fresh cache is queried in place (only the documents shown are
/// read from it); otherwise the archive is opened (built or refreshed) first.
pub fn run(
    json: bool,
    limit: usize,
    query: &str,
    paths: &[PathBuf],
    no_cache: bool,
) -> Result<(), CliError> {
    if limit == 0 {
        return Err(CliError::Input("--limit 0 would print nothing; give 1 or more".into()));
    }
    query::parse(query).map_err(|e| CliError::Input(format!("bad query: {e}")))?;
    let bad = |e: crate::store::QueryError| CliError::Input(format!("bad query: {e}"));
    // The cache holds raw extraction: with corrections, the archive is opened and corrected.
    if !no_cache
        && !paths.is_empty()
        && super::corrections::stored().0.is_empty()
        && let Ok(Some(snap)) = Snapshot::open(paths)
        && snap.is_fresh()
    {
        let hits = search::search(&snap, query, limit).map_err(bad)?;
        // Every document shown must still be what its file holds; else refresh first.
        if hits.iter().all(|h| snap.is_current(h.doc)) {
            return print(json, query, &hits, |d| snap.info(d));
        }
    }
    let archive = super::open_archive(paths, no_cache, true)?;
    let store = &archive.store;
    let hits = store.search(query, limit).map_err(bad)?;
    print(json, query, &hits, |d| store.docs.get(d).cloned())
}

/// Prints `hits` as JSON Lines or a readable list; `info` gives each hit's metadata.
fn print(
    json: bool,
    query: &str,
    hits: &[SearchHit],
    info: impl Fn(usize) -> Option<DocInfo>,
) -> Result<(), CliError> {
    let tty = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    for h in hits {
        let Some(d) = info(h.doc) else { continue };
        if json {
            let hits: Vec<[usize; 2]> = h.hits.iter().map(|r| [r.start, r.end]).collect();
            let v = serde_json::json!({
                "path": d.path,
                "title": d.title,
                "score": h.score,
                "snippet": h.snippet,
                "via": h.via,
                "hits": hits,
            });
            json_line(&mut out, &v)?;
        } else {
            let date = d.date.map_or_else(|| "undated".to_string(), |x| x.to_string());
            let (title, lang) = (printable(&d.title), printable(&d.lang));
            writeln!(out, "{:7.2}  {title}  ({date}, {lang})", h.score)?;
            writeln!(out, "         {}", printable(&d.path))?;
            writeln!(out, "         {}", marked(h, tty))?;
            for v in &h.via {
                writeln!(out, "         via {}", printable(v))?;
            }
        }
    }
    if !json && hits.is_empty() {
        warn(&format!("no document matches \"{}\"", query::echo(query)));
    }
    Ok(())
}

/// The snippet with its hits in bold on a terminal, in [brackets] otherwise.
fn marked(h: &SearchHit, tty: bool) -> String {
    let (open, close) = if tty { ("\x1b[1m", "\x1b[0m") } else { ("[", "]") };
    mark(&h.snippet, &h.snippet_highlights, open, close)
}

/// `s` made printable, with every range wrapped in `open`…`close` (ranges sorted, not
/// overlapping).
fn mark(s: &str, ranges: &[Range<usize>], open: &str, close: &str) -> String {
    let mut out = String::with_capacity(s.len() + ranges.len() * 8);
    let mut at = 0;
    for r in ranges {
        let (Some(before), Some(inside)) = (s.get(at..r.start), s.get(r.clone())) else {
            continue;
        };
        out.push_str(&printable(before));
        out.push_str(open);
        out.push_str(&printable(inside));
        out.push_str(close);
        at = r.end;
    }
    out.push_str(&printable(s.get(at..).unwrap_or_default()));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn hits_are_bracketed() {
        assert_eq!(super::mark("a bc d", std::slice::from_ref(&(2..4)), "[", "]"), "a [bc] d");
        assert_eq!(super::mark("ab", &[0..1, 1..2], "[", "]"), "[a][b]");
        assert_eq!(
            super::mark("\u{9b}a b", std::slice::from_ref(&(2..3)), "[", "]"),
            "\\u{9b}[a] b"
        );
    }
}
