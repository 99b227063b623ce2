//! `qari search`: the archive's best matches for a query.

use std::path::PathBuf;

use super::CliError;

/// Prints the hits, best first.
pub fn run(_json: bool, limit: usize, query: &str, paths: &[PathBuf]) -> Result<(), CliError> {
    let store = super::load_store(paths)?;
    let hits =
        store.search(query, limit).map_err(|e| CliError::Input(format!("bad query: {e}")))?;
    for h in hits {
        println!("{}\t{}", store.docs[h.doc].path, store.docs[h.doc].title);
    }
    Ok(())
}
