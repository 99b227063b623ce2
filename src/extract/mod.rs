//! Entities (people, organisations, places) and dates in one document: a gazetteer plus
//! rules, canonical names that link spellings and scripts, and dates resolved against the
//! document's publication date. Never touches the index or the UI.

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::corpus::Document;

pub mod acronyms;
pub mod arabic;
pub mod canon;
pub mod cues;
pub mod dates;
pub mod english;
pub mod gazetteer;
pub mod resolve;
#[cfg(test)]
mod test_support;

use crate::lang::en::words as lexicon;

use gazetteer::Gazetteer;
use resolve::Cand;

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "PLACE")]
    Place,
}

impl EntityKind {
    /// The contract's label: `PERSON`, `ORG` or `PLACE`.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Place => "PLACE",
        }
    }
}

/// One mention of an entity in a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the document text; `&text[range]` is the surface form.
    pub range: Range<usize>,
    /// The entity's kind.
    pub kind: EntityKind,
    /// Stable id of the canonical entity (`per:ri_yong_ho`, `gpe:KP`, or a phonetic key such
    /// as `~per:rnk` for names the gazetteer does not know). Equal ids = one entity.
    pub entity: String,
    /// The canonical English display name ("Ri Yong Ho").
    pub canonical: String,
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Month,
    Year,
}

/// One date mentioned in a document's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// The first day of the period meant.
    pub value: NaiveDate,
    /// Day, month or year.
    pub granularity: Granularity,
}

impl DateMention {
    /// The value as the contract prints it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn value_string(&self) -> String {
        match self.granularity {
            Granularity::Day => self.value.format("%Y-%m-%d").to_string(),
            Granularity::Month => self.value.format("%Y-%m").to_string(),
            Granularity::Year => self.value.format("%Y").to_string(),
        }
    }
}

/// Everything extracted from one document, mentions in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Entity mentions, sorted by start offset, never overlapping.
    pub mentions: Vec<Mention>,
    /// Date mentions, sorted by start offset.
    pub dates: Vec<DateMention>,
}

/// The extractor: gazetteer and rules, built once and shared.
#[derive(Debug)]
pub struct Extractor {
    gaz: Gazetteer,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// Builds the extractor from the embedded gazetteer.
    pub fn new() -> Self {
        Extractor { gaz: Gazetteer::load() }
    }

    /// Entities and dates of one document, trailing page furniture included: its "related
    /// news" headlines name people and places a reader follows, and the annotation rules
    /// (`shared/eval/CONVENTIONS.md`) count them.
    ///
    /// At most [`EXTRACT_BUDGET_BYTES`] of the text are read (see [`budget_note`]): every
    /// pass is linear or n log n, and the budget bounds the constant too.
    ///
    /// A document in a language qari has no folder for (`crate::lang::get`) is shown and
    /// searched, but nothing is extracted: rules for another language would only find noise.
    pub fn extract(&self, doc: &Document) -> Annotations {
        test_panic(&doc.text);
        let Some(lang) = crate::lang::get(&doc.lang) else {
            return Annotations::default();
        };
        let text = within_budget(&doc.text);
        Annotations {
            mentions: self.mentions_in(text, Some(lang)),
            dates: dates::extract_dates(text, doc.date),
        }
    }

