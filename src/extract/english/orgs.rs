//! English organisation rules: names ending in a head word ("Central Bank of Nigeria",
//! "Sudanese Armed Forces", "Samsung Electronics Co Ltd"), sports clubs ("Leicester City",
//! "FC Porto") where the text is about sport, and the runs an acronym defines.

use std::ops::Range;

use super::{Ctx, Tok, adjacent, cand, is_building, span, word};
use crate::extract::EntityKind;
use crate::extract::acronyms;
use crate::extract::resolve::Cand;
use crate::lang::en::words::{
    EN_CLUB_PREFIXES, EN_CLUB_SUFFIXES, EN_CLUB_SUFFIXES_ALWAYS, EN_COMPANY_SUFFIXES, EN_ORG_HEADS,
    EN_PERSON_CUES, EN_REPORTING, EN_SPORT_WORDS, EN_STOP, EN_STRONG_ORG_HEADS,
};

/// "People for the Ethical Treatment of Animals (PETA)": a capitalised run whose initials spell
/// the acronym in brackets after it names an organisation.
pub(super) fn acronym_expansion(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks) = (c.text, c.toks);
    let t = &toks[i];
    let w = word(text, t);
    if acronyms::may_name_org(w)
        && text[..t.range.start].ends_with(" (")
        && text[t.range.end..].starts_with(')')
        && let Some(s) = acronyms::expansion_start(text, toks, i, w)
    {
        let r = toks[s].range.start..text[..t.range.start].len() - 2;
        out.push(cand(text, r, EntityKind::Org));
    }
}

/// "IRGC, the Islamic Revolutionary Guard Corps", "SDF (Syrian Democratic Forces)": the run
/// after an acronym whose initials spell it names an organisation.
pub(super) fn acronym_before_expansion(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks) = (c.text, c.toks);
    let t = &toks[i];
    if t.cap
        && acronyms::may_name_org(word(text, t))
        && let Some((s, e)) = acronyms::expansion_after(text, toks, i)
    {
        out.push(cand(text, span(toks, s, e), EntityKind::Org));
    }
}

/// Organisation names ending in a head word (a "Detention Centre" is a building).
pub(super) fn org_head(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks) = (c.text, c.toks);
    let t = &toks[i];
    let w = word(text, t);
    // In a title-case line every word is capitalised: only the heads that name bodies, and
    // at most two words before them ("Syrian Army", not "Jordan Henderson Joins Saudi Club").
    let headline_ok = !t.headline || EN_STRONG_ORG_HEADS.contains(w);
    if EN_ORG_HEADS.contains(w) && t.cap && headline_ok && !is_building(text, toks, i) {
        let mut s = i;
        let most = if t.headline { 2 } else { 6 };
        while s > 0 && i - s < most && adjacent(text, &toks[s - 1], &toks[s]) {
            let pw = word(text, &toks[s - 1]);
            let capital = toks[s - 1].cap && !EN_STOP.contains(pw) && !EN_REPORTING.contains(pw);
            // A connector joins the words of one name ("Justice and Development Party"), not
            // two names ("Emirates Airlines and Qatar Airways"), and a company's legal suffix
            // takes none ("Shares of Tesla Inc").
            let connector = matches!(pw, "of" | "for" | "and")
                && s >= 2
                && toks[s - 2].cap
                && !EN_ORG_HEADS.contains(word(text, &toks[s - 2]))
                && !EN_COMPANY_SUFFIXES.contains(w);
            if capital || connector {
                s -= 1;
            } else {
                break;
            }
        }
        let mut e = i + 1;
        // "Ministry of Foreign Affairs", "Office for the Coordination of Humanitarian
        // Affairs", "Academy of Motion Picture Arts and Sciences": capitalised words, with
        // "the" after the first preposition and inner "of"/"and" between capitals.
        if toks.get(e).is_some_and(|n| matches!(word(text, n), "of" | "for")) {
            let mut m = e + 1;
            if toks.get(m).is_some_and(|n| word(text, n) == "the") {
                m += 1;
            }
            let first = m;
            let mut end = e;
            while m < toks.len() && adjacent(text, &toks[m - 1], &toks[m]) && m - e < 9 {
                let connector = matches!(word(text, &toks[m]), "of" | "and")
                    && m > first
                    && toks.get(m + 1).is_some_and(|n| n.cap);
                if toks[m].cap {
                    end = m + 1;
                } else if !connector {
                    break;
                }
                m += 1;
            }
            if end > first {
                e = end;
            }
        }
        if e - s >= 2 {
            let r = span(toks, s, e);
            out.push(cand(text, r, EntityKind::Org));
        }
    }
}

/// Bytes either side of a club name searched for a word of sport (about a paragraph).
const SPORT_WINDOW: usize = 300;

/// Whether the text within [`SPORT_WINDOW`] bytes of `r` has a word of sport.
fn about_sport(text: &str, toks: &[Tok], r: &Range<usize>) -> bool {
    let from = toks.partition_point(|t| t.range.end + SPORT_WINDOW < r.start);
    toks[from..]
        .iter()
        .take_while(|t| t.range.start <= r.end + SPORT_WINDOW)
        .any(|t| EN_SPORT_WORDS.contains(word(text, t)))
}

/// Clubs: a name and a club suffix ("Celtic FC", "Leicester City"), or a club prefix and a town
/// ("FC Porto", "Real Madrid"). Suffixes other than FC/AFC/CF/SC, and prefixes other than
/// FC/AC, only where the passage is about sport ("Kansas City" is a city, "Real" a word).
pub(super) fn sports_club(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks) = (c.text, c.toks);
    let t = &toks[i];
    let w = word(text, t);
    if !t.cap || t.headline && !EN_CLUB_SUFFIXES_ALWAYS.contains(&w) {
        return;
    }
    let club_word = |k: usize| {
        toks.get(k).is_some_and(|n| {
            let nw = word(text, n);
            n.cap
                && !EN_STOP.contains(nw)
                && !EN_REPORTING.contains(nw)
                && !EN_PERSON_CUES.contains(nw)
        })
    };
    if EN_CLUB_SUFFIXES.contains(w) && i > 0 {
        let mut s = i;
        while s > 0 && i - s < 3 && adjacent(text, &toks[s - 1], &toks[s]) && club_word(s - 1) {
            s -= 1;
        }
        if s < i {
            let r = span(toks, s, i + 1);
            if EN_CLUB_SUFFIXES_ALWAYS.contains(&w) || about_sport(text, toks, &r) {
                out.push(cand(text, r, EntityKind::Org));
            }
        }
    }
    if EN_CLUB_PREFIXES.contains(w)
        && toks.get(i + 1).is_some_and(|n| adjacent(text, t, n))
        && club_word(i + 1)
    {
        let mut e = i + 2;
        if toks.get(e).is_some_and(|n| adjacent(text, &toks[e - 1], n)) && club_word(e) {
            e += 1;
        }
        let r = span(toks, i, e);
        if matches!(w, "FC" | "AC") || about_sport(text, toks, &r) {
            out.push(cand(text, r, EntityKind::Org));
        }
    }
}
