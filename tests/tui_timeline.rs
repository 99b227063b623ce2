//! The timeline on the bundled archive, drawn into ratatui's `TestBackend`: the dates in page
//! furniture (a related-news list's timestamps) are hidden at first, the title says how many,
//! and `z` shows and hides them.

mod common;

use common::app::{bundled, draw, press, screen, shows};
use crossterm::event::KeyCode;
use qari::text::layout::BidiMode;
use qari::tui::Options;
use qari::tui::app::App;
use qari::tui::keymap::{Key, Mode};
use qari::tui::nav::NavView;
use qari::tui::view::nav::{Target, view_rows};

const OPTS: Options = Options { bidi: BidiMode::App, shape: true, osc52: true };

/// The (document, byte range) of every date row the timeline shows.
fn shown_dates(app: &App) -> Vec<(usize, std::ops::Range<usize>)> {
    view_rows(app)
        .into_iter()
        .filter_map(|r| match r.target {
            Some(Target::Doc { doc, hl, .. }) => Some((doc, hl)),
            _ => None,
        })
        .collect()
}

fn in_furniture(app: &App, doc: usize, range: &std::ops::Range<usize>) -> bool {
    app.store.docs[doc].boilerplate.as_ref().is_some_and(|b| b.contains(&range.start))
}

#[test]
fn furniture_dates_are_hidden_at_first_and_z_shows_and_hides_them() {
    let mut a = App::new(bundled(), OPTS, (120, 40));
    press(&mut a, "t");
    assert_eq!(a.mode(), Mode::Timeline);
    let all: Vec<(usize, std::ops::Range<usize>)> =
        a.nav.timeline.iter().flatten().map(|e| (e.doc, e.range.clone())).collect();
    let furniture = all.iter().filter(|(d, r)| in_furniture(&a, *d, r)).count();
    assert!(furniture > 0, "the bundled archive has a related-news list with dates");
    assert!(furniture < all.len(), "and dates in articles");

    // Hidden: no row is a furniture date, and the title counts them.
    let shown = shown_dates(&a);
    assert_eq!(shown.len(), all.len() - furniture);
    assert!(shown.iter().all(|(d, r)| !in_furniture(&a, *d, r)));
    let buf = draw(&a);
    let title = format!("Timeline · {furniture} dates in page furniture hidden (z shows)");
    assert!(shows(&buf, &title), "{title:?} in\n{}", screen(&buf).join("\n"));

    // Shown: every date, the cursor still on an entry, the title says so.
    press(&mut a, "jz");
    assert_eq!(shown_dates(&a).len(), all.len());
    let Some(NavView::Timeline { selected }) = a.nav.view else { panic!("timeline open") };
    assert!(view_rows(&a)[selected].target.is_some());
    let buf = draw(&a);
    assert!(shows(
        &buf,
        &format!("Timeline · {furniture} dates in page furniture shown (z hides)")
    ));
    let (doc, range) = all.iter().find(|(d, r)| in_furniture(&a, *d, r)).cloned().unwrap();
    let surface = &a.store.text(doc)[range];
    assert!(view_rows(&a).iter().any(|r| r.text.contains(surface)), "{surface} listed");

    // Hidden again.
    press(&mut a, "z");
    assert_eq!(shown_dates(&a).len(), all.len() - furniture);
    // The extractor's output keeps them (`qari entities --json` lists every date).
    let annotated: usize = a.store.annotations.iter().map(|x| x.dates.len()).sum();
    assert!(annotated >= all.len());
}

#[test]
fn the_furniture_key_is_rebound_by_its_action_name() {
    let mut a = App::new(bundled(), OPTS, (120, 40));
    a.keymap
        .rebind(Mode::Timeline, "toggle_furniture_dates", &[Key::plain(KeyCode::Char('Z'))])
        .expect("the action has a name in the timeline mode");
    press(&mut a, "tZ");
    assert!(a.nav.show_furniture_dates);
    assert!(shows(&draw(&a), "shown (Z hides)"));
    press(&mut a, "z");
    assert!(a.nav.show_furniture_dates, "z no longer bound there");
}

#[test]
fn t_on_a_furniture_date_of_the_side_panel_shows_the_furniture_dates_at_it() {
    let mut a = App::new(bundled(), OPTS, (120, 40));
    let entries = a.store.timeline();
    let e = entries.iter().find(|e| e.furniture).expect("a furniture date").clone();
    a.open_doc(e.doc);
    press(&mut a, "<Tab><Tab>");
    let at = a.side.dates.iter().position(|d| d.range == e.range).expect("in the side panel");
    a.side.selected = a.side.entities.len() + at;
    press(&mut a, "t");
    assert!(a.nav.show_furniture_dates);
    let Some(NavView::Timeline { selected }) = a.nav.view else { panic!("timeline open") };
    match &view_rows(&a)[selected].target {
        Some(Target::Doc { doc, hl, .. }) => assert_eq!((*doc, hl), (e.doc, &e.range)),
        other => panic!("the furniture date expected: {other:?}"),
    }
}
