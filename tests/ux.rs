//! Issue 11's papercuts and habits, as a user meets them, without a terminal: side-panel rows
//! cut with an ellipsis, its dates reachable, `g`/`G` in the views, the jump history through
//! "appears with", open date bounds, plurals, the find prompt, next/previous article and the
//! list's width — typed as key strings through the keymap and `update`, drawn in `TestBackend`.

mod common;

use common::reader::*;
use qari::extract::{Annotations, EntityKind, Granularity};
use qari::store::Store;
use qari::tui::app::{App, Pane};
use qari::tui::nav::NavView;
use qari::tui::panes;
use qari::tui::view::nav::{Target, view_rows};
use ratatui::style::Modifier;

const LONG_TITLE: &str = "North Korea state media says Syria’s Assad wants to meet Kim";
const DATED: &str = "The Korean Central News Agency reported the visit on 4 June 2018.\n\
Talks were first planned for May 2018 and then for 12 June 2018.\n\
A second round may come in 2019, or on 1 March 2019.\n\
Nothing else was said.";

/// One English document with a long file name, a long URL, a long organisation name and five
/// dates; and the nav fixture's weather note beside it.
fn long_store() -> Store {
    let mut d =
        doc(0, "000_4fd235359b016927_a_long_file_name.txt", LONG_TITLE, "en", "2018-06-04", DATED);
    d.url = Some("https://example.com/news/2018/06/04/north-korea-syria-assad-kim".into());
    let kcna = mentions(
        DATED,
        "Korean Central News Agency",
        EntityKind::Org,
        "org:kcna",
        "Korean Central News Agency",
    );
    let dates = vec![
        date(DATED, "4 June 2018", "2018-06-04", Granularity::Day),
        date(DATED, "May 2018", "2018-05-01", Granularity::Month),
        date(DATED, "12 June 2018", "2018-06-12", Granularity::Day),
        date(DATED, "2019", "2019-01-01", Granularity::Year),
        date(DATED, "1 March 2019", "2019-03-01", Granularity::Day),
    ];
    let other = doc(1, "weather.txt", "Weather in Hanoi", "en", "2017-03-02", OTHER);
    let hanoi = mentions(OTHER, "Hanoi", EntityKind::Place, "gpe:hanoi", "Hanoi");
    Store::from_parts(
        vec![d, other],
        vec![Annotations { mentions: kcna, dates }, Annotations { mentions: hanoi, dates: vec![] }],
        Vec::new(),
        0,
        true,
    )
}

fn long_app(w: u16, h: u16) -> App {
    let mut a = App::new(long_store(), OPTS, (w, h));
    a.open_doc(0);
    a
}

/// The side panel's inner rows as text.
fn side_rows(a: &App) -> Vec<String> {
    let buf = draw(a);
    let r = panes::inner(a.panes().side.expect("side panel shown"));
    (r.y..r.y + r.height)
        .map(|y| (r.x..r.x + r.width).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>())
        .collect()
}

#[test]
fn side_panel_rows_too_long_show_what_fits_and_end_with_an_ellipsis() {
    let a = long_app(120, 30);
    let rows = side_rows(&a);
    let row = |label: &str| {
        rows.iter()
            .find(|r| r.starts_with(label))
            .cloned()
            .unwrap_or_else(|| panic!("{label}: {rows:#?}"))
    };
    // The file name is shown (not a blank row), cut with an ellipsis.
    let file = row("file  ");
    assert!(file.starts_with("file  000_4fd2353"), "{file:?}");
    assert!(file.trim_end().ends_with('…'), "{file:?}");
    let url = row("url   ");
    assert!(url.starts_with("url   https://example.c"), "{url:?}");
    assert!(url.trim_end().ends_with('…'), "{url:?}");
    let org = rows.iter().find(|r| r.contains("Korean Central")).expect("the organisation");
    assert!(org.starts_with(" Korean Central News"), "{org:?}");
    assert!(org.trim_end().ends_with('…'), "{org:?}");
    // A row that fits is left alone.
    assert_eq!(row("lang  ").trim_end(), "lang  en");
}

