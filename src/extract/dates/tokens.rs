//! One pass over the text into words, numbers and punctuation, each with its byte range in
//! the original text and, for words, its meaning to the date scanner (looked up after
//! folding with `crate::text::normalize::fold_char`, so alef forms and harakat do not matter).

use crate::text::normalize::fold_char;
use crate::text::script::{is_arabic_mark, is_letter};

use super::lexicon::{self, Lex};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    /// A run of digits (ASCII, Arabic-Indic or Persian).
    Num,
    /// One punctuation or symbol character; a line break is `Punct('\n')`.
    Punct(char),
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Where a mention starting at this token starts: after a leading Arabic proclitic
    /// (و ف ب ل ك) that was stripped to find the word's meaning, else `start`.
    pub core: usize,
    pub kind: Kind,
    /// No whitespace between the previous token and this one.
    pub glued: bool,
    /// The first letter is upper case (English month and weekday names must be).
    pub cap: bool,
    pub lex: Lex,
    /// Value of a number (saturating) and its digit count.
    pub value: u32,
    pub digits: u32,
}

fn is_word_char(c: char) -> bool {
    is_letter(c) || is_arabic_mark(c) || matches!(c, '\u{0640}' | '\u{200C}' | '\u{200D}')
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '٠'..='٩' | '۰'..='۹' => fold_char(c).and_then(|d| d.to_digit(10)),
        _ => None,
    }
}

/// Splits `text` into tokens. `buf` is scratch space reused between words.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut buf = String::with_capacity(32);
    let mut glued = false;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '\n' {
            toks.push(punct(i, c, glued));
            glued = false;
            continue;
        }
        if c.is_whitespace() {
            glued = false;
            continue;
        }
        if let Some(d) = digit_value(c) {
            let (mut value, mut digits, mut end) = (d, 1u32, i + c.len_utf8());
            while let Some(&(j, n)) = it.peek() {
                let Some(d) = digit_value(n) else { break };
                value = value.saturating_mul(10).saturating_add(d);
                digits = digits.saturating_add(1);
                end = j + n.len_utf8();
                it.next();
            }
            toks.push(Tok {
                start: i,
                end,
                core: i,
                kind: Kind::Num,
                glued,
                cap: false,
                lex: Lex::None,
                value,
                digits,
            });
        } else if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = it.peek() {
                // A ZWNJ between letters is inside a Persian word («سه‌شنبه» is one weekday,
                // not سه + Saturday).
                let zwnj = n == '\u{200C}' && text[j + n.len_utf8()..].starts_with(is_word_char);
                if !is_word_char(n) && !zwnj {
                    break;
                }
                end = j + n.len_utf8();
                it.next();
            }
            toks.push(word(text, i, end, glued, &mut buf));
        } else {
            toks.push(punct(i, c, glued));
        }
        glued = true;
    }
    toks
}

fn punct(i: usize, c: char, glued: bool) -> Tok {
    Tok {
        start: i,
        end: i + c.len_utf8(),
        core: i,
        kind: Kind::Punct(c),
        glued,
        cap: false,
        lex: Lex::None,
        value: 0,
        digits: 0,
    }
}

/// Longest word worth looking up, in bytes (the longest table entry is well below this).
const MAX_WORD: usize = 40;

fn word(text: &str, start: usize, end: usize, glued: bool, buf: &mut String) -> Tok {
    let w = &text[start..end];
    let cap = w.chars().next().is_some_and(crate::text::script::is_upper);
    let mut tok = Tok {
        start,
        end,
        core: start,
        kind: Kind::Word,
        glued,
        cap,
        lex: Lex::None,
        value: 0,
        digits: 0,
    };
    if w.len() > MAX_WORD {
        return tok;
    }
    buf.clear();
    buf.extend(w.chars().filter_map(fold_char));
    tok.lex = lexicon::lookup(buf);
    if tok.lex == Lex::None {
        // A leading Arabic proclitic: وفي, بحزيران, لعام; للعام is ل + العام.
        let mut chars = buf.chars();
        let first = chars.next();
        let rest = chars.as_str();
        if first.is_some_and(crate::lang::ar::is_proclitic) && rest.chars().count() >= 2 {
            let mut lex = lexicon::lookup(rest);
            if lex == Lex::None && first == Some('ل') && rest.starts_with('ل') {
                let mut with_article = String::from("ا");
                with_article.push_str(rest);
                lex = lexicon::lookup(&with_article);
            }
            if lex != Lex::None {
                tok.lex = lex;
                // The core starts at the second letter of the original (skipping marks).
                tok.core = w
                    .char_indices()
                    .skip(1)
                    .find(|&(_, c)| fold_char(c).is_some())
                    .map_or(start, |(j, _)| start + j);
            }
        }
    }
    tok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_punctuation_keep_their_offsets() {
        let t = "On 4-12-2018, وبحزيران ٢٠١٩";
        let toks = tokenize(t);
        let texts: Vec<&str> = toks.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(texts, ["On", "4", "-", "12", "-", "2018", ",", "وبحزيران", "٢٠١٩"]);
        assert_eq!(toks[5].value, 2018);
        assert!(toks[2].glued && !toks[1].glued);
        assert_eq!(toks[8].value, 2019);
        assert_eq!(toks[8].digits, 4);
    }

    #[test]
    fn a_proclitic_is_left_off_the_core() {
        let t = "وحزيران";
        let tok = tokenize(t)[0];
        assert!(matches!(tok.lex, Lex::Month { month: 6, .. }));
        assert_eq!(&t[tok.core..tok.end], "حزيران");
    }

    #[test]
    fn huge_numbers_saturate() {
        let toks = tokenize("99999999999999999999999");
        assert_eq!(toks[0].value, u32::MAX);
    }
}
