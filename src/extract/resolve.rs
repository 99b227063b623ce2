//! Candidates from the gazetteer and the rules, overlap resolution (longest span wins, then the
//! stronger source) and document-level short forms (a surname after the full name).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::EntityKind;
use super::canon::norm_str;
use crate::lang::en::words::{EN_PARTICLES, EN_STOP};

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
///
/// O((mentions + words) · log mentions): the full mentions of each short form are kept
/// sorted by start, and each word finds the nearest one by binary search (scanning them per
/// word made a 1 MB article of repeated names take a quarter of a minute).
pub fn add_short_forms(mentions: &[Cand], words: &[(Range<usize>, String)]) -> Vec<Cand> {
    short_forms_counted(mentions, words, &mut 0)
}

/// The full mentions licensing one short form, sorted by start, and whether they are all
/// one person.
struct Fulls<'a> {
    by_start: Vec<(usize, &'a Cand)>,
    one_person: bool,
}

impl<'a> Fulls<'a> {
    /// The index of the first full mention starting at or after `at`; counts its probes
    /// into `work`.
    fn first_from(&self, at: usize, work: &mut usize) -> usize {
        let (mut lo, mut hi) = (0, self.by_start.len());
        while lo < hi {
            *work += 1;
            let mid = lo + (hi - lo) / 2;
            if self.by_start[mid].0 < at {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The nearest full mention starting before `at` (the last of equals).
    fn before(&self, at: usize, work: &mut usize) -> Option<&'a Cand> {
        let i = self.first_from(at, work);
        i.checked_sub(1).map(|j| self.by_start[j].1)
    }

    /// The first full mention starting after `at`, when they all name one person.
    fn after(&self, at: usize, work: &mut usize) -> Option<&'a Cand> {
        if !self.one_person {
            return None;
        }
        let i = self.first_from(at + 1, work);
        self.by_start.get(i).map(|f| f.1)
    }
}

/// [`add_short_forms`], adding the steps it takes to `work` (index entries built plus
/// binary-search probes), so a test can tell linear-log work from quadratic.
fn short_forms_counted(
    mentions: &[Cand],
    words: &[(Range<usize>, String)],
    work: &mut usize,
) -> Vec<Cand> {
    let mut index: HashMap<String, Fulls> = HashMap::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let mut forms = short_forms(&m.surface);
        if m.canonical != m.surface && !m.entity.starts_with('~') {
            forms.extend(short_forms(&m.canonical));
        }
        forms.dedup();
        for f in forms {
            *work += 1;
            let e =
                index.entry(f).or_insert_with(|| Fulls { by_start: Vec::new(), one_person: true });
            if e.by_start.first().is_some_and(|(_, first)| first.entity != m.entity) {
                e.one_person = false;
            }
            e.by_start.push((m.range.start, m));
        }
    }
    if index.is_empty() {
        return Vec::new();
    }
    for f in index.values_mut() {
        // Stable: among mentions at one start, the later pushed stays later.
        f.by_start.sort_by_key(|(s, _)| *s);
    }
    let short = |range: Range<usize>, m: &Cand| Cand {
        range,
        kind: EntityKind::Person,
        entity: m.entity.clone(),
        canonical: m.canonical.clone(),
        prio: 1,
        surface: String::new(),
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let (range, w) = &words[k];
        k += 1;
        *work += 1;
        // Two words one space apart may be a two-word surname ("De Niro").
        if let Some((next, nw)) = words.get(k).filter(|(r, _)| r.start == range.end + 1) {
            let full = index.get(&format!("{w} {nw}")).and_then(|f| f.before(range.start, work));
            if let Some(m) = full {
                out.push(short(range.start..next.end, m));
                k += 1;
                continue;
            }
        }
        let mut try_forms = vec![(w.as_str(), 0usize)];
        if let Some(c) = w.chars().next().filter(|&c| crate::lang::ar::is_proclitic(c))
            && w.chars().count() > 3
        {
            try_forms.push((&w[c.len_utf8()..], c.len_utf8()));
        }
        for (form, skip) in try_forms {
            let Some(fulls) = index.get(form) else { continue };
            // The nearest full mention before this word; in a headline or lead before any,
            // the first one after it, when the form names only one person.
            let found = fulls.before(range.start, work).or_else(|| fulls.after(range.start, work));
            if let Some(m) = found {
                out.push(short(range.start + skip..range.end, m));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(range: Range<usize>, surface: &str, entity: &str) -> Cand {
        Cand {
            range,
            kind: EntityKind::Person,
            entity: entity.to_string(),
            canonical: surface.to_string(),
            prio: 2,
            surface: surface.to_string(),
        }
    }

    /// `reps` sentences naming two people in full, then by their short forms, with the
    /// mentions and words the extractor would pass.
    fn repeated(reps: usize) -> (Vec<Cand>, Vec<(Range<usize>, String)>) {
        let (mut mentions, mut words) = (Vec::new(), Vec::new());
        for i in 0..reps {
            let at = i * 100;
            mentions.push(person(at..at + 10, "John Smith", "~per:jnsm"));
            mentions.push(person(at + 20..at + 31, "Kim Jong Un", "per:kim_jong_un"));
            for (o, w) in [(0, "john"), (5, "smith"), (20, "kim"), (50, "smith"), (60, "kim")] {
                words.push((at + o..at + o + w.len(), w.to_string()));
            }
        }
        (mentions, words)
    }

    /// The first version: every word scanned every full mention of its form. Kept as the
    /// oracle for the output and to show what the work test catches.
    fn quadratic(
        mentions: &[Cand],
        words: &[(Range<usize>, String)],
        work: &mut usize,
    ) -> Vec<Cand> {
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
        let mut index: HashMap<&str, Vec<(usize, &Cand)>> = HashMap::new();
        for (start, f, m) in &fulls {
            index.entry(f.as_str()).or_default().push((*start, m));
        }
        let mut out = Vec::new();
        for (range, w) in words {
            let Some(list) = index.get(w.as_str()) else { continue };
            *work += 2 * list.len();
            let one_person = list.iter().all(|(_, m)| m.entity == list[0].1.entity);
            let before = list.iter().filter(|(s, _)| *s < range.start).max_by_key(|(s, _)| *s);
            let after = || {
                list.iter().filter(|(s, _)| *s > range.start && one_person).min_by_key(|(s, _)| *s)
            };
            if let Some((_, m)) = before.or_else(after) {
                out.push((range.clone(), m.entity.clone()));
            }
        }
        out.into_iter()
            .map(|(range, entity)| Cand { range, entity, ..person(0..0, "", "") })
            .collect()
    }

    fn summary(c: &[Cand]) -> Vec<(Range<usize>, String)> {
        c.iter().map(|c| (c.range.clone(), c.entity.clone())).collect()
    }

    #[test]
    fn short_forms_take_the_nearest_full_name_before_or_the_only_one_after() {
        let (m, w) = repeated(3);
        let got = summary(&add_short_forms(&m, &w));
        assert_eq!(got, summary(&quadratic(&m, &w, &mut 0)));
        assert!(got.contains(&(105..110, "~per:jnsm".into())), "Smith after John Smith: {got:?}");
        assert!(got.contains(&(160..163, "per:kim_jong_un".into())), "{got:?}");
        // A headline before any full name: the only person of that form, after it.
        let m = vec![person(50..60, "John Smith", "~per:jnsm")];
        let w = vec![(0..5, "smith".to_string())];
        assert_eq!(summary(&add_short_forms(&m, &w)), [(0..5, "~per:jnsm".to_string())]);
    }

    /// Issue 10, case 3: four times the names must cost about four times the work (the
    /// quadratic version costs sixteen), counted in steps, not time.
    #[test]
    fn short_form_work_grows_linearly_with_repeated_names() {
        type Pass = fn(&[Cand], &[(Range<usize>, String)], &mut usize) -> Vec<Cand>;
        let work = |reps: usize, f: Pass| {
            let (m, w) = repeated(reps);
            let mut n = 0;
            f(&m, &w, &mut n);
            n as f64
        };
        let (ours, old): (Pass, Pass) = (short_forms_counted, quadratic);
        let ratio = work(4000, ours) / work(1000, ours);
        assert!(ratio < 5.5, "work grew {ratio:.1}x for 4x the names");
        let old_ratio = work(4000, old) / work(1000, old);
        assert!(old_ratio > 12.0, "the test tells quadratic work apart ({old_ratio:.1}x)");
    }
}
