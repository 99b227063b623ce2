//! Metadata heuristics for text that does not state its metadata: title, byline and
//! publication date from the first lines. Generic rules (shapes of lines), no per-file cases.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::dates::{self, NumericOrder, parse_date, parse_date_in};
use crate::lang::en::words::EN_PARTICLES;
use crate::lang::{LANGUAGES, Language};

/// What the first lines of a text say about it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Guessed {
    /// A heading line, a `date YYYY-MM-DD Title` header, or the first sentence cut.
    pub title: Option<String>,
    /// A short line that is only a person's name ("Ben Kew", "By Ben Kew").
    pub byline: Option<String>,
    /// A date the header or a dateline near the top states.
    pub date: Option<NaiveDate>,
}

/// Longest title made from a first sentence, in chars (cut at a word boundary).
const TITLE_CHARS: usize = 80;
/// How many leading paragraphs may hold the heading, byline and dateline.
const HEAD_LINES: usize = 5;
/// Longest date line, in chars (a masthead line with the paper's name and issue is ~75).
const DATELINE_CHARS: usize = 100;

static DATE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^date:?\s+(\d{4}-\d{2}-\d{2})\s*(.*)$").expect("valid regex")
});
/// A line that labels a date ("Date 19.01.2020", "Published: June 4, 2018", "- Updated …",
/// "نشر في …"): every registered language's labels (`Language::date_labels`).
static LABELLED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let mut labels: Vec<&str> =
        LANGUAGES.iter().flat_map(|l| l.date_labels.iter().copied()).collect();
    // Longest first: "نشر في" before "نشر".
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    // An ASCII word boundary after a Latin label (a Unicode one would keep the regex crate
    // off its fast engines); a space, colon or the end after an Arabic-script one.
    let alternatives: Vec<String> = labels
        .iter()
        .map(|l| {
            let end = if l.is_ascii() { "(?-u:\\b)" } else { "(?:[\\s:]|$)" };
            format!("{}{end}", regex::escape(l))
        })
        .collect();
    Regex::new(&format!(r"(?i)^[-•*–\s]*(?:{})\s*:?\s*(.+)$", alternatives.join("|")))
        .expect("valid regex")
});

/// Guesses title, byline and date from the leading paragraphs of `text` (byte ranges).
pub fn guess(text: &str, paragraphs: &[Range<usize>]) -> Guessed {
    let mut g = Guessed::default();
    // "05/04/2021" is read in the order the document's unambiguous dates use (day first
    // when they do not tell).
    let order = dates::numeric_order(text);
    let parse = |s: &str| parse_date_in(s, order);
    let lines: Vec<&str> =
        paragraphs.iter().take(HEAD_LINES).map(|r| text[r.clone()].trim()).collect();
    // Lines that are metadata, not body: the first body line gives a title when no heading does.
    let mut used = vec![false; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        if let Some(c) = DATE_HEADER.captures(line).filter(|_| i == 0) {
            g.date = parse_date(&c[1]);
            let rest = c[2].trim();
            if !rest.is_empty() {
                g.title = Some(rest.to_string());
            }
            used[i] = true;
            continue;
        }
        // "By Name" anywhere near the top; a bare name only as the first line, or right after
        // the title, and only when prose follows (a short line after it makes it a heading).
        let bare_ok = i == 0 || (i == 1 && g.title.is_some());
        let prose_next =
            lines.get(i + 1).is_some_and(|n| n.chars().count() >= 80 && !is_heading(n));
        // A Markdown byline keeps its emphasis in a .txt file: "*By Jane Doe, Reuters*".
        let plain = line.trim_matches(['*', '_']).trim();
        let wants_byline = g.byline.is_none() && (has_by(plain) || (bare_ok && prose_next));
        if let Some(name) = byline(plain).filter(|_| wants_byline) {
            g.byline = Some(name);
            used[i] = true;
            continue;
        }
        if is_dateline(line, order) {
            if g.date.is_none() {
                g.date = parse(line);
            }
            used[i] = true;
            continue;
        }
        // The first remaining line is a heading if it is short and not a sentence.
        if g.title.is_none()
            && !used[..i].contains(&false)
            && is_heading(line)
            && lines.len() > i + 1
        {
            g.title = Some(line.to_string());
            used[i] = true;
        }
    }
    if g.date.is_none() {
        // An agency dateline opening the first body paragraph: "طهران 27 مارس 2021 (شينخوا)
        // وقع…", "MOSCOW, June 4, 2018 (AP) — …".
        g.date = lines.iter().zip(&used).filter(|(_, u)| !**u).take(1).find_map(|(l, _)| {
            let head: String = l.chars().take(60).collect();
            let cut = ["(", " - ", "- ", " – ", " — ", ": ", " | "]
                .iter()
                .filter_map(|d| head.find(d))
                .min()?;
            let prefix = &head[..cut];
            let before = (prefix.split_whitespace().count() <= 6).then(|| parse(prefix)).flatten();
            // "Blantyre (AFP) Dec 20, 2009 Three people were killed…": the date right after
            // a short agency credit, with no dash before the body.
            let after_credit = || {
                let rest = head[cut..].strip_prefix('(')?;
                let (credit, after) = rest.split_once(')')?;
                (prefix.split_whitespace().count() <= 4 && credit.split_whitespace().count() <= 3)
                    .then_some(())?;
                let words: Vec<&str> = after.split_whitespace().take(4).collect();
                parse(&words.join(" "))
            };
            before.or_else(after_credit)
        });
    }
    if g.date.is_none() {
        // Scraped pages often give the date in a labelled line further down (page furniture).
        g.date = paragraphs.iter().find_map(|r| {
            let line: String = text[r.clone()]
                .trim()
                .chars()
                .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}'))
                .collect();
            if line.chars().count() > 60 {
                return None;
            }
            let c = LABELLED_DATE.captures(&line)?;
            parse(&c[1])
        });
    }
    if g.title.is_none() {
        let body = lines.iter().zip(&used).find(|(_, u)| !**u).map(|(l, _)| *l);
        g.title = body.map(first_sentence).filter(|t| !t.is_empty());
    }
    if let Some(t) = &mut g.title {
        // Shown on one line: odd spaces (NBSP, tabs) become one plain space.
        *t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    g
}

