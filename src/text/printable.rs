//! Making strings that did not come through the article sanitiser — file paths, queries,
//! error messages — safe to show: every character that a terminal could take as a control
//! (C0, DEL, C1, hence ESC and the 8-bit CSI/OSC introducers) or that would re-order the text
//! around it (BiDi embeddings, overrides, isolates and marks) is written out visibly, as
//! `\x1b` or `\u{202e}`. One function for every command's output, stderr, JSON strings and
//! the reader, so no path can reach a terminal in a form the others would have refused.
//!
//! Backslashes are left alone, so escaping twice changes nothing; the result is for showing,
//! not for reading back (a file named `a\x1b` and one named `a` + ESC look the same).

use std::borrow::Cow;

use super::sanitize::is_bidi_format_control;

/// Whether `c` must not reach a terminal as itself: C0 controls (tab and line breaks too),
/// DEL, C1 controls, BiDi embedding/override/isolate controls (U+202A–U+202E,
/// U+2066–U+2069), the marks LRM, RLM and ALM (U+200E, U+200F, U+061C) and the line and
/// paragraph separators (U+2028, U+2029).
pub fn is_unprintable(c: char) -> bool {
    c.is_control()
        || is_bidi_format_control(c)
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2028}' | '\u{2029}')
}

/// `s` with every [`is_unprintable`] character escaped visibly: `\t`, `\n`, `\r`, `\xHH` for
/// the other ASCII controls and DEL, `\u{…}` for the rest. Borrows when nothing needs it.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unprintable) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_printable(&mut out, c);
    }
    Cow::Owned(out)
}

/// [`printable`] cut to at most `max_chars` characters of the original (the escapes do not
/// count), with "…" when cut: for echoing what a user typed, which may be a whole file.
pub fn printable_excerpt(s: &str, max_chars: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max_chars) {
        None => printable(s),
        Some((cut, _)) => {
            let mut out = printable(&s[..cut]).into_owned();
            out.push('…');
            Cow::Owned(out)
        }
    }
}

/// A path as [`printable`] text (bytes that are not UTF-8 show as U+FFFD).
pub fn printable_path(p: &std::path::Path) -> String {
    printable(&p.to_string_lossy()).into_owned()
}

/// Appends `c`, escaped when [`is_unprintable`].
fn push_printable(out: &mut String, c: char) {
    use std::fmt::Write;
    if !is_unprintable(c) {
        out.push(c);
        return;
    }
    let _ = match c {
        '\t' => write!(out, "\\t"),
        '\n' => write!(out, "\\n"),
        '\r' => write!(out, "\\r"),
        c if c.is_ascii() => write!(out, "\\x{:02x}", c as u32),
        c => write!(out, "\\u{{{:x}}}", c as u32),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn controls_and_bidi_are_escaped_visibly() {
        assert_eq!(printable("e\x1b]0;PWNED\x07.txt"), "e\\x1b]0;PWNED\\x07.txt");
        assert_eq!(printable("a\u{9b}2Jb"), "a\\u{9b}2Jb");
        assert_eq!(printable("gnp.\u{202e}exe"), "gnp.\\u{202e}exe");
        assert_eq!(
            printable("\u{2066}x\u{2069}\u{200e}\u{200f}\u{61c}"),
            "\\u{2066}x\\u{2069}\\u{200e}\\u{200f}\\u{61c}"
        );
        assert_eq!(printable("a\tb\nc\rd\x7f\0"), "a\\tb\\nc\\rd\\x7f\\x00");
        assert_eq!(printable("x\u{2028}y\u{85}"), "x\\u{2028}y\\u{85}");
    }

    #[test]
    fn readable_text_is_borrowed_untouched() {
        let s = "assets/corpus/بيونغ يانغ — 漢字 \\x1b.txt";
        assert!(matches!(printable(s), Cow::Borrowed(_)));
        assert_eq!(printable(s), s);
    }

    #[test]
    fn excerpts_are_cut_by_characters() {
        assert_eq!(printable_excerpt("abcdef", 3), "abc…");
        assert_eq!(printable_excerpt("abc", 3), "abc");
        assert_eq!(printable_excerpt("بيونغ", 2), "بي…");
        assert_eq!(printable_excerpt("\x1b\x1b\x1b\x1b", 2), "\\x1b\\x1b…");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn output_is_printable_and_stable(s in ".{0,40}", c in any::<char>()) {
            let s = format!("{s}{c}\u{1b}[{c}\u{9d}");
            let once = printable(&s).into_owned();
            prop_assert!(!once.chars().any(is_unprintable), "{:?}", once);
            prop_assert_eq!(printable(&once), once.as_str());
        }
    }
}
