//! Arabic rules on the normalised text: title cues (الرئيس، وزير الخارجية، السفير، القائم
//! بالأعمال، نظيره…), apposition ("NAME، القائم بالأعمال"), reporting verbs, organisation
//! heads (وكالة، حزب، مجلس، وزارة…), with a stop-word list so pronouns and particles that look
//! like names (هو) are never taken as one.

use crate::lang::Words;
use crate::lang::ar::strip_proclitic;
use crate::lang::ar::words::{
    AR_ADJECTIVES, AR_CUES, AR_EAST_ASIAN, AR_GIVEN, AR_GLUED, AR_IMPERFECT, AR_ORG_HEADS, AR_STOP,
    AR_VERBS, arabic_name,
};
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::extract::EntityKind;
use crate::extract::canon::norm_str;
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
    if !name_word(first) || definite(i) || AR_ORG_HEADS.contains(first) {
        return None;
    }
    // An imperfect verb (يلغي، تعقد) after a title means the name was a word the title's
    // qualifiers swallowed.
    if AR_IMPERFECT.contains(first) || AR_GLUED.contains(first) {
        return None;
    }
    let asian = AR_EAST_ASIAN.contains(first);
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
                    || (arabic_name(r).is_some() && arabic_name(w).is_none())
            });
        // A preposition glued to the next word (لحضور، بزيارة) is not a name.
        let glued = AR_GLUED.contains(w);
        // Verb forms by their prefixes (يتعلق، تتوجه، يستمر), unless the word is a name.
        let verb_form = ["يت", "تت", "ين", "تن", "يست", "تست"].iter().any(|p| w.starts_with(p))
            && w.chars().count() >= 4
            && arabic_name(w).is_none();
        // After two name parts the name list knows (مصطفى مدبولي) a third word must be one
        // too or a surname with the article; else it is the sentence going on (… ضرورة).
        // Names with an unknown part (جان إيف لودريان) may run to three words.
        let known_pair = words >= 2
            && (i..j).filter(|&k| arabic_name(&t[toks[k].range.clone()]).is_some()).count() >= 2;
        let third_ok = !known_pair || asian || arabic_name(w).is_some() || w.starts_with("ال");
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

/// Heads that take a definite article and name a body with their adjectives (folded).
const DEFINITE_ORG_HEADS: &[&str] = &[
    "الجيش",
    "البنك",
    "الاتحاد",
    "الهيئه",
    "اللجنه",
    "القوات",
    "الجامعه",
    "الخطوط",
    "التيار",
    "الكونفدراليه",
    "المجلس",
    "الحزب",
    "الحركه",
    "المنظمه",
    "الوكاله",
    "المؤسسه",
    "الشركه",
    "الجبهه",
    "الائتلاف",
    "التحالف",
    "الحرس",
    "المحكمه",
    "الصندوق",
    "البرلمان",
    "المرصد",
    "المركز",
    "المعهد",
    "الجمعيه",
    "الديوان",
    "الاسطول",
    "الشرطه",
    "البعثه",
    "الجماعه",
];

/// Adjectives that belong to a body's name without being nisbas (folded).
const BODY_ADJECTIVES: &[&str] = &[
    "الوطني",
    "الوطنيه",
    "المركزي",
    "المركزيه",
    "الرئاسي",
    "العام",
    "العامه",
    "الاعلي",
    "الحر",
    "الدولي",
    "الدوليه",
    "الثوري",
    "الاتحادي",
    "الاتحاديه",
    "الملكي",
    "الملكيه",
    "الشعبي",
    "الشعبيه",
    "الحاكم",
    "الديمقراطي",
    "الاشتراكي",
    "الموحد",
    "المستقل",
    "الجمهوري",
    "الخاصه",
];

/// Heads after which a quoted name is the organisation (folded, as written or after one
/// proclitic).
const QUOTED_ORG_HEADS: &[&str] = &[
    "حركه",
    "حزب",
    "تيار",
    "ائتلاف",
    "جمعيه",
    "منظمه",
    "شركه",
    "مجموعه",
    "جماعه",
    "تحالف",
    "كتله",
    "لائحه",
    "قائمه",
    "قناه",
    "صحيفه",
    "وكاله",
    "موقع",
    "مجله",
    "مؤسسه",
    "جبهه",
];

