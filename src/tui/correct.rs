//! Correcting entities from the reader: a small menu for the entity selected in the side
//! panel or shown in the entity view (type, rename, merge into…, reject here or everywhere,
//! undo), prompts on the line editor, and a keyboard selection in the reading pane that adds
//! a mention extraction missed.
//!
//! A correction is not applied here: `update` asks the event loop to save it
//! ([`Effect::SaveCorrection`]) and the loop hands it back with its row id
//! ([`CorrectAction::Saved`]); then the store is corrected again in memory from its raw
//! extraction, so the side panel, the entity view, `]`/`[`, the timeline and search follow
//! at once.

use std::ops::Range;
use std::sync::Arc;

use unicode_segmentation::UnicodeSegmentation;

use super::action::Effect;
use super::app::{App, Pane};
use super::editor::{Edit, LineEditor};
use super::keymap::Mode;
use super::nav::{NavAction, NavView};
use crate::extract::EntityKind;
use crate::store::corrections::{Anchor, Correction, Corrections, doc_hash};
use crate::store::{EntityInfo, EntityRef, Store};

/// What the user can ask of the correction features.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum CorrectAction {
    /// Open the correction menu for the selected entity.
    Menu,
    /// Ask which type the entity is.
    AskKind,
    /// This type, for the entity or the selected text.
    Kind(EntityKind),
    /// Prompt for a new canonical name.
    Rename,
    /// Prompt for the entity to merge this one into.
    Merge,
    /// Not an entity in the open document.
    RejectHere,
    /// Not an entity anywhere.
    RejectEverywhere,
    /// Take back the last correction of this entity.
    Undo,
    /// Start a selection in the reading pane (the first word on screen).
    Select,
    /// The selection moves to the next word.
    NextWord,
    /// The selection moves to the previous word.
    PrevWord,
    /// The selection takes one more word.
    Longer,
    /// The selection gives up its last word.
    Shorter,
    /// The selection moves to the first word of the next line.
    NextLine,
    /// The selection moves to the first word of the previous line.
    PrevLine,
    /// Add the selected text as a mention (asks its type, then its name).
    Add,
    /// The mouse dragged (left button) to this screen cell: the words from where it went
    /// down to here are selected.
    DragTo { column: u16, row: u16 },
    /// Close the menu, prompt or selection.
    Cancel,
    /// The loop saved `correction` as row `id` (0 and `error` when it could not).
    Saved { id: i64, correction: Correction, error: Option<String> },
    /// The loop removed row `id` (`error` when it could not).
    Removed { id: i64, error: Option<String> },
}

impl CorrectAction {
    /// The name [`super::action::Action::name`] gives it (the config file's and the help's):
    /// `correct_` and the variant in snake_case, a type with its kind (`correct_kind_place`).
    pub fn name(&self) -> String {
        match self {
            CorrectAction::Kind(k) => format!("correct_kind_{}", k.label().to_lowercase()),
            a => format!("correct_{}", <&'static str>::from(a)),
        }
    }
}

/// What a correction prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asking {
    /// A new canonical name for the entity.
    Rename(EntityRef),
    /// The entity to merge this one into.
    MergeInto(EntityRef),
    /// The name of the entity the selected text mentions.
    Name { doc: usize, range: Range<usize>, kind: EntityKind },
}

/// What the type choice is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KindFor {
    Entity(EntityRef),
    Mention { doc: usize, range: Range<usize> },
}

/// The open correction menu, prompt or selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correcting {
    /// The menu for `entity` (`doc`: the open document, for "reject here").
    Menu { entity: EntityRef, doc: Option<usize> },
    /// Choosing a type.
    Kind(KindFor),
    /// A line being typed; `completion` counts Tab presses (merge: the n-th candidate).
    Prompt { asking: Asking, editor: LineEditor, completion: usize },
    /// Text selected in the reading pane (a byte range of document `doc`).
    Select { doc: usize, range: Range<usize> },
}

impl Correcting {
    /// The key bindings that apply (a prompt types through the search line's bindings).
    pub fn mode(&self) -> Mode {
        match self {
            Correcting::Menu { .. } | Correcting::Kind(_) => Mode::Correct,
            Correcting::Prompt { .. } => Mode::SearchLine,
            Correcting::Select { .. } => Mode::Select,
        }
    }
}

