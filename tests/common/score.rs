//! The scoring rule of `shared/eval/CONVENTIONS.md`, shared by the scorers of the bundled
//! samples (`tests/extract.rs`) and of the development sets (`tests/devsets.rs`).
#![allow(dead_code)] // each test binary uses a different part of it

/// Folds case, hyphens, Arabic letter variants and one leading Arabic proclitic.
pub fn fold(s: &str) -> String {
    let mut t: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0640}' | '\u{0670}'))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '-' | '\u{2010}'..='\u{2015}' => ' ',
            '’' | '‘' => '\'',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect();
    let clitic =
        t.chars().next().filter(|c| "وفبك".contains(*c) || (*c == 'ل' && !t.starts_with("لل")));
    if let Some(c) = clitic.filter(|_| t.chars().count() > 3) {
        t = t[c.len_utf8()..].to_string();
    }
    t
}

/// True positives, gold and predicted counts.
#[derive(Default, Clone, Copy, Debug)]
pub struct Prf {
    pub tp: usize,
    pub gold: usize,
    pub pred: usize,
}

impl Prf {
    pub fn p(&self) -> f64 {
        self.tp as f64 / self.pred.max(1) as f64
    }
    pub fn r(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }
    pub fn f(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    /// Adds the counts of `o`.
    pub fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.gold += o.gold;
        self.pred += o.pred;
    }
}

/// Multiset matching in document order: each gold item takes the first unused prediction with
/// the same key. Returns (gold index, prediction index) pairs.
pub fn align(gold: &[(String, String)], pred: &[(String, String)]) -> Vec<(usize, usize)> {
    let mut used = vec![false; pred.len()];
    let mut out = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        if let Some(pi) = (0..pred.len()).find(|&i| !used[i] && pred[i] == *g) {
            used[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

/// Linking on pairs of matched mentions, given (gold canonical, predicted canonical) of each:
/// a pair is gold-positive when both share a gold entity, predicted-positive when both share
/// an output entity.
pub fn link_pairs(links: &[(String, String)]) -> Prf {
    let mut link = Prf::default();
    for i in 0..links.len() {
        for j in i + 1..links.len() {
            let same_gold = links[i].0 == links[j].0;
            let same_pred = links[i].1 == links[j].1;
            link.gold += usize::from(same_gold);
            link.pred += usize::from(same_pred);
            link.tp += usize::from(same_gold && same_pred);
        }
    }
    link
}
