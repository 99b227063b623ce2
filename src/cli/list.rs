//! `qari list`: documents and their metadata.

use std::path::PathBuf;

use super::CliError;

/// Prints one line (or JSON Line) per document.
pub fn run(_json: bool, paths: &[PathBuf]) -> Result<(), CliError> {
    let corpus = super::load_corpus(paths)?;
    for d in &corpus.documents {
        println!("{}\t{}", d.path, d.title);
    }
    Ok(())
}
