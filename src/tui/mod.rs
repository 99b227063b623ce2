//! The reader: a ratatui application in the Elm architecture (state, actions, one update
//! function, pure views) with a keymap table and an event loop.

use crate::store::Store;
use crate::text::layout::BidiMode;

/// Reader settings from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub bidi: BidiMode,
    pub shape: bool,
}

/// Runs the reader on `store` until the user quits.
pub fn run(_store: Store, _opts: Options) -> std::io::Result<()> {
    Ok(())
}
