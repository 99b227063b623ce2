//! Terminal hygiene: raw mode, alternate screen, mouse capture and (with app-side BiDi) the
//! ECMA-48 BDSM explicit mode, entered once and restored on every exit path — normal quit
//! (a `Drop` guard), panic (a chained hook that restores first), Ctrl-Z suspend, and the
//! crashes that unwind nothing: an abort (a stack overflow or a failed allocation in any
//! thread ends in `abort`), `SIGTERM` and `SIGHUP` run a signal handler that writes the
//! restoring bytes and the saved line settings back, then lets the signal do what it does.

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
        #[cfg(unix)]
        crash::prepare(bidi_explicit);
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

/// The last way out: a handler for the signals that end the process without unwinding.
#[cfg(unix)]
mod crash {
    use std::sync::OnceLock;
    use std::sync::atomic::Ordering;

    use crossterm::Command;

    use super::ACTIVE;

    /// What `leave_modes` writes, as bytes, made before any signal can need it.
    static RESTORE: OnceLock<Vec<u8>> = OnceLock::new();
    /// The terminal's line settings before raw mode, and the descriptor to set them on.
    static SAVED: OnceLock<(libc::c_int, libc::termios)> = OnceLock::new();

    const SIGNALS: [libc::c_int; 3] = [libc::SIGABRT, libc::SIGTERM, libc::SIGHUP];
    const NOTE: &[u8] = b"\nqari: stopped by a fatal error or signal; the terminal was restored\n";

    /// Saves the line settings and the restoring bytes, and installs the handler (once).
    pub(super) fn prepare(bidi_explicit: bool) {
        let mut bytes = String::new();
        if bidi_explicit {
            bytes.push_str(super::BDSM_RESTORE);
        }
        let _ = crossterm::event::DisableMouseCapture.write_ansi(&mut bytes);
        let _ = crossterm::terminal::LeaveAlternateScreen.write_ansi(&mut bytes);
        let _ = crossterm::cursor::Show.write_ansi(&mut bytes);
        let _ = RESTORE.set(bytes.into_bytes());
        // SAFETY: isatty, open and tcgetattr only read or create descriptors and fill the
        // zeroed termios they are given.
        unsafe {
            let fd = if libc::isatty(0) == 1 {
                0
            } else {
                libc::open(c"/dev/tty".as_ptr(), libc::O_RDWR | libc::O_NOCTTY)
            };
            let mut t: libc::termios = std::mem::zeroed();
            if fd >= 0 && libc::tcgetattr(fd, &mut t) == 0 {
                let _ = SAVED.set((fd, t));
            }
        }
        static INSTALLED: std::sync::Once = std::sync::Once::new();
        INSTALLED.call_once(|| {
            for sig in SIGNALS {
                // SAFETY: the handler only makes async-signal-safe calls (write, tcsetattr,
                // signal, raise) and atomic loads.
                unsafe {
                    libc::signal(sig, on_signal as *const () as libc::sighandler_t);
                }
            }
        });
    }

    extern "C" fn on_signal(sig: libc::c_int) {
        if ACTIVE.swap(false, Ordering::SeqCst) {
            // SAFETY: write and tcsetattr are async-signal-safe; the buffers are statics set
            // before the handler was installed.
            unsafe {
                if let Some(b) = RESTORE.get() {
                    libc::write(1, b.as_ptr().cast(), b.len());
                }
                if let Some((fd, t)) = SAVED.get() {
                    libc::tcsetattr(*fd, libc::TCSANOW, t);
                }
                libc::write(2, NOTE.as_ptr().cast(), NOTE.len());
            }
        }
        // SAFETY: back to the default action, then the signal again (delivered when this
        // handler returns): the process ends as it would have without us.
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
            libc::raise(sig);
        }
    }
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    // The guard's hook sits under ours, so caught panics are told apart the same way here.
    crate::text::guard::install_hook();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic the text layer catches and handles leaves the reader running.
        if crate::text::guard::is_caught() {
            previous(info);
            return;
        }
        // Restore first, so the message lands on a sane screen.
        leave_modes();
        previous(info);
    }));
}
