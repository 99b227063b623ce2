//! The reader without a terminal: key sequences typed through the keymap and `update`
//! (asserting state), and views drawn into ratatui's `TestBackend` (asserting what a user
//! would see: list rows, header, status, help, right-aligned Arabic, folded boilerplate).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use qari::corpus::{self, Corpus, Document, Problem};
use qari::extract::{Annotations, EntityKind, Extractor, Mention};
use qari::store::{EntityRef, Store};
use qari::text::layout::{BidiMode, Direction};
use qari::tui::app::{App, Overlay, Pane, SortKey};
use qari::tui::rows::Row;
use qari::tui::{Action, Effect, Options, panes, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

mod common;

use common::app::{bundled, draw, press};

const OPTS: Options = Options { bidi: BidiMode::App, shape: true, osc52: true };

fn app(w: u16, h: u16) -> App {
    App::new(bundled(), OPTS, (w, h))
}

/// Row `y` of the screen as text, from column `x0` for `w` columns (wide glyphs once).
fn row_text(buf: &Buffer, y: u16, x0: u16, w: u16) -> String {
    let mut s = String::new();
    let mut skip = 0;
    for x in x0..x0 + w {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let sym = buf[(x, y)].symbol();
        skip = sym.width().saturating_sub(1);
        s.push_str(sym);
    }
    s
}

fn screen(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height).map(|y| row_text(buf, y, 0, buf.area.width)).collect()
}

fn shows(buf: &Buffer, needle: &str) -> bool {
    screen(buf).iter().any(|l| l.contains(needle))
}

fn open_title(app: &App) -> String {
    app.store.docs[app.reader.doc.unwrap()].title.clone()
}

#[test]
fn enter_opens_the_selected_document_and_marks_it_read() {
    let mut a = app(120, 35);
    assert_eq!(a.reader.doc, Some(a.list.order[0]), "first document opens at start");
    let third = a.list.order[2];
    assert!(!a.read[third]);
    press(&mut a, "jj<Enter>");
    assert_eq!(a.reader.doc, Some(third));
    assert_eq!(a.focus, Pane::Reader);
    assert!(a.read[third]);
    let buf = draw(&a);
    assert!(screen(&buf).last().unwrap().contains("doc 3/6"), "{:?}", screen(&buf).last());
    assert!(shows(&buf, &a.store.docs[third].path), "header shows the source path");
}

#[test]
fn reader_scrolls_by_line_page_and_to_the_ends() {
    let mut a = app(100, 20);
    press(&mut a, "<Enter>");
    let total = a.rows.as_ref().unwrap().rows.len();
    let h = a.reader_height();
    assert!(total > h, "sample 000 is longer than the pane");
    press(&mut a, "jj");
    assert_eq!(a.reader.top, 2);
    press(&mut a, "k");
    assert_eq!(a.reader.top, 1);
    press(&mut a, "<C-d>");
    assert_eq!(a.reader.top, 1 + h / 2);
    press(&mut a, "G");
    assert_eq!(a.reader.top, total - h, "G shows the last page");
    press(&mut a, "j<PgDn>");
    assert_eq!(a.reader.top, total - h, "cannot scroll past the end");
    press(&mut a, "<Home>");
    assert_eq!(a.reader.top, 0);
    let buf = draw(&a);
    assert!(screen(&buf).last().unwrap().contains(&format!("line 1/{total}")));
}

#[test]
fn tab_and_h_l_cycle_focus_through_the_panes() {
    let mut a = app(120, 35);
    assert_eq!(a.focus, Pane::List);
    press(&mut a, "<Tab>");
    assert_eq!(a.focus, Pane::Reader);
    press(&mut a, "l");
    assert_eq!(a.focus, Pane::Side);
    press(&mut a, "<Tab>");
    assert_eq!(a.focus, Pane::List);
    press(&mut a, "<S-Tab>h");
    assert_eq!(a.focus, Pane::Reader);
}

