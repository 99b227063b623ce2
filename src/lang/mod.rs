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
pub mod fa;
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
    /// Light-stemming tables for the search analyser (Arabic-script languages; English has
    /// Snowball).
    pub stemming: Option<&'static Stemming>,
    /// Word lists for the data-driven cue rules (`extract::cues`); `None` where the language
    /// has rules of its own (English, Arabic).
    pub entity_words: Option<&'static EntityWords>,
}

/// The words an Arabic-script language's entity cues are made of, as written (the rules fold
/// them as text is folded). An entry of several words is one phrase.
#[derive(Debug)]
pub struct EntityWords {
    /// Titles and roles a person's name follows ("وزیر امور خارجه").
    pub cues: &'static [&'static str],
    /// Words between a title and the name that qualify the title ("خارجه", "سابق").
    pub qualifiers: &'static [&'static str],
    /// Reporting verbs a speaker's name precedes ("گفت", "اعلام کرد").
    pub verbs: &'static [&'static str],
    /// Common given names: one before a name word starts a person's name.
    pub given: &'static [&'static str],
    /// Heads that begin an organisation's name ("وزارت", "بانک").
    pub org_heads: &'static [&'static str],
    /// Heads that are part of a place's name ("استان سمنان").
    pub place_heads: &'static [&'static str],
    /// Words that introduce a place's name without being part of it ("شهر کرمانشاه").
    pub place_intros: &'static [&'static str],
    /// Directions and the like that may end a place's name ("آذربایجان شرقی").
    pub place_tails: &'static [&'static str],
    /// Words that are never part of a name: particles, pronouns, common verbs and nouns.
    pub stop: &'static [&'static str],
    /// Verbs that make a compound with the noun before them ("تهیه کرد"): that noun ends
    /// an organisation's name, not belongs to it.
    pub light_verbs: &'static [&'static str],
    /// Prefixes of verb forms ("می" in «میکرد» where the ZWNJ was lost): a word with one is
    /// not a name word unless it is a given name.
    pub verb_prefixes: &'static [&'static str],
    /// The conjunction that may join two words of an organisation's name ("علم و صنعت").
    pub and: &'static str,
}
/// A light stemmer as data: the analyser (`store::search::analyzer`) strips one prefix, then
/// tries each group of suffixes in turn, removing the first of a group the word ends with.
#[derive(Debug)]
pub struct Stemming {
    /// Letters only this language writes: a word containing one is stemmed by this language's
    /// tables; a word with none of any language's by the language whose list is empty.
    pub own_letters: &'static str,
    /// Prefixes, longest first; at most one is removed.
    pub prefixes: &'static [&'static str],
    /// Groups of suffixes, tried in order; at most one of each group is removed.
    pub suffixes: &'static [&'static [&'static str]],
    /// Letters that must remain after a suffix is removed.
    pub min_stem: usize,
}

/// The registered languages, in the order their names are looked up (a name two languages
/// share means what the first says).
pub static LANGUAGES: &[&Language] = &[&en::ENGLISH, &ar::ARABIC, &fa::PERSIAN];

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
