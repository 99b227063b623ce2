//! English.

mod dates;
pub mod words;

use super::Language;

/// English, as every layer sees it.
pub static ENGLISH: Language = Language {
    code: "en",
    name: "English",
    cased: true,
    calendar_names: &[include_str!("../../../assets/lang/en/calendar.tsv")],
    weak_names: include_str!("../../../assets/lang/en/weak-months.tsv"),
    ordinals: &[],
    ordinal_suffixes: dates::ORDINAL_SUFFIXES,
    date_words: dates::DATE_WORDS,
    date_labels: &["date", "published", "posted", "updated", "last updated"],
    byline_prefixes: &["By "],
    function_words: &[
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "said",
        "by", "as", "at", "from", "his", "has", "have", "it", "be", "are", "were", "which",
    ],
    furniture_cues: r"
        (?-u:\b)(related|more|latest|popular|recommended|top)\s+(news|articles|stories|posts|reads)(?-u:\b)
        | (?-u:\b)read\s+(more|also|next)(?-u:\b) | (?-u:\b)also\s+read(?-u:\b) | (?-u:\b)you\s+may\s+also\s+like(?-u:\b)
        | (?-u:\b)leave\s+a\s+(reply|comment)(?-u:\b) | (?-u:\b)post\s+a\s+comment(?-u:\b) | (?-u:\b)comments?(?-u:\b)\s*$
        | (?-u:\b)subscribe(?-u:\b) | (?-u:\b)newsletter(?-u:\b) | (?-u:\b)sign\s+up(?-u:\b)
        | (?-u:\b)please\s+enter\s+your(?-u:\b) | (?-u:\b)recaptcha(?-u:\b) | (?-u:\b)captcha(?-u:\b)
        | (?-u:\b)follow(?-u:\b).{0,40}(?-u:\b)on\s+(telegram|twitter|facebook|instagram|whatsapp|x|google\s+news)(?-u:\b)
        | (?-u:\b)share\s+(this|on)(?-u:\b) | (?-u:\b)all\s+rights\s+reserved(?-u:\b) | ©
        | (?-u:\b)newspaper\s*$ | ^\s*tags?\s*:
        ",
    entity_words: None,
    stemming: None,
};
