//! Arabic shaping into presentation forms (contextual forms, lam-alef ligatures) with
//! `ar-reshaper`, in logical order, keeping a map from the shaped text back to the bytes of
//! the original, so every cell of the layout still points into the document.
//!
//! Shaping runs per Arabic word (a maximal run of shapeable letters and harakat): joining
//! never crosses anything else, so this equals shaping the whole paragraph. Words repeat a
//! lot in news text, so results are cached per thread.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use ar_reshaper::letters::letters_db::LETTERS_ARABIC;
use ar_reshaper::prelude::LigatureNames;
use ar_reshaper::{ArabicReshaper, ReshaperConfig};

/// A paragraph after shaping: the text to lay out and, when it differs from the source, the
/// pieces that map it back.
#[derive(Debug)]
pub(crate) struct Shaped<'a> {
    /// The text to lay out (logical order). Borrowed when shaping changed nothing.
    pub text: Cow<'a, str>,
    /// Sorted by `at`, covering `text`; empty when `text` is the source itself.
    pieces: Vec<Piece>,
}

/// A stretch of the shaped text and the source bytes it shows.
#[derive(Debug, Clone)]
struct Piece {
    /// Start in the shaped text (bytes).
    at: usize,
    /// Length in the shaped text (bytes).
    len: usize,
    /// Bytes of the source this stretch shows.
    orig: Range<usize>,
    /// Copied unchanged (so byte `at + k` is source byte `orig.start + k`), or one shaped char.
    identity: bool,
}

impl Shaped<'_> {
    /// The unshaped text: identity map.
    pub fn plain(src: &str) -> Shaped<'_> {
        Shaped { text: Cow::Borrowed(src), pieces: Vec::new() }
    }

    /// Source byte range (relative to the shaped paragraph's source) shown by the shaped byte
    /// range `r`, which must lie on char boundaries. A lam-alef ligature maps to both letters.
    pub fn original(&self, r: Range<usize>) -> Range<usize> {
        if self.pieces.is_empty() || r.is_empty() {
            return r;
        }
        let first = self.pieces.partition_point(|p| p.at + p.len <= r.start);
        let mut out: Option<Range<usize>> = None;
        for p in self.pieces[first..].iter().take_while(|p| p.at < r.end) {
            let piece = if p.identity {
                let a = r.start.max(p.at) - p.at;
                let b = r.end.min(p.at + p.len) - p.at;
                p.orig.start + a..p.orig.start + b
            } else {
                p.orig.clone()
            };
            out = Some(match out {
                None => piece,
                Some(o) => o.start.min(piece.start)..o.end.max(piece.end),
            });
        }
        out.unwrap_or(r)
    }
}

/// The reshaper configured for a terminal: default ligatures (lam-alef) but not the 4-letter
/// Allah ligature (one cell that fonts draw wide), harakat kept (the default deletes them).
fn reshaper() -> &'static ArabicReshaper {
    static R: OnceLock<ArabicReshaper> = OnceLock::new();
    R.get_or_init(|| {
        let mut c = ReshaperConfig { delete_harakat: false, ..ReshaperConfig::default() };
        c.update_ligature(LigatureNames::ARABIC_LIGATURE_ALLAH, false);
        ArabicReshaper::new(c)
    })
}

/// The harakat ar-reshaper 1.5 moves with their letter (its `HARAKAT_RE`).
fn is_harakah(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061a}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06dc}'
        | '\u{06df}'..='\u{06e8}' | '\u{06ea}'..='\u{06ed}' | '\u{08d4}'..='\u{08ff}')
}

/// The presentation forms of a letter ar-reshaper shapes, `None` for any other char.
fn forms(c: char) -> Option<[char; 4]> {
    // Called for every char of every Arabic paragraph: the main Arabic blocks are a direct
    // index, the rest (presentation forms are not letters to shape) a hash look-up.
    const DENSE: std::ops::Range<u32> = 0x0600..0x0900;
    struct Table {
        dense: Vec<Option<[char; 4]>>,
        other: HashMap<char, [char; 4]>,
    }
    static TABLE: OnceLock<Table> = OnceLock::new();
    let t = TABLE.get_or_init(|| {
        let mut dense = vec![None; DENSE.len()];
        let mut other = HashMap::new();
        for (k, f) in LETTERS_ARABIC.iter() {
            let v = [f.isolated, f.initial, f.medial, f.end];
            match (*k as u32).checked_sub(DENSE.start) {
                Some(i) if (i as usize) < dense.len() => dense[i as usize] = Some(v),
                _ => {
                    other.insert(*k, v);
                }
            }
        }
        Table { dense, other }
    });
    let u = c as u32;
    if u < DENSE.start {
        return None;
    }
    if u < DENSE.end {
        return t.dense[(u - DENSE.start) as usize];
    }
    t.other.get(&c).copied()
}