/// `head ADJ+ (ل/لل…)?` at token `i`: a definite organisation head with at least one adjective
/// (a nisba such as الليبي or a body adjective such as المركزي), then an attached ل-phrase of
/// definite words. The span in normalised bytes.
fn definite_org(
    t: &str,
    toks: &[ArTok],
    i: usize,
    definite: &impl Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let word = |k: usize| toks.get(k).map(|n| &t[n.range.clone()]);
    let raw = word(i)?;
    // Bytes of a proclitic before the head (وال…، بال…).
    let skip = match ["و", "ب", "ل", "ف"]
        .iter()
        .find(|p| raw.strip_prefix(**p).is_some_and(|r| DEFINITE_ORG_HEADS.contains(&r)))
    {
        _ if DEFINITE_ORG_HEADS.contains(&raw) && definite(i) => 0,
        Some(p) => p.len(),
        None => return None,
    };
    let body_adjective = |x: &str| {
        x.starts_with("ال")
            && !DATE_WORDS.contains(&x)
            && !AR_STOP.contains(x)
            && !matches!(x, "السابق" | "السابقه" | "الجديد" | "الجديده" | "المقبل")
            && (is_adjective(x)
                || BODY_ADJECTIVES.contains(&x)
                || x.ends_with('ي')
                || x.ends_with("يه"))
    };
    let mut j = i + 1;
    while j < toks.len()
        && !toks[j].punct_before
        && j - i <= 4
        && word(j).is_some_and(body_adjective)
    {
        j += 1;
    }
    if j == i + 1 {
        return None;
    }
    let j = attached_phrases(t, toks, j);
    Some(toks[i].range.start + skip..toks[j - 1].range.end)
}

/// Where an organisation's name ends when its last word is token `j - 1`: over attached
/// ل-phrases of definite words (لكرة القدم، للجيش الشعبي الكوري، لمجلس التعاون لدول الخليج
/// العربية) and one coordinated definite word (وزارة الخارجية والمغتربين). Returns the end
/// token (exclusive).
fn attached_phrases(t: &str, toks: &[ArTok], mut j: usize) -> usize {
    let word = |k: usize| toks.get(k).filter(|n| !n.punct_before).map(|n| &t[n.range.clone()]);
    let name_part = |y: &str| {
        y.starts_with("ال")
            && !DATE_WORDS.contains(&y)
            && !AR_CUES.contains(y)
            && !AR_STOP.contains(y)
    };
    // "والمغتربين": one coordinated word, not the start of another name (والأمم المتحدة).
    if let Some(x) = word(j)
        && let Some(rest) = x.strip_prefix('و')
        && name_part(rest)
        && !word(j + 1).is_some_and(name_part)
        && !AR_ADJECTIVES.contains(rest)
    {
        j += 1;
    }
    for _ in 0..3 {
        let Some(x) = word(j) else { break };
        let attached = (x.starts_with("لل") || (x.starts_with('ل') && !x.starts_with("لا")))
            && x.chars().count() >= 4
            && !AR_STOP.contains(x)
            && !AR_GLUED.contains(x);
        if !attached {
            break;
        }
        let mut k = j + 1;
        while k - j <= 3 && word(k).is_some_and(name_part) {
            k += 1;
        }
        if k == j + 1 && !x.starts_with("لل") {
            break;
        }
        j = k;
    }
    j
}

/// Longest quoted name looked for, in characters.
const QUOTE_CHARS: usize = 200;

