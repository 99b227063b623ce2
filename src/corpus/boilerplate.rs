//! Trailing page furniture: "Related news" headline lists with timestamps, comment forms,
//! "Subscribe", "Follow … on Telegram". Found by scoring the last paragraphs with generic cue
//! patterns and the shape of the lines (short, timestamped), never removed from the text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::lang::{LANGUAGES, calendar};

/// Cue phrases of page furniture, every registered language's (`Language::furniture_cues`;
/// matched on short lines only).
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    let cues: Vec<&str> =
        LANGUAGES.iter().map(|l| l.furniture_cues).filter(|c| !c.is_empty()).collect();
    Regex::new(&format!("(?ix){}", cues.join("|"))).expect("valid regex")
});

/// A timestamp as headline lists print it: `06:25`, `3 June`, `3 يونيو`, `2018-06-03`.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    let mut months: Vec<String> = calendar::month_names().map(|(w, _)| regex::escape(w)).collect();
    // Longest first, so "june" is not read as "jun".
    months.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Regex::new(&format!(
        r"(?i)(?-u:\b)\d{{1,2}}:\d{{2}}(?-u:\b)|(?-u:\b)\d{{1,2}}\s+({})(?:\s|$|[.,])|(?-u:\b)\d{{4}}-\d{{2}}-\d{{2}}(?-u:\b)",
        months.join("|")
    ))
    .expect("valid regex")
});

/// Longest line (chars) that can be a cue or a headline rather than article prose.
const SHORT: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A furniture phrase ("LEAVE A REPLY").
    Cue,
    /// A short line with a timestamp ("US 3 June 06:25").
    Stamp,
    /// A short line that could be a headline or a form label.
    Short,
    /// Article prose.
    Prose,
}

fn classify(line: &str) -> Kind {
    let chars = line.chars().count();
    if chars > SHORT {
        return Kind::Prose;
    }
    if CUE.is_match(line) {
        return Kind::Cue;
    }
    if chars <= 60 && STAMP.is_match(line) {
        return Kind::Stamp;
    }
    // A sentence ending in a full stop after 40 chars is prose; headlines and labels don't end so.
    let sentence = line.trim_end_matches(['"', '”', '’', '»', ')']).ends_with(['.', '!', '؟', '?']);
    if sentence && chars > 40 { Kind::Prose } else { Kind::Short }
}

/// The byte range of trailing furniture in `text` (from its first line to the end), if any.
/// `paragraphs` are the non-empty lines' byte ranges. Furniture is a trailing run of
/// non-prose lines that holds a cue or a timestamped headline list (≥ 3 stamps); it starts
/// at its first cue or stamped headline, so short closing lines of the article stay out.
pub fn detect(text: &str, paragraphs: &[Range<usize>]) -> Option<Range<usize>> {
    let kinds: Vec<Kind> = paragraphs.iter().map(|r| classify(text[r.clone()].trim())).collect();
    let run_start = kinds.iter().rposition(|k| *k == Kind::Prose).map_or(0, |i| i + 1);
    // Keep at least one paragraph of article before the furniture.
    let run_start = run_start.max(1);
    let run = kinds.get(run_start..)?;
    let cues = run.iter().filter(|k| **k == Kind::Cue).count();
    let stamps = run.iter().filter(|k| **k == Kind::Stamp).count();
    if cues == 0 && stamps < 3 {
        return None;
    }
    // First line that is itself furniture: a cue, a stamp, or a headline right above a stamp.
    let first = (0..run.len()).find(|&i| {
        matches!(run[i], Kind::Cue | Kind::Stamp) || run.get(i + 1) == Some(&Kind::Stamp)
    })?;
    Some(paragraphs[run_start + first].start..text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Range<usize>> {
        crate::corpus::paragraph_ranges(text)
    }

    #[test]
    fn an_article_without_furniture_has_none() {
        let t = "Title\n\nA long first paragraph that says something of substance about the world.\n\nHe declined to comment.";
        assert_eq!(detect(t, &lines(t)), None);
    }

    #[test]
    fn a_comment_form_is_furniture_but_the_last_short_line_of_prose_is_not() {
        let t = "Title\n\nBody text that goes on for a while and ends like a sentence does.\n\nNo comment.\n\nLEAVE A REPLY\nPlease enter your name here";
        let r = detect(t, &lines(t)).expect("furniture");
        assert_eq!(&t[r], "LEAVE A REPLY\nPlease enter your name here");
    }

    #[test]
    fn a_timestamped_headline_list_is_furniture_without_any_cue() {
        let t = "Title\n\nThe article body is a sentence long enough to count as prose here.\nFirst other headline\nWorld 3 June 06:25\nSecond other headline\nEconomy 2 June 12:00\nThird one\nSport 1 June 09:10";
        let r = detect(t, &lines(t)).expect("furniture");
        assert!(t[r].starts_with("First other headline"));
    }

    #[test]
    fn arabic_subscription_line_is_furniture() {
        let t = "عنوان\n\nنص المقال الطويل الذي يتحدث عن الأحداث الجارية في المنطقة هذا الأسبوع.\nليصلك المزيد من الأخبار اشترك بقناتنا على التليغرام";
        let r = detect(t, &lines(t)).expect("furniture");
        assert!(t[r].starts_with("ليصلك"));
    }
}
