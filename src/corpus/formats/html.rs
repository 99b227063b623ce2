//! HTML: the article text, read in one pass over html5ever's tokenizer. Script, style,
//! navigation, header, footer, asides, forms and comments are dropped; block elements become
//! paragraphs; the text comes from the first `<article>`, else the first `<main>`, else the
//! whole page.
//!
//! No tree is built. html5ever's tree builder looks through its stack of open elements for
//! most tags and re-opens unclosed formatting elements in every later paragraph, so hostile
//! pages cost it quadratic time and memory (70,000 nested `<div>`s took seconds; 70 KB of
//! `<p><b id=N></p>` made 8 million nodes). Here the open elements are a stack of names, the
//! nesting rules that matter for text (void elements, implied ends of `<p>`, `<li>`, cells,
//! `<head>`, foreign content) are followed, each tag costs amortised O(1), and the stack is
//! capped at [`MAX_DEPTH`]: deeper tags are ignored and the article gets a warning.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

mod nesting;

use nesting::{BREAKOUT, IN_HEAD, VOID, closes, font_breaks_out, integration};

use super::Article;
use crate::corpus::dates::parse_date;

/// Deepest element nesting followed (Blink's limit); real articles stay at a few dozen.
pub const MAX_DEPTH: usize = 512;

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

/// The article of an HTML page: text from `<article>`, else `<main>`, else the page;
/// title from `<h1>`, `og:title` or `<title>`; date and author from meta tags or `<time>`.
pub fn parse(content: &str) -> Article {
    parse_page(content).0
}

/// [`parse`], with a warning when the page nests deeper than [`MAX_DEPTH`] (its deeper tags
/// were ignored; their text is kept).
pub fn parse_page(content: &str) -> (Article, Option<String>) {
    let tok = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(content));
    let _ = tok.feed(&input);
    tok.end();
    let page = tok.sink.page.into_inner();
    let warning = (page.too_deep > 0).then(|| {
        format!(
            "HTML nested too deeply: {} below {MAX_DEPTH} levels ignored (their text is kept)",
            crate::text::plural(page.too_deep, "tag")
        )
    });
    (page.article(), warning)
}

/// One open element as the walk models it.
struct Open {
    name: String,
    /// Inside SVG or MathML (where `<x/>` is empty and `<style>` holds markup).
    foreign: bool,
}

/// Paragraph text of one part of the page (the page, the first `<article>`, the first `<main>`).
#[derive(Default)]
struct Text {
    blocks: Vec<String>,
    cur: String,
}

impl Text {
    fn flush(&mut self) {
        let s = squash(&self.cur);
        if !s.is_empty() {
            self.blocks.push(s);
        }
        self.cur.clear();
    }
}

/// A part of the page being looked for (the first `<article>`, `<h1>`, byline element…).
#[derive(Default, PartialEq, Eq, Clone, Copy)]
enum Part {
    #[default]
    NotSeen,
    /// Open at this stack depth (its element is `stack[depth]`).
    Open(usize),
    Done,
}

impl Part {
    fn open(&self) -> bool {
        matches!(self, Part::Open(_))
    }
}

/// Everything the walk gathers.
#[derive(Default)]
struct Page {
    stack: Vec<Open>,
    /// How many of each name are open, so an end tag with none open costs O(1).
    counts: HashMap<String, usize>,
    /// Open dropped elements: text is kept only when 0.
    dropped: usize,
    /// Inside a raw-text element (script, style…) whose characters are never text.
    raw: bool,
    /// Start tags ignored below [`MAX_DEPTH`], and how many of their end tags are still due.
    too_deep: usize,
    excess: usize,
    page: Text,
    article: (Part, Text),
    main: (Part, Text),
    h1: (Part, String),
    title: (Part, String),
    byline: (Part, String),
    /// `(property|name|itemprop, content)` of every `<meta content>`, in order.
    metas: Vec<(Vec<String>, String)>,
    time: Option<chrono::NaiveDate>,
    canonical: Option<Option<String>>,
    lang: Option<String>,
}

impl Page {
    fn push(&mut self, name: &str, foreign: bool) {
        if DROPPED.contains(&name) {
            self.dropped += 1;
        }
        *self.counts.entry(name.to_string()).or_default() += 1;
        self.stack.push(Open { name: name.to_string(), foreign });
    }

    fn pop(&mut self) {
        let Some(o) = self.stack.pop() else { return };
        if DROPPED.contains(&o.name.as_str()) {
            self.dropped -= 1;
        }
        if let Some(c) = self.counts.get_mut(&o.name) {
            *c -= 1;
        }
        let depth = self.stack.len();
        if BLOCKS.contains(&o.name.as_str()) {
            self.flush();
        }
        for part in [&mut self.article.0, &mut self.main.0, &mut self.h1.0, &mut self.title.0] {
            if *part == Part::Open(depth) {
                *part = Part::Done;
            }
        }
        if self.byline.0 == Part::Open(depth) {
            // An empty match does not count: look on for the next.
            self.byline.0 =
                if squash(&self.byline.1).is_empty() { Part::NotSeen } else { Part::Done };
        }
    }

