//! Correcting entities in the reader, through the keymap and `update` with the screen in a
//! `TestBackend`: the menu's rename and merge change what the side panel and the entity view
//! show, `entity:` search follows the merge, rejects take the entity out, undo puts it back,
//! and a keyboard selection adds a missed mention. The event loop's part (saving, answering
//! with the row id) is played by `run`, as the loop does it.

mod common;

use common::app::{draw, press, screen};
use common::store::{named, store_of};
use qari::extract::EntityKind::{Org, Person, Place};
use qari::store::Store;
use qari::text::layout::BidiMode;
use qari::tui::app::Pane;
use qari::tui::correct::CorrectAction;
use qari::tui::{Action, App, Effect, Options, update};

const EN: &str = "Kim Hia Riunj met the RED delegation in Pyongyang.\nLater Kim Hye Ryong spoke.";
const EN2: &str = "RED officials flew to Pyongyang. Kim Hye Ryong stayed home.";

fn fixture() -> Store {
    store_of(&[
        (
            "en.txt",
            "en",
            EN,
            vec![
                named("Kim Hia Riunj", Person, "~per:khr", "Kim Hia Riunj"),
                named("RED", Org, "org:red", "RED"),
                named("Pyongyang", Place, "gpe:pyongyang", "Pyongyang"),
                named("Kim Hye Ryong", Person, "per:kim_hye_ryong", "Kim Hye Ryong"),
            ],
        ),
        (
            "en2.txt",
            "en",
            EN2,
            vec![
                named("RED", Org, "org:red", "RED"),
                named("Pyongyang", Place, "gpe:pyongyang", "Pyongyang"),
                named("Kim Hye Ryong", Person, "per:kim_hye_ryong", "Kim Hye Ryong"),
            ],
        ),
    ])
}

/// The reader on the fixture, `en.txt` open, the side panel focused on entity `name`.
fn app_on(name: &str) -> App {
    let mut a =
        App::new(fixture(), Options { bidi: BidiMode::App, shape: false, osc52: false }, (120, 30));
    a.open_doc(0);
    a.focus = Pane::Side;
    a.side.selected = a.side.entities.iter().position(|e| e.name == name).expect("in the panel");
    a
}

/// Plays the event loop: each save gets the next row id, each removal succeeds.
fn run(app: &mut App, effects: Vec<Effect>, next_id: &mut i64) -> usize {
    let mut n = 0;
    for e in effects {
        let a = match e {
            Effect::SaveCorrection(correction) => {
                *next_id += 1;
                CorrectAction::Saved { id: *next_id, correction, error: None }
            }
            Effect::RemoveCorrection(id) => CorrectAction::Removed { id, error: None },
            _ => continue,
        };
        n += 1;
        let more = update(app, Action::Correct(a));
        assert!(more.is_empty());
    }
    n
}

/// Whether the screen shows `needle` now.
fn shows(app: &App, needle: &str) -> bool {
    common::app::shows(&draw(app), needle)
}

fn side_rows(app: &App) -> Vec<String> {
    qari::tui::view::side::rows(app).into_iter().map(|r| r.text).collect()
}

#[test]
fn rename_shows_in_the_side_panel_and_the_entity_view() {
    let mut app = app_on("Kim Hia Riunj");
    let mut id = 0;
    press(&mut app, "c");
    assert!(shows(&app, "correct Kim Hia Riunj: t type · r rename · m merge into…"));
    // The prompt starts with the name selected: typing replaces it.
    let e = press(&mut app, "rKim Hye Ryong II");
    assert!(e.is_empty(), "nothing saved before Enter");
    assert!(shows(&app, "rename Kim Hia Riunj to: Kim Hye Ryong II"));
    let e = press(&mut app, "<Enter>");
    assert_eq!(run(&mut app, e, &mut id), 1);
    assert!(app.correct.is_none());
    let rows = side_rows(&app);
    assert!(rows.contains(&"✎ Kim Hye Ryong II ×1".to_string()), "{rows:?}");
    assert!(!rows.iter().any(|r| r.contains("Kim Hia Riunj ×")), "{rows:?}");
    assert!(shows(&app, "corrected: rename ~per:khr → \"Kim Hye Ryong II\""));
    press(&mut app, "E");
    let s = screen(&draw(&app)).join("\n");
    assert!(s.contains("Kim Hye Ryong II"), "{s}");
    // Undo from the entity view's menu.
    let e = press(&mut app, "cu");
    run(&mut app, e, &mut id);
    assert!(app.store.corrections.list.is_empty());
    press(&mut app, "q");
    assert!(side_rows(&app).contains(&"Kim Hia Riunj ×1".to_string()));
}

