//! `qari render`: the reading pane's lines as plain text, one screen line per output line.
//!
//! The lines come from the reader's own row builder (`tui::rows::build`), so paragraphs,
//! blank lines, indents and visual order are exactly the reader's. Differences, on purpose:
//! the boilerplate is printed laid out (as after the reader's unfold key) instead of the fold
//! label, and trailing spaces of each line are trimmed (the reader leaves those cells blank).
//! With `--logical`, each line is the same line in logical order: the source bytes it shows,
//! unshaped and without indent. A file holding several articles renders the first; an item
//! of it is named as `qari list` names it (`items.json#2`, `feed.jsonl#7`).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::CliError;
use crate::text::layout::BidiMode;
use crate::text::printable::printable_path;
use crate::tui::rows::{self, LayoutKey, Row};

/// Prints `file` (or the item `file#N`) laid out at `width` cells, one screen line per output
/// line. A folder is refused: render shows one document.
pub fn run(
    width: usize,
    logical: bool,
    bidi: BidiMode,
    shape: bool,
    file: &Path,
) -> Result<(), CliError> {
    let (source, item) = split_item(file);
    if source.is_dir() {
        return Err(CliError::Input(format!(
            "{}: is a folder; render shows one FILE (`qari list` names the files and items)",
            printable_path(&source)
        )));
    }
    let corpus = super::load_corpus(std::slice::from_ref(&source))?;
    let wanted = file.display().to_string();
    let doc = match item {
        None => corpus.documents.first(),
        Some(_) => corpus.documents.iter().find(|d| d.path == wanted),
    };
    let Some(doc) = doc else {
        return Err(CliError::Input(format!(
            "{}: no such item (the file holds {} readable article(s); `qari list` names them)",
            printable_path(file),
            corpus.documents.len()
        )));
    };
    let key = LayoutKey {
        doc: doc.id,
        width: width.clamp(1, super::MAX_WIDTH),
        bidi,
        shape,
        unfolded: true,
    };
    let built = rows::build(&doc.text, doc.boilerplate.clone(), key);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for row in &built.rows {
        match row {
            Row::Line { line, .. } if logical => {
                writeln!(out, "{}", line.logical_plain(&doc.text))?
            }
            Row::Line { line, .. } => writeln!(out, "{}", line.to_plain().trim_end())?,
            // Not produced with `unfolded`; print the folded text's first line if it ever is.
            Row::Fold { logical: r, .. } => {
                let first = doc.text.get(r.clone()).and_then(|t| t.lines().next()).unwrap_or("");
                writeln!(out, "{first}")?
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// `items.json#2` → (`items.json`, Some(2)) when no file has the whole name and the part
/// before `#` exists; anything else is a file name as given.
fn split_item(file: &Path) -> (PathBuf, Option<usize>) {
    let whole = (file.to_path_buf(), None);
    if file.exists() {
        return whole;
    }
    let Some(name) = file.to_str() else { return whole };
    let Some((stem, n)) = name.rsplit_once('#') else { return whole };
    match n.parse::<usize>() {
        Ok(n) if Path::new(stem).is_file() => (PathBuf::from(stem), Some(n)),
        _ => whole,
    }
}
