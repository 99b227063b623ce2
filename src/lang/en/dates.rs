//! English words around dates, by what they mean to the date scanner.

use crate::lang::Cue;

/// Glued ordinal suffixes ("4th").
pub const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Cue words, lower case. The first listing of a word wins across languages.
#[rustfmt::skip]
pub const DATE_WORDS: &[(&[&str], Cue)] = &[
    (
        &["in", "since", "during", "until", "till", "from", "to", "between", "by", "through",
          "before", "after"],
        Cue::Prep,
    ),
    (&["back"], Cue::Back),
    (&["last"], Cue::Last),
    (&["this"], Cue::This),
    (&["next"], Cue::Next),
    (&["early", "mid", "late", "earlier", "later"], Cue::Hedge),
    (&["the"], Cue::The),
    (&["of"], Cue::Of),
    (&["beginning", "start", "end", "middle"], Cue::Part),
    (&["year"], Cue::Year),
    (&["month"], Cue::Month),
    (&["week"], Cue::Week),
    (&["yesterday"], Cue::Yesterday),
    (&["today"], Cue::Today),
    (&["tomorrow"], Cue::Tomorrow),
    (
        &["some", "about", "around", "approximately", "nearly", "almost", "over", "than",
          "roughly", "least", "resolution", "no", "number", "flight", "route", "article", "page",
          "pages", "chapter", "estimated"],
        Cue::NotYearBefore,
    ),
    (
        &["troops", "soldiers", "people", "persons", "men", "women", "children", "civilians",
          "refugees", "fighters", "dollars", "euros", "pounds", "tons", "tonnes", "km",
          "kilometres", "kilometers", "metres", "meters", "miles", "feet", "percent", "per",
          "cases", "deaths", "members", "units", "votes", "barrels", "households", "families",
          "homes", "students", "workers", "prisoners", "detainees", "militants", "rockets",
          "missiles", "residents", "years", "hours", "days", "jobs", "sq", "gmt", "utc", "hrs",
          "edt", "est", "bst", "cet", "local", "et", "pt"],
        Cue::NotYearAfter,
    ),
];
