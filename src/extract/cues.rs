//! Cue rules for the Arabic-script languages that give their words as data
//! ([`crate::lang::EntityWords`]; Persian): a title and its qualifiers before a person's name,
//! a given name before a name word, a name before a reporting verb, an organisation's head and
//! the words in ezafe after it, a place's head or intro and its name. The rules read the
//! folded text ([`crate::text::normalize`]); a language is taught by its lists, not here.

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::EntityKind;
use super::arabic::ArTok;
use crate::lang::{EntityWords, LANGUAGES, Language};
use crate::text::normalize::fold_str;

/// Most words a name read after a cue or given name has.
const MAX_NAME_WORDS: usize = 3;
/// Most words after an organisation's head.
const MAX_ORG_WORDS: usize = 5;
/// Most qualifier words between a title and the name.
const MAX_QUALIFIERS: usize = 6;

/// Folded phrases by their first word, longest first.
#[derive(Debug, Default)]
struct Phrases(FxHashMap<String, Vec<Vec<String>>>);

impl Phrases {
    fn new(list: &[&str]) -> Phrases {
        let mut m: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        for p in list {
            let words: Vec<String> = fold_str(p).split_whitespace().map(str::to_string).collect();
            if let Some(first) = words.first() {
                m.entry(first.clone()).or_default().push(words);
            }
        }
        for v in m.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Phrases(m)
    }

    /// Tokens the longest phrase starting at token `i` covers (no punctuation inside).
    fn at(&self, t: &str, toks: &[ArTok], i: usize) -> Option<usize> {
        let first = &t[toks.get(i)?.range.clone()];
        self.0.get(first)?.iter().find_map(|p| {
            let ok = p.iter().enumerate().skip(1).all(|(k, w)| {
                toks.get(i + k).is_some_and(|x| !x.punct_before && &t[x.range.clone()] == w)
            });
            ok.then_some(p.len())
        })
    }

    fn starts(&self, w: &str) -> bool {
        self.0.contains_key(w)
    }
}

/// One language's lists, folded.
#[derive(Debug)]
struct Lists {
    cues: Phrases,
    verbs: Phrases,
    org_heads: Phrases,
    place_heads: Phrases,
    place_intros: Phrases,
    qualifiers: FxHashSet<String>,
    given: FxHashSet<String>,
    tails: FxHashSet<String>,
    stop: FxHashSet<String>,
    light_verbs: FxHashSet<String>,
    verb_prefixes: Vec<String>,
    /// The conjunction, folded.
    and: Option<String>,
}

impl Lists {
    fn new(w: &EntityWords) -> Lists {
        let set = |l: &[&str]| l.iter().map(|x| fold_str(x)).collect::<FxHashSet<String>>();
        // A word ending in ه takes the ezafe as ی («خارجه‌ی», ZWNJ lost: «خارجهی»).
        let with_ezafe = |l: &[&str]| {
            let mut s = set(l);
            s.extend(
                s.iter().filter(|w| w.ends_with('ه')).map(|w| format!("{w}ي")).collect::<Vec<_>>(),
            );
            s
        };
        Lists {
            cues: Phrases::new(w.cues),
            verbs: Phrases::new(w.verbs),
            org_heads: Phrases::new(w.org_heads),
            place_heads: Phrases::new(w.place_heads),
            place_intros: Phrases::new(w.place_intros),
            qualifiers: with_ezafe(w.qualifiers),
            given: set(w.given),
            tails: set(w.place_tails),
            stop: with_ezafe(w.stop),
            light_verbs: set(w.light_verbs),
            verb_prefixes: w.verb_prefixes.iter().map(|p| fold_str(p)).collect(),
            and: (!w.and.is_empty()).then(|| fold_str(w.and)),
        }
    }

