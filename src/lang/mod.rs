//! What qari knows of each language, one folder per language: its month and weekday names,
//! the words around dates, proclitics, stemming tables, and the cue, head and stop words the
//! entity rules read. Every layer that needs a language fact asks here; adding a language is
//! a folder and a line in [`LANGUAGES`]. Facts only: the rules that read them live in
//! `extract`, the analyser in `store::search` (DESIGN: `lang` uses no other layer).

pub mod ar;
pub mod calendar;
mod dates;
mod detect;
pub mod en;
mod words;

pub use dates::Cue;
pub use detect::detect;
pub use words::Words;

/// One language, as every layer sees it.
#[derive(Debug)]
pub struct Language {
    /// ISO 639-1 code, as documents and `lang:` queries carry it.
    pub code: &'static str,
    /// English name, for messages.
    pub name: &'static str,
    /// Whether the script has case (names are capitalised: the date scanner wants "May", not
    /// "may").
    pub cased: bool,
    /// Month names and abbreviations, folded: (name, month 1–12, weak).
    pub months: &'static [(&'static str, u8, bool)],
    /// Weekday names, folded: (name, day with 0 = Monday, weak).
    pub weekdays: &'static [(&'static str, u8, bool)],
    /// Weekday abbreviations, read in date lines only.
    pub weekday_abbreviations: &'static [(&'static str, u8, bool)],
    /// Ordinal words that give a day ("الخامس من حزيران").
    pub ordinals: &'static [(&'static str, u8)],
    /// Glued ordinal suffixes ("4th").
    pub ordinal_suffixes: &'static [&'static str],
    /// Words around dates, by meaning.
    pub date_words: &'static [(&'static [&'static str], Cue)],
}

/// The registered languages, in the order their names are looked up (a name two languages
/// share means what the first says).
pub static LANGUAGES: &[&Language] = &[&en::ENGLISH, &ar::ARABIC];

/// The registered language with this code.
pub fn get(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().copied().find(|l| l.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold_str;

    #[test]
    fn every_language_names_twelve_months_and_seven_days_folded() {
        for l in LANGUAGES {
            let mut months: Vec<u8> = l.months.iter().map(|m| m.1).collect();
            months.sort_unstable();
            months.dedup();
            assert_eq!(months, (1..=12).collect::<Vec<u8>>(), "{}", l.code);
            let mut days: Vec<u8> = l.weekdays.iter().map(|d| d.1).collect();
            days.sort_unstable();
            days.dedup();
            assert_eq!(days, (0..7).collect::<Vec<u8>>(), "{}", l.code);
            for (w, ..) in l.months.iter().chain(l.weekdays) {
                assert_eq!(fold_str(w), *w, "{}: {w} is stored folded", l.code);
            }
        }
    }

    #[test]
    fn codes_are_unique_and_found() {
        for l in LANGUAGES {
            assert_eq!(get(l.code).map(|g| g.name), Some(l.name));
        }
        assert!(get("xx").is_none());
    }
}
