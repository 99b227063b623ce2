//! Keys are data: a table of (mode, key) → [`Action`] bindings with a help text each. The
//! event loop looks keys up here, the `?` overlay is generated from the same table, and tests
//! type key strings such as `"jj<Enter>G"` through it. Views never match keys. Every action
//! has a name ([`Action::name`]) and every mode one ([`Mode::name`]): the config file's
//! `[keys.<mode>]` section rebinds an action by that name ([`Keymap::rebind`]).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use crate::extract::EntityKind;

/// Which set of bindings is active. New input modes (a search line, an entity view, a
/// timeline) add a variant here and their rows to [`Keymap::default`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Mode {
    /// The three panes, no overlay open.
    Normal,
    /// A full-screen overlay (help, problems) is open: it scrolls and closes.
    Overlay,
    /// The search / find / date-filter line takes typed characters.
    SearchLine,
    /// The entity view is open.
    EntityView,
    /// The timeline is open.
    Timeline,
    /// The correction menu (or its type choice) is open.
    Correct,
    /// Text is being selected in the reading pane.
    Select,
    /// The bookmarks view is open.
    Bookmarks,
}

impl Mode {
    /// The mode's name in the config file (`[keys.search_line]`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Section title in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Normal => "Reading",
            Mode::Overlay => "Help and problems views",
            Mode::SearchLine => "Search, find and filter line (other keys type)",
            Mode::EntityView => "Entity view",
            Mode::Timeline => "Timeline",
            Mode::Correct => "Correcting an entity (c)",
            Mode::Select => "Selecting text for a missed mention (v)",
            Mode::Bookmarks => "Bookmarks view",
        }
    }
}

/// A key with its modifiers, normalised (Shift folded into the character; Shift-Tab is
/// `BackTab` without modifiers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key itself.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift only for non-character keys).
    pub mods: KeyModifiers,
}

impl Key {
    /// A plain key.
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, mods: KeyModifiers::NONE }
    }

    /// `Ctrl-` plus a character.
    pub const fn ctrl(c: char) -> Key {
        Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
    }

    /// `Alt-` plus a character.
    pub const fn alt(c: char) -> Key {
        Key { code: KeyCode::Char(c), mods: KeyModifiers::ALT }
    }

    /// The normalised key of a terminal key event.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => {
                // Terminals report 'G' with or without SHIFT; the character already says it.
                mods.remove(KeyModifiers::SHIFT);
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, mods }
    }

    /// How the help overlay names the key (`Ctrl-d`, `PgDn`, `Shift-Tab`, `j`).
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("Shift-");
        }
        s + &base
    }

    /// How the config file writes the key: [`label`](Key::label) with ASCII names for the
    /// arrows (`Down`, `Ctrl-d`, `Shift-Tab`, `PgDn`, `Space`, `j`); [`Key::parse`] reads it.
    pub fn name(&self) -> String {
        let arrow = match self.code {
            KeyCode::Up => "Up",
            KeyCode::Down => "Down",
            KeyCode::Left => "Left",
            KeyCode::Right => "Right",
            _ => return self.label(),
        };
        let plain = Key::plain(self.code).label();
        self.label().replace(&plain, arrow)
    }

    /// Reads a key as the config file writes it: a character (`j`, `G`, `/`), a key name
    /// (`Enter`, `Esc`, `Tab`, `Shift-Tab`, `Space`, `Backspace`, `Delete`, `Insert`, `Home`,
    /// `End`, `PgUp`, `PgDn`, `Up`/`↑`, `Down`/`↓`, `Left`/`←`, `Right`/`→`, `F1`…`F12`),
    /// each after any of `Ctrl-`, `Alt-`, `Shift-`. Names are case-sensitive only for
    /// single characters. Why a key cannot be read, otherwise.
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        // A modifier prefix only when something follows it (`-` alone is the minus key).
        loop {
            let lower = rest.to_ascii_lowercase();
            let Some((m, n)) = [("ctrl-", KeyModifiers::CONTROL), ("c-", KeyModifiers::CONTROL)]
                .into_iter()
                .chain([("alt-", KeyModifiers::ALT), ("a-", KeyModifiers::ALT)])
                .chain([("shift-", KeyModifiers::SHIFT), ("s-", KeyModifiers::SHIFT)])
                .find(|(p, _)| lower.starts_with(p) && rest.len() > p.len())
                .map(|(p, m)| (m, p.len()))
            else {
                break;
            };
            mods |= m;
            rest = &rest[n..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => match c {
                '↑' => KeyCode::Up,
                '↓' => KeyCode::Down,
                '←' => KeyCode::Left,
                '→' => KeyCode::Right,
                c if c.is_control() => return Err(format!("{:?} is not a key", c)),
                c => KeyCode::Char(c),
            },
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" | "cr" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" | "bs" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                f if f.len() > 1
                    && f.starts_with('f')
                    && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
                {
                    KeyCode::F(f[1..].parse().unwrap_or(1))
                }
                _ => return Err(format!("`{s}` is not a key name (like `j`, `Ctrl-d`, `PgDn`)")),
            },
        };
        // The same normal form as a terminal's key event (Shift folded into the character).
        let ev = KeyEvent::new(code, mods);
        let mut key = Key::from_event(&ev);
        if let KeyCode::Char(c) = code
            && mods.contains(KeyModifiers::SHIFT)
            && !mods.contains(KeyModifiers::CONTROL)
        {
            key.code = KeyCode::Char(c.to_uppercase().next().unwrap_or(c));
        }
        if code == KeyCode::Tab && mods.contains(KeyModifiers::SHIFT) {
            key = Key { code: KeyCode::BackTab, mods: mods - KeyModifiers::SHIFT };
        }
        Ok(key)
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where the binding applies.
    pub mode: Mode,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
    /// What the action does, as the help overlay shows it.
    pub help: &'static str,
}