#[test]
fn every_date_of_the_side_panel_can_be_selected_and_enter_shows_it_in_the_text() {
    let mut a = long_app(120, 16);
    press(&mut a, "<Tab><Tab>");
    assert_eq!(a.focus, Pane::Side);
    assert!(qari::tui::view::side::rows(&a).iter().any(|r| r.text == "Dates (5)"));
    // G reaches the last date; it is on screen and selected.
    press(&mut a, "G");
    let last = a.side.dates.last().expect("dates").clone();
    assert_eq!(last.value, "2019-03-01");
    let buf = draw(&a);
    let r = panes::inner(a.panes().side.unwrap());
    let y = (r.y..r.y + r.height)
        .find(|&y| row_text(&buf, y).contains("2019-03-01  1 March"))
        .expect("the last date is drawn");
    assert!(buf[(r.x + 2, y)].modifier.contains(Modifier::REVERSED), "and selected");
    // Walking up passes every date.
    let mut seen = vec![a.side_date().unwrap().value.clone()];
    for _ in 0..4 {
        press(&mut a, "k");
        seen.push(a.side_date().expect("still a date").value.clone());
    }
    assert_eq!(seen, ["2019-03-01", "2019", "2018-06-12", "2018-06-04", "2018-05"]);
    // Enter on a date: the reader shows it, marked, and Ctrl-o comes back.
    press(&mut a, "G<Enter>");
    assert_eq!(a.focus, Pane::Reader);
    let hit = a.current_hit().expect("the date is marked");
    assert_eq!(&DATED[hit.clone()], "1 March 2019");
    assert!(a.visible_bytes().contains(&hit.start));
    assert!(!a.history.back.is_empty());
}

#[test]
fn g_and_shift_g_go_to_the_first_and_last_entries_of_the_entity_view_and_timeline() {
    let mut a = app(100, 30);
    let targets = |a: &App| -> Vec<usize> {
        view_rows(a)
            .iter()
            .enumerate()
            .filter(|(_, r)| r.target.is_some())
            .map(|(i, _)| i)
            .collect()
    };
    let selected = |a: &App| match &a.nav.view {
        Some(NavView::Entity { selected, .. } | NavView::Timeline { selected }) => *selected,
        other => panic!("entity view or timeline expected: {other:?}"),
    };
    press(&mut a, "t");
    let t = targets(&a);
    assert!(t.len() >= 3);
    press(&mut a, "G");
    assert_eq!(selected(&a), *t.last().unwrap());
    press(&mut a, "g");
    assert_eq!(selected(&a), t[0]);
    press(&mut a, "q<Tab><Tab><Enter>");
    assert!(matches!(a.nav.view, Some(NavView::Entity { .. })));
    let t = targets(&a);
    press(&mut a, "<End>");
    assert_eq!(selected(&a), *t.last().unwrap());
    press(&mut a, "<Home>");
    assert_eq!(selected(&a), t[0]);
}

#[test]
fn ctrl_o_after_an_appears_with_entity_returns_to_the_entity_view_it_left() {
    let mut a = app(100, 30);
    press(&mut a, "<Tab><Tab><Enter>");
    let first = match &a.nav.view {
        Some(NavView::Entity { id, .. }) => *id,
        other => panic!("entity view expected, got {other:?}"),
    };
    // Down to the first "appears with" row, then Enter.
    for _ in 0..20 {
        let rows = view_rows(&a);
        let sel = match &a.nav.view {
            Some(NavView::Entity { selected, .. }) => *selected,
            _ => unreachable!(),
        };
        if matches!(rows[sel].target, Some(Target::Entity(_))) {
            break;
        }
        press(&mut a, "j");
    }
    press(&mut a, "<Enter>");
    let second = match &a.nav.view {
        Some(NavView::Entity { id, .. }) => *id,
        other => panic!("entity view expected, got {other:?}"),
    };
    assert_ne!(first, second);
    press(&mut a, "<C-o>");
    assert!(
        matches!(a.nav.view, Some(NavView::Entity { id, .. }) if id == first),
        "back in the first entity's view: {:?}",
        a.nav.view
    );
    press(&mut a, "<C-n>");
    assert!(matches!(a.nav.view, Some(NavView::Entity { id, .. }) if id == second));
    // From a document opened in the second view, back is the reader, then the first view.
    press(&mut a, "g<Enter>");
    assert_eq!(a.nav.view, None);
    press(&mut a, "<C-o>");
    assert_eq!(a.nav.view, None);
    assert_eq!(a.reader.doc, Some(0));
    press(&mut a, "<C-o>");
    assert!(matches!(a.nav.view, Some(NavView::Entity { id, .. }) if id == first));
}

#[test]
fn an_open_end_of_the_date_filter_shows_as_open_and_counts_are_singular_for_one() {
    let mut a = app(120, 30);
    press(&mut a, "D..2018-01<Enter>");
    let s = status(&a);
    assert!(s.contains("filter: ..2018-01-31 (1 document)"), "{s}");
    // The list's title names the filter as far as it fits, then "…".
    let top = row_text(&draw(&a), 0);
    assert!(top.contains("Documents 1/3 · date↑ · ..20…"), "{top}");
    assert!(!screen(&draw(&a)).concat().contains("262143"));
    press(&mut a, "x");
    press(&mut a, "D2018-06-14..<Enter>");
    assert!(status(&a).contains("filter: 2018-06-14.. (1 document)"), "{}", status(&a));
    press(&mut a, "x");
    assert!(status(&a).contains("filters cleared (3 documents)"), "{}", status(&a));
    // The weather note's one place: one mention in one document.
    let mut w = app(120, 30);
    w.open_doc(2);
    press(&mut w, "<Tab><Tab><Enter>");
    assert!(shows(&draw(&w), "1 mention in 1 document"), "{:#?}", screen(&draw(&w)));
}

