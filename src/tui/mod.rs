//! The reader: a ratatui application in the Elm architecture (state, actions, one update
//! function, pure views) with a keymap table and an event loop.
//!
//! Flow: terminal event → [`keymap::Keymap::action`] (or a mouse/resize mapping) →
//! [`action::Action`] → [`update::update`] (the only state change) → [`action::Effect`]s for
//! the loop → [`view::view`] draws once after all pending events are drained.

pub mod action;
pub mod app;
pub mod config;
pub mod correct;
pub mod editor;
pub mod export;
pub mod facets;
pub mod filter;
pub mod follow;
pub mod keymap;
pub mod loading;
pub mod nav;
pub mod panes;
pub mod perform;
pub mod refresh;
pub mod rows;
pub mod search;
pub mod side;
pub mod takeout;
pub mod terminal;
pub mod theme;
pub mod timeline;
pub mod update;
pub mod user;
pub mod view;

use std::io;
use std::sync::mpsc;

use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::store::Stage;
use crate::store::archive::{Archive, Changes};
use crate::text::layout::BidiMode;

pub use action::{Action, Effect};
pub use app::App;
pub use loading::Loader;
pub use update::update;

/// Reader settings from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Who reorders right-to-left text (`--bidi`).
    pub bidi: BidiMode,
    /// Arabic shaping on (`--no-shape` turns it off).
    pub shape: bool,
    /// `y`/`Y` copy through OSC 52 (on unless the config's `[clipboard] osc52 = false`).
    pub osc52: bool,
}

/// How long the input must be quiet before idle layout work starts.
const IDLE_AFTER: std::time::Duration = std::time::Duration::from_millis(30);

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
            MouseEventKind::Drag(MouseButton::Left) => {
                Some(Action::Correct(correct::CorrectAction::DragTo {
                    column: m.column,
                    row: m.row,
                }))
            }
            _ => None,
        },
        _ => None,
    }
}

/// A cleared screen and a terminal whose last frame is that blank screen, so the next draw
/// paints everything. (`Terminal::clear` would ask the terminal for the cursor position,
/// and that answer would race the input thread.)
fn fresh_terminal() -> io::Result<Terminal<CrosstermBackend<io::Stdout>>> {
    let mut out = io::stdout();
    crossterm::execute!(out, crossterm::terminal::Clear(crossterm::terminal::ClearType::All))?;
    Terminal::new(CrosstermBackend::new(out))
}

/// Debug builds only: panics when the key named by `QARI_TEST_PANIC_KEY` is pressed, so the
/// end-to-end tests can check that a panic gives the terminal back.
fn debug_panic_hook(ev: &Event) {
    #[cfg(debug_assertions)]
    if let (Event::Key(k), Some(want)) = (ev, std::env::var_os("QARI_TEST_PANIC_KEY"))
        && k.code == crossterm::event::KeyCode::Char('!')
        && want == "!"
    {
        panic!("injected test panic");
    }
    #[cfg(not(debug_assertions))]
    let _ = ev;
}

/// Starts a thread of the reader with qari's explicit stack ([`THREAD_STACK`]).
///
/// [`THREAD_STACK`]: crate::text::guard::THREAD_STACK
fn spawn(name: &str, f: impl FnOnce() + Send + 'static) -> io::Result<()> {
    std::thread::Builder::new()
        .name(name.into())
        .stack_size(crate::text::guard::THREAD_STACK)
        .spawn(f)
        .map(drop)
}

/// Debug builds only: with `QARI_TEST_ABORT=overflow` the loader overflows its stack, with
/// `QARI_TEST_ABORT=abort` it aborts, so the end-to-end tests can check that even a crash
/// that unwinds nothing gives the terminal back.
fn test_abort() {
    #[cfg(debug_assertions)]
    match std::env::var("QARI_TEST_ABORT").as_deref() {
        Ok("abort") => std::process::abort(),
        Ok("overflow") => {
            #[allow(unconditional_recursion)]
            fn deeper(n: u64) -> u64 {
                let pad = std::hint::black_box([n; 64]);
                deeper(pad[0] + 1) + pad[63]
            }
            std::hint::black_box(deeper(0));
        }
        _ => {}
    }
}

