//! Following things through the archive, without a terminal: search line, find, hits,
//! entity mentions, entity view, history, timeline and list filters, typed as key strings
//! through the keymap and `update`; entity view and timeline drawn into `TestBackend`.

mod common;

use chrono::NaiveDate;
use common::reader::*;
use qari::corpus;
use qari::extract::Extractor;
use qari::store::Store;
use qari::text::layout::BidiMode;
use qari::tui::app::{App, Pane};
use qari::tui::keymap::Mode;
use qari::tui::nav::{NavAction, NavView};
use qari::tui::search::{ResultRow, SearchResults};
use qari::tui::view::nav::{Target, view_rows};
use qari::tui::{Action, Effect, update};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

#[test]
fn search_line_types_live_drops_stale_results_and_enter_n_n_esc_navigate_hits() {
    let mut a = app(100, 30);
    assert!(press(&mut a, "").is_empty());
    press(&mut a, "/");
    assert_eq!(a.mode(), Mode::SearchLine);
    // Every typed character starts a newer search; the UI does not wait for any of them.
    let effects = press(&mut a, "ri<BS>i");
    let gens: Vec<u64> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Search { generation, .. } => Some(*generation),
            _ => None,
        })
        .collect();
    assert_eq!(gens.len(), 4, "one job per keystroke: {effects:?}");
    assert!(gens.windows(2).all(|w| w[0] < w[1]), "generations increase");
    let line = a.nav.line.as_ref().unwrap();
    assert_eq!(line.input(), "ri");
    assert!(line.pending);
    assert!(shows(&draw(&a), "searching…"));
    // A stale answer (an older generation) is dropped; the newest one is shown.
    let stale = SearchResults {
        generation: gens[0],
        query: "r".into(),
        outcome: Ok(vec![result(2, OTHER, "Rain")]),
        facets: Vec::new(),
    };
    update(&mut a, Action::Nav(NavAction::SearchDone(stale)));
    assert!(a.nav.line.as_ref().unwrap().results.is_empty());
    let fresh = SearchResults {
        generation: *gens.last().unwrap(),
        query: "ri".into(),
        outcome: Ok(vec![result(1, AR, "ري يونغ هو"), result(0, EN, "Ri Yong Ho")]),
        facets: Vec::new(),
    };
    update(&mut a, Action::Nav(NavAction::SearchDone(fresh)));
    let buf = draw(&a);
    assert!(shows(&buf, "2 documents"));
    assert!(shows(&buf, "2018-06-13 · en"), "result rows show date and language");
    // The snippet's hit is highlighted.
    let y = (0..buf.area.height).find(|&y| row_text(&buf, y).contains("… Ri Yong Ho …")).unwrap();
    let shown = row_text(&buf, y);
    let x = shown[..shown.find("Ri Yong").unwrap()].width() as u16;
    assert!(!buf[(x - 1, y)].modifier.contains(Modifier::REVERSED), "only the hit is lit");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    // Tab to the English result (↑/↓ walk the history), Enter opens it at its first hit; the
    // counter says 1/3.
    press(&mut a, "<Tab><Enter>");
    assert_eq!(a.mode(), Mode::Normal);
    assert_eq!(a.reader.doc, Some(0));
    assert!(status(&a).contains("“ri” 1/3"), "{}", status(&a));
    press(&mut a, "n");
    assert_eq!(a.nav.hits.as_ref().unwrap().current, 1);
    assert!(status(&a).contains("2/3"));
    press(&mut a, "nn");
    assert_eq!(a.nav.hits.as_ref().unwrap().current, 0, "n wraps around");
    press(&mut a, "N");
    assert!(status(&a).contains("3/3"));
    let hit = a.nav.hits.as_ref().unwrap().hits[2].clone();
    assert!(a.visible_bytes().contains(&hit.start), "the current hit is on screen");
    // Esc drops the hits and returns to where the search began.
    press(&mut a, "<Esc>");
    assert!(a.nav.hits.is_none());
    assert_eq!(a.reader.doc, Some(0));
    assert!(!status(&a).contains("“ri”"));
}

