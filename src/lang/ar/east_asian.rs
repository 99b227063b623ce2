//! Korean and Chinese names written in Arabic letters, spelled back in Latin letters the way
//! English news spells them: syllable by syllable from a table (كيم هيه ريونج → "Kim Hye
//! Ryong", McCune–Reischauer-like as KCNA and Yonhap print North and South Korean names;
//! شي جين بينغ → "Xi Jinping", Pinyin with the given name's syllables joined). A letter-by-letter
//! romanisation would give "Kim Hia Riunj". Keys are folded (أإآ→ا, ة→ه, ى→ي).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Korean surnames (folded), their usual Latin spelling, and whether one starts a name in a
/// text without a title before it (not so for those that are also Arabic words: هو، ما، او).
#[rustfmt::skip]
const KOREAN_SURNAMES: &[(&str, &str, bool)] = &[
    ("كيم", "Kim", true), ("ري", "Ri", true), ("بارك", "Park", true), ("باك", "Pak", true), ("تشوي", "Choe", true),
    ("تشوى", "Choe", true), ("جانغ", "Jang", true), ("جانج", "Jang", true), ("مون", "Moon", true), ("كانغ", "Kang", true),
    ("كانج", "Kang", true), ("يون", "Yoon", true), ("هان", "Han", false), ("كوون", "Kwon", true), ("هوانغ", "Hwang", true),
    ("هونغ", "Hong", false), ("هونج", "Hong", false), ("جو", "Ju", false), ("تشو", "Cho", true), ("سو", "So", false), ("او", "O", false),
    ("بيون", "Pyon", false), ("نام", "Nam", false), ("سونغ", "Song", false), ("يانغ", "Yang", false), ("شين", "Shin", false),
];

/// Chinese surnames (folded), their Pinyin, and whether one starts a name unaided (as above).
#[rustfmt::skip]
const CHINESE_SURNAMES: &[(&str, &str, bool)] = &[
    ("شي", "Xi", true), ("لي", "Li", true), ("وانغ", "Wang", true), ("وانج", "Wang", true), ("تشانغ", "Zhang", true),
    ("تشانج", "Zhang", true), ("ليو", "Liu", true), ("تشين", "Chen", true), ("هو", "Hu", false), ("ون", "Wen", false),
    ("يانغ", "Yang", false), ("هوانغ", "Huang", true), ("تشاو", "Zhao", false), ("تشو", "Zhou", true), ("وو", "Wu", false),
    ("سون", "Sun", false), ("ما", "Ma", false), ("قوه", "Guo", false), ("غوه", "Guo", false), ("دنغ", "Deng", false),
    ("ماو", "Mao", false), ("جيانغ", "Jiang", false), ("هان", "Han", false), ("وي", "Wei", false), ("تساي", "Tsai", false),
];

/// Korean given-name syllables (folded), with the spelling of North and South Korean news.
#[rustfmt::skip]
const KOREAN_SYLLABLES: &[(&str, &str)] = &[
    ("جونغ", "Jong"), ("جونج", "Jong"), ("اون", "Un"), ("ايل", "Il"), ("سونغ", "Song"),
    ("سونج", "Song"), ("يونغ", "Yong"), ("يونج", "Yong"), ("هو", "Ho"), ("هيه", "Hye"),
    ("هي", "Hui"), ("ريونغ", "Ryong"), ("ريونج", "Ryong"), ("سون", "Son"), ("هوي", "Hui"),
    ("جاي", "Jae"), ("ان", "In"), ("نام", "Nam"), ("تشول", "Chol"), ("تشيول", "Chol"),
    ("سو", "Su"), ("هيون", "Hyon"), ("مين", "Min"), ("كوانغ", "Kwang"), ("كوانج", "Kwang"),
    ("تشانغ", "Chang"), ("هاك", "Hak"), ("يانغ", "Yang"), ("تشون", "Chon"), ("سوك", "Sok"),
    ("سيوك", "Sok"), ("تاي", "Thae"), ("جو", "Ju"), ("كيونغ", "Kyong"), ("كيونج", "Kyong"),
    ("اوك", "Ok"), ("سيك", "Sik"), ("هوا", "Hwa"), ("سين", "Sin"), ("جين", "Jin"),
    ("بيونغ", "Pyong"), ("بيونج", "Pyong"), ("ميونغ", "Myong"), ("ميونج", "Myong"),
    ("دو", "Do"), ("هان", "Han"), ("وون", "Won"), ("جي", "Ji"), ("سانغ", "Sang"),
    ("سانج", "Sang"), ("يو", "Yo"), ("يول", "Yol"), ("هيوك", "Hyok"), ("جوم", "Jum"),
    ("هوان", "Hwan"), ("تشان", "Chan"), ("وو", "U"), ("يوب", "Yop"),
    ("تشي", "Chi"), ("ريم", "Rim"), ("ريول", "Ryol"), ("كيل", "Kil"), ("غيل", "Gil"),
    ("تاك", "Thak"), ("هونغ", "Hong"), ("سوب", "Sop"), ("بوم", "Pom"),
    ("يي", "Yi"),
];