#[test]
fn help_overlay_is_generated_from_the_keymap_and_q_backs_out_then_quits() {
    // Tall enough for every key of the reading mode on the first screen.
    let mut a = app(100, 60);
    assert!(press(&mut a, "?").is_empty());
    assert_eq!(a.overlay, Some(Overlay::Help { scroll: 0 }));
    let buf = draw(&a);
    for b in &a.keymap.bindings {
        if b.mode == qari::tui::keymap::Mode::Normal {
            assert!(shows(&buf, b.help), "help lists {:?}", b.help);
        }
    }
    assert!(shows(&buf, "Ctrl-d") && shows(&buf, "Shift-Tab/h/←"));
    assert!(press(&mut a, "q").is_empty(), "q closes the overlay first");
    assert_eq!(a.overlay, None);
    assert_eq!(press(&mut a, "q"), vec![Effect::Quit]);
    assert!(a.quit);
}

#[test]
fn ctrl_c_quits_from_an_overlay_and_releases_are_ignored() {
    let mut a = app(80, 24);
    press(&mut a, "?");
    let release =
        KeyEvent::new_with_kind(KeyCode::Char('q'), KeyModifiers::NONE, KeyEventKind::Release);
    assert_eq!(a.keymap.action(a.mode(), &release), None);
    assert_eq!(press(&mut a, "<C-c>"), vec![Effect::Quit]);
}

#[test]
fn sort_cycles_and_reverses_and_the_language_filter_narrows_the_list() {
    let mut a = app(120, 35);
    press(&mut a, "s");
    assert_eq!(a.list.sort, SortKey::Title);
    let titles: Vec<String> =
        a.list.order.iter().map(|&d| a.store.docs[d].title.to_lowercase()).collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
    press(&mut a, "R");
    let rev: Vec<String> =
        a.list.order.iter().map(|&d| a.store.docs[d].title.to_lowercase()).collect();
    sorted.reverse();
    assert_eq!(rev, sorted);

    press(&mut a, "L");
    assert_eq!(a.list.lang.as_deref(), Some("ar"));
    assert!(a.list.order.iter().all(|&d| a.store.docs[d].lang == "ar"));
    assert_eq!(a.list.order.len(), 1);
    let buf = draw(&a);
    assert!(shows(&buf, "Documents 1/6"));
    // Then English, then Persian (the bundled Wikinews article), then all again.
    press(&mut a, "LL");
    assert_eq!(a.list.lang.as_deref(), Some("fa"));
    assert_eq!(a.list.order.len(), 1);
    assert_eq!(a.store.docs[a.list.order[0]].lang, "fa");
    assert!(shows(&draw(&a), "Documents 1/6"));
    press(&mut a, "L");
    assert_eq!(a.list.lang, None);
    assert_eq!(a.list.order.len(), 6);
}

#[test]
fn jump_history_goes_back_and_forward_between_documents() {
    let mut a = app(120, 35);
    let (d0, d1) = (a.list.order[0], a.list.order[1]);
    press(&mut a, "j<Enter>");
    assert_eq!(a.reader.doc, Some(d1));
    press(&mut a, "<C-o>");
    assert_eq!(a.reader.doc, Some(d0));
    assert_eq!(a.list.order[a.list.selected], d0, "the list follows the jump");
    press(&mut a, "<C-n>");
    assert_eq!(a.reader.doc, Some(d1));
    press(&mut a, "<C-n>");
    assert_eq!(a.message.as_deref(), Some("no later place"));
}

fn doc_with_furniture() -> Document {
    let text = "Talks resume in Hanoi\nDelegates met on Monday to resume the talks.\n\
                Related news\nLEAVE A REPLY\nSubscribe to our newsletter\n"
        .to_string();
    let mut paragraphs = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        if !line.is_empty() {
            paragraphs.push(pos..pos + line.len());
        }
        pos += line.len() + 1;
    }
    let furniture = text.find("Related news").unwrap()..text.len();
    Document {
        id: 0,
        path: "fixtures/furniture.txt".into(),
        title: "Talks resume in Hanoi".into(),
        byline: Some("A. Reporter".into()),
        date: None,
        lang: "en".into(),
        url: None,
        bytes: text.len() as u64,
        text,
        paragraphs,
        boilerplate: Some(furniture),
        problems: vec!["invalid UTF-8 replaced".into()],
    }
}

