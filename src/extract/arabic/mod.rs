//! Arabic rules on the normalised text: title cues (الرئيس، وزير الخارجية، السفير، القائم
//! بالأعمال، نظيره…), apposition ("NAME، القائم بالأعمال"), reporting verbs, organisation
//! heads (وكالة، حزب، مجلس، وزارة…), with a stop-word list so pronouns and particles that look
//! like names (هو) are never taken as one. Organisation rules are in `orgs`, place rules in
//! `places`.

mod named;
mod orgs;
mod places;
#[cfg(test)]
mod tests;

pub use named::org_with_head;
use named::{league, named_org};
use orgs::{definite_body, org_head, quoted_org};
pub use places::{FACILITY_HEADS, facility_name, formal_state_name};
use places::{facility, place_head};

use crate::lang::Words;
use crate::lang::ar::words::{
    AR_ADJECTIVES, AR_AFTER_NAME, AR_CUES, AR_GIVEN, AR_GLUED, AR_IMPERFECT, AR_NAME_HEADS,
    AR_ORG_HEADS, AR_STOP, AR_VERBS, arabic_name,
};
use crate::lang::ar::{east_asian, strip_proclitic};
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::extract::EntityKind;
use crate::text::normalize::Folded;
use crate::text::script::is_arabic_letter;

/// An Arabic word of the normalised text.
#[derive(Debug, Clone)]
pub struct ArTok {
    /// Byte range in the normalised text.
    pub range: Range<usize>,
    /// Whether punctuation or a line end (not only spaces) separates it from the previous word.
    pub punct_before: bool,
}

/// Arabic words of `f.text` (other scripts and digits break words and count as punctuation).
pub fn tokens(f: &Folded) -> Vec<ArTok> {
    let t = f.text.as_str();
    let mut out = Vec::new();
    let mut start = None;
    let mut punct = true;
    for (i, c) in t.char_indices() {
        if is_arabic_letter(c) {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                out.push(ArTok { range: s..i, punct_before: punct });
                punct = false;
            }
            // A line end separates like punctuation: a title does not run into the dateline.
            if !c.is_whitespace() || c == '\n' {
                punct = true;
            }
        }
    }
    if let Some(s) = start {
        out.push(ArTok { range: s..t.len(), punct_before: punct });
    }
    out
}

/// Whether `w`, as written or without one proclitic, is in `list` (وزارة is not و + زارة).
fn is_in(list: &Words, w: &str) -> bool {
    list.contains(w) || list.contains(strip_proclitic(w))
}

fn is_qualifier(w: &str) -> bool {
    w.starts_with("ال") || w.starts_with("بال") || w.starts_with("لل") || w == "باسم"
}

/// A nationality or office adjective, definite or not (السوري، سوري، الإيرانية، صينية).
fn is_adjective(w: &str) -> bool {
    // The list holds definite forms; their bare forms are added once rather than an "ال" being
    // prefixed (an allocation) on every lookup, which runs for most tokens.
    static FORMS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        AR_ADJECTIVES.iter().flat_map(|a| [Some(a), a.strip_prefix("ال")]).flatten().collect()
    });
    let base = w.strip_suffix('ه').unwrap_or(w);
    forms.contains(base) || forms.contains(w)
}

fn name_word(w: &str) -> bool {
    !["بال", "لل", "وال", "فال", "كال"].iter().any(|p| w.starts_with(p))
        && !AR_STOP.contains(w)
        && !AR_CUES.contains(w)
        && !is_adjective(w)
        && w.chars().count() >= 2
}

