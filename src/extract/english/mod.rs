//! English rules for names the gazetteer does not know: title and role cues ("Foreign Minister
//! X", "Ambassador to Syria X", "Speaker of the People's Assembly X"), capitalised names before
//! reporting verbs, organisation names ending in Agency/Party/Ministry…, place names ending in
//! Airport/Sea/Province…, wire credits and kunyas: one function per rule family, tried at every
//! token (see [`RULES`]). Organisation rules are in `orgs`; acronyms in [`super::acronyms`].

mod orgs;
#[cfg(test)]
mod tests;
mod tokens;

pub use tokens::{Tok, adjacent, tokens, word};

use orgs::{acronym_before_expansion, acronym_expansion, org_head, sports_club};

use crate::lang::en::words::{
    EN_CREDITS, EN_KOREAN, EN_ORG_HEADS, EN_PARTICLES, EN_PERSON_CUES, EN_PLACE_HEADS,
    EN_REPORTING, EN_STOP, EN_TITLE_WORDS, is_given_name, is_surname,
};
use std::ops::Range;

use crate::extract::EntityKind;
use crate::extract::gazetteer::Gazetteer;
use crate::extract::resolve::Cand;

fn name_word(text: &str, t: &Tok, g: &Gazetteer) -> bool {
    let w = word(text, t);
    t.cap
        && !EN_STOP.contains(w)
        && !EN_PERSON_CUES.contains(w)
        && !EN_TITLE_WORDS.contains(w)
        && !EN_ORG_HEADS.contains(w)
        && !EN_PLACE_HEADS.contains(w)
        && !w.chars().all(|c| c.is_uppercase() || !crate::text::script::is_letter(c))
        && g.lookup(w).is_none_or(|a| a.kind == Some(EntityKind::Person))
}

/// The longest name (1–4 words) starting at token `i`: returns the end token (exclusive).
fn read_name(text: &str, toks: &[Tok], i: usize, g: &Gazetteer) -> Option<usize> {
    let mut j = i;
    while j < toks.len() && j - i < 4 {
        let ok = if j == i {
            name_word(text, &toks[j], g)
        } else {
            adjacent(text, &toks[j - 1], &toks[j])
                && (name_word(text, &toks[j], g)
                    || arabic_article_name(word(text, &toks[j]))
                    || (EN_PARTICLES.contains(word(text, &toks[j]))
                        && toks.get(j + 1).is_some_and(|n| n.cap)))
        };
        if !ok {
            break;
        }
        j += 1;
    }
    // A regnal number ends the name: "John Paul II", "Abdullah II".
    if j > i
        && toks.get(j).is_some_and(|n| {
            adjacent(text, &toks[j - 1], n)
                && matches!(word(text, n), "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII")
        })
    {
        j += 1;
    }
    (j > i).then_some(j)
}

/// A romanised Arabic surname with its article: "al-Nimri", "el-Sisi", "ad-Din".
fn arabic_article_name(w: &str) -> bool {
    ["al-", "el-", "ad-", "ar-", "as-", "at-", "an-", "az-", "ash-", "ul-", "ud-"].iter().any(|p| {
        w.strip_prefix(p).is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    })
}

/// [`read_name`] after a known given name, where the surname may also be a town or city
/// ("Joaquin Phoenix", "Judy Garland"); a country never is. The surname ends the name.
fn read_name_after_given(text: &str, toks: &[Tok], i: usize, g: &Gazetteer) -> Option<usize> {
    let j = read_name(text, toks, i, g).unwrap_or(i);
    let t = toks.get(j)?;
    let city = t.cap
        && j > i.saturating_sub(1)
        && adjacent(text, &toks[j - 1], t)
        && g.lookup(word(text, t)).is_some_and(|a| {
            a.kind == Some(EntityKind::Place) && !a.id.starts_with("gpe:") && a.acronym.is_none()
        });
    if city { Some(j + 1) } else { (j > i).then_some(j) }
}

fn span(toks: &[Tok], i: usize, j: usize) -> Range<usize> {
    toks[i].range.start..toks[j - 1].range.end
}

/// The gazetteer entity (place/org) covering token `i`, as the token after it.
/// Both lists are in text order, so binary searches keep this linear over a long document.
fn skip_entity(gaz_spans: &[Range<usize>], toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    let k = gaz_spans.partition_point(|r| r.start < t.range.start);
    let r = gaz_spans.get(k).filter(|r| r.start == t.range.start)?;
    Some(toks.partition_point(|t| t.range.start < r.end))
}

