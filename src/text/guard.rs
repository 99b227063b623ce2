//! Calls into crates known to panic on odd input (ar-reshaper 1.5), with the panic caught
//! and flagged: a panic hook checks [`is_caught`] so an expected, handled panic neither
//! prints a message nor restores the terminal under a running reader.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    static CAUGHT: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`; a panic inside it becomes `None`.
pub fn catch<T>(f: impl FnOnce() -> T) -> Option<T> {
    let outer = CAUGHT.replace(true);
    let r = catch_unwind(AssertUnwindSafe(f));
    CAUGHT.set(outer);
    r.ok()
}

/// Whether this thread is inside [`catch`], where a panic is expected and handled.
pub fn is_caught() -> bool {
    CAUGHT.get()
}

/// Makes the process's panic hook skip panics that [`catch`] handles (call once, early).
pub fn install_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !is_caught() {
            previous(info);
        }
    }));
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
}
