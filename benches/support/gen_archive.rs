//! A deterministic generator of a mixed English/Arabic news archive for the search benchmark.
//! Common words come from the bundled articles (with their frequencies); a long tail of
//! made-up rare words (names, places) follows a Zipf-like law, so posting lists have realistic
//! shapes. Articles have 4–10 paragraphs of 30–70 words (about 350 words). No `rand` crate:
//! a SplitMix64 generator, so the same seed gives the same archive everywhere.

use chrono::NaiveDate;
use qari::corpus::{BUNDLED, Document, paragraph_ranges};

/// SplitMix64: small, fast and good enough for picking words.
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Word lists of one language: running text of the samples, and the rare tail.
struct Vocab {
    common: Vec<String>,
    rare: Vec<String>,
}

/// The archive generator.
pub struct Generator {
    en: Vocab,
    ar: Vocab,
}

/// Size of each language's rare-word tail.
const RARE_WORDS: usize = 40_000;

fn is_arabic(w: &str) -> bool {
    w.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

fn made_up(rng: &mut Rng, syllables: &[&str], n: usize) -> String {
    (0..n).map(|_| syllables[rng.below(syllables.len())]).collect()
}

impl Generator {
    /// Reads the vocabulary of the bundled articles and makes up the rare tail.
    pub fn new() -> Generator {
        let mut en = Vec::new();
        let mut ar = Vec::new();
        for (_, text) in BUNDLED {
            for w in text.split_whitespace() {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                if w.is_empty() {
                    continue;
                }
                if is_arabic(w) {
                    ar.push(w.to_string());
                } else if w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    en.push(w.to_string());
                }
            }
        }
        let mut rng = Rng::new(0x5EED);
        let en_syl = [
            "ka", "lo", "ran", "mi", "sel", "tor", "va", "den", "bri", "ush", "el", "gan", "pho",
            "zi",
        ];
        let ar_syl =
            ["با", "ري", "كم", "سل", "ون", "تا", "مي", "حد", "قو", "زي", "فا", "لن", "شر", "دو"];
        let en_rare = (0..RARE_WORDS)
            .map(|_| {
                let n = rng.range(2, 4);
                let mut w = made_up(&mut rng, &en_syl, n);
                if rng.below(3) == 0 {
                    w[..1].make_ascii_uppercase();
                }
                w
            })
            .collect();
        let ar_rare = (0..RARE_WORDS)
            .map(|_| {
                let n = rng.range(2, 4);
                made_up(&mut rng, &ar_syl, n)
            })
            .collect();
        Generator {
            en: Vocab { common: en, rare: en_rare },
            ar: Vocab { common: ar, rare: ar_rare },
        }
    }

    fn word<'a>(&'a self, rng: &mut Rng, v: &'a Vocab) -> &'a str {
        if rng.below(100) < 88 {
            &v.common[rng.below(v.common.len())]
        } else {
            // Zipf-like: low indices are far more frequent.
            let u = rng.unit();
            &v.rare[((u * u * u) * v.rare.len() as f64) as usize]
        }
    }

    /// A common word of language `lang` (`en` or `ar`), for queries.
    pub fn common_word(&self, rng: &mut Rng, lang: &str) -> String {
        let v = if lang == "ar" { &self.ar } else { &self.en };
        v.common[rng.below(v.common.len())].clone()
    }

    /// A rare-tail word of language `lang`, for queries.
    pub fn rare_word(&self, rng: &mut Rng, lang: &str) -> String {
        let v = if lang == "ar" { &self.ar } else { &self.en };
        let u = rng.unit();
        v.rare[((u * u * u) * v.rare.len() as f64) as usize].clone()
    }

    /// Article number `id` of the archive of seed `seed`: the file text and its document.
    pub fn document(&self, seed: u64, id: usize) -> Document {
        let mut rng = Rng::new(seed ^ (id as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
        let lang = if rng.below(100) < 60 { "en" } else { "ar" };
        let v = if lang == "ar" { &self.ar } else { &self.en };
        let stop = ".";
        let title_words = rng.range(5, 11);
        let title: Vec<&str> = (0..title_words).map(|_| self.word(&mut rng, v)).collect();
        let title = title.join(" ");
        let mut text = format!("{title}\n\n");
        for p in 0..rng.range(4, 10) {
            if p > 0 {
                text.push_str("\n\n");
            }
            let words = rng.range(30, 70);
            let mut until_stop = rng.range(8, 20);
            for i in 0..words {
                if i > 0 {
                    text.push(' ');
                }
                text.push_str(self.word(&mut rng, v));
                until_stop -= 1;
                if until_stop == 0 || i + 1 == words {
                    text.push_str(stop);
                    until_stop = rng.range(8, 20);
                }
            }
        }
        text.push('\n');
        let epoch = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
        let date = epoch + chrono::Duration::days(rng.below(3650) as i64);
        Document {
            id,
            path: format!("gen/{:03}/{id:06}.txt", id / 1000),
            title,
            byline: None,
            date: Some(date),
            lang: lang.to_string(),
            url: None,
            paragraphs: paragraph_ranges(&text),
            boilerplate: None,
            bytes: text.len() as u64,
            problems: Vec::new(),
            text,
        }
    }
}
