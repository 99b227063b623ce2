//! Acronyms in English text: the shape of one, and the capitalised run whose initials spell it
//! ("Syrian Arab News Agency (SANA)", "IRGC, the Islamic Revolutionary Guard Corps"), which
//! defines it and links its bare uses to it. An acronym nothing defines is an organisation of
//! its own, unless it is a common abbreviation ("COVID") or stands in a line of capitals (a
//! headline: "BREAKING").

use super::english::{Tok, adjacent, word};
use crate::extract::resolve::Cand;
use std::ops::Range;

use crate::lang::en::words::EN_NOT_ACRONYMS;

/// 2–8 capitals, with at most one lower-case letter inside ("AfD"): an acronym's shape.
pub(super) fn is_acronym(w: &str) -> bool {
    let upper = w.chars().filter(char::is_ascii_uppercase).count();
    let lower = w.chars().filter(char::is_ascii_lowercase).count();
    (2..=8).contains(&upper)
        && lower <= 1
        && !w.ends_with('s')
        && w.chars().all(|c| c.is_ascii_alphabetic())
        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// The first token of the capitalised run ending just before the bracket at token `acr`
/// whose initials (of capitalised words and hyphen parts; "of", "the", "and"… skipped)
/// spell the acronym `w`.
pub(super) fn expansion_start(text: &str, toks: &[Tok], acr: usize, w: &str) -> Option<usize> {
    let want: Vec<char> = w.chars().filter(char::is_ascii_uppercase).collect();
    let mut initials: Vec<char> = Vec::new();
    let mut s = acr;
    while s > 0 && acr - s < 12 {
        let p = &toks[s - 1];
        if s < acr && !adjacent(text, p, &toks[s]) {
            break;
        }
        let pw = word(text, p);
        if p.cap {
            let mut parts: Vec<char> = pw
                .split('-')
                .filter_map(|part| part.chars().next().filter(|c| c.is_uppercase()))
                .collect();
            parts.reverse();
            initials.extend(parts);
        } else if !matches!(pw, "of" | "the" | "for" | "and" | "in" | "on" | "de" | "du" | "al") {
            break;
        }
        s -= 1;
        if p.cap && initials.len() == want.len() {
            let mut got = initials.clone();
            got.reverse();
            let same = got.iter().zip(&want).all(|(a, b)| a.eq_ignore_ascii_case(b));
            return same.then_some(s);
        }
        if initials.len() > want.len() {
            break;
        }
    }
    None
}

/// Whether `w` may be defined as an organisation's acronym: the shape, and not a common
/// abbreviation ("Chief Executive Officer (CEO)" names no body).
pub(super) fn may_name_org(w: &str) -> bool {
    is_acronym(w) && !EN_NOT_ACRONYMS.contains(w)
}

/// "IRGC, the Islamic Revolutionary Guard Corps", "SDF (Syrian Democratic Forces)": the
/// capitalised run right after the acronym at token `acr` whose initials spell it. Returns its
/// first and end tokens.
pub(super) fn expansion_after(text: &str, toks: &[Tok], acr: usize) -> Option<(usize, usize)> {
    let t = toks.get(acr)?;
    let w = word(text, t);
    let rest = &text[t.range.end..];
    let lead = [", the ", ", ", " ("].into_iter().find(|p| rest.starts_with(p))?;
    let start = toks.partition_point(|n| n.range.start < t.range.end + lead.len());
    let want: Vec<char> = w.chars().filter(char::is_ascii_uppercase).collect();
    let mut got = 0;
    let mut k = start;
    while k < toks.len() && k - start < 12 {
        let n = &toks[k];
        if k > start && !adjacent(text, &toks[k - 1], n) {
            break;
        }
        let nw = word(text, n);
        if n.cap {
            for part in nw.split('-').filter_map(|p| p.chars().next().filter(|c| c.is_uppercase()))
            {
                if want.get(got).is_none_or(|c| !c.eq_ignore_ascii_case(&part)) {
                    return None;
                }
                got += 1;
            }
            if got == want.len() {
                return Some((start, k + 1));
            }
        } else if k == start
            || !matches!(nw, "of" | "the" | "for" | "and" | "in" | "on" | "de" | "du" | "al")
        {
            return None;
        }
        k += 1;
    }
    None
}

/// Bare acronyms nothing defines ("INEC", "SAG"): organisations, unless they are common
/// abbreviations ("CEO", "COVID", "UPDATE") or stand in a line written in capitals (a shouted
/// headline: "BREAKING: COVID CASES RISE"). Measured on the development sets, news uses most
/// acronyms of bodies undefined, so requiring a definition cost more than it saved.
pub fn bare_acronyms(text: &str, toks: &[Tok]) -> Vec<Range<usize>> {
    let mut lines = CapitalLines::default();
    toks.iter()
        .filter(|t| may_name_org(word(text, t)) && !lines.in_capitals(text, t.range.start))
        .map(|t| t.range.clone())
        .collect()
}

/// Whether lines have more capitals than lower-case letters, each line counted once (asking
/// per token made one long line cost quadratic time).
#[derive(Default)]
struct CapitalLines {
    /// The last line counted: its byte range and the answer.
    last: Option<(Range<usize>, bool)>,
}

impl CapitalLines {
    fn in_capitals(&mut self, text: &str, at: usize) -> bool {
        if let Some((r, answer)) = &self.last
            && r.contains(&at)
        {
            return *answer;
        }
        let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        let line = &text[start..end];
        let upper = line.chars().filter(|&c| crate::text::script::is_upper(c)).count();
        let lower = line.chars().filter(|c| c.is_lowercase()).count();
        self.last = Some((start..end.max(start + 1), upper > lower));
        upper > lower
    }
}

/// Acronyms the text defines: in parentheses right after a candidate ("(SANA)" after "Syrian
/// Arab News Agency"), or just before one ("IRGC, the Islamic Revolutionary Guard Corps",
/// "SDF (Syrian Democratic Forces)"). Each gives the acronym the expansion's kind and entity
/// id. Returns (acronym, index of the expansion).
pub fn acronym_pairs(text: &str, cands: &[Cand]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        let before = &text[..c.range.start];
        if let Some(head) = [", the ", ", ", " ("].iter().find_map(|p| before.strip_suffix(p)) {
            let acr = head.rsplit(|ch: char| !ch.is_ascii_alphabetic()).next().unwrap_or("");
            if may_name_org(acr)
                && text[c.range.end..].starts_with([')', ',', '.', ' ', ';'])
                && initials_spell(&c.surface, acr)
            {
                out.push((acr.to_string(), ci));
                continue;
            }
        }
        let rest = &text[c.range.end..];
        // The bracket closes within a few bytes or it holds no acronym (and a missing `)`
        // must not cost a scan of the rest of the text).
        let Some(inner) = rest.strip_prefix(" (").and_then(|r| {
            let near = r.char_indices().take(17).find(|&(_, ch)| ch == ')')?;
            Some(&r[..near.0])
        }) else {
            continue;
        };
        let letters = inner.chars().filter(|&c| crate::text::script::is_letter(c)).count();
        if (2..=8).contains(&letters) && inner.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
            out.push((inner.to_string(), ci));
        }
    }
    out
}

/// Whether the capitalised words of `name` (and their hyphen parts) start with the letters of
/// `acr`, in order.
fn initials_spell(name: &str, acr: &str) -> bool {
    let initials = name
        .split([' ', '-'])
        .filter_map(|p| p.chars().next().filter(|c| c.is_uppercase()))
        .map(|c| c.to_ascii_uppercase());
    initials.eq(acr.chars().filter(char::is_ascii_uppercase))
}