#[test]
fn esc_in_the_search_line_returns_to_where_the_reader_was_and_errors_are_explained() {
    let mut a = app(100, 30);
    press(&mut a, "<Tab>jj");
    let before = a.location();
    press(&mut a, "/title:");
    let g = a.nav.generation;
    let bad = SearchResults {
        generation: g,
        query: "title:".into(),
        outcome: Err("title: needs a word after it".into()),
        facets: Vec::new(),
    };
    update(&mut a, Action::Nav(NavAction::SearchDone(bad)));
    assert!(shows(&draw(&a), "⚠ title: needs a word after it"));
    press(&mut a, "<Enter>");
    assert_eq!(a.mode(), Mode::SearchLine, "Enter without results keeps the line open");
    assert!(a.message.as_deref().unwrap_or("").contains("needs a word"));
    press(&mut a, "<Esc>");
    assert_eq!(a.mode(), Mode::Normal);
    assert_eq!(a.location(), before);
}

#[test]
fn find_in_the_document_folds_case_and_arabic_variants_and_steps_with_n() {
    let mut a = app(100, 30);
    press(&mut a, "fri yong ho");
    assert_eq!(a.mode(), Mode::SearchLine);
    assert!(status(&a).contains("3 found"), "{}", status(&a));
    press(&mut a, "<Enter>n");
    assert_eq!(a.nav.hits.as_ref().unwrap().current, 1);
    assert!(status(&a).contains("2/3"));
    // On the line "Later, Ri Yong Ho spoke … Ri Yong Ho then left": the current hit is
    // bold, the other one on the same line keeps its underline.
    let buf = draw(&a);
    let y =
        (0..buf.area.height).find(|&y| row_text(&buf, y).contains("Later, Ri Yong Ho")).unwrap();
    let line = row_text(&buf, y);
    let col = |needle: &str| line[..line.find(needle).unwrap()].width() as u16;
    let (cur, other) = (col("Ri Yong Ho spoke"), col("Ri Yong Ho then"));
    let m = |x: u16| buf[(x, y)].modifier;
    assert!(m(cur).contains(Modifier::BOLD | Modifier::REVERSED));
    assert!(!m(cur).contains(Modifier::UNDERLINED));
    assert!(m(other).contains(Modifier::UNDERLINED | Modifier::REVERSED));
    assert!(!m(other).contains(Modifier::BOLD));
    // Arabic: a harakat-decorated query finds the plain text in the Arabic document.
    a.open_doc(1);
    press(&mut a, "fرِي يونغ<Enter>");
    let h = a.nav.hits.as_ref().expect("Arabic find hits");
    assert_eq!(h.hits.len(), 2);
    assert_eq!(&AR[h.hits[0].clone()], "ري يونغ");
    // The hits are drawn highlighted inside the right-to-left line.
    let buf = draw(&a);
    let lit: String = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&p| buf[p].modifier.contains(Modifier::UNDERLINED))
        .map(|p| buf[p].symbol().to_string())
        .collect();
    assert!(lit.contains('ي') && lit.contains('غ'), "highlighted cells: {lit}");
    press(&mut a, "fnothing-like-this<Enter>");
    assert!(a.message.as_deref().unwrap_or("").contains("not found"));
}