    /// A word that may be part of a name.
    fn name_word(&self, w: &str) -> bool {
        w.chars().count() >= 2
            && !self.stop.contains(w)
            && !self.qualifiers.contains(w)
            && !self.cues.starts(w)
            && !self.verbs.starts(w)
            && !self.org_heads.starts(w)
            && !self.place_heads.starts(w)
            && !self.place_intros.starts(w)
            && !self.tails.contains(w)
            && !self.light_verbs.contains(w)
            && (self.given.contains(w) || !self.verb_form(w))
    }

    /// A verb form by its prefix, three letters at least after it («میکرد», «نمیشود»).
    fn verb_form(&self, w: &str) -> bool {
        self.verb_prefixes
            .iter()
            .any(|p| w.strip_prefix(p.as_str()).is_some_and(|r| r.chars().count() >= 3))
    }
}

/// The folded lists of `lang`, built on first use; `None` if it gives none.
fn lists(lang: &Language) -> Option<&'static Lists> {
    static ALL: OnceLock<Vec<(&'static str, Lists)>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        LANGUAGES.iter().filter_map(|l| Some((l.code, Lists::new(l.entity_words?)))).collect()
    });
    all.iter().find(|(c, _)| *c == lang.code).map(|(_, l)| l)
}

/// Whether `lang` has cue lists for these rules.
pub fn applies(lang: &Language) -> bool {
    lang.entity_words.is_some()
}

