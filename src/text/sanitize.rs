//! Making untrusted article text safe once, at load: after this no byte of it can reach a
//! terminal as a control sequence, and no BiDi control can re-order text outside its place.
//!
//! Rules, in order of precedence:
//! - Escape sequences go whole: CSI (`ESC [` … final byte), OSC (`ESC ]` … BEL or ST),
//!   DCS/SOS/PM/APC strings (`ESC P|X|^|_` … ST), `ESC` + intermediates + final, and their
//!   8-bit C1 introducers (U+009B CSI, U+009D OSC, U+0090 DCS, U+0098 SOS, U+009E PM,
//!   U+009F APC). A sequence that is not terminated before the end of its line is dropped up
//!   to that line end: better to lose the rest of a line than to let its bytes through.
//! - `\r\n` and a lone `\r` become `\n`; U+0085 NEL, U+2028 and U+2029 become `\n` too.
//! - `\t` becomes spaces up to the next tab stop; stops are every [`TAB_STOP`] columns
//!   (display columns since the last `\n`).
//! - Every other C0/C1 control and DEL is removed.
//! - BiDi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are removed:
//!   they carry state that a hostile article could use to spoof the order of what follows.
//!   The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are kept: they are stateless,
//!   zero-width, and authors use them to place neutrals (a `%` or `-` beside a number)
//!   correctly; the layout gives them to the BiDi algorithm and draws nothing for them.

use unicode_width::UnicodeWidthChar;

/// Tab stops are every this many display columns. 4 rather than the terminal's 8: the
/// reading pane is narrow and tabs in articles are indentation, not tables.
pub const TAB_STOP: usize = 4;

/// Text made safe, with a count of what was removed (for a warning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanitized {
    /// The cleaned text: only `\n` remains of the C0 controls.
    pub text: String,
    /// How many characters or escape sequences were removed or replaced (a `\r\n` line end
    /// and tab expansion are not counted: they are ordinary).
    pub removed: usize,
}

/// Whether `c` is a BiDi control that opens or closes an embedding, override or isolate.
pub fn is_bidi_format_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What terminates a control string (OSC, DCS, SOS, PM, APC).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sequence {
    Csi,
    /// OSC ends at BEL or ST; DCS/SOS/PM/APC at ST (BEL accepted too: we only drop).
    String,
}

/// Removes C0/C1 controls (keeping `\n`, expanding `\t`), whole ESC/CSI/OSC/DCS sequences and
/// BiDi embedding/override/isolate controls. See the module doc for the exact rules.
pub fn sanitize(raw: &str) -> Sanitized {
    let chars: Vec<char> = raw.chars().collect();
    let mut text = String::with_capacity(raw.len());
    let mut removed = 0;
    let mut column = 0; // display column since the last '\n', for tab stops
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '\n' => {
                text.push('\n');
                column = 0;
            }
            '\r' => {
                if chars.get(i) == Some(&'\n') {
                    i += 1;
                } else {
                    removed += 1;
                }
                text.push('\n');
                column = 0;
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' => {
                removed += 1;
                text.push('\n');
                column = 0;
            }
            '\t' => {
                let n = TAB_STOP - column % TAB_STOP;
                text.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            '\u{1b}' => {
                removed += 1;
                i = skip_escape(&chars, i);
            }
            '\u{9b}' => {
                removed += 1;
                i = skip_sequence(&chars, i, Sequence::Csi);
            }
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                removed += 1;
                i = skip_sequence(&chars, i, Sequence::String);
            }
            c if c.is_control() || is_bidi_format_control(c) => removed += 1,
            c => {
                text.push(c);
                column += c.width().unwrap_or(0);
            }
        }
    }
    Sanitized { text, removed }
}

/// Skips what follows an ESC at `i`; returns the index after the sequence.
fn skip_escape(chars: &[char], i: usize) -> usize {
    match chars.get(i) {
        Some('[') => skip_sequence(chars, i + 1, Sequence::Csi),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_sequence(chars, i + 1, Sequence::String),
        // ESC, intermediates 0x20–0x2F, one final 0x30–0x7E (e.g. `ESC ( B`, `ESC c`).
        Some(&c) if ('\u{20}'..='\u{7e}').contains(&c) => {
            let mut j = i;
            while chars.get(j).is_some_and(|c| ('\u{20}'..='\u{2f}').contains(c)) {
                j += 1;
            }
            match chars.get(j) {
                Some(c) if ('\u{30}'..='\u{7e}').contains(c) => j + 1,
                _ => to_line_end(chars, j),
            }
        }
        // A lone ESC (end of text, or followed by a control or non-ASCII): drop only it.
        _ => i,
    }
}

/// Skips the body of a CSI (parameters and intermediates up to a final byte) or of a control
/// string (up to BEL, `ESC \` or U+009C) starting at `i`. An unterminated sequence is
/// dropped to the end of its line (the `\n` is kept).
fn skip_sequence(chars: &[char], mut i: usize, kind: Sequence) -> usize {
    while let Some(&c) = chars.get(i) {
        match kind {
            Sequence::Csi => match c {
                '\u{20}'..='\u{3f}' => i += 1,
                '\u{40}'..='\u{7e}' => return i + 1,
                _ => return to_line_end(chars, i),
            },
            Sequence::String => match c {
                '\u{7}' | '\u{9c}' => return i + 1,
                '\u{1b}' if chars.get(i + 1) == Some(&'\\') => return i + 2,
                '\n' | '\r' => return i,
                _ => i += 1,
            },
        }
    }
    i
}