#[test]
fn entity_mentions_history_timeline_and_filters_by_key() {
    let mut a = app(120, 35);
    // Select Ri Yong Ho in the side panel (people first, most mentions first).
    press(&mut a, "<S-Tab>");
    assert_eq!(a.focus, Pane::Side);
    assert_eq!(a.side.entities[a.side.selected].name, "Ri Yong Ho");
    press(&mut a, "]");
    assert!(status(&a).contains("Ri Yong Ho 1/3"), "{}", status(&a));
    press(&mut a, "]");
    assert!(status(&a).contains("2/3"), "{}", status(&a));
    press(&mut a, "]");
    assert!(status(&a).contains("3/3"), "{}", status(&a));
    let third = EN.rfind("Ri Yong Ho").unwrap();
    assert!(a.visible_bytes().contains(&third));
    // Moving the side cursor to Mike Pompeo: `]` follows him, and only he is lit.
    press(&mut a, "j]");
    assert_eq!(followed(&a), Some("per:mike_pompeo"));
    assert!(status(&a).contains("Mike Pompeo 1/1"), "{}", status(&a));
    assert!(a.highlights().iter().all(|h| &EN[h.clone()] == "Mike Pompeo"));
    press(&mut a, "k]]");
    assert!(status(&a).contains("Ri Yong Ho 2/3"), "{}", status(&a));
    press(&mut a, "]");
    press(&mut a, "[");
    assert!(status(&a).contains("2/3"), "{}", status(&a));
    // Enter on the entity: its view, with both documents.
    press(&mut a, "<Enter>");
    assert_eq!(a.mode(), Mode::EntityView);
    let rows = view_rows(&a);
    assert!(rows.iter().any(|r| r.text.contains("3 mention") || r.text.contains("5 mention")));
    assert!(rows.iter().any(|r| r.text.contains("ري يونغ هو يلتقي بومبيو")));
    assert!(rows.iter().any(|r| r.text.contains("seen as") && r.text.contains("ري يونغ هو")));
    assert!(rows.iter().any(|r| r.text.contains("Mike Pompeo") && r.target.is_some()));
    // j to the Arabic document, Enter opens it at the mention.
    let left = a.location().unwrap();
    assert!(left.anchor > 0, "the English document was scrolled by the mention jumps");
    press(&mut a, "j<Enter>");
    assert_eq!(a.reader.doc, Some(1));
    assert_eq!(a.mode(), Mode::Normal);
    assert_eq!(followed(&a), Some("per:ri_yong_ho"));
    assert!(a.highlights().iter().any(|h| &AR[h.clone()] == "ري يونغ هو"));
    assert!(status(&a).contains("Ri Yong Ho 1/2"), "{}", status(&a));
    press(&mut a, "]");
    assert!(status(&a).contains("Ri Yong Ho 2/2"), "{}", status(&a));
    // Back: first to where `]` started (the mention jump is recorded), then to the
    // English document, at the place we left, with the entity still followed.
    press(&mut a, "<C-o>");
    assert_eq!(a.reader.doc, Some(1));
    press(&mut a, "<C-o>");
    assert_eq!(a.reader.doc, Some(0));
    assert_eq!(a.reader.anchor, left.anchor, "the scroll position comes back");
    assert_eq!(followed(&a), Some("per:ri_yong_ho"));
    press(&mut a, "<C-n>");
    assert_eq!(a.reader.doc, Some(1));
    // Ctrl-o from inside a view closes it and goes back.
    press(&mut a, "E");
    assert_eq!(a.mode(), Mode::EntityView);
    press(&mut a, "<C-o>");
    assert_eq!((a.mode(), a.reader.doc), (Mode::Normal, Some(0)));
    press(&mut a, "<C-n>");
    assert_eq!(a.reader.doc, Some(1));
    // Entity view → another entity's view.
    press(&mut a, "E");
    let pompeo = view_rows(&a)
        .iter()
        .position(|r| matches!(&r.target, Some(Target::Entity(id)) if id_of(&a, *id) == "per:mike_pompeo"))
        .unwrap();
    while !matches!(a.nav.view, Some(NavView::Entity { selected, .. }) if selected == pompeo) {
        press(&mut a, "j");
    }
    press(&mut a, "<Enter>");
    assert!(
        matches!(&a.nav.view, Some(NavView::Entity { id, .. }) if id_of(&a, *id) == "per:mike_pompeo")
    );
    // Filter the list to Pompeo's documents, then clear.
    press(&mut a, "F");
    assert_eq!(a.mode(), Mode::Normal);
    let mut shown = a.list.order.clone();
    shown.sort();
    assert_eq!(shown, vec![0, 1]);
    assert!(shows(&draw(&a), "Mike Pompeo"), "the active filter is shown");
    press(&mut a, "x");
    assert_eq!(a.list.order.len(), 3);
    // Timeline: grouped by year and month, oldest first; Enter opens at the date.
    press(&mut a, "t");
    assert_eq!(a.mode(), Mode::Timeline);
    let rows = view_rows(&a);
    let heads: Vec<&str> = rows.iter().filter(|r| r.heading).map(|r| r.text.as_str()).collect();
    assert_eq!(heads, vec!["2017", "March 2017", "2018", "June 2018", "2019"]);
    press(&mut a, "j<Enter>");
    assert_eq!(a.reader.doc, Some(0));
    let at = EN.find("June 12, 2018").unwrap();
    assert!(a.highlights().contains(&(at..at + "June 12, 2018".len())));
    assert!(a.visible_bytes().contains(&at));
    press(&mut a, "<C-o>");
    assert_eq!(a.reader.doc, Some(1), "the timeline jump is in the history");
    // Date range and unread filters.
    press(&mut a, "D2018<Enter>");
    let mut shown = a.list.order.clone();
    shown.sort();
    assert_eq!(shown, vec![0, 1]);
    press(&mut a, "Dnot a date<Enter>");
    assert_eq!(a.mode(), Mode::SearchLine, "a bad range keeps the prompt open");
    assert!(shows(&draw(&a), "not a date"));
    press(&mut a, "<Esc>xu");
    // Every fixture document has been opened by now (the oldest one at start).
    assert!(a.list.order.is_empty(), "only unread documents: {:?}", a.list.order);
    assert!(status(&a).contains("unread (0 documents)"), "{}", status(&a));
    press(&mut a, "x");
    assert_eq!(a.list.order.len(), 3);
}

