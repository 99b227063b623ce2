//! The one analyser used for indexing and for queries: tokens are split on non-alphanumerics,
//! then treated by script — English lower-cased and Snowball-stemmed, Arabic script folded
//! (alef forms, taa marbuta, alef maqsura, Persian yeh and kaf, harakat, tatweel, ZWNJ,
//! digits) and lightly stemmed by the tables of a registered language
//! ([`crate::lang::Stemming`]) unless the word is a known name, anything else lower-cased.
//!
//! The stemmer is chosen per word, by the letters it is written with (a Persian word has
//! پ چ ژ گ ی ک or a ZWNJ; any other takes the Arabic tables): a query carries no language,
//! and a word must stem alike in a document and in a query. One table for all would not do:
//! Persian endings (ی، تر) are the ends of Arabic stems (عربي، دفتر).
//! Filters only change a token's text, so token offsets stay byte offsets into the input.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, TextAnalyzer, Token, TokenFilter,
    TokenStream, Tokenizer,
};

use crate::extract::gazetteer::rows;
use crate::lang::ar::{PROCLITICS, STEM_PREFIXES};
use crate::lang::{LANGUAGES, Stemming};
use crate::text::normalize::fold_str;
use crate::text::script::{is_arabic_letter, is_word_char};

/// Name under which the analyser is registered in the index.
pub const ANALYZER: &str = "qari";

/// Longest token kept, in bytes after analysis (longer runs are noise such as base64).
const MAX_TOKEN_BYTES: usize = 80;

/// The analyser: `WordTokenizer → LowerCaser → AsciiFolding → by-script → RemoveLong`.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(ScriptFilter)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .build()
}

/// The form a word being typed is matched by as a prefix of indexed terms: lower-cased and
/// folded as the analyser folds, without stemming (a word's start is not a word), and for
/// Arabic without a leading proclitic or article (indexed terms have none). `None` for more
/// or less than one word.
pub fn prefix_form(raw: &str) -> Option<String> {
    let mut ws = words(raw);
    let (r, None) = (ws.next()?, ws.next()) else { return None };
    let mut a = TextAnalyzer::builder(WordTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let (lower, _) = analyze(&mut a, &raw[r]).into_iter().next()?;
    Some(if lower.chars().any(is_arabic_letter) {
        let folded = fold_str(&lower);
        STEM_PREFIXES
            .iter()
            .find_map(|p| folded.strip_prefix(p).filter(|rest| rest.chars().count() >= 2))
            .unwrap_or(&folded)
            .to_string()
    } else {
        lower
    })
}

/// Every token of `text`: its analysed term and its byte range in `text`.
pub fn analyze(a: &mut TextAnalyzer, text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut ts = a.token_stream(text);
    while ts.advance() {
        let t = ts.token();
        out.push((t.text.clone(), t.offset_from..t.offset_to));
    }
    out
}

/// Byte ranges of the words of `text`: maximal runs of alphanumeric chars (tantivy's
/// `SimpleTokenizer` cuts, with a fast path for Latin and Arabic chars), a ZWNJ between two
/// of them included: "می‌گوید" is one Persian word, as "میگوید" is where the ZWNJ was lost.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_word_char(c) {
                break i;
            }
        };
        let end = loop {
            match chars.peek() {
                Some(&(i, ZWNJ)) if text[i + ZWNJ.len_utf8()..].starts_with(is_word_char) => {
                    chars.next();
                }
                Some(&(i, c)) if !is_word_char(c) => break i,
                Some(_) => {
                    chars.next();
                }
                None => break text.len(),
            }
        };
        Some(start..end)
    })
}

/// The zero-width non-joiner, which Persian writes inside words.
const ZWNJ: char = '\u{200C}';