/// What the event loop receives: terminal input, an action sent by a background job
/// (search results) through [`Jobs`], or the archive loader's progress and result.
#[derive(Debug)]
pub enum Msg {
    /// A key, mouse or resize event from the terminal.
    Term(Event),
    /// An action from a background job.
    Action(Action),
    /// The loader reached `done` of `total` items of a stage.
    Progress(Stage, usize, usize),
    /// The loader finished: the archive, or why it cannot be read.
    Loaded(Box<Result<Archive, RunError>>),
    /// A background refresh finished: the refreshed archive and what changed (`None`: nothing
    /// did), or why it failed.
    Refreshed(Box<Result<Option<(Archive, Changes)>, String>>),
}

/// Why the reader stopped other than by the user quitting.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The terminal failed.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The archive could not be opened (the loader's message).
    #[error("{0}")]
    Load(String),
    /// A bug stopped the reader.
    #[error("{0}")]
    Internal(String),
    /// stdout is not a terminal, so the reader did not start (a usage error).
    #[error("{0}")]
    NotATerminal(String),
}

/// Handle for background work: a job clones the sender and reports back with
/// `Msg::Action(…)`; the loop applies it like any key. Jobs tag their results (e.g. with a
/// query generation) so `update` can drop stale ones.
#[derive(Debug, Clone)]
pub struct Jobs {
    /// Where jobs send their results.
    pub tx: mpsc::Sender<Msg>,
}