    fn is_open(&self, name: &str) -> bool {
        self.counts.get(name).is_some_and(|&c| c > 0)
    }

    /// Pops up to and including the innermost open `name`.
    fn close(&mut self, name: &str) {
        while let Some(top) = self.stack.last() {
            let done = top.name == name;
            self.pop();
            if done {
                break;
            }
        }
    }

    fn top_is(&self, names: &[&str]) -> bool {
        self.stack.last().is_some_and(|t| names.contains(&t.name.as_str()))
    }

    fn flush(&mut self) {
        self.page.flush();
        self.article.1.flush();
        self.main.1.flush();
    }

    fn text(&mut self, t: &str) {
        if self.raw {
            if self.title.0.open() {
                self.title.1.push_str(t);
            }
            return;
        }
        if self.is_open("head") && !t.trim().is_empty() {
            self.close("head");
        }
        if self.h1.0.open() {
            self.h1.1.push_str(t);
        }
        if self.byline.0.open() {
            self.byline.1.push_str(t);
        }
        if self.dropped > 0 {
            return;
        }
        self.page.cur.push_str(t);
        if self.article.0.open() {
            self.article.1.cur.push_str(t);
        }
        if self.main.0.open() {
            self.main.1.cur.push_str(t);
        }
    }

    /// A start tag; returns the tokenizer state its content needs (raw text for scripts).
    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        self.raw = false;
        let attr = |key: &str| tag.attrs.iter().find(|a| &*a.name.local == key).map(|a| &*a.value);
        self.facts(name, &attr);
        if self.is_open("head") && !IN_HEAD.contains(&name) {
            self.close("head");
        }
        let in_foreign = self.stack.last().is_some_and(|t| t.foreign && !integration(&t.name));
        if in_foreign && (BREAKOUT.contains(&name) || (name == "font" && font_breaks_out(&attr))) {
            while self.stack.last().is_some_and(|t| t.foreign) {
                self.pop();
            }
        }
        let foreign = matches!(name, "svg" | "math")
            || self.stack.last().is_some_and(|t| t.foreign && !integration(&t.name));
        if VOID.contains(&name) || matches!(name, "html" | "body") {
            if BLOCKS.contains(&name) {
                self.flush();
            }
            return TokenSinkResult::Continue;
        }
        if tag.self_closing && foreign {
            return TokenSinkResult::Continue;
        }
        let closed = closes(name);
        while !closed.is_empty() && self.top_is(closed) {
            self.pop();
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
        if self.stack.len() >= MAX_DEPTH {
            self.too_deep += 1;
            self.excess += 1;
            return TokenSinkResult::Continue;
        }
        let depth = self.stack.len();
        self.push(name, foreign);
        let parts = [
            (name == "article", &mut self.article.0),
            (name == "main", &mut self.main.0),
            (name == "h1", &mut self.h1.0),
            (name == "title" && !foreign, &mut self.title.0),
        ];
        for (is, part) in parts {
            if is && *part == Part::NotSeen {
                *part = Part::Open(depth);
            }
        }
        let byline = attr("rel") == Some("author")
            || attr("itemprop") == Some("author")
            || attr("class").is_some_and(|c| c.split_ascii_whitespace().any(|k| k == "byline"));
        if byline && self.byline.0 == Part::NotSeen {
            self.byline = (Part::Open(depth), String::new());
        }
        if foreign {
            return TokenSinkResult::Continue;
        }
        let kind = match name {
            "script" => RawKind::ScriptData,
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => RawKind::Rawtext,
            "textarea" | "title" => RawKind::Rcdata,
            "plaintext" => return TokenSinkResult::Plaintext,
            _ => return TokenSinkResult::Continue,
        };
        self.raw = true;
        TokenSinkResult::RawData(kind)
    }

    fn end(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        self.raw = false;
        if self.excess > 0 {
            self.excess -= 1;
            return;
        }
        if matches!(name, "br" | "p") && !self.is_open(name) {
            // `</br>` is a `<br>` and `</p>` an empty paragraph: both end a paragraph.
            self.flush();
        } else if self.is_open(name) {
            self.close(name);
        }
    }