/// Chinese given-name syllables (folded) and their Pinyin.
#[rustfmt::skip]
const CHINESE_SYLLABLES: &[(&str, &str)] = &[
    ("جين", "jin"), ("بينغ", "ping"), ("بينج", "ping"), ("كه", "ke"), ("تشيانغ", "qiang"),
    ("تشيانج", "qiang"), ("يي", "yi"), ("جينتاو", "jintao"), ("تاو", "tao"), ("جيا", "jia"),
    ("باو", "bao"), ("تشيشان", "qishan"), ("قانغ", "gang"), ("غانغ", "gang"), ("نينغ", "ning"),
    ("مينغ", "ming"), ("هوا", "hua"), ("لين", "lin"), ("دونغ", "dong"), ("يونغ", "yong"),
    ("يانغ", "yang"), ("شياو", "xiao"), ("شيانغ", "xiang"), ("تسه", "ze"),
    ("وي", "wei"), ("فنغ", "feng"), ("هونغ", "hong"), ("تشون", "chun"), ("يينغ", "ying"),
    ("لان", "lan"), ("تشي", "qi"), ("هاي", "hai"), ("شنغ", "sheng"), ("يوان", "yuan"),
    ("قوانغ", "guang"), ("غوانغ", "guang"), ("جيه", "jie"), ("كاي", "kai"), ("ون", "wen"),
    ("بو", "bo"), ("شي", "xi"), ("لي", "li"), ("هو", "hu"),
    ("مين", "min"), ("شو", "shu"), ("شان", "shan"), ("يو", "yu"), ("تشينغ", "qing"),
    ("هونغ", "hong"), ("جون", "jun"), ("هوي", "hui"), ("يان", "yan"), ("لونغ", "long"),
    ("تشيو", "qiu"), ("ين", "yin"), ("تسونغ", "zong"), ("جونغ", "zhong"), ("تشانغ", "zhang"),
];

/// Whether `w` (folded) is a Korean or Chinese surname that starts a name: a name starting with one may end in a
/// syllable that is also an Arabic pronoun (ري يونغ هو).
pub fn starts_name(w: &str) -> bool {
    // Asked for most Arabic tokens: a hash set, built once.
    static CUES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    CUES.get_or_init(|| {
        KOREAN_SURNAMES.iter().chain(CHINESE_SURNAMES).filter(|s| s.2).map(|s| s.0).collect()
    })
    .contains(w)
}

fn surname(table: &[(&str, &'static str, bool)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _, _)| *k == key).map(|(_, v, _)| *v)
}

fn find(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The Latin spelling of a Korean or Chinese name written in Arabic letters (words already
/// folded), or `None` when the first word is no East-Asian surname or a later word is no
/// syllable of the same language's table. Korean is tried first for a surname both share
/// (هان، يانغ): North Korean names are this archive's usual case.
pub fn romanize(words: &[&str]) -> Option<String> {
    let (&first, rest) = words.split_first()?;
    if rest.is_empty() || rest.len() > 3 {
        return None;
    }
    let korean = || {
        let surname = surname(KOREAN_SURNAMES, first)?;
        let parts: Option<Vec<&str>> = rest.iter().map(|w| find(KOREAN_SYLLABLES, w)).collect();
        Some(std::iter::once(surname).chain(parts?).collect::<Vec<_>>().join(" "))
    };
    let chinese = || {
        let surname = surname(CHINESE_SURNAMES, first)?;
        let parts: Option<Vec<&str>> = rest.iter().map(|w| find(CHINESE_SYLLABLES, w)).collect();
        // The given name is one word in Pinyin ("Jinping"), capitalised once.
        let given: String = parts?.concat();
        let mut cs = given.chars();
        let given: String = cs.next()?.to_uppercase().chain(cs).collect();
        Some(format!("{surname} {given}"))
    };
    // A syllable only Chinese has (بينغ) settles a surname both tables hold (لي، هو).
    let chinese_only = rest.iter().any(|w| find(KOREAN_SYLLABLES, w).is_none());
    if chinese_only { chinese().or_else(korean) } else { korean().or_else(chinese) }
}

#[cfg(test)]
mod tests {
    use super::romanize;

    fn rom(s: &str) -> Option<String> {
        let folded = crate::text::normalize::fold_str(s);
        romanize(&folded.split(' ').collect::<Vec<_>>())
    }

    #[test]
    fn korean_names_take_korean_syllables() {
        assert_eq!(rom("كيم هيه ريونج").as_deref(), Some("Kim Hye Ryong"));
        assert_eq!(rom("كيم جونغ أون").as_deref(), Some("Kim Jong Un"));
        assert_eq!(rom("ري يونغ هو").as_deref(), Some("Ri Yong Ho"));
        assert_eq!(rom("تشوي سون هوي").as_deref(), Some("Choe Son Hui"));
        assert_eq!(rom("كيم إيل سونغ").as_deref(), Some("Kim Il Song"));
    }

    #[test]
    fn chinese_names_take_pinyin_with_the_given_name_joined() {
        assert_eq!(rom("شي جين بينغ").as_deref(), Some("Xi Jinping"));
        assert_eq!(rom("لي كه تشيانغ").as_deref(), Some("Li Keqiang"));
        assert_eq!(rom("وانغ يي").as_deref(), Some("Wang Yi"));
        assert_eq!(rom("هو جينتاو").as_deref(), Some("Hu Jintao"));
    }

    #[test]
    fn other_names_are_left_to_the_arabic_romaniser() {
        assert_eq!(rom("زياد صباغ"), None);
        // A Korean surname before a word no table has: not read as Korean.
        assert_eq!(rom("كيم غطاس"), None);
        assert_eq!(rom("كيم"), None);
    }
}
