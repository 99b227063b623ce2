//! The file formats qari reads, each turned into plain [`Article`]s: text with paragraphs
//! separated by blank lines, and whatever metadata the format states. Heuristics for what the
//! format does not state live in `meta`.

pub mod html;
pub mod json;
pub mod md;

use chrono::NaiveDate;

/// One article as a format gives it, before sanitising and heuristics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// Title the format states (JSON field, `<title>`/`<h1>`, Markdown heading).
    pub title: Option<String>,
    /// Author the format states.
    pub byline: Option<String>,
    /// Publication date the format states.
    pub date: Option<NaiveDate>,
    /// Source URL.
    pub url: Option<String>,
    /// Language code the format states (`lang` field, `<html lang>`).
    pub lang: Option<String>,
    /// The article text; paragraphs separated by line breaks.
    pub text: String,
    /// Appended to the file path to name this article inside a multi-article file (`#2`).
    pub suffix: String,
    /// What the reader should know about how it was read ("HTML nested too deeply…").
    pub warnings: Vec<String>,
}

/// What parsing one file gave: its articles, and the parts that could not be read
/// (a bad JSON line) while the rest still loads.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The readable articles, in file order.
    pub articles: Vec<Article>,
    /// Reasons for the unreadable parts ("invalid JSON on line 3: …").
    pub bad: Vec<String>,
}

/// Parses decoded file content by the file's extension (lower-case). `Err` when nothing of
/// the file can be read.
pub fn parse(ext: &str, content: &str) -> Result<Parsed, String> {
    let one = |a: Article| Parsed { articles: vec![a], bad: Vec::new() };
    match ext {
        "md" => Ok(one(md::parse(content))),
        "html" | "htm" => {
            let (mut article, warning) = html::parse_page(content);
            article.warnings.extend(warning);
            Ok(one(article))
        }
        "json" => json::parse_json(content),
        "jsonl" => json::parse_jsonl(content),
        _ => Ok(one(Article { text: content.to_string(), ..Article::default() })),
    }
}