/// Opens the reader: the terminal at once, the archive from `load` on a worker thread with
/// its progress on screen, then the reader with `config`'s keys and theme (in the colours
/// the terminal shows) until the user quits. The terminal is restored on every way out
/// (return, error, panic).
pub fn run(load: Loader, opts: Options, config: config::Config) -> Result<(), RunError> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        // Never write escape sequences into a file or a pipe.
        return Err(RunError::NotATerminal(
            "the reader needs a terminal on stdout; for pipes use `qari list`, `qari render` or `qari search`".into(),
        ));
    }
    let guard = terminal::TerminalGuard::enter(opts.bidi == BidiMode::App)?;
    let mut term = fresh_terminal()?;
    let (tx, rx) = mpsc::channel();
    let jobs = Jobs { tx: tx.clone() };
    // Terminal input is read on its own thread so background jobs can wake the loop too.
    let input = tx.clone();
    spawn("qari-input", move || {
        while let Ok(ev) = event::read() {
            if input.send(Msg::Term(ev)).is_err() {
                break;
            }
        }
    })?;
    spawn("qari-loader", move || {
        let report = |stage, done, total| {
            let _ = tx.send(Msg::Progress(stage, done, total));
        };
        test_abort();
        // A panic while loading is a bug: the hook has restored the terminal and printed it;
        // the reader exits with its message.
        let result = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load(&report)))
        {
            Ok(Ok(store)) => Ok(store),
            Ok(Err(message)) => Err(RunError::Load(message)),
            Err(e) => Err(RunError::Internal(format!(
                "opening the archive failed on an internal error: {}",
                crate::text::guard::payload_message(&*e)
            ))),
        };
        let _ = tx.send(Msg::Loaded(Box::new(result)));
    })?;
    let mut archive = match loading::wait(&mut term, &rx)? {
        Some(result) => result?,
        None => return Ok(()),
    };
    let size = term.size()?;
    let (db, loaded, db_problem) = open_state();
    let mut app = App::new(std::sync::Arc::clone(&archive.store), opts, (size.width, size.height))
        .with_state(loaded);
    app.message = db_problem;
    if !config.warnings.is_empty() && app.message.is_none() {
        let key = app.keymap.key_for(keymap::Mode::Normal, &Action::ShowProblems);
        let n = config.warnings.len();
        app.message = Some(format!(
            "the config file has {}, ignored ({key} shows them)",
            crate::text::plural(n, "problem")
        ));
    }
    app.configure(config, theme::ColourDepth::detect());
    // The list came from the cache as last written: check the files behind it now.
    let mut refreshing = false;
    if archive.is_cached() {
        effects_refresh(&mut app, &archive, &jobs, &mut refreshing);
    }
    loop {
        term.draw(|f| view::view(&app, f))?;
        // Block for one message, then take everything already queued before drawing again.
        // While the open document is not laid out to its end, a quiet moment lays out more.
        let first = if app.layout_pending() {
            match rx.recv_timeout(IDLE_AFTER) {
                Ok(m) => m,
                Err(mpsc::RecvTimeoutError::Timeout) => Msg::Action(Action::Idle),
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            }
        } else {
            let Ok(m) = rx.recv() else { return Ok(()) };
            m
        };
        let mut batch = vec![first];
        batch.extend(rx.try_iter());
        // A window drag sends many sizes; laying out for all but the last is wasted work.
        let last_resize = batch.iter().rposition(|m| matches!(m, Msg::Term(Event::Resize(..))));
        let mut effects = Vec::new();
        for (i, msg) in batch.into_iter().enumerate() {
            let action = match msg {
                Msg::Term(Event::Resize(..)) if Some(i) != last_resize => None,
                Msg::Term(ev) => {
                    debug_panic_hook(&ev);
                    action_for(&app, &ev)
                }
                Msg::Action(a) => Some(a),
                Msg::Refreshed(result) => {
                    refreshing = false;
                    match *result {
                        Ok(Some((mut fresh, changes))) => {
                            let same_ids = fresh.manifest.epoch == archive.manifest.epoch;
                            // Corrections made while it ran apply to it too.
                            let now = &app.store.corrections.list;
                            if !std::sync::Arc::ptr_eq(fresh.corrections(), now) {
                                fresh = fresh.with_corrections(std::sync::Arc::clone(now));
                            }
                            let store = action::SharedStore(std::sync::Arc::clone(&fresh.store));
                            archive = fresh;
                            Some(Action::Refreshed { store, summary: changes.summary(), same_ids })
                        }
                        Ok(None) => Some(Action::Activity(None)),
                        Err(e) => Some(Action::RefreshFailed(e)),
                    }
                }
                Msg::Progress(..) | Msg::Loaded(_) => None,
            };
            if let Some(a) = action {
                let mut now = update(&mut app, a);
                // State is written at once, before a quit can end the loop.
                now.retain(|e| !save(db.as_ref(), &mut app, e));
                effects.extend(now);
            }
            // A correction re-made the store: the next refresh starts from it.
            if !std::sync::Arc::ptr_eq(&app.store, &archive.store) {
                archive.adopt(std::sync::Arc::clone(&app.store));
            }
            if app.quit {
                return Ok(());
            }
        }
        // Only the newest search of this batch is worth running.
        let newest_search = effects.iter().rposition(|e| matches!(e, Effect::Search { .. }));
        for (i, e) in effects.into_iter().enumerate() {
            match e {
                Effect::Search { generation, query } => {
                    if Some(i) == newest_search {
                        let store = std::sync::Arc::clone(&app.store);
                        let tx = jobs.tx.clone();
                        spawn("qari-search", move || {
                            let r = search::run(&store, generation, query);
                            let _ =
                                tx.send(Msg::Action(Action::Nav(nav::NavAction::SearchDone(r))));
                        })?;
                    }
                }
                Effect::Refresh => effects_refresh(&mut app, &archive, &jobs, &mut refreshing),
                Effect::RememberSearch(_) | Effect::Save(_) => {}
                Effect::SaveCorrection(c) => {
                    let (id, error) = match db.as_ref().map(|db| db.add_correction(&c.to_json())) {
                        Some(Ok(id)) => (id, None),
                        Some(Err(e)) => (0, Some(e.to_string())),
                        None => (0, Some("no state database".into())),
                    };
                    let a = correct::CorrectAction::Saved { id, correction: c, error };
                    let _ = jobs.tx.send(Msg::Action(Action::Correct(a)));
                }
                Effect::RemoveCorrection(id) => {
                    let removed = match (id, db.as_ref()) {
                        (0, _) | (_, None) => Ok(()),
                        (_, Some(db)) => db.remove_correction(id),
                    };
                    let error = removed.err().map(|e| e.to_string());
                    let _ = jobs.tx.send(Msg::Action(Action::Correct(
                        correct::CorrectAction::Removed { id, error },
                    )));
                }
                Effect::Copy(text) => {
                    if let Some(m) = perform::copy(&mut io::stdout(), &text) {
                        update(&mut app, Action::Take(takeout::Take::Report(m)));
                    }
                }
                Effect::OpenUrl(url) => {
                    if let Some(m) = perform::open_url(&url) {
                        update(&mut app, Action::Take(takeout::Take::Report(m)));
                    }
                }
                Effect::Export { path, bytes, rows } => {
                    let m = perform::write_export(&path, &bytes, rows);
                    update(&mut app, Action::Take(takeout::Take::Report(m)));
                }
                Effect::Quit => return Ok(()),
                Effect::Suspend => {
                    guard.suspend()?;
                    term = fresh_terminal()?;
                    let size = term.size()?;
                    update(&mut app, Action::Resize(size.width, size.height));
                }
            }
        }
    }
}