#[test]
fn e_selects_the_entity_on_screen_and_the_side_panel_dates_open_the_timeline_there() {
    let mut a = app(120, 35);
    a.open_doc(2);
    press(&mut a, "e");
    assert_eq!(a.focus, Pane::Side);
    assert_eq!(followed(&a), Some("gpe:hanoi"));
    press(&mut a, "t");
    let Some(NavView::Timeline { selected }) = a.nav.view else { panic!("timeline open") };
    let rows = view_rows(&a);
    assert!(matches!(rows[selected].target, Some(Target::Doc { doc: 2, .. })));
}

/// The screen row holding `needle`, if any.
fn find_row(buf: &Buffer, needle: &str) -> Option<String> {
    screen(buf).into_iter().find(|l| l.contains(needle))
}

#[test]
fn entity_view_draws_the_arabic_context_right_to_left() {
    let mut a = app(80, 24);
    press(&mut a, "<S-Tab><Enter>");
    let buf = draw(&a);
    assert!(shows(&buf, "Ri Yong Ho — person"));
    assert!(shows(&buf, "Documents (2)"));
    // The status bar stays under the view.
    let bottom = row_text(&buf, 23);
    assert!(bottom.contains("doc ") && bottom.contains("? help"), "{bottom}");
    assert!(shows(&buf, "Appears with"));
    // "قال ري يونغ هو إن …" in logical order reads, left to right on screen, reversed.
    let row = find_row(&buf, "وه غنوي ير لا")
        .unwrap_or_else(|| panic!("Arabic context in visual order:\n{}", screen(&buf).join("\n")));
    assert!(row.contains("وه غنوي ير لاق"), "{row}");
    assert!(!row.contains("قال ري"), "not in logical order: {row}");
    // Right-aligned: the text ends at the view's right edge (before the border).
    let trimmed = row.trim_end_matches('│').trim_end_matches('┃');
    assert!(!trimmed.ends_with(' '), "right-aligned: {row:?}");
    // The mention is highlighted.
    let y = (0..24).find(|&y| row_text(&buf, y) == row).unwrap();
    let lit: String = (0..80)
        .filter(|&x| buf[(x, y)].modifier.contains(Modifier::UNDERLINED))
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect();
    assert_eq!(lit, "وه غنوي ير");
}