/// Candidate mentions in the folded text `t` (ranges into it), by the lists of `lang`.
/// `known(i)` gives the kind of the place or organisation the gazetteer found token `i` in (a
/// title's qualifier, the end of an organisation's name, never a person's name).
pub fn rules(
    t: &str,
    toks: &[ArTok],
    lang: &Language,
    known_kind: &dyn Fn(usize) -> Option<EntityKind>,
) -> Vec<(Range<usize>, EntityKind)> {
    let Some(l) = lists(lang) else { return Vec::new() };
    let known = |i: usize| known_kind(i).is_some();
    let word = |i: usize| &t[toks[i].range.clone()];
    let joined = |i: usize| toks.get(i).is_some_and(|x| !x.punct_before);
    let span = |a: usize, b: usize| toks[a].range.start..toks[b - 1].range.end;
    // A light verb or a verb form at token `j`, joined to the word before it.
    let verb_next = |j: usize| {
        joined(j)
            && toks.get(j).is_some_and(|_| l.light_verbs.contains(word(j)) || l.verb_form(word(j)))
    };
    // A name of up to MAX_NAME_WORDS from token `i`: its end (exclusive), if a word is read.
    let name_from = |i: usize| {
        let mut j = i;
        while j < toks.len()
            && j - i < MAX_NAME_WORDS
            && (j == i || joined(j))
            && l.name_word(word(j))
            && !known(j)
        {
            j += 1;
        }
        // The noun of a compound verb ends the sentence, not the name ("… کیانی حضور داشت").
        if j > i + 1 && verb_next(j) {
            j -= 1;
        }
        (j > i).then_some(j)
    };
    // An organisation from its head at token `i`: head plus words in ezafe, ending after a
    // known place ("بانک مرکزی ایران") or before a word that cannot be in a name.
    let org_from = |i: usize| {
        let head = l.org_heads.at(t, toks, i)?;
        let mut j = i + head;
        while j < toks.len() && j - i - head < MAX_ORG_WORDS && joined(j) {
            let w = word(j);
            // "و" joins two words of one name ("دانشگاه علم و صنعت").
            if j > i + head
                && l.and.as_deref() == Some(w)
                && joined(j + 1)
                && toks.get(j + 1).is_some_and(|_| l.name_word(word(j + 1)) && !known(j + 1))
            {
                j += 2;
                continue;
            }
            let inner = l.name_word(w) || l.org_heads.starts(w) || l.qualifiers.contains(w);
            // Another organisation ("باشگاه خبرنگاران جوان، فیفا") or a name ends this one.
            let other_org = known_kind(j) == Some(EntityKind::Org) && j > i + head;
            if !inner || l.given.contains(w) || other_org {
                break;
            }
            j += 1;
            // A known place ends the name, read whole ("… جمهوری اسلامی ایران").
            if known(j - 1) && !l.org_heads.starts(w) {
                while j < toks.len() && joined(j) && known_kind(j) == Some(EntityKind::Place) {
                    j += 1;
                }
                break;
            }
        }
        // The noun of a compound verb is not part of the name ("مرکز آمار باعث شد").
        if j > i + head && verb_next(j) {
            j -= 1;
        }
        (j > i + head).then_some(j)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A name in guillemets after a head: the quoted words («کیهان» of روزنامه «کیهان»).
        if let Some(k) = l.org_heads.at(t, toks, i)
            && let Some(r) = quoted_after(t, toks[i + k - 1].range.end)
        {
            let next = toks.partition_point(|x| x.range.start < r.end);
            out.push((r, EntityKind::Org));
            i = next.max(i + 1);
            continue;
        }
        if let Some(j) = org_from(i) {
            out.push((span(i, j), EntityKind::Org));
            i = j;
            continue;
        }
        if let Some(k) = l.place_heads.at(t, toks, i).or_else(|| l.place_intros.at(t, toks, i)) {
            let intro = l.place_heads.at(t, toks, i).is_none();
            let j = i + k;
            if joined(j) && toks.get(j).is_some_and(|_| l.name_word(word(j))) {
                let end = if joined(j + 1)
                    && toks.get(j + 1).is_some_and(|_| l.tails.contains(word(j + 1)))
                {
                    j + 2
                } else {
                    j + 1
                };
                out.push((span(if intro { j } else { i }, end), EntityKind::Place));
                i = end;
                continue;
            }
        }
        if let Some(k) = l.cues.at(t, toks, i) {
            // Qualifiers, known places and organisations between the title and the name.
            let mut j = i + k;
            let mut org = false;
            while j < toks.len() && j - i - k < MAX_QUALIFIERS && joined(j) {
                if let Some(e) = org_from(j) {
                    out.push((span(j, e), EntityKind::Org));
                    j = e;
                    org = true;
                } else if l.qualifiers.contains(word(j)) || known(j) {
                    j += 1;
                } else {
                    break;
                }
            }
            // After an organisation one word is more often the sentence going on ("رئیس
            // سازمان … پرتاب این ماهواره") than a surname.
            if joined(j)
                && let Some(e) = name_from(j)
                && (!org || e > j + 1 || l.given.contains(word(j)))
            {
                out.push((span(j, e), EntityKind::Person));
                i = e;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        // A given name and a name word after it.
        if l.given.contains(word(i))
            && joined(i + 1)
            && let Some(e) = name_from(i)
            && e > i + 1
        {
            out.push((span(i, e), EntityKind::Person));
            i = e;
            continue;
        }
        // Two name words between punctuation and a reporting verb (one is too often a noun:
        // a surname alone is found as the short form of a full name).
        if toks[i].punct_before
            && let Some(e) = name_from(i)
            && e - i == 2
            && joined(e)
            && l.verbs.at(t, toks, e).is_some()
        {
            out.push((span(i, e), EntityKind::Person));
            i = e;
            continue;
        }
        i += 1;
    }
    out
}

/// The words in guillemets right after byte `end` of `t`: 1–4 words, no sentence punctuation,
/// closed within a short reach (an unclosed quote costs no scan of the rest).
fn quoted_after(t: &str, end: usize) -> Option<Range<usize>> {
    let rest = t.get(end..)?;
    let lead = rest.len() - rest.trim_start_matches(' ').len();
    let inner_from = end + lead + '«'.len_utf8();
    if !rest[lead..].starts_with('«') {
        return None;
    }
    let (len, _) = t[inner_from..].char_indices().take(120).find(|&(_, c)| c == '»')?;
    let inner = &t[inner_from..inner_from + len];
    let words = inner.split_whitespace().count();
    let clean = !inner.chars().any(|c| matches!(c, '.' | '،' | ',' | '\n' | ':'));
    ((1..=4).contains(&words) && clean).then(|| inner_from..inner_from + len)
}