    /// Entity mentions of `text`, sorted and non-overlapping, read with the English and
    /// Arabic rules.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        self.mentions_in(text, None)
    }

    /// Entity mentions of `text` in `lang`: its Arabic-script words are read by the cue
    /// rules of its lists ([`cues`]) where it gives them, else by the Arabic rules.
    pub fn mentions_in(
        &self,
        text: &str,
        lang: Option<&'static crate::lang::Language>,
    ) -> Vec<Mention> {
        let f = canon::norm(text);
        let mut cands = Vec::new();
        let mut gaz_spans = Vec::new();
        // The same with their kinds, in text order and not overlapping (the automaton's hits).
        let mut gaz_kinds = Vec::new();
        for h in self.gaz.find(text, &f) {
            let a = &self.gaz.aliases[h.alias];
            if let Some(k) = a.kind.filter(|&k| k != EntityKind::Person) {
                gaz_spans.push(h.range.clone());
                gaz_kinds.push((h.range.clone(), k));
            }
            cands.push(Cand {
                surface: text[h.range.clone()].to_string(),
                kind: a.kind.unwrap_or(EntityKind::Place),
                entity: a.id.clone(),
                canonical: a.canonical.clone(),
                prio: if a.kind.is_some() { 3 } else { 0 },
                range: h.range,
            });
        }
        // "جمهورية إيران الإسلامية", "دولة فلسطين": a state's formal name is one mention; a
        // facility named after a known name is a place of its own ("ساحة كيم إيل سونغ").
        let mut named: Vec<Cand> = Vec::new();
        for c in &cands {
            if c.kind == EntityKind::Place
                && c.entity.starts_with("gpe:")
                && let Some(range) = arabic::formal_state_name(text, c.range.clone())
            {
                named.push(Cand { surface: text[range.clone()].to_string(), range, ..c.clone() });
            } else if c.kind == EntityKind::Org
                && let Some(range) = arabic::org_with_head(text, c.range.clone())
            {
                // "حركة حماس", "نادي الهلال": the head belongs to the known name's span.
                named.push(Cand { surface: text[range.clone()].to_string(), range, ..c.clone() });
            } else if c.kind != EntityKind::Org
                && let Some(range) = arabic::facility_name(text, c.range.clone())
            {
                let surface = text[range.clone()].to_string();
                let mut f = Cand {
                    surface,
                    range,
                    kind: EntityKind::Place,
                    entity: String::new(),
                    canonical: String::new(),
                    prio: 3,
                };
                if self.identify(&mut f) {
                    named.push(f);
                }
            }
        }
        cands.extend(named);
        // A known surname after a given name is the whole name ("Hamed Karzai" for the
        // gazetteer's "Karzai"): the given name joins the known person.
        let toks = english::tokens(text);
        for c in cands.iter_mut().filter(|c| c.kind == EntityKind::Person && c.prio == 3) {
            let k = toks.partition_point(|t| t.range.start < c.range.start);
            if k > 0
                && toks.get(k).is_some_and(|t| t.range == c.range)
                && english::adjacent(text, &toks[k - 1], &toks[k])
                && lexicon::is_given_name(english::word(text, &toks[k - 1]))
            {
                c.range = toks[k - 1].range.start..c.range.end;
                c.surface = text[c.range.clone()].to_string();
            }
        }
        // A rule never overrides a known person's span (it would swallow the next word).
        let known = Spans::new(
            cands
                .iter()
                .filter(|c| c.kind == EntityKind::Person && c.prio == 3)
                .map(|c| c.range.clone()),
        );
        // (Places and organisations may contain one: ملعب محمد الخامس، جامعة الملك سعود.)
        let free = |c: &Cand| c.kind != EntityKind::Person || !known.overlaps(&c.range);
        let mut rule_cands = english::rules(text, &toks, &self.gaz, &gaz_spans);
        if let Some(r) = english::byline(text) {
            rule_cands.push(Cand {
                surface: text[r.clone()].to_string(),
                range: r,
                kind: EntityKind::Person,
                entity: String::new(),
                canonical: String::new(),
                prio: 2,
            });
        }
        for mut c in rule_cands {
            if free(&c) && self.identify(&mut c) {
                cands.push(c);
            }
        }
        let atoks = arabic::tokens(&f);
        // Each run of Arabic-script lines is read by its own language's rules: a Persian quote
        // in an Arabic article, or an Arabic one in a Persian article, keeps its own.
        let mut script_rules = Vec::new();
        for (run, run_lang) in arabic_script_runs(text, &f, &atoks, lang) {
            let toks = &atoks[run.clone()];
            match run_lang.filter(|l| cues::applies(l)) {
                Some(l) => {
                    let known = |i: usize| {
                        let r = &toks[i].range;
                        let r = f.original_range(r.start, r.end);
                        let k = gaz_kinds.partition_point(|(g, _)| g.end <= r.start);
                        gaz_kinds.get(k).filter(|(g, _)| g.start < r.end).map(|(_, kind)| *kind)
                    };
                    script_rules.extend(cues::rules(&f.text, toks, l, &known));
                }
                None => script_rules.extend(arabic::rules(text, &f, toks)),
            }
        }
        for (r, kind) in script_rules {
            let range = f.original_range(r.start, r.end);
            let mut c = Cand {
                surface: text[range.clone()].to_string(),
                range,
                kind,
                entity: String::new(),
                canonical: String::new(),
                prio: 2,
            };
            if free(&c) && self.identify(&mut c) {
                cands.push(c);
            }
        }
        let mut kept = resolve::resolve(cands);
        // "Name (ACRONYM)": a rule-found expansion takes the known acronym's identity.
        for i in 1..kept.len() {
            let gap = text.get(kept[i - 1].range.end..kept[i].range.start).unwrap_or("");
            let (a, b) = (&kept[i - 1], &kept[i]);
            if gap.trim() == "("
                && a.kind == b.kind
                && a.entity.starts_with('~')
                && !b.entity.starts_with('~')
            {
                let (entity, canonical) = (b.entity.clone(), b.canonical.clone());
                kept[i - 1].entity = entity;
                kept[i - 1].canonical = canonical;
            }
        }
        // Acronyms paired with their expansion, then their bare uses: each takes the first
        // expansion of its acronym (one pass over the tokens).
        let mut extra = Vec::new();
        let mut first_pair: std::collections::HashMap<String, usize> = Default::default();
        for (acr, ci) in acronyms::acronym_pairs(text, &kept) {
            first_pair.entry(acr).or_insert(ci);
        }
        if !first_pair.is_empty() {
            for t in &toks {
                let w = &text[t.range.clone()];
                let Some(e) = first_pair.get(w).map(|&ci| &kept[ci]) else { continue };
                if t.range.start >= e.range.end || t.range.end <= e.range.start {
                    extra.push(Cand {
                        range: t.range.clone(),
                        surface: w.to_string(),
                        prio: 2,
                        ..e.clone()
                    });
                }
            }
        }
        // Acronyms nothing defines or knows: organisations of their own (see bare_acronyms).
        for r in acronyms::bare_acronyms(text, &toks) {
            let mut c = Cand {
                surface: text[r.clone()].to_string(),
                range: r,
                kind: EntityKind::Org,
                entity: String::new(),
                canonical: String::new(),
                prio: 1,
            };
            if self.identify(&mut c) {
                extra.push(c);
            }
        }
        // "the North" / "the South" for a Korea the document names.
        for (word, id) in [("North", "gpe:KP"), ("South", "gpe:KR")] {
            let Some(korea) = kept.iter().find(|c| c.entity == id).cloned() else { continue };
            for (k, t) in toks.iter().enumerate() {
                let after_the =
                    k > 0 && text[toks[k - 1].range.clone()].eq_ignore_ascii_case("the");
                let next_lower = toks.get(k + 1).is_none_or(|n| !n.cap);
                if &text[t.range.clone()] == word && after_the && next_lower {
                    extra.push(Cand {
                        range: t.range.clone(),
                        surface: word.to_string(),
                        prio: 1,
                        ..korea.clone()
                    });
                }
            }
        }
        // Short forms of people named in full earlier.
        // Capitalised words, and the particles that start two-word surnames ("bin Laden").
        let mut words: Vec<(Range<usize>, String)> = toks
            .iter()
            .filter(|t| t.cap || lexicon::EN_PARTICLES.contains(&text[t.range.clone()]))
            .map(|t| (t.range.clone(), canon::norm_str(&text[t.range.clone()])))
            .collect();
        words.extend(atoks.iter().map(|t| {
            (f.original_range(t.range.start, t.range.end), f.text[t.range.clone()].to_string())
        }));
        words.sort_by_key(|w| w.0.start);
        // A short form beats a town of the same name: after "Joaquin Phoenix", "Phoenix" is
        // the actor (countries keep their own reading: "Jordan", "Chad").
        let towns: std::collections::HashSet<Range<usize>> = kept
            .iter()
            .filter(|c| c.kind == EntityKind::Place && c.prio == 3 && !c.entity.starts_with("gpe:"))
            .map(|c| c.range.clone())
            .collect();
        let town = |r: &Range<usize>| towns.contains(r);
        for mut c in resolve::add_short_forms(&kept, &words) {
            if town(&c.range) {
                c.prio = 4;
            }
            extra.push(c);
        }
        if !extra.is_empty() {
            kept.extend(extra);
            kept = resolve::resolve(kept);
        }
        kept.into_iter()
            .map(|c| Mention {
                range: c.range,
                kind: c.kind,
                entity: c.entity,
                canonical: c.canonical,
            })
            .collect()
    }

    /// Gives a rule candidate its entity: the gazetteer's when the surface (or its phonetic
    /// skeleton, for people) is known, else a skeleton key. False drops the candidate (a
    /// demonym, or a known entity of another kind).
    fn identify(&self, c: &mut Cand) -> bool {
        if let Some(a) = self.gaz.lookup(&c.surface) {
            if a.kind != Some(c.kind) {
                return false;
            }
            c.entity = a.id.clone();
            c.canonical = a.canonical.clone();
            return true;
        }
        // "Groupon Inc." is the entity its short form "Groupon" names.
        let key = match c.kind {
            EntityKind::Org => english::without_legal_suffix(&c.surface).unwrap_or(&c.surface),
            _ => &c.surface,
        };
        let skel = canon::skeleton(key);
        if skel.len() < 2 {
            return false;
        }
        if c.kind == EntityKind::Person
            && let Some(&i) = self.gaz.person_skeletons.get(&skel)
        {
            c.entity = self.gaz.aliases[i].id.clone();
            c.canonical = self.gaz.aliases[i].canonical.clone();
            return true;
        }
        let tag = match c.kind {
            EntityKind::Person => "per",
            EntityKind::Org => "org",
            EntityKind::Place => "plc",
        };
        c.entity = format!("~{tag}:{skel}");
        c.canonical = c.surface.clone();
        true
    }
}