/// Whether `s` has a letter ar-reshaper would shape.
fn needs_shaping(s: &str) -> bool {
    s.chars().any(|c| forms(c).is_some())
}

/// A shaped word: each output char with the source range (relative to the word) it shows.
type WordMap = Vec<(char, Range<usize>)>;

/// Shapes `src` (one paragraph, no line ends needed). Words the reshaper cannot handle (a ZWJ
/// inside, which shifts its indices, or any output that does not align) stay unshaped.
pub(crate) fn shape(src: &str) -> Shaped<'_> {
    if !needs_shaping(src) {
        return Shaped::plain(src);
    }
    let mut text = String::with_capacity(src.len() + src.len() / 2);
    let mut pieces = Vec::new();
    let mut copy_from = 0; // start of the pending unchanged stretch of `src`
    let flush = |text: &mut String, pieces: &mut Vec<Piece>, r: Range<usize>| {
        if !r.is_empty() {
            pieces.push(Piece { at: text.len(), len: r.len(), orig: r.clone(), identity: true });
            text.push_str(&src[r]);
        }
    };
    let mut i = 0;
    while i < src.len() {
        // Find the next word: starts with a shapeable letter (a leading haraka has no letter
        // to sit on: ar-reshaper would underflow on it), continues with letters and harakat.
        let Some(start) =
            src[i..].char_indices().find(|&(_, c)| forms(c).is_some()).map(|(o, _)| i + o)
        else {
            break;
        };
        let end = src[start..]
            .char_indices()
            .find(|&(_, c)| forms(c).is_none() && !is_harakah(c) && c != '\u{0640}')
            .map_or(src.len(), |(o, _)| start + o);
        let word = &src[start..end];
        let map = cached_shape(word);
        if let Some(map) = map.as_deref() {
            flush(&mut text, &mut pieces, copy_from..start);
            for (c, r) in map.iter() {
                pieces.push(Piece {
                    at: text.len(),
                    len: c.len_utf8(),
                    orig: start + r.start..start + r.end,
                    identity: false,
                });
                text.push(*c);
            }
            copy_from = end;
        }
        i = end;
    }
    flush(&mut text, &mut pieces, copy_from..src.len());
    Shaped { text: Cow::Owned(text), pieces }
}

/// Words kept shaped per thread: news text repeats its words across paragraphs.
const CACHE_WORDS: usize = 50_000;

/// [`shape_word`], remembered per thread (cleared when it holds [`CACHE_WORDS`] words).
fn cached_shape(word: &str) -> Option<std::rc::Rc<WordMap>> {
    use std::cell::RefCell;
    use std::rc::Rc;
    thread_local! {
        static CACHE: RefCell<HashMap<Box<str>, Option<Rc<WordMap>>>> = RefCell::new(HashMap::new());
    }
    CACHE.with_borrow_mut(|cache| {
        if let Some(hit) = cache.get(word) {
            return hit.clone();
        }
        if cache.len() >= CACHE_WORDS {
            cache.clear();
        }
        let map = shape_word(word).map(Rc::new);
        cache.insert(word.into(), map.clone());
        map
    })
}

/// A letter, its byte range in the word, and the harakat (with ranges) that follow it.
type Slot = (char, Range<usize>, Vec<(char, Range<usize>)>);

