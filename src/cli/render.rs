//! `qari render`: the reading pane's lines as plain text, one screen line per output line.
//!
//! The lines come from the reader's own row builder (`tui::rows::build`), so paragraphs,
//! blank lines, indents and visual order are exactly the reader's. Differences, on purpose:
//! the boilerplate is printed laid out (as after the reader's unfold key) instead of the fold
//! label, and trailing spaces of each line are trimmed (the reader leaves those cells blank).
//! With `--logical`, each line is the same line in logical order: the source bytes it shows,
//! unshaped and without indent. A file holding several articles renders the first.

use std::io::{BufWriter, Write};
use std::path::Path;

use super::CliError;
use crate::text::layout::BidiMode;
use crate::tui::rows::{self, LayoutKey, Row};

/// Prints `file` laid out at `width` cells (0 is taken as 1), one screen line per output line.
pub fn run(
    width: usize,
    logical: bool,
    bidi: BidiMode,
    shape: bool,
    file: &Path,
) -> Result<(), CliError> {
    let corpus = super::load_corpus(&[file.to_path_buf()])?;
    let Some(doc) = corpus.documents.first() else {
        return Err(CliError::Input(format!("{}: no readable article", file.display())));
    };
    let key = LayoutKey { doc: doc.id, width: width.max(1), bidi, shape, unfolded: true };
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
