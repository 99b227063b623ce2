//! cargo-fuzz target: `qari::fuzz::run("sanitize", data)` (the body is in the library, so the
//! stable loop in `tests/fuzz.rs` runs it too).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    qari::fuzz::run("sanitize", data);
});