/// Shapes one word (starts with a shapeable letter, then letters, tatweel and harakat) and
/// aligns the output with the input; `None` when the reshaper panicked or the output does not
/// align (then the word stays unshaped).
fn shape_word(word: &str) -> Option<WordMap> {
    // Known ar-reshaper 1.5 panic: a ZWJ next to a ligature shifts its indices.
    if word.contains('\u{200d}') {
        return None;
    }
    // Slots as the reshaper builds them: each letter, with the harakat that follow it.
    let mut slots: Vec<Slot> = Vec::new();
    for (o, c) in word.char_indices() {
        let r = o..o + c.len_utf8();
        if is_harakah(c) {
            slots.last_mut()?.2.push((c, r));
        } else {
            slots.push((c, r, Vec::new()));
        }
    }
    let r = reshaper();
    let out = crate::text::guard::catch(|| r.reshape(word))?;
    let mut out = out.chars();
    let mut map = Vec::with_capacity(word.len() / 2);
    let mut k = 0;
    while k < slots.len() {
        let g = out.next()?;
        let (c, range, _) = &slots[k];
        let take = if ('\u{fef5}'..='\u{fefc}').contains(&g) {
            // Lam-alef ligature: lam and the alef after it (with any harakat between) in one cell.
            let (alef, ar, _) = slots.get(k + 1)?;
            let ok = *c == '\u{0644}'
                && matches!(alef, '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0627}');
            if !ok {
                return None;
            }
            map.push((g, range.start..ar.end));
            2
        } else {
            let ok = g == *c || forms(*c).is_some_and(|f| f.contains(&g));
            if !ok {
                return None;
            }
            map.push((g, range.clone()));
            1
        };
        for slot in &slots[k..k + take] {
            for (h, hr) in &slot.2 {
                if out.next()? != *h {
                    return None;
                }
                map.push((*h, hr.clone()));
            }
        }
        k += take;
    }
    if out.next().is_some() {
        return None;
    }
    Some(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> String {
        s.chars().map(|c| format!("{:04X}", c as u32)).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn forms_and_lam_alef_as_in_the_research_notes() {
        assert_eq!(cps(&shape("السلام").text), "FE8D FEDF FEB4 FEFC FEE1");
        assert_eq!(cps(&shape("الله").text), "FE8D FEDF FEE0 FEEA", "no Allah ligature");
        assert_eq!(
            cps(&shape("مُحَمَّدٌ").text),
            "FEE3 064F FEA4 064E FEE4 064E 0651 FEAA 064C",
            "harakat kept after their letter"
        );
        assert_eq!(cps(&shape("لـ NK").text), "FEDF 0640 0020 004E 004B");
        assert_eq!(cps(&shape("پژوهشگر").text), "FB58 FB8B FEED FEEB FEB8 FB95 FEAE");
    }

    #[test]
    fn every_shaped_char_maps_back_to_its_source_bytes() {
        let src = "قال: السلام لَا";
        let s = shape(src);
        let t = &s.text;
        // The final lam-alef (FEFC) in السلام covers both source letters.
        let lig = t.find('\u{FEFC}').unwrap();
        assert_eq!(&src[s.original(lig..lig + 3)], "لا");
        // The lam-alef with a fatha between covers lam, fatha and alef.
        let lig = t.find('\u{FEFB}').unwrap();
        let cluster = lig..lig + 3 + 2; // FEFB + U+064E
        assert_eq!(&t[cluster.clone()], "\u{FEFB}\u{064E}");
        assert_eq!(&src[s.original(cluster)], "لَا");
        // Unchanged stretches map byte for byte.
        let colon = t.find(':').unwrap();
        assert_eq!(&src[s.original(colon..colon + 2)], ": ");
        assert_eq!(s.original(0..t.len()), 0..src.len());
    }

    #[test]
    fn known_reshaper_panics_are_avoided() {
        // Leading haraka (debug-build underflow) and haraka + ZWJ + lam-alef (index panic).
        for src in ["\u{064E}ب", "بَ\u{200D}لا", "\u{0651}", "لا\u{200D}", "ـــَ"] {
            let s = shape(src);
            assert!(!s.text.is_empty());
            assert_eq!(s.original(0..s.text.len()), 0..src.len(), "{src:?}");
        }
        // The ZWJ word is left unshaped, the rest of the paragraph is shaped.
        let s = shape("بَ\u{200D}لا سلام");
        assert!(s.text.starts_with("بَ\u{200D}لا "));
        assert!(s.text.contains('\u{FEB3}'), "{}", cps(&s.text));
    }

    #[test]
    fn text_without_arabic_is_borrowed() {
        assert!(matches!(shape("plain English 123").text, Cow::Borrowed(_)));
        assert!(matches!(shape("שלום").text, Cow::Borrowed(_)));
    }
}
