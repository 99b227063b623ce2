//! Where the commands' words leave the process: `qari:` lines on stderr and JSON Lines on
//! stdout, both through [`printable`], so no path, query or title reaches a terminal (or a
//! JSON string a terminal will show) as a control or BiDi character.
//!
//! A closed stdout (`qari list | head -1`) is not an error: writes fail with
//! [`std::io::ErrorKind::BrokenPipe`], which becomes [`super::CliError::Closed`] and a quiet
//! exit 0 in `run`; nothing here exits the process.

use std::io::Write;

use serde::Serialize;

use super::CliError;
use crate::text::printable::{is_unprintable, printable};

/// Writes `qari: LINE` to stderr for each line of `message`, every line made printable.
/// Errors are ignored: with stderr gone there is nowhere left to report them.
pub fn warn(message: &str) {
    let mut err = std::io::stderr().lock();
    for line in message.split('\n') {
        let _ = writeln!(err, "qari: {}", printable(line));
    }
}

/// Writes `value` as one JSON line: serde_json's escapes, plus `\uXXXX` for every character
/// [`is_unprintable`] names that serde_json would write raw (DEL, C1 controls, BiDi
/// controls and marks). A JSON reader gets the exact strings back.
pub fn json_line(out: &mut impl Write, value: &impl Serialize) -> Result<(), CliError> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter);
    value.serialize(&mut ser).map_err(|e| match e.io_error_kind() {
        Some(kind) => CliError::from(std::io::Error::from(kind)),
        None => CliError::Internal(e.to_string()),
    })?;
    writeln!(out)?;
    Ok(())
}

/// serde_json's compact formatter, with unprintable characters in strings escaped.
struct SafeFormatter;

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unprintable(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                // Every unprintable character is in the BMP: one \uXXXX escape.
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_escapes_what_serde_json_lets_through() {
        let mut out = Vec::new();
        let v = serde_json::json!({"path": "a\u{9b}2J\u{202e}b\x7f\x1b.txt"});
        super::json_line(&mut out, &v).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s, "{\"path\":\"a\\u009b2J\\u202eb\\u007f\\u001b.txt\"}\n");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v, "a JSON reader gets the exact string back");
    }
}