fn store_of(docs: Vec<Document>, problems: Vec<Problem>) -> Store {
    Store::build(Corpus { documents: docs, problems, skipped: 2 }, &Extractor::new())
}

/// A store of one document whose only annotation is `mention`.
fn store_with_mention(doc: Document, mention: Mention) -> Store {
    let ann = Annotations { mentions: vec![mention], dates: Vec::new() };
    Store::from_parts(vec![doc], vec![ann], Vec::new(), 2, true)
}

#[test]
fn boilerplate_is_folded_behind_one_line_and_z_unfolds_it_dimmed() {
    let mut a = App::new(store_of(vec![doc_with_furniture()], vec![]), OPTS, (100, 24));
    let buf = draw(&a);
    assert!(shows(&buf, "… 3 lines of page furniture (z to show)"));
    assert!(!shows(&buf, "LEAVE A REPLY"));
    assert!(shows(&buf, "Delegates met on Monday"));
    assert!(shows(&buf, "A. Reporter · no date · en"), "byline, date, language in the header");
    press(&mut a, "z");
    let buf = draw(&a);
    assert!(!shows(&buf, "page furniture (z to show)"));
    let y = screen(&buf).iter().position(|l| l.contains("LEAVE A REPLY")).expect("unfolded");
    let x = row_text(&buf, y as u16, 0, 100).find("LEAVE").unwrap() as u16;
    assert!(buf[(x, y as u16)].modifier.contains(Modifier::DIM), "furniture is dimmed");
    press(&mut a, "z");
    assert!(shows(&draw(&a), "… 3 lines of page furniture"));
}

#[test]
fn problems_view_lists_unreadable_files_without_passing_control_characters() {
    let bad =
        Problem { path: "archive/bad\x1b[2J.json".into(), reason: "invalid JSON on line 3".into() };
    let mut a = App::new(store_of(vec![doc_with_furniture()], vec![bad]), OPTS, (100, 30));
    assert!(screen(&draw(&a)).last().unwrap().contains("1 unreadable (P)"));
    press(&mut a, "P");
    let buf = draw(&a);
    assert!(shows(&buf, "Files that could not be read (1)"));
    assert!(shows(&buf, "invalid JSON on line 3"));
    assert!(shows(&buf, "Skipped (not an article format): 2"));
    assert!(shows(&buf, "fixtures/furniture.txt: invalid UTF-8 replaced"));
    assert!(screen(&buf).iter().all(|l| !l.contains('\x1b')), "ESC never reaches a cell");
    press(&mut a, "<Esc>");
    assert_eq!(a.overlay, None);
}

#[test]
fn list_rows_show_title_date_language_source_and_read_marks() {
    let a = app(120, 35);
    let buf = draw(&a);
    let list = panes::inner(a.panes().list.unwrap());
    let rows: Vec<String> =
        (list.y..list.y + 10).map(|y| row_text(&buf, y, list.x, list.width)).collect();
    let second = &a.store.docs[a.list.order[1]];
    assert!(rows[0].starts_with("▸ "), "the open document is marked: {:?}", rows[0]);
    assert!(rows[2].starts_with("● "), "unread mark: {:?}", rows[2]);
    assert!(rows[2].contains(&second.title[..10]), "{:?}", rows[2]);
    let file = second.path.rsplit('/').next().unwrap();
    assert!(rows[3].contains(&format!("· {} · {}", second.lang, &file[..8])), "{:?}", rows[3]);
}

