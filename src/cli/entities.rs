//! `qari entities`: the entities and dates of each document.

use std::path::PathBuf;

use super::CliError;

/// Prints each document's entities and dates.
pub fn run(_json: bool, paths: &[PathBuf]) -> Result<(), CliError> {
    let store = super::load_store(paths)?;
    for d in &store.docs {
        println!("{}", d.path);
    }
    Ok(())
}
