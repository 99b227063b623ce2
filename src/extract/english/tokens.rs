//! English words of a text with what the rules need to know about each: where it is, whether
//! it is capitalised, and whether its line is a title-case headline.

use std::ops::Range;

use crate::text::script::is_word_char;

/// A word of the original text.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Whether it starts with an upper-case letter.
    pub cap: bool,
    /// Whether its line is written in title case ("Trump Seeks to Keep South Korea…"): there
    /// a capital says nothing about names, and the rules read less into it.
    pub headline: bool,
}

/// Words: letters and digits with inner hyphens and apostrophes ("Myong-gu", "People's").
pub fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let inner = matches!(c, '-' | '\'' | '’')
            && start.is_some()
            && it.peek().is_some_and(|&(_, n)| crate::text::script::is_letter(n));
        if is_word_char(c) || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(tok(text, s, i));
        }
    }
    if let Some(s) = start {
        out.push(tok(text, s, text.len()));
    }
    mark_headlines(text, &mut out);
    out
}

/// Small words title case leaves in lower case.
const TITLE_CASE_SMALL: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "from",
    "by", "as", "vs", "via", "over", "into", "after", "amid", "than",
];

/// Marks the tokens of title-case lines: four or more words, every word of four letters or
/// more capitalised, and no sentence inside.
fn mark_headlines(text: &str, toks: &mut [Tok]) {
    let mut i = 0;
    while i < toks.len() {
        let line_end =
            text[toks[i].range.start..].find('\n').map_or(text.len(), |p| toks[i].range.start + p);
        let j = i + toks[i..].partition_point(|t| t.range.start < line_end);
        let line = &toks[i..j];
        let line_text = &text[toks[i].range.start..line_end];
        let words: Vec<&Tok> = line
            .iter()
            .filter(|t| text[t.range.clone()].chars().any(crate::text::script::is_letter))
            .collect();
        let title_case = words.len() >= 4
            && words.iter().filter(|t| t.cap).count() >= 3
            && words.iter().all(|t| {
                let w = &text[t.range.clone()];
                t.cap || TITLE_CASE_SMALL.contains(&w) || w.chars().count() < 4
            })
            && !line_text.trim_end().contains(". ");
        for t in &mut toks[i..j] {
            t.headline = title_case;
        }
        i = j.max(i + 1);
    }
}

fn tok(text: &str, s: usize, mut e: usize) -> Tok {
    // A possessive is not part of the word ("Syria’s" is Syria).
    for poss in ["'s", "’s"] {
        if text[s..e].ends_with(poss) && e - s > poss.len() {
            e -= poss.len();
        }
    }
    Tok {
        range: s..e,
        cap: text[s..e].chars().next().is_some_and(crate::text::script::is_upper),
        headline: false,
    }
}

pub fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.range.clone()]
}

/// Whether only spaces separate two tokens (names do not cross punctuation).
pub fn adjacent(text: &str, a: &Tok, b: &Tok) -> bool {
    text[a.range.end..b.range.start].chars().all(|c| c == ' ' || c == '\u{a0}')
}