/// What every rule reads.
struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    g: &'a Gazetteer,
    /// The gazetteer's place and organisation hits, in text order.
    gaz_spans: &'a [Range<usize>],
}

/// One rule family: the candidates it finds at token `i`.
type Rule = fn(&Ctx, usize, &mut Vec<Cand>);

/// Every rule family, tried at every token (resolution sorts out overlaps later).
const RULES: &[Rule] = &[
    apposition,
    given_name,
    title_cue,
    before_reporting_verb,
    after_said,
    place_before_head,
    credits,
    kunya,
    compass_continent,
    place_head,
    acronym_expansion,
    acronym_before_expansion,
    org_head,
    sports_club,
];

/// Rule candidates of an English text. `gaz_spans` are the gazetteer's place/org hits.
pub fn rules(text: &str, toks: &[Tok], g: &Gazetteer, gaz_spans: &[Range<usize>]) -> Vec<Cand> {
    let ctx = Ctx { text, toks, g, gaz_spans };
    let mut out = Vec::new();
    for i in 0..toks.len() {
        for rule in RULES {
            rule(&ctx, i, &mut out);
        }
    }
    out
}

/// A rule's candidate of `kind` at byte range `r`.
fn cand(text: &str, r: Range<usize>, kind: EntityKind) -> Cand {
    Cand {
        surface: text[r.clone()].to_string(),
        range: r,
        kind,
        entity: String::new(),
        canonical: String::new(),
        prio: 2,
    }
}

fn person(text: &str, r: Range<usize>) -> Cand {
    cand(text, r, EntityKind::Person)
}

/// A centre that is a building, not an institution: "Villawood Detention Centre".
fn is_building(text: &str, toks: &[Tok], i: usize) -> bool {
    matches!(word(text, &toks[i]), "Centre" | "Center")
        && i > 0
        && matches!(word(text, &toks[i - 1]), "Detention" | "Trade" | "Shopping" | "Refugee")
}

/// Apposition: "Dina Esfandiary, a senior adviser at …" (a role word before the next
/// punctuation).
fn apposition(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks, g) = (c.text, c.toks, c.g);
    let t = &toks[i];
    if t.cap && !t.headline && text[t.range.end..].starts_with(", ") {
        let mut s = i + 1;
        while s > 0 && i + 1 - s < 3 && name_word(text, &toks[s - 1], g) {
            if s <= i && !adjacent(text, &toks[s - 1], &toks[s]) {
                break;
            }
            s -= 1;
        }
        let mut k = i + 1;
        let mut role = false;
        while k < toks.len() && k - i <= 6 {
            if k > i + 1 && !adjacent(text, &toks[k - 1], &toks[k]) {
                break;
            }
            if EN_PERSON_CUES.contains(word(text, &toks[k])) {
                role = true;
                break;
            }
            k += 1;
        }
        if role && i + 1 - s >= 2 {
            out.push(person(text, span(toks, s, i + 1)));
        }
    }
}

/// A known given name and the capitalised words after it; a Korean surname and the two
/// syllables of a given name ("Kim Hye Ryong").
fn given_name(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks, g) = (c.text, c.toks, c.g);
    let t = &toks[i];
    let w = word(text, t);
    let korean = EN_KOREAN.contains(w);
    if (is_given_name(w) || korean)
        && toks.get(i + 1).is_some_and(|n| adjacent(text, t, n))
        && let Some(j) = read_name_after_given(text, toks, i, g)
        && j - i >= if korean { 3 } else { 2 }
    {
        // In a title-case line the words after the surname are the headline's verb and
        // object ("Mark Carney Named Governor"): a given name and one surname, which must be a
        // known one when another capitalised word follows it ("Hilton Launches New Line").
        let more = toks.get(i + 2).is_some_and(|n| n.cap && adjacent(text, &toks[i + 1], n));
        if t.headline && !korean && more && !is_surname(word(text, &toks[i + 1])) {
            return;
        }
        let j = if t.headline && !korean { i + 2 } else { j };
        out.push(person(text, span(toks, i, j)));
    }
}

