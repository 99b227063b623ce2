//! Full-screen navigation views drawn over the panes: the archive search line with its
//! results, the entity view and the timeline; and the one-line find/filter prompt. Rows are
//! computed by pure functions so `update` (for `Enter`) and the view agree on them.

use std::ops::Range;

use chrono::NaiveDate;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Clear, Widget};

use super::{draw_line, one_line, pane_block, put};
use crate::extract::EntityKind;
use crate::store::EntityRef;
use crate::store::timeline::sentence_around;
use crate::text::plural;
use crate::tui::app::App;
use crate::tui::nav::NavView;
use crate::tui::search::LineKind;

/// Where `Enter` on a view row goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Open document `doc` with logical byte `byte` in view; `hl` is the byte range to mark.
    Doc {
        /// Document id.
        doc: usize,
        /// Logical byte to scroll into view.
        byte: usize,
        /// Byte range of the mention or date.
        hl: Range<usize>,
    },
    /// Open the view of this entity.
    Entity(EntityRef),
}

/// One row of a navigation view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewRow {
    /// The text (laid out with BiDi, so Arabic reads right-to-left).
    pub text: String,
    /// Section heading (bold).
    pub heading: bool,
    /// Indent in cells.
    pub indent: u16,
    /// Byte ranges of `text` to highlight.
    pub hl: Vec<Range<usize>>,
    /// What `Enter` does on this row (rows without one are skipped by the cursor).
    pub target: Option<Target>,
    /// The item of the view's list this row shows (a bookmark's index), for keys that act
    /// on it even when it has nowhere to go.
    pub item: Option<usize>,
}

pub(crate) fn row(text: String) -> ViewRow {
    ViewRow { text, heading: false, indent: 0, hl: Vec::new(), target: None, item: None }
}

pub(crate) fn heading(text: String) -> ViewRow {
    ViewRow { heading: true, ..row(text) }
}

/// Rows of the open navigation view (none when no view is open).
pub fn view_rows(app: &App) -> Vec<ViewRow> {
    match &app.nav.view {
        Some(NavView::Entity { id, .. }) => entity_rows(app, *id),
        Some(NavView::Timeline { .. }) => timeline_rows(app),
        Some(NavView::Bookmarks { .. }) => super::bookmarks::rows(app),
        None => Vec::new(),
    }
}

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Org => "organisation",
        EntityKind::Place => "place",
    }
}

/// A one-line context around `range` of `text`: its sentence, white space collapsed, cut to
/// about `max` characters around the mention; returns the line and the mention's bytes in it.
pub fn context_line(text: &str, range: Range<usize>, max: usize) -> (String, Range<usize>) {
    let s = sentence_around(text, range.clone());
    let (Some(before), Some(mid), Some(after)) =
        (text.get(s.start..range.start), text.get(range.clone()), text.get(range.end..s.end))
    else {
        return (String::new(), 0..0);
    };
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut b = squash(before);
    if before.ends_with(char::is_whitespace) && !b.is_empty() {
        b.push(' ');
    }
    let mut a = squash(after);
    if after.starts_with(char::is_whitespace) && !a.is_empty() {
        a.insert(0, ' ');
    }
    let room = max.saturating_sub(mid.chars().count());
    let keep_b = (room / 2).max(room.saturating_sub(a.chars().count()));
    let bn = b.chars().count();
    if bn > keep_b {
        b = format!("…{}", b.chars().skip(bn - keep_b.saturating_sub(1)).collect::<String>());
    }
    let keep_a = room.saturating_sub(b.chars().count());
    let an = a.chars().count();
    if an > keep_a {
        a = format!("{}…", a.chars().take(keep_a.saturating_sub(1)).collect::<String>());
    }
    let hl = b.len()..b.len() + mid.len();
    (format!("{b}{mid}{a}"), hl)
}