/// One line of the generated help: every key bound to one action in one mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// Section of the help.
    pub mode: Mode,
    /// The action.
    pub action: Action,
    /// Its name ([`Action::name`]), as the config file writes it.
    pub name: String,
    /// The keys bound to it, in table order.
    pub bound: Vec<Key>,
    /// Key labels joined with `/` (`j/↓`).
    pub keys: String,
    /// What the keys do.
    pub help: &'static str,
}

/// The key table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Every binding; the first match wins.
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    /// qari's default bindings (vi-style plus the usual arrow and page keys).
    fn default() -> Self {
        use super::correct::CorrectAction as C;
        use super::nav::{NavAction as N, nav};
        let cor = Action::Correct;
        use super::takeout::Take as T;
        use Action as A;
        use KeyCode as K;
        let p = Key::plain;
        let c = |ch| Key::plain(K::Char(ch));
        let normal: Vec<(Vec<Key>, Action, &'static str)> = vec![
            (vec![c('j'), p(K::Down)], A::Down, "down one line / next row"),
            (vec![c('k'), p(K::Up)], A::Up, "up one line / previous row"),
            (vec![p(K::PageDown)], A::PageDown, "page down"),
            (vec![c(' ')], A::SpaceDown, "page down; at the end, the next unread"),
            (vec![p(K::PageUp)], A::PageUp, "page up"),
            (vec![Key::ctrl('d')], A::HalfPageDown, "half a page down"),
            (vec![Key::ctrl('u')], A::HalfPageUp, "half a page up"),
            (vec![c('g'), p(K::Home)], A::Top, "to the top"),
            (vec![c('G'), p(K::End)], A::Bottom, "to the bottom"),
            (vec![p(K::Tab), c('l'), p(K::Right)], A::FocusNext, "next pane"),
            (vec![p(K::BackTab), c('h'), p(K::Left)], A::FocusPrev, "previous pane"),
            (vec![p(K::Enter)], A::Open, "open the selected document"),
            (vec![c('J')], A::NextDoc, "next document in the list"),
            (vec![c('K')], A::PrevDoc, "previous document in the list"),
            (vec![c('<')], A::ListNarrower, "narrow the document list"),
            (vec![c('>')], A::ListWider, "widen the document list"),
            (vec![c('y')], A::Take(T::CopyPassage), "copy the passage (or entity's sentence)"),
            (vec![c('Y')], A::Take(T::CopyUrl), "copy the article's URL"),
            (vec![c('O')], A::Take(T::OpenUrl), "open the URL in the browser"),
            (vec![c('w')], A::Take(T::WriteList), "write the list to a file (.jsonl/.csv/.md)"),
            (vec![c('z')], A::ToggleBoilerplate, "fold/unfold page furniture"),
            (vec![c('S')], A::ToggleShaping, "Arabic shaping on/off"),
            (vec![c('s')], A::CycleSort, "sort list: date/title/lang/source"),
            (vec![c('R')], A::ReverseSort, "reverse the sort order"),
            (vec![c('L')], A::CycleLangFilter, "filter list by language"),
            (vec![c('/')], nav(N::SearchOpen), "search the archive"),
            (vec![c('f'), Key::ctrl('f')], nav(N::FindOpen), "find in this document"),
            (vec![c('n')], nav(N::NextHit), "next search/find hit"),
            (vec![c('N')], nav(N::PrevHit), "previous search/find hit"),
            (vec![p(K::Esc)], nav(N::ClearHits), "clear hits, back to where the search began"),
            (vec![c(']')], nav(N::NextMention), "next mention of the selected entity"),
            (vec![c('[')], nav(N::PrevMention), "previous mention of the selected entity"),
            (vec![c('e')], nav(N::EntityNearView), "select the entity on screen"),
            (vec![c('E')], nav(N::EntityView), "entity view of the selected entity"),
            (vec![c('t')], nav(N::Timeline), "timeline (from the side panel: at this doc)"),
            (vec![c('D')], nav(N::DateFilterOpen), "filter list by date range"),
            (vec![c('u')], nav(N::ToggleUnread), "filter list: unread only"),
            (vec![c('x')], nav(N::ClearFilters), "clear every list filter"),
            (vec![c('.')], A::NextUnread, "the next unread document"),
            (vec![c('U')], A::MarkUnread, "mark the document unread again"),
            (vec![c('m')], nav(N::BookmarkOpen), "bookmark this passage (with a note)"),
            (vec![c('\'')], nav(N::Bookmarks), "bookmarks"),
            (vec![Key::ctrl('o')], A::JumpBack, "back to the previous place"),
            (vec![Key::ctrl('n')], A::JumpForward, "forward again"),
            (vec![c('c')], cor(C::Menu), "correct the selected entity (side panel)"),
            (vec![c('v')], cor(C::Select), "select text: add a missed mention"),
            (vec![c('P')], A::ShowProblems, "files that could not be read"),
            (vec![Key::ctrl('r')], A::Refresh, "check the files again, re-read what changed"),
            (vec![c('?')], A::ToggleHelp, "this help"),
            (vec![Key::ctrl('z')], A::Suspend, "suspend to the shell"),
            (vec![c('q')], A::Back, "quit"),
            (vec![Key::ctrl('c')], A::Quit, "quit at once"),
        ];
        let overlay: Vec<(Vec<Key>, Action, &'static str)> = vec![
            (vec![c('j'), p(K::Down)], A::Down, "scroll down"),
            (vec![c('k'), p(K::Up)], A::Up, "scroll up"),
            (vec![p(K::PageDown), c(' '), Key::ctrl('d')], A::PageDown, "page down"),
            (vec![p(K::PageUp), Key::ctrl('u')], A::PageUp, "page up"),
            (vec![c('g'), p(K::Home)], A::Top, "to the top"),
            (vec![c('G'), p(K::End)], A::Bottom, "to the bottom"),
            (vec![c('q'), p(K::Esc), c('?'), p(K::Enter)], A::Back, "close"),
            (vec![Key::ctrl('c')], A::Quit, "quit at once"),
        ];
        let ed = |e: super::editor::Edit| nav(N::Edit(e));
        use super::editor::Edit as E;
        let line: Vec<(Vec<Key>, Action, &'static str)> = vec![
            (vec![p(K::Enter)], nav(N::Enter), "open the result / apply"),
            (vec![p(K::Esc)], nav(N::Cancel), "leave, back to where you were"),
            (vec![p(K::Tab), Key::ctrl('n')], nav(N::Down), "next result"),
            (vec![p(K::BackTab), Key::ctrl('p')], nav(N::Up), "previous result"),
            (vec![p(K::Up)], nav(N::HistoryPrev), "the search before (history)"),
            (vec![p(K::Down)], nav(N::HistoryNext), "the search after (history)"),
            (vec![p(K::Backspace)], nav(N::Backspace), "delete the character before"),
            (
                vec![p(K::Delete), Key::ctrl('d')],
                ed(E::Delete),
                "delete the character at the cursor",
            ),
            (vec![p(K::Left), Key::ctrl('b')], ed(E::Left), "cursor left"),
            (vec![p(K::Right), Key::ctrl('f')], ed(E::Right), "cursor right"),
            (vec![Key::alt('b')], ed(E::WordLeft), "a word left"),
            (vec![Key::alt('f')], ed(E::WordRight), "a word right"),
            (vec![p(K::Home), Key::ctrl('a')], ed(E::Home), "to the start"),
            (vec![p(K::End), Key::ctrl('e')], ed(E::End), "to the end"),
            (vec![Key::ctrl('u')], ed(E::KillToStart), "delete to the start"),
            (vec![Key::ctrl('k')], ed(E::KillToEnd), "delete to the end"),
            (vec![Key::ctrl('w')], ed(E::KillWordBack), "delete the word before"),
            (vec![Key::alt('1')], nav(N::Narrow(1)), "narrow by facet 1"),
            (vec![Key::alt('2')], nav(N::Narrow(2)), "narrow by facet 2"),
            (vec![Key::alt('3')], nav(N::Narrow(3)), "narrow by facet 3"),
            (vec![Key::alt('4')], nav(N::Narrow(4)), "narrow by facet 4"),
            (vec![Key::alt('5')], nav(N::Narrow(5)), "narrow by facet 5"),
            (vec![Key::alt('6')], nav(N::Narrow(6)), "narrow by facet 6"),
            (vec![Key::alt('7')], nav(N::Narrow(7)), "narrow by facet 7"),
            (vec![Key::alt('8')], nav(N::Narrow(8)), "narrow by facet 8"),
            (vec![Key::alt('9')], nav(N::Narrow(9)), "narrow by facet 9"),
            (vec![Key::alt('w')], A::Take(T::WriteList), "write the results to a file"),
            (vec![Key::ctrl('c')], A::Quit, "quit at once"),
        ];
        let view = |extra: Vec<(Vec<Key>, Action, &'static str)>| {
            let mut v: Vec<(Vec<Key>, Action, &'static str)> = vec![
                (vec![c('j'), p(K::Down)], nav(N::Down), "next entry"),
                (vec![c('k'), p(K::Up)], nav(N::Up), "previous entry"),
                (vec![p(K::PageDown), c(' ')], nav(N::PageDown), "ten entries down"),
                (vec![p(K::PageUp)], nav(N::PageUp), "ten entries up"),
                (vec![c('g'), p(K::Home)], nav(N::First), "to the first entry"),
                (vec![c('G'), p(K::End)], nav(N::Last), "to the last entry"),
                (vec![p(K::Enter)], nav(N::Enter), "open the document / entity"),
                (vec![c('q'), p(K::Esc)], nav(N::Cancel), "close"),
                (vec![Key::ctrl('o')], A::JumpBack, "back to the previous place"),
                (vec![Key::ctrl('n')], A::JumpForward, "forward again"),
                (vec![c('y')], A::Take(T::CopyPassage), "copy the entry's sentence"),
                (vec![c('w')], A::Take(T::WriteList), "write the entries to a file"),
                (vec![Key::ctrl('c')], A::Quit, "quit at once"),
            ];
            v.extend(extra);
            v
        };
        let entity_view = view(vec![
            (vec![c('F')], nav(N::FilterByEntity), "filter the list to its documents"),
            (vec![c('c')], cor(C::Menu), "correct this entity"),
        ]);
        let correct: Vec<(Vec<Key>, Action, &'static str)> = vec![
            (vec![c('t')], cor(C::AskKind), "change its type"),
            (vec![c('p')], cor(C::Kind(EntityKind::Person)), "type: person"),
            (vec![c('o')], cor(C::Kind(EntityKind::Org)), "type: organisation"),
            (vec![c('l')], cor(C::Kind(EntityKind::Place)), "type: place"),
            (vec![c('r')], cor(C::Rename), "rename its canonical name"),
            (vec![c('m')], cor(C::Merge), "merge into another entity (Tab completes)"),
            (vec![c('x')], cor(C::RejectHere), "not an entity in this document"),
            (vec![c('X')], cor(C::RejectEverywhere), "not an entity anywhere"),
            (vec![c('u')], cor(C::Undo), "undo its last correction"),
            (vec![c('q'), p(K::Esc)], cor(C::Cancel), "close"),
            (vec![Key::ctrl('c')], A::Quit, "quit at once"),
        ];
        let select: Vec<(Vec<Key>, Action, &'static str)> = vec![
            (vec![c('w')], cor(C::NextWord), "to the next word"),
            (vec![c('b')], cor(C::PrevWord), "to the previous word"),
            (vec![c('l'), p(K::Right)], cor(C::Longer), "one word more"),
            (vec![c('h'), p(K::Left)], cor(C::Shorter), "one word less"),
            (vec![c('j'), p(K::Down)], cor(C::NextLine), "to the next line"),
            (vec![c('k'), p(K::Up)], cor(C::PrevLine), "to the previous line"),
            (vec![c('a'), p(K::Enter)], cor(C::Add), "add as a mention (asks type and name)"),
            (vec![c('q'), p(K::Esc)], cor(C::Cancel), "leave the selection"),
            (vec![Key::ctrl('c')], A::Quit, "quit at once"),
        ];
        let timeline = view(vec![(
            vec![c('z')],
            nav(N::ToggleFurnitureDates),
            "show/hide dates in page furniture",
        )]);
        let bookmarks =
            view(vec![(vec![c('d'), p(K::Delete)], nav(N::DeleteBookmark), "delete the bookmark")]);
        let mut bindings = Vec::new();
        for (mode, rows) in [
            (Mode::Normal, normal),
            (Mode::Overlay, overlay),
            (Mode::SearchLine, line),
            (Mode::EntityView, entity_view),
            (Mode::Timeline, timeline),
            (Mode::Correct, correct),
            (Mode::Select, select),
            (Mode::Bookmarks, bookmarks),
        ] {
            for (keys, action, help) in rows {
                for key in keys {
                    bindings.push(Binding { mode, key, action: action.clone(), help });
                }
            }
        }
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action bound to a key press in `mode`; `None` for releases, repeats of
    /// unbound keys, and keys the mode does not bind.
    pub fn action(&self, mode: Mode, ev: &KeyEvent) -> Option<Action> {
        if ev.kind != KeyEventKind::Press {
            return None;
        }
        let key = Key::from_event(ev);
        let bound =
            self.bindings.iter().find(|b| b.mode == mode && b.key == key).map(|b| b.action.clone());
        match (bound, mode, key.code) {
            // In the search line every unbound character is typed.
            (None, Mode::SearchLine, KeyCode::Char(c))
                if !key.mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Nav(super::nav::NavAction::Input(c)))
            }
            (bound, ..) => bound,
        }
    }

    /// Label of the first key bound to `action` in `mode` (`?` when none is), so hints on
    /// screen follow the table.
    pub fn key_for(&self, mode: Mode, action: &Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.action == *action)
            .map_or_else(|| "?".to_string(), |b| b.key.label())
    }

    /// The help overlay's rows: one per (mode, action), keys in table order.
    pub fn help_rows(&self) -> Vec<HelpRow> {
        let mut rows: Vec<HelpRow> = Vec::new();
        for b in &self.bindings {
            match rows.iter_mut().find(|r| r.mode == b.mode && r.action == b.action) {
                Some(row) => {
                    row.keys.push('/');
                    row.keys.push_str(&b.key.label());
                    row.bound.push(b.key);
                }
                None => rows.push(HelpRow {
                    mode: b.mode,
                    action: b.action.clone(),
                    name: b.action.name(),
                    bound: vec![b.key],
                    keys: b.key.label(),
                    help: b.help,
                }),
            }
        }
        rows
    }

    /// The modes the table binds keys in, in table order.
    pub fn modes(&self) -> Vec<Mode> {
        let mut modes = Vec::new();
        for b in &self.bindings {
            if !modes.contains(&b.mode) {
                modes.push(b.mode);
            }
        }
        modes
    }

    /// Binds exactly `keys` to the action named `name` in `mode` (none: unbound), in place
    /// of its keys there; each of `keys` stops meaning anything else in `mode`. The names are
    /// the default table's, so an action whose keys an earlier rebinding took is still found
    /// (and goes last in its mode). Fails (the table unchanged) when `mode` has no action of
    /// that name.
    pub fn rebind(&mut self, mode: Mode, name: &str, keys: &[Key]) -> Result<(), String> {
        let named = |b: &Binding| b.mode == mode && b.action.name() == name;
        let (at, action, help) = match self.bindings.iter().position(named) {
            Some(at) => (at, self.bindings[at].action.clone(), self.bindings[at].help),
            None => {
                let defaults = Keymap::default();
                let Some(b) = defaults.bindings.into_iter().find(named) else {
                    return Err(format!("no action `{name}` in mode `{}`", mode.name()));
                };
                let end = self.bindings.iter().rposition(|b| b.mode == mode).map_or(0, |i| i + 1);
                (end, b.action, b.help)
            }
        };
        // Its first row keeps its place (the help's order); a key bound twice once.
        let mut fresh: Vec<Binding> = Vec::new();
        for &key in keys {
            if !fresh.iter().any(|b| b.key == key) {
                fresh.push(Binding { mode, key, action: action.clone(), help });
            }
        }
        let before = self.bindings[..at]
            .iter()
            .filter(|b| !(b.mode == mode && (b.action == action || keys.contains(&b.key))))
            .count();
        self.bindings
            .retain(|b| !(b.mode == mode && (b.action == action || keys.contains(&b.key))));
        self.bindings.splice(before..before, fresh);
        Ok(())
    }
}

