//! Every dated mention across the archive, in date order, each with the sentence it sits in,
//! for the timeline view and `qari timeline`.

use std::cmp::Reverse;
use std::ops::Range;

use chrono::NaiveDate;

use super::Store;
use crate::extract::{DateMention, Granularity};

/// One dated mention on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// Index of the document in the store.
    pub doc: usize,
    /// Index into the document's `dates`.
    pub date: usize,
    /// First day of the period meant.
    pub value: NaiveDate,
    /// Day, month or year.
    pub granularity: Granularity,
    /// Byte range of the mention in the document text (the words used).
    pub range: Range<usize>,
    /// Byte range of the sentence around the mention in the document text (never crosses a
    /// line break; always contains `range`).
    pub sentence: Range<usize>,
    /// The mention sits in the document's trailing page furniture (a related-news list's
    /// timestamps…): the reader's timeline hides these unless asked.
    pub furniture: bool,
}

impl TimelineEntry {
    /// The value as `YYYY-MM-DD`, `YYYY-MM` or `YYYY` by granularity.
    pub fn value_string(&self) -> String {
        DateMention { range: self.range.clone(), value: self.value, granularity: self.granularity }
            .value_string()
    }
}

/// The timeline of the store's listed documents, oldest first. At equal first days the
/// coarser period comes first ("2018" before "2018-01" before "2018-01-01"), so the order of
/// [`TimelineEntry::value_string`] is sorted as text too; then by document and position.
pub fn build(store: &Store) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = store
        .live_ids()
        .flat_map(|doc| {
            let text = store.text(doc);
            let a = &store.annotations[doc];
            // Derived here, not stored on the mention, so the cache format stays as it is.
            let furniture = store.docs[doc].boilerplate.clone();
            a.dates.iter().enumerate().filter(|(_, d)| text.get(d.range.clone()).is_some()).map(
                move |(date, d)| TimelineEntry {
                    doc,
                    date,
                    value: d.value,
                    granularity: d.granularity,
                    range: d.range.clone(),
                    sentence: sentence_around(text, d.range.clone()),
                    furniture: furniture.as_ref().is_some_and(|f| f.contains(&d.range.start)),
                },
            )
        })
        .collect();
    out.sort_by_key(|e| (e.value, Reverse(e.granularity), e.doc, e.date));
    out
}

/// Short words that end with a point without ending a sentence ("U.S.", "Mr."); month
/// abbreviations ("Jan.") come from `crate::lang::calendar`.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "no", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "gov",
    "sen", "rep", "prof", "vs", "etc", "inc", "co", "corp", "ltd",
];

/// Whether the character at byte `i` of `text` ends a sentence: `.`, `!`, `?`, `؟` or `…`
/// followed by white space or the end, and a point not after an abbreviation or an initial.
fn ends_sentence(text: &str, i: usize, c: char) -> bool {
    if !matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔') {
        return false;
    }
    let after = &text[i + c.len_utf8()..];
    let next = after.chars().find(|n| !matches!(n, '"' | '”' | '’' | '\'' | ')' | '»'));
    if !next.is_none_or(char::is_whitespace) {
        return false;
    }
    if c == '.' {
        let word: String = text[..i]
            .chars()
            .rev()
            .take_while(|ch| ch.is_alphanumeric())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        let lower = word.to_lowercase();
        let month_abbreviation =
            crate::lang::calendar::month_of(&lower).is_some_and(|m| m.english && m.weak);
        if single || month_abbreviation || ABBREVIATIONS.contains(&lower.as_str()) {
            return false;
        }
    }
    true
}

