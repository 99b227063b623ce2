//! Normalisation for matching: case, Arabic letter variants, diacritics, tatweel and digits.
//! Every normalised form keeps a map back to byte offsets of the original text, so a match
//! found in normalised text highlights the right bytes of the original.

use super::script::is_arabic_mark;

/// Folds one character for matching, or `None` when it is dropped (harakat, tatweel,
/// zero-width and direction marks). Letters are lower-cased; Arabic alef forms become ا,
/// alef maqsura ي, taa marbuta ه, Persian kaf/yeh their Arabic forms, Arabic-Indic digits ASCII.
pub fn fold_char(c: char) -> Option<char> {
    if is_arabic_mark(c) || matches!(c, '\u{0640}' | '\u{200B}'..='\u{200F}' | '\u{FEFF}') {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        // ۀ is Persian heh with the ezafe hamza above: «قلعۀ» reads as «قلعه».
        'ة' | 'ۀ' => 'ه',
        'ک' => 'ك',
        '٠'..='٩' => char::from_u32(c as u32 - 0x0660 + u32::from(b'0')).unwrap_or(c),
        '۰'..='۹' => char::from_u32(c as u32 - 0x06F0 + u32::from(b'0')).unwrap_or(c),
        '\u{2019}' | '\u{2018}' | '`' => '\'',
        c if crate::text::script::is_upper(c) => c.to_lowercase().next().unwrap_or(c),
        c => c,
    })
}

/// Text folded for matching, with `map[i]` = byte offset in the original of the character
/// that produced normalised byte `i` (one extra entry maps the end).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// Original byte offset for every byte of `text`, plus one for its end.
    pub map: Vec<usize>,
}

impl Folded {
    /// The original byte range covered by normalised byte range `start..end`.
    pub fn original_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let s = self.map[start];
        // The end maps to just after the last original character that fed the range.
        let e = if end == 0 { s } else { self.end_of(end - 1) };
        s..e
    }

    fn end_of(&self, i: usize) -> usize {
        // The next original offset after the char that produced byte i.
        let o = self.map[i];
        self.map[i + 1..].iter().copied().find(|&x| x > o).unwrap_or(*self.map.last().unwrap_or(&o))
    }
}

/// Folds `s` with [`fold_char`], keeping the offset map.
pub fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        if let Some(f) = fold_char(c) {
            text.push(f);
            map.extend(std::iter::repeat_n(i, f.len_utf8()));
        }
    }
    map.push(s.len());
    Folded { text, map }
}

/// Folds `s` without keeping a map (for keys and queries).
pub fn fold_str(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_variants_fold_together() {
        assert_eq!(fold_str("العُقُوبَات"), fold_str("العقوبات"));
        assert_eq!(fold_str("أحمد"), "احمد");
        assert_eq!(fold_str("مـحـمـد"), "محمد");
        assert_eq!(fold_str("مدرسة"), "مدرسه");
        assert_eq!(fold_str("٢٠١٩"), "2019");
        assert_eq!(fold_str("Pyongyang"), "pyongyang");
    }

    #[test]
    fn persian_letters_digits_zwnj_and_harakat_fold_for_matching() {
        // ی / ي / ى and ک / ك are one letter; Persian and Arabic-Indic digits ASCII.
        assert_eq!(fold_str("ظریف"), fold_str("ظريف"));
        assert_eq!(fold_str("موسى"), fold_str("موسی"));
        assert_eq!(fold_str("کره"), fold_str("كره"));
        assert_eq!(fold_str("۱۴۰۳"), "1403");
        assert_eq!(fold_str("١٤٠٣"), "1403");
        // The ZWNJ, the ezafe hamza and harakat are not matched.
        assert_eq!(fold_str("می‌گوید"), fold_str("میگوید"));
        assert_eq!(fold_str("کرهٔ"), fold_str("کره"));
        assert_eq!(fold_str("قلعۀ"), fold_str("قلعه"));
        assert_eq!(fold_str("ظَریف"), fold_str("ظریف"));
        // Offsets still map back across a removed ZWNJ.
        let s = "کره‌شمالی";
        let f = fold(s);
        assert_eq!(&s[f.original_range(0, f.text.len())], s);
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let s = "قال العُقُوبَات";
        let f = fold(s);
        let start = f.text.find("العقوبات").unwrap();
        let r = f.original_range(start, start + "العقوبات".len());
        assert_eq!(&s[r], "العُقُوبَات");
    }
}