#[test]
fn merge_links_the_entity_and_search_follows() {
    let mut app = app_on("Kim Hia Riunj");
    let mut id = 0;
    let before = app.store.search("entity:\"Kim Hye Ryong\"", 10).unwrap();
    assert_eq!(before.len(), 2);
    press(&mut app, "cmKim Hye");
    assert!(shows(&app, "→ Kim Hye Ryong (PERSON, 2 docs)"));
    // Tab completes the name.
    press(&mut app, "<Tab>");
    assert!(shows(&app, "merge Kim Hia Riunj into: Kim Hye Ryong"));
    let e = press(&mut app, "<Enter>");
    assert_eq!(run(&mut app, e, &mut id), 1);
    let rows = side_rows(&app);
    assert!(rows.contains(&"✎ Kim Hye Ryong ×2 · 2 docs".to_string()), "{rows:?}");
    assert!(!rows.iter().any(|r| r.contains("Kim Hia Riunj ×")), "{rows:?}");
    // The selection followed to the merged entity; its spellings show.
    assert_eq!(app.side.entities[app.side.selected].name, "Kim Hye Ryong");
    assert!(shows(&app, "also: Kim Hia Riunj"));
    // `]` steps through both spellings' mentions in this document.
    press(&mut app, "E");
    let s = screen(&draw(&app)).join("\n");
    assert!(s.contains("Kim Hia Riunj"), "spellings in the entity view: {s}");
    press(&mut app, "q");
    // entity: by either name finds the documents of both.
    for q in ["entity:\"Kim Hye Ryong\"", "entity:\"Kim Hia Riunj\""] {
        let hits = app.store.search(q, 10).unwrap();
        assert_eq!(hits.len(), 2, "{q}");
        let d0 = hits.iter().find(|h| h.doc == 0).unwrap();
        assert_eq!(d0.hits.len(), 2, "both mentions in en.txt are hits");
    }
}

#[test]
fn reject_here_and_everywhere_and_type() {
    let mut app = app_on("RED");
    let mut id = 0;
    let e = press(&mut app, "cx");
    run(&mut app, e, &mut id);
    assert!(!side_rows(&app).iter().any(|r| r.contains("RED")));
    app.open_doc(1);
    assert!(side_rows(&app).iter().any(|r| r.contains("RED")), "only rejected in en.txt");
    app.focus = Pane::Side;
    app.side.selected = app.side.entities.iter().position(|e| e.name == "RED").unwrap();
    let e = press(&mut app, "ctl");
    run(&mut app, e, &mut id);
    let rows = side_rows(&app);
    let places = rows.iter().position(|r| r.starts_with("Places")).unwrap();
    assert!(rows[places..].iter().any(|r| r == "✎ RED ×1"), "{rows:?}");
    let e = press(&mut app, "cX");
    run(&mut app, e, &mut id);
    assert!(!side_rows(&app).iter().any(|r| r.contains("RED")));
    assert!(app.store.entities.by_id("org:red").is_none());
}

