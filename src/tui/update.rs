//! `update`: the only place the reader's state changes. Pure over `App` (no terminal, no
//! I/O), so key-sequence tests drive it directly.

use super::action::{Action, Effect};
use super::app::{App, Overlay, Pane};
use super::correct::Correcting;
use super::nav::NavAction;
use super::panes;

/// Applies `action` to `app`; returns what the event loop must do outside the state.
/// Layout work done per idle tick: short enough that a key pressed meanwhile waits unseen.
const IDLE_BUDGET: std::time::Duration = std::time::Duration::from_millis(8);

/// Applies `action` to `app`, returning the effects for the event loop to run.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let quiet = matches!(
        action,
        Action::Resize(..) | Action::Scroll { .. } | Action::Idle | Action::Activity(_)
    );
    if !quiet {
        app.message = None;
    }
    let mut effects = Vec::new();
    match action {
        Action::Quit => {
            app.note_position();
            app.quit = true;
            effects.push(Effect::Quit);
        }
        Action::Back => match app.overlay {
            Some(_) => app.overlay = None,
            None => {
                app.note_position();
                app.quit = true;
                effects.push(Effect::Quit);
            }
        },
        Action::MarkUnread => app.mark_unread(),
        Action::NextUnread => app.next_unread(),
        Action::SpaceDown => {
            if app.overlay.is_none() && app.focus == Pane::Reader && app.at_end() {
                app.next_unread();
            } else {
                motion(app, &Action::PageDown);
            }
        }
        Action::Suspend => effects.push(Effect::Suspend),
        Action::Idle => app.layout_ahead(IDLE_BUDGET),
        Action::Resize(w, h) => {
            app.size = (w, h);
            app.scroll_list_into_view();
        }
        Action::ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { scroll: 0 }),
            }
        }
        Action::ShowProblems => app.overlay = Some(Overlay::Problems { scroll: 0 }),
        Action::FocusNext => app.focus = app.focus.next(),
        Action::FocusPrev => app.focus = app.focus.prev(),
        Action::ToggleShaping => {
            app.shape = !app.shape;
            app.message = Some(format!("Arabic shaping {}", if app.shape { "on" } else { "off" }));
        }
        Action::ToggleBoilerplate => toggle_boilerplate(app),
        Action::CycleSort => {
            app.list.sort = app.list.sort.next();
            app.refresh_order();
            app.message = Some(format!("sorted by {}", app.list.sort.label()));
        }
        Action::ReverseSort => {
            app.list.reverse = !app.list.reverse;
            app.refresh_order();
        }
        Action::CycleLangFilter => cycle_lang(app),
        Action::Open => open(app),
        Action::JumpBack => jump(app, true),
        Action::JumpForward => jump(app, false),
        Action::Scroll { column, row, lines } => {
            if app.overlay.is_some() {
                scroll_overlay(app, lines as isize);
            } else if app.nav.mode().is_some() {
                let step = if lines > 0 { NavAction::Down } else { NavAction::Up };
                for _ in 0..lines.unsigned_abs() {
                    effects.extend(super::nav::update(app, step.clone()));
                }
            } else if let Some(pane) = app.panes().hit(column, row) {
                move_in(app, pane, lines as isize);
            }
        }
        Action::Click { column, row } => effects.extend(click(app, column, row)),
        Action::Refresh => {
            app.activity = Some("checking files…".into());
            effects.push(Effect::Refresh);
        }
        Action::Activity(a) => app.activity = a,
        Action::Refreshed { store, summary, same_ids } => {
            effects.extend(super::refresh::apply(app, store.0, same_ids));
            app.activity = None;
            app.message = Some(format!("archive updated: {summary}"));
        }
        Action::RefreshFailed(e) => {
            app.activity = None;
            app.message = Some(format!("refresh failed: {e}"));
        }
        // The correction prompt takes the line's keys; a search job's results still land.
        Action::Nav(a)
            if matches!(app.correct, Some(Correcting::Prompt { .. }))
                && !matches!(a, NavAction::SearchDone(_)) =>
        {
            effects.extend(super::correct::prompt(app, a))
        }
        Action::Nav(a) => effects.extend(super::nav::update(app, a)),
        Action::Correct(a) => effects.extend(super::correct::update(app, a)),
        Action::NextDoc => step_doc(app, 1),
        Action::PrevDoc => step_doc(app, -1),
        Action::ListNarrower => resize_list(app, -1),
        Action::ListWider => resize_list(app, 1),
        Action::Take(t) => super::takeout::update(app, t),
        Action::Down
        | Action::Up
        | Action::PageDown
        | Action::PageUp
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::Top
        | Action::Bottom => motion(app, &action),
    }
    app.sync_layout();
    effects.extend(app.nav.to_remember.drain(..).map(Effect::RememberSearch));
    effects.append(&mut app.takeout.effects);
    // State is saved before the loop acts on a Quit among these effects.
    let saves = app.user.take_saves().into_iter().map(Effect::Save);
    effects.splice(0..0, saves);
    effects
}