/// Applies one correction action.
pub fn update(app: &mut App, action: CorrectAction) -> Vec<Effect> {
    use CorrectAction as C;
    let state = app.correct.clone();
    let save = |c: Correction| vec![Effect::SaveCorrection(c)];
    match (action, state) {
        (C::Menu, _) => match selected_entity(app) {
            Some(entity) => {
                app.correct = Some(Correcting::Menu { entity, doc: app.reader.doc });
            }
            None => {
                app.message =
                    Some("select an entity first (side panel, or the entity view)".into());
            }
        },
        (C::AskKind, Some(Correcting::Menu { entity, .. })) => {
            app.correct = Some(Correcting::Kind(KindFor::Entity(entity)));
        }
        (C::Kind(kind), Some(Correcting::Menu { entity, .. }))
        | (C::Kind(kind), Some(Correcting::Kind(KindFor::Entity(entity)))) => {
            app.correct = None;
            if let Some(id) = id_of(&app.store, entity) {
                return save(Correction::SetKind { entity: id, kind });
            }
        }
        (C::Kind(kind), Some(Correcting::Kind(KindFor::Mention { doc, range }))) => {
            let text = app.store.text(doc).get(range.clone()).unwrap_or_default();
            let editor = LineEditor::new(text);
            let asking = Asking::Name { doc, range, kind };
            app.correct = Some(Correcting::Prompt { asking, editor, completion: 0 });
        }
        (C::Rename, Some(Correcting::Menu { entity, .. })) => {
            let editor = LineEditor::selected(app.store.entity_name(entity));
            app.correct =
                Some(Correcting::Prompt { asking: Asking::Rename(entity), editor, completion: 0 });
        }
        (C::Merge, Some(Correcting::Menu { entity, .. })) => {
            let asking = Asking::MergeInto(entity);
            app.correct =
                Some(Correcting::Prompt { asking, editor: LineEditor::default(), completion: 0 });
        }
        (C::RejectHere, Some(Correcting::Menu { entity, doc })) => {
            app.correct = None;
            let (Some(id), Some(doc)) = (id_of(&app.store, entity), doc) else {
                app.message = Some("no document open".into());
                return Vec::new();
            };
            let key = doc_hash(app.store.text(doc));
            return save(Correction::Reject { entity: id, doc: Some(key) });
        }
        (C::RejectEverywhere, Some(Correcting::Menu { entity, .. })) => {
            app.correct = None;
            if let Some(id) = id_of(&app.store, entity) {
                return save(Correction::Reject { entity: id, doc: None });
            }
        }
        (C::Undo, Some(Correcting::Menu { entity, .. })) => {
            app.correct = None;
            let id = id_of(&app.store, entity).unwrap_or_default();
            // The last correction about it, or one that merged another entity into it.
            let list = &app.store.corrections.list;
            let last = list.last_for(&id).or_else(|| {
                list.items
                    .iter()
                    .rev()
                    .find(|(_, c)| matches!(c, Correction::Merge { into, .. } if *into == id))
            });
            match last.cloned() {
                Some((row, _)) => return vec![Effect::RemoveCorrection(row)],
                None => app.message = Some("no correction of this entity to undo".into()),
            }
        }
        (C::Select, _) => start_selection(app),
        (
            a @ (C::NextWord | C::PrevWord | C::Longer | C::Shorter | C::NextLine | C::PrevLine),
            Some(Correcting::Select { doc, range }),
        ) => {
            let range = move_selection(app, doc, range, &a);
            app.reveal(range.start);
            app.correct = Some(Correcting::Select { doc, range });
        }
        (C::DragTo { column, row }, _) => {
            let (Some((doc, from)), Some(to)) = (app.pressed, byte_at(app, column, row)) else {
                return Vec::new();
            };
            if app.reader.doc != Some(doc) || app.nav.mode().is_some() || app.overlay.is_some() {
                return Vec::new();
            }
            let text = app.store.text(doc);
            let (a, b) = (from.min(to), from.max(to));
            if let (Some(first), Some(last)) = (word_at(text, a), word_at(text, b)) {
                app.correct = Some(Correcting::Select { doc, range: first.start..last.end });
            }
        }
        (C::Add, Some(Correcting::Select { doc, range })) => {
            app.correct = Some(Correcting::Kind(KindFor::Mention { doc, range }));
        }
        (C::Cancel, _) => app.correct = None,
        (C::Saved { id, correction, error }, _) => {
            let mut list = (*app.store.corrections.list).clone();
            list.items.push((id, correction.clone()));
            apply(app, list, Some(&correction));
            app.message = Some(match error {
                Some(e) => format!("corrected for this session; not saved: {e}"),
                None => format!("corrected: {}", correction.describe()),
            });
        }
        (C::Removed { id, error }, _) => {
            if let Some(e) = error {
                app.message = Some(format!("undo failed: {e}"));
                return Vec::new();
            }
            let mut list = (*app.store.corrections.list).clone();
            let gone =
                list.items.iter().position(|(row, _)| *row == id).map(|i| list.items.remove(i));
            apply(app, list, None);
            if let Some((_, c)) = gone {
                app.message = Some(format!("undone: {}", c.describe()));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// A key of the prompt (the search line's bindings): edits, Tab to complete a merge target,
/// Enter to accept, Esc to leave.
pub fn prompt(app: &mut App, action: NavAction) -> Vec<Effect> {
    let Some(Correcting::Prompt { asking, mut editor, mut completion }) = app.correct.clone()
    else {
        return Vec::new();
    };
    let edit = match action {
        NavAction::Input(c) => Some(Edit::Insert(c)),
        NavAction::Backspace => Some(Edit::Backspace),
        NavAction::Edit(e) => Some(e),
        NavAction::Down | NavAction::Up => {
            if let Asking::MergeInto(me) = asking {
                let found = candidates(&app.store, &typed(&editor, completion), me);
                if !found.is_empty() {
                    completion += 1;
                    let i = (completion - 1) % found.len();
                    editor.set(&found[i].canonical);
                }
            }
            None
        }
        NavAction::Cancel => {
            app.correct = None;
            return Vec::new();
        }
        NavAction::Enter => return accept(app, asking, editor.text().trim()),
        _ => None,
    };
    if let Some(e) = edit {
        editor.apply(e);
        completion = 0;
    }
    app.correct = Some(Correcting::Prompt { asking, editor, completion });
    Vec::new()
}

/// What the user typed before Tab put a completion in the line.
fn typed(editor: &LineEditor, completion: usize) -> String {
    if completion == 0 { editor.text().to_string() } else { String::new() }
}

/// Entities whose name starts with `prefix` (folded), most mentioned first, `me` aside.
pub fn candidates<'a>(store: &'a Store, prefix: &str, me: EntityRef) -> Vec<&'a EntityInfo> {
    let key = crate::store::entities::name_key(prefix);
    store
        .entities
        .entities
        .iter()
        .filter(|e| e.entity != me)
        .filter(|e| {
            crate::store::entities::name_key(&e.canonical).starts_with(&key)
                || e.surfaces.iter().any(|s| crate::store::entities::name_key(s).starts_with(&key))
        })
        .take(32)
        .collect()
}

/// The entity a merge prompt's text names: by any name of it (as `entity:` resolves), else
/// the first that starts so.
pub fn merge_target<'a>(store: &'a Store, text: &str, me: EntityRef) -> Option<&'a EntityInfo> {
    if text.trim().is_empty() {
        return None;
    }
    store
        .entities
        .find_by_name(text)
        .filter(|e| e.entity != me)
        .or_else(|| candidates(store, text, me).into_iter().next())
}