/// A name of 1–3 words starting at token `i` (first word not ال-; no punctuation inside).
fn read_name(
    t: &str,
    toks: &[ArTok],
    i: usize,
    definite: &impl Fn(usize) -> bool,
) -> Option<usize> {
    let first = &t[toks.get(i)?.range.clone()];
    // (An organisation's head is no given name: رئيس نادي الزمالك.)
    if !name_word(first)
        || definite(i)
        || AR_ORG_HEADS.contains(first)
        || AR_NAME_HEADS.contains(first)
    {
        return None;
    }
    // An imperfect verb (يلغي، تعقد) after a title means the name was a word the title's
    // qualifiers swallowed.
    if AR_IMPERFECT.contains(first) || AR_GLUED.contains(first) {
        return None;
    }
    let asian = east_asian::starts_name(first);
    let mut j = i + 1;
    // Up to three name words; the links of a lineage (بن، ابن، آل، عبد، أبو) and the word
    // they bind do not count, so "محمد بن عبد الرحمن بن جاسم آل ثاني" is read whole.
    let mut words = 1;
    if LINEAGE.contains(&first) && toks.get(j).is_some_and(|n| !n.punct_before) {
        j += 1; // عبد الله، أبو محمد: one name part.
    }
    // Links do not count as words, so a chain of them ("محمد بن محمد بن …") is cut at
    // MAX_NAME_TOKENS: reading on made every token of it read the whole chain (quadratic).
    while j < toks.len() && words < 3 && !toks[j].punct_before && j - i < MAX_NAME_TOKENS {
        let w = &t[toks[j].range.clone()];
        if LINEAGE.contains(&w) && toks.get(j + 1).is_some_and(|n| !n.punct_before) {
            j += 2;
            continue;
        }
        let verb = (w.starts_with("سي") || w.starts_with("ست")) && w.chars().count() >= 5;
        // An imperfect verb after the name (عباس يتلقى اتصالا) ends it.
        let imperfect = AR_IMPERFECT.contains(w);
        // "و" + another word ends the name (ووفد، والرئيس، ورئيس، ونائب).
        let conj = w.starts_with("وو")
            || w.starts_with("وال")
            || w.strip_prefix('و').is_some_and(|r| {
                AR_CUES.contains(r)
                    || AR_STOP.contains(r)
                    || (arabic_name(w).is_none() && w.chars().count() >= 4)
            });
        // A preposition glued to the next word (لحضور، بزيارة، لتورطه) is not a name; nor is
        // a perfect verb or adverb (فاز، مؤخرا), or a verb carrying an object pronoun (أبعدهما).
        let glued = AR_GLUED.contains(w)
            || AR_AFTER_NAME.contains(w)
            || (arabic_name(w).is_none()
                && w.chars().count() >= 5
                && (w.starts_with("لت") || w.ends_with("هما") || w.ends_with("هم")));
        // Verb forms by their prefixes (يتعلق، تتوجه، يستمر), unless the word is a name.
        let verb_form = ["يت", "تت", "ين", "تن", "يست", "تست"].iter().any(|p| w.starts_with(p))
            && w.chars().count() >= 4
            && arabic_name(w).is_none();
        // After two name parts the name list knows (مصطفى مدبولي) a third word must be one
        // too or a surname with the article; else it is the sentence going on (… ضرورة).
        // Names with an unknown part (جان إيف لودريان) may run to three words.
        let known_pair = words >= 2
            && (i..j).filter(|&k| arabic_name(&t[toks[k].range.clone()]).is_some()).count() >= 2;
        // An unknown third word closed by punctuation or a verb is a surname (محمد حمدان دقلو،).
        let closed = toks.get(j + 1).is_some_and(|n| {
            let x = &t[n.range.clone()];
            n.punct_before || AR_AFTER_NAME.contains(x) || AR_IMPERFECT.contains(x)
        });
        let third_ok =
            !known_pair || asian || closed || arabic_name(w).is_some() || w.starts_with("ال");
        if (name_word(w) && !verb && !imperfect && !conj && !glued && !verb_form && third_ok)
            || (asian && matches!(w, "هو" | "هي"))
        {
            j += 1;
            words += 1;
        } else {
            break;
        }
    }
    // A lineage link with nothing after it is not part of the name.
    while j > i + 1 && LINEAGE.contains(&&t[toks[j - 1].range.clone()]) {
        j -= 1;
    }
    Some(j)
}

/// Most tokens one Arabic name spans, lineage links included (the longest real ones, such as
/// "محمد بن عبد الرحمن بن جاسم آل ثاني", take eight).
pub const MAX_NAME_TOKENS: usize = 12;

/// Links inside an Arabic name (folded): بن، ابن، بنت، آل (folded ال)، عبد، ابو.
const LINEAGE: &[&str] = &["بن", "ابن", "بنت", "ال", "عبد", "ابو"];

