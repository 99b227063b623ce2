//! Matching forms and canonical keys: the normaliser with its offset map (hyphens as spaces on
//! top of [`crate::text::normalize::fold`]) and the cross-script phonetic skeleton that links
//! spellings of one name in Latin and Arabic script ("Ri Yong-ho" = "ري يونغ هو").

use crate::text::normalize::{Folded, fold, fold_char};

/// Folded text for matching: [`fold`] plus hyphens and dashes as spaces (same byte length, so
/// the offset map stays valid).
pub fn norm(s: &str) -> Folded {
    let mut f = fold(s);
    if f.text.contains('-') {
        f.text = f.text.replace('-', " ");
    }
    f
}

/// A key string folded the way [`norm`] folds text (for gazetteer aliases and lookups).
pub fn norm_str(s: &str) -> String {
    s.chars()
        .filter_map(fold_char)
        .map(|c| if matches!(c, '-' | '\u{2010}'..='\u{2015}') { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Consonant class of one letter, Latin or Arabic; `None` for vowels, glides, h-like letters
/// and anything else that spellings across scripts do not agree on.
fn class(c: char) -> Option<char> {
    Some(match c {
        'b' | 'p' | 'ب' | 'پ' => 'b',
        't' | 'd' | 'ت' | 'د' | 'ط' | 'ض' | 'ث' | 'ذ' => 't',
        's' | 'z' | 'c' | 'x' | 'س' | 'ص' | 'ز' | 'ظ' => 's',
        'ش' => 's',
        'k' | 'q' | 'g' | 'j' | 'ك' | 'ق' | 'غ' | 'ج' | 'خ' | 'گ' => 'k',
        'f' | 'v' | 'ف' => 'f',
        'l' | 'ل' => 'l',
        'm' | 'م' => 'm',
        'n' | 'ن' => 'n',
        'r' | 'ر' => 'r',
        _ => return None,
    })
}

/// The phonetic skeleton of a name: consonant classes of every token, the Arabic article and
/// Latin `al`/`el` particles dropped, doubled classes collapsed. Equal skeletons across
/// scripts are taken as one name ("Walid Muallem" and "وليد المعلم" both give `ltmlm`).
pub fn skeleton(name: &str) -> String {
    let folded = norm_str(name);
    let mut out = String::new();
    for tok in folded.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        if tok.is_empty() || matches!(tok, "al" | "el" | "ad" | "as" | "an" | "ar" | "ash") {
            continue;
        }
        let tok = tok.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(tok);
        for c in tok.chars() {
            if let Some(k) = class(c)
                && !out.ends_with(k)
            {
                out.push(k);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_agree_across_scripts() {
        assert_eq!(skeleton("Ri Yong-ho"), skeleton("ري يونغ هو"));
        assert_eq!(skeleton("Ri Yong Ho"), skeleton("Ri Yong-ho"));
        assert_eq!(skeleton("Kim Hye Ryong"), skeleton("كيم هيه ريونج"));
        assert_eq!(skeleton("Peter Ward"), skeleton("بيتر وارد"));
        assert_eq!(skeleton("Ziad Sabbagh"), skeleton("زياد صباغ"));
        assert_eq!(skeleton("Walid Muallem"), skeleton("وليد المعلم"));
        assert_ne!(skeleton("Peter Ward"), skeleton("Ziad Sabbagh"));
    }

    #[test]
    fn norm_keeps_offsets_and_folds_hyphens() {
        let s = "Kim Jong-un said";
        let f = norm(s);
        assert_eq!(&f.text[..11], "kim jong un");
        assert_eq!(&s[f.original_range(0, 11)], "Kim Jong-un");
        assert_eq!(norm_str("Kim  Jong-Un"), "kim jong un");
    }
}
