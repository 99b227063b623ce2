//! Arabic month and weekday names, folded as `text::normalize::fold_str` folds a word (alef
//! forms → ا, ة → ه, ى → ي): the CLDR gregorian month names of the regional locales — `ar`
//! (Egypt and the Gulf: يناير…), `ar-SY`/`ar-LB`/`ar-JO`/`ar-IQ`/`ar-PS` (Levantine and Iraqi:
//! كانون الثاني…), `ar-DZ`/`ar-TN` (Maghrebi: جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت),
//! `ar-MA` (Moroccan: يوليوز، غشت، شتنبر، نونبر، دجنبر) and `ar-MR` (Mauritanian: أغشت، شتمبر،
//! دجمبر) — plus spellings news sites print beside them (يونيه، يوليه، جويليا).

/// Arabic one-word month names, folded. The Levantine كانون/تشرين pairs are two words: see
/// [`levantine_month`].
pub const MONTHS: &[(&str, u8, bool)] = &[
    // Levantine and Iraqi (CLDR ar-SY, ar-LB, ar-JO, ar-IQ, ar-PS)
    ("شباط", 2, false),
    ("اذار", 3, false),
    ("نيسان", 4, false),
    ("ايار", 5, false),
    ("حزيران", 6, false),
    ("تموز", 7, false),
    ("اب", 8, true),
    ("ايلول", 9, false),
    // Egypt and the Gulf (CLDR ar), with the older يونيه/يوليه
    ("يناير", 1, false),
    ("فبراير", 2, false),
    ("مارس", 3, false),
    ("ابريل", 4, false),
    ("مايو", 5, false),
    ("يونيو", 6, false),
    ("يونيه", 6, false),
    ("يوليو", 7, false),
    ("يوليه", 7, false),
    ("اغسطس", 8, false),
    ("سبتمبر", 9, false),
    ("اكتوبر", 10, false),
    ("نوفمبر", 11, false),
    ("ديسمبر", 12, false),
    // Algeria and Tunisia (CLDR ar-DZ, ar-TN), and the جويليا spelling
    ("جانفي", 1, false),
    ("فيفري", 2, false),
    ("افريل", 4, false),
    ("ماي", 5, true),
    ("جوان", 6, false),
    ("جويليه", 7, false),
    ("جويليا", 7, false),
    ("اوت", 8, true),
    // Morocco (CLDR ar-MA)
    ("يوليوز", 7, false),
    ("غشت", 8, false),
    ("شتنبر", 9, false),
    ("نونبر", 11, false),
    ("دجنبر", 12, false),
    // Mauritania (CLDR ar-MR)
    ("اغشت", 8, false),
    ("شتمبر", 9, false),
    ("دجمبر", 12, false),
];

/// Arabic weekdays, folded, 0 = Monday, with whether they are weak (الاثنين is also "the
/// two"). الاتنين is the spelling of spoken Levantine.
pub const WEEKDAYS: &[(&str, u8, bool)] = &[
    ("الاثنين", 0, true),
    ("الاتنين", 0, true),
    ("الثلاثاء", 1, false),
    ("الاربعاء", 2, false),
    ("الخميس", 3, false),
    ("الجمعه", 4, false),
    ("السبت", 5, false),
    ("الاحد", 6, false),
];

/// The first words of the two-word Levantine months, folded: كانون (1) and تشرين (2).
pub const LEVANTINE_HEADS: [(&str, u8); 2] = [("كانون", 1), ("تشرين", 2)];

/// The month of a Levantine pair: head 1 (كانون) or 2 (تشرين) with the ordinal 1 (الأول) or
/// 2 (الثاني). كانون الثاني is January and كانون الأول December; تشرين الأول October and
/// تشرين الثاني November.
pub fn levantine_month(head: u8, ordinal: u8) -> Option<u8> {
    match (head, ordinal) {
        (1, 2) => Some(1),
        (1, 1) => Some(12),
        (2, 1) => Some(10),
        (2, 2) => Some(11),
        _ => None,
    }
}

/// The Levantine head (1 كانون, 2 تشرين) a folded word is, if any.
pub fn levantine_head(folded: &str) -> Option<u8> {
    LEVANTINE_HEADS.iter().find(|(w, _)| *w == folded).map(|&(_, h)| h)
}

/// The second words of the Levantine months, folded: the ordinals الأول (1) and الثاني (2).
pub const LEVANTINE_ORDINALS: [(&str, u8); 4] =
    [("الاول", 1), ("اول", 1), ("الثاني", 2), ("ثاني", 2)];

/// The ordinal (1 or 2) a folded word gives as the second word of a Levantine month.
pub fn levantine_ordinal(folded: &str) -> Option<u8> {
    LEVANTINE_ORDINALS.iter().find(|(w, _)| *w == folded).map(|&(_, n)| n)
}