/// The Arabic-script tokens in runs of one language: a line with enough Arabic-script letters
/// to tell is detected on its own (`lang::detect`); others, and lines in a language qari has no
/// folder for, take the document's. Returns token index ranges with their language.
fn arabic_script_runs(
    text: &str,
    f: &crate::text::normalize::Folded,
    toks: &[arabic::ArTok],
    doc: Option<&'static crate::lang::Language>,
) -> Vec<(Range<usize>, Option<&'static crate::lang::Language>)> {
    /// Fewer letters than this and a line is too short to detect on its own.
    const LINE_LETTERS: usize = 40;
    let mut runs: Vec<(Range<usize>, Option<&'static crate::lang::Language>)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // The line of token i, in the original text.
        let start = f.original_range(toks[i].range.start, toks[i].range.end).start;
        let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |p| start + p);
        let mut j = i;
        while j < toks.len()
            && f.original_range(toks[j].range.start, toks[j].range.end).start < line_end
        {
            j += 1;
        }
        let line = &text[line_start..line_end];
        let letters = line.chars().filter(|&c| crate::text::script::is_arabic_letter(c)).count();
        let own = (letters >= LINE_LETTERS)
            .then(|| crate::lang::get(&crate::lang::detect(line, doc.map(|l| l.code))))
            .flatten();
        let l = own.or(doc);
        match runs.last_mut() {
            Some((r, prev)) if prev.map(|p| p.code) == l.map(|x| x.code) => r.end = j,
            _ => runs.push((i..j, l)),
        }
        i = j.max(i + 1);
    }
    runs
}