/// Words of time that end an organisation's name (folded).
const DATE_WORDS: &[&str] =
    &["الشهر", "العام", "الماضي", "الجاري", "المقبل", "اليوم", "الاسبوع", "السنه", "الحالي"];

/// Adjectives that the name list also has as surnames (كبير "big", جديد "new").
const COMMON_ADJECTIVES: &[&str] = &[
    "كبير",
    "الكبير",
    "جديد",
    "الجديد",
    "صغير",
    "الصغير",
    "عام",
    "العام",
    "خاص",
    "الخاص",
    "اول",
    "الاول",
    "اخير",
    "الاخير",
    "طويل",
    "الطويل",
    "قديم",
    "القديم",
    "عظيم",
    "العظيم",
];

/// What every Arabic rule reads: the text, its normalised form and its words.
struct Ctx<'a> {
    text: &'a str,
    f: &'a Folded,
    toks: &'a [ArTok],
}

/// A rule's finds: ranges in normalised bytes with their kind.
type Out = Vec<(Range<usize>, EntityKind)>;

impl<'a> Ctx<'a> {
    fn t(&self) -> &'a str {
        self.f.text.as_str()
    }

    /// Token `i` as written in the normalised text.
    fn raw(&self, i: usize) -> &'a str {
        &self.t()[self.toks[i].range.clone()]
    }

    /// Token `i` without one proclitic.
    fn word(&self, i: usize) -> &'a str {
        strip_proclitic(self.raw(i))
    }

    /// Whether token `i` carries the article. The article is written with a bare alef;
    /// أل/إل (ألكسندر، إلهام) start names.
    fn definite(&self, i: usize) -> bool {
        let r = &self.toks[i].range;
        self.f.text[r.clone()].starts_with("ال")
            && self.text.get(self.f.map[r.start]..).is_some_and(|o| o.starts_with('ا'))
    }
}

/// One rule family, tried at every token (as English's [`super::english`] are).
type Rule = fn(&Ctx, usize, &mut Out);

/// The Arabic rules, in the order their finds are listed for the resolver.
const RULES: &[Rule] = &[
    title_cue,
    given_name,
    known_given_pair,
    apposition,
    after_reporting_verb,
    facility,
    place_head,
    definite_body,
    quoted_org,
    org_head,
    named_org,
    league,
];

/// Rule candidates (ranges still in normalised bytes; the caller maps them back).
pub fn rules(text: &str, f: &Folded, toks: &[ArTok]) -> Vec<(Range<usize>, EntityKind)> {
    let ctx = Ctx { text, f, toks };
    let mut out = Vec::new();
    for i in 0..toks.len() {
        for rule in RULES {
            rule(&ctx, i, &mut out);
        }
    }
    out
}

/// Title cue, then ال- qualifiers (الخارجية، السوري، بالأعمال), then the name.
fn title_cue(c: &Ctx, i: usize, out: &mut Out) {
    let (t, toks) = (c.t(), c.toks);
    let (word, raw) = (c.word(i), c.raw(i));
    if !(AR_CUES.contains(word) || AR_CUES.contains(raw)) {
        return;
    }
    let definite = |k: usize| c.definite(k);
    let mut k = i + 1;
    while k < toks.len() && k - i <= 6 && !toks[k].punct_before {
        let x = &t[toks[k].range.clone()];
        // Qualifiers, and an organisation in construct state (باسم وزارة الخارجية).
        let org = is_in(&AR_ORG_HEADS, x)
            && toks.get(k + 1).is_some_and(|n| is_qualifier(&t[n.range.clone()]));
        // A second portfolio joined by و (وزير الطرق وبناء المدن …).
        let portfolio = k > i + 1
            && x.starts_with('و')
            && !x.starts_with("وال")
            && arabic_name(x).is_none()
            && !AR_GIVEN.contains(x)
            && toks.get(k + 1).is_some_and(|n| !n.punct_before && definite(k + 1));
        if (is_qualifier(x) && (!x.starts_with("ال") || definite(k))) || org || portfolio {
            k += 1;
        } else {
            break;
        }
    }
    if k < toks.len()
        && !toks[k].punct_before
        && let Some(j) = read_name(t, toks, k, &definite)
    {
        out.push((toks[k].range.start..toks[j - 1].range.end, EntityKind::Person));
    }
}

