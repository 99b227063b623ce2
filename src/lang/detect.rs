//! Which language a text is written in: its script first, then, within the script, the
//! letters only one language uses (Persian پ چ ژ گ ی ک against Arabic ي ك ة; Urdu ٹ ڈ ڑ ں ے)
//! and whatlang's trigram profiles — so French is not read as English nor Persian as Arabic.
//! Only the first [`SAMPLE_BYTES`] are read: enough for a stable answer, and the cost stays
//! flat however long the document.

use whatlang::{Lang, Script};

/// How much of a text detection reads.
pub const SAMPLE_BYTES: usize = 1500;

/// Share of a sample's words that, when they are one language's function words, settle it.
const FUNCTION_SHARE: f64 = 0.2;

/// The language of `text`: an ISO 639-1 code (ISO 639-3 for the few whatlang knows without
/// one), `und` when it has no letters. A short Latin text no profile is sure of is English,
/// the archive's usual case; `stated` (a format's `lang`, e.g. `<html lang>`) decides instead
/// when the text alone cannot.
pub fn detect(text: &str, stated: Option<&str>) -> String {
    let mut cut = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let sample = &text[..cut];
    let stated = stated.map(primary_subtag).filter(|s| (2..=3).contains(&s.len()));
    match guess(sample) {
        Guess::Sure(code) => code.to_string(),
        Guess::Unsure(code) => stated.unwrap_or(code).to_string(),
        Guess::Nothing => stated.unwrap_or("und").to_string(),
    }
}

