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
pub use detect::{SAMPLE_BYTES, detect};
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
    /// Month and weekday names: the CLDR file and the curated extras
    /// (`assets/lang/<code>/calendar*.tsv`), read by [`calendar`].
    pub calendar_names: &'static [&'static str],
    /// The names that are also common words (`assets/lang/<code>/weak-months.tsv`).
    pub weak_names: &'static str,
    /// Ordinal words that give a day ("الخامس من حزيران").
    pub ordinals: &'static [(&'static str, u8)],
    /// Glued ordinal suffixes ("4th").
    pub ordinal_suffixes: &'static [&'static str],
    /// Words around dates, by meaning.
    pub date_words: &'static [(&'static [&'static str], Cue)],
    /// Cue phrases of page furniture ("Related news", "اقرأ أيضا"): alternatives of an
    /// extended, case-insensitive regex, matched on short lines. Word boundaries are ASCII
    /// (`(?-u:\b)`): a Unicode `\b` would keep the regex crate off its fast engines on Arabic
    /// lines.
    pub furniture_cues: &'static str,
    /// Labels of a publication-date line ("Published", "نشر في"), lower case.
    pub date_labels: &'static [&'static str],
    /// What opens a byline ("By ", "بقلم"), matched ignoring ASCII case.
    pub byline_prefixes: &'static [&'static str],
    /// The language's most frequent function words, lower case: a text where they are a
    /// large share of the words is this language without asking the trigram detector (which
    /// costs about as much as extracting the entities).
    pub function_words: &'static [&'static str],
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
    fn every_language_names_twelve_gregorian_months_and_seven_days() {
        for l in LANGUAGES {
            let names: Vec<Vec<&str>> = l
                .calendar_names
                .iter()
                .flat_map(|s| s.lines())
                .filter(|r| !r.starts_with('#'))
                .map(|r| r.split('\t').collect())
                .collect();
            let numbers = |kind: &str| {
                let mut n: Vec<u8> = names
                    .iter()
                    .filter(|f| f.len() > 5 && f[0] == "gregorian" && f[1] == kind)
                    .filter_map(|f| f[2].parse().ok())
                    .collect();
                n.sort_unstable();
                n.dedup();
                n
            };
            assert_eq!(numbers("month"), (1..=12).collect::<Vec<u8>>(), "{}", l.code);
            assert_eq!(numbers("weekday"), (1..=7).collect::<Vec<u8>>(), "{}", l.code);
            for f in &names {
                if let Some(name) = f.get(5).filter(|_| f[1] == "month") {
                    let folded = fold_str(name);
                    if !folded.contains(' ') && f[0] == "gregorian" {
                        assert!(calendar::month_of(&folded).is_some(), "{}: {name}", l.code);
                    }
                }
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
