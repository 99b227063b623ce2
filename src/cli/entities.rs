//! `qari entities`: the entities and dates of each document, as JSON Lines (the contract in
//! DESIGN.md) or as a readable listing.

use std::io::Write;
use std::path::PathBuf;

use serde_json::json;

use super::CliError;
use super::output::json_line;
use crate::text::printable::printable;

/// Prints each document's entities and dates; `json` selects JSON Lines, one object per document.
pub fn run(json: bool, paths: &[PathBuf], no_cache: bool) -> Result<(), CliError> {
    let archive = super::open_archive(paths, no_cache, false)?;
    let store = &archive.store;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for id in store.live_ids() {
        let (d, a, body) = (&store.docs[id], &store.annotations[id], store.text(id));
        let text = |r: &std::ops::Range<usize>| body.get(r.clone()).unwrap_or("").to_string();
        if json {
            let entities: Vec<_> = a
                .mentions
                .iter()
                .map(|m| {
                    json!({"text": text(&m.range()), "type": m.kind.label(),
                           "canonical": store.entity_name(m.entity),
                           "start": m.start, "end": m.end})
                })
                .collect();
            let dates: Vec<_> = a
                .dates
                .iter()
                .map(|x| {
                    json!({"text": text(&x.range), "value": x.value_string(),
                           "granularity": x.granularity, "start": x.range.start, "end": x.range.end})
                })
                .collect();
            let obj = json!({"path": d.path, "title": d.title,
                             "date": d.date.map(|x| x.format("%Y-%m-%d").to_string()),
                             "lang": d.lang, "entities": entities, "dates": dates});
            json_line(&mut out, &obj)?;
        } else {
            let mut s = format!("{} — {}\n", printable(&d.path), printable(&d.title));
            for m in &a.mentions {
                let surface = printable(&text(&m.range())).into_owned();
                let canonical = printable(store.entity_name(m.entity)).into_owned();
                let also =
                    if surface == canonical { String::new() } else { format!(" → {canonical}") };
                s.push_str(&format!(
                    "  {:<6} {surface}{also}  [{}..{}]\n",
                    m.kind.label(),
                    m.start,
                    m.end
                ));
            }
            for x in &a.dates {
                s.push_str(&format!(
                    "  DATE   {} = {}  [{}..{}]\n",
                    printable(&text(&x.range)),
                    x.value_string(),
                    x.range.start,
                    x.range.end
                ));
            }
            writeln!(out, "{s}")?;
        }
    }
    Ok(())
}
