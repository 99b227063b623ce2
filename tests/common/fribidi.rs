//! GNU FriBidi as the BiDi oracle, called through its C library (`libfribidi.so.0`, installed
//! with Debian's `libfribidi-bin`): levels resolved over a whole paragraph, then
//! `fribidi_reorder_line` per line, which is exactly what VTE does. The `fribidi` command line
//! cannot be the oracle for wrapped lines: it resolves each input line as its own paragraph,
//! so brackets and neutrals at a line's edge lose the context UAX #9 gives them.
#![allow(dead_code)] // each test binary uses a different part of it

use std::ffi::{CStr, c_char, c_int, c_void};
use std::ops::Range;

type FriChar = u32;
type StrIndex = c_int;
type CharType = u32;
type BracketType = u32;
type Level = i8;
type ParType = u32;

/// `FRIBIDI_PAR_LTR`, `FRIBIDI_PAR_RTL` and `FRIBIDI_PAR_ON` (first strong character).
const PAR_LTR: ParType = 0x110;
const PAR_RTL: ParType = 0x111;
const PAR_ON: ParType = 0x40;
/// `FRIBIDI_FLAG_REORDER_NSM`: combining marks stay after their base (L3), as qari's
/// grapheme cells keep them.
const FLAG_REORDER_NSM: u32 = 0x2;

type GetTypes = unsafe extern "C" fn(*const FriChar, StrIndex, *mut CharType);
type GetBrackets =
    unsafe extern "C" fn(*const FriChar, StrIndex, *const CharType, *mut BracketType);
type GetLevels = unsafe extern "C" fn(
    *const CharType,
    *const BracketType,
    StrIndex,
    *mut ParType,
    *mut Level,
) -> Level;
type ReorderLine = unsafe extern "C" fn(
    u32,
    *const CharType,
    StrIndex,
    StrIndex,
    ParType,
    *mut Level,
    *mut FriChar,
    *mut StrIndex,
) -> Level;

/// The four libfribidi functions the oracle needs.
pub struct FriBidi {
    types: GetTypes,
    brackets: GetBrackets,
    levels: GetLevels,
    reorder: ReorderLine,
}

unsafe extern "C" {
    fn dlopen(file: *const c_char, mode: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, name: *const c_char) -> *mut c_void;
}
const RTLD_NOW: c_int = 2;

impl FriBidi {
    /// Loads libfribidi; panics with what to install when it is missing.
    pub fn load() -> FriBidi {
        let lib = c"libfribidi.so.0";
        // SAFETY: dlopen with a valid C string; the library stays loaded for the process.
        let h = unsafe { dlopen(lib.as_ptr(), RTLD_NOW) };
        assert!(
            !h.is_null(),
            "GNU FriBidi (libfribidi.so.0) is the BiDi oracle: run scripts/test.sh, which \
             installs libfribidi-bin"
        );
        let sym = |name: &CStr| {
            // SAFETY: dlsym on a handle dlopen returned, with a valid C string.
            let p = unsafe { dlsym(h, name.as_ptr()) };
            assert!(!p.is_null(), "libfribidi has no {name:?}");
            p
        };
        // SAFETY: the signatures are those of fribidi 1.0's public headers.
        unsafe {
            FriBidi {
                types: std::mem::transmute::<*mut c_void, GetTypes>(sym(c"fribidi_get_bidi_types")),
                brackets: std::mem::transmute::<*mut c_void, GetBrackets>(sym(
                    c"fribidi_get_bracket_types",
                )),
                levels: std::mem::transmute::<*mut c_void, GetLevels>(sym(
                    c"fribidi_get_par_embedding_levels_ex",
                )),
                reorder: std::mem::transmute::<*mut c_void, ReorderLine>(sym(
                    c"fribidi_reorder_line",
                )),
            }
        }
    }

    /// Resolves `paragraph` (one UAX #9 paragraph) under `rtl` (`None`: P2/P3) and reorders
    /// each of `lines` (char ranges of it). Returns whether the paragraph is RTL and, per
    /// line, `map[visual] = logical` with chars counted from the line's start.
    pub fn reorder(
        &self,
        paragraph: &str,
        rtl: Option<bool>,
        lines: &[Range<usize>],
    ) -> (bool, Vec<Vec<usize>>) {
        let chars: Vec<FriChar> = paragraph.chars().map(u32::from).collect();
        let n = chars.len();
        let len = StrIndex::try_from(n).expect("paragraph fits a C int");
        let mut types = vec![0; n];
        let mut brackets = vec![0; n];
        let mut levels = vec![0; n];
        let mut base = match rtl {
            None => PAR_ON,
            Some(true) => PAR_RTL,
            Some(false) => PAR_LTR,
        };
        // SAFETY: every buffer holds `n` elements, as the functions require.
        unsafe {
            (self.types)(chars.as_ptr(), len, types.as_mut_ptr());
            (self.brackets)(chars.as_ptr(), len, types.as_ptr(), brackets.as_mut_ptr());
            let max = (self.levels)(
                types.as_ptr(),
                brackets.as_ptr(),
                len,
                &mut base,
                levels.as_mut_ptr(),
            );
            assert!(max > 0, "fribidi could not resolve {paragraph:?}");
        }
        let maps = lines
            .iter()
            .map(|line| {
                assert!(line.end <= n, "line {line:?} outside a {n}-char paragraph");
                // L1 changes the levels in place, so each line starts from the paragraph's.
                let mut lv = levels.clone();
                let mut map: Vec<StrIndex> = (0..len).collect();
                // SAFETY: whole-paragraph buffers, the line inside them.
                unsafe {
                    (self.reorder)(
                        FLAG_REORDER_NSM,
                        types.as_ptr(),
                        line.len() as StrIndex,
                        line.start as StrIndex,
                        base,
                        lv.as_mut_ptr(),
                        std::ptr::null_mut(),
                        map.as_mut_ptr(),
                    );
                }
                map[line.clone()].iter().map(|&m| m as usize - line.start).collect()
            })
            .collect();
        (base == PAR_RTL, maps)
    }
}
