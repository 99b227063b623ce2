//! English month and weekday names, lower case (CLDR `en`), with the abbreviations date
//! lines print ("Tue. Jun 6th, 2023").

/// Month names and abbreviations: (name, month, weak). A weak name is also a common word or
/// short form ("may", "Jan"), so it counts only next to a day or a year.
pub const MONTHS: &[(&str, u8, bool)] = &[
    ("january", 1, false),
    ("february", 2, false),
    ("march", 3, false),
    ("april", 4, false),
    ("may", 5, false),
    ("june", 6, false),
    ("july", 7, false),
    ("august", 8, false),
    ("september", 9, false),
    ("october", 10, false),
    ("november", 11, false),
    ("december", 12, false),
    ("jan", 1, true),
    ("feb", 2, true),
    ("mar", 3, true),
    ("apr", 4, true),
    ("jun", 6, true),
    ("jul", 7, true),
    ("aug", 8, true),
    ("sep", 9, true),
    ("sept", 9, true),
    ("oct", 10, true),
    ("nov", 11, true),
    ("dec", 12, true),
];

/// Weekday names: (name, day with 0 = Monday, weak).
pub const WEEKDAYS: &[(&str, u8, bool)] = &[
    ("monday", 0, false),
    ("tuesday", 1, false),
    ("wednesday", 2, false),
    ("thursday", 3, false),
    ("friday", 4, false),
    ("saturday", 5, false),
    ("sunday", 6, false),
];

/// Weekday abbreviations, read in publication-date lines only ("Sun" and "Wed" are words).
pub const WEEKDAY_ABBREVIATIONS: &[(&str, u8, bool)] = &[
    ("mon", 0, true),
    ("tue", 1, true),
    ("wed", 2, true),
    ("thu", 3, true),
    ("fri", 4, true),
    ("sat", 5, true),
    ("sun", 6, true),
];
