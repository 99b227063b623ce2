//! Making untrusted article text safe once, at load: after this no byte of it can reach a
//! terminal as a control sequence.

/// Text made safe, with a count of what was removed (for a warning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanitized {
    /// The cleaned text: only `\n` remains of the C0 controls.
    pub text: String,
    /// How many characters or escape sequences were removed or replaced.
    pub removed: usize,
}

/// Removes C0/C1 controls (keeping `\n`, expanding `\t`), whole ESC/CSI/OSC/DCS sequences and
/// BiDi embedding/override/isolate controls.
pub fn sanitize(raw: &str) -> Sanitized {
    // Placeholder until the text layer lands: drop every control but newline.
    let mut removed = 0;
    let text = raw
        .chars()
        .filter(|&c| {
            let keep = c == '\n' || !c.is_control();
            removed += usize::from(!keep);
            keep
        })
        .collect();
    Sanitized { text, removed }
}
