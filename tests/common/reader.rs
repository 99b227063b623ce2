//! The reader on a small hand-annotated archive, without a terminal: three documents (Ri Yong
//! Ho in English and Arabic, a weather note), typed key strings through the keymap and
//! `update`, and screens drawn into `TestBackend`. Shared by the key-sequence tests.
#![allow(dead_code)] // each test binary uses a different part of it

use chrono::NaiveDate;
use qari::corpus::Document;
use qari::extract::{Annotations, DateMention, EntityKind, Granularity, Mention};
use qari::store::{EntityRef, Store};
use qari::text::layout::BidiMode;
use qari::tui::app::App;
use qari::tui::nav::NavAction;
use qari::tui::search::{self, ResultRow};
use qari::tui::{Action, Effect, Options, update};

#[allow(unused_imports)] // each test binary uses a different part of it
pub use super::app::{draw, press, row_text, screen, shows};

/// No shaping, so the screen holds the letters themselves and visual order is checkable.
pub const OPTS: Options = Options { bidi: BidiMode::App, shape: false, osc52: true };

pub const EN: &str = "Ri Yong Ho met Mike Pompeo in Singapore on June 12, 2018.\n\
Talks went on for hours and hours.\n\
The delegations discussed the agenda.\nAides waited outside.\nLunch was served.\n\
Photographers gathered.\nThe weather was hot.\nNobody spoke to the press.\n\
A statement was expected.\nIt did not come.\nThe afternoon passed.\nEvening fell.\n\
Cars lined up.\nThe hotel was quiet.\nGuards changed shifts.\nNight came.\n\
Morning brought news.\nA second meeting was set.\nIt began at nine.\nIt ended at ten.\n\
Later, Ri Yong Ho spoke to reporters. Ri Yong Ho then left Singapore.";
pub const AR: &str = "قال ري يونغ هو إن المحادثات مع بومبيو ستستمر في عام 2019.\n\
وغادر ري يونغ هو سنغافورة بعد اللقاء.";
pub const OTHER: &str = "Weather report for Hanoi in March 2017.\nRain is expected.";

pub fn doc(id: usize, name: &str, title: &str, lang: &str, date: &str, text: &str) -> Document {
    Document {
        path: format!("fixtures/nav/{name}"),
        title: title.into(),
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        ..super::store::doc(id, name, lang, text)
    }
}

pub fn mentions(
    text: &str,
    surface: &str,
    kind: EntityKind,
    id: &str,
    canon: &str,
) -> Vec<Mention> {
    text.match_indices(surface)
        .map(|(at, s)| Mention {
            range: at..at + s.len(),
            kind,
            entity: id.into(),
            canonical: canon.into(),
        })
        .collect()
}

pub fn date(text: &str, surface: &str, value: &str, granularity: Granularity) -> DateMention {
    let at = text.find(surface).expect("date surface in text");
    DateMention {
        range: at..at + surface.len(),
        value: NaiveDate::parse_from_str(value, "%Y-%m-%d").unwrap(),
        granularity,
    }
}

/// Three documents with hand-made annotations: Ri Yong Ho in English (3×) and Arabic (2×),
/// Pompeo and Singapore in both, and an unrelated weather note from 2017.
pub fn fixture() -> Store {
    let docs = vec![
        doc(0, "en.txt", "Ri meets Pompeo", "en", "2018-06-13", EN),
        doc(1, "ar.txt", "ري يونغ هو يلتقي بومبيو", "ar", "2018-06-14", AR),
        doc(2, "weather.txt", "Weather in Hanoi", "en", "2017-03-02", OTHER),
    ];
    let ri = ("per:ri_yong_ho", "Ri Yong Ho");
    let pompeo = ("per:mike_pompeo", "Mike Pompeo");
    let sg = ("gpe:SG", "Singapore");
    let mut en = mentions(EN, "Ri Yong Ho", EntityKind::Person, ri.0, ri.1);
    en.extend(mentions(EN, "Mike Pompeo", EntityKind::Person, pompeo.0, pompeo.1));
    en.extend(mentions(EN, "Singapore", EntityKind::Place, sg.0, sg.1));
    en.sort_by_key(|m| m.range.start);
    let mut ar = mentions(AR, "ري يونغ هو", EntityKind::Person, ri.0, ri.1);
    ar.extend(mentions(AR, "بومبيو", EntityKind::Person, pompeo.0, pompeo.1));
    ar.extend(mentions(AR, "سنغافورة", EntityKind::Place, sg.0, sg.1));
    ar.sort_by_key(|m| m.range.start);
    let other = mentions(OTHER, "Hanoi", EntityKind::Place, "gpe:hanoi", "Hanoi");
    let annotations = vec![
        Annotations {
            mentions: en,
            dates: vec![date(EN, "June 12, 2018", "2018-06-12", Granularity::Day)],
        },
        Annotations {
            mentions: ar,
            dates: vec![date(AR, "عام 2019", "2019-01-01", Granularity::Year)],
        },
        Annotations {
            mentions: other,
            dates: vec![date(OTHER, "March 2017", "2017-03-01", Granularity::Month)],
        },
    ];
    Store::from_parts(docs, annotations, Vec::new(), 0, true)
}

/// The stable id of entity `e`.
pub fn id_of(a: &App, e: EntityRef) -> &str {
    a.store.entities.get(e).map_or("", |e| e.id.as_str())
}

/// The stable id of the followed entity.
pub fn followed(a: &App) -> Option<&str> {
    a.nav.entity.map(|e| id_of(a, e))
}

/// The reader on the fixture with the English document (id 0) open.
pub fn app(w: u16, h: u16) -> App {
    let mut a = App::new(fixture(), OPTS, (w, h));
    a.open_doc(0);
    a
}

/// Runs every search effect through the real store and feeds the results back.
pub fn run_searches(app: &mut App, effects: Vec<Effect>) {
    for e in effects {
        if let Effect::Search { generation, query } = e {
            let r = search::run(&app.store, generation, query);
            update(app, Action::Nav(NavAction::SearchDone(r)));
        }
    }
}

pub fn status(app: &App) -> String {
    let buf = draw(app);
    row_text(&buf, buf.area.height - 1)
}

pub fn result(doc: usize, text: &str, word: &str) -> ResultRow {
    let hits: Vec<_> = text.match_indices(word).map(|(i, w)| i..i + w.len()).collect();
    ResultRow {
        doc,
        snippet: format!("… {word} …"),
        // "…" is three bytes: the word starts after "… ".
        snippet_highlights: std::iter::once("… ".len().."… ".len() + word.len()).collect(),
        hits,
        via: Vec::new(),
    }
}
