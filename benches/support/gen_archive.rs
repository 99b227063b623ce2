//! A deterministic generator of a mixed English/Arabic news archive for the benchmarks: news
//! files made of the bundled articles' paragraphs, with a long tail of made-up rare words
//! (names, places) following a Zipf-like law, so the vocabulary and posting lists grow as in a
//! real archive. No `rand` crate: a SplitMix64 generator, so the same seed gives the same
//! archive everywhere.

use chrono::NaiveDate;
use qari::corpus::BUNDLED;

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
    /// Paragraphs of the bundled articles, by language (for [`Generator::news_file`]).
    paragraphs: [Vec<String>; 2],
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
        let mut paragraphs: [Vec<String>; 2] = [Vec::new(), Vec::new()];
        for (_, text) in BUNDLED {
            let arabic = text.chars().filter(|c| ('\u{0600}'..='\u{06FF}').contains(c)).count();
            let lang = usize::from(arabic * 4 > text.chars().count());
            paragraphs[lang].extend(
                text.lines().map(str::trim).filter(|l| l.chars().count() > 40).map(str::to_string),
            );
        }
        Generator {
            en: Vocab { common: en, rare: en_rare },
            ar: Vocab { common: ar, rare: ar_rare },
            paragraphs,
        }
    }

    /// Article number `id` as a news file: a title, a date line and 4–9 paragraphs of the
    /// bundled articles (60 % English, 40 % Arabic), one word in thirty replaced by a rare
    /// made-up word, so the text reads like news (its entities, dates and furniture) while
    /// the vocabulary keeps growing with the archive. Returns the relative path and the text.
    pub fn news_file(&self, seed: u64, id: usize) -> (String, String) {
        let mut rng = Rng::new(seed ^ (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let lang = usize::from(rng.below(100) >= 60);
        let (v, pool) = (if lang == 1 { &self.ar } else { &self.en }, &self.paragraphs[lang]);
        let n = rng.range(4, 9);
        let mut paras = Vec::with_capacity(n);
        for _ in 0..n {
            let p = &pool[rng.below(pool.len())];
            let words: Vec<String> = p
                .split(' ')
                .map(|w| {
                    if rng.below(30) == 0 {
                        let u = rng.unit();
                        v.rare[((u * u * u) * v.rare.len() as f64) as usize].clone()
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            paras.push(words.join(" "));
        }
        let title: String = paras[0].chars().take(70).collect();
        let epoch = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
        let date = epoch + chrono::Duration::days(rng.below(3650) as i64);
        let text = format!("{title}\n{date}\n\n{}\n", paras.join("\n\n"));
        (format!("news/{:03}/{id:06}.txt", id / 1000), text)
    }

    /// A common word of language `lang` (`en` or `ar`), for queries.
    pub fn common_word(&self, rng: &mut Rng, lang: &str) -> String {
        let v = if lang == "ar" { &self.ar } else { &self.en };
        v.common[rng.below(v.common.len())].clone()
    }
}
