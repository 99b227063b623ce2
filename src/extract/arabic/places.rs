//! Arabic place rules: a place head before a name (محافظة درعا → درعا), a facility named with its
//! head (مطار دمشق الدولي), and the formal names around known states and facilities (جمهورية
//! إيران الإسلامية، ساحة كيم إيل سونغ).

use std::ops::Range;

use super::{AR_CUES, ArTok, Ctx, Out, is_adjective, name_word, read_name};
use crate::extract::EntityKind;
use crate::extract::canon::norm_str;
use crate::text::script::is_arabic_letter;

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

/// مطار دمشق الدولي، سجن صيدنايا، ساحة الأمويين: a facility is named with its head.
pub(super) fn facility(c: &Ctx, i: usize, out: &mut Out) {
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
pub(super) fn place_head(c: &Ctx, i: usize, out: &mut Out) {
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
pub(super) fn with_head(
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
