//! Pure text primitives: sanitising untrusted text, script and direction detection,
//! normalisation for matching, display width and layout (wrap + BiDi + shaping).
//! Knows nothing of documents or terminals.

pub mod anchor;
pub mod calendar;
pub mod guard;
pub mod layout;
pub mod normalize;
pub mod printable;
pub mod sanitize;
pub mod script;
pub mod width;

/// `n` and an English noun, singular for one ("1 document", "3 documents"); for messages
/// and headings, so counts never read "1 lines". Regular plurals only (noun + `s`).
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

#[cfg(test)]
mod plural_tests {
    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(super::plural(1, "line"), "1 line");
        assert_eq!(super::plural(0, "document"), "0 documents");
        assert_eq!(super::plural(12, "row"), "12 rows");
    }
}