/// The quoted words right after byte `end` of `t` (« », " ", “ ”), at most `max` words.
fn quoted_after(t: &str, end: usize, max: usize) -> Option<Range<usize>> {
    let rest = t.get(end..)?;
    let lead = rest.len() - rest.trim_start_matches(' ').len();
    let rest = &rest[lead..];
    let open = rest.chars().next().filter(|c| matches!(c, '«' | '"' | '“'))?;
    let close = match open {
        '«' => '»',
        '“' => '”',
        _ => '"',
    };
    let inner_start = open.len_utf8();
    // A few quoted words close within a few hundred characters: an unclosed quote must not
    // cost a scan of the rest of the text.
    let (inner_len, _) =
        rest[inner_start..].char_indices().take(QUOTE_CHARS).find(|&(_, c)| c == close)?;
    let inner = &rest[inner_start..inner_start + inner_len];
    let words = inner.split_whitespace().count();
    if words == 0 || words > max || inner.chars().any(|c| matches!(c, '.' | '،' | ',' | '\n')) {
        return None;
    }
    let start = end + lead + inner_start;
    Some(start..start + inner_len)
}

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

/// Words that precede a place name in construct state (the name is the place; the head is not
/// part of it: محافظة درعا → درعا).
const AR_PLACE_HEADS: &[&str] =
    &["محافظه", "مدينه", "بلده", "قريه", "ريف", "منطقه", "اقليم", "ولايه"];

/// Heads of facilities, which belong to their names (also used by the extractor around known
/// names: ساحة كيم إيل سونغ) (مطار دمشق الدولي، معبر رفح، مخيم جنين).
#[rustfmt::skip]
pub const FACILITY_HEADS: &[&str] = &[
    "مطار", "سجن", "معبر", "مخيم", "قاعده", "ساحه", "قصر", "جامع", "مسجد", "ميناء", "مرفا", "سد",
    "مقام", "ثكنه", "نهر", "خليج", "جبال", "جزيره", "حقل", "بحيره", "سهل", "هضبه", "صحراء",
    "ملعب", "مركب", "محطه", "مضيق", "معسكر",
];

/// A place name of one or two words at `i` (the second only with the article: دير الزور).
fn read_place(t: &str, toks: &[ArTok], i: usize) -> Option<usize> {
    let first = &t[toks.get(i)?.range.clone()];
    if !name_word(first) || ORG_HEADS_AR_GUARD.contains(&first) {
        return None;
    }
    let second = toks.get(i + 1).filter(|n| !n.punct_before).map(|n| &t[n.range.clone()]);
    Some(
        if second.is_some_and(|w| {
            name_word(w)
                && !first.starts_with("ال")
                && (w.starts_with("ال") || PLACE_FIRST.contains(&first))
        }) {
            i + 2
        } else {
            i + 1
        },
    )
}

/// First elements of two-word place names (خان شيخون، دير حافر، تل أبيض، جسر الشغور).
const PLACE_FIRST: &[&str] = &[
    "خان", "دير", "تل", "جسر", "عين", "بئر", "كفر", "راس", "ابو", "بني", "سيدي", "ام", "بيت",
    "مرج", "جبل", "وادي",
];

/// Words after a place head that make it a common noun phrase, not a name.
const ORG_HEADS_AR_GUARD: &[&str] =
    &["واحده", "كبيره", "صغيره", "جديده", "اخري", "اخرى", "عسكريه", "امنه", "حدوديه", "صناعيه"];

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
    let asian = AR_EAST_ASIAN.contains(raw);
    if (AR_GIVEN.contains(raw) || asian)
        && !c.definite(i)
        && let Some(j) = read_name(t, toks, i, &|k| c.definite(k))
        && j - i >= if asian { 3 } else { 2 }
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

