//! Work spread over the cores with results kept in order: reading and extracting thousands of
//! files is independent per file, but documents get their ids in walk order.
//!
//! Hand-written (about forty lines) rather than rayon: the consumer must see results in order
//! *while* workers go on (a streaming build holds a bounded window of documents, not the whole
//! archive), which rayon's ordered `collect` does not give without holding everything.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Results a worker may run ahead of the consumer (bounds memory on a slow item).
const WINDOW: usize = 256;

/// Stack of each worker: extraction of a hostile file must not overflow a small default stack.
pub const WORKER_STACK: usize = crate::text::guard::THREAD_STACK;

/// Worker threads to use: one per core, at most 8.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(8)
}

/// Runs `work(i)` for every `i` in `0..n` on up to `threads` workers and gives each result to
/// `sink` in order of `i`, on the calling thread, as soon as all earlier ones are in. A panic
/// in `work` stops the workers and is passed on to the caller (so catch it inside `work` to
/// keep going).
pub fn ordered<T: Send>(
    n: usize,
    threads: usize,
    work: impl Fn(usize) -> T + Sync,
    mut sink: impl FnMut(usize, T),
) {
    let threads = threads.clamp(1, n.max(1));
    if threads == 1 {
        (0..n).for_each(|i| sink(i, work(i)));
        return;
    }
    let next = AtomicUsize::new(0);
    // How far the consumer has got, so workers do not run more than WINDOW ahead.
    let consumed = (Mutex::new(0usize), Condvar::new());
    // A worker's panic, passed on once every thread has stopped.
    let panicked: Mutex<Option<Box<dyn std::any::Any + Send>>> = Mutex::new(None);
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|s| {
        let mut started = 0;
        for _ in 0..threads {
            let tx = tx.clone();
            let (work, next, consumed, panicked) = (&work, &next, &consumed, &panicked);
            let body = move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let mut done = consumed.0.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *done + WINDOW {
                        done = consumed.1.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(done);
                    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(i))) {
                        Ok(r) => {
                            if tx.send((i, r)).is_err() {
                                break;
                            }
                        }
                        Err(p) => {
                            *panicked.lock().unwrap_or_else(|e| e.into_inner()) = Some(p);
                            // Stop handing out work, and wake workers waiting on the window.
                            next.store(n, Ordering::Relaxed);
                            *consumed.0.lock().unwrap_or_else(|e| e.into_inner()) = usize::MAX / 2;
                            consumed.1.notify_all();
                            break;
                        }
                    }
                }
            };
            if std::thread::Builder::new().stack_size(WORKER_STACK).spawn_scoped(s, body).is_ok() {
                started += 1;
            }
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut want = 0;
        for (i, r) in rx.iter() {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&want) {
                sink(want, r);
                want += 1;
                let mut done = consumed.0.lock().unwrap_or_else(|e| e.into_inner());
                *done = (*done).max(want);
                consumed.1.notify_all();
            }
        }
        if started == 0 {
            // No worker could start: do the work here.
            for i in want..n {
                sink(i, work(i));
            }
        }
    });
    if let Some(p) = panicked.into_inner().unwrap_or_else(|e| e.into_inner()) {
        std::panic::resume_unwind(p);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_arrive_in_order_on_any_number_of_threads() {
        for threads in [1, 2, 3, 8] {
            let mut got = Vec::new();
            super::ordered(1000, threads, |i| i * 2, |i, r| got.push((i, r)));
            let want: Vec<(usize, usize)> = (0..1000).map(|i| (i, i * 2)).collect();
            assert_eq!(got, want, "{threads} threads");
        }
        let mut none = 0;
        super::ordered(0, 4, |i| i, |_, _| none += 1);
        assert_eq!(none, 0);
    }

    #[test]
    fn a_panicking_item_stops_the_work_and_reaches_the_caller() {
        let r = std::panic::catch_unwind(|| {
            super::ordered(5000, 2, |i| if i == 7 { panic!("item 7") } else { i }, |_, _| {})
        });
        assert!(r.is_err(), "the panic is passed on, no deadlock");
    }
}
