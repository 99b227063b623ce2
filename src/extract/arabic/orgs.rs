//! Arabic organisation rules: a definite head and its adjectives (البنك المركزي الإيراني), a head
//! in construct state (وزارة الخارجية), a quoted name after a head (حركة «أمل»), and the
//! attached ل-phrases that continue a name (الاتحاد الدولي لكرة القدم).

use std::ops::Range;

use super::{AR_ADJECTIVES, AR_GLUED, AR_ORG_HEADS};
use super::{AR_CUES, AR_STOP, ArTok, Ctx, DATE_WORDS, Out, is_adjective, name_word};
use crate::extract::EntityKind;
use crate::lang::ar::words::AR_NOT_NAMES;

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
pub(super) fn attached_phrases(t: &str, toks: &[ArTok], mut j: usize) -> usize {
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

/// A definite head and its adjectives, then an attached ل-phrase: الجيش الوطني الليبي، البنك
/// المركزي الإيراني، الاتحاد الدولي لكرة القدم، اللجنة المركزية لحزب العمل.
pub(super) fn definite_body(c: &Ctx, i: usize, out: &mut Out) {
    if let Some(r) = definite_org(c.t(), c.toks, i, &|k| c.definite(k)) {
        out.push((r, EntityKind::Org));
    }
}

/// A name in guillemets or quotes after a head: حركة «أمل»، لائحة «بيروت مدينتي».
pub(super) fn quoted_org(c: &Ctx, i: usize, out: &mut Out) {
    let (word, raw) = (c.word(i), c.raw(i));
    if (QUOTED_ORG_HEADS.contains(&word) || QUOTED_ORG_HEADS.contains(&raw))
        && let Some(r) = quoted_after(c.t(), c.toks[i].range.end, 4)
    {
        out.push((r, EntityKind::Org));
    }
}

/// Organisation: head in construct state followed by ال-/لل- words; one bare noun may come
/// first when a definite word follows it (كتائب شهداء القلمون).
pub(super) fn org_head(c: &Ctx, i: usize, out: &mut Out) {
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
    // (Not an adjective agreeing with the head: جماعة مسلحة الهجوم.)
    if !definite_at(j)
        && definite_at(j + 1)
        && toks.get(j).is_some_and(|n| {
            let x = &t[n.range.clone()];
            !n.punct_before && name_word(x) && !AR_NOT_NAMES.contains(x)
        })
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