/// مطار دمشق الدولي، سجن صيدنايا، ساحة الأمويين: a facility is named with its head.
fn facility(c: &Ctx, i: usize, out: &mut Out) {
    let (t, toks) = (c.t(), c.toks);
    let (word, raw) = (c.word(i), c.raw(i));
    if !(FACILITY_HEADS.contains(&word) || FACILITY_HEADS.contains(&raw)) {
        return;
    }
    // The head without its proclitic (بمطار → مطار).
    let start = toks[i].range.start
        + if FACILITY_HEADS.contains(&raw) { 0 } else { raw.len() - word.len() };
    // Named after a titled person: ملعب الأمير مولاي عبد الله، مطار الملكة علياء.
    if let Some(n) = toks.get(i + 1).filter(|n| !n.punct_before)
        && AR_CUES.contains(&t[n.range.clone()])
        && toks.get(i + 2).is_some_and(|m| !m.punct_before)
        && let Some(j) = read_name(t, toks, i + 2, &|_| false)
    {
        out.push((start..toks[j - 1].range.end, EntityKind::Place));
    }
    let next = toks.get(i + 1).filter(|n| !n.punct_before);
    if let Some(n) = next
        && !is_adjective(&t[n.range.clone()])
        && read_place(t, toks, i + 1).is_some()
    {
        let mut j = i + 2;
        // Closing adjectives: الدولي، الفضائية، الكبير.
        while toks.get(j).is_some_and(|n| {
            !n.punct_before && {
                let x = &t[n.range.clone()];
                x.starts_with("ال") && (is_adjective(x) || x.ends_with('ي') || x.ends_with("يه"))
            }
        }) && j - i < 4
        {
            j += 1;
        }
        out.push((start..toks[j - 1].range.end, EntityKind::Place));
    }
}

/// محافظة درعا، مدينة جبلة، ريف حلب: a place head and one or two name words.
fn place_head(c: &Ctx, i: usize, out: &mut Out) {
    let (word, raw) = (c.word(i), c.raw(i));
    if !(AR_PLACE_HEADS.contains(&word) || AR_PLACE_HEADS.contains(&raw)) {
        return;
    }
    // After the loose heads (منطقة العمليات = the operations area) a definite word is a common
    // noun; after محافظة/مدينة/بلدة/قرية it is a name (محافظة الرقة).
    let loose = matches!(word, "منطقه" | "ريف" | "اقليم" | "ولايه");
    if let Some(j) = c
        .toks
        .get(i + 1)
        .filter(|n| !(n.punct_before || (loose && c.definite(i + 1))))
        .and_then(|_| read_place(c.t(), c.toks, i + 1))
    {
        out.push((c.toks[i + 1].range.start..c.toks[j - 1].range.end, EntityKind::Place));
    }
}

/// A definite head and its adjectives, then an attached ل-phrase: الجيش الوطني الليبي، البنك
/// المركزي الإيراني، الاتحاد الدولي لكرة القدم، اللجنة المركزية لحزب العمل.
fn definite_body(c: &Ctx, i: usize, out: &mut Out) {
    if let Some(r) = definite_org(c.t(), c.toks, i, &|k| c.definite(k)) {
        out.push((r, EntityKind::Org));
    }
}

/// A name in guillemets or quotes after a head: حركة «أمل»، لائحة «بيروت مدينتي».
fn quoted_org(c: &Ctx, i: usize, out: &mut Out) {
    let (word, raw) = (c.word(i), c.raw(i));
    if (QUOTED_ORG_HEADS.contains(&word) || QUOTED_ORG_HEADS.contains(&raw))
        && let Some(r) = quoted_after(c.t(), c.toks[i].range.end, 4)
    {
        out.push((r, EntityKind::Org));
    }
}

