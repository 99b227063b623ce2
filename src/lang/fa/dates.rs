//! Persian words around dates, as written, by what they mean to the date scanner.

use crate::lang::Cue;

/// Ordinal words that give a day ("چهاردهم آبان").
pub const ORDINALS: &[(&str, u8)] = &[];

/// Cue words. The first listing of a word wins across languages.
pub const DATE_WORDS: &[(&[&str], Cue)] = &[];