#[test]
fn timeline_draws_year_month_headings_and_arabic_sentences_right_to_left() {
    let mut a = app(80, 24);
    press(&mut a, "t");
    let buf = draw(&a);
    assert!(shows(&buf, "Timeline"));
    assert!(shows(&buf, "March 2017"));
    assert!(shows(&buf, "2017-03  March 2017 · Weather in Hanoi"));
    let row = find_row(&buf, "لاق").expect("the Arabic sentence");
    assert!(row.contains("وه غنوي ير لاق"), "{row}");
}

#[test]
fn every_view_draws_at_80x24_and_smaller_without_panicking() {
    for keys in ["/ri", "fri", "<S-Tab><Enter>", "t", "D20"] {
        for (w, h) in [(80, 24), (40, 12), (20, 5), (1, 1)] {
            let mut a = app(w, h);
            press(&mut a, keys);
            let _ = draw(&a);
        }
    }
}

// ---- The bundled archive (needs the real extractor; search needs the real index) ----

fn bundled() -> App {
    App::new(Store::build(corpus::load_bundled(), &Extractor::new()), OPTS, (120, 35))
}

fn open_sample(a: &mut App, prefix: &str) {
    let d = a.store.docs.iter().position(|d| d.path.contains(prefix)).unwrap();
    a.open_doc(d);
}

#[test]
fn bundled_ri_yong_ho_view_lists_samples_002_and_004_and_opens_the_arabic_mention() {
    let mut a = bundled();
    open_sample(&mut a, "000_");
    let i = a.side.entities.iter().position(|e| e.name == "Ri Yong Ho").expect("Ri in 000");
    a.focus = Pane::Side;
    a.side.selected = i;
    press(&mut a, "<Enter>");
    let rows = view_rows(&a);
    let docs: Vec<usize> = rows
        .iter()
        .filter_map(|r| match r.target {
            Some(Target::Doc { doc, .. }) => Some(doc),
            _ => None,
        })
        .collect();
    let paths: Vec<String> = a.store.docs.iter().map(|d| d.path.clone()).collect();
    let path = |d: usize| paths[d].clone();
    assert!(docs.iter().any(|&d| path(d).contains("002_")));
    assert!(docs.iter().any(|&d| path(d).contains("004_")));
    while !matches!(&a.nav.view, Some(NavView::Entity { selected, .. })
        if matches!(rows[*selected].target, Some(Target::Doc { doc, .. }) if path(doc).contains("004_")))
    {
        press(&mut a, "j");
    }
    press(&mut a, "<Enter>");
    let doc = a.reader.doc.unwrap();
    assert!(path(doc).contains("004_"));
    let text = a.store.text(doc);
    assert!(a.highlights().iter().any(|h| text[h.clone()].contains("ري يونغ هو")));
    press(&mut a, "<C-o>");
    assert!(path(a.reader.doc.unwrap()).contains("000_"));
}

#[test]
fn a_mention_in_folded_page_furniture_unfolds_it_when_jumped_to() {
    let mut a = bundled();
    open_sample(&mut a, "001_");
    let doc = a.reader.doc.unwrap();
    let furniture = a.store.docs[doc].boilerplate.clone().expect("001 has a related-news list");
    // Mattis is named only in the related-news headlines.
    let i = a.side.entities.iter().position(|e| e.name.contains("Mattis")).expect("Mattis");
    a.focus = Pane::Side;
    a.side.selected = i;
    assert!(!a.reader.unfolded.contains(&doc), "furniture starts folded");
    press(&mut a, "]");
    assert!(a.reader.unfolded.contains(&doc), "the jump unfolded the furniture");
    let lit = a.highlights();
    assert!(lit.iter().all(|h| furniture.contains(&h.start)));
    let shown = a.visible_bytes();
    assert!(lit.iter().any(|h| shown.contains(&h.start)), "a Mattis mention is on screen");
}

