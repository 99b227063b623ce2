//! Markdown: markup stripped for display with pulldown-cmark, one paragraph per block.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::Article;

/// Plain text of a Markdown file; a leading level-1 heading is the title.
pub fn parse(content: &str) -> Article {
    let mut blocks: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut title = None;
    let mut in_h1 = false;
    for ev in Parser::new(content) {
        match ev {
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) => in_h1 = blocks.is_empty(),
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak => cur.push(' '),
            Event::End(end) => {
                let block_end = matches!(
                    end,
                    TagEnd::Paragraph
                        | TagEnd::Heading(_)
                        | TagEnd::Item
                        | TagEnd::CodeBlock
                        | TagEnd::TableRow
                        | TagEnd::TableHead
                        | TagEnd::BlockQuote(_)
                );
                if block_end {
                    flush(&mut cur, &mut blocks);
                    if in_h1 && matches!(end, TagEnd::Heading(_)) {
                        title = blocks.last().cloned();
                        in_h1 = false;
                    }
                } else if matches!(end, TagEnd::TableCell) {
                    cur.push_str("  ");
                }
            }
            _ => {} // raw HTML, rules, footnote markers: nothing to read
        }
    }
    flush(&mut cur, &mut blocks);
    Article { title, text: blocks.join("\n\n"), ..Article::default() }
}

/// Ends a block: code blocks keep their lines, everything else is one paragraph line.
fn flush(cur: &mut String, blocks: &mut Vec<String>) {
    let text = cur.trim();
    if !text.is_empty() {
        blocks.push(text.to_string());
    }
    cur.clear();
}