/// `J`/`K`: the next / previous document in list order, from the open one (or the cursor
/// when the open one is filtered out); the list cursor follows.
fn step_doc(app: &mut App, d: isize) {
    let n = app.list.order.len();
    if n == 0 {
        app.message = Some("no document matches the filter".into());
        return;
    }
    let here = app.reader.doc.and_then(|doc| app.list.order.iter().position(|&x| x == doc));
    let from = here.unwrap_or(app.list.selected) as isize;
    let to = match here {
        Some(_) => from + d,
        // Not in the list: the cursor's document is the next one to read.
        None => from,
    };
    if to < 0 || to >= n as isize {
        app.message = Some(if d > 0 { "the last document" } else { "the first document" }.into());
        return;
    }
    app.list.selected = to as usize;
    app.scroll_list_into_view();
    let doc = app.list.order[to as usize];
    app.nav.last_mention = None;
    app.open_doc(doc);
}

/// `<`/`>`: one step narrower or wider, unless the list is already as narrow or wide as the
/// terminal allows (then nothing changes and the status bar says so).
fn resize_list(app: &mut App, d: i8) {
    let width = |steps: i8| panes::panes_sized(app.area(), Pane::List, steps).list.map(|r| r.width);
    let Some(now) = width(app.list_steps) else {
        app.message = Some("the list is not shown beside the reader at this size".into());
        return;
    };
    let next = app.list_steps.saturating_add(d);
    match width(next) {
        Some(w) if w != now => {
            app.list_steps = next;
            app.message = Some(format!("list {w} columns wide"));
            app.scroll_list_into_view();
        }
        _ => {
            app.message = Some(format!(
                "the list is as {} as it goes",
                if d > 0 { "wide" } else { "narrow" }
            ));
        }
    }
}

/// How far a motion goes in a pane showing `page` rows; `None` for Top/Bottom.
fn delta(action: &Action, page: usize) -> Option<isize> {
    let page = page.max(1) as isize;
    Some(match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::HalfPageDown => (page / 2).max(1),
        Action::HalfPageUp => -(page / 2).max(1),
        _ => return None,
    })
}

fn motion(app: &mut App, action: &Action) {
    let (pane, page) = match app.overlay {
        Some(_) => (None, app.size.1.saturating_sub(4) as usize),
        None if app.focus == Pane::Reader => (Some(Pane::Reader), app.reader_height()),
        None => (Some(app.focus), app.pane_height(app.focus)),
    };
    let d = match (delta(action, page), action) {
        (Some(d), _) => d,
        (None, Action::Top) => isize::MIN / 2,
        (None, _) => isize::MAX / 2,
    };
    match pane {
        None => scroll_overlay(app, d),
        Some(p) => move_in(app, p, d),
    }
}

fn step(i: usize, d: isize, len: usize) -> usize {
    let max = len.saturating_sub(1) as isize;
    (i as isize).saturating_add(d).clamp(0, max.max(0)) as usize
}

/// Moves the cursor of `pane` (or scrolls the reader) by `d` rows.
fn move_in(app: &mut App, pane: Pane, d: isize) {
    match pane {
        Pane::List => {
            app.list.selected = step(app.list.selected, d, app.list.order.len());
            app.scroll_list_into_view();
        }
        Pane::Reader => {
            // Lay out far enough for the move (all of it for G/End).
            let want = (app.reader.top as isize).saturating_add(d).max(0) as usize;
            app.ensure_rows(want.saturating_add(app.reader_height()));
            let len = app.rows.as_ref().map_or(0, |r| r.rows.len());
            app.reader.top = step(app.reader.top, d, len);
            app.clamp_reader();
        }
        Pane::Side => {
            app.side.selected = step(app.side.selected, d, app.side_len());
        }
    }
}

