//! The Levantine and Iraqi two-word month names (كانون الثاني، تشرين الأول): the scanners read
//! them as a head and an ordinal. Their spellings are in `assets/lang/ar/calendar*.tsv`; a
//! test in `lang::calendar` checks that every two-word name there is read by these tables.

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