/// Title and role cues: "Foreign Minister X", "Ambassador to Syria X", "Chief Executive X".
fn title_cue(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks, g, gaz_spans) = (c.text, c.toks, c.g, c.gaz_spans);
    let t = &toks[i];
    let w = word(text, t);
    // "Delayed By Rain": in a title-case line "By" is only a preposition.
    if EN_PERSON_CUES.contains(w) && !(t.headline && w == "By") {
        let mut k = i + 1;
        // "Ambassador to Syria X", "Speaker of the People's Assembly X".
        if toks.get(k).is_some_and(|n| matches!(word(text, n), "to" | "of" | "for")) {
            k += 1;
            if toks.get(k).is_some_and(|n| word(text, n) == "the") {
                k += 1;
            }
            if let Some(after) = skip_entity(gaz_spans, toks, k) {
                k = after;
            } else {
                // An organisation run: skip to just after its head word.
                let mut m = k;
                while m < toks.len() && toks[m].cap && m - k < 6 {
                    m += 1;
                }
                match (k..m).rev().find(|&x| EN_ORG_HEADS.contains(word(text, &toks[x]))) {
                    Some(h) => k = h + 1,
                    None => return,
                }
            }
        }
        // "Chief Executive Satya Nadella": the rest of the title comes first.
        // (Up to eight words: a run of cues must not make each of them read it all.)
        while toks.get(k).is_some_and(|n| {
            EN_TITLE_WORDS.contains(word(text, n)) || EN_PERSON_CUES.contains(word(text, n))
        }) && adjacent(text, &toks[k - 1], &toks[k])
            && k - i <= 8
        {
            k += 1;
        }
        if let Some(j) = read_name(text, toks, k, g) {
            let j = if t.headline { j.min(k + 2) } else { j };
            let gap = text[toks[k - 1].range.end..toks[k].range.start].trim_matches(' ');
            if gap.is_empty() || gap == "." {
                out.push(person(text, span(toks, k, j)));
            }
        }
    }
}

/// Names before reporting verbs: 2–4 capitalised words ("Faisal Mekdad said").
fn before_reporting_verb(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks, g) = (c.text, c.toks, c.g);
    let t = &toks[i];
    let w = word(text, t);
    if EN_REPORTING.contains(w) && i >= 2 {
        let mut s = i;
        while s > 0 && i - s < 4 && adjacent(text, &toks[s - 1], &toks[s]) {
            let p = &toks[s - 1];
            let pw = word(text, p);
            if name_word(text, p, g) || (EN_PARTICLES.contains(pw) && s < i) {
                s -= 1;
            } else {
                break;
            }
        }
        if i - s >= 2 && adjacent(text, &toks[i - 1], t) {
            out.push(person(text, span(toks, s, i)));
        }
    }
}

/// "said John Smith" (postposed speaker) and "according to John Smith".
fn after_said(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks, g) = (c.text, c.toks, c.g);
    let t = &toks[i];
    let w = word(text, t);
    if matches!(w, "said" | "says" | "to")
        && (w != "to" || i > 0 && word(text, &toks[i - 1]).eq_ignore_ascii_case("according"))
        && toks.get(i + 1).is_some_and(|n| adjacent(text, t, n))
        && let Some(j) = read_name(text, toks, i + 1, g)
        && j - (i + 1) >= 2
    {
        out.push(person(text, span(toks, i + 1, j)));
    }
}

/// "Daraa province", "the town of Jableh": places the gazetteer does not list.
fn place_before_head(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks, g) = (c.text, c.toks, c.g);
    let t = &toks[i];
    let w = word(text, t);
    if matches!(
        w,
        "province"
            | "governorate"
            | "region"
            | "district"
            | "city"
            | "town"
            | "village"
            | "countryside"
    ) && i > 0
        && adjacent(text, &toks[i - 1], t)
        && name_word(text, &toks[i - 1], g)
    {
        let r = toks[i - 1].range.clone();
        out.push(cand(text, r, EntityKind::Place));
    }
    if matches!(w, "town" | "city" | "village" | "province" | "region")
        && toks.get(i + 1).is_some_and(|n| word(text, n) == "of")
        && let Some(j) = read_name(text, toks, i + 2, g).filter(|&j| j - (i + 2) <= 2)
    {
        let r = span(toks, i + 2, j);
        out.push(cand(text, r, EntityKind::Place));
    }
}

