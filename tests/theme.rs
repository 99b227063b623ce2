//! Colour as the user sees it, drawn into `TestBackend`: each entity kind and the dates in
//! their own colour in the reading pane and the side panel, and with no colour (NO_COLOR)
//! not one coloured cell while hits and the selection still stand out by reverse and bold.

mod common;

use common::app::{bundled, draw, press};
use qari::extract::EntityKind;
use qari::text::layout::BidiMode;
use qari::tui::app::{App, Pane};
use qari::tui::config::Config;
use qari::tui::rows::Row;
use qari::tui::theme::{ColourDepth, Theme};
use qari::tui::{Options, panes};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const OPTS: Options = Options { bidi: BidiMode::App, shape: true, osc52: true };

fn app(depth: ColourDepth) -> App {
    sized(depth, (140, 45))
}

fn sized(depth: ColourDepth, size: (u16, u16)) -> App {
    let mut a = App::new(bundled(), OPTS, size);
    a.configure(Config::default(), depth);
    // The first English article (the oldest, shown first, is the Persian one, which names no
    // person).
    let en = a.list.order.iter().copied().find(|&d| a.store.docs[d].lang == "en");
    a.open_doc(en.expect("an English article"));
    a
}

/// (kind or `None` for a date, the foreground of each cell showing it) for every mention
/// and date on the reading pane's screen.
fn annotated_cells(a: &App, buf: &Buffer) -> Vec<(Option<EntityKind>, Color)> {
    let text = panes::reader_areas(a.panes().reader.expect("reader shown")).1;
    let doc = a.reader.doc.expect("a document open");
    let ann = &a.store.annotations[doc];
    let rows = a.rows.as_ref().expect("laid out");
    let mut out = Vec::new();
    for (i, row) in rows.rows.iter().skip(a.reader.top).take(text.height as usize).enumerate() {
        let Row::Line { line, .. } = row else { continue };
        let spans = ann
            .mentions
            .iter()
            .map(|m| (Some(m.kind), m.range()))
            .chain(ann.dates.iter().map(|d| (None, d.range.clone())));
        for (kind, range) in spans {
            for col in line.columns_of(&range) {
                let cell = &buf[(text.x + col as u16, text.y + i as u16)];
                if cell.symbol().trim().is_empty() {
                    continue; // the space between two words of a name
                }
                out.push((kind, cell.fg));
            }
        }
    }
    out
}

#[test]
fn entity_kinds_and_dates_have_their_own_colour_in_the_text() {
    let a = app(ColourDepth::Ansi16);
    let buf = draw(&a);
    let cells = annotated_cells(&a, &buf);
    let theme = Theme::default();
    let want = |k: Option<EntityKind>| match k {
        Some(k) => theme.entity(k).fg,
        None => theme.date.fg,
    };
    for (kind, fg) in &cells {
        assert_eq!(Some(*fg), want(*kind), "{kind:?} drawn in {fg:?}");
    }
    // The first article names people, places and organisations, and dates, on its first screen.
    let kinds: Vec<Option<EntityKind>> = cells.iter().map(|c| c.0).collect();
    for k in [Some(EntityKind::Person), Some(EntityKind::Place), Some(EntityKind::Org), None] {
        assert!(kinds.contains(&k), "{k:?} on screen: {kinds:?}");
    }
    let colours: std::collections::BTreeSet<String> =
        cells.iter().map(|c| format!("{:?}", c.1)).collect();
    assert_eq!(colours.len(), 4, "four kinds, four colours: {colours:?}");
    // Text that is no mention stays in the terminal's colour.
    let text = panes::reader_areas(a.panes().reader.unwrap()).1;
    let plain = (text.x..text.x + text.width)
        .filter(|&x| buf[(x, text.y)].fg == Color::Reset && buf[(x, text.y)].symbol() != " ")
        .count();
    assert!(plain > 0, "ordinary words have no colour");
}

#[test]
fn the_side_panel_colours_each_entity_by_kind() {
    // Tall enough for the whole panel, its dates below the entities.
    let a = sized(ColourDepth::Ansi16, (140, 150));
    let buf = draw(&a);
    let side = a.panes().side.expect("side panel shown");
    let theme = Theme::default();
    let mut seen = Vec::new();
    for e in &a.side.entities {
        // The entity's row: the first inner row whose text starts with its name.
        let row = (side.y..side.y + side.height).find(|&y| {
            let text: String =
                (side.x + 2..side.x + side.width).map(|x| buf[(x, y)].symbol()).collect();
            text.starts_with(&format!("{} ×", e.name))
        });
        let Some(y) = row else { continue };
        let fg = buf[(side.x + 2, y)].fg;
        assert_eq!(Some(fg), theme.entity(e.kind).fg, "{} ({:?})", e.name, e.kind);
        seen.push(e.kind);
    }
    for k in [EntityKind::Person, EntityKind::Org, EntityKind::Place] {
        assert!(seen.contains(&k), "a {k:?} row in the panel: {seen:?}");
    }
    // Its dates too (selectable rows, indented like the entities).
    let dated = (side.y..side.y + side.height).any(|y| {
        let c = &buf[(side.x + 2, y)];
        c.symbol().chars().all(|ch| ch.is_ascii_digit()) && Some(c.fg) == theme.date.fg
    });
    assert!(dated, "a date row in the dates' colour");
}

#[test]
fn with_no_colour_no_cell_is_coloured_but_hits_and_selection_still_show() {
    let mut a = app(ColourDepth::None);
    // Find hits in the text, the entity panel focused (its selection and mentions shown).
    press(&mut a, "fthe<Enter>");
    let hits = a.nav.hits.clone().expect("find hits");
    assert!(hits.hits.len() > 2);
    a.focus = Pane::Side;
    let buf = draw(&a);
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    // Hit cells are reversed, the current one bold, as without colour they always were.
    let text = panes::reader_areas(a.panes().reader.unwrap()).1;
    let rows = a.rows.as_ref().unwrap();
    let (mut reversed, mut bold) = (0, 0);
    for (i, row) in rows.rows.iter().skip(a.reader.top).take(text.height as usize).enumerate() {
        let Row::Line { line, .. } = row else { continue };
        for (n, h) in hits.hits.iter().enumerate() {
            for col in line.columns_of(h) {
                let m = buf[(text.x + col as u16, text.y + i as u16)].modifier;
                assert!(m.contains(Modifier::REVERSED), "hit {n} reversed");
                if n == hits.current {
                    assert!(m.contains(Modifier::BOLD), "the current hit is bold");
                    bold += 1;
                }
                reversed += 1;
            }
        }
    }
    assert!(reversed > 0 && bold > 0, "hits on screen ({reversed}, current {bold})");
    // The side panel's selected entity is reversed, the status bar too.
    let side = a.panes().side.unwrap();
    let selected_row = (side.y..side.y + side.height)
        .any(|y| buf[(side.x + 2, y)].modifier.contains(Modifier::REVERSED));
    assert!(selected_row, "the selected entity is reversed");
    let status = a.panes().status.unwrap();
    assert!(buf[(status.x, status.y)].modifier.contains(Modifier::REVERSED));
}