/// The entity view: names, counts, documents with context, "appears with", dates.
pub fn entity_rows(app: &App, id: EntityRef) -> Vec<ViewRow> {
    let mut out = Vec::new();
    let Some(e) = app.store.entities.get(id) else { return out };
    let docs = e.docs();
    out.push(heading(format!("{} — {}", e.canonical, kind_name(e.kind))));
    out.push(row(format!(
        "{} in {}",
        crate::text::plural(e.mentions.len(), "mention"),
        crate::text::plural(docs.len(), "document")
    )));
    out.push(row(format!("seen as: {}", e.surfaces.join(" · "))));
    out.push(row(String::new()));
    out.push(heading(format!("Documents ({})", docs.len())));
    let width = app.size.0.saturating_sub(6) as usize;
    // Mentions are in document order: one group per document, its first mention shown.
    for group in e.mentions.chunk_by(|a, b| a.doc == b.doc) {
        let d = group[0].doc();
        let Some(doc) = app.store.docs.get(d) else { continue };
        let Some(first) =
            app.store.annotations.get(d).and_then(|a| a.mentions.get(group[0].mention()))
        else {
            continue;
        };
        let date = doc.date.map(|x| x.to_string()).unwrap_or_else(|| "no date".into());
        let n = group.len();
        let file = doc.path.rsplit('/').next().unwrap_or(&doc.path);
        let target = Target::Doc { doc: d, byte: first.start as usize, hl: first.range() };
        out.push(ViewRow {
            indent: 1,
            target: Some(target),
            ..row(format!("{file} · {date} · {} · ×{n} · {}", doc.lang, doc.title))
        });
        let (ctx, hl) = context_line(app.store.text(d), first.range(), width);
        out.push(ViewRow { indent: 4, hl: vec![hl], ..row(ctx) });
    }
    let co = app.store.co_occurring(id);
    if !co.is_empty() {
        out.push(row(String::new()));
        out.push(heading(format!("Appears with ({})", co.len())));
        for (other, shared) in co.iter().take(30) {
            out.push(ViewRow {
                indent: 1,
                target: Some(Target::Entity(other.entity)),
                ..row(format!(
                    "{} ({}) · {}",
                    other.canonical,
                    kind_name(other.kind),
                    crate::text::plural(*shared, "shared doc")
                ))
            });
        }
    }
    // Dates in the sentences that mention the entity.
    let mut dates: Vec<(String, usize, Range<usize>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for m in &e.mentions {
        let Some(ann) = app.store.annotations.get(m.doc()) else { continue };
        let Some(mention) = ann.mentions.get(m.mention()) else { continue };
        let s = sentence_around(app.store.text(m.doc()), mention.range());
        for d in ann.dates.iter().filter(|d| d.range.start >= s.start && d.range.end <= s.end) {
            if seen.insert((m.doc(), d.range.start)) {
                dates.push((d.value_string(), m.doc(), d.range.clone()));
            }
        }
    }
    if !dates.is_empty() {
        dates.sort_by(|a, b| (&a.0, a.1, a.2.start).cmp(&(&b.0, b.1, b.2.start)));
        out.push(row(String::new()));
        out.push(heading(format!("Dates ({})", dates.len())));
        for (value, d, range) in dates {
            let doc = &app.store.docs[d];
            let surface = app.store.text(d).get(range.clone()).unwrap_or("");
            out.push(ViewRow {
                indent: 1,
                target: Some(Target::Doc { doc: d, byte: range.start, hl: range }),
                ..row(format!("{value}  {surface} · {}", doc.title))
            });
        }
    }
    out
}

/// The timeline: year and month headings, then each dated mention with its document and
/// sentence.
pub fn timeline_rows(app: &App) -> Vec<ViewRow> {
    let mut out = Vec::new();
    let Some(entries) = &app.nav.timeline else { return out };
    let width = app.size.0.saturating_sub(6) as usize;
    let (mut year, mut month) = (None, None);
    for e in entries.iter().filter(|e| app.nav.show_furniture_dates || !e.furniture) {
        let Some(doc) = app.store.docs.get(e.doc) else { continue };
        let y = chrono::Datelike::year(&e.value);
        if year != Some(y) {
            year = Some(y);
            month = None;
            out.push(heading(format!("{y}")));
        }
        let m = chrono::Datelike::month(&e.value);
        if month != Some(m) && e.granularity != crate::extract::Granularity::Year {
            month = Some(m);
            out.push(ViewRow { indent: 1, ..heading(month_label(e.value)) });
        }
        let text = app.store.text(e.doc);
        let surface = text.get(e.range.clone()).unwrap_or("");
        out.push(ViewRow {
            indent: 2,
            target: Some(Target::Doc { doc: e.doc, byte: e.range.start, hl: e.range.clone() }),
            ..row(format!("{}  {surface} · {}", e.value_string(), doc.title))
        });
        let (ctx, hl) = context_line(text, e.range.clone(), width);
        out.push(ViewRow { indent: 5, hl: vec![hl], ..row(ctx) });
    }
    out
}

/// How many timeline entries are hidden for sitting in page furniture (0 when shown).
pub fn hidden_furniture_dates(app: &App) -> usize {
    match &app.nav.timeline {
        Some(entries) if !app.nav.show_furniture_dates => {
            entries.iter().filter(|e| e.furniture).count()
        }
        _ => 0,
    }
}

/// The timeline's title: how many dates in page furniture are hidden and the key that shows
/// them, or that they are shown.
pub fn timeline_title(app: &App) -> String {
    let action = crate::tui::nav::nav(crate::tui::nav::NavAction::ToggleFurnitureDates);
    let key = app.keymap.key_for(crate::tui::keymap::Mode::Timeline, &action);
    let all = app.nav.timeline.as_ref().map_or(0, |t| t.iter().filter(|e| e.furniture).count());
    match hidden_furniture_dates(app) {
        0 if all == 0 => "Timeline".to_string(),
        0 => format!("Timeline · {} in page furniture shown ({key} hides)", plural(all, "date")),
        n => format!("Timeline · {} in page furniture hidden ({key} shows)", plural(n, "date")),
    }
}

/// Draws the open navigation view or line, if any, over `area` (the whole screen).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(line) = &app.nav.line {
        if line.kind == LineKind::Archive {
            draw_results(app, area, buf);
        }
        return;
    }
    let (title, selected) = match &app.nav.view {
        Some(NavView::Entity { selected, .. }) => ("Entity".to_string(), *selected),
        Some(NavView::Timeline { selected }) => (timeline_title(app), *selected),
        Some(NavView::Bookmarks { selected }) => ("Bookmarks".to_string(), *selected),
        None => return,
    };
    Clear.render(area, buf);
    pane_block(&title, true, &app.theme).render(area, buf);
    let inner = crate::tui::panes::inner(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let rows = view_rows(app);
    let h = inner.height as usize;
    let start = (selected + 2).saturating_sub(h).min(selected);
    let hl = app.theme.hit;
    for (i, r) in rows.iter().enumerate().skip(start).take(h) {
        let y = inner.y + (i - start) as u16;
        let mut style = Style::new();
        if r.heading {
            style = style.patch(app.theme.heading);
        }
        if i == selected && (r.target.is_some() || r.item.is_some()) {
            style = style.patch(app.theme.selected);
            buf.set_style(Rect { y, height: 1, ..inner }, style);
        }
        let x = inner.x + r.indent.min(inner.width);
        let w = inner.width - (x - inner.x);
        if let Some(line) = one_line(app, &r.text, w as usize) {
            draw_line(buf, (x, y, w), &line, style, &r.hl, hl);
        }
    }
}

