//! Panics and stacks. Two ways to run code that may panic: [`catch`] for crates known to
//! panic on odd input (ar-reshaper 1.5), where the panic is expected and silent, and
//! [`catch_bug`] for a pass over one document that must not take the archive down, where
//! the panic is a bug whose message (and place) is kept for the document's problem line.
//! A panic hook ([`install_hook`]) keeps expected panics quiet and records the others; debug
//! builds still print every bug's panic in full, so tests and developers see it.
//!
//! [`THREAD_STACK`] is the stack every thread qari starts gets, so that no input's depth
//! depends on the platform's default (2 MiB for spawned threads) or on `ulimit -s`.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

/// Stack size, in bytes, for every thread qari starts (the command, the reader's loader,
/// extraction workers, searches): far more than any pass needs, since every walk over
/// input is iterative or depth-capped; an input too deep fails by its own limit.
pub const THREAD_STACK: usize = 16 << 20;

/// How a panic on this thread is being handled.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Not inside a catch: a real crash, for the outer hook to report.
    Uncaught,
    /// Inside [`catch`]: expected, silent.
    Expected,
    /// Inside [`catch_bug`]: caught, its message recorded.
    Bug,
}

thread_local! {
    static MODE: Cell<Mode> = const { Cell::new(Mode::Uncaught) };
    /// The message and place of the last panic inside [`catch_bug`] on this thread.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f`; a panic inside it becomes `None`, silently (for crates known to panic).
pub fn catch<T>(f: impl FnOnce() -> T) -> Option<T> {
    let outer = MODE.replace(Mode::Expected);
    let r = catch_unwind(AssertUnwindSafe(f));
    MODE.set(outer);
    r.ok()
}

/// Runs `f`; a panic inside it (a bug) becomes `Err` with its message and, when the hook
/// of [`install_hook`] is in place, where it happened (`index out of bounds … at
/// src/x.rs:10:5`). Debug builds also print the panic as usual.
pub fn catch_bug<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let outer = MODE.replace(Mode::Bug);
    LAST.with(|l| l.borrow_mut().take());
    let r = catch_unwind(AssertUnwindSafe(f));
    MODE.set(outer);
    r.map_err(|payload| {
        LAST.with(|l| l.borrow_mut().take()).unwrap_or_else(|| payload_message(&*payload))
    })
}

/// Whether this thread is inside [`catch`] or [`catch_bug`]: the panic is handled there, so
/// a hook must not tear down the terminal for it.
pub fn is_caught() -> bool {
    MODE.get() != Mode::Uncaught
}

/// The text of a panic payload (`panic!("…")` gives a `&str` or a `String`).
pub fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// Installs the process's panic hook once (later calls do nothing): panics inside [`catch`]
/// print nothing; panics inside [`catch_bug`] are recorded for it (and printed too in debug
/// builds); others go to the hook that was there before.
pub fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| match MODE.get() {
            Mode::Expected => {}
            Mode::Bug => {
                let msg = payload_message(info.payload());
                let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line()));
                LAST.with(|l| *l.borrow_mut() = Some(msg + &at.unwrap_or_default()));
                if cfg!(debug_assertions) {
                    previous(info);
                }
            }
            Mode::Uncaught => previous(info),
        }));
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_caught_panic_is_none_and_the_flag_is_cleared() {
        assert_eq!(super::catch(|| 7), Some(7));
        let r: Option<()> = super::catch(|| {
            assert!(super::is_caught());
            panic!("expected")
        });
        assert_eq!(r, None);
        assert!(!super::is_caught());
    }

    #[test]
    fn a_bug_keeps_its_message_and_place() {
        super::install_hook();
        assert_eq!(super::catch_bug(|| 7), Ok(7));
        let r: Result<(), String> = super::catch_bug(|| panic!("broke on {}", 42));
        let msg = r.unwrap_err();
        assert!(msg.starts_with("broke on 42 at src/text/guard.rs:"), "{msg}");
        assert!(!super::is_caught());
        // Nested: an expected panic inside a bug-catching pass stays silent and local.
        let r = super::catch_bug(|| super::catch(|| panic!("inner")).is_none());
        assert_eq!(r, Ok(true));
    }
}
