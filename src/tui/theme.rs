//! Colour: the styles the views draw with, one per screen element (entity kinds, hits,
//! furniture, the status bar…), and how many colours the terminal can show. The views read
//! [`App::theme`](crate::tui::App::theme) and never the environment; the event loop measures
//! the terminal once ([`ColourDepth::from_env`]) and [`Theme::for_depth`] fits the theme to it.
//!
//! Every element that must stand out without colour (hits, the selection, the status bar)
//! carries a modifier (reverse, bold, underline) as well, so [`ColourDepth::None`]
//! (`NO_COLOR`) strips only colours and the screen still reads.

use ratatui::style::{Color, Modifier, Style};

use crate::extract::EntityKind;

/// A named set of styles: the config file's `[theme] preset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Preset {
    /// Sixteen ANSI colours (safe on every colour terminal) plus modifiers.
    Default,
    /// No colour at all: bold, dim, underline and reverse only.
    None,
}

/// The style of each element the views draw (a plain struct: views pick the field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Mentions of people, in the text and the side panel.
    pub person: Style,
    /// Mentions of organisations.
    pub org: Style,
    /// Mentions of places.
    pub place: Style,
    /// Dates.
    pub date: Style,
    /// Search and find hits, and the followed entity's mentions.
    pub hit: Style,
    /// The current hit (patched over `hit`).
    pub current_hit: Style,
    /// Trailing page furniture and its fold line.
    pub furniture: Style,
    /// Secondary text: the source path, separators, dates under list titles.
    pub meta: Style,
    /// Section headings (side panel, help).
    pub heading: Style,
    /// The selected row of a focused list.
    pub selected: Style,
    /// The unread mark and title of a document not opened yet.
    pub unread: Style,
    /// The status bar.
    pub status: Style,
    /// A message in the status bar (patched over `status`).
    pub message: Style,
    /// The frame of a pane without focus.
    pub border: Style,
    /// The frame of the focused pane.
    pub border_focused: Style,
}

/// Every element's config name with what it colours, in the order `qari config --default`
/// prints them.
pub const ELEMENTS: &[(&str, &str)] = &[
    ("person", "people (text and side panel)"),
    ("org", "organisations"),
    ("place", "places"),
    ("date", "dates"),
    ("hit", "search/find hits and the followed entity's mentions"),
    ("current_hit", "the current hit (over `hit`)"),
    ("furniture", "page furniture (related links, subscription lines)"),
    ("meta", "secondary text: paths, separators, list metadata"),
    ("heading", "section headings"),
    ("selected", "the selected row"),
    ("unread", "unread documents in the list"),
    ("status", "the status bar"),
    ("message", "a message in the status bar (over `status`)"),
    ("border", "pane frames"),
    ("border_focused", "the focused pane's frame"),
];

impl Default for Theme {
    fn default() -> Self {
        Theme::preset(Preset::Default)
    }
}

impl Theme {
    /// The styles of `preset`.
    pub fn preset(preset: Preset) -> Theme {
        let m = |m: Modifier| Style::new().add_modifier(m);
        let mono = Theme {
            person: Style::new(),
            org: Style::new(),
            place: Style::new(),
            date: Style::new(),
            hit: m(Modifier::REVERSED | Modifier::UNDERLINED),
            // Bold without the underline: the current one of the reversed hits.
            current_hit: m(Modifier::BOLD).remove_modifier(Modifier::UNDERLINED),
            furniture: m(Modifier::DIM),
            meta: m(Modifier::DIM),
            heading: m(Modifier::BOLD),
            selected: m(Modifier::REVERSED),
            unread: m(Modifier::BOLD),
            status: m(Modifier::REVERSED),
            message: m(Modifier::BOLD),
            border: m(Modifier::DIM),
            border_focused: m(Modifier::BOLD),
        };
        match preset {
            Preset::None => mono,
            // Reversed styles show their foreground as the background: `hit` is a yellow bar.
            Preset::Default => Theme {
                person: mono.person.fg(Color::Cyan),
                org: mono.org.fg(Color::Magenta),
                place: mono.place.fg(Color::Green),
                date: mono.date.fg(Color::Blue),
                hit: mono.hit.fg(Color::Yellow),
                current_hit: mono.current_hit.fg(Color::LightRed),
                furniture: mono.furniture,
                meta: mono.meta,
                heading: mono.heading,
                selected: mono.selected,
                unread: mono.unread.fg(Color::LightYellow),
                status: mono.status.fg(Color::Cyan),
                message: mono.message,
                border: mono.border,
                border_focused: mono.border_focused.fg(Color::Cyan),
            },
        }
    }