/// The archive search: the line on top, a status line, then the results (two rows each).
fn draw_results(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(line) = &app.nav.line else { return };
    Clear.render(area, buf);
    pane_block("Search the archive", true, &app.theme).render(area, buf);
    let inner = crate::tui::panes::inner(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let bold = Style::new().add_modifier(Modifier::BOLD);
    put(buf, inner.x, inner.y, inner.width, "/", bold);
    draw_editor(
        app,
        buf,
        (inner.x + 1, inner.y, inner.width.saturating_sub(1)),
        &line.editor,
        bold,
    );
    let status = if let Some(e) = &line.error {
        format!("⚠ {e}")
    } else if line.pending {
        "searching…".to_string()
    } else if line.input().trim().is_empty() {
        "type words, \"a phrase\", OR, -word, title:, lang:ar, after:2018, entity:\"Name\" · ↑↓ history".into()
    } else {
        let keys = |a: &crate::tui::nav::NavAction| {
            app.keymap
                .key_for(crate::tui::keymap::Mode::SearchLine, &crate::tui::nav::nav(a.clone()))
        };
        format!(
            "{} · {}/{} choose · Enter open · ↑↓ history · Esc back",
            crate::text::plural(line.results.len(), "document"),
            keys(&crate::tui::nav::NavAction::Down),
            keys(&crate::tui::nav::NavAction::Up)
        )
    };
    if inner.height < 2 {
        return;
    }
    put(buf, inner.x, inner.y + 1, inner.width, &status, app.theme.meta);
    // The facets, on their own row, when there are any (Alt-N or a click narrows by one).
    let top = if line.facets.is_empty() || inner.height < 4 {
        2
    } else {
        let (text, _) = crate::tui::facets::line(&line.facets);
        put(buf, inner.x, inner.y + 2, inner.width, &format!("Alt-N: {text}"), Style::new());
        3
    };
    let list_h = inner.height.saturating_sub(top) as usize;
    let per = 2;
    let shown = (list_h / per).max(1);
    let start = (line.selected + 1).saturating_sub(shown);
    let hl = app.theme.hit;
    for (i, r) in line.results.iter().enumerate().skip(start).take(shown) {
        let y = inner.y + top + ((i - start) * per) as u16;
        if y >= inner.y + inner.height {
            break;
        }
        let Some(doc) = app.store.docs.get(r.doc) else { continue };
        let date = doc.date.map(|d| d.to_string()).unwrap_or_else(|| "no date".into());
        let mut style = bold;
        if i == line.selected {
            style = style.add_modifier(Modifier::REVERSED);
            buf.set_style(Rect { y, height: 1, ..inner }, style);
        }
        let mut head = format!("{} · {date} · {}", doc.title, doc.lang);
        for v in &r.via {
            head.push_str(&format!(" · via {v}"));
        }
        if let Some(l) = one_line(app, &head, inner.width as usize) {
            draw_line(buf, (inner.x, y, inner.width), &l, style, &[], style);
        }
        if y + 1 < inner.y + inner.height {
            let w = inner.width.saturating_sub(2);
            if let Some(l) = one_line(app, &r.snippet, w as usize) {
                draw_line(
                    buf,
                    (inner.x + 2, y + 1, w),
                    &l,
                    Style::new(),
                    &r.snippet_highlights,
                    hl,
                );
            }
        }
    }
}

/// Find and date prompts: one line over the status bar, the document stays visible.
/// The find/filter prompt on the bottom row of `area` (over the status bar, like a command
/// line); nothing for the archive search, whose line heads its results view.
pub fn draw_prompt(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(line) = app.nav.line.as_ref().filter(|l| l.kind != LineKind::Archive) else {
        return;
    };
    if area.height == 0 {
        return;
    }
    let y = area.y + area.height - 1;
    let bar = Style::new().add_modifier(Modifier::REVERSED);
    // The prompt replaces the status bar: none of its text may show between the fields.
    Clear.render(Rect { y, height: 1, ..area }, buf);
    buf.set_style(Rect { y, height: 1, ..area }, bar);
    let prompt = line.kind.prompt();
    let pw = unicode_width::UnicodeWidthStr::width(prompt) as u16;
    put(buf, area.x, y, area.width, prompt, bar);
    let mut tail = String::new();
    if let Some(e) = &line.error {
        tail = format!("  ⚠ {e}");
    } else if line.kind == LineKind::Document && !line.input().is_empty() {
        tail = format!("  {} found", line.found.len());
    }
    let tw = (unicode_width::UnicodeWidthStr::width(tail.as_str()) as u16).min(area.width / 2);
    let room = area.width.saturating_sub(pw + tw);
    draw_editor(app, buf, (area.x + pw, y, room), &line.editor, bar);
    if tw > 0 {
        put(buf, area.x + area.width - tw, y, tw, &tail, bar);
    }
}

/// `June 2018` for a date (timeline month headings).
pub fn month_label(d: NaiveDate) -> String {
    d.format("%B %Y").to_string()
}

/// Draws the text of a prompt's line editor at (x, y), `width` cells: laid out by the reading
/// pane's layout (so an Arabic query is shaped and in visual order, in every `--bidi` mode),
/// from the left edge, scrolled so the cursor shows. The cursor is the reversed cell of the
/// grapheme it stands before; past the end, the cell beyond the text on the side its direction
/// ends (left of a right-to-left text).
pub(crate) fn draw_editor(
    app: &App,
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    editor: &crate::tui::editor::LineEditor,
    style: Style,
) {
    use crate::text::layout::{self, Direction, LayoutOptions};
    let text = editor.text();
    let opts = LayoutOptions { width: usize::from(u16::MAX), bidi: app.bidi, shape: app.shape };
    let Some(mut line) =
        layout::layout(text, std::slice::from_ref(&(0..text.len())), &opts).into_iter().next()
    else {
        return;
    };
    line.indent = 0;
    let at = editor.cursor();
    let end_rtl = at >= text.len() && line.direction == Direction::Rtl && !text.is_empty();
    let mut col = 0;
    let mut on = None;
    for c in &line.cells {
        if on.is_none() && c.logical.contains(&at) {
            on = Some(col);
        }
        col += c.width;
    }
    // The text starts one column in when the cursor stands left of it.
    let (lead, cursor) = if end_rtl { (1, 0) } else { (0, on.unwrap_or(col)) };
    let w = usize::from(width);
    if w <= lead {
        return;
    }
    let shift = (cursor + 1).saturating_sub(w - lead).min(cursor);
    let shown = shifted(&line, shift);
    draw_line(
        buf,
        (x + lead as u16, y, width.saturating_sub(lead as u16)),
        &shown,
        style,
        &[],
        style,
    );
    let cx = x as usize + if end_rtl { 0 } else { cursor - shift };
    if cx < x as usize + w
        && let Some(cell) = buf.cell_mut((cx as u16, y))
    {
        cell.set_style(style.add_modifier(Modifier::REVERSED));
    }
}

/// `line` without the cells that fill its first `cols` columns (scrolled left).
fn shifted(line: &crate::text::layout::VisualLine, cols: usize) -> crate::text::layout::VisualLine {
    let mut out = line.clone();
    let mut skip = 0;
    out.cells.retain(|c| {
        let keep = skip >= cols;
        skip += c.width;
        keep
    });
    out
}

/// Screen row of the facets line in the archive search view over `area`, and the column it
/// starts at (after its `Alt-N: ` label), when the view shows facets.
pub fn facets_row(app: &App, area: Rect) -> Option<(u16, u16)> {
    let line = app.nav.line.as_ref().filter(|l| l.kind == LineKind::Archive)?;
    let inner = crate::tui::panes::inner(area);
    (!line.facets.is_empty() && inner.height >= 4).then_some((inner.y + 2, inner.x + 7))
}