/// Sample 004 is Arabic: every Arabic line in the reading pane ends at the pane's right
/// edge, and short last lines start with padding (right alignment, not left).
#[test]
fn arabic_sample_004_is_right_aligned_in_the_reading_pane() {
    let mut a = app(120, 35);
    let ar = a.list.order.iter().position(|&d| a.store.docs[d].path.contains("004_")).unwrap();
    for _ in 0..ar {
        press(&mut a, "j");
    }
    press(&mut a, "<Enter>");
    assert!(a.store.docs[a.reader.doc.unwrap()].path.contains("004_"));
    let buf = draw(&a);
    let text = panes::reader_text_area(a.area(), a.focus).unwrap();
    let rows = a.rows.as_ref().unwrap();
    let mut rtl = 0;
    let mut padded = 0;
    for (i, row) in rows.rows.iter().take(text.height as usize).enumerate() {
        let Row::Line { line, .. } = row else { continue };
        if line.cells.is_empty() {
            continue;
        }
        let y = text.y + i as u16;
        let shown = row_text(&buf, y, text.x, text.width);
        assert_eq!(shown.trim_end(), line.to_plain().trim_end(), "cells drawn as laid out");
        if line.direction == Direction::Rtl {
            rtl += 1;
            assert_ne!(buf[(text.x + text.width - 1, y)].symbol(), " ", "row {i} ends at the edge");
            if shown.starts_with(' ') {
                padded += 1;
            }
        }
    }
    assert!(rtl > 5, "sample 004's lines are laid out right-to-left ({rtl} found)");
    assert!(padded > 0, "a short Arabic line is padded on the left");
}