/// A common given name followed by a name word; a Korean surname and two more words.
fn given_name(c: &Ctx, i: usize, out: &mut Out) {
    let (t, toks, raw) = (c.t(), c.toks, c.raw(i));
    let asian = east_asian::starts_name(raw);
    // A theophoric name written in two words (عبد الله، عبد المنعم) is a given name too.
    let theophoric = raw == "عبد"
        && toks.get(i + 1).is_some_and(|n| !n.punct_before && t[n.range.clone()].starts_with("ال"));
    if (AR_GIVEN.contains(raw) || asian || theophoric)
        && !c.definite(i)
        && let Some(j) = read_name(t, toks, i, &|k| c.definite(k))
        && j - i >= if asian || theophoric { 3 } else { 2 }
    {
        out.push((toks[i].range.start..toks[j - 1].range.end, EntityKind::Person));
    }
}

/// A given name the name list knows well, then a known surname (or a second given name):
/// زياد صباغ، محمد الخطيب. Both parts must be names, so common words stay out.
fn known_given_pair(c: &Ctx, i: usize, out: &mut Out) {
    let (t, toks, raw) = (c.t(), c.toks, c.raw(i));
    let known_given = |w: &str| arabic_name(w).and_then(|n| n.given).is_some_and(|g| g.1 >= 40);
    let known_part = |w: &str| {
        arabic_name(w).is_some_and(|n| {
            n.surname.is_some_and(|x| x.1 >= 6) || n.given.is_some_and(|x| x.1 >= 40)
        }) && !COMMON_ADJECTIVES.contains(&w)
    };
    if !c.definite(i)
        && name_word(raw)
        && known_given(raw)
        && let Some(next) = toks.get(i + 1).filter(|n| !n.punct_before)
        && name_word(&t[next.range.clone()])
        && known_part(&t[next.range.clone()])
    {
        let third = toks
            .get(i + 2)
            .filter(|n| !n.punct_before)
            .is_some_and(|n| name_word(&t[n.range.clone()]) && known_part(&t[n.range.clone()]));
        let end = if third { i + 2 } else { i + 1 };
        out.push((toks[i].range.start..toks[end].range.end, EntityKind::Person));
    }
}

/// Apposition: NAME، CUE …
fn apposition(c: &Ctx, i: usize, out: &mut Out) {
    let (t, toks) = (c.t(), c.toks);
    let (word, raw) = (c.word(i), c.raw(i));
    if !((AR_CUES.contains(word) || AR_CUES.contains(raw)) && toks[i].punct_before && i > 0) {
        return;
    }
    let gap = &t[toks[i - 1].range.end..toks[i].range.start];
    if gap.trim() != "،" && gap.trim() != "," {
        return;
    }
    let mut s = i;
    while s > 0 && i - s < 3 {
        let p = &t[toks[s - 1].range.clone()];
        if !name_word(p) || AR_VERBS.contains(strip_proclitic(p)) {
            break;
        }
        s -= 1;
        if toks[s].punct_before {
            break;
        }
    }
    if s < i && i - s >= 2 && !c.definite(s) {
        let mut start = toks[s].range.start;
        let first = &t[toks[s].range.clone()];
        if (first.starts_with('ل') || first.starts_with('ب')) && first.chars().count() >= 5 {
            start += 2;
        }
        out.push((start..toks[i - 1].range.end, EntityKind::Person));
    }
}

/// Reporting verb, then a name closed by punctuation or a cue.
fn after_reporting_verb(c: &Ctx, i: usize, out: &mut Out) {
    let (t, toks) = (c.t(), c.toks);
    if AR_VERBS.contains(c.word(i))
        && let Some(j) = read_name(t, toks, i + 1, &|k| c.definite(k))
    {
        // Closed by punctuation, a title (… الخبير في), or the complementiser إن/أن.
        let closed = toks.get(j).is_none_or(|n| {
            let w = &t[n.range.clone()];
            n.punct_before || is_in(&AR_CUES, w) || w == "ان"
        });
        if closed && j - (i + 1) >= 2 && !toks[i + 1].punct_before {
            out.push((toks[i + 1].range.start..toks[j - 1].range.end, EntityKind::Person));
        }
    }
}
