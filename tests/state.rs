//! The reader remembers: read marks, reading positions, bookmarks and the search history go
//! through `update`'s effects into the state database and come back on the next start —
//! driven through the keymap and drawn with `TestBackend`, then the real binary in tmux, and
//! `kill -9` while saving.

mod common;

use common::tmux::Tmux;
use qari::corpus;
use qari::extract::Extractor;
use qari::state::StateDb;
use qari::store::Store;
use qari::text::layout::BidiMode;
use qari::tui::app::{App, Pane};
use qari::tui::keymap::parse_keys;
use qari::tui::user::{Loaded, Save};
use qari::tui::{Effect, Options, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::{Arc, OnceLock};

const OPTS: Options = Options { bidi: BidiMode::App, shape: true, osc52: true };

fn bundled() -> Arc<Store> {
    static S: OnceLock<Arc<Store>> = OnceLock::new();
    Arc::clone(S.get_or_init(|| Arc::new(Store::build(corpus::load_bundled(), &Extractor::new()))))
}

/// A database in a fresh folder of the test run.
fn fresh_db(name: &str) -> (common::qari::TempDir, StateDb) {
    let dir = common::qari::TempDir::new(name);
    let db = StateDb::open(&dir.join("state.sqlite3")).unwrap();
    (dir, db)
}

/// A reader started as `qari` starts it: the state loaded from `db`.
fn start(db: &StateDb) -> App {
    App::new(bundled(), OPTS, (110, 30)).with_state(Loaded::from_db(db).unwrap())
}

/// Types `keys` and performs the state writes as the event loop does.
fn press(app: &mut App, db: &StateDb, keys: &str) -> Vec<Effect> {
    let mut rest = Vec::new();
    for ev in parse_keys(keys).expect("valid keys") {
        let Some(a) = app.keymap.action(app.mode(), &ev) else { continue };
        for e in update(app, a) {
            match e {
                Effect::Save(s) => {
                    if let Some(saved) = s.write(db).unwrap() {
                        app.bookmark_saved(&saved);
                    }
                }
                Effect::RememberSearch(q) => db.remember_search(&q, 500).unwrap(),
                other => rest.push(other),
            }
        }
    }
    rest
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| view::view(app, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The text of the reading pane's top row.
fn top_line(app: &App) -> String {
    let doc = app.reader.doc.unwrap();
    let range = app.visible_bytes();
    let text = &app.store.text(doc)[range];
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

#[test]
fn read_marks_survive_a_restart_and_u_marks_unread_again() {
    let (_d, db) = fresh_db("read");
    let mut a = start(&db);
    let first = a.list.order[0];
    let third = a.list.order[2];
    press(&mut a, &db, "jj<Enter>");
    assert!(a.read[first] && a.read[third]);
    let mut b = start(&db);
    assert!(b.read[first] && b.read[third], "read marks came back");
    assert!(!b.read[b.list.order[1]]);
    // The list marks read and unread documents differently.
    let marks: Vec<char> =
        b.list.order.iter().map(|&d| if b.read[d] { 'r' } else { 'u' }).collect();
    assert_eq!(marks, ['r', 'u', 'r', 'u', 'u', 'u']);
    press(&mut b, &db, "jjU");
    assert!(!b.read[third]);
    assert!(screen(&b).contains("marked unread"));
    let c = start(&db);
    assert!(!c.read[third], "U is saved too");
}

#[test]
fn dot_and_space_at_the_end_go_to_the_next_unread_document() {
    let (_d, db) = fresh_db("unread");
    let mut a = start(&db);
    let order = a.list.order.clone();
    press(&mut a, &db, "j<Enter>");
    assert_eq!(a.reader.doc, Some(order[1]));
    // From the second document the next unread is the third; then Space at the end of it
    // goes on to the fourth.
    press(&mut a, &db, ".");
    assert_eq!(a.reader.doc, Some(order[2]));
    assert_eq!(a.focus, Pane::Reader);
    press(&mut a, &db, "G ");
    assert_eq!(a.reader.doc, Some(order[3]), "Space at the end opens the next unread");
    assert_eq!(a.reader.top, 0);
    press(&mut a, &db, " ");
    assert!(a.reader.top > 0 || a.at_end(), "Space pages down inside an article");
    // Wrapping round past the end, every document gets read; then there is none left.
    press(&mut a, &db, "..");
    assert!(order.iter().all(|&d| a.read[d]));
    press(&mut a, &db, ".");
    assert!(screen(&a).contains("no unread documents left"));
}

#[test]
fn reopening_an_article_returns_to_where_the_user_left_it_even_after_a_restart() {
    let (_d, db) = fresh_db("position");
    let mut a = start(&db);
    // The second document: the first by date (the Persian article) is too short to scroll.
    press(&mut a, &db, "j<Enter>jjjjjjjj");
    let doc = a.reader.doc.unwrap();
    let line = top_line(&a);
    assert!(a.reader.top >= 8);
    // To another document and back: the same passage is at the top.
    press(&mut a, &db, "<S-Tab>j<Enter>");
    assert_ne!(a.reader.doc, Some(doc));
    press(&mut a, &db, "<S-Tab>k<Enter>");
    assert_eq!(a.reader.doc, Some(doc));
    assert_eq!(top_line(&a), line);
    // Quitting saves it; the next start opens there.
    assert!(press(&mut a, &db, "q").contains(&Effect::Quit));
    // The reader starts on the first document; opening the second finds the passage again.
    let mut b = start(&db);
    press(&mut b, &db, "j<Enter>");
    assert_eq!(b.reader.doc, Some(doc));
    assert_eq!(top_line(&b), line, "the position came back after a restart");
    // At another width the rows differ but the passage is the same.
    // (the top row then starts where the wrapped line holding the passage starts).
    let start: String = line.chars().take(24).collect();
    let mut c = App::new(bundled(), OPTS, (70, 30)).with_state(Loaded::from_db(&db).unwrap());
    press(&mut c, &db, "j<Enter>");
    assert!(top_line(&c).contains(&start), "{:?} holds {start:?}", top_line(&c));
    update(&mut c, qari::tui::Action::Resize(150, 40));
    assert!(top_line(&c).contains(&start), "{:?} holds {start:?}", top_line(&c));
}

#[test]
fn a_bookmark_with_a_note_is_listed_after_a_restart_and_enter_jumps_to_it() {
    let (_d, db) = fresh_db("bookmarks");
    let mut a = start(&db);
    press(&mut a, &db, "jj<Enter>jjjjj");
    let doc = a.reader.doc.unwrap();
    let line = top_line(&a);
    press(&mut a, &db, "m");
    assert!(screen(&a).contains("bookmark note"), "m asks for a note");
    press(&mut a, &db, "envoy quote<Enter>");
    assert!(screen(&a).contains("bookmarked:"));
    // Listed at once in this session, with the day it was made.
    press(&mut a, &db, "'");
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert!(screen(&a).contains(&format!("{today}  ")), "{}", screen(&a));
    press(&mut a, &db, "<Esc>q");
    let mut b = start(&db);
    press(&mut b, &db, "'");
    let s = screen(&b);
    assert!(s.contains("Bookmarks") && s.contains("1 bookmark,"), "{s}");
    assert!(s.contains("envoy quote") && s.contains(&b.store.docs[doc].title), "{s}");
    press(&mut b, &db, "<Enter>");
    assert_eq!(b.reader.doc, Some(doc));
    let shown = b.visible_bytes();
    let at = b.store.text(doc).find(line.trim()).unwrap();
    assert!(shown.contains(&at), "the passage is on screen");
    // Deleting it from the view deletes it for good.
    press(&mut b, &db, "'d");
    assert!(screen(&b).contains("No bookmarks yet"));
    assert!(db.bookmarks().unwrap().is_empty());
}

#[test]
fn the_search_history_comes_back_on_the_next_start() {
    let (_d, db) = fresh_db("history");
    let mut a = start(&db);
    press(&mut a, &db, "/Assad<Enter>");
    press(&mut a, &db, "/<C-u>sanctions<Enter>");
    let mut b = start(&db);
    press(&mut b, &db, "/<C-u><Up>");
    let line = b.nav.line.as_ref().unwrap().input().to_string();
    assert_eq!(line, "sanctions");
    press(&mut b, &db, "<Up>");
    assert_eq!(b.nav.line.as_ref().unwrap().input(), "Assad");
}

#[test]
fn state_follows_a_document_whose_file_moved() {
    // Two archives holding the same text under other names: read marks and positions
    // belong to the text.
    let dir = common::qari::TempDir::new("moved");
    let text = std::fs::read_to_string("assets/corpus/000_4fd235359b016927.txt").unwrap();
    dir.write("a/one.txt", &text);
    dir.write("b/renamed.txt", &text);
    let open = |sub: &str| {
        let c = corpus::load_paths(&[dir.join(sub)]);
        Arc::new(Store::build(c, &Extractor::new()))
    };
    let (_d, db) = fresh_db("moved-db");
    let mut a = App::new(open("a"), OPTS, (100, 30)).with_state(Loaded::from_db(&db).unwrap());
    press(&mut a, &db, "<Enter>jjjjjj");
    let line = top_line(&a);
    press(&mut a, &db, "q");
    let b = App::new(open("b"), OPTS, (100, 30)).with_state(Loaded::from_db(&db).unwrap());
    assert!(b.read[0]);
    assert_eq!(top_line(&b), line);
}

/// The child side of the kill test: saves read marks and bookmarks as fast as it can,
/// printing each one after its transaction committed.
#[test]
#[ignore]
fn child_saving_in_a_loop() {
    let Ok(path) = std::env::var("QARI_STATE_CHILD") else { return };
    let db = StateDb::open(std::path::Path::new(&path)).unwrap();
    // From the first document without both writes: a kill between them left one half.
    let start = db.positions().unwrap().len();
    for i in start.. {
        let key = format!("doc{i:06}");
        Save::Read { key: key.clone(), path: format!("{i}.txt"), read: true }.write(&db).unwrap();
        db.set_position(&key, "x", &qari::state::Anchor::at("some words here", 5, 10)).unwrap();
        println!("saved {i}");
    }
}

#[test]
fn kill_9_while_saving_never_loses_an_earlier_save_nor_breaks_the_database() {
    use std::io::BufRead;
    let dir = common::qari::TempDir::new("kill9");
    let path = dir.join("state.sqlite3");
    let mut confirmed = 0usize;
    for round in 0..12 {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--ignored", "--exact", "child_saving_in_a_loop", "--nocapture"])
            .env("QARI_STATE_CHILD", &path)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        // Let it save a few (more each round), then kill it mid-write.
        let mut line = String::new();
        let mut seen = 0;
        while seen < 3 + round * 5 && out.read_line(&mut line).unwrap() > 0 {
            if let Some(n) = line.trim().strip_prefix("saved ") {
                confirmed = confirmed.max(n.parse::<usize>().unwrap() + 1);
                seen += 1;
            }
            line.clear();
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let db = StateDb::open(&path).expect("the database still opens");
        let keys = db.read_keys().unwrap();
        for i in 0..confirmed {
            assert!(keys.contains(&format!("doc{i:06}")), "round {round}: save {i} was lost");
        }
        let positions = db.positions().unwrap();
        for i in 0..confirmed {
            assert!(positions.contains_key(&format!("doc{i:06}")), "round {round}: position {i}");
        }
    }
    assert!(confirmed > 20);
}

#[test]
fn the_real_reader_keeps_marks_positions_bookmarks_and_corrections_across_restarts() {
    // The third document's first two entities, as the side panel lists them.
    let mut model = App::new(bundled(), OPTS, (120, 35));
    model.open_doc(model.list.order[2]);
    let (first, second) =
        (model.side.entities[0].name.clone(), model.side.entities[1].name.clone());
    let merged = model.side.entities[0].count + model.side.entities[1].count;
    let merged_row = format!("✎ Kept Name ×{merged}");

    let t = Tmux::start(
        120,
        35,
        &format!("while true; do {}; echo QARI_EXITED; read again; done", common::qari::QARI),
    );
    let _ = t.wait("the reader", |s| s.contains("doc 1/6"));
    t.keys(&["j", "j", "Enter"]);
    let _ = t.wait("doc 3", |s| s.contains("doc 3/6"));
    for _ in 0..6 {
        t.keys(&["j"]);
    }
    let before = t.wait("scrolled", |s| s.contains("line 7/"));
    t.keys(&["m"]);
    let _ = t.wait("note prompt", |s| s.contains("bookmark note"));
    t.keys(&["-l", "check this"]);
    t.keys(&["Enter"]);
    let _ = t.wait("bookmarked", |s| s.contains("bookmarked:"));
    // Rename the first entity in the side panel, then merge the second into it.
    t.keys(&["Tab", "c"]);
    let _ = t.wait("the menu", |s| s.contains(&format!("correct {first}: t type")));
    t.keys(&["r", "C-u"]);
    t.keys(&["-l", "Kept Name"]);
    t.keys(&["Enter"]);
    let _ = t.wait("the rename", |s| s.contains("✎ Kept Name ×"));
    t.keys(&["j", "c", "m"]);
    t.keys(&["-l", "Kept Na"]);
    t.keys(&["Tab"]);
    let _ = t.wait("the completion", |s| s.contains(&format!("merge {second} into: Kept Name")));
    t.keys(&["Enter"]);
    let _ = t.wait("the merge", |s| s.contains(&merged_row));
    t.keys(&["S-Tab"]);
    t.keys(&["q"]);
    let _ = t.wait("exit", |s| s.contains("QARI_EXITED"));

    t.keys(&["Enter"]);
    let list = t.wait("the reader again", |s| s.contains("doc 1/6"));
    // The list marks unread documents (●): the third was read, the second was not.
    let marks: Vec<bool> =
        list.lines().skip(1).step_by(2).take(5).map(|l| l.contains('●')).collect();
    assert_eq!(marks, [false, true, false, true, true], "{list}");
    t.keys(&["j", "j", "Enter"]);
    let after = t.wait("the article again", |s| s.contains("line 7/") && s.contains("doc 3/6"));
    // The reading pane's columns: the same passage at the top (the side panel now differs).
    let body = |s: &str| {
        s.lines()
            .skip(2)
            .take(20)
            .map(|l| l.chars().skip(30).take(50).collect::<String>())
            .collect::<Vec<_>>()
    };
    assert_eq!(body(&before), body(&after), "same document, same place");
    assert!(after.contains(&merged_row), "the correction is in place: {after}");
    assert!(!after.contains(&format!("{second} ×")), "{after}");
    t.keys(&["'"]);
    let marks = t.wait("bookmarks", |s| s.contains("check this"));
    assert!(marks.contains("1 bookmark,"), "{marks}");
    assert!(t.home.join("data/qari/state.sqlite3").exists());
}
