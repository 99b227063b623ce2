//! `qari corrections`: the user's entity corrections in the state database — listed, exported
//! to JSON Lines or imported from them (how a team shares its corrections) — and the loading
//! every command does before it opens an archive.

use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::Arc;

use super::CliError;
use super::output::{json_line, warn};
use crate::state::StateDb;
use crate::store::{Correction, Corrections};
use crate::text::printable::{printable, printable_path};

/// Lists the corrections (readable lines, or JSON Lines with their ids), or exports them to
/// `export` (JSON Lines, one correction a line), imports `import`'s lines, or deletes the
/// one with id `remove`.
pub fn run(
    json: bool,
    export: Option<&Path>,
    import: Option<&Path>,
    remove: Option<i64>,
) -> Result<(), CliError> {
    let db = StateDb::open_default().map_err(|e| CliError::Input(e.to_string()))?;
    let internal = |e: crate::state::StateError| CliError::Internal(e.to_string());
    if let Some(file) = import {
        return import_from(&db, file);
    }
    let rows = db.corrections().map_err(internal)?;
    if let Some(id) = remove {
        let Some((_, body)) = rows.iter().find(|(row, _)| *row == id) else {
            return Err(CliError::Input(format!(
                "no correction {id} (qari corrections lists them)"
            )));
        };
        db.remove_correction(id).map_err(internal)?;
        let what = Correction::from_json(body).map_or_else(|_| body.clone(), |c| c.describe());
        warn(&format!("removed {id}: {what}"));
        return Ok(());
    }
    let (list, bad) = Corrections::from_rows(rows);
    for b in &bad {
        warn(b);
    }
    if let Some(file) = export {
        let io = |e: std::io::Error| CliError::Input(format!("{}: {e}", printable_path(file)));
        let mut out = std::io::BufWriter::new(std::fs::File::create(file).map_err(io)?);
        for (_, c) in &list.items {
            json_line(&mut out, c)?;
        }
        out.flush().map_err(io)?;
        let n = list.items.len();
        warn(&format!("{n} correction{} written to {}", plural(n), printable_path(file)));
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    for (id, c) in &list.items {
        if json {
            let mut v = serde_json::to_value(c).map_err(|e| CliError::Internal(e.to_string()))?;
            if let Some(o) = v.as_object_mut() {
                o.insert("id".into(), (*id).into());
            }
            json_line(&mut out, &v)?;
        } else {
            writeln!(out, "{id:>5}  {}", printable(&c.describe()))?;
        }
    }
    if list.is_empty() && !json {
        warn(&format!("no corrections in {}", printable_path(db.path())));
    }
    Ok(())
}

/// Imports every valid line of `file` (an `id` field, as `--json` prints, is ignored; a
/// correction already stored is not stored twice). A bad line is named with its number and
/// skipped; any bad line makes the command fail once the good ones are in.
fn import_from(db: &StateDb, file: &Path) -> Result<(), CliError> {
    let io = |e: std::io::Error| CliError::Input(format!("{}: {e}", printable_path(file)));
    let reader = std::io::BufReader::new(std::fs::File::open(file).map_err(io)?);
    let internal = |e: crate::state::StateError| CliError::Internal(e.to_string());
    let (stored, _) = Corrections::from_rows(db.corrections().map_err(internal)?);
    let mut have: Vec<Correction> = stored.items.into_iter().map(|(_, c)| c).collect();
    let (mut added, mut same, mut bad) = (0, 0, 0);
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(&line) {
            Ok(c) if have.contains(&c) => same += 1,
            Ok(c) => {
                db.add_correction(&c.to_json()).map_err(internal)?;
                have.push(c);
                added += 1;
            }
            Err(e) => {
                bad += 1;
                warn(&format!("{}:{}: {e}; line skipped", printable_path(file), n + 1));
            }
        }
    }
    let mut summary = format!("{added} correction{} imported", plural(added));
    if same > 0 {
        summary.push_str(&format!(", {same} already there"));
    }
    if bad > 0 {
        return Err(CliError::Input(format!("{summary}, {bad} bad line{} skipped", plural(bad))));
    }
    warn(&summary);
    Ok(())
}

/// One line of an import: a correction object, its `id` (from `--json`) ignored.
fn parse_line(line: &str) -> Result<Correction, String> {
    let mut v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    if let Some(o) = v.as_object_mut() {
        o.remove("id");
    }
    Correction::from_json(&v.to_string())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The corrections every command and the reader apply, from the state database. A database
/// that cannot be opened, or a row that does not parse, is a note: the archive opens
/// uncorrected rather than not at all.
pub fn stored() -> (Arc<Corrections>, Vec<String>) {
    // No database yet: nothing to apply, and a command does not create one to find out.
    if crate::state::default_path().is_ok_and(|p| !p.exists()) {
        return (Arc::default(), Vec::new());
    }
    let rows = StateDb::open_default().and_then(|db| db.corrections());
    match rows {
        Ok(rows) => {
            let (c, notes) = Corrections::from_rows(rows);
            (Arc::new(c), notes)
        }
        Err(e) => (Arc::default(), vec![format!("corrections not applied: {e}")]),
    }
}