/// The tokenizer: one token per word of [`words`].
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// Token stream of [`WordTokenizer`].
pub struct WordStream<'a> {
    text: &'a str,
    words: Box<dyn Iterator<Item = Range<usize>> + 'a>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream { text, words: Box::new(words(text)), token: &mut self.token }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(r) = self.words.next() else { return false };
        self.token.text.clear();
        self.token.text.push_str(&self.text[r.clone()]);
        self.token.offset_from = r.start;
        self.token.offset_to = r.end;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }
    fn token(&self) -> &Token {
        self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The analysed form of one token that is already lower-cased (by script, see the module doc).
pub fn term_of(lower: &str, en: &frostem::Stemmer) -> String {
    if lower.chars().any(is_arabic_letter) {
        stem_arabic_script(lower)
    } else if lower.chars().any(|c| c.is_ascii_alphabetic()) {
        en.stem(lower).into_owned()
    } else {
        fold_str(lower)
    }
}

/// Arabic words of the gazetteer's names (folded, without a leading ال), which are folded but
/// not suffix-stripped: light stemming would turn إيران into اير and لبنان into لبن.
fn protected() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = HashSet::new();
        for alias in rows() {
            if !alias.arabic || alias.kind.is_none() || alias.ambiguous {
                continue;
            }
            for w in alias.form.split_whitespace() {
                let w = fold_str(w);
                let bare = strip_al(&w);
                if bare.chars().count() >= 3 {
                    set.insert(bare.to_string());
                }
            }
        }
        set
    })
}

/// `w` without a leading definite article, when at least two letters remain.
fn strip_al(w: &str) -> &str {
    match w.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest,
        _ => w,
    }
}

/// A known name inside `w` once a proclitic (و ف ب ل ك and pairs) and the article are removed.
fn protected_form(w: &str) -> Option<String> {
    let set = protected();
    for p in PROCLITICS {
        let Some(rest) = w.strip_prefix(p) else { continue };
        if rest.chars().count() < 2 {
            continue;
        }
        // لل is ل + ال with the alef elided.
        let rest = rest.strip_prefix("ل").filter(|_| p.ends_with('ل')).unwrap_or(rest);
        let bare = strip_al(rest);
        if set.contains(bare) {
            return Some(bare.to_string());
        }
        if p.is_empty()
            && let Some(r) = w.strip_prefix("لل")
            && set.contains(r)
        {
            return Some(r.to_string());
        }
    }
    None
}

/// A registered language's stemming tables, folded as words are.
struct Stemmer {
    own_letters: &'static str,
    prefixes: Vec<Vec<char>>,
    suffixes: Vec<Vec<Vec<char>>>,
    min_stem: usize,
}

impl Stemmer {
    fn of(s: &'static Stemming) -> Stemmer {
        let chars = |w: &str| fold_str(w).chars().collect::<Vec<char>>();
        Stemmer {
            own_letters: s.own_letters,
            prefixes: s.prefixes.iter().map(|p| chars(p)).collect(),
            suffixes: s.suffixes.iter().map(|g| g.iter().map(|x| chars(x)).collect()).collect(),
            min_stem: s.min_stem,
        }
    }

    /// One prefix (a one-letter one only from words of four letters), then at most one suffix
    /// of each group while `min_stem` letters remain.
    fn stem(&self, w: &str) -> String {
        let mut w: Vec<char> = w.chars().collect();
        for p in &self.prefixes {
            let ok = if p.len() == 1 { w.len() >= 4 } else { w.len() >= p.len() + 2 };
            if ok && w.starts_with(p) {
                w.drain(..p.len());
                break;
            }
        }
        for group in &self.suffixes {
            if let Some(s) =
                group.iter().find(|s| w.len() >= s.len() + self.min_stem && w.ends_with(s))
            {
                let n = w.len() - s.len();
                w.truncate(n);
            }
        }
        w.into_iter().collect()
    }
}

/// The stemmers of the registered languages that have one, in registration order.
fn stemmers() -> &'static [Stemmer] {
    static ALL: OnceLock<Vec<Stemmer>> = OnceLock::new();
    ALL.get_or_init(|| LANGUAGES.iter().filter_map(|l| l.stemming).map(Stemmer::of).collect())
}

/// Light stemming of an Arabic-script word as written (lower-cased, not yet folded): by the
/// language whose own letters it has, else by the one that claims none (Arabic; see the module
/// doc). Known names keep their letters.
pub fn stem_arabic_script(raw: &str) -> String {
    let folded = fold_str(raw);
    let all = stemmers();
    let own = all
        .iter()
        .find(|s| !s.own_letters.is_empty() && raw.contains(|c| s.own_letters.contains(c)));
    if own.is_some() {
        // No proclitic or article to take off (برای is not ب + رای): a known name is the word
        // as it is.
        if protected().contains(&folded) {
            return folded;
        }
    } else if let Some(p) = protected_form(&folded) {
        return p;
    }
    match own.or_else(|| all.iter().find(|s| s.own_letters.is_empty())) {
        Some(s) => s.stem(&folded),
        None => folded,
    }
}

