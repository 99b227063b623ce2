//! Snippets: one line of about [`SNIPPET_CHARS`] characters around the first hit, with the
//! hits' byte ranges translated into the snippet (whitespace runs become one space).

use std::ops::Range;

/// Target snippet length in characters (not bytes: Arabic letters take two bytes each).
pub const SNIPPET_CHARS: usize = 150;

/// Characters of context kept before the first hit.
const LEAD_CHARS: usize = 40;

/// Marks text cut off at either end of the snippet.
const ELLIPSIS: &str = "…";

/// A one-line passage of `text` around `hits[0]` (the start of the text without hits), and
/// the byte ranges of the hits inside it. `hits` are sorted byte ranges into `text`.
pub fn make(text: &str, hits: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let anchor = hits.first().map_or(0, |h| h.start.min(text.len()));
    let anchor = floor_char(text, anchor);
    let start = window_start(text, anchor);
    let end = window_end(text, start, hits.first().map_or(anchor, |h| h.end.min(text.len())));

    let mut out = String::new();
    // `map[i]` = snippet offset of original byte `start + i` (for char starts), plus the end.
    let mut map = vec![0usize; end - start + 1];
    if start > 0 && !text[..start].ends_with('\n') {
        out.push_str(ELLIPSIS);
    }
    let mut last_space = true;
    for (i, c) in text[start..end].char_indices() {
        map[i] = out.len();
        if c.is_whitespace() || c.is_control() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
    map[end - start] = out.len();
    let body_end = out.trim_end().len();
    out.truncate(body_end);
    if end < text.len() {
        out.push_str(ELLIPSIS);
    }

    let mut highlights = Vec::new();
    for h in hits {
        let (s, e) = (h.start.max(start), h.end.min(end));
        if s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        let (a, b) = (map[s - start], map[e - start].min(body_end));
        if a < b {
            highlights.push(a..b);
        }
    }
    (out, highlights)
}

/// The largest char boundary at or before `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Up to [`LEAD_CHARS`] characters before `anchor`, not across a line break, starting at a
/// word.
fn window_start(text: &str, anchor: usize) -> usize {
    let before = &text[..anchor];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut start = anchor;
    for (n, (i, _)) in before[line_start..].char_indices().rev().enumerate() {
        if n >= LEAD_CHARS {
            break;
        }
        start = line_start + i;
    }
    if start > line_start {
        // Begin after a space so the first word is whole.
        if let Some(sp) = text[start..anchor].find(char::is_whitespace) {
            start += sp;
            start += text[start..].chars().next().map_or(0, char::len_utf8);
        }
    }
    start
}

/// [`SNIPPET_CHARS`] characters from `start`, at least through `must_end`, cut after a word.
fn window_end(text: &str, start: usize, must_end: usize) -> usize {
    let mut end = text.len();
    for (n, (i, _)) in text[start..].char_indices().enumerate() {
        if n >= SNIPPET_CHARS {
            end = start + i;
            break;
        }
    }
    let end = end.max(must_end);
    if end < text.len()
        && let Some(sp) = text[must_end..end].rfind(char::is_whitespace)
    {
        return must_end + sp;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_land_on_the_hit_and_lines_are_joined() {
        let text = format!("{}\nThe sanctions on Pyongyang\nwere\tlifted.", "word ".repeat(60));
        let at = text.find("Pyongyang").unwrap();
        let (s, h) = make(&text, std::slice::from_ref(&(at..at + 9)));
        assert!(!s.contains('\n') && !s.contains('\t'), "{s}");
        assert_eq!(h.len(), 1);
        assert_eq!(&s[h[0].clone()], "Pyongyang");
        assert!(s.starts_with("The sanctions"), "{s}");
        assert!(s.contains("were lifted."), "{s}");
    }

    #[test]
    fn long_lines_are_cut_around_the_hit_with_ellipses() {
        let text = format!("{}قال العُقُوبَات {}", "كلمة ".repeat(100), "نص ".repeat(100));
        let at = text.find("العُقُوبَات").unwrap();
        let (s, h) = make(&text, std::slice::from_ref(&(at..at + "العُقُوبَات".len())));
        assert!(s.starts_with(ELLIPSIS) && s.ends_with(ELLIPSIS), "{s}");
        assert_eq!(&s[h[0].clone()], "العُقُوبَات");
        assert!(s.chars().count() <= SNIPPET_CHARS + 2);
    }

    #[test]
    fn no_hits_gives_the_opening() {
        let (s, h) = make("First line.\nSecond.", &[]);
        assert_eq!(s, "First line. Second.");
        assert!(h.is_empty());
    }
}