    /// The style of an entity kind's mentions.
    pub fn entity(&self, kind: EntityKind) -> Style {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Org => self.org,
            EntityKind::Place => self.place,
        }
    }

    /// The element called `name` in the config file ([`ELEMENTS`]).
    pub fn element_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "person" => &mut self.person,
            "org" => &mut self.org,
            "place" => &mut self.place,
            "date" => &mut self.date,
            "hit" => &mut self.hit,
            "current_hit" => &mut self.current_hit,
            "furniture" => &mut self.furniture,
            "meta" => &mut self.meta,
            "heading" => &mut self.heading,
            "selected" => &mut self.selected,
            "unread" => &mut self.unread,
            "status" => &mut self.status,
            "message" => &mut self.message,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            _ => return None,
        })
    }

    /// The element called `name`.
    pub fn element(&self, name: &str) -> Option<Style> {
        let mut copy = *self;
        copy.element_mut(name).map(|s| *s)
    }

    /// The theme as a terminal of `depth` can show it: true colour brought down to the 256
    /// palette or to the sixteen ANSI colours, and no colour at all for
    /// [`ColourDepth::None`] (modifiers stay).
    pub fn for_depth(&self, depth: ColourDepth) -> Theme {
        let mut out = *self;
        for (name, _) in ELEMENTS {
            if let Some(s) = out.element_mut(name) {
                s.fg = s.fg.and_then(|c| fit(c, depth));
                s.bg = s.bg.and_then(|c| fit(c, depth));
                s.underline_color = None;
            }
        }
        out
    }
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColourDepth {
    /// None: `NO_COLOR` is set, or the terminal is `dumb`.
    None,
    /// The sixteen ANSI colours (every colour terminal).
    Ansi16,
    /// The xterm 256-colour palette (`TERM` ends in `256color`).
    Ansi256,
    /// 24-bit colour (`COLORTERM=truecolor` or `24bit`).
    TrueColor,
}

impl ColourDepth {
    /// What the environment says: `NO_COLOR` set and not empty (no-color.org) turns colour
    /// off; `COLORTERM` `truecolor`/`24bit` allows 24-bit colour, a `TERM` with `256color`
    /// the 256 palette; otherwise sixteen colours.
    pub fn from_env(no_color: Option<&str>, colorterm: Option<&str>, term: Option<&str>) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) || term == Some("dumb") {
            return ColourDepth::None;
        }
        if colorterm
            .is_some_and(|c| matches!(c.to_ascii_lowercase().as_str(), "truecolor" | "24bit"))
        {
            return ColourDepth::TrueColor;
        }
        if term.is_some_and(|t| t.contains("256color")) {
            return ColourDepth::Ansi256;
        }
        ColourDepth::Ansi16
    }

    /// [`ColourDepth::from_env`] over this process's environment.
    pub fn detect() -> Self {
        let var = |k: &str| std::env::var(k).ok();
        ColourDepth::from_env(
            var("NO_COLOR").as_deref(),
            var("COLORTERM").as_deref(),
            var("TERM").as_deref(),
        )
    }
}