/// The by-script filter (see the module doc).
#[derive(Clone)]
struct ScriptFilter;

impl TokenFilter for ScriptFilter {
    type Tokenizer<T: Tokenizer> = ScriptWrapper<T>;
    fn transform<T: Tokenizer>(self, inner: T) -> ScriptWrapper<T> {
        ScriptWrapper { inner }
    }
}

#[derive(Clone)]
struct ScriptWrapper<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for ScriptWrapper<T> {
    type TokenStream<'a> = ScriptStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ScriptStream {
            tail: self.inner.token_stream(text),
            en: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

struct ScriptStream<T> {
    tail: T,
    en: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for ScriptStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let tok: &mut Token = self.tail.token_mut();
        tok.text = term_of(&tok.text, &self.en);
        true
    }
    fn token(&self) -> &Token {
        self.tail.token()
    }
    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        analyze(&mut analyzer(), s).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn english_is_stemmed_and_lower_cased() {
        assert_eq!(terms("Sanctions sanctioned"), terms("sanction sanction"));
        assert_eq!(terms("Pyongyang"), vec!["pyongyang"]);
    }

    #[test]
    fn arabic_is_folded_and_lightly_stemmed() {
        assert_eq!(terms("العُقُوبَات"), terms("العقوبات"));
        assert_eq!(terms("والعقوبات"), terms("العقوبات"));
        assert_eq!(terms("الإمبريالية"), terms("الامبريالية"));
        assert_eq!(terms("مـحـمـد"), vec!["محمد"]);
        assert_eq!(terms("٢٠١٩"), vec!["2019"]);
    }

    #[test]
    fn persian_is_folded_and_its_plurals_and_suffixes_stemmed() {
        // Persian yeh and kaf, ZWNJ kept or lost, Persian digits.
        assert_eq!(terms("می‌گوید"), terms("میگوید"));
        assert_eq!(terms("می‌گوید").len(), 1, "one word across its ZWNJ");
        assert_eq!(terms("كشور"), terms("کشور"));
        assert_eq!(terms("۱۴۰۳"), vec!["1403"]);
        for (plural, singular) in [
            ("کشورها", "کشور"),
            ("کشورهای", "کشور"),
            ("تحریم‌های", "تحریم"),
            ("بزرگ‌ترین", "بزرگ"),
            ("بزرگتر", "بزرگ"),
            ("موشکی", "موشک"),
            ("مربیان", "مربی"),
        ] {
            assert_eq!(terms(plural), terms(singular), "{plural}");
        }
        // Short words keep their endings: دختر is not دخ + تر, گران not گر + ان.
        assert_eq!(terms("دختر"), vec!["دختر"]);
        assert_eq!(terms("گران"), vec!["گران"]);
        // A known name keeps its letters (ایران is no ایر + ان), and a Persian word is not
        // read as an Arabic proclitic and a name (برای is not ب + رای).
        assert_eq!(terms("ایران"), vec!["ايران"]);
        assert_ne!(terms("برای"), terms("رای"));
    }

    #[test]
    fn names_keep_their_letters() {
        assert_eq!(terms("إيران"), vec!["ايران"]);
        assert_eq!(terms("وإيران"), vec!["ايران"]);
        assert_eq!(terms("بيونغ"), vec!["بيونغ"]);
    }

    #[test]
    fn words_cut_where_tantivys_simple_tokenizer_cuts() {
        use tantivy::tokenizer::SimpleTokenizer;
        let text = "Kim Jong-un, ٢٠١٩: العُقُوبَات—وَ(لبنان) é_x 漢字 a\u{200d}b 3.5% ";
        let mut simple = SimpleTokenizer::default();
        let mut ts = simple.token_stream(text);
        let mut want = Vec::new();
        while ts.advance() {
            want.push(ts.token().offset_from..ts.token().offset_to);
        }
        assert_eq!(words(text).collect::<Vec<_>>(), want);
    }

    #[test]
    fn offsets_are_bytes_of_the_original() {
        let s = "قال العُقُوبَات Sanctions";
        let toks = analyze(&mut analyzer(), s);
        assert_eq!(&s[toks[1].1.clone()], "العُقُوبَات");
        assert_eq!(&s[toks[2].1.clone()], "Sanctions");
    }
}