/// Organisation: head in construct state followed by ال-/لل- words; one bare noun may come
/// first when a definite word follows it (كتائب شهداء القلمون).
fn org_head(c: &Ctx, i: usize, out: &mut Out) {
    let (t, toks) = (c.t(), c.toks);
    let (word, raw) = (c.word(i), c.raw(i));
    // "رئيس مجلس الوزراء" is the prime minister's title, not a mention of the cabinet.
    let cabinet_title = word == "مجلس"
        && toks.get(i + 1).is_some_and(|n| &t[n.range.clone()] == "الوزراء")
        && i > 0
        && matches!(&t[toks[i - 1].range.clone()], "رئيس" | "لرئيس" | "ورئيس" | "نائب" | "رئاسه");
    if !(AR_ORG_HEADS.contains(raw) || AR_ORG_HEADS.contains(word)) || cabinet_title {
        return;
    }
    let mut j = i + 1;
    let definite_at = |k: usize| {
        toks.get(k).filter(|n| !n.punct_before).is_some_and(|n| {
            let x = &t[n.range.clone()];
            x.starts_with("ال") || x.starts_with("لل")
        })
    };
    if !definite_at(j)
        && definite_at(j + 1)
        && toks.get(j).is_some_and(|n| !n.punct_before && name_word(&t[n.range.clone()]))
    {
        j += 1;
    }
    while j < toks.len() && j - i <= 4 && !toks[j].punct_before {
        let x = &t[toks[j].range.clone()];
        // A title or a time word after the name starts the next phrase (مجلس الوزراء المهندس
        // …، حزب العمال الحاكم الشهر الماضي).
        let stop = AR_CUES.contains(x) || AR_STOP.contains(x) || DATE_WORDS.contains(&x);
        // After an adjective (وزارة الخارجية الإيرانية) only adjectives continue the name.
        let after_adjective = j > i + 1 && is_adjective(&t[toks[j - 1].range.clone()]);
        if (x.starts_with("ال") || x.starts_with("لل"))
            && !stop
            && (!after_adjective || is_adjective(x))
        {
            j += 1;
        } else {
            break;
        }
    }
    if j > i + 1 {
        let j = attached_phrases(t, toks, j);
        let skip = if AR_ORG_HEADS.contains(raw) { 0 } else { raw.len() - word.len() };
        out.push((toks[i].range.start + skip..toks[j - 1].range.end, EntityKind::Org));
    }
}

/// Words that open a state's formal name (folded): جمهورية، دولة، سلطنة، مملكة، إمارة.
const STATE_HEADS: &[&str] =
    &["جمهوريه", "الجمهوريه", "دوله", "سلطنه", "مملكه", "المملكه", "اماره"];
/// Adjectives that close a state's formal name (folded).
const STATE_ADJECTIVES: &[&str] = &[
    "الاسلاميه",
    "الشعبيه",
    "العربيه",
    "الديمقراطيه",
    "الهاشميه",
    "الاتحاديه",
    "المتحده",
    "الاشتراكيه",
];

/// The formal name around the country at `country` (byte range of `text`): a state head
/// before it, one proclitic allowed (ولدولة), and closing adjectives after it.
pub fn formal_state_name(text: &str, country: Range<usize>) -> Option<Range<usize>> {
    with_head(text, country, STATE_HEADS, STATE_ADJECTIVES)
}

/// Adjectives that close a facility's name (folded).
const FACILITY_ADJECTIVES: &[&str] =
    &["الدولي", "الدوليه", "الكبير", "الكبري", "الرئاسي", "الحكومي"];

/// A facility named after a known place or person: "مطار دمشق الدولي", "ساحة كيم إيل سونغ".
pub fn facility_name(text: &str, name: Range<usize>) -> Option<Range<usize>> {
    with_head(text, name, FACILITY_HEADS, FACILITY_ADJECTIVES)
}

/// `name` (a byte range of `text`) with one of `heads` right before it (a proclitic allowed)
/// and any of `adjectives` after it; `None` without a head.
fn with_head(
    text: &str,
    name: Range<usize>,
    heads: &[&str],
    adjectives: &[&str],
) -> Option<Range<usize>> {
    let word_char = |c: char| is_arabic_letter(c) || crate::text::script::is_arabic_mark(c);
    let before = text.get(..name.start)?;
    let trimmed = before.strip_suffix(' ')?;
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !word_char(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &trimmed[word_start..];
    let folded = norm_str(word);
    let clitic = ["و", "ب", "ل", "ف", "ك"]
        .iter()
        .find(|p| folded.strip_prefix(**p).is_some_and(|rest| heads.contains(&rest)));
    let start = match clitic {
        _ if heads.contains(&folded.as_str()) => word_start,
        Some(p) => word_start + p.len(),
        None => return None,
    };
    let mut end = name.end;
    // At most four adjectives (a run of them must not make every name read it all).
    for _ in 0..4 {
        let Some(rest) = text[end..].strip_prefix(' ') else { break };
        let len = rest.find(|c: char| !word_char(c)).unwrap_or(rest.len());
        if len == 0 || !adjectives.contains(&norm_str(&rest[..len]).as_str()) {
            break;
        }
        end += 1 + len;
    }
    Some(start..end)
}