#[test]
fn selecting_an_entity_highlights_its_mentions_in_the_text() {
    let doc = doc_with_furniture();
    let at = doc.text.find("Hanoi").unwrap();
    let hanoi = Mention {
        range: at..at + 5,
        kind: EntityKind::Place,
        entity: "gpe:hanoi".into(),
        canonical: "Hanoi".into(),
    };
    let store = store_with_mention(doc, hanoi);
    let mut a = App::new(store, OPTS, (120, 30));
    assert!(shows(&draw(&a), "Places (1)"));
    assert!(shows(&draw(&a), "Hanoi ×1"));
    press(&mut a, "<S-Tab>");
    assert_eq!(a.focus, Pane::Side);
    let buf = draw(&a);
    let text = panes::reader_text_area(a.area(), a.focus).unwrap();
    let y = text.y; // the title line "Talks resume in Hanoi"
    let row = row_text(&buf, y, text.x, text.width);
    let x = text.x + row.find("Hanoi").unwrap() as u16;
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(text.x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn mouse_click_selects_then_opens_and_the_wheel_scrolls_the_pane_under_it() {
    let mut a = app(120, 35);
    let list = panes::inner(a.panes().list.unwrap());
    let click = Action::Click { column: list.x + 3, row: list.y + 2 };
    update(&mut a, click.clone());
    assert_eq!(a.list.selected, 1);
    assert_eq!(a.reader.doc, Some(a.list.order[0]), "first click selects");
    update(&mut a, click);
    assert_eq!(a.reader.doc, Some(a.list.order[1]), "second click opens");
    let r = a.panes().reader.unwrap();
    update(&mut a, Action::Scroll { column: r.x + 5, row: r.y + 5, lines: 3 });
    assert_eq!(a.reader.top, 3);
}

#[test]
fn narrow_terminals_show_one_pane_at_a_time() {
    let mut a = app(60, 20);
    let p = a.panes();
    assert!(p.list.is_some() && p.reader.is_none() && p.side.is_none());
    assert_eq!(p.list.unwrap().width, 60);
    press(&mut a, "<Enter>");
    let buf = draw(&a);
    assert!(shows(&buf, "Reader") && !shows(&buf, "Documents"));
    assert_eq!(a.rows.as_ref().unwrap().key.width, 58, "text uses the whole width");
}

#[test]
fn resizing_relayouts_and_keeps_the_reading_place() {
    let mut a = app(120, 30);
    press(&mut a, "<Enter>jjjjjj");
    let anchor = a.reader.anchor;
    update(&mut a, Action::Resize(90, 30));
    let rows = a.rows.clone().unwrap();
    assert_eq!(rows.key.width, panes::reader_text_area(a.area(), a.focus).unwrap().width as usize);
    let top = &rows.rows[a.reader.top];
    let next = rows.rows.get(a.reader.top + 1).map_or(usize::MAX, |r| r.start());
    assert!(top.start() <= anchor && anchor < next.max(top.start() + 1), "same text at the top");
}

#[test]
fn shaping_toggle_relayouts_and_says_so() {
    let mut a = app(120, 35);
    press(&mut a, "S");
    assert!(!a.shape);
    assert!(!a.rows.as_ref().unwrap().key.shape);
    let buf = draw(&a);
    assert!(shows(&buf, "Arabic shaping off"));
    assert!(shows(&buf, "Reader (shaping off)"));
    press(&mut a, "S");
    assert!(a.rows.as_ref().unwrap().key.shape);
}

#[test]
fn any_size_down_to_one_cell_draws_without_panicking() {
    for (w, h) in [(1, 1), (2, 2), (10, 3), (40, 10), (80, 24), (200, 60), (79, 5)] {
        let mut a = app(w, h);
        draw(&a);
        for keys in ["<Tab>", "<Enter>G", "<Tab>j", "?", "q", "P", "qz", "S<S-Tab>"] {
            press(&mut a, keys);
            draw(&a);
        }
        update(&mut a, Action::Resize(w / 2 + 1, h / 2 + 1));
        draw(&a);
    }
}

#[test]
fn status_bar_shows_document_i_of_n_and_position() {
    let mut a = app(80, 24);
    press(&mut a, "j<Enter>");
    let buf = draw(&a);
    let status = screen(&buf).last().unwrap().clone();
    assert!(status.contains("doc 2/6 · line 1/"), "{status:?}");
    assert!(status.contains("? help"));
    assert_eq!(open_title(&a), a.store.docs[a.list.order[1]].title);
}

#[test]
fn medium_terminals_keep_the_reader_and_swap_list_and_side_panel() {
    let mut a = app(96, 24);
    let width = a.rows.as_ref().unwrap().key.width;
    let buf = draw(&a);
    assert!(shows(&buf, "Documents 6/6") && shows(&buf, "Reader") && !shows(&buf, "Details"));
    press(&mut a, "<S-Tab>");
    assert_eq!(a.focus, Pane::Side);
    let buf = draw(&a);
    assert!(shows(&buf, "Details") && shows(&buf, "Reader") && !shows(&buf, "Documents"));
    assert_eq!(a.rows.as_ref().unwrap().key.width, width, "no relayout when the left pane swaps");
    assert!(width >= 60, "the reader gets most of the width ({width})");
}

#[test]
fn reveal_scrolls_a_byte_offset_into_view() {
    let mut a = app(120, 20);
    let id = a.reader.doc.unwrap();
    // The last paragraph before any folded page furniture.
    let fold = a.store.docs[id].boilerplate.clone().map_or(usize::MAX, |b| b.start);
    let paragraphs = corpus::paragraph_ranges(a.store.text(id));
    let last_para = paragraphs.iter().rfind(|p| p.end <= fold).unwrap().clone();
    a.reveal(last_para.start);
    let rows = a.rows.clone().unwrap();
    let shown = &rows.rows[a.reader.top..(a.reader.top + a.reader_height()).min(rows.rows.len())];
    assert!(shown.iter().any(|r| r.start() == last_para.start), "the last paragraph is on screen");
    assert!(a.reader.top > 0);
    let shown = a.visible_bytes();
    assert!(shown.contains(&last_para.start), "{shown:?} holds the revealed byte");
    let top = a.reader.top;
    a.reveal(last_para.start);
    assert_eq!(a.reader.top, top, "already visible: no jump");
}

/// The reader draws a visual line exactly as laid out: indent, then cells in visual order;
/// a highlight given as a logical byte range lands on the reordered cells.
#[test]
fn reordered_rtl_cells_are_drawn_in_visual_order_with_highlights_on_the_right_cells() {
    use qari::text::layout::{VisualCell, VisualLine};
    use qari::tui::rows::{ReaderRows, Row};
    let text = "سلام عليكم".to_string();
    let mut doc = doc_with_furniture();
    doc.paragraphs = std::iter::once(0..text.len()).collect();
    doc.boilerplate = None;
    doc.bytes = text.len() as u64;
    doc.text = text.clone();
    let second = text.find("عليكم").unwrap();
    let x = Mention {
        range: second..text.len(),
        kind: EntityKind::Person,
        entity: "per:x".into(),
        canonical: "X".into(),
    };
    let store = store_with_mention(doc, x);
    let mut a = App::new(store, OPTS, (120, 30));
    press(&mut a, "<S-Tab>");
    let area = panes::reader_text_area(a.area(), a.focus).unwrap();
    // Visual order of an RTL line: the logical end comes first (leftmost).
    let cells: Vec<VisualCell> = text
        .char_indices()
        .rev()
        .map(|(i, c)| VisualCell { symbol: c.to_string(), logical: i..i + c.len_utf8(), width: 1 })
        .collect();
    let n = cells.len();
    let line = VisualLine {
        logical: 0..text.len(),
        cells,
        direction: Direction::Rtl,
        indent: area.width as usize - n,
        paragraph: Some(0),
    };
    let key = a.rows.as_ref().unwrap().key;
    a.rows = Some(ReaderRows::complete(key, vec![Row::Line { line, furniture: false }]));
    let buf = draw(&a);
    let shown = row_text(&buf, area.y, area.x, area.width);
    let visual: String = text.chars().rev().collect();
    assert_eq!(shown.trim_start(), visual, "cells in visual order, flush right");
    assert_eq!(shown.chars().count(), area.width as usize);
    let first = area.x + area.width - n as u16;
    for i in 0..n as u16 {
        let lit = buf[(first + i, area.y)].modifier.contains(Modifier::REVERSED);
        // "عليكم" is logically second, so visually it is the leftmost five cells.
        assert_eq!(lit, i < 5, "cell {i} highlight");
    }
}

#[test]
fn terminal_events_map_to_actions_wheel_click_resize_and_presses_only() {
    use crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
    use qari::tui::action_for;
    let a = app(120, 35);
    let mouse =
        |kind| Event::Mouse(MouseEvent { kind, column: 7, row: 4, modifiers: KeyModifiers::NONE });
    assert_eq!(
        action_for(&a, &mouse(MouseEventKind::ScrollDown)),
        Some(Action::Scroll { column: 7, row: 4, lines: 3 })
    );
    assert_eq!(
        action_for(&a, &mouse(MouseEventKind::ScrollUp)),
        Some(Action::Scroll { column: 7, row: 4, lines: -3 })
    );
    assert_eq!(
        action_for(&a, &mouse(MouseEventKind::Down(MouseButton::Left))),
        Some(Action::Click { column: 7, row: 4 })
    );
    assert_eq!(action_for(&a, &mouse(MouseEventKind::Moved)), None);
    assert_eq!(action_for(&a, &Event::Resize(90, 20)), Some(Action::Resize(90, 20)));
    let g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(action_for(&a, &Event::Key(g)), Some(Action::Bottom), "Shift is folded into 'G'");
    let repeat =
        KeyEvent::new_with_kind(KeyCode::Char('j'), KeyModifiers::NONE, KeyEventKind::Repeat);
    assert_eq!(action_for(&a, &Event::Key(repeat)), None);
}

/// A long article is laid out only as far as the reader has scrolled; `G` lays out the rest;
/// the lazily built rows equal a full layout of the same document.
#[test]
fn long_articles_are_laid_out_lazily_and_match_a_full_layout() {
    let para = "The delegation met in Pyongyang to discuss sanctions and trade, and agreed to meet again. ";
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    for i in 0..4000 {
        let start = text.len();
        text.push_str(&format!("{i}: {}", para.repeat(3)));
        paragraphs.push(start..text.len());
        text.push('\n');
    }
    let mut doc = doc_with_furniture();
    doc.bytes = text.len() as u64;
    doc.text = text;
    doc.paragraphs = paragraphs;
    doc.boilerplate = None;
    let mut a = App::new(store_of(vec![doc], vec![]), OPTS, (120, 30));
    let rows = a.rows.as_ref().unwrap();
    assert!(!rows.is_complete(), "opening lays out the first screens only");
    assert!(rows.rows.len() < 4000, "{} rows laid out at open", rows.rows.len());
    let status = screen(&draw(&a)).last().unwrap().clone();
    assert!(status.contains("line 1 ~0%"), "{status:?}");
    press(&mut a, "<Tab>G");
    let rows = a.rows.clone().unwrap();
    assert!(rows.is_complete());
    assert_eq!(a.reader.top, rows.rows.len() - a.reader_height());
    assert!(screen(&draw(&a)).last().unwrap().contains(&format!("/{} 100%", rows.rows.len())));
    let full =
        qari::tui::rows::build(a.store.text(0), a.store.docs[0].boilerplate.clone(), rows.key);
    assert_eq!(rows.rows, full.rows, "chunked layout = one-shot layout");
}

/// Keys are data: rebinding an action in the table changes both what the key does and the
/// hints on screen.
#[test]
fn rebinding_a_key_in_the_table_changes_behaviour_and_hints() {
    let mut a = App::new(store_of(vec![doc_with_furniture()], vec![]), OPTS, (100, 24));
    for b in &mut a.keymap.bindings {
        if b.action == Action::ToggleBoilerplate {
            b.key = qari::tui::keymap::Key::plain(KeyCode::Char('f'));
        }
    }
    assert!(shows(&draw(&a), "… 3 lines of page furniture (f to show)"));
    press(&mut a, "z");
    assert!(shows(&draw(&a), "page furniture (f to show)"), "z is no longer bound");
    press(&mut a, "f");
    assert!(shows(&draw(&a), "LEAVE A REPLY"));
    press(&mut a, "?");
    assert!(shows(&draw(&a), "f  ") && shows(&draw(&a), "fold/unfold page furniture"));
}

#[test]
fn the_loading_screen_names_the_stage_and_counts_at_any_size() {
    use qari::store::Stage;
    use qari::tui::loading::Loading;
    let drawn = |done: usize, w: u16, h: u16| {
        let state = Loading { stage: Stage::Extracting, done, total: 4000, seconds: 12 };
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| view::loading::draw(&state, f)).unwrap();
        t.backend().buffer().clone()
    };
    // Bar cells (blocks, visible without colour) on the row that holds the count.
    let filled = |buf: &Buffer| {
        let y = (0..buf.area.height).find(|&y| row_text(buf, y, 0, 80).contains("/4000")).unwrap();
        (0..buf.area.width).filter(|&x| buf[(x, y)].symbol() == "█").count()
    };
    let buf = drawn(1280, 80, 24);
    assert!(
        shows(&buf, "finding entities and dates 1280/4000 · 12 s"),
        "{}",
        screen(&buf).join("\n")
    );
    assert!(shows(&buf, "q to quit"));
    let (none, third, all) =
        (filled(&drawn(0, 80, 24)), filled(&buf), filled(&drawn(4000, 80, 24)));
    assert_eq!(none, 0);
    assert!(0 < third && third < all, "{none} < {third} < {all}");
    for (w, h) in [(1, 1), (10, 2), (30, 5)] {
        drawn(10, w, h);
    }
}

#[test]
fn side_panel_orders_entities_and_shows_the_selected_ones_other_spellings() {
    let mut a =
        App::new(bundled(), Options { bidi: BidiMode::App, shape: false, osc52: true }, (160, 50));
    let d = a.store.docs.iter().position(|d| d.path.contains("001_")).unwrap();
    a.open_doc(d);
    // Within a kind: most mentioned first, ties in order of first appearance.
    let ann = &a.store.annotations[d];
    let first = |id: EntityRef| ann.mentions.iter().position(|m| m.entity == id).unwrap();
    for w in a.side.entities.windows(2) {
        let (x, y) = (&w[0], &w[1]);
        if x.kind == y.kind {
            assert!(x.count > y.count || (x.count == y.count && first(x.id) < first(y.id)));
        }
    }
    // Selecting North Korea in the panel lists its other spellings, the Arabic one included,
    // drawn right-to-left.
    a.focus = Pane::Side;
    a.side.selected = a.side.entities.iter().position(|e| e.name == "North Korea").unwrap();
    let buf = draw(&a);
    let also = screen(&buf).into_iter().find(|l| l.contains("also:")).expect("spellings row");
    assert!(also.contains("DPRK"), "{also}");
    assert!(also.contains("ةيلامشلا ايروك"), "Arabic in visual order: {also}");
    // Not while the panel is not focused.
    a.focus = Pane::Reader;
    assert!(!shows(&draw(&a), "also:"));
}

#[test]
fn idle_moments_lay_out_the_rest_of_a_long_document() {
    let para = "North Korean and Syrian officials met again in Damascus to discuss trade. ";
    let text: String = (0..4000).map(|i| format!("{para}{i}\n\n")).collect();
    let doc = Document {
        id: 0,
        path: "long.txt".into(),
        title: "A long document".into(),
        byline: None,
        date: None,
        lang: "en".into(),
        url: None,
        bytes: text.len() as u64,
        paragraphs: corpus::paragraph_ranges(&text),
        boilerplate: None,
        problems: Vec::new(),
        text,
    };
    let corpus = Corpus { documents: vec![doc], problems: Vec::new(), skipped: 0 };
    let mut a = App::new(Store::build(corpus, &Extractor::new()), OPTS, (120, 40));
    a.open_doc(0);
    assert!(a.layout_pending(), "only the first screens are laid out at open");
    a.message = Some("kept".into());
    let mut ticks = 0;
    while a.layout_pending() {
        update(&mut a, Action::Idle);
        ticks += 1;
        assert!(ticks < 10_000, "idle work ends");
    }
    assert!(ticks > 1, "the work is spread over several idle moments");
    assert_eq!(a.message.as_deref(), Some("kept"), "idle work does not clear a message");
    let total = a.rows.as_ref().unwrap().rows.len();
    update(&mut a, Action::FocusNext);
    press(&mut a, "G");
    assert_eq!(a.reader.top + a.reader_height(), total, "the end is on screen");
}

/// A plain one-paragraph document.
fn note(path: &str, title: &str, body: &str) -> Document {
    let text = format!("{title}\n{body}");
    Document {
        id: 0,
        path: path.into(),
        title: title.into(),
        byline: None,
        date: None,
        lang: "en".into(),
        url: None,
        bytes: text.len() as u64,
        paragraphs: corpus::paragraph_ranges(&text),
        text,
        boilerplate: None,
        problems: Vec::new(),
    }
}

/// A refresh lands while reading: the list gains the new file, the open document (whose file
/// changed) is replaced by its new version, read marks and the other ids stay, and the status
/// bar says what changed.
#[test]
fn a_refresh_while_reading_takes_in_new_and_changed_files() {
    let a0 = note("a/one.txt", "First file", "Talks in Hanoi went on.");
    let b0 = note("a/two.txt", "Second file", "Old text of the second file.");
    let old = Store::from_parts(vec![a0.clone(), b0.clone()], Vec::new(), Vec::new(), 0, true);
    let mut a = App::new(old, OPTS, (120, 30));
    let second = a.list.order.iter().position(|&d| a.store.docs[d].path == "a/two.txt").unwrap();
    a.list.selected = second;
    press(&mut a, "<Enter>");
    assert_eq!(a.reader.doc, Some(1));
    let b1 = note("a/two.txt", "Second file", "New text of the second file.");
    let c = note("a/three.txt", "Third file", "A new file arrived.");
    // The refreshed store keeps ids 0 and 1 (1 removed: its file changed) and appends two.
    let fresh = Store::from_parts(vec![a0, b0, b1, c], Vec::new(), Vec::new(), 0, true);
    let mut docs = fresh.docs;
    docs[1].removed = true;
    let fresh = Store::assemble(
        docs,
        fresh.texts,
        fresh.annotations,
        fresh.table,
        Vec::new(),
        0,
        fresh.search,
    );
    let store = qari::tui::action::SharedStore(std::sync::Arc::new(fresh));
    update(&mut a, Action::Refreshed { store, summary: "1 new, 1 changed".into(), same_ids: true });
    let buf = draw(&a);
    assert!(shows(&buf, "Third file"), "the new file is listed");
    assert_eq!(a.list.order.len(), 3, "two old-or-changed plus one new");
    assert!(shows(&buf, "Documents 3/3"), "the removed version is not counted");
    assert_eq!(a.reader.doc, Some(2), "the open document is its file's new version");
    assert!(shows(&buf, "New text of the second file"), "{}", screen(&buf).join("\n"));
    assert!(a.read[0], "the first file, opened at start, is still marked read");
    assert!(a.read[2] && !a.read[3], "the new version is read (open), the new file is not");
    assert!(shows(&buf, "archive updated: 1 new, 1 changed"));
}
