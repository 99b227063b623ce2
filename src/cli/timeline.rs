//! `qari timeline`: dated events across the archive, oldest first.

use std::path::PathBuf;

use super::CliError;

/// Prints the timeline.
pub fn run(_json: bool, paths: &[PathBuf]) -> Result<(), CliError> {
    let store = super::load_store(paths)?;
    for e in store.timeline() {
        println!("{}\t{}", e.value, store.docs[e.doc].path);
    }
    Ok(())
}
