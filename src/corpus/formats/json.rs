//! JSON (one article object or an array of them) and JSON Lines (one article per line), with
//! fields read tolerantly: `title`/`headline`, `date`/`published`, `text`/`body`/`content`,
//! `url`/`link`, `author`/`byline`, `lang`/`language`.

use serde_json::Value;

use super::{Article, Parsed};
use crate::corpus::dates::parse_date;

/// A `.json` file: an object is one article (no suffix); an array yields one article per
/// element, named `#N` (1-based position in the array).
pub fn parse_json(content: &str) -> Result<Parsed, String> {
    let v: Value = serde_json::from_str(content).map_err(|e| format!("invalid JSON: {e}"))?;
    let mut parsed = Parsed::default();
    match v {
        Value::Object(_) => parsed.articles.push(article(&v).map_err(|e| e.to_string())?),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                match article(item) {
                    Ok(mut a) => {
                        a.suffix = format!("#{}", i + 1);
                        parsed.articles.push(a);
                    }
                    Err(e) => parsed.bad.push(format!("article {} of the array: {e}", i + 1)),
                }
            }
        }
        _ => return Err("JSON is neither an article object nor an array of them".into()),
    }
    if parsed.articles.is_empty() {
        return Err(match parsed.bad.first() {
            Some(b) => format!("no readable article ({b})"),
            None => "empty JSON array".into(),
        });
    }
    Ok(parsed)
}

/// A `.jsonl` file: one article per non-blank line, named `#N` (1-based line number). A bad
/// line is reported with its number and the other lines still load.
pub fn parse_jsonl(content: &str) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        match serde_json::from_str::<Value>(line) {
            Ok(v) => match article(&v) {
                Ok(mut a) => {
                    a.suffix = format!("#{n}");
                    parsed.articles.push(a);
                }
                Err(e) => parsed.bad.push(format!("line {n}: {e}")),
            },
            Err(e) => parsed.bad.push(format!("invalid JSON on line {n}: {e}")),
        }
    }
    if parsed.articles.is_empty() {
        return Err(match parsed.bad.first() {
            Some(b) => format!("no readable article ({b})"),
            None => "empty file".into(),
        });
    }
    Ok(parsed)
}

/// One article object; `Err` says what is missing.
fn article(v: &Value) -> Result<Article, &'static str> {
    let Value::Object(_) = v else { return Err("not a JSON object") };
    let text = field(v, &["text", "body", "content", "article", "article_text"])
        .filter(|t| !t.trim().is_empty())
        .ok_or("no text (looked for text, body, content)")?;
    // Feeds often carry the article as HTML: read it as a page body, not as tagged text.
    let lower = text.to_ascii_lowercase();
    let text = if lower.contains("</p>") || lower.contains("<br") {
        super::html::parse(&text).text
    } else {
        text
    };
    let date =
        field(v, &["date", "published", "published_at", "publishedAt", "pubDate", "datePublished"])
            .and_then(|d| parse_date(&d));
    Ok(Article {
        title: field(v, &["title", "headline"]).filter(|t| !t.trim().is_empty()),
        byline: field(v, &["author", "byline", "authors"]).filter(|t| !t.trim().is_empty()),
        date,
        url: field(v, &["url", "link"]),
        lang: field(v, &["lang", "language"]).map(|l| l.to_lowercase()),
        text,
        ..Article::default()
    })
}

/// The first of `keys` present as a string (numbers are shown; a string array is joined).
fn field(v: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match v.get(k)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(|i| i.as_str().or_else(|| i.get("name").and_then(Value::as_str)))
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        _ => None,
    })
}