#[test]
fn bundled_live_search_for_pyongyang_finds_both_languages() {
    let mut a = bundled();
    let effects = press(&mut a, "/pyongyang");
    run_searches(&mut a, effects);
    let line = a.nav.line.as_ref().unwrap();
    assert!(line.error.is_none(), "{:?}", line.error);
    let langs: Vec<&str> = line.results.iter().map(|r| a.store.docs[r.doc].lang.as_str()).collect();
    assert!(langs.contains(&"en") && langs.contains(&"ar"), "{langs:?}");
    press(&mut a, "<Enter>");
    let h = a.nav.hits.as_ref().expect("hits in the opened document");
    assert!(!h.hits.is_empty());
    assert!(a.visible_bytes().contains(&h.hits[0].start));
}

#[test]
fn date_filter_ranges_parse_years_months_days_and_open_ends() {
    use qari::tui::nav::parse_date_range;
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let table = [
        ("2018", (d("2018-01-01"), d("2018-12-31"))),
        ("2018-02", (d("2018-02-01"), d("2018-02-28"))),
        ("2018-12", (d("2018-12-01"), d("2018-12-31"))),
        ("2018-06-04", (d("2018-06-04"), d("2018-06-04"))),
        ("2017..2018-06", (d("2017-01-01"), d("2018-06-30"))),
        (" ..2018-06-01 ", (NaiveDate::MIN, d("2018-06-01"))),
        ("2019..", (d("2019-01-01"), NaiveDate::MAX)),
    ];
    for (input, want) in table {
        assert_eq!(parse_date_range(input), Ok(want), "{input}");
    }
    for bad in ["", "june", "2018-13", "2018-02-30", "2019..2018", "2018-1-2-3"] {
        let e = parse_date_range(bad).expect_err(bad);
        assert!(!e.is_empty(), "{bad}: a message");
    }
}

#[test]
fn a_result_found_through_another_spelling_opens_at_the_entity_mention() {
    let mut a = app(100, 30);
    press(&mut a, "/entity:\"Ri Yong Ho\"");
    let found = SearchResults {
        generation: a.nav.generation,
        query: "entity:\"Ri Yong Ho\"".into(),
        outcome: Ok(vec![ResultRow {
            doc: 1,
            snippet: "ري يونغ هو".into(),
            snippet_highlights: Vec::new(),
            hits: Vec::new(),
            via: Vec::new(),
        }]),
        facets: Vec::new(),
    };
    update(&mut a, Action::Nav(NavAction::SearchDone(found)));
    press(&mut a, "<Enter>");
    assert_eq!(a.reader.doc, Some(1));
    assert_eq!(followed(&a), Some("per:ri_yong_ho"));
    assert!(a.highlights().iter().any(|h| &AR[h.clone()] == "ري يونغ هو"));
    assert!(status(&a).contains("Ri Yong Ho 1/2"), "{}", status(&a));
}

/// As you type, the last word matches the words it starts from its third letter, in either
/// script; `qari search` (and any query run whole) keeps exact words.
#[test]
fn search_results_come_as_you_type_by_prefix_in_both_scripts() {
    let mut a = app(120, 30);
    let shown = |a: &App| -> Vec<usize> {
        a.nav.line.as_ref().map_or_else(Vec::new, |l| l.results.iter().map(|r| r.doc).collect())
    };
    let e = press(&mut a, "/Si");
    run_searches(&mut a, e);
    assert!(shown(&a).is_empty(), "two letters are not yet a prefix");
    let e = press(&mut a, "n");
    run_searches(&mut a, e);
    assert_eq!(shown(&a), [0], "'Sin' finds Singapore");
    let line = a.nav.line.as_ref().unwrap();
    let hit = &line.results[0].hits[0];
    assert_eq!(&a.store.text(0)[hit.clone()], "Singapore", "the whole word is the hit");
    // Arabic, also with the article typed: "المحاد" starts المحادثات (indexed without ال).
    for typed in ["بومب", "المحاد"] {
        press(&mut a, "<Esc>");
        let e = press(&mut a, &format!("/{typed}"));
        run_searches(&mut a, e);
        assert_eq!(shown(&a).first(), Some(&1), "{typed} finds the Arabic document first");
    }
    // Whole queries stay exact.
    assert!(a.store.search("Sin", 10).unwrap().is_empty());
    assert!(!a.store.search("Singapore", 10).unwrap().is_empty());
}

