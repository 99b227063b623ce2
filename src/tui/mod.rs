//! The reader: a ratatui application in the Elm architecture (state, actions, one update
//! function, pure views) with a keymap table and an event loop.
//!
//! Flow: terminal event → [`keymap::Keymap::action`] (or a mouse/resize mapping) →
//! [`action::Action`] → [`update::update`] (the only state change) → [`action::Effect`]s for
//! the loop → [`view::view`] draws once after all pending events are drained.

pub mod action;
pub mod app;
pub mod keymap;
pub mod panes;
pub mod rows;
pub mod terminal;
pub mod update;
pub mod view;

use std::io;

use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::store::Store;
use crate::text::layout::BidiMode;

pub use action::{Action, Effect};
pub use app::App;
pub use update::update;

/// Reader settings from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub bidi: BidiMode,
    pub shape: bool,
}

/// Lines one mouse-wheel notch scrolls.
const WHEEL_LINES: i32 = 3;

/// The action for one terminal event in the app's current mode, if any. Key releases and
/// repeats are ignored by the keymap.
pub fn action_for(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) => app.keymap.action(app.mode(), k),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => {
                Some(Action::Scroll { column: m.column, row: m.row, lines: WHEEL_LINES })
            }
            MouseEventKind::ScrollUp => {
                Some(Action::Scroll { column: m.column, row: m.row, lines: -WHEEL_LINES })
            }
            MouseEventKind::Down(MouseButton::Left) => {
                Some(Action::Click { column: m.column, row: m.row })
            }
            _ => None,
        },
        _ => None,
    }
}

/// Runs the reader on `store` until the user quits. The terminal is restored on every
/// way out (return, error, panic).
pub fn run(store: Store, opts: Options) -> io::Result<()> {
    let guard = terminal::TerminalGuard::enter(opts.bidi == BidiMode::App)?;
    let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    term.clear()?;
    let size = term.size()?;
    let mut app = App::new(store, opts, (size.width, size.height));
    loop {
        term.draw(|f| view::view(&app, f))?;
        let mut effects = Vec::new();
        // Block for one event, then take everything already queued before drawing again.
        let mut batch = vec![event::read()?];
        while event::poll(std::time::Duration::ZERO)? {
            batch.push(event::read()?);
        }
        // A window drag sends many sizes; laying out for all but the last is wasted work.
        let last_resize = batch.iter().rposition(|e| matches!(e, Event::Resize(..)));
        for (i, ev) in batch.iter().enumerate() {
            if matches!(ev, Event::Resize(..)) && Some(i) != last_resize {
                continue;
            }
            if let Some(a) = action_for(&app, ev) {
                effects.extend(update(&mut app, a));
            }
            if app.quit {
                return Ok(());
            }
        }
        for e in effects {
            match e {
                Effect::Quit => return Ok(()),
                Effect::Suspend => {
                    guard.suspend()?;
                    term.clear()?;
                    let size = term.size()?;
                    update(&mut app, Action::Resize(size.width, size.height));
                }
            }
        }
    }
}