fn has_by(line: &str) -> bool {
    by_prefix(line).is_some()
}

/// A byline's "By " (any case) or "بقلم": the language whose prefix it is and the rest.
fn by_prefix(line: &str) -> Option<(&'static Language, &str)> {
    LANGUAGES.iter().find_map(|l| {
        l.byline_prefixes.iter().find_map(|p| {
            let head = line.get(..p.len())?;
            head.eq_ignore_ascii_case(p).then(|| (*l, &line[p.len()..]))
        })
    })
}

/// A short line stating a date and little else ("4 June 2018 03:35 (UTC+04:00)",
/// "Published: June 4, 2018", "Al Masry Al Youm - Tuesday - July 23 rd - 2024 - Issue No.
/// 7344").
fn is_dateline(line: &str, order: NumericOrder) -> bool {
    // Mostly date: few words beyond the date's own (weekday, month, "th"). Arabic lines often
    // add the Hijri date and the agency: "بكين 18 شعبان 1444 هـ الموافق 10 مارس 2023 م واس";
    // mastheads the paper's name and issue number.
    line.chars().count() <= DATELINE_CHARS
        && dates::words_besides_the_date(line) <= 8
        && parse_date_in(line, order).is_some()
}

/// A heading: short, not ending like a sentence, not too many words.
fn is_heading(line: &str) -> bool {
    let chars = line.chars().count();
    let ends_sentence = line.ends_with(['.', ',', ':', ';', '،', '؛']);
    (3..=140).contains(&chars) && !ends_sentence && line.split_whitespace().count() <= 24
}

/// A line that is only a person's name: optional "By", then 2–3 capitalised words of letters
/// (hyphens and apostrophes allowed, lower-case particles like "al-"/"bin"/"de" between).
fn byline(line: &str) -> Option<String> {
    let by = by_prefix(line);
    // Arabic has no capitals: only a "بقلم" (by) prefix marks an Arabic byline.
    if let Some((_, rest)) = by.filter(|(l, _)| !l.cased) {
        let rest = rest.trim_start_matches([':', ' ']).trim();
        let words = rest.split_whitespace().count();
        let arabic = rest.chars().all(|c| c == ' ' || crate::text::script::is_arabic_letter(c));
        return ((2..=4).contains(&words) && arabic).then(|| rest.to_string());
    }
    if let Some((_, rest)) = by.filter(|(l, _)| l.cased) {
        // "By Jane Doe and Sam Reed", "By A B, C D": every part must be a name.
        let rest = rest.trim();
        let parts: Vec<&str> = rest.split([',', '&']).flat_map(|p| p.split(" and ")).collect();
        // The last part after a comma may be the wire or paper ("By Jane Doe, Reuters").
        let agency = |i: usize, p: &str| i > 0 && i + 1 == parts.len() && is_agency(p);
        let all_names = rest.chars().count() <= 80
            && parts.iter().enumerate().all(|(i, p)| is_name(p.trim()) || agency(i, p.trim()));
        return all_names.then(|| rest.to_string());
    }
    is_name(line).then(|| line.to_string())
}

