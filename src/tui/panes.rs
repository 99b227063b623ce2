//! Where each pane goes for a terminal size: shared by `update` (page sizes, mouse hits, the
//! reading width the layout cache is keyed on) and the views, so both always agree.

use ratatui::layout::Rect;

use super::app::Pane;

/// Terminals narrower than this show one pane at a time (the focused one).
pub const NARROW_BELOW: u16 = 80;
/// Terminals narrower than this (but not narrow) show two panes: the reader and, on its
/// left, the list or the side panel, whichever was focused last.
pub const THREE_PANES_FROM: u16 = 110;
/// Columns one `<`/`>` step narrows or widens the document list by.
pub const LIST_STEP: i32 = 6;
/// The list is never narrower than this (mark, a few letters of the title).
pub const LIST_MIN: u16 = 16;
/// `>` never leaves the reading pane narrower than this.
pub const READER_MIN: u16 = 30;
/// Rows of the reading pane's header (title, meta, path, rule) when the pane is tall enough.
pub const HEADER_ROWS: u16 = 4;

/// Screen rectangles of the panes; `None` when a pane is not shown at this size or focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The document list.
    pub list: Option<Rect>,
    /// The reading pane (border included).
    pub reader: Option<Rect>,
    /// The side panel.
    pub side: Option<Rect>,
    /// The one-line status bar at the bottom.
    pub status: Option<Rect>,
}

impl Panes {
    /// The rectangle of `pane`, if shown.
    pub fn get(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Side => self.side,
        }
    }

    /// The pane containing screen cell (column, row).
    pub fn hit(&self, column: u16, row: u16) -> Option<Pane> {
        [Pane::List, Pane::Reader, Pane::Side].into_iter().find(|&p| {
            self.get(p).is_some_and(|r| r.contains(ratatui::layout::Position { x: column, y: row }))
        })
    }
}

/// Splits `area` into panes. Wide terminals get list | reader | side, medium ones list (or
/// side) | reader, narrow ones the focused pane only. The bottom row is the status bar when there are at least two rows.
pub fn panes(area: Rect, focus: Pane) -> Panes {
    panes_sized(area, focus, 0)
}

/// [`panes`] with the list (and the left column of medium terminals) `steps` ×
/// [`LIST_STEP`] columns wider (negative: narrower), bounded by [`LIST_MIN`] and
/// [`READER_MIN`]; narrow terminals show one pane and ignore it.
pub fn panes_sized(area: Rect, focus: Pane, steps: i8) -> Panes {
    let shift = i32::from(steps) * LIST_STEP;
    let sized = |base: u16, room: u16| -> u16 {
        let max = room.saturating_sub(READER_MIN).max(LIST_MIN);
        (i32::from(base) + shift).clamp(i32::from(LIST_MIN), i32::from(max)) as u16
    };
    let (body, status) = if area.height >= 2 {
        let body = Rect { height: area.height - 1, ..area };
        (body, Some(Rect { y: area.y + area.height - 1, height: 1, ..area }))
    } else {
        (area, None)
    };
    if area.width < NARROW_BELOW {
        let mut p = Panes { status, ..Panes::default() };
        match focus {
            Pane::List => p.list = Some(body),
            Pane::Reader => p.reader = Some(body),
            Pane::Side => p.side = Some(body),
        }
        return p;
    }
    if area.width < THREE_PANES_FROM {
        let left_w = sized((body.width * 30 / 100).clamp(24, 32), body.width);
        let left = Rect { width: left_w, ..body };
        let reader = Rect { x: body.x + left_w, width: body.width - left_w, ..body };
        let (list, side) =
            if focus == Pane::Side { (None, Some(left)) } else { (Some(left), None) };
        return Panes { list, reader: Some(reader), side, status };
    }
    let side_w = (body.width * 22 / 100).clamp(20, 32);
    let list_w = sized((body.width * 28 / 100).clamp(24, 40), body.width - side_w);
    let reader_w = body.width - list_w - side_w;
    let list = Rect { width: list_w, ..body };
    let reader = Rect { x: body.x + list_w, width: reader_w, ..body };
    let side = Rect { x: body.x + list_w + reader_w, width: side_w, ..body };
    Panes { list: Some(list), reader: Some(reader), side: Some(side), status }
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    if r.width < 2 || r.height < 2 {
        return Rect { width: 0, height: 0, ..r };
    }
    Rect { x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2 }
}

/// The reading pane's header and text areas inside its border: the header is dropped on
/// short panes so the text keeps the room.
pub fn reader_areas(reader: Rect) -> (Rect, Rect) {
    let inner = inner(reader);
    let header_rows = if inner.height >= 2 * HEADER_ROWS { HEADER_ROWS } else { 0 };
    let header = Rect { height: header_rows, ..inner };
    let text = Rect { y: inner.y + header_rows, height: inner.height - header_rows, ..inner };
    (header, text)
}

/// The rectangle the document text is drawn in for a terminal of `area` with `focus`
/// (what `qari render --width` must be given to print the same lines).
pub fn reader_text_area(area: Rect, focus: Pane) -> Option<Rect> {
    panes(area, focus).reader.map(|r| reader_areas(r).1)
}

/// Screen rows per document in the list: two (title; date, language, source) when the list
/// shows at least three documents that way, else one (title only).
pub fn list_item_rows(inner_height: u16) -> u16 {
    if inner_height >= 6 { 2 } else { 1 }
}