fn accept(app: &mut App, asking: Asking, text: &str) -> Vec<Effect> {
    let keep = |app: &mut App, why: &str| {
        app.message = Some(why.to_string());
        Vec::new()
    };
    if text.is_empty() {
        return keep(app, "type a name (Esc leaves)");
    }
    let c = match asking {
        Asking::Rename(e) => {
            let Some(entity) = id_of(&app.store, e) else { return keep(app, "entity gone") };
            Correction::Rename { entity, name: text.to_string() }
        }
        Asking::MergeInto(e) => {
            let Some(entity) = id_of(&app.store, e) else { return keep(app, "entity gone") };
            let Some(into) = merge_target(&app.store, text, e).map(|t| t.id.clone()) else {
                return keep(app, &format!("no entity named \"{text}\" (Tab completes)"));
            };
            Correction::Merge { entity, into }
        }
        Asking::Name { doc, range, kind } => {
            let body = app.store.text(doc);
            let known = app.store.entities.find_by_name(text);
            Correction::AddMention {
                doc: doc_hash(body),
                anchor: Anchor::of(body, range),
                kind,
                name: known.map_or_else(|| text.to_string(), |e| e.canonical.clone()),
                entity: known.map(|e| e.id.clone()),
            }
        }
    };
    app.correct = None;
    vec![Effect::SaveCorrection(c)]
}

/// The entity the menu is for: the entity view's, or the side panel's selection.
fn selected_entity(app: &App) -> Option<EntityRef> {
    if let Some(NavView::Entity { id, .. }) = &app.nav.view {
        return Some(*id);
    }
    (app.focus == Pane::Side).then(|| app.side.entities.get(app.side.selected).map(|e| e.id))?
}

fn id_of(store: &Store, e: EntityRef) -> Option<String> {
    store.table.get(e).map(|t| t.id.clone())
}

