//! Scripts and writing direction of text.

/// A writing system, as far as qari needs to tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Arabic,
    Hebrew,
    Cyrillic,
    Greek,
    Han,
    Other,
}

/// The script of one character, `None` for characters of no script (digits, punctuation, space).
pub fn script_of(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => {
            Some(Script::Latin)
        }
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Some(Script::Arabic),
        '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => Some(Script::Hebrew),
        '\u{0400}'..='\u{052F}' => Some(Script::Cyrillic),
        '\u{0370}'..='\u{03FF}' => Some(Script::Greek),
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => Some(Script::Han),
        c if c.is_alphabetic() => Some(Script::Other),
        _ => None,
    }
}

/// Per char of the Latin and Arabic blocks: bit 0 `is_alphabetic`, bit 1 `is_alphanumeric`,
/// bit 2 `is_uppercase`.
/// The standard checks walk a Unicode table for every non-ASCII char, and Arabic text is
/// nothing but those.
fn class_table() -> &'static [u8] {
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (TABLE_FROM..TABLE_TO)
            .map(|u| {
                char::from_u32(u).map_or(0, |c| {
                    u8::from(c.is_alphabetic())
                        | (u8::from(c.is_alphanumeric()) << 1)
                        | (u8::from(c.is_uppercase()) << 2)
                })
            })
            .collect()
    })
}

const TABLE_FROM: u32 = 0x0080;
const TABLE_TO: u32 = 0x0700;

/// Exactly `char::is_alphanumeric` (what splits words for search), with the Latin and Arabic
/// blocks answered from a table.
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if u < TABLE_FROM {
        return c.is_ascii_alphanumeric();
    }
    if u >= TABLE_TO {
        return c.is_alphanumeric();
    }
    class_table()[(u - TABLE_FROM) as usize] & 2 != 0
}

/// Exactly `char::is_alphabetic`, with the Latin and Arabic blocks answered from a table.
pub fn is_letter(c: char) -> bool {
    let u = c as u32;
    if u < TABLE_FROM {
        return c.is_ascii_alphabetic();
    }
    if u >= TABLE_TO {
        return c.is_alphabetic();
    }
    class_table()[(u - TABLE_FROM) as usize] & 1 != 0
}

/// Exactly `char::is_uppercase`, with the Latin and Arabic blocks answered from a table.
pub fn is_upper(c: char) -> bool {
    let u = c as u32;
    if u < TABLE_FROM {
        return c.is_ascii_uppercase();
    }
    if u >= TABLE_TO {
        return c.is_uppercase();
    }
    class_table()[(u - TABLE_FROM) as usize] & 4 != 0
}

/// Whether `c` is an Arabic-script letter (not a mark, digit or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FC}')
}

/// Whether `c` is an Arabic combining mark (harakat, Quranic marks, superscript alef).
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_exactly_the_alphabetics() {
        for u in 0..0x3000u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_letter(c), c.is_alphabetic(), "U+{u:04X}");
                assert_eq!(is_upper(c), c.is_uppercase(), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn word_chars_are_exactly_the_alphanumerics() {
        for u in 0..0x1_0000u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn language_follows_the_dominant_script() {}
}