#[test]
fn a_selection_adds_a_missed_mention() {
    let mut app = app_on("RED");
    let mut id = 0;
    app.focus = Pane::Reader;
    press(&mut app, "v");
    assert!(shows(&app, "selected \"Kim\": w/b move"));
    // To "delegation": words 1 Kim 2 Hia 3 Riunj 4 met 5 the 6 RED 7 delegation.
    press(&mut app, "wwwwww");
    assert!(shows(&app, "selected \"delegation\""));
    press(&mut app, "l");
    assert!(shows(&app, "selected \"delegation in\""));
    press(&mut app, "h");
    press(&mut app, "ao");
    assert!(shows(&app, "ORG named: delegation"));
    let e = press(&mut app, "<C-u>RED Delegation<Enter>");
    assert_eq!(run(&mut app, e, &mut id), 1);
    let rows = side_rows(&app);
    assert!(rows.contains(&"✎ RED Delegation ×1".to_string()), "{rows:?}");
    let m = app.store.annotations[0]
        .mentions
        .iter()
        .find(|m| &EN[m.range()] == "delegation")
        .expect("the mention");
    assert_eq!(m.kind, Org);
    // j moves to the next line's first word.
    press(&mut app, "vj");
    assert!(shows(&app, "selected \"Later\""));
    press(&mut app, "<Esc>");
    assert!(app.correct.is_none());
}

#[test]
fn correcting_the_bundled_archive_is_instant() {
    let a = qari::store::archive::Archive::bundled(qari::store::archive::OpenOptions {
        cache: false,
        index: true,
    });
    let store = a.store;
    let e = &store.entities.entities[0];
    let list = qari::store::Corrections {
        items: vec![(
            1,
            qari::store::Correction::Rename { entity: e.id.clone(), name: "X".into() },
        )],
    };
    let t = std::time::Instant::now();
    let fixed = store.recorrected(std::sync::Arc::new(list));
    let took = t.elapsed();
    assert_eq!(fixed.entities.get(e.entity).unwrap().canonical, "X");
    eprintln!("re-correcting the bundled archive took {took:?}");
    assert!(took < std::time::Duration::from_millis(200), "{took:?}");
}

#[test]
fn a_mention_whose_text_is_gone_is_listed_in_the_problems_view() {
    use qari::store::corrections::{Anchor, doc_hash};
    let gone = qari::store::Correction::AddMention {
        doc: doc_hash(EN),
        anchor: Anchor { before: "the ".into(), text: "BLUE".into(), after: " delegation".into() },
        kind: Org,
        name: "Blue".into(),
        entity: None,
    };
    let list = qari::store::Corrections { items: vec![(7, gone)] };
    let store = fixture().with_corrections(std::sync::Arc::new(list));
    let mut app =
        App::new(store, Options { bidi: BidiMode::App, shape: false, osc52: false }, (120, 30));
    press(&mut app, "P");
    assert!(shows(&app, "Corrections not applied (1)"));
    assert!(shows(&app, "add \"BLUE\" as ORG \"Blue\""));
}

/// The screen cell (column, row) where `needle` starts.
fn cell_of(app: &App, needle: &str) -> (u16, u16) {
    for (y, line) in screen(&draw(app)).iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let n: Vec<char> = needle.chars().collect();
        if let Some(x) = chars.windows(n.len()).position(|w| w == n.as_slice()) {
            return (x as u16, y as u16);
        }
    }
    panic!("{needle} not on screen");
}

#[test]
fn a_mouse_drag_selects_whole_words() {
    let mut app = app_on("RED");
    app.focus = Pane::Reader;
    let (x0, y0) = cell_of(&app, "legation");
    let (x1, y1) = cell_of(&app, "in Pyongyang");
    update(&mut app, Action::Click { column: x0, row: y0 });
    update(&mut app, Action::Correct(CorrectAction::DragTo { column: x1, row: y1 }));
    assert!(shows(&app, "selected \"delegation in\""));
    // Then as with the keyboard: a, its type, its name.
    let e = press(&mut app, "ap<C-u>Somebody<Enter>");
    match e.as_slice() {
        [
            Effect::SaveCorrection(qari::store::Correction::AddMention {
                anchor, kind, name, ..
            }),
        ] => {
            assert_eq!(
                (anchor.text.as_str(), *kind, name.as_str()),
                ("delegation in", Person, "Somebody")
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(app.correct.is_none());
    // A click elsewhere starts over.
    update(&mut app, Action::Click { column: x0, row: y0 });
    assert!(app.correct.is_none());
}