/// Re-corrects the store with `list` and keeps the reader on the same things; `made` is the
/// correction just made (a merge moves the selection and the entity view to its target).
fn apply(app: &mut App, list: Corrections, made: Option<&Correction>) {
    let selected = app.side.entities.get(app.side.selected).map(|e| e.id);
    let store = Arc::new(app.store.recorrected(Arc::new(list)));
    let target = match made {
        Some(Correction::Merge { into, .. }) => store.table.find(into),
        Some(Correction::AddMention { .. }) => made.and_then(|c| store.table.find(&c.entity())),
        _ => None,
    };
    let _ = super::refresh::apply(app, store, true);
    let follow = target.or(selected);
    if let Some(i) = follow.and_then(|e| app.side.entities.iter().position(|x| x.id == e)) {
        app.side.selected = i;
    }
    if let Some(NavView::Entity { id, .. }) = &mut app.nav.view
        && app.store.entities.get(*id).is_none()
    {
        match target {
            Some(t) => *id = t,
            None => app.nav.view = None,
        }
    }
    if app.nav.entity.is_some_and(|e| app.store.entities.get(e).is_none()) {
        app.nav.entity = target;
    }
}

/// A press of the left button in the reading pane at a screen cell: where a drag starts
/// (a selection made before is dropped).
pub fn press(app: &mut App, column: u16, row: u16) {
    app.pressed = byte_at(app, column, row).zip(app.reader.doc).map(|(b, d)| (d, b));
    if matches!(app.correct, Some(Correcting::Select { .. })) {
        app.correct = None;
    }
}

/// The logical byte the reading pane shows at a screen cell (the nearest cell of its line).
fn byte_at(app: &App, column: u16, row: u16) -> Option<usize> {
    let area = super::panes::reader_text_area(app.area(), app.focus)?;
    if row < area.y || row >= area.y + area.height || column < area.x {
        return None;
    }
    let rows = app.rows.as_ref()?;
    let line = match rows.rows.get(app.reader.top + usize::from(row - area.y))? {
        super::rows::Row::Line { line, .. } => line,
        super::rows::Row::Fold { logical, .. } => return Some(logical.start),
    };
    let col = usize::from(column - area.x).saturating_sub(line.indent);
    let mut x = 0;
    for c in &line.cells {
        if col < x + c.width.max(1) {
            return Some(c.logical.start);
        }
        x += c.width;
    }
    line.cells.last().map(|c| c.logical.start)
}

/// The word holding byte `at`, else the first word after it.
fn word_at(text: &str, at: usize) -> Option<Range<usize>> {
    let mut lo = at.saturating_sub(256).min(text.len());
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + 256).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    text.get(lo..hi)?
        .unicode_word_indices()
        .map(|(i, w)| lo + i..lo + i + w.len())
        .find(|w| w.end > at)
}

/// `v`: the first word on screen in the open document.
fn start_selection(app: &mut App) {
    let Some(doc) = app.reader.doc else {
        app.message = Some("no document open".into());
        return;
    };
    let from = app.visible_bytes().start;
    match word_from(app.store.text(doc), from) {
        Some(range) => {
            app.focus = Pane::Reader;
            app.correct = Some(Correcting::Select { doc, range });
        }
        None => app.message = Some("no words on screen".into()),
    }
}

/// The first word starting at or after byte `from`.
fn word_from(text: &str, from: usize) -> Option<Range<usize>> {
    let rest = text.get(from..)?;
    rest.unicode_word_indices().next().map(|(i, w)| from + i..from + i + w.len())
}

/// The last word ending at or before byte `to` (looking back a few kilobytes at most).
fn word_before(text: &str, to: usize) -> Option<Range<usize>> {
    let mut lo = to.saturating_sub(4096);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let part = text.get(lo..to)?;
    part.unicode_word_indices().next_back().map(|(i, w)| lo + i..lo + i + w.len())
}

fn move_selection(app: &mut App, doc: usize, r: Range<usize>, a: &CorrectAction) -> Range<usize> {
    let store = Arc::clone(&app.store);
    let text = store.text(doc);
    let moved = match a {
        CorrectAction::NextWord => word_from(text, first_word_end(text, &r)),
        CorrectAction::PrevWord => word_before(text, r.start),
        CorrectAction::Longer => word_from(text, r.end).map(|w| r.start..w.end),
        CorrectAction::Shorter => word_before(text, r.end)
            .and_then(|last| word_before(text, last.start))
            .filter(|w| w.start >= r.start)
            .map(|w| r.start..w.end),
        CorrectAction::NextLine | CorrectAction::PrevLine => {
            let down = *a == CorrectAction::NextLine;
            line_start(app, r.start, down).and_then(|at| word_from(text, at))
        }
        _ => None,
    };
    moved.unwrap_or(r)
}

fn first_word_end(text: &str, r: &Range<usize>) -> usize {
    word_from(text, r.start).map_or(r.end, |w| w.end)
}

/// The first byte of the reading pane's row below (or above) the one holding `byte`.
fn line_start(app: &mut App, byte: usize, down: bool) -> Option<usize> {
    let row = app.rows.as_ref()?.row_at(byte);
    let want = if down { row + 1 } else { row.checked_sub(1)? };
    app.ensure_rows(want + 1);
    app.rows.as_ref()?.rows.get(want).map(|r| r.start())
}