    /// Metadata carried by attributes: meta tags, `<time datetime>`, the canonical link and
    /// the page's language.
    fn facts<'t>(&mut self, name: &str, attr: &dyn Fn(&str) -> Option<&'t str>) {
        match name {
            "meta" => {
                if let Some(content) = attr("content") {
                    let keys = ["property", "name", "itemprop"]
                        .iter()
                        .filter_map(|k| attr(k).map(str::to_string))
                        .collect();
                    self.metas.push((keys, squash(content)));
                }
            }
            "time" if self.time.is_none() => {
                self.time = attr("datetime").and_then(parse_date);
            }
            "link" if self.canonical.is_none() && attr("rel") == Some("canonical") => {
                self.canonical = Some(attr("href").map(str::to_string));
            }
            "html" if self.lang.is_none() => self.lang = attr("lang").map(str::to_string),
            _ => {}
        }
    }

    /// The content of the first `<meta>` whose `property`, `name` or `itemprop` is one of
    /// `keys` (earlier keys first).
    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| {
            self.metas
                .iter()
                .find(|(names, c)| {
                    !c.is_empty() && names.iter().any(|n| n.eq_ignore_ascii_case(key))
                })
                .map(|(_, c)| c.clone())
        })
    }

    fn article(mut self) -> Article {
        while !self.stack.is_empty() {
            self.pop();
        }
        self.flush();
        let text = if self.article.0 != Part::NotSeen {
            &self.article.1.blocks
        } else if self.main.0 != Part::NotSeen {
            &self.main.1.blocks
        } else {
            &self.page.blocks
        }
        .join("\n\n");
        let title = Some(squash(&self.h1.1))
            .filter(|t| !t.is_empty())
            .or_else(|| self.meta(&["og:title", "twitter:title"]))
            .or_else(|| Some(squash(&self.title.1)))
            .filter(|t| !t.is_empty());
        let date = self
            .meta(&[
                "article:published_time",
                "datePublished",
                "date",
                "pubdate",
                "publish-date",
                "dc.date",
                "og:published_time",
            ])
            .and_then(|d| parse_date(&d))
            .or(self.time);
        let byline = self
            .meta(&["author", "article:author", "dc.creator"])
            .filter(|a| !a.starts_with("http"))
            .or_else(|| Some(squash(&self.byline.1)).filter(|b| !b.is_empty()));
        let url = self.canonical.clone().flatten().or_else(|| self.meta(&["og:url"]));
        let lang = self
            .lang
            .as_deref()
            .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_lowercase())
            .filter(|l| !l.is_empty());
        Article { title, byline, date, url, lang, text, ..Article::default() }
    }
}

/// Receives the tokens; the walk's state lives in a `RefCell` (html5ever's sink API takes
/// `&self`).
#[derive(Default)]
struct Sink {
    page: RefCell<Page>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut page = self.page.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => return page.start(&tag),
                TagKind::EndTag => page.end(&tag),
            },
            Token::CharacterTokens(t) => page.text(&t),
            _ => {} // comments, doctype, NULs, parse errors, the end
        }
        TokenSinkResult::Continue
    }
}

/// Collapses runs of whitespace (HTML source line breaks) into one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(html: &str) -> Vec<String> {
        parse(html).text.split("\n\n").filter(|p| !p.is_empty()).map(str::to_string).collect()
    }

    #[test]
    fn implied_ends_make_paragraphs() {
        assert_eq!(
            paragraphs("<p>one<p>two<ul><li>a<li>b</ul>three"),
            ["one", "two", "a", "b", "three"]
        );
        assert_eq!(paragraphs("a<br>b</br>c"), ["a", "b", "c"]);
        assert_eq!(paragraphs("<table><tr><td>1<td>2<tr><td>3</table>x"), ["12", "3", "x"]);
    }

    #[test]
    fn head_ends_without_its_end_tag_and_raw_text_is_not_markup() {
        let page = "<html><head><title>T &amp; U</title><script>if (a<b) {}</script><p>Body";
        let a = parse(page);
        assert_eq!(a.title.as_deref(), Some("T & U"));
        assert_eq!(a.text, "Body");
        assert_eq!(paragraphs("<style>p{}</style><noscript><p>x</p></noscript>ok"), ["ok"]);
    }

    #[test]
    fn svg_keeps_to_itself_and_html_breaks_out_of_it() {
        assert_eq!(
            paragraphs("<svg><title>icon</title><path d='m'/><style>.x{}</style></svg>text"),
            ["text"]
        );
        assert_eq!(paragraphs("<svg><g><p>broke out"), ["broke out"]);
    }

    #[test]
    fn the_first_article_main_h1_and_byline_win() {
        let page = "<body><div class='byline'> </div><h1>First</h1><article><p>in</p>\
                    <span rel=author>Ana Lima</span></article><p>out</p><article>second</article>";
        let a = parse(page);
        assert_eq!(a.text, "in\n\nAna Lima");
        assert_eq!(a.title.as_deref(), Some("First"));
        assert_eq!(a.byline.as_deref(), Some("Ana Lima"));
        assert_eq!(parse("<main>m</main>x").text, "m");
    }

    #[test]
    fn deep_and_lingering_markup_costs_linear_work_and_says_so() {
        let n = 100_000;
        let deep = format!("{}deep text{}", "<div>".repeat(n), "</div>".repeat(n));
        let (a, warning) = parse_page(&deep);
        assert_eq!(a.text, "deep text");
        let w = warning.expect("a warning");
        assert!(w.contains("nested too deeply") && w.contains(&(n - MAX_DEPTH).to_string()), "{w}");
        // Unclosed formatting elements: a tree builder re-opens them in every paragraph.
        let lingering: String = (0..20_000).map(|i| format!("<p><b id={i}>w{i}</p>")).collect();
        let (a, warning) = parse_page(&lingering);
        assert_eq!(a.text.split("\n\n").count(), 20_000);
        assert!(warning.is_none());
        let unclosed = "<div>".repeat(n) + "end";
        assert_eq!(parse_page(&unclosed).0.text, "end");
    }
}