/// One capitalised word of letters, as a wire or paper names itself after a byline
/// ("Reuters", "AFP", "Bloomberg").
fn is_agency(s: &str) -> bool {
    !s.contains(' ')
        && (2..=20).contains(&s.chars().count())
        && s.chars().all(char::is_alphabetic)
        && s.chars().next().is_some_and(char::is_uppercase)
}

/// 2–3 capitalised words of letters (hyphens, apostrophes, initials), lower-case particles
/// ("al-", "bin", "de") allowed between; at most 40 chars. A shape, not a name list.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || s.chars().count() > 40 {
        return false;
    }
    let mut capitalised = 0;
    for w in &words {
        let ok_chars =
            w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.');
        let Some(first) = w.chars().next() else { return false };
        if !ok_chars {
            return false;
        }
        if first.is_uppercase() {
            // "ALL CAPS" words are shouting headings, not names (initials like "J." are fine).
            if w.chars().filter(|c| c.is_alphabetic()).count() > 2
                && w.chars().all(|c| !c.is_lowercase())
            {
                return false;
            }
            capitalised += 1;
        } else if !EN_PARTICLES.contains(&w.trim_end_matches('-').to_lowercase()) {
            return false;
        }
    }
    (2..=3).contains(&capitalised)
}

/// The first sentence of `line`, cut at a word boundary to about [`TITLE_CHARS`] with "…".
pub fn first_sentence(line: &str) -> String {
    let mut end = line.len();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if matches!(c, '.' | '!' | '?' | '؟') {
            let next = chars.get(k + 1).map(|&(_, n)| n);
            let prev = if k > 0 { chars[k - 1].1 } else { ' ' };
            // "U.S." is not a sentence end: a capital right before the stop marks an initial.
            if next.is_none_or(char::is_whitespace) && !prev.is_uppercase() {
                end = i + c.len_utf8();
                break;
            }
        }
    }
    let sentence = line[..end].trim();
    if sentence.chars().count() <= TITLE_CHARS {
        return sentence.to_string();
    }
    let cut = sentence.char_indices().nth(TITLE_CHARS).map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..cut];
    let at_word = head.rfind(char::is_whitespace).filter(|&i| i > 0).map_or(head, |i| &head[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '،', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess_of(text: &str) -> Guessed {
        guess(text, &crate::corpus::paragraph_ranges(text))
    }

    #[test]
    fn an_agency_credit_before_the_date_opens_the_body() {
        let t = "Three killed in quake\nBlantyre (AFP) Dec 20, 2009 Three people were killed and about 300 injured Sunday when an earthquake struck, authorities said.";
        assert_eq!(guess_of(t).date, NaiveDate::from_ymd_opt(2009, 12, 20));
        // A parenthesis that is not a credit, with prose after it, gives no date.
        let t = "Talks\nThe ministers (all of them) met on 4 June 2018 to talk about the plan for the years ahead.";
        assert_eq!(guess_of(t).date, None);
    }

    #[test]
    fn a_dateline_under_the_heading_gives_the_date() {
        let g = guess_of(
            "Talks Resume\n\nPublished June 4, 2018\n\nThe talks resumed on Monday after a pause of several weeks, officials said in a statement.",
        );
        assert_eq!(g.title.as_deref(), Some("Talks Resume"));
        assert_eq!(g.date, NaiveDate::from_ymd_opt(2018, 6, 4));
    }

    #[test]
    fn a_labelled_date_line_in_the_page_furniture_gives_the_date() {
        let body = "The city renamed two streets on Sunday, officials said in a statement today.";
        let g = guess_of(&format!(
            "Streets Renamed\n\n{body}\n\nKeywords\n- Date 19.01.2020\n- Permalink x"
        ));
        assert_eq!(g.date, NaiveDate::from_ymd_opt(2020, 1, 19));
        // A version number or a dated sentence is not a date line.
        let g = guess_of(&format!("Streets Renamed\n\n{body}\n\nVersion 1.2.2020 released."));
        assert_eq!(g.date, None);
        let g = guess_of(&format!(
            "Streets Renamed\n\n{body}\n\nUpdated rules take effect on 4 June 2018 across the whole country, the ministry said."
        ));
        assert_eq!(g.date, None);
    }

    #[test]
    fn agency_datelines_and_arabic_numeric_dates_give_the_date() {
        let body =
            "وقع الوزيران اتفاقية للتعاون في مجالات الطاقة والنقل والتجارة بين البلدين الصديقين.";
        let d = |s: &str| guess_of(s).date;
        let want = NaiveDate::from_ymd_opt(2021, 3, 27);
        assert_eq!(d(&format!("عنوان الخبر\n\nطهران 27 مارس 2021 (شينخوا) {body}")), want);
        assert_eq!(d(&format!("عنوان الخبر\n\nالدوحة 27-3-2021 وفا- {body}")), want);
        assert_eq!(d(&format!("عنوان الخبر\n27/3/2021\n\n{body}")), want);
        assert_eq!(
            d(&format!("عنوان الخبر\n\nنُشر: 19:42-27 مارس 2021 م ـ 14 شعبان 1442 هـ\n\n{body}")),
            want
        );
        assert_eq!(
            d(&format!("عنوان الخبر\n\nنشر في 27 جانفي 2021\n\n{body}")),
            NaiveDate::from_ymd_opt(2021, 1, 27)
        );
        assert_eq!(
            d(
                "Talks Resume\n\nMOSCOW, June 4, 2018 (AP) — The talks resumed on Monday after a long pause, officials said."
            ),
            NaiveDate::from_ymd_opt(2018, 6, 4)
        );
        // An ambiguous English numeric date is not guessed; an impossible order is not read.
        assert_eq!(parse_date("3/4/2018"), None);
        assert_eq!(parse_date("12/25/2018"), NaiveDate::from_ymd_opt(2018, 12, 25));
    }

    #[test]
    fn an_ambiguous_numeric_dateline_follows_the_documents_order() {
        let body = "The council met on Monday, its first meeting since the vote of March 22, 2021.";
        let us = guess_of(&format!("Council Meets\n\n05/04/2021 10:06\n\n{body}"));
        assert_eq!(us.date, NaiveDate::from_ymd_opt(2021, 5, 4));
        let body = "The council met on Monday, its first meeting since the vote of 22 March 2021.";
        let uk = guess_of(&format!("Council Meets\n\n05/04/2021 10:06 GMT\n\n{body}"));
        assert_eq!(uk.date, NaiveDate::from_ymd_opt(2021, 4, 5));
    }

    #[test]
    fn an_arabic_dateline_gives_the_date() {
        let g = guess_of(
            "دمشق - الأحد 4 حزيران 2018\n\nقال الوزير إن المحادثات ستستأنف الأسبوع المقبل بعد توقف دام عدة أسابيع.",
        );
        assert_eq!(g.date, NaiveDate::from_ymd_opt(2018, 6, 4));
    }

    #[test]
    fn a_date_inside_the_prose_is_not_a_publication_date() {
        let g = guess_of(
            "The treaty was signed on 4 June 2018 in Geneva by both governments after long talks.",
        );
        assert_eq!(g.date, None);
    }

    #[test]
    fn name_shaped_lines_are_bylines_only_before_prose() {
        let body = "The council met on Monday to discuss the budget, which has been delayed by months of argument.";
        assert_eq!(guess_of(&format!("Ben Kew\n\n{body}")).byline.as_deref(), Some("Ben Kew"));
        assert_eq!(
            guess_of(&format!("Maria de la Cruz\n\n{body}")).byline.as_deref(),
            Some("Maria de la Cruz")
        );
        assert_eq!(guess_of("Budget Delayed\n\nShort body.").byline, None);
        assert_eq!(guess_of(&format!("BUDGET DELAYED\n\n{body}")).byline, None);
        assert_eq!(guess_of(&format!("Ben Kew said\n\n{body}")).byline, None);
        let two = guess_of("Budget Delayed\n\nBy Jane Doe and Sam Reed\n\nShort body.");
        assert_eq!(two.byline.as_deref(), Some("Jane Doe and Sam Reed"));
        assert_eq!(
            guess_of("بقلم: سامر الخطيب\n\nنص قصير.").byline.as_deref(),
            Some("سامر الخطيب")
        );
        assert_eq!(guess_of("By the way\n\nShort body.").byline, None);
        // A Markdown byline with its emphasis, and the wire after the name.
        let md = guess_of(&format!("Budget Delayed\n\n*By Jane Doe, Reuters*\n\n{body}"));
        assert_eq!(md.byline.as_deref(), Some("Jane Doe, Reuters"));
        assert_eq!(guess_of(&format!("By Jane Doe, reuters\n\n{body}")).byline, None);
    }

    #[test]
    fn first_sentence_titles_are_cut_at_a_word_boundary() {
        assert_eq!(first_sentence("The U.S. envoy arrived. Then more."), "The U.S. envoy arrived.");
        let long = "word ".repeat(40);
        let t = first_sentence(&long);
        assert!(t.ends_with("word…") && t.chars().count() <= TITLE_CHARS + 1, "{t}");
    }
}
