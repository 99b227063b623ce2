//! qari's query language, parsed by hand (user text never reaches tantivy's QueryParser). The
//! language is described once, in [`QUERY_HELP`] (what `qari search --help` prints).

use chrono::NaiveDate;

/// The query language as `qari search --help` prints it.
pub const QUERY_HELP: &str = "\
Query language:
  word word            every word must match (title or body; English stemmed, Arabic folded
                       and lightly stemmed)
  \"exact phrase\"       the words in this order
  a OR b               either side (binds tighter than the implicit AND)
  -word  -\"a phrase\"   exclude documents that match (also -lang:en, -entity:…)
  title:word           match in the title only (title:\"a phrase\" too)
  lang:ar              documents in that language
  after:2018-06-01     dated on or after that day (YYYY, YYYY-MM or YYYY-MM-DD: the first
  before:2019          day of the period); before: is strictly before
  entity:\"Ri Yong Ho\"  documents mentioning that entity, named in any spelling or script

A name in the query (a word, a phrase, an OR branch, or a run of words such as Bashar al-Assad)
also finds the documents that mention that person, place or organisation in another spelling
or script — طهران finds articles that write Tehran — ranked below the documents with the words
themselves; each such result says how it matched (\"via\").

Put -- before a query that starts with -:  qari search -- -word DIR";

/// A piece of text to find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextClause {
    /// What the user typed (without quotes), for entity look-ups.
    pub raw: String,
    /// Quoted: the words must be adjacent, in order.
    pub phrase: bool,
    /// Only in the title.
    pub title_only: bool,
    /// Also matches words that start with it (the word being typed: see [`as_typed`]).
    pub prefix: bool,
}

/// One condition on a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// Words or a phrase.
    Text(TextClause),
    /// Language code, lower-cased.
    Lang(String),
    /// Dated on or after this day.
    After(NaiveDate),
    /// Dated strictly before this day.
    Before(NaiveDate),
    /// Mentions the entity with this name (resolved later against the entity index).
    Entity(String),
}

/// Clauses joined by OR (one clause for a plain term), possibly negated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Exclude documents that match.
    pub negated: bool,
    /// Alternatives; a document matches the item when it matches any.
    pub any_of: Vec<Clause>,
}

/// A parsed query: every item must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub items: Vec<Item>,
}

/// A lexical piece of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Lex {
    Or,
    Term { negated: bool, field: Option<String>, value: String, quoted: bool },
}

/// Letters the word being typed needs before it matches as a prefix.
pub const PREFIX_CHARS: usize = 3;

/// `q` parsed as it is being typed: its last word, when it is a plain word of at least
/// [`PREFIX_CHARS`] letters that does not end in a space (unquoted, not excluded), also matches
/// the words it starts ("Pyong" finds Pyongyang). The query language is otherwise the same.
pub fn as_typed(q: &str) -> Result<Parsed, String> {
    let mut p = parse(q)?;
    if q.ends_with(char::is_whitespace) {
        return Ok(p);
    }
    if let Some(item) = p.items.last_mut().filter(|i| !i.negated)
        && let Some(Clause::Text(tc)) = item.any_of.last_mut()
        && !tc.phrase
        && tc.raw.chars().filter(|c| c.is_alphanumeric()).count() >= PREFIX_CHARS
        && q.trim_end().ends_with(tc.raw.as_str())
    {
        tc.prefix = true;
    }
    Ok(p)
}

/// Splits the query into terms, honouring quotes (`field:"a b"`, `-"a b"`).
fn lex(q: &str) -> Result<Vec<Lex>, String> {
    let mut out = Vec::new();
    let mut chars = q.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        // Read up to whitespace, or through a closing quote.
        let mut word = String::new();
        let mut quoted = false;
        let mut in_quote = false;
        let mut value_start = None;
        while let Some(&(_, c)) = chars.peek() {
            if c == '"' {
                if in_quote {
                    in_quote = false;
                    chars.next();
                    break;
                }
                in_quote = true;
                quoted = true;
                value_start = Some(word.len());
                chars.next();
                continue;
            }
            if c.is_whitespace() && !in_quote {
                break;
            }
            word.push(c);
            chars.next();
        }
        if in_quote {
            return Err(format!(
                "unbalanced quote at character {}",
                q[..start].chars().count() + 1
            ));
        }
        if word == "OR" && !quoted {
            out.push(Lex::Or);
            continue;
        }
        let (negated, rest) = match word.strip_prefix('-') {
            Some(r) if value_start != Some(0) => (true, r.to_string()),
            _ => (false, word.clone()),
        };
        let value_start = value_start.map(|v| v - usize::from(negated));
        // `field:value` when a name of ASCII letters precedes the colon, outside quotes.
        let mut field = None;
        let mut value = rest.clone();
        if let Some(i) = rest.find(':') {
            let name = &rest[..i];
            let colon_outside_quote = value_start.is_none_or(|v| i < v);
            if colon_outside_quote
                && !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphabetic())
            {
                field = Some(name.to_ascii_lowercase());
                value = rest[i + 1..].to_string();
            }
        }
        if value.is_empty() && !quoted {
            return Err(match (&field, negated) {
                (Some(f), _) => format!("nothing after '{f}:'"),
                (None, true) => "nothing after '-'".to_string(),
                (None, false) => continue,
            });
        }
        out.push(Lex::Term { negated, field, value, quoted });
    }
    Ok(out)
}

/// Longest piece of a query quoted back in a message, in characters.
pub const ECHO_CHARS: usize = 60;