enum Guess {
    Sure(&'static str),
    Unsure(&'static str),
    Nothing,
}

fn guess(sample: &str) -> Guess {
    let Some(script) = whatlang::detect_script(sample) else { return Guess::Nothing };
    match script {
        Script::Arabic => arabic_script(sample),
        Script::Latin => match function_words_say(sample) {
            Some(code) => Guess::Sure(code),
            None => latin(sample),
        },
        _ => match whatlang::detect(sample) {
            Some(i) => Guess::Sure(code_of(i.lang())),
            None => Guess::Nothing,
        },
    }
}

/// Latin script without a clear share of function words: the trigram profiles.
fn latin(sample: &str) -> Guess {
    match whatlang::detect(sample) {
        Some(i) if i.is_reliable() => Guess::Sure(code_of(i.lang())),
        _ => Guess::Unsure("en"),
    }
}

/// The registered language whose function words make up [`FUNCTION_SHARE`] of the sample's
/// words, if one does (English prose runs at 35–45 %, other Latin-script languages at a few).
fn function_words_say(sample: &str) -> Option<&'static str> {
    let words: Vec<&str> =
        sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(300).collect();
    if words.len() < 20 {
        return None;
    }
    super::LANGUAGES.iter().find_map(|l| {
        let n = words
            .iter()
            .filter(|w| l.function_words.iter().any(|f| f.eq_ignore_ascii_case(w)))
            .count();
        (n as f64 >= FUNCTION_SHARE * words.len() as f64).then_some(l.code)
    })
}

/// Arabic script: the letters one language alone writes decide when they are clear; else the
/// trigram profiles of the languages written in it.
fn arabic_script(sample: &str) -> Guess {
    let (mut fa, mut ar, mut ur) = (0usize, 0usize, 0usize);
    for c in sample.chars() {
        match c {
            'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' => fa += 1,
            'ي' | 'ك' | 'ة' => ar += 1,
            'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ہ' => ur += 1,
            _ => {}
        }
    }
    if ur >= 3 && ur * 4 >= fa {
        return Guess::Sure("ur");
    }
    if fa >= 3 && fa > 3 * ar {
        return Guess::Sure("fa");
    }
    if ar >= 3 && ar > 3 * fa {
        return Guess::Sure("ar");
    }
    let d = whatlang::Detector::with_allowlist(vec![Lang::Ara, Lang::Pes, Lang::Urd]);
    match d.detect_lang(sample) {
        Some(l) => Guess::Unsure(code_of(l)),
        None => Guess::Unsure("ar"),
    }
}

/// "en-US" → "en", lower case.
fn primary_subtag(tag: &str) -> &str {
    let p = tag.split(['-', '_']).next().unwrap_or(tag);
    if p.chars().all(|c| c.is_ascii_lowercase()) { p } else { "" }
}

/// ISO 639-1 for whatlang's languages (its own codes are ISO 639-3).
fn code_of(l: Lang) -> &'static str {
    const CODES: &[(Lang, &str)] = &[
        (Lang::Eng, "en"),
        (Lang::Ara, "ar"),
        (Lang::Pes, "fa"),
        (Lang::Urd, "ur"),
        (Lang::Fra, "fr"),
        (Lang::Deu, "de"),
        (Lang::Spa, "es"),
        (Lang::Por, "pt"),
        (Lang::Ita, "it"),
        (Lang::Nld, "nl"),
        (Lang::Rus, "ru"),
        (Lang::Ukr, "uk"),
        (Lang::Tur, "tr"),
        (Lang::Heb, "he"),
        (Lang::Cmn, "zh"),
        (Lang::Jpn, "ja"),
        (Lang::Kor, "ko"),
        (Lang::Hin, "hi"),
        (Lang::Ind, "id"),
        (Lang::Pol, "pl"),
        (Lang::Swe, "sv"),
        (Lang::Dan, "da"),
        (Lang::Nob, "nb"),
        (Lang::Fin, "fi"),
        (Lang::Ces, "cs"),
        (Lang::Slk, "sk"),
        (Lang::Hun, "hu"),
        (Lang::Ron, "ro"),
        (Lang::Ell, "el"),
        (Lang::Bul, "bg"),
        (Lang::Hrv, "hr"),
        (Lang::Srp, "sr"),
        (Lang::Slv, "sl"),
        (Lang::Lit, "lt"),
        (Lang::Lav, "lv"),
        (Lang::Est, "et"),
        (Lang::Vie, "vi"),
        (Lang::Tha, "th"),
        (Lang::Aze, "az"),
        (Lang::Uzb, "uz"),
        (Lang::Cat, "ca"),
        (Lang::Afr, "af"),
        (Lang::Tgl, "tl"),
        (Lang::Lat, "la"),
        (Lang::Epo, "eo"),
        (Lang::Ben, "bn"),
        (Lang::Tam, "ta"),
        (Lang::Hye, "hy"),
        (Lang::Kat, "ka"),
        (Lang::Amh, "am"),
        (Lang::Bel, "be"),
        (Lang::Mkd, "mk"),
    ];
    CODES.iter().find(|(k, _)| *k == l).map_or_else(|| l.code(), |(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_french_and_german_are_told_apart() {
        let en = "The central bank raised interest rates on Tuesday, saying inflation had \
                  stayed above its target for a third month as energy prices climbed.";
        let fr = "La banque centrale a relevé ses taux d'intérêt mardi, estimant que \
                  l'inflation restait au-dessus de son objectif pour le troisième mois.";
        let de = "Die Zentralbank hat am Dienstag die Zinsen erhöht, weil die Inflation \
                  den dritten Monat in Folge über ihrem Ziel lag.";
        assert_eq!(detect(en, None), "en");
        assert_eq!(detect(fr, None), "fr");
        assert_eq!(detect(de, None), "de");
        // A page that says it is English but is French is French.
        assert_eq!(detect(fr, Some("en-US")), "fr");
    }

    #[test]
    fn persian_is_not_arabic() {
        let fa = "وزیر امور خارجه ایران روز سه‌شنبه گفت که گفتگوها با کره شمالی ادامه پیدا می‌کند.";
        let ar = "قال وزير الخارجية الإيراني يوم الثلاثاء إن المحادثات مع كوريا الشمالية ستستمر.";
        assert_eq!(detect(fa, None), "fa");
        assert_eq!(detect(ar, None), "ar");
        // Persian typed with Arabic yeh and kaf still reads as Persian by its words.
        let fa_arabic_letters = "وزير امور خارجه ايران روز سه شنبه گفت که گفتگوها با کره شمالي ادامه پيدا مي کند و اين کشور آماده است";
        assert_eq!(detect(fa_arabic_letters, None), "fa");
    }

    #[test]
    fn short_or_letterless_texts_fall_back() {
        assert_eq!(detect("North Korea said", None), "en");
        assert_eq!(detect("1234 !", None), "und");
        assert_eq!(detect("1234 !", Some("ar")), "ar");
        assert_eq!(detect("Ok", Some("fr-FR")), "fr");
    }

    #[test]
    fn a_long_text_costs_its_sample_only() {
        let long = "The talks resumed on Monday. ".repeat(100_000);
        assert_eq!(detect(&long, None), "en");
    }
}
