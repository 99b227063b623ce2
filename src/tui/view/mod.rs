//! Pure drawing: `view(&App, &mut Frame)` reads the state and writes cells, nothing else.
//! Article text is drawn cell by cell from [`VisualLine`]s (never through ratatui's own
//! wrapping or alignment), so the BiDi layout is exactly what reaches the screen.

pub mod bookmarks;
pub mod correct;
pub mod help;
pub mod list;
pub mod loading;
pub mod nav;
pub mod reader;
pub mod side;
pub mod status;

use std::borrow::Cow;
use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::app::{App, Pane};
use super::theme::Theme;
use crate::text::layout::{self, LayoutOptions, VisualLine};

/// Draws the whole screen for `app`.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let p = super::panes::panes_sized(area, app.focus, app.list_steps);
    if let Some(r) = p.list {
        list::draw(app, r, buf);
    }
    if let Some(r) = p.reader {
        reader::draw(app, r, buf);
    }
    if let Some(r) = p.side {
        side::draw(app, r, buf);
    }
    // Views and the search line cover the panes but leave the status bar (messages, counters).
    let above_status = match p.status {
        Some(s) if s.y > area.y => Rect { height: s.y - area.y, ..area },
        _ => area,
    };
    nav::draw(app, above_status, buf);
    if let Some(r) = p.status {
        status::draw(app, r, buf);
    }
    nav::draw_prompt(app, area, buf);
    correct::draw(app, area, buf);
    if app.overlay.is_some() {
        help::draw(app, area, buf);
    }
}

/// A pane's frame: thick (and by default bold) when focused, readable without colour as
/// NO_COLOR asks.
pub(crate) fn pane_block(title: &str, focused: bool, theme: &Theme) -> Block<'static> {
    let block = Block::default().borders(Borders::ALL).title(format!(" {} ", clean(title)));
    if focused {
        block.border_type(BorderType::Thick).border_style(theme.border_focused)
    } else {
        block.border_style(theme.border)
    }
}

/// Draws the frame of `pane` into `area`.
pub(crate) fn draw_block(app: &App, pane: Pane, title: &str, area: Rect, buf: &mut Buffer) {
    // A title too long for the border ends with "…" (the border's corners and spaces aside).
    let title = ellipsize(title, area.width.saturating_sub(4) as usize);
    pane_block(&title, app.focus == pane, &app.theme).render(area, buf);
}

/// Strings that did not go through the loader's sanitiser (file paths, error messages,
/// queries echoed back) with every control and BiDi formatting character escaped visibly,
/// by the same function the commands print through.
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    crate::text::printable::printable(s)
}

/// Characters a laid-out cell must not send: the printable function's set.
fn bad(c: char) -> bool {
    crate::text::printable::is_unprintable(c)
}

/// A laid-out cell's symbol without control or BiDi formatting characters (dropped, not
/// replaced, so the cell keeps the width the layout measured; an emptied cell is a space).
fn cell_symbol(s: &str) -> Cow<'_, str> {
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let kept: String = s.chars().filter(|&c| !bad(c)).collect();
    Cow::Owned(if kept.is_empty() { " ".into() } else { kept })
}

/// Writes `s` at (x, y), at most `max` cells wide (cut with `…` when wider), clipped to the
/// buffer.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, max: u16, s: &str, style: Style) {
    let a = buf.area;
    if y < a.y || y >= a.y + a.height || x < a.x || x >= a.x + a.width {
        return;
    }
    let max = max.min(a.x + a.width - x);
    let s = clean(s);
    buf.set_stringn(x, y, ellipsize(&s, max as usize), max as usize, style);
}

/// The first visual line of `s` laid out at `width` with the reader's BiDi settings (titles
/// and other short strings that may be right-to-left); a string too wide is cut to what fits
/// and ends with `…` (at its logical end: the left of a right-to-left line). BiDi marks (LRM,
/// RLM, ALM) of an article's snippet are dropped rather than shown escaped; anything else
/// unprintable is escaped by [`clean`].
pub(crate) fn one_line(app: &App, s: &str, width: usize) -> Option<VisualLine> {
    let mark = |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}');
    let unmarked: Cow<str> =
        if s.contains(mark) { Cow::Owned(s.replace(mark, "")) } else { Cow::Borrowed(s) };
    let cleaned = clean(&unmarked);
    let s = ellipsize(&cleaned, width.max(1));
    let opts = LayoutOptions { width: width.max(1), bidi: app.bidi, shape: app.shape };
    let mut lines = layout::layout(&s, std::slice::from_ref(&(0..s.len())), &opts);
    if lines.is_empty() {
        return None;
    }
    let mut line = lines.swap_remove(0);
    // Cell ranges point into `s`; callers only draw, so they need the symbols alone.
    line.logical = 0..0;
    Some(line)
}

/// `s` cut to at most `width` cells, ending with `…` when something was cut (whole grapheme
/// clusters, widths as the layout measures them; shaping only ever narrows a line).
pub(crate) fn ellipsize(s: &str, width: usize) -> Cow<'_, str> {
    use unicode_segmentation::UnicodeSegmentation;
    let w = crate::text::width::cells;
    if w(s) <= width {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        if used + w(g) + 1 > width {
            break;
        }
        used += w(g);
        out.push_str(g);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    Cow::Owned(out)
}

/// Draws a visual line at row `y` from column `x`, clipped to `width` cells: the indent,
/// then each cell in visual order. Cells showing any byte of `highlights` get `hl`.
pub(crate) fn draw_line(
    buf: &mut Buffer,
    at: (u16, u16, u16),
    line: &VisualLine,
    style: Style,
    highlights: &[Range<usize>],
    hl: Style,
) {
    let spans: Vec<(Range<usize>, Style)> = highlights.iter().map(|h| (h.clone(), hl)).collect();
    draw_spans(buf, at, line, style, &spans);
}

/// [`draw_line`] with a style per logical byte range: a cell showing any byte of a span is
/// drawn in `style` patched by each such span's style, in order (entity colours, then hits).
pub(crate) fn draw_spans(
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    line: &VisualLine,
    style: Style,
    spans: &[(Range<usize>, Style)],
) {
    let a = buf.area;
    if y < a.y || y >= a.y + a.height {
        return;
    }
    let right = (x as usize + width as usize).min((a.x + a.width) as usize);
    let mut col = x as usize + line.indent;
    for c in &line.cells {
        if c.width == 0 {
            continue;
        }
        if col + c.width > right {
            break;
        }
        let st = spans
            .iter()
            .filter(|(h, _)| c.logical.start < h.end && h.start < c.logical.end)
            .fold(style, |st, (_, s)| st.patch(*s));
        if let Some(cell) = buf.cell_mut((col as u16, y)) {
            // The loader sanitises article text; this is the last line of defence.
            cell.set_symbol(&cell_symbol(&c.symbol)).set_style(st);
        }
        for extra in 1..c.width {
            if let Some(cell) = buf.cell_mut(((col + extra) as u16, y)) {
                cell.reset();
                cell.set_style(st);
            }
        }
        col += c.width;
    }
}
