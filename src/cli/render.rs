//! `qari render`: the reading pane's lines as plain text.

use std::path::Path;

use super::CliError;
use crate::text::layout::{self, BidiMode, LayoutOptions};

/// Prints `file` laid out at `width`, one screen line per output line.
pub fn run(
    width: usize,
    _logical: bool,
    bidi: BidiMode,
    shape: bool,
    file: &Path,
) -> Result<(), CliError> {
    let corpus = super::load_corpus(&[file.to_path_buf()])?;
    let doc = &corpus.documents[0];
    let opts = LayoutOptions { width, bidi, shape };
    for line in layout::layout(&doc.text, &doc.paragraphs, &opts) {
        println!("{}", line.to_plain().trim_end());
    }
    Ok(())
}