/// Opens the state database and loads what the reader shows from it; without one (no data
/// directory, a database from a newer qari, a damaged file) the reader works without
/// saving, and says why.
fn open_state() -> (Option<crate::state::StateDb>, user::Loaded, Option<String>) {
    let load = || -> crate::state::Result<(crate::state::StateDb, user::Loaded)> {
        let db = crate::state::StateDb::open_default()?;
        let loaded = user::Loaded::from_db(&db)?;
        Ok((db, loaded))
    };
    match load() {
        Ok((db, loaded)) => (Some(db), loaded, None),
        Err(e) => (None, user::Loaded::default(), Some(format!("state not saved: {e}"))),
    }
}

/// Performs `e` when it is a write of the user's state (returning true), telling the user
/// when it fails.
fn save(db: Option<&crate::state::StateDb>, app: &mut App, e: &Effect) -> bool {
    let result = match (e, db) {
        (Effect::RememberSearch(q), Some(db)) => db.remember_search(q, nav::HISTORY_LEN),
        (Effect::Save(s), Some(db)) => s.write(db).map(|id| {
            if let Some(saved) = id {
                app.bookmark_saved(&saved);
            }
        }),
        (Effect::RememberSearch(_) | Effect::Save(_), None) => Ok(()),
        _ => return false,
    };
    if let Err(e) = result {
        app.message = Some(format!("could not save: {e}"));
    }
    true
}

/// Starts a background refresh of `archive` unless one is running; its progress shows in the
/// status bar, its result comes back as `Msg::Refreshed`.
fn effects_refresh(app: &mut App, archive: &Archive, jobs: &Jobs, refreshing: &mut bool) {
    if *refreshing || !archive.is_cached() {
        return;
    }
    *refreshing = true;
    app.activity = Some("checking files…".into());
    let base = archive.clone();
    let tx = jobs.tx.clone();
    let spawned =
        std::thread::Builder::new().stack_size(crate::par::WORKER_STACK).spawn(move || {
            let progress_tx = tx.clone();
            let report = move |stage: Stage, done: usize, total: usize| {
                let what = if total == 0 {
                    format!("{}…", stage.label())
                } else {
                    format!("{} {done}/{total}", stage.label())
                };
                let _ = progress_tx.send(Msg::Action(Action::Activity(Some(what))));
            };
            let result =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| base.refresh(&report)))
                    .unwrap_or_else(|_| Err("an internal error (see above)".into()));
            let _ = tx.send(Msg::Refreshed(Box::new(result)));
        });
    if spawned.is_err() {
        *refreshing = false;
        app.activity = None;
    }
}