/// The line editor's keys, through the keymap: motion by character and word, Home/End, the
/// kills, and typing in the middle.
#[test]
fn the_search_line_edits_like_a_shell_line() {
    let mut a = app(120, 30);
    let line = |a: &App| {
        let e = &a.nav.line.as_ref().unwrap().editor;
        format!("{}|{}", &e.text()[..e.cursor()], &e.text()[e.cursor()..])
    };
    press(&mut a, "/north korea talks");
    press(&mut a, "<A-b><A-b>");
    assert_eq!(line(&a), "north |korea talks");
    press(&mut a, "<C-k>");
    assert_eq!(line(&a), "north |");
    press(&mut a, "<C-a>south <C-e>pole");
    assert_eq!(line(&a), "south north pole|");
    press(&mut a, "<C-w>");
    assert_eq!(line(&a), "south north |");
    press(&mut a, "<Left><Left><BS><Del>");
    assert_eq!(line(&a), "south nor| ", "backspace before, delete at the cursor");
    press(&mut a, "<Home><Right><A-f>");
    assert_eq!(line(&a), "south| nor ");
    press(&mut a, "<End><C-u>");
    assert_eq!(line(&a), "|");
}

/// ↑/↓ walk the queries run before (newest first), ↓ past the newest brings back what was
/// typed; reopening `/` shows the last query selected, and typing replaces it.
#[test]
fn the_search_history_is_walked_with_up_and_down_and_the_last_query_is_selected() {
    let mut a = app(120, 30);
    for q in ["Pompeo", "Singapore"] {
        let e = press(&mut a, &format!("/{q}"));
        run_searches(&mut a, e);
        press(&mut a, "<Enter>");
    }
    assert_eq!(a.nav.history, ["Pompeo", "Singapore"]);
    let e = press(&mut a, "/");
    assert!(matches!(e.as_slice(), [Effect::Search { query, .. }] if query == "Singapore"));
    let ed = |a: &App| a.nav.line.as_ref().unwrap().editor.clone();
    assert!(ed(&a).is_selected() && ed(&a).text() == "Singapore", "the last query, selected");
    press(&mut a, "Ha");
    assert_eq!(ed(&a).text(), "Ha", "typing replaced it");
    press(&mut a, "<Up>");
    assert_eq!(ed(&a).text(), "Singapore");
    press(&mut a, "<Up><Up>");
    assert_eq!(ed(&a).text(), "Pompeo", "the oldest stays");
    press(&mut a, "<Down>");
    assert_eq!(ed(&a).text(), "Singapore");
    press(&mut a, "<Down>");
    assert_eq!(ed(&a).text(), "Ha", "past the newest: what was typed");
    // Running a query again moves it to the newest place, once.
    let e = press(&mut a, "<C-u>Pompeo");
    run_searches(&mut a, e);
    let e = press(&mut a, "<Enter>");
    assert_eq!(a.nav.history, ["Singapore", "Pompeo"]);
    assert!(e.iter().any(|e| matches!(e, Effect::RememberSearch(q) if q == "Pompeo")), "{e:?}");
}

