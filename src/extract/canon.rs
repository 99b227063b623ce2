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

/// A folded key for comparing whole names: case, hyphens and spaces, Arabic letter variants
/// and harakat ignored ("Ri Yong-ho" = "ri yong ho", "إيران" = "ايران"). What a query's
/// name and an entity's spellings are compared by.
pub fn name_key(s: &str) -> String {
    crate::text::normalize::fold_str(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The key under which a name is found by its sound across scripts (see [`skeleton`]):
/// `None` when the skeleton is too short to tell names apart.
pub fn sound_key(name: &str) -> Option<String> {
    let s = skeleton(name);
    (s.chars().count() >= 3).then(|| format!("~{s}"))
}

/// Consonant class of one letter, Latin or Arabic; `None` for vowels, glides, h-like letters
/// and anything else that spellings across scripts do not agree on.
fn class(c: char) -> Option<char> {
    Some(match c {
        'b' | 'p' | 'ب' | 'پ' => 'b',
        't' | 'd' | 'ت' | 'د' | 'ط' | 'ض' | 'ث' | 'ذ' => 't',
        's' | 'z' | 'c' | 'x' | 'س' | 'ص' | 'ز' | 'ظ' => 's',
        // Persian چ (ch) and ژ (zh) sound like the Latin spellings' c, s and z.
        'ش' | 'چ' | 'ژ' => 's',
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

/// A rough Latin spelling of an Arabic-script name, for display when no Latin spelling of the
/// entity exists anywhere in the archive ("زياد صباغ" → "Ziad Sbagh"). Not a standard
/// transliteration: long vowels only, no vowel guessing. Korean and Chinese names go by their
/// own syllables ([`crate::lang::ar::east_asian`]: كيم هيه ريونج → "Kim Hye Ryong").
pub fn romanize(name: &str) -> String {
    let folded = norm_str(name);
    if let Some(n) = crate::lang::ar::east_asian::romanize(&folded.split(' ').collect::<Vec<_>>()) {
        return n;
    }
    let mut words = Vec::new();
    for orig in name.split_whitespace() {
        // Only a bare alef makes the article (ألكسندر is Alexander, not al-ksndr).
        let tok = norm_str(orig);
        let (article, body) = match tok.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 2 && orig.starts_with('ا') => ("al-", rest),
            _ => ("", tok.as_str()),
        };
        // A name part the name list knows keeps its usual spelling (صباغ is Sabbagh).
        let known = crate::lang::ar::words::arabic_name(&tok)
            .and_then(|n| n.latin())
            .map(str::to_string)
            .or_else(|| {
                let part = crate::lang::ar::words::arabic_name(body).and_then(|n| n.latin())?;
                (!article.is_empty()).then(|| format!("{article}{part}"))
            });
        if let Some(k) = known {
            words.push(k);
            continue;
        }
        let chars: Vec<char> = body.chars().collect();
        let mut w = String::from(article);
        for (i, &c) in chars.iter().enumerate() {
            let between = i > 0 && i + 1 < chars.len();
            let piece = match c {
                'ا' => "a",
                'ب' => "b",
                'پ' => "p",
                'چ' => "ch",
                'ژ' => "zh",
                'گ' => "g",
                'ت' => "t",
                'ث' => "th",
                'ج' => "j",
                'ح' => "h",
                'خ' => "kh",
                'د' => "d",
                'ذ' => "dh",
                'ر' => "r",
                'ز' => "z",
                'س' => "s",
                'ش' => "sh",
                'ص' => "s",
                'ض' => "d",
                'ط' => "t",
                'ظ' => "z",
                'ع' | 'ء' | 'ئ' | 'ؤ' => "'",
                'غ' => "gh",
                'ف' => "f",
                'ق' => "q",
                'ك' => "k",
                'ل' => "l",
                'م' => "m",
                'ن' => "n",
                'ه' if i + 1 == chars.len() && i > 0 => "a",
                'ه' => "h",
                'و' if between || i + 1 == chars.len() && i > 0 => "u",
                'و' => "w",
                'ي' if between || i + 1 == chars.len() && i > 0 => "i",
                'ي' => "y",
                c if c.is_ascii_alphanumeric() => {
                    w.push(c);
                    continue;
                }
                _ => "",
            };
            w.push_str(piece);
        }
        let w = w.trim_matches('\'').to_string();
        let mut cs = w.chars();
        let cap = match cs.next() {
            Some(f) if article.is_empty() => f.to_uppercase().chain(cs).collect(),
            _ => w.clone(),
        };
        if !cap.is_empty() {
            words.push(cap);
        }
    }
    words.join(" ")
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
        // Persian letters, with and without the ZWNJ.
        assert_eq!(skeleton("Zarif"), skeleton("ظریف"));
        assert_eq!(skeleton("ظریف"), skeleton("ظريف"));
        assert_eq!(skeleton("Pyongyang"), skeleton("پیونگ‌یانگ"));
        assert_eq!(skeleton("پیونگ‌یانگ"), skeleton("بيونغ يانغ"));
        assert_eq!(skeleton("Chosun Ilbo"), skeleton("چوسون ایلبو"));
    }

    #[test]
    fn romanize_gives_a_latin_display_name() {
        // Name parts the name list knows get their usual spelling; others letter by letter.
        assert_eq!(romanize("زياد صباغ"), "Ziad Sabbagh");
        assert_eq!(romanize("زياد قزطبلش"), "Ziad Qztblsh");
        assert_eq!(romanize("پژمان"), "Pzhman");
        let w = romanize("وليد المعلم");
        assert!(w.is_ascii() && w.starts_with('W') && w.contains(" al-"), "{w}");
        // Korean and Chinese names by their syllables, not letter by letter ("Kim Hia Riunj").
        assert_eq!(romanize("كيم هيه ريونج"), "Kim Hye Ryong");
        assert_eq!(romanize("شي جين بينغ"), "Xi Jinping");
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
