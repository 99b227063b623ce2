//! Facets of an archive search: how the matching documents spread over languages and years
//! (counted by the engine over every match) and the entities most documents of the results
//! mention. Each facet narrows the query by one clause (`Alt-1`…`Alt-9`, or a click).
//! The line that shows them is laid out here, so the view draws it and a click finds the
//! facet under the pointer from the same spans.

use std::collections::HashMap;
use std::ops::Range;

use crate::store::search::engine::Facets;
use crate::store::{EntityRef, Store};

/// Entities shown among the facets, at most.
const ENTITIES: usize = 4;

/// One facet value and what choosing it adds to the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// What it is ("ar", "2018", "Ri Yong Ho").
    pub label: String,
    /// Documents that have it.
    pub count: usize,
    /// The clause that narrows the query to it (`lang:ar`, `after:2018 before:2019`,
    /// `entity:"Ri Yong Ho"`).
    pub narrow: String,
}

/// The facets of one search: languages and years from the engine's counts (only when there
/// is more than one value to choose between), then the entities most of `docs` mention.
pub fn facets(store: &Store, counts: &Facets, docs: &[usize]) -> Vec<Facet> {
    let mut out = Vec::new();
    if counts.langs.len() > 1 {
        out.extend(counts.langs.iter().map(|(l, n)| Facet {
            label: l.clone(),
            count: *n,
            narrow: format!("lang:{l}"),
        }));
    }
    if counts.years.len() > 1 {
        out.extend(counts.years.iter().map(|(y, n)| Facet {
            label: y.to_string(),
            count: *n,
            narrow: format!("after:{y} before:{}", y + 1),
        }));
    }
    let mut per: HashMap<EntityRef, usize> = HashMap::new();
    for &d in docs {
        let Some(a) = store.annotations.get(d) else { continue };
        let mut seen: Vec<EntityRef> = a.mentions.iter().map(|m| m.entity).collect();
        seen.sort_unstable();
        seen.dedup();
        for e in seen {
            *per.entry(e).or_default() += 1;
        }
    }
    let mut top: Vec<(EntityRef, usize)> = per.into_iter().filter(|(_, n)| *n > 1).collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out.extend(top.into_iter().take(ENTITIES).map(|(e, n)| {
        let name = store.entity_name(e).to_string();
        Facet { narrow: format!("entity:\"{}\"", name.replace('"', "")), label: name, count: n }
    }));
    out
}

/// The facets as one line of text, `1 ar 3 · 2 en 12 · 3 2018 7…` (the number is the key
/// `Alt-N` that narrows by it), with each facet's span in chars of the line.
pub fn line(facets: &[Facet]) -> (String, Vec<Range<usize>>) {
    let mut s = String::new();
    let mut spans = Vec::new();
    for (i, f) in facets.iter().take(9).enumerate() {
        if i > 0 {
            s.push_str(" · ");
        }
        let start = s.chars().count();
        s.push_str(&format!("{} {} {}", i + 1, f.label, f.count));
        spans.push(start..s.chars().count());
    }
    (s, spans)
}

/// `query` narrowed by `facet` (unchanged when it already holds that clause).
pub fn narrowed(query: &str, facet: &Facet) -> String {
    if query.contains(&facet.narrow) {
        return query.to_string();
    }
    format!("{} {}", query.trim_end(), facet.narrow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_numbers_facets_and_narrowing_adds_a_clause_once() {
        let f =
            |l: &str, n, narrow: &str| Facet { label: l.into(), count: n, narrow: narrow.into() };
        let all = [f("ar", 3, "lang:ar"), f("en", 12, "lang:en")];
        let (s, spans) = line(&all);
        assert_eq!(s, "1 ar 3 · 2 en 12");
        let chars: Vec<char> = s.chars().collect();
        assert_eq!(chars[spans[1].clone()].iter().collect::<String>(), "2 en 12");
        assert_eq!(narrowed("pyongyang", &all[0]), "pyongyang lang:ar");
        assert_eq!(narrowed("pyongyang lang:ar", &all[0]), "pyongyang lang:ar");
    }
}
