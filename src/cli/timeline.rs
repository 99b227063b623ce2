//! `qari timeline`: dated events across the archive, oldest first — JSON Lines, or a listing
//! grouped by year and month.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use super::CliError;
use super::output::json_line;
use crate::extract::Granularity;
use crate::store::timeline::{collapse, sentence_line};
use crate::store::{Store, TimelineEntry};
use crate::text::printable::printable;

/// Longest sentence printed, in characters (the mention is always kept whole).
const SENTENCE_CHARS: usize = 240;

/// Longest title in the listing, in characters.
const TITLE_CHARS: usize = 60;

/// One line of `qari timeline --json`.
#[derive(Debug, Serialize)]
struct Line<'a> {
    value: String,
    granularity: Granularity,
    text: String,
    path: &'a str,
    title: &'a str,
    sentence: String,
}

/// Prints the timeline of `paths` (or the bundled archive).
pub fn run(json: bool, paths: &[PathBuf], no_cache: bool) -> Result<(), CliError> {
    let archive = super::open_archive(paths, no_cache, false)?;
    let store = &archive.store;
    let entries = store.timeline();
    let mut out = std::io::stdout().lock();
    if json {
        for e in &entries {
            json_line(&mut out, &to_line(store, e))?;
        }
    } else {
        print_listing(&mut out, store, &entries)?;
    }
    out.flush()?;
    Ok(())
}

fn to_line<'a>(store: &'a Store, e: &TimelineEntry) -> Line<'a> {
    let doc = &store.docs[e.doc];
    let text = store.text(e.doc);
    Line {
        value: e.value_string(),
        granularity: e.granularity,
        text: collapse(text.get(e.range.clone()).unwrap_or("")).trim().to_string(),
        path: &doc.path,
        title: &doc.title,
        sentence: sentence_line(text, e, SENTENCE_CHARS).trim().to_string(),
    }
}

/// The human listing: a heading per year and per month, then one entry per mention with the
/// value, the words used, the document and the sentence.
fn print_listing(
    out: &mut impl Write,
    store: &Store,
    entries: &[TimelineEntry],
) -> Result<(), CliError> {
    if entries.is_empty() {
        writeln!(out, "No dated mentions.")?;
        return Ok(());
    }
    let mut year = None;
    let mut month = None;
    for e in entries {
        let line = to_line(store, e);
        let y = e.value.format("%Y").to_string();
        if year.as_ref() != Some(&y) {
            writeln!(out, "\n{y}")?;
            year = Some(y);
            month = None;
        }
        if e.granularity != Granularity::Year {
            let m = e.value.format("%B %Y").to_string();
            if month.as_ref() != Some(&m) {
                writeln!(out, "  {m}")?;
                month = Some(m);
            }
        }
        let title = short(&printable(line.title), TITLE_CHARS);
        let (text, path) = (printable(&line.text), printable(line.path));
        writeln!(out, "    {:<10}  “{text}”  {title} ({path})", line.value)?;
        writeln!(out, "                {}", printable(&line.sentence))?;
    }
    Ok(())
}

/// `s` cut to `max` characters with "…".
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