fn scroll_overlay(app: &mut App, d: isize) {
    let total = match app.overlay {
        Some(Overlay::Help { .. }) => app.keymap.help_rows().len() + 8,
        Some(Overlay::Problems { .. }) => {
            app.store.problems.len() + app.store.docs.len() + app.config.warnings.len() + 6
        }
        None => return,
    };
    if let Some(Overlay::Help { scroll } | Overlay::Problems { scroll }) = &mut app.overlay {
        *scroll = step(*scroll, d, total);
    }
}

fn open(app: &mut App) {
    match app.focus {
        Pane::List => {
            let Some(&doc) = app.list.order.get(app.list.selected) else {
                app.message = Some("no document matches the filter".into());
                return;
            };
            if app.reader.doc != Some(doc) {
                if let Some(here) = app.location() {
                    app.history.push(here);
                }
                app.open_doc(doc);
            }
            app.focus = Pane::Reader;
        }
        Pane::Side => {
            if !super::side::open_date(app) {
                effects_free_nav(app, super::nav::NavAction::EntityView);
            }
        }
        Pane::Reader => {}
    }
}

fn jump(app: &mut App, back: bool) {
    let Some(here) = app.location() else { return };
    let target = if back { app.history.back.pop() } else { app.history.forward.pop() };
    let Some(to) = target else {
        app.message = Some(if back { "no earlier place" } else { "no later place" }.into());
        return;
    };
    if back {
        app.history.forward.push(here);
    } else {
        app.history.back.push(here);
    }
    app.restore(to);
}

fn toggle_boilerplate(app: &mut App) {
    let Some(doc) = app.reader.doc else { return };
    if app.store.docs[doc].boilerplate.is_none() {
        app.message = Some("this document has no page furniture".into());
    } else if !app.reader.unfolded.remove(&doc) {
        app.reader.unfolded.insert(doc);
    }
}

fn cycle_lang(app: &mut App) {
    let langs = app.languages();
    app.list.lang = match &app.list.lang {
        None => langs.first().cloned(),
        Some(cur) => langs.iter().skip_while(|l| *l != cur).nth(1).cloned(),
    };
    app.refresh_order();
    app.message = Some(match &app.list.lang {
        Some(l) => format!(
            "showing {l} documents ({})",
            crate::text::plural(app.list.order.len(), "document")
        ),
        None => "showing all languages".into(),
    });
}

fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    // A click on a facet of the archive search narrows the query by it.
    if let Some((y, x0)) = super::view::nav::facets_row(app, app.area())
        && row == y
        && column >= x0
        && let Some(line) = &app.nav.line
    {
        let (_, spans) = super::facets::line(&line.facets);
        let at = (column - x0) as usize;
        if let Some(i) = spans.iter().position(|s| s.contains(&at)) {
            return super::search::narrow(app, i + 1);
        }
    }
    // Full-screen overlays and navigation views cover the panes.
    if app.overlay.is_none() && app.nav.mode().is_none() {
        click_pane(app, column, row);
    }
    Vec::new()
}

/// A click in a pane: focus it and select the row.
fn click_pane(app: &mut App, column: u16, row: u16) {
    let p = app.panes();
    let Some(pane) = p.hit(column, row) else { return };
    app.focus = pane;
    let Some(inner) = p.get(pane).map(panes::inner) else { return };
    if row < inner.y || row >= inner.y + inner.height {
        return;
    }
    let at = (row - inner.y) as usize;
    match pane {
        Pane::List => {
            let i = app.list.offset + at / panes::list_item_rows(inner.height) as usize;
            if i < app.list.order.len() {
                let again = i == app.list.selected;
                app.list.selected = i;
                if again {
                    open(app);
                }
            }
        }
        Pane::Side => {
            if let Some(i) = super::view::side::entity_at_row(app, at) {
                app.side.selected = i;
            }
        }
        Pane::Reader => super::correct::press(app, column, row),
    }
}

/// Runs a navigation action that never asks the loop for anything.
fn effects_free_nav(app: &mut App, a: super::nav::NavAction) {
    let _ = super::nav::update(app, a);
}
