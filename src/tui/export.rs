//! Exporting a list the reader shows (documents, search results, an entity's documents, the
//! timeline, bookmarks) as JSON Lines, CSV or Markdown: rows in, the file's bytes out. Pure —
//! no terminal, no file system — so every list can reuse it and tests check the bytes.

use std::path::Path;

use serde::Serialize;

/// One exported row: a document, or a passage of one (a result's snippet, a mention's or a
/// date's sentence, a bookmark's note).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ExportRow {
    /// The row's date: the publication date (`YYYY-MM-DD`), or a timeline event's value
    /// (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: Option<String>,
    /// The document's title.
    pub title: String,
    /// Language code.
    pub lang: String,
    /// The document's path as `qari list` names it.
    pub path: String,
    /// The article's URL, when it states one.
    pub url: Option<String>,
    /// The passage the row is about (one line), if any.
    pub passage: Option<String>,
    /// The user's note on it (a bookmark's), if any.
    pub note: Option<String>,
}

/// A file format for an export, chosen by the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.jsonl`: one JSON object per row.
    JsonLines,
    /// `.csv`: a header row, then one record per row (RFC 4180 quoting).
    Csv,
    /// `.md`: a Markdown table, titles linked to their URLs.
    Markdown,
}

impl Format {
    /// The format a file name asks for (`.jsonl`, `.csv`, `.md`, any case); `None` otherwise.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" => Some(Format::JsonLines),
            "csv" => Some(Format::Csv),
            "md" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// The columns, in order, of the CSV header and the Markdown table.
pub const COLUMNS: [&str; 7] = ["date", "title", "lang", "path", "url", "passage", "note"];

/// The bytes of a file holding `rows` in `format`. Fails only if a row cannot be encoded
/// (the message says why).
pub fn render(rows: &[ExportRow], format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::JsonLines => {
            let mut out = Vec::new();
            for r in rows {
                serde_json::to_writer(&mut out, r).map_err(|e| e.to_string())?;
                out.push(b'\n');
            }
            Ok(out)
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(COLUMNS).map_err(|e| e.to_string())?;
            for r in rows {
                let opt = |o: &Option<String>| o.clone().unwrap_or_default();
                w.write_record([
                    opt(&r.date),
                    r.title.clone(),
                    r.lang.clone(),
                    r.path.clone(),
                    opt(&r.url),
                    opt(&r.passage),
                    opt(&r.note),
                ])
                .map_err(|e| e.to_string())?;
            }
            w.into_inner().map_err(|e| e.to_string())
        }
        Format::Markdown => Ok(markdown(rows).into_bytes()),
    }
}

fn markdown(rows: &[ExportRow]) -> String {
    let mut out = format!("| {} |\n|{}\n", COLUMNS.join(" | "), "---|".repeat(COLUMNS.len()));
    for r in rows {
        let title = cell(&r.title).replace('[', "\\[").replace(']', "\\]");
        // An angle-bracket destination takes any URL without spaces or angle brackets.
        let linkable =
            |u: &&String| !u.contains(|c: char| c.is_whitespace() || c == '<' || c == '>');
        let title = match r.url.as_ref().filter(linkable) {
            Some(u) => format!("[{title}](<{}>)", u.replace('|', "%7C")),
            None => title,
        };
        let opt = |o: &Option<String>| o.as_deref().map(cell).unwrap_or_default();
        out.push_str(&format!(
            "| {} | {title} | {} | {} | {} | {} | {} |\n",
            opt(&r.date),
            cell(&r.lang),
            cell(&r.path),
            opt(&r.url),
            opt(&r.passage),
            opt(&r.note)
        ));
    }
    out
}

/// Text safe inside a Markdown table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<ExportRow> {
        vec![
            ExportRow {
                date: Some("2018-06-13".into()),
                title: "Ri meets Pompeo, \"again\"".into(),
                lang: "en".into(),
                path: "news/en.txt".into(),
                url: Some("https://example.com/a?b=1|2".into()),
                passage: Some("He said: a | b\nand more.".into()),
                note: Some("check, later".into()),
            },
            ExportRow {
                date: None,
                title: "ري يونغ هو [تقرير]".into(),
                lang: "ar".into(),
                path: "news/ar.txt".into(),
                url: None,
                passage: None,
                note: None,
            },
        ]
    }

    #[test]
    fn the_extension_names_the_format() {
        assert_eq!(Format::from_path(Path::new("out.jsonl")), Some(Format::JsonLines));
        assert_eq!(Format::from_path(Path::new("a/b.CSV")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("list.md")), Some(Format::Markdown));
        assert_eq!(Format::from_path(Path::new("list.txt")), None);
        assert_eq!(Format::from_path(Path::new("list")), None);
    }

    #[test]
    fn json_lines_hold_one_object_per_row() {
        let out = String::from_utf8(render(&rows(), Format::JsonLines).unwrap()).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(first["title"], "Ri meets Pompeo, \"again\"");
        assert_eq!(first["passage"], "He said: a | b\nand more.");
        assert_eq!(
            lines[1],
            r#"{"date":null,"title":"ري يونغ هو [تقرير]","lang":"ar","path":"news/ar.txt","url":null,"passage":null,"note":null}"#
        );
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        let out = String::from_utf8(render(&rows(), Format::Csv).unwrap()).unwrap();
        assert_eq!(
            out,
            "date,title,lang,path,url,passage,note\n\
             2018-06-13,\"Ri meets Pompeo, \"\"again\"\"\",en,news/en.txt,https://example.com/a?b=1|2,\"He said: a | b\nand more.\",\"check, later\"\n\
             ,ري يونغ هو [تقرير],ar,news/ar.txt,,,\n"
        );
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let back: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(&back[0][5], "He said: a | b\nand more.");
    }

    #[test]
    fn markdown_is_a_table_with_linked_titles_and_escaped_pipes() {
        let out = String::from_utf8(render(&rows(), Format::Markdown).unwrap()).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "| date | title | lang | path | url | passage | note |");
        assert_eq!(lines[1], "|---|---|---|---|---|---|---|");
        assert_eq!(
            lines[2],
            "| 2018-06-13 | [Ri meets Pompeo, \"again\"](<https://example.com/a?b=1%7C2>) | en | \
             news/en.txt | https://example.com/a?b=1\\|2 | He said: a \\| b and more. | check, later |"
        );
        assert_eq!(lines[3], "|  | ري يونغ هو \\[تقرير\\] | ar | news/ar.txt |  |  |  |");
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn an_empty_list_is_a_header_alone() {
        assert_eq!(render(&[], Format::JsonLines).unwrap(), b"");
        assert_eq!(render(&[], Format::Csv).unwrap(), b"date,title,lang,path,url,passage,note\n");
        assert_eq!(
            render(&[], Format::Markdown).unwrap().iter().filter(|&&b| b == b'\n').count(),
            2
        );
    }
}
