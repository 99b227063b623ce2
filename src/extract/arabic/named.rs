//! Arabic organisations named by a head and a proper name rather than by definite words alone:
//! clubs (نادي الهلال، نادي ريال مدريد), companies (شركة أرامكو), banks (مصرف لبنان), movements
//! and militias around a known name (حركة حماس), and leagues (الدوري السعودي، دوري أبطال أوروبا).

use std::ops::Range;

use super::orgs::attached_phrases;
use super::places::with_head;
use super::{AR_CUES, AR_STOP, Ctx, DATE_WORDS, Out, is_adjective, name_word};
use crate::extract::EntityKind;
use crate::lang::ar::words::{
    AR_COMPANY_SECTORS, AR_GLUED, AR_IMPERFECT, AR_LEAGUE_ADJECTIVES, AR_LOOSE_NAME_HEADS,
    AR_NAME_HEADS, AR_NOT_NAMES, AR_VERBS,
};

/// Most name words read after a head (ريال مدريد، باريس سان جيرمان).
const MAX_NAME_WORDS: usize = 3;

/// A word that may be part of a proper name after a head: a name word or a definite word that
/// is no time word, title or common adjective, and no verb.
fn name_part(c: &Ctx, k: usize) -> bool {
    let Some(n) = c.toks.get(k).filter(|n| !n.punct_before) else { return false };
    let x = &c.t()[n.range.clone()];
    let definite = x.starts_with("ال") && x.chars().count() >= 4;
    (name_word(x) || definite)
        && !AR_STOP.contains(x)
        && !AR_CUES.contains(x)
        && !AR_VERBS.contains(x)
        && !AR_IMPERFECT.contains(x)
        && !AR_GLUED.contains(x)
        && !AR_NOT_NAMES.contains(x)
        && !DATE_WORDS.contains(&x)
        && !x.starts_with("لل")
}

/// A head and the proper name after it: نادي الهلال، نادي ريال مدريد، مصرف لبنان، شركة أرامكو
/// (the head belongs to the name, as the conventions span it). After a sector (شركة طيران) a
/// name must follow; a feminine adjective agreeing with the head (شركة أمريكية، شركة نفطية)
/// is no name. Loose heads (حركة، جماعة) take only quoted or known names, elsewhere.
pub(super) fn named_org(c: &Ctx, i: usize, out: &mut Out) {
    let (word, raw) = (c.word(i), c.raw(i));
    let head = if AR_NAME_HEADS.contains(raw) { raw } else { word };
    if !AR_NAME_HEADS.contains(head) || AR_LOOSE_NAME_HEADS.contains(head) {
        return;
    }
    let t = c.t();
    let w = |k: usize| &t[c.toks[k].range.clone()];
    let mut j = i + 1;
    if head == "شركه" && c.toks.get(j).is_some_and(|_| AR_COMPANY_SECTORS.contains(w(j))) {
        j += 1;
        if !name_part(c, j) {
            return;
        }
    }
    if !name_part(c, j) {
        return;
    }
    let first = w(j);
    // An adjective agreeing with the head is no name: feminine after شركة (شركة أمريكية، شركة
    // نفطية), a nisba after the others (نادي رياضي is in the not-names list). A definite word
    // after a company or bank is a common noun (شركة النفط = "the oil company"; the definite
    // names are read by the construct-state rule); after نادي it is the club (نادي الهلال).
    let feminine = head == "شركه";
    if is_adjective(first)
        || (feminine && first.ends_with('ه'))
        || (first.starts_with("ال") && head != "نادي")
    {
        return;
    }
    let start = j;
    while j < c.toks.len() && j - start < MAX_NAME_WORDS && name_part(c, j) {
        // Bare words run on (ريال مدريد); a change to or from the article closes the name
        // (مصرف لبنان المركزي takes its adjective below; نادي الهلال السعودي واحدا stops).
        if j > start && w(j).starts_with("ال") != w(j - 1).starts_with("ال") {
            break;
        }
        j += 1;
    }
    // Closing adjectives: مصرف لبنان المركزي، شركة أرامكو السعودية.
    while c.toks.get(j).is_some_and(|n| !n.punct_before)
        && w(j).starts_with("ال")
        && (is_adjective(w(j)) || matches!(w(j), "المركزي" | "الوطني" | "الدولي"))
        && j - start < MAX_NAME_WORDS + 2
    {
        j += 1;
    }
    // An attached ل-phrase continues the name (نادي باريس للدائنين).
    let j = attached_phrases(t, c.toks, j);
    let skip = raw.len() - head.len();
    out.push((c.toks[i].range.start + skip..c.toks[j - 1].range.end, EntityKind::Org));
}

/// Leagues: الدوري and its adjectives (الدوري السعودي، الدوري الإنجليزي الممتاز، الدوري السعودي
/// لكرة القدم) where الدوري
/// is a noun, not the adjective "periodic" after one (الاجتماع الدوري); and دوري أبطال + a
/// continent (دوري أبطال أوروبا).
pub(super) fn league(c: &Ctx, i: usize, out: &mut Out) {
    let (word, raw) = (c.word(i), c.raw(i));
    let t = c.t();
    let w = |k: usize| &t[c.toks[k].range.clone()];
    let skip = raw.len() - word.len();
    if word == "دوري"
        && c.toks.get(i + 1).is_some_and(|n| !n.punct_before)
        && w(i + 1) == "ابطال"
        && name_part(c, i + 2)
    {
        out.push((c.toks[i].range.start + skip..c.toks[i + 2].range.end, EntityKind::Org));
        return;
    }
    // (With a proclitic it is the noun: فاز الهلال بالدوري السعودي.)
    let after_noun = raw == word && i > 0 && !c.toks[i].punct_before && w(i - 1).starts_with("ال");
    if word != "الدوري" || after_noun {
        return;
    }
    // A nisba the adjective list lacks has its shape (الإنجليزي، الإسباني).
    let nisba = |x: &str| {
        is_adjective(x) || (x.starts_with("ال") && x.ends_with('ي') && x.chars().count() >= 6)
    };
    let mut j = i + 1;
    while c.toks.get(j).is_some_and(|n| !n.punct_before)
        && (nisba(w(j)) || AR_LEAGUE_ADJECTIVES.contains(w(j)))
        && j - i <= 4
    {
        j += 1;
    }
    // A nisba names the league (الدوري السعودي); "الممتاز" alone does not.
    if (i + 1..j).any(|k| nisba(w(k))) {
        let j = attached_phrases(t, c.toks, j);
        out.push((c.toks[i].range.start + skip..c.toks[j - 1].range.end, EntityKind::Org));
    }
}

/// A known organisation with its head before it: حركة حماس، نادي الهلال، شركة أرامكو (byte
/// range of `text`; one proclitic allowed before the head). `None` without a head.
pub fn org_with_head(text: &str, org: Range<usize>) -> Option<Range<usize>> {
    static HEADS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let heads = HEADS.get_or_init(|| AR_NAME_HEADS.iter().collect());
    with_head(text, org, heads, &[])
}