/// Credits: "Editing by Marguerita Choy, Nick Zieminski and Simon Cameron-Moore".
fn credits(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks, g) = (c.text, c.toks, c.g);
    let t = &toks[i];
    let w = word(text, t);
    if w == "by" && i > 0 && EN_CREDITS.contains(word(text, &toks[i - 1])) {
        let mut k = i + 1;
        while let Some(j) = read_name(text, toks, k, g).filter(|&j| j - k >= 2) {
            out.push(person(text, span(toks, k, j)));
            // The next name follows ", ", " and " or ", and ".
            let Some(n) = toks.get(j) else { break };
            let gap = &text[toks[j - 1].range.end..n.range.start];
            k = match (gap, word(text, n)) {
                (" " | ", ", "and") => j + 1,
                (", ", _) => j,
                _ => break,
            };
        }
    }
}

/// A kunya: "Abu Nidal", "Abu Bakr al-Baghdadi" (places such as Abu Dhabi are in the gazetteer,
/// and the longer or known match wins).
fn kunya(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks, g) = (c.text, c.toks, c.g);
    let t = &toks[i];
    let w = word(text, t);
    if matches!(w, "Abu" | "Abou" | "Umm")
        && toks.get(i + 1).is_some_and(|n| adjacent(text, t, n))
        && let Some(j) = read_name(text, toks, i + 1, g)
    {
        out.push(person(text, span(toks, i, j)));
    }
}

/// A capitalised compass word before a continent: "East Africa", "Central Asia".
fn compass_continent(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks) = (c.text, c.toks);
    let t = &toks[i];
    let w = word(text, t);
    if matches!(
        w,
        "East"
            | "West"
            | "North"
            | "South"
            | "Central"
            | "Eastern"
            | "Western"
            | "Northern"
            | "Southern"
            | "Southeast"
            | "Southeastern"
            | "Northeast"
            | "Northeastern"
            | "Southwest"
            | "Northwest"
            | "Sub-Saharan"
    ) && let Some(n) = toks.get(i + 1).filter(|n| adjacent(text, t, n))
        && matches!(word(text, n), "Africa" | "Asia" | "Europe" | "America" | "Mediterranean")
    {
        let r = t.range.start..n.range.end;
        out.push(cand(text, r, EntityKind::Place));
    }
}

/// Places ending in a capitalised head: "Ben Gurion Airport", "East China Sea".
fn place_head(c: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let (text, toks) = (c.text, c.toks);
    let t = &toks[i];
    let w = word(text, t);
    if (EN_PLACE_HEADS.contains(w) || is_building(text, toks, i))
        && t.cap
        && i > 0
        && adjacent(text, &toks[i - 1], t)
    {
        let mut s = i;
        let most = if t.headline { 1 } else { 4 };
        while s > 0 && i - s < most && adjacent(text, &toks[s - 1], &toks[s]) {
            let p = &toks[s - 1];
            let pw = word(text, p);
            // A demonym is not part of the name ("the Syrian Golan Heights").
            let demonym = c.g.lookup(pw).is_some_and(|a| a.kind.is_none());
            if p.cap && !EN_STOP.contains(pw) && !EN_REPORTING.contains(pw) && !demonym {
                s -= 1;
            } else {
                break;
            }
        }
        if s < i {
            let r = span(toks, s, i + 1);
            out.push(cand(text, r, EntityKind::Place));
        }
    }
}

/// A byline: a first line of two or three capitalised words ("Ben Kew", "By Jane Doe") standing
/// alone above the article. Returns its byte range.
pub fn byline(text: &str) -> Option<Range<usize>> {
    let first = text.split('\n').next()?;
    let rest = &text[first.len()..];
    if first.len() > 40 || !(rest.starts_with("\n\n") || rest.starts_with("\n\r\n")) {
        return None;
    }
    let lead = first.len() - first.trim_start().len();
    let mut line = first.trim();
    let mut start = lead;
    if let Some(r) = line.strip_prefix("By ") {
        start += 3;
        line = r;
    }
    let words: Vec<&str> = line.split(' ').collect();
    let name_like = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| crate::text::script::is_letter(c) || c == '-' || c == '\'')
            && !EN_STOP.contains(w)
    };
    ((2..=3).contains(&words.len()) && words.iter().all(|w| name_like(w)))
        .then(|| start..start + line.len())
}
