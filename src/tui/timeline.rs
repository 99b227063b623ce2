//! The timeline view's state changes: opening it where the reader is, and showing or hiding
//! the dates in page furniture (related-news timestamps and the like), which would otherwise
//! fill half of it. Its rows are built in `view::nav::timeline_rows`.

use super::app::{App, Pane};
use super::nav::NavView;
use super::view;

/// Opens the timeline: at the date selected in the side panel, else at the open document's
/// first date when the side panel has focus, else at the first entry.
pub(crate) fn open(app: &mut App) {
    if app.nav.timeline.is_none() {
        app.nav.timeline = Some(app.store.timeline());
    }
    app.nav.view = Some(NavView::Timeline { selected: 0 });
    let here = app.reader.doc.filter(|_| app.focus == Pane::Side);
    // A date selected in the side panel: its own entry.
    let date = app.side_date().filter(|_| here.is_some()).map(|d| d.range.clone());
    // A date of the page furniture asked for by name: show the furniture dates with it.
    let furniture = here.and_then(|h| app.store.docs.get(h)).and_then(|d| d.boilerplate.clone());
    if let (Some(d), Some(f)) = (&date, furniture)
        && f.contains(&d.start)
    {
        app.nav.show_furniture_dates = true;
    }
    let rows = view::nav::view_rows(app);
    let at_date = |r: &view::nav::ViewRow| match (&r.target, &date) {
        (Some(view::nav::Target::Doc { doc, hl, .. }), Some(d)) => Some(*doc) == here && hl == d,
        _ => false,
    };
    let first = rows
        .iter()
        .position(at_date)
        .or_else(|| {
            rows.iter().position(|r| match (&r.target, here) {
                (Some(view::nav::Target::Doc { doc, .. }), Some(h)) => *doc == h,
                (Some(_), None) => true,
                _ => false,
            })
        })
        .or_else(|| rows.iter().position(|r| r.target.is_some()))
        .unwrap_or(0);
    app.nav.view = Some(NavView::Timeline { selected: first });
    if rows.iter().all(|r| r.target.is_none()) {
        let hidden = view::nav::hidden_furniture_dates(app);
        app.message = Some(if hidden > 0 {
            format!("every date is in page furniture: {}", view::nav::timeline_title(app))
        } else {
            "no dates found in the archive".into()
        });
    }
}

/// Shows or hides the dates in page furniture, keeping the cursor on the same entry when it
/// stays visible (else on the first entry).
pub(crate) fn toggle_furniture_dates(app: &mut App) {
    let Some(NavView::Timeline { selected }) = app.nav.view else { return };
    let rows = view::nav::view_rows(app);
    let target = rows.get(selected).and_then(|r| r.target.clone());
    app.nav.show_furniture_dates = !app.nav.show_furniture_dates;
    let rows = view::nav::view_rows(app);
    let selected = target
        .and_then(|t| rows.iter().position(|r| r.target.as_ref() == Some(&t)))
        .or_else(|| rows.iter().position(|r| r.target.is_some()))
        .unwrap_or(0);
    app.nav.view = Some(NavView::Timeline { selected });
    let n = view::nav::hidden_furniture_dates(app);
    app.message = Some(if app.nav.show_furniture_dates {
        "dates in page furniture shown".into()
    } else {
        format!("{} in page furniture hidden", crate::text::plural(n, "date"))
    });
}