/// The sixteen ANSI colours with xterm's values, for bringing a colour down to them.
const ANSI16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// The levels of the 256 palette's 6×6×6 colour cube.
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// `c` as a terminal of `depth` shows it (`None`: no colour).
fn fit(c: Color, depth: ColourDepth) -> Option<Color> {
    match (depth, c) {
        (ColourDepth::None, _) => None,
        (ColourDepth::TrueColor, c) => Some(c),
        (ColourDepth::Ansi256, Color::Rgb(r, g, b)) => Some(Color::Indexed(nearest_256(r, g, b))),
        (ColourDepth::Ansi16, Color::Rgb(r, g, b)) => Some(nearest_16((r, g, b))),
        (ColourDepth::Ansi16, Color::Indexed(i)) => Some(nearest_16(rgb_of_index(i))),
        (_, c) => Some(c),
    }
}

/// The palette index closest to (r, g, b): the nearer of the colour cube and the grey ramp.
fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    let level =
        |v: u8| CUBE.iter().enumerate().min_by_key(|(_, l)| l.abs_diff(v)).map_or(0, |p| p.0);
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (CUBE[ri], CUBE[gi], CUBE[bi]);
    let avg = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
    let grey_i = ((avg.saturating_sub(3)) / 10).min(23) as u8;
    let grey = 8 + 10 * grey_i;
    if dist((r, g, b), (grey, grey, grey)) < dist((r, g, b), cube) {
        232 + grey_i
    } else {
        16 + 36 * ri as u8 + 6 * gi as u8 + bi as u8
    }
}

/// The xterm value of palette index `i`.
fn rgb_of_index(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI16[i as usize].1,
        16..=231 => {
            let n = i - 16;
            (CUBE[(n / 36) as usize], CUBE[(n / 6 % 6) as usize], CUBE[(n % 6) as usize])
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

fn nearest_16(rgb: (u8, u8, u8)) -> Color {
    ANSI16.iter().min_by_key(|(_, v)| dist(rgb, *v)).map_or(Color::White, |(c, _)| *c)
}

fn dist(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| u32::from(x.abs_diff(y)).pow(2);
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_decides_the_depth() {
        use ColourDepth as D;
        assert_eq!(D::from_env(Some("1"), Some("truecolor"), Some("xterm-256color")), D::None);
        assert_eq!(D::from_env(Some(""), None, Some("xterm")), D::Ansi16, "empty NO_COLOR");
        assert_eq!(D::from_env(None, Some("24bit"), Some("xterm")), D::TrueColor);
        assert_eq!(D::from_env(None, None, Some("tmux-256color")), D::Ansi256);
        assert_eq!(D::from_env(None, None, Some("dumb")), D::None);
        assert_eq!(D::from_env(None, None, None), D::Ansi16);
    }

    #[test]
    fn colours_come_down_to_what_the_terminal_shows() {
        let t = Theme { person: Style::new().fg(Color::Rgb(250, 10, 10)), ..Theme::default() };
        assert_eq!(t.for_depth(ColourDepth::TrueColor).person.fg, Some(Color::Rgb(250, 10, 10)));
        assert_eq!(t.for_depth(ColourDepth::Ansi256).person.fg, Some(Color::Indexed(196)));
        assert_eq!(t.for_depth(ColourDepth::Ansi16).person.fg, Some(Color::LightRed));
        let grey = Theme { person: Style::new().fg(Color::Rgb(128, 128, 130)), ..t };
        assert_eq!(grey.for_depth(ColourDepth::Ansi256).person.fg, Some(Color::Indexed(244)));
        let none = t.for_depth(ColourDepth::None);
        assert_eq!(none.person.fg, None);
        assert_eq!(none.hit, Theme::preset(Preset::None).hit, "modifiers stay");
    }

    #[test]
    fn every_element_is_named() {
        let mut t = Theme::preset(Preset::None);
        let r = Style::new().fg(Color::Red);
        for (name, _) in ELEMENTS {
            *t.element_mut(name).expect(name) = r;
        }
        let all_red = Theme {
            person: r,
            org: r,
            place: r,
            date: r,
            hit: r,
            current_hit: r,
            furniture: r,
            meta: r,
            heading: r,
            selected: r,
            unread: r,
            status: r,
            message: r,
            border: r,
            border_focused: r,
        };
        assert_eq!(t, all_red, "ELEMENTS names every field");
        assert_eq!(t.element("place"), Some(r));
        assert_eq!(t.element("nope"), None);
    }
}
