//! Candidates from the gazetteer and the rules, overlap resolution (longest span wins, then the
//! stronger source) and document-level short forms (a surname after the full name).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::EntityKind;
use super::canon::norm_str;
use super::lexicon::{EN_PARTICLES, EN_STOP};

/// A possible mention before resolution.
#[derive(Debug, Clone)]
pub struct Cand {
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// Entity kind.
    pub kind: EntityKind,
    /// Entity id, or empty for "assign from the skeleton key".
    pub entity: String,
    /// Display name.
    pub canonical: String,
    /// Source strength: 3 gazetteer, 2 rule, 1 short form; 0 blocks (a demonym).
    pub prio: u8,
    /// The text as written (`&doc.text[range]`).
    pub surface: String,
}

/// Keeps the longest candidates that do not overlap (ties: higher priority, earlier start),
/// drops blockers, and returns them in text order.
pub fn resolve(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|a, b| {
        (b.range.len(), b.prio, a.range.start).cmp(&(a.range.len(), a.prio, b.range.start))
    });
    // Kept spans are disjoint, so one neighbour lookup decides an overlap (linear-log overall,
    // which matters for multi-megabyte documents).
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept: Vec<Cand> = Vec::new();
    for c in cands {
        if c.range.is_empty() {
            continue;
        }
        let clash =
            taken.range(..c.range.end).next_back().is_some_and(|(_, &end)| end > c.range.start);
        if clash {
            continue;
        }
        taken.insert(c.range.start, c.range.end);
        kept.push(c);
    }
    kept.retain(|c| c.prio > 0);
    kept.sort_by_key(|c| c.range.start);
    kept
}

/// East-Asian surnames (Latin and Arabic spellings): for such names the *first* token is the
/// short form ("Kim" for Kim Jong Un), not the last.
const EAST_ASIAN: &[&str] = &[
    "kim", "ri", "lee", "li", "pak", "park", "choe", "choi", "jang", "chang", "mun", "moon", "xi",
    "wang", "zhang", "yoon", "han", "kang", "jo", "cho", "cheong", "chung", "jung", "yoo", "kwon",
    "shin", "seo", "hwang", "ahn", "jeon", "hong", "oh", "lim", "bae", "baek", "nam", "pyon", "so",
    "zhao", "chen", "liu", "yang", "huang", "zhou", "xu", "sun", "hu", "guo", "lin", "gao",
    "zheng", "liang", "xie", "tang", "feng", "deng", "peng", "zeng", "xiao", "dong", "jiang",
    "cai", "qin", "wei", "كيم", "ري", "بارك", "لي", "مون", "شي", "وانغ", "جانغ", "تشوي", "يون",
    "هان", "كانغ", "تشو",
];

/// Tokens never taken as a short form, whatever name they end (pronouns and particles).
const NOT_SHORT: &[&str] = &[
    "he", "she", "it", "we", "us", "him", "her", "they", "ho", "al", "bin", "jr", "هو", "هي", "هم",
    "له", "ان", "من", "في", "بن", "ابو", "عبد",
];

/// The short forms a full person name licenses, as normalised tokens.
pub fn short_forms(surface: &str) -> Vec<String> {
    let toks: Vec<String> = norm_str(surface).split(' ').map(str::to_string).collect();
    if toks.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    if EAST_ASIAN.contains(&toks[0].as_str()) {
        out.push(toks[0].clone());
    }
    let last = toks[toks.len() - 1].clone();
    if last.chars().count() >= 3 && !NOT_SHORT.contains(&last.as_str()) {
        out.push(last);
    }
    // A surname that is also a month or a function word ("Theresa May") is never shortened.
    out.retain(|t| {
        !NOT_SHORT.contains(&t.as_str()) && !EN_STOP.iter().any(|s| s.eq_ignore_ascii_case(t))
    });
    // Surnames of two words: hyphenated ("Waller-Bridge") or after a particle ("De Niro").
    let words: Vec<&str> = surface.split_whitespace().collect();
    if let [.., before, last] = words.as_slice() {
        if last.contains('-') {
            out.push(norm_str(last));
        }
        // Arabic lineage links too (آل ثاني، بن سلمان), folded: آل is ال standing alone.
        let before = norm_str(before);
        if words.len() >= 3
            && (EN_PARTICLES.contains(&before) || ["ال", "بن", "ابن", "ابو"].contains(&&*before))
        {
            out.push(norm_str(&format!("{before} {last}")));
        }
    }
    out
}

/// Adds short-form mentions: every word (with at most one Arabic proclitic) equal to a short
/// form of a person named in full *earlier* in the document becomes that person.
/// `words` are (range, normalised word) pairs of the document, in order.
pub fn add_short_forms(mentions: &[Cand], words: &[(Range<usize>, String)]) -> Vec<Cand> {
    let mut fulls: Vec<(usize, String, &Cand)> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let mut forms = short_forms(&m.surface);
        if m.canonical != m.surface && !m.entity.starts_with('~') {
            forms.extend(short_forms(&m.canonical));
        }
        forms.dedup();
        for f in forms {
            fulls.push((m.range.start, f, m));
        }
    }
    if fulls.is_empty() {
        return Vec::new();
    }
    let mut index: HashMap<&str, Vec<(usize, &Cand)>> = HashMap::new();
    for (start, f, m) in &fulls {
        index.entry(f.as_str()).or_default().push((*start, m));
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let (range, w) = &words[k];
        k += 1;
        // Two words one space apart may be a two-word surname ("De Niro").
        if let Some((next, nw)) = words.get(k).filter(|(r, _)| r.start == range.end + 1) {
            let pair = format!("{w} {nw}");
            let full = index.get(pair.as_str()).and_then(|list| {
                list.iter().filter(|(s, _)| *s < range.start).max_by_key(|(s, _)| *s)
            });
            if let Some((_, m)) = full {
                out.push(Cand {
                    range: range.start..next.end,
                    kind: EntityKind::Person,
                    entity: m.entity.clone(),
                    canonical: m.canonical.clone(),
                    prio: 1,
                    surface: String::new(),
                });
                k += 1;
                continue;
            }
        }
        let mut try_forms = vec![(w.as_str(), 0usize)];
        if let Some(c) = w.chars().next().filter(|c| "وفبلك".contains(*c))
            && w.chars().count() > 3
        {
            try_forms.push((&w[c.len_utf8()..], c.len_utf8()));
        }
        for (form, skip) in try_forms {
            let Some(list) = index.get(form) else { continue };
            // The nearest full mention before this word; in a headline or lead before any,
            // the first one after it, when the form names only one person.
            let one_person = list.iter().all(|(_, m)| m.entity == list[0].1.entity);
            let before = list.iter().filter(|(s, _)| *s < range.start).max_by_key(|(s, _)| *s);
            let after = || {
                list.iter().filter(|(s, _)| *s > range.start && one_person).min_by_key(|(s, _)| *s)
            };
            if let Some((_, m)) = before.or_else(after) {
                out.push(Cand {
                    range: range.start + skip..range.end,
                    kind: EntityKind::Person,
                    entity: m.entity.clone(),
                    canonical: m.canonical.clone(),
                    prio: 1,
                    surface: String::new(),
                });
                break;
            }
        }
    }
    out
}
