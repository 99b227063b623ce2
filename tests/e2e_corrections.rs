//! End to end in tmux: rename an entity from the side panel of the real binary and merge
//! another into it, quit, find the corrections in `qari corrections` and, after a restart, in
//! the side panel again. The state database and the cache live in folders of the test run
//! (XDG_DATA_HOME, XDG_CACHE_HOME). Fails (does not skip) when tmux is missing.

mod common;

use common::qari::{QARI, TempDir, quote, stdout};
use common::tmux::Tmux;

fn script(home: &TempDir) -> String {
    format!(
        "XDG_DATA_HOME={} XDG_CACHE_HOME={} {} --no-shape; echo QARI_EXITED; sleep 600",
        quote(&home.join("data")),
        quote(&home.join("cache")),
        quote(std::path::Path::new(QARI)),
    )
}

#[test]
fn a_rename_made_in_the_reader_is_saved_and_back_after_a_restart() {
    let home = TempDir::new("e2e-corrections");
    // The first entity of the document the reader opens first.
    let opts = qari::store::archive::OpenOptions { cache: false, index: true };
    let model = qari::tui::App::new(
        qari::store::archive::Archive::bundled(opts).store,
        qari::tui::Options { bidi: qari::text::layout::BidiMode::App, shape: false, osc52: false },
        (120, 35),
    );
    let first = model.side.entities[0].name.clone();
    let second = &model.side.entities[1];
    let (second, merged) = (second.name.clone(), model.side.entities[0].count + second.count);

    let t = Tmux::start(120, 35, &script(&home));
    t.wait("the side panel", |s| s.contains(&format!("{first} ×")));
    t.keys(&["Tab", "Tab", "c"]);
    t.wait("the menu", |s| s.contains(&format!("correct {first}: t type")));
    t.keys(&["r", "Renamed Person", "Enter"]);
    t.wait("the rename", |s| s.contains("✎ Renamed Person ×"));
    // Merge the next entity into it, the name typed in part and completed with Tab.
    t.keys(&["j", "c", "m", "Renamed P", "Tab"]);
    t.wait("the completion", |s| s.contains(&format!("merge {second} into: Renamed Person")));
    t.keys(&["Enter"]);
    let merged_row = format!("✎ Renamed Person ×{merged}");
    t.wait("the merge", |s| s.contains(&merged_row) && !s.contains(&format!("{second} ×")));
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("QARI_EXITED"));

    let o = std::process::Command::new(QARI)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .arg("corrections")
        .output()
        .unwrap();
    let list = stdout(&o);
    assert!(list.contains("→ \"Renamed Person\"") && list.contains("merge "), "{list}");

    let t = Tmux::start(120, 35, &script(&home));
    let s = t.wait("the side panel again", |s| s.contains("Renamed Person ×"));
    assert!(s.contains(&merged_row), "{s}");
    assert!(!s.contains(&format!("{first} ×")) && !s.contains(&format!("{second} ×")), "{s}");
}
