//! HTML: the article text with scraper (html5ever). Script, style, navigation, header, footer,
//! asides, forms and comments are dropped; block elements become paragraphs.

use scraper::{ElementRef, Html, Node, Selector};

use super::Article;
use crate::corpus::meta::parse_date;

/// Elements whose content is never article text.
const DROPPED: [&str; 14] = [
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "form",
    "iframe", "svg", "button", "select", "head",
];

/// Elements that end a paragraph.
const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "br",
    "hr",
    "figure",
    "figcaption",
    "dd",
    "dt",
];

/// The article of an HTML page: text from `<article>`, else `<main>`, else `<body>`; title
/// from `<h1>`, `og:title` or `<title>`; date and author from meta tags or `<time>`.
pub fn parse(content: &str) -> Article {
    let doc = Html::parse_document(content);
    let root =
        first(&doc, "article").or_else(|| first(&doc, "main")).or_else(|| first(&doc, "body"));
    let mut blocks = Vec::new();
    let mut cur = String::new();
    if let Some(root) = root {
        collect(root, &mut cur, &mut blocks);
    }
    flush(&mut cur, &mut blocks);

    let title = first(&doc, "h1")
        .map(|e| squash(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .or_else(|| meta(&doc, &["og:title", "twitter:title"]))
        .or_else(|| first(&doc, "title").map(|e| squash(&e.text().collect::<String>())))
        .filter(|t| !t.is_empty());
    let date = meta(
        &doc,
        &[
            "article:published_time",
            "datePublished",
            "date",
            "pubdate",
            "publish-date",
            "dc.date",
            "og:published_time",
        ],
    )
    .and_then(|d| parse_date(&d))
    .or_else(|| {
        let sel = Selector::parse("time[datetime]").ok()?;
        doc.select(&sel).find_map(|t| t.value().attr("datetime").and_then(parse_date))
    });
    let byline = meta(&doc, &["author", "article:author", "dc.creator"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| {
            let sel = Selector::parse("[rel=author], .byline, [itemprop=author]").ok()?;
            doc.select(&sel).map(|e| squash(&e.text().collect::<String>())).find(|t| !t.is_empty())
        });
    let url = first(&doc, "link[rel=canonical]")
        .and_then(|e| e.value().attr("href").map(str::to_string))
        .or_else(|| meta(&doc, &["og:url"]));
    let lang = first(&doc, "html")
        .and_then(|e| e.value().attr("lang"))
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_lowercase())
        .filter(|l| !l.is_empty());
    Article { title, byline, date, url, lang, text: blocks.join("\n\n"), suffix: String::new() }
}

fn first<'a>(doc: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    let sel = Selector::parse(css).ok()?;
    doc.select(&sel).next()
}

/// The content of the first `<meta>` whose `property`, `name` or `itemprop` is one of `keys`.
fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    let sel = Selector::parse("meta[content]").ok()?;
    for key in keys {
        for m in doc.select(&sel) {
            let v = m.value();
            let named = ["property", "name", "itemprop"]
                .iter()
                .any(|a| v.attr(a).is_some_and(|n| n.eq_ignore_ascii_case(key)));
            if named {
                let c = squash(v.attr("content").unwrap_or(""));
                if !c.is_empty() {
                    return Some(c);
                }
            }
        }
    }
    None
}

fn collect(el: ElementRef<'_>, cur: &mut String, blocks: &mut Vec<String>) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => cur.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    flush(cur, blocks);
                }
                if let Some(child_el) = ElementRef::wrap(child) {
                    collect(child_el, cur, blocks);
                }
                if block {
                    flush(cur, blocks);
                }
            }
            _ => {} // comments, doctype, processing instructions
        }
    }
}

fn flush(cur: &mut String, blocks: &mut Vec<String>) {
    let s = squash(cur);
    if !s.is_empty() {
        blocks.push(s);
    }
    cur.clear();
}

/// Collapses runs of whitespace (HTML source line breaks) into one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