/// The prompt is laid out as the reading pane lays out text: an Arabic query is shaped and in
/// visual order, the cursor left of it (where a right-to-left line ends).
#[test]
fn an_arabic_query_is_shaped_and_in_visual_order_in_the_prompt() {
    use qari::text::layout::{self, LayoutOptions};
    let mut a = app(120, 30);
    a.shape = true; // the reader's default (`--no-shape` turns it off)
    press(&mut a, "/سنواجه");
    let buf = draw(&a);
    let opts = LayoutOptions { width: 100, bidi: BidiMode::App, shape: true };
    let want = layout::layout("سنواجه", std::slice::from_ref(&(0.."سنواجه".len())), &opts)[0]
        .cells
        .iter()
        .map(|c| c.symbol.clone())
        .collect::<String>();
    assert_ne!(want, "سنواجه", "shaped into presentation forms, in visual order");
    let y =
        (0..buf.area.height).find(|&y| row_text(&buf, y).contains(&want)).unwrap_or_else(|| {
            panic!(
                "the prompt shows {want:?}:\n{}",
                (0..5).map(|y| row_text(&buf, y)).collect::<Vec<_>>().join("\n")
            )
        });
    let row = row_text(&buf, y);
    let slash = row.find('/').unwrap();
    let x = row[..slash].width() as u16 + 1;
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED), "the cursor, left of the text");
    assert_eq!(row[slash + 1..].trim_start().chars().next(), want.chars().next(), "{row}");
    // The cursor on a letter: after three steps back it stands on the fourth letter (ا): one
    // reversed cell of the row, inside the query, not a blank.
    press(&mut a, "<Left><Left><Left>");
    let buf = draw(&a);
    let lit: Vec<u16> = (x..buf.area.width)
        .filter(|&c| buf[(c, y)].modifier.contains(Modifier::REVERSED))
        .collect();
    assert_eq!(lit.len(), 1, "{lit:?}");
    assert!(
        matches!(buf[(lit[0], y)].symbol(), "ﺍ" | "ﺎ" | "ا"),
        "{:?}",
        buf[(lit[0], y)].symbol()
    );
}

/// The archive search shows how its matches spread (languages, years, entities) and narrows
/// by one with Alt-N or a click.
#[test]
fn search_facets_count_languages_and_entities_and_narrow_the_query() {
    let mut a = bundled();
    let e = press(&mut a, "/Pyongyang");
    run_searches(&mut a, e);
    let line = a.nav.line.as_ref().unwrap();
    let labels: Vec<(&str, usize)> =
        line.facets.iter().map(|f| (f.label.as_str(), f.count)).collect();
    assert!(labels.contains(&("ar", 1)) && labels.contains(&("en", 4)), "{labels:?}");
    assert!(labels.iter().any(|(l, _)| *l == "North Korea"), "entities of the results: {labels:?}");
    assert!(shows(&draw(&a), "Alt-N: 1 ar 1 · 2 en 4"), "the facets line");
    // Alt-1: only the Arabic article.
    let e = press(&mut a, "<A-1>");
    run_searches(&mut a, e);
    let line = a.nav.line.as_ref().unwrap();
    assert_eq!(line.input(), "Pyongyang lang:ar");
    assert_eq!(line.results.len(), 1);
    assert_eq!(a.store.docs[line.results[0].doc].lang, "ar");
    // A click on a facet does the same: "en" narrows the language-free query.
    press(&mut a, "<C-u>");
    let e = press(&mut a, "Pyongyang");
    run_searches(&mut a, e);
    let buf = draw(&a);
    let y = (0..buf.area.height).find(|&y| row_text(&buf, y).contains("Alt-N:")).unwrap();
    let x = row_text(&buf, y).find("2 en").unwrap() as u16;
    let e = update(&mut a, Action::Click { column: x + 2, row: y });
    run_searches(&mut a, e);
    let line = a.nav.line.as_ref().unwrap();
    assert_eq!(line.input(), "Pyongyang lang:en");
    assert!(line.results.iter().all(|r| a.store.docs[r.doc].lang == "en"));
}