/// Parses a key string as tests and (later) config files write it: plain characters, and
/// `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<Up>`/`<Down>`/`<Left>`/`<Right>`, `<PgUp>`,
/// `<PgDn>`, `<Home>`, `<End>`, `<Space>`, `<C-x>` in angle brackets. Unknown names yield
/// `None`.
pub fn parse_keys(s: &str) -> Option<Vec<KeyEvent>> {
    let mut out = Vec::new();
    let mut chars = s.chars();
    while let Some(ch) = chars.next() {
        if ch != '<' {
            out.push(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
            continue;
        }
        let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
        let (code, mods) = match name.as_str() {
            "Enter" | "CR" => (KeyCode::Enter, KeyModifiers::NONE),
            "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
            "BS" => (KeyCode::Backspace, KeyModifiers::NONE),
            "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
            "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
            "Up" => (KeyCode::Up, KeyModifiers::NONE),
            "Down" => (KeyCode::Down, KeyModifiers::NONE),
            "Left" => (KeyCode::Left, KeyModifiers::NONE),
            "Right" => (KeyCode::Right, KeyModifiers::NONE),
            "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
            "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
            "Home" => (KeyCode::Home, KeyModifiers::NONE),
            "End" => (KeyCode::End, KeyModifiers::NONE),
            "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
            "lt" => (KeyCode::Char('<'), KeyModifiers::NONE),
            "Del" => (KeyCode::Delete, KeyModifiers::NONE),
            n if n.starts_with("C-") && n.chars().count() == 3 => {
                (KeyCode::Char(n.chars().nth(2)?), KeyModifiers::CONTROL)
            }
            n if n.starts_with("A-") && n.chars().count() == 3 => {
                (KeyCode::Char(n.chars().nth(2)?), KeyModifiers::ALT)
            }
            _ => return None,
        };
        out.push(KeyEvent::new(code, mods));
    }
    Some(out)
}
