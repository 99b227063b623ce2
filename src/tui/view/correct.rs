//! The correction menu, type choice, prompt and selection hint: one reversed line at the
//! bottom of the screen, over the status bar, with the keys the keymap binds.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::put;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::correct::{Asking, CorrectAction as C, Correcting, KindFor, merge_target};
use crate::tui::keymap::Mode;

/// Draws the open correction line, if any.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(state) = &app.correct else { return };
    if area.height == 0 {
        return;
    }
    let y = area.y + area.height - 1;
    let bar = Style::new().add_modifier(Modifier::REVERSED);
    buf.set_style(Rect { y, height: 1, ..area }, bar);
    let key = |mode, a: C| app.keymap.key_for(mode, &Action::Correct(a));
    let name = |e| app.store.entity_name(e).to_string();
    let kinds = || {
        use crate::extract::EntityKind as K;
        let k = |kind| key(Mode::Correct, C::Kind(kind));
        format!("{} person · {} organisation · {} place", k(K::Person), k(K::Org), k(K::Place))
    };
    let text = match state {
        Correcting::Menu { entity, .. } => {
            let m = |a| key(Mode::Correct, a);
            format!(
                "correct {}: {} type · {} rename · {} merge into… · {} reject here · {} reject everywhere · {} undo · {} close",
                name(*entity),
                m(C::AskKind),
                m(C::Rename),
                m(C::Merge),
                m(C::RejectHere),
                m(C::RejectEverywhere),
                m(C::Undo),
                m(C::Cancel),
            )
        }
        Correcting::Kind(KindFor::Entity(e)) => format!("type of {}: {}", name(*e), kinds()),
        Correcting::Kind(KindFor::Mention { doc, range }) => {
            let t = app.store.text(*doc).get(range.clone()).unwrap_or_default();
            format!("\"{t}\" is a: {}", kinds())
        }
        Correcting::Select { doc, range } => {
            let t = app.store.text(*doc).get(range.clone()).unwrap_or_default();
            let s = |a| key(Mode::Select, a);
            format!(
                "selected \"{t}\": {}/{} move · {}/{} longer/shorter · {}/{} line · {} add as a mention · {} leave",
                s(C::NextWord),
                s(C::PrevWord),
                s(C::Longer),
                s(C::Shorter),
                s(C::NextLine),
                s(C::PrevLine),
                s(C::Add),
                s(C::Cancel),
            )
        }
        Correcting::Prompt { asking, editor, .. } => {
            let (prompt, hint) = match asking {
                Asking::Rename(e) => (format!("rename {} to: ", name(*e)), String::new()),
                Asking::MergeInto(e) => {
                    let hint = match merge_target(&app.store, editor.text(), *e) {
                        Some(t) => format!(
                            "  → {} ({}, {} docs)",
                            t.canonical,
                            t.kind.label(),
                            t.docs().len()
                        ),
                        None if editor.text().is_empty() => "  (Tab completes)".into(),
                        None => "  ⚠ no such entity".into(),
                    };
                    (format!("merge {} into: ", name(*e)), hint)
                }
                Asking::Name { kind, .. } => (format!("{} named: ", kind.label()), String::new()),
            };
            let pw = unicode_width::UnicodeWidthStr::width(prompt.as_str()) as u16;
            let tw =
                (unicode_width::UnicodeWidthStr::width(hint.as_str()) as u16).min(area.width / 2);
            put(buf, area.x, y, area.width, &prompt, bar);
            let room = area.width.saturating_sub(pw + tw);
            super::nav::draw_editor(app, buf, (area.x + pw, y, room), editor, bar);
            if tw > 0 {
                put(buf, area.x + area.width - tw, y, tw, &hint, bar);
            }
            return;
        }
    };
    put(buf, area.x, y, area.width, &text, bar);
}