/// The index of the next line end (`\n` or `\r`) at or after `i`, or the end.
fn to_line_end(chars: &[char], i: usize) -> usize {
    chars[i.min(chars.len())..]
        .iter()
        .position(|&c| c == '\n' || c == '\r')
        .map_or(chars.len(), |p| i + p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn clean(s: &str) -> String {
        sanitize(s).text
    }

    #[test]
    fn escape_sequences_go_whole() {
        assert_eq!(clean("a\x1b[2Jb"), "ab");
        assert_eq!(clean("a\x1b[38;5;196mred\x1b[0m"), "ared");
        assert_eq!(clean("x\x1b]52;c;cHduZWQ=\x07y"), "xy", "OSC 52 ended by BEL");
        assert_eq!(clean("x\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\y"), "xlinky", "OSC 8 by ST");
        assert_eq!(clean("x\x1bPq#0;2;0;0;0\x1b\\y"), "xy", "DCS");
        assert_eq!(clean("x\x1b_apc\x1b\\y\x1b^pm\x1b\\z"), "xyz");
        assert_eq!(clean("x\x1b(By\x1bcz\x1b7w"), "xyzw", "two-byte and charset sequences");
        assert_eq!(sanitize("a\x1b[2Jb\x1b]0;t\x07").removed, 2);
    }

    #[test]
    fn unterminated_sequences_drop_to_the_line_end() {
        assert_eq!(clean("ok\x1b]0;PWNED never ends\nnext"), "ok\nnext");
        assert_eq!(clean("ok\x1b[12;"), "ok");
        assert_eq!(clean("ok\x1b[12é rest\nnext"), "ok\nnext", "CSI broken by a non-ASCII char");
        assert_eq!(clean("ok\x1bP dcs\r\nnext"), "ok\nnext");
        assert_eq!(clean("end\x1b"), "end");
    }

    #[test]
    fn c1_introducers_take_their_sequence_with_them() {
        assert_eq!(clean("a\u{9b}31mred"), "ared");
        assert_eq!(clean("a\u{9d}0;title\u{9c}b"), "ab");
        assert_eq!(clean("a\u{90}dcs\u{9c}b"), "ab");
        assert_eq!(clean("a\u{80}\u{9a}b"), "ab", "other C1 controls alone");
    }

    #[test]
    fn controls_line_ends_and_tabs() {
        assert_eq!(clean("a\0b\x07c\x7fd\x08e"), "abcde");
        assert_eq!(clean("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(sanitize("a\r\nb").removed, 0, "CRLF is ordinary");
        assert_eq!(clean("\tx"), "    x");
        assert_eq!(clean("ab\tx"), "ab  x");
        assert_eq!(clean("abcd\tx\n\ty"), "abcd    x\n    y");
        assert_eq!(clean("a\u{85}b\u{2029}c"), "a\nb\nc");
    }

    #[test]
    fn bidi_state_controls_go_and_marks_stay() {
        assert_eq!(clean("a\u{202e}desrever\u{202c}b"), "adesreverb");
        assert_eq!(clean("\u{2067}x\u{2069}\u{2066}\u{2068}\u{202a}\u{202b}\u{202d}"), "x");
        assert_eq!(clean("50\u{200e}%\u{200f}\u{061c}"), "50\u{200e}%\u{200f}\u{061c}");
    }

    #[test]
    fn readable_text_is_untouched() {
        let s = "وقال وارد لـ NK News: \"بشكل عام\" — שלום 漢字 ok.\n";
        assert_eq!(sanitize(s), Sanitized { text: s.to_string(), removed: 0 });
    }

    #[test]
    fn hostile_fixture_keeps_its_words_and_loses_its_sequences() {
        let raw = include_str!("../../tests/fixtures/hostile.txt");
        let out = sanitize(raw);
        assert!(out.text.contains("SAFE-ENGLISH-LINE"));
        assert!(out.text.contains("قال المتحدث إن الاتفاق آمن"));
        assert!(out.text.contains("SAFE-AFTER-UNTERMINATED"), "the next line survives");
        for bad in ["PWNED", "cHduZWQ", "evil.example", "31m", "2J"] {
            assert!(!out.text.contains(bad), "{bad} leaked: {:?}", out.text);
        }
        assert!(out.removed >= 8, "{}", out.removed);
    }

    fn hostile_char() -> impl Strategy<Value = char> {
        prop_oneof![
            3 => any::<char>(),
            2 => prop::sample::select(vec![
                '\x1b', '[', ']', '\\', '\x07', '\u{9b}', '\u{9c}', '\u{9d}', '\u{90}', '\r',
                '\n', '\t', 'P', '_', 'm', ';', '0', '\u{202e}', '\u{2067}', '\u{200f}', 'ب',
                '\u{85}', '\0', '\x7f',
            ]),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn output_has_no_controls_and_is_stable(chars in prop::collection::vec(hostile_char(), 0..64)) {
            let raw: String = chars.into_iter().collect();
            let once = sanitize(&raw);
            for c in once.text.chars() {
                prop_assert!(c == '\n' || !c.is_control(), "{:?} in {:?}", c, once.text);
                prop_assert!(!is_bidi_format_control(c), "{:?} in {:?}", c, once.text);
            }
            let twice = sanitize(&once.text);
            prop_assert_eq!(&twice.text, &once.text);
            prop_assert_eq!(twice.removed, 0);
        }
    }
}
