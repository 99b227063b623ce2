//! Terminal hygiene: raw mode, alternate screen, mouse capture and (with app-side BiDi) the
//! ECMA-48 BDSM explicit mode, entered once and restored on every exit path — normal quit
//! (a `Drop` guard), panic (a chained hook that restores first) and Ctrl-Z suspend.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// Asks a BiDi-capable terminal to show cells as sent (BDSM explicit, SCP left-to-right).
pub const BDSM_EXPLICIT: &str = "\x1b[8l\x1b[1 k";
/// Gives the terminal its own BiDi back (BDSM implicit, SCP default).
pub const BDSM_RESTORE: &str = "\x1b[8h\x1b[0 k";

/// Whether our modes are on (so the panic hook and `Drop` restore exactly once).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether BDSM explicit mode was sent (app-side BiDi).
static EXPLICIT: AtomicBool = AtomicBool::new(false);

/// Owns the terminal modes while the reader runs; dropping it restores the terminal.
pub struct TerminalGuard {
    _private: (),
}

impl TerminalGuard {
    /// Enters raw mode, the alternate screen and mouse capture; sends BDSM explicit mode
    /// when `bidi_explicit`. Installs the panic hook once.
    pub fn enter(bidi_explicit: bool) -> io::Result<TerminalGuard> {
        EXPLICIT.store(bidi_explicit, Ordering::SeqCst);
        install_panic_hook();
        enter_modes()?;
        Ok(TerminalGuard { _private: () })
    }

    /// Restores the terminal, stops the process until the shell resumes it (SIGTSTP), then
    /// enters the modes again. The caller redraws everything afterwards.
    pub fn suspend(&self) -> io::Result<()> {
        leave_modes();
        #[cfg(unix)]
        // SAFETY: raise() has no memory-safety preconditions; SIGTSTP's default action stops
        // the process, and execution continues here after SIGCONT.
        unsafe {
            libc::raise(libc::SIGTSTP);
        }
        enter_modes()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        leave_modes();
    }
}

fn enter_modes() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableMouseCapture)?;
    if EXPLICIT.load(Ordering::SeqCst) {
        out.write_all(BDSM_EXPLICIT.as_bytes())?;
        out.flush()?;
    }
    Ok(())
}

/// Restores everything `enter_modes` changed; does nothing when already restored. Errors are
/// ignored: this runs on exit paths where nothing better can be done.
fn leave_modes() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    if EXPLICIT.load(Ordering::SeqCst) {
        let _ = out.write_all(BDSM_RESTORE.as_bytes());
    }
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic the text layer catches and handles leaves the reader running.
        if crate::text::guard::is_caught() {
            return;
        }
        // Restore first, so the message lands on a sane screen.
        leave_modes();
        previous(info);
    }));
}
