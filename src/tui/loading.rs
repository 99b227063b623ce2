//! Opening the archive off the UI thread: the loader (reading, extraction, indexing) runs on
//! a worker and reports progress as messages; the loop draws it until the store arrives or
//! the user quits, so a large archive never leaves a blank terminal.

use std::io;
use std::sync::mpsc::Receiver;

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::action::Action;
use super::keymap::{Keymap, Mode};
use super::{Msg, RunError};
use crate::store::archive::Archive;
use crate::store::{Progress, Stage};

/// Opens the reader's archive, reporting progress; `Err` is a message for the user.
pub type Loader = Box<dyn FnOnce(Progress) -> Result<Archive, String> + Send>;

/// How far loading has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    /// What is being done.
    pub stage: Stage,
    /// Items done of `total` (0 of 0 while the total is unknown).
    pub done: usize,
    /// Items in this stage.
    pub total: usize,
    /// Seconds since loading began (the screen moves even in a stage without counts).
    pub seconds: u64,
}

impl Default for Loading {
    fn default() -> Self {
        Loading { stage: Stage::Checking, done: 0, total: 0, seconds: 0 }
    }
}

/// How often the loading screen redraws without news from the loader (its clock moves).
const TICK: std::time::Duration = std::time::Duration::from_millis(250);

/// Shows progress until the loader's result arrives (`Some`) or the user quits (`None`).
pub fn wait(
    term: &mut Terminal<CrosstermBackend<io::Stdout>>,
    rx: &Receiver<Msg>,
) -> io::Result<Option<Result<Archive, RunError>>> {
    let keymap = Keymap::default();
    let mut state = Loading::default();
    let started = std::time::Instant::now();
    loop {
        state.seconds = started.elapsed().as_secs();
        term.draw(|f| super::view::loading::draw(&state, f))?;
        let first = match rx.recv_timeout(TICK) {
            Ok(m) => m,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => continue,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
        };
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            match msg {
                Msg::Loaded(result) => return Ok(Some(*result)),
                Msg::Progress(stage, done, total) => {
                    state = Loading { stage, done, total, seconds: state.seconds }
                }
                Msg::Term(Event::Key(k)) => {
                    if matches!(keymap.action(Mode::Normal, &k), Some(Action::Back | Action::Quit))
                    {
                        return Ok(None);
                    }
                }
                _ => {}
            }
        }
    }
}