#[test]
fn the_find_prompt_covers_the_status_bar_and_keeps_its_fields_apart() {
    let mut a = app(120, 30);
    press(&mut a, "fRi");
    let bottom = status(&a);
    assert!(bottom.starts_with("find: Ri "), "{bottom:?}");
    assert!(bottom.trim_end().ends_with(" found"), "{bottom:?}");
    assert!(!bottom.contains("line "), "no status bar text under the prompt: {bottom:?}");
}

#[test]
fn shift_j_and_k_open_the_next_and_previous_document_in_list_order() {
    let mut a = app(120, 30);
    // By date: the weather note (2017), the English (open) and the Arabic document.
    assert_eq!(a.list.order, [2, 0, 1]);
    press(&mut a, "<Tab>J");
    assert_eq!(a.reader.doc, Some(1));
    assert_eq!(a.list.selected, 2, "the list cursor follows");
    assert!(a.read[1]);
    assert!(status(&a).contains("doc 3/3"));
    press(&mut a, "J");
    assert_eq!(a.reader.doc, Some(1));
    assert!(status(&a).contains("the last document"), "{}", status(&a));
    press(&mut a, "KK");
    assert_eq!((a.reader.doc, a.list.selected), (Some(2), 0));
    press(&mut a, "K");
    assert!(status(&a).contains("the first document"));
    assert_eq!(a.focus, Pane::Reader, "J/K keep the reader focused");
}

#[test]
fn angle_brackets_narrow_and_widen_the_list_within_bounds_and_the_reader_relayouts() {
    let mut a = long_app(120, 30);
    let list_w = |a: &App| a.panes().list.unwrap().width;
    let before = (list_w(&a), a.reader_width());
    // At the default width the long title is cut…
    let list_text = |a: &App| {
        let buf = draw(a);
        let r = panes::inner(a.panes().list.unwrap());
        (r.y..r.y + r.height)
            .map(|y| (r.x..r.x + r.width).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(!list_text(&a).contains(LONG_TITLE));
    assert!(list_text(&a).contains("North Korea state media says"));
    press(&mut a, ">");
    assert_eq!(list_w(&a), before.0 + 6);
    assert_eq!(a.reader_width(), before.1 - 6);
    assert_eq!(a.rows.as_ref().unwrap().key.width, a.reader_width(), "laid out again");
    // …and readable in full once widened (at 120 columns).
    press(&mut a, ">>>>>>>>>>");
    assert!(list_text(&a).contains(LONG_TITLE), "{}", list_text(&a));
    assert!(a.reader_width() >= panes::READER_MIN as usize - 2);
    assert!(status(&a).contains("the list is as wide as it goes"), "{}", status(&a));
    press(&mut a, "<lt><lt><lt><lt><lt><lt><lt><lt><lt><lt><lt><lt><lt><lt><lt>");
    assert_eq!(list_w(&a), panes::LIST_MIN);
    assert!(status(&a).contains("as narrow as it goes"));
    // The width holds when the terminal is resized; narrow terminals ignore it.
    press(&mut a, ">");
    let w = list_w(&a);
    assert!(w > panes::LIST_MIN);
    qari::tui::update(&mut a, qari::tui::Action::Resize(70, 30));
    assert_eq!(list_w(&a), 70, "a narrow terminal shows the list alone, full width");
    qari::tui::update(&mut a, qari::tui::Action::Resize(120, 30));
    assert_eq!(list_w(&a), w);
}

#[test]
fn t_on_a_date_of_the_side_panel_opens_the_timeline_at_that_date() {
    let mut a = long_app(120, 30);
    press(&mut a, "<Tab><Tab>Gk");
    assert_eq!(a.side_date().map(|d| d.value.as_str()), Some("2019"));
    press(&mut a, "t");
    let sel = match &a.nav.view {
        Some(NavView::Timeline { selected }) => *selected,
        other => panic!("timeline expected: {other:?}"),
    };
    match &view_rows(&a)[sel].target {
        Some(Target::Doc { doc: 0, hl, .. }) => assert_eq!(&DATED[hl.clone()], "2019"),
        other => panic!("the 2019 entry expected: {other:?}"),
    }
}