/// A piece of what the user typed, fit for a message: printable and at most [`ECHO_CHARS`]
/// characters.
pub fn echo(s: &str) -> std::borrow::Cow<'_, str> {
    crate::text::printable::printable_excerpt(s, ECHO_CHARS)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → the first day of that period.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<u32> {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok()).flatten()
    };
    let y = i32::try_from(num(parts.first()?, 4)?).ok()?;
    let m = match parts.get(1) {
        Some(p) => num(p, 2)?,
        None => 1,
    };
    let d = match parts.get(2) {
        Some(p) => num(p, 2)?,
        None => 1,
    };
    if parts.len() > 3 {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn clause(field: Option<&str>, value: String, quoted: bool) -> Result<Clause, String> {
    let date = |name: &str, v: &str| {
        parse_date(v).ok_or_else(|| {
            format!("{name}: wants a date like 2018, 2018-06 or 2018-06-01, not '{}'", echo(v))
        })
    };
    Ok(match field {
        None => Clause::Text(TextClause {
            raw: value,
            phrase: quoted,
            title_only: false,
            prefix: false,
        }),
        Some("title") => {
            Clause::Text(TextClause { raw: value, phrase: quoted, title_only: true, prefix: false })
        }
        Some("lang") => Clause::Lang(value.trim().to_lowercase()),
        Some("after") => Clause::After(date("after", value.trim())?),
        Some("before") => Clause::Before(date("before", value.trim())?),
        Some("entity") => Clause::Entity(value.trim().to_string()),
        Some(other) => {
            return Err(format!(
                "unknown field '{}:' (fields: title, lang, after, before, entity)",
                echo(other)
            ));
        }
    })
}

/// Parses `q`, or says briefly what is wrong with it.
pub fn parse(q: &str) -> Result<Parsed, String> {
    if q.trim().is_empty() {
        return Err("empty query".into());
    }
    let lexed = lex(q)?;
    let mut items: Vec<Item> = Vec::new();
    let mut pending_or = false;
    for l in lexed {
        match l {
            Lex::Or => {
                let ok = items.last().is_some_and(|i| !i.negated) && !pending_or;
                if !ok {
                    return Err("OR needs a term on each side".into());
                }
                pending_or = true;
            }
            Lex::Term { negated, field, value, quoted } => {
                let c = clause(field.as_deref(), value, quoted)?;
                if pending_or {
                    if negated {
                        return Err("an exclusion cannot be one side of OR".into());
                    }
                    if let Some(last) = items.last_mut() {
                        last.any_of.push(c);
                    }
                    pending_or = false;
                } else {
                    items.push(Item { negated, any_of: vec![c] });
                }
            }
        }
    }
    if pending_or {
        return Err("OR needs a term on each side".into());
    }
    if items.is_empty() {
        return Err("empty query".into());
    }
    if items.iter().all(|i| i.negated) {
        return Err("only exclusions: say what to look for too".into());
    }
    Ok(Parsed { items })
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_the_word_being_typed_is_a_prefix() {
        let last = |q: &str| {
            let p = super::as_typed(q).unwrap();
            p.items
                .iter()
                .flat_map(|i| &i.any_of)
                .any(|c| matches!(c, super::Clause::Text(t) if t.prefix))
        };
        assert!(last("sanctions pyo"));
        assert!(last("pyo"));
        assert!(last("طهر"));
        assert!(!last("py"), "two letters");
        assert!(!last("pyo "), "a finished word");
        assert!(!last("x -pyo"), "an exclusion");
        assert!(!last("\"north pyo\""), "a phrase");
        assert!(!last("pyo lang:en"), "not the last item");
        assert!(
            !super::parse("pyo")
                .unwrap()
                .items
                .iter()
                .flat_map(|i| &i.any_of)
                .any(|c| matches!(c, super::Clause::Text(t) if t.prefix))
        );
    }

    use super::*;

    fn text(raw: &str, phrase: bool, title_only: bool) -> Clause {
        Clause::Text(TextClause { raw: raw.into(), phrase, title_only, prefix: false })
    }

    #[test]
    fn words_phrases_fields_and_or() {
        let p = parse(r#"kim "north korea" -trump title:summit lang:AR a OR b"#).unwrap();
        let got: Vec<(bool, Vec<Clause>)> =
            p.items.into_iter().map(|i| (i.negated, i.any_of)).collect();
        assert_eq!(
            got,
            vec![
                (false, vec![text("kim", false, false)]),
                (false, vec![text("north korea", true, false)]),
                (true, vec![text("trump", false, false)]),
                (false, vec![text("summit", false, true)]),
                (false, vec![Clause::Lang("ar".into())]),
                (false, vec![text("a", false, false), text("b", false, false)]),
            ]
        );
    }

    #[test]
    fn quoted_field_values_and_dates() {
        let p = parse(r#"entity:"Ri Yong Ho" -title:"a b" after:2018-06 before:2019"#).unwrap();
        assert_eq!(p.items[0].any_of, vec![Clause::Entity("Ri Yong Ho".into())]);
        assert!(p.items[1].negated);
        assert_eq!(p.items[1].any_of, vec![text("a b", true, true)]);
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(p.items[2].any_of, vec![Clause::After(d(2018, 6, 1))]);
        assert_eq!(p.items[3].any_of, vec![Clause::Before(d(2019, 1, 1))]);
    }

    #[test]
    fn malformed_queries_say_why() {
        for (q, want) in [
            ("", "empty"),
            ("   ", "empty"),
            ("\"north korea", "unbalanced quote"),
            ("after:2018-13-01", "after:"),
            ("before:june", "before:"),
            ("foo:bar", "unknown field"),
            ("-trump", "only exclusions"),
            ("OR kim", "OR"),
            ("kim OR", "OR"),
            ("kim OR -trump", "exclusion"),
            ("lang:", "nothing after"),
        ] {
            let e = parse(q).expect_err(q);
            assert!(e.contains(want), "{q}: {e}");
        }
    }
}