/// Byte ranges that may overlap one another, asked "does any overlap this one?" in
/// O(log n): sorted by start, with the furthest end among each prefix.
struct Spans {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Spans {
    fn new(ranges: impl Iterator<Item = Range<usize>>) -> Spans {
        let mut r: Vec<Range<usize>> = ranges.collect();
        r.sort_by_key(|r| r.start);
        let mut furthest = 0;
        let max_end = r
            .iter()
            .map(|r| {
                furthest = furthest.max(r.end);
                furthest
            })
            .collect();
        Spans { starts: r.iter().map(|r| r.start).collect(), max_end }
    }

    /// Whether a range of the set overlaps `r` (shares at least one byte).
    fn overlaps(&self, r: &Range<usize>) -> bool {
        // Ranges starting before `r` ends overlap it exactly when one ends after its start.
        let n = self.starts.partition_point(|&s| s < r.end);
        n > 0 && self.max_end[n - 1] > r.start
    }
}

/// The most text, in bytes, extraction reads of one document (8 MiB, a few seconds on one
/// core); the rest of a longer one is shown and searchable but has no entities or dates.
pub const EXTRACT_BUDGET_BYTES: usize = 8 << 20;

/// `text` cut to the extraction budget: at the last line break inside it (else at a char
/// boundary), so no sentence is read half.
pub fn within_budget(text: &str) -> &str {
    if text.len() <= EXTRACT_BUDGET_BYTES {
        return text;
    }
    let mut cut = EXTRACT_BUDGET_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = text[..cut].rfind('\n').unwrap_or(cut);
    &text[..cut]
}

/// For a document longer than the budget: what the reader should know about it.
pub fn budget_note(text: &str) -> Option<String> {
    (text.len() > EXTRACT_BUDGET_BYTES).then(|| {
        format!(
            "entities and dates found in the first {} MiB only (the text has {:.1} MiB)",
            EXTRACT_BUDGET_BYTES >> 20,
            text.len() as f64 / (1 << 20) as f64
        )
    })
}

/// Debug builds only: panics on a document whose text contains the value of
/// `QARI_TEST_PANIC_TEXT`, so tests can check what a bug in one document's extraction does.
fn test_panic(text: &str) {
    #[cfg(debug_assertions)]
    {
        static MARKER: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
        let marker = MARKER.get_or_init(|| std::env::var("QARI_TEST_PANIC_TEXT").ok());
        if let Some(m) = marker.as_deref().filter(|m| !m.is_empty())
            && text.contains(m)
        {
            panic!("injected extraction panic");
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = text;
}

/// Whether `id` names an entity the gazetteer does not know, keyed by its phonetic skeleton
/// (`~per:rnk`): its display name comes from the spellings seen across the archive.
pub fn is_skeleton_id(id: &str) -> bool {
    id.starts_with('~')
}

/// Archive-wide display name of a skeleton-keyed entity (see [`is_skeleton_id`]), from every
/// spelling it was seen in with its count: the longest-by-words Latin spelling (most frequent
/// on ties); else, for people and places, a romanisation of the longest Arabic-script
/// spelling (organisations keep that spelling as written). `None` for other ids or no forms.
pub fn display_name<'a>(
    id: &str,
    forms: impl IntoIterator<Item = (&'a str, usize)>,
) -> Option<String> {
    if !is_skeleton_id(id) {
        return None;
    }
    let latin = |s: &str| s.chars().any(|c| c.is_ascii_alphabetic());
    let best = forms
        .into_iter()
        .max_by_key(|(s, n)| (latin(s), s.split_whitespace().count(), *n, std::cmp::Reverse(*s)))
        .map(|(s, _)| s)?;
    // People and places get a Latin spelling; an organisation's Arabic name is a phrase a
    // letter-by-letter romanisation would not make English, so it stays as written.
    Some(if latin(best) || id.starts_with("~org:") {
        best.to_string()
    } else {
        canon::romanize(best)
    })
}