/// The byte range of the sentence of `text` that contains `mention`, within its line.
/// Returns `mention` itself when it is not a valid range of `text`.
pub fn sentence_around(text: &str, mention: Range<usize>) -> Range<usize> {
    if text.get(mention.clone()).is_none() || mention.start > mention.end {
        return mention;
    }
    let line_start = text[..mention.start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[mention.end..].find('\n').map_or(text.len(), |p| mention.end + p);
    let mut start = line_start;
    for (i, c) in text[line_start..mention.start].char_indices() {
        let at = line_start + i;
        if ends_sentence(text, at, c) {
            start = at + c.len_utf8();
        }
    }
    let mut end = line_end;
    for (i, c) in text[mention.end..line_end].char_indices() {
        let at = mention.end + i;
        if ends_sentence(text, at, c) {
            end = at + c.len_utf8();
            break;
        }
    }
    // Trim white space inside the range without losing the mention.
    let lead = text[start..mention.start].len() - text[start..mention.start].trim_start().len();
    let trail = text[mention.end..end].len() - text[mention.end..end].trim_end().len();
    start + lead..end - trail
}

/// The sentence of `entry` as one line for display: white space collapsed to single spaces
/// and, past `max_chars` characters, cut at word boundaries around the mention with "…".
/// The mention's own text (whitespace collapsed) is always kept whole.
pub fn sentence_line(text: &str, entry: &TimelineEntry, max_chars: usize) -> String {
    let (Some(before), Some(mention), Some(after)) = (
        text.get(entry.sentence.start..entry.range.start),
        text.get(entry.range.clone()),
        text.get(entry.range.end..entry.sentence.end),
    ) else {
        return String::new();
    };
    let mention = collapse(mention);
    let mut before = collapse(before);
    let mut after = collapse(after);
    let room = max_chars.saturating_sub(mention.chars().count());
    let (b, a) = (before.chars().count(), after.chars().count());
    if b + a > room {
        // Share the room, giving one side's unused share to the other.
        let keep_before = b.min((room / 2).max(room.saturating_sub(a)));
        before = cut_front(&before, keep_before);
        after = cut_back(&after, room.saturating_sub(keep_before));
    }
    format!("{before}{mention}{after}")
}

/// White space runs → one space; leading and trailing space is kept as one space.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// The last `keep` characters of `s`, starting at a word boundary, with "…" in front.
fn cut_front(s: &str, keep: usize) -> String {
    let n = s.chars().count();
    if n <= keep {
        return s.to_string();
    }
    let tail: String = s.chars().skip(n - keep).collect();
    let tail = match tail.find(' ') {
        Some(p) if p + 1 < tail.len() => &tail[p + 1..],
        _ => tail.as_str(),
    };
    format!("…{tail}")
}

/// The first `keep` characters of `s`, ending at a word boundary, with "…" after.
fn cut_back(s: &str, keep: usize) -> String {
    let n = s.chars().count();
    if n <= keep {
        return s.to_string();
    }
    let head: String = s.chars().take(keep).collect();
    let head = match head.rfind(' ') {
        Some(p) if p > 0 => &head[..p],
        _ => head.as_str(),
    };
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence<'a>(text: &'a str, mention: &str) -> &'a str {
        let s = text.find(mention).unwrap_or(0);
        &text[sentence_around(text, s..s + mention.len())]
    }

    #[test]
    fn the_sentence_is_cut_at_stops_not_abbreviations() {
        let t = "First one. The U.S. summit on June 12 in Singapore is set. Next one.";
        assert_eq!(sentence(t, "June 12"), "The U.S. summit on June 12 in Singapore is set.");
        let t = "Title line\n  He met Mr. Kim on Sunday, officials said  \nNext";
        assert_eq!(sentence(t, "Sunday"), "He met Mr. Kim on Sunday, officials said");
        let t = "قال الوزير. عقد في حزيران 2019 جلسة؟ نعم";
        assert_eq!(sentence(t, "حزيران 2019"), "عقد في حزيران 2019 جلسة؟");
    }

    #[test]
    fn long_sentences_are_trimmed_around_the_mention() {
        let before = "word ".repeat(100);
        let after = " more".repeat(100);
        let text = format!("{before}in  1966{after}");
        let start = text.find("1966").unwrap_or(0);
        let range = start..start + 4;
        let entry = TimelineEntry {
            doc: 0,
            date: 0,
            value: NaiveDate::MIN,
            granularity: Granularity::Year,
            range: range.clone(),
            sentence: sentence_around(&text, range),
            furniture: false,
        };
        let line = sentence_line(&text, &entry, 60);
        assert!(line.contains("in 1966 more"), "{line}");
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        assert!(line.chars().count() <= 62, "{line}");
    }

    #[test]
    fn entries_are_oldest_first_coarse_before_fine() {
        use crate::extract::DateMention;
        let text = "2018 and 4 June 2018 and 1966 and June 2018".to_string();
        let mk = |s: &str, v: &str, g| DateMention {
            range: text.find(s).map_or(0..0, |p| p..p + s.len()),
            value: NaiveDate::parse_from_str(v, "%Y-%m-%d").unwrap_or_default(),
            granularity: g,
        };
        let ann = crate::extract::Annotations {
            mentions: Vec::new(),
            dates: vec![
                mk("4 June 2018", "2018-06-04", Granularity::Day),
                mk("2018", "2018-01-01", Granularity::Year),
                mk("June 2018", "2018-06-01", Granularity::Month),
                mk("1966", "1966-01-01", Granularity::Year),
            ],
        };
        let doc = crate::corpus::load_bundled().documents.into_iter().next();
        let Some(mut doc) = doc else { panic!("bundled archive is empty") };
        doc.text = text.clone();
        // From "1966" on the text is page furniture.
        doc.boilerplate = text.find("1966").map(|p| p..text.len());
        let store = Store::from_parts(vec![doc], vec![ann], Vec::new(), 0, false);
        let entries = build(&store);
        let values: Vec<String> = entries.iter().map(TimelineEntry::value_string).collect();
        assert_eq!(values, ["1966", "2018", "2018-06", "2018-06-04"]);
        let furniture: Vec<bool> = entries.iter().map(|e| e.furniture).collect();
        // ("June 2018" is found inside "4 June 2018", before the furniture.)
        assert_eq!(furniture, [true, false, false, false]);
    }

    proptest::proptest! {
        #[test]
        fn the_sentence_always_holds_the_mention(
            text in "[a-zA-Z .!?؟\n\u{a0}حزيران…”U]{0,80}",
            a in 0usize..100,
            len in 0usize..12,
            max in 0usize..50,
        ) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let start = bounds[a % bounds.len()];
            let end = bounds.iter().copied().filter(|&e| e >= start).nth(len).unwrap_or(start);
            let sentence = sentence_around(&text, start..end);
            proptest::prop_assert!(sentence.start <= start && end <= sentence.end, "{:?}", sentence);
            let entry = TimelineEntry {
                doc: 0,
                date: 0,
                value: NaiveDate::MIN,
                granularity: Granularity::Day,
                range: start..end,
                sentence,
                furniture: false,
            };
            let line = sentence_line(&text, &entry, max);
            let words = collapse(&text[start..end]);
            proptest::prop_assert!(line.contains(words.trim()), "{:?} not in {:?}", words, line);
        }
    }
}
