//! How HTML elements nest, as far as reading an article's text needs: which elements never
//! have content, which start tags end an open `<p>`, `<li>` or cell, what `<head>` may hold,
//! and where SVG and MathML content ends. Tables from the HTML standard's tree-construction
//! rules, reduced to what changes the stack of open elements.

/// Elements that never have content, so never nest.
pub(super) const VOID: [&str; 16] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "frame",
];

/// Start tags that may stay inside `<head>`; any other, or text, ends it.
pub(super) const IN_HEAD: [&str; 11] = [
    "base", "basefont", "bgsound", "link", "meta", "title", "noscript", "script", "style",
    "template", "head",
];

/// Start tags that close an open `<p>` (HTML's "close a p element in button scope").
pub(super) const CLOSES_P: [&str; 34] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "ul",
    "pre",
    "table",
    "section",
    "summary",
];

/// HTML start tags that end SVG or MathML content they appear in ("breakout" tags).
pub(super) const BREAKOUT: [&str; 44] = [
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// The elements a `name` start tag closes when one of them is the innermost open one.
pub(super) fn closes(name: &str) -> &'static [&'static str] {
    match name {
        "li" => &["li", "p"],
        "dt" | "dd" => &["dt", "dd", "p"],
        "option" => &["option"],
        "optgroup" => &["option", "optgroup"],
        "tr" => &["tr", "td", "th"],
        "td" | "th" => &["td", "th"],
        "thead" | "tbody" | "tfoot" => &["thead", "tbody", "tfoot", "tr", "td", "th"],
        "rb" | "rt" | "rp" | "rtc" => &["rb", "rt", "rp", "rtc"],
        n if CLOSES_P.contains(&n) => &["p"],
        _ => &[],
    }
}

/// SVG and MathML elements whose content is HTML again.
pub(super) fn integration(name: &str) -> bool {
    matches!(
        name,
        "foreignObject" | "foreignobject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext"
    )
}

/// `<font>` ends foreign content only with a colour, face or size.
pub(super) fn font_breaks_out<'t>(attr: &dyn Fn(&str) -> Option<&'t str>) -> bool {
    ["color", "face", "size"].iter().any(|k| attr(k).is_some())
}
