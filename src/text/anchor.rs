//! A passage anchored by its own words, as e-book readers do: the quoted text with a little
//! context before and after, plus the byte offset as a hint. It survives re-extraction and
//! rewrapping (offsets move, words stay) and fails visibly when the passage is gone.

/// Characters of context kept on each side of the quote.
const CONTEXT: usize = 32;

/// Characters of the quote itself, at most.
const QUOTE: usize = 80;

/// A passage of a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The passage's own words.
    pub quote: String,
    /// Up to [`CONTEXT`] characters before it.
    pub before: String,
    /// Up to [`CONTEXT`] characters after it.
    pub after: String,
    /// Byte offset where it was: the tie-break between equal quotes.
    pub offset: usize,
}

impl Anchor {
    /// The passage of `text` at byte `start..end` (clamped to character boundaries; an empty
    /// range takes the words that follow `start`, up to the end of the line).
    pub fn at(text: &str, start: usize, end: usize) -> Anchor {
        let start = floor(text, start.min(text.len()));
        let mut end = floor(text, end.min(text.len())).max(start);
        if end == start {
            let rest = &text[start..];
            end = start + rest.find('\n').unwrap_or(rest.len());
        }
        let quote: String = text[start..end].chars().take(QUOTE).collect();
        let before: String = {
            let mut b: Vec<char> = text[..start].chars().rev().take(CONTEXT).collect();
            b.reverse();
            b.into_iter().collect()
        };
        let after_start = start + quote.len();
        let after: String = text[after_start..].chars().take(CONTEXT).collect();
        Anchor { quote, before, after, offset: start }
    }

    /// Where the passage is in `text` now: the occurrence of the quote whose context matches
    /// best, the nearest to the old offset among equals; `None` when the quote is gone.
    /// Whitespace differences (rewrapping) do not matter.
    pub fn find(&self, text: &str) -> Option<usize> {
        if self.quote.trim().is_empty() {
            return (self.offset <= text.len()).then(|| floor(text, self.offset));
        }
        let (flat, map) = squeeze(text);
        let quote = squeeze(&self.quote).0;
        let before = squeeze(&self.before).0;
        let after = squeeze(&self.after).0;
        let quote = quote.trim();
        let mut best: Option<(usize, usize, usize)> = None; // (score, distance, offset)
        for (i, _) in flat.match_indices(quote) {
            let score = common_suffix(&flat[..i], before.trim_end())
                + common_prefix(&flat[i + quote.len()..], after.trim_start());
            let at = map[i];
            let distance = at.abs_diff(self.offset);
            let better = match best {
                None => true,
                Some((s, d, _)) => score > s || (score == s && distance < d),
            };
            if better {
                best = Some((score, distance, at));
            }
        }
        best.map(|(_, _, at)| at)
    }
}

/// `text` with every run of whitespace as one space, and the byte offset in `text` of each
/// byte of the result.
fn squeeze(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                map.push(i);
            }
            space = true;
            continue;
        }
        space = false;
        out.push(c);
        map.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    map.push(text.len());
    (out, map)
}

/// Characters `a` ends with that `b` ends with too.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

/// Characters `a` starts with that `b` starts with too.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The character boundary at or before `i`.
fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_is_found_after_rewrapping_and_text_inserted_before_it() {
        let old = "First paragraph.\n\nThe envoy met the minister in Damascus on Tuesday.\n";
        let start = old.find("The envoy").unwrap();
        let a = Anchor::at(old, start, start + 20);
        let new = "A new lead paragraph was added.\n\nFirst paragraph.\n\nThe envoy met\nthe minister in Damascus on Tuesday.\n";
        let at = a.find(new).expect("found");
        assert!(new[at..].starts_with("The envoy met"), "{:?}", &new[at..]);
    }

    #[test]
    fn the_context_chooses_between_equal_quotes_and_a_vanished_quote_is_none() {
        let text = "He said no. Later, in Seoul, he said no. Then he left.";
        let second = text.rfind("he said no").unwrap();
        let a = Anchor::at(text, second, second + "he said no".len());
        // The same text with the offset hint far off still finds the second by its context.
        let moved = format!("{}{}", "x ".repeat(40), text);
        let at = Anchor { offset: 0, ..a.clone() }.find(&moved).unwrap();
        assert_eq!(at, 80 + second);
        assert_eq!(a.find("Nothing of the sort here."), None);
    }

    #[test]
    fn anchors_cut_on_character_boundaries_in_arabic() {
        let text = "قال الرئيس إن كيم جونغ أون زار دمشق";
        for i in 0..text.len() {
            let a = Anchor::at(text, i, i + 7);
            assert!(a.find(text).is_some(), "at {i}");
        }
    }
}
