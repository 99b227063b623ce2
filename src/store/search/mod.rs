//! Full-text search over the archive: qari's query language, planned against the entity index,
//! answered by the engine (tantivy, with a script-aware analyser), then hits and snippets found
//! in the documents' text.

pub mod analyzer;
pub mod engine;
pub mod index;
pub mod query;
pub mod snippet;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use tantivy::tokenizer::TextAnalyzer;

use self::analyzer::{analyze, analyzer};
use self::engine::{Engine, Searcher};
use self::index::{Compiled, CompiledItem};
use self::query::Clause;
use super::Store;
use super::annotations::EntityRef;

/// A query the user typed that qari cannot run, with a short reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);

/// One matching document.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub doc: usize,
    pub score: f32,
    /// A short passage around the best hit (plain text, one line).
    pub snippet: String,
    /// Byte ranges of the hits inside `snippet`.
    pub snippet_highlights: Vec<Range<usize>>,
    /// Byte ranges of every hit in the document text, in order.
    pub hits: Vec<Range<usize>>,
}

/// The search index of a store: the engine and a searcher on its last commit, or why there is
/// none (not built for this command, or failed).
pub struct SearchIndex {
    inner: Result<(Engine, Searcher), String>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("ready", &self.inner.is_ok()).finish()
    }
}

/// What a document must contain to be highlighted: analysed single terms, phrases and entities.
#[derive(Default)]
struct Wanted {
    terms: HashSet<String>,
    phrases: Vec<Vec<String>>,
    entities: Vec<EntityRef>,
}

/// A query compiled for the engine: tier one matches the text as typed; tier two (when the
/// words or a quoted phrase name a known entity) also accepts documents mentioning that entity.
struct Plan {
    tier1: Vec<CompiledItem>,
    tier2: Option<Vec<CompiledItem>>,
    text: Wanted,
    /// Entities found by name from the words (their mentions are the hits of tier-two documents).
    expanded: Vec<EntityRef>,
}

impl SearchIndex {
    /// Searches `engine` at its last commit.
    pub fn new(engine: Engine) -> SearchIndex {
        let inner = engine.searcher().map(|s| (engine, s));
        SearchIndex { inner }
    }

    /// No index: every search answers `reason`.
    pub fn unavailable(reason: impl Into<String>) -> SearchIndex {
        SearchIndex { inner: Err(reason.into()) }
    }

    /// The engine, to add and delete documents.
    pub fn engine(&self) -> Option<&Engine> {
        self.inner.as_ref().ok().map(|(e, _)| e)
    }

    fn searcher(&self) -> Result<&Searcher, QueryError> {
        self.inner
            .as_ref()
            .map(|(_, s)| s)
            .map_err(|e| QueryError(format!("the search index is not available: {e}")))
    }
}

/// An entity a query names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// Its place in the archive's entity table.
    pub entity: EntityRef,
    /// Its stable id (what the index's entity field holds).
    pub id: String,
}

/// What a search reads of the archive besides its index: the open [`Store`], or a cache
/// generation read lazily ([`crate::store::cache::snapshot::Snapshot`]).
pub trait Source {
    /// The searcher, or why there is none.
    fn searcher(&self) -> Result<&Searcher, QueryError>;
    /// The entity `name` names in any spelling or script seen (folded), if any.
    fn entity_named(&self, name: &str) -> Option<Named>;
    /// The id of the listed document whose key is `key`.
    fn live_doc(&self, key: u64) -> Option<usize>;
    /// Document `doc`'s text.
    fn doc_text(&self, doc: usize) -> Cow<'_, str>;
    /// Byte ranges of the mentions of `entities` in document `doc`.
    fn mentions_of(&self, doc: usize, entities: &[EntityRef]) -> Vec<Range<usize>>;
}

impl Source for Store {
    fn searcher(&self) -> Result<&Searcher, QueryError> {
        self.search.searcher()
    }

    fn entity_named(&self, name: &str) -> Option<Named> {
        self.entities.find_by_name(name).map(|e| Named { entity: e.entity, id: e.id.clone() })
    }

    fn live_doc(&self, key: u64) -> Option<usize> {
        self.doc_of_key(key).filter(|&d| !self.docs[d].removed)
    }

    fn doc_text(&self, doc: usize) -> Cow<'_, str> {
        Cow::Borrowed(self.text(doc))
    }

    fn mentions_of(&self, doc: usize, entities: &[EntityRef]) -> Vec<Range<usize>> {
        self.annotations.get(doc).map_or_else(Vec::new, |a| {
            a.mentions.iter().filter(|m| entities.contains(&m.entity)).map(|m| m.range()).collect()
        })
    }
}

/// Runs `query` (see [`query`] for the language) over `source`, best first, at most `limit`
/// hits; removed documents never appear.
pub fn search(
    source: &dyn Source,
    query: &str,
    limit: usize,
) -> Result<Vec<SearchHit>, QueryError> {
    let parsed = query::parse(query).map_err(QueryError)?;
    let searcher = source.searcher()?;
    let mut an = analyzer();
    let plan = plan(&parsed, source, &mut an)?;
    if limit == 0 {
        return Ok(Vec::new());
    }
    // No more hits than documents: tantivy sizes its heap by the limit.
    let limit = limit.min(usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX).max(1));
    let live = |(key, score): (u64, f32)| Some((score, source.live_doc(key)?));
    let ranked = searcher.query(&plan.tier1, limit).map_err(QueryError)?;
    let mut found: Vec<(f32, usize, bool)> =
        ranked.hits.into_iter().filter_map(live).map(|(s, d)| (s, d, false)).collect();
    if let Some(tier2) = &plan.tier2
        && found.len() < limit
    {
        let more = searcher
            .query_excluding(tier2, &plan.tier1, limit - found.len())
            .map_err(QueryError)?;
        let more: Vec<(f32, usize)> = more.hits.into_iter().filter_map(live).collect();
        // Ranked below every text match: scaled under the lowest tier-one score.
        let floor = found.iter().map(|f| f.0).fold(f32::INFINITY, f32::min);
        let top2 = more.iter().map(|m| m.0).fold(0.0f32, f32::max).max(f32::MIN_POSITIVE);
        for (s, d) in more {
            let s = if floor.is_finite() { floor * 0.5 * (s / top2) } else { s };
            found.push((s, d, true));
        }
    }
    let mut out = Vec::with_capacity(found.len());
    let mut memo = TermMemo::new(&mut an);
    for (score, doc, via_entity) in found {
        let text = source.doc_text(doc);
        let mut hits = text_hits(&mut memo, &text, &plan.text);
        let ids: &[EntityRef] = if via_entity { &plan.expanded } else { &plan.text.entities };
        if !ids.is_empty() {
            hits.extend(source.mentions_of(doc, ids));
            hits = merge(hits);
        }
        let (snippet, snippet_highlights) = snippet::make(&text, &hits);
        out.push(SearchHit { doc, score, snippet, snippet_highlights, hits });
    }
    Ok(out)
}

/// Analyses the text clauses, resolves entity names, and decides the entity expansion.
fn plan(
    parsed: &query::Parsed,
    source: &dyn Source,
    an: &mut TextAnalyzer,
) -> Result<Plan, QueryError> {
    let mut tier1 = Vec::new();
    let mut text = Wanted::default();
    // Per kept item: the quoted phrase / plain word it came from, for entity look-ups.
    let mut sources: Vec<Option<&query::TextClause>> = Vec::new();
    let mut blank = Vec::new();
    for item in &parsed.items {
        let mut any_of = Vec::new();
        for c in &item.any_of {
            let compiled = match c {
                Clause::Text(tc) => {
                    let terms: Vec<String> =
                        analyze(an, &tc.raw).into_iter().map(|t| t.0).collect();
                    if terms.is_empty() {
                        // Letters that make only words too long to be indexed match nothing;
                        // only punctuation is nothing to search for.
                        if analyzer::words(&tc.raw).next().is_some() {
                            any_of.push(Compiled::Nothing);
                        } else {
                            blank.push(tc.raw.clone());
                        }
                        continue;
                    }
                    if !item.negated {
                        if terms.len() == 1 {
                            text.terms.insert(terms[0].clone());
                        } else {
                            text.phrases.push(terms.clone());
                        }
                    }
                    Compiled::Terms { phrase: terms.len() > 1, terms, title_only: tc.title_only }
                }
                Clause::Lang(l) => Compiled::Lang(l.clone()),
                Clause::After(d) => Compiled::After(*d),
                Clause::Before(d) => Compiled::Before(*d),
                Clause::Entity(name) => {
                    let e = source.entity_named(name).ok_or_else(|| {
                        QueryError(format!(
                            "no entity named '{}' in this archive",
                            query::echo(name)
                        ))
                    })?;
                    if !item.negated {
                        text.entities.push(e.entity);
                    }
                    Compiled::Entity(e.id.clone())
                }
            };
            any_of.push(compiled);
        }
        if any_of.is_empty() {
            continue;
        }
        let source = match item.any_of.as_slice() {
            [Clause::Text(tc)] if !item.negated && !tc.title_only => Some(tc),
            _ => None,
        };
        sources.push(source);
        tier1.push(CompiledItem { negated: item.negated, any_of });
    }
    if tier1.iter().all(|i| i.negated) {
        return Err(QueryError(format!(
            "nothing to search for in '{}': no letters or digits",
            query::echo(&blank.join(" "))
        )));
    }

    // Entity expansion: quoted phrases one by one, and the plain words together.
    let mut tier2 = tier1.clone();
    let mut expanded = Vec::new();
    let mut plain: Vec<usize> = Vec::new();
    for (i, src) in sources.iter().enumerate() {
        let Some(tc) = src else { continue };
        if !tc.phrase {
            plain.push(i);
            continue;
        }
        if let Some(e) = source.entity_named(&tc.raw) {
            let t = tier2[i].any_of[0].clone();
            tier2[i].any_of =
                vec![Compiled::Either(Box::new(t), Box::new(Compiled::Entity(e.id.clone())))];
            expanded.push(e.entity);
        }
    }
    if !plain.is_empty() {
        let words: Vec<&str> =
            plain.iter().filter_map(|&i| sources[i].map(|t| t.raw.as_str())).collect();
        if let Some(e) = source.entity_named(&words.join(" ")) {
            expanded.push(e.entity);
            let first = plain[0];
            tier2[first] =
                CompiledItem { negated: false, any_of: vec![Compiled::Entity(e.id.clone())] };
            for &i in plain[1..].iter().rev() {
                tier2.remove(i);
            }
        }
    }
    let tier2 = (!expanded.is_empty()).then_some(tier2);
    Ok(Plan { tier1, tier2, text, expanded })
}

/// The analysed term of each distinct raw token, remembered across the documents of one
/// search: analysing every word of every result afresh was most of a query's time. A raw
/// token is what the analyser's tokenizer cuts (a maximal run of alphanumerics), so its term
/// does not depend on the words around it.
struct TermMemo<'a> {
    an: &'a mut TextAnalyzer,
    /// Raw token → id of its term (`None`: the analyser drops it).
    raw: HashMap<String, Option<u32>>,
    /// Term → id.
    ids: HashMap<String, u32>,
}

impl<'a> TermMemo<'a> {
    fn new(an: &'a mut TextAnalyzer) -> Self {
        TermMemo { an, raw: HashMap::new(), ids: HashMap::new() }
    }

    /// The id of an analysed term (wanted terms are interned before the text is read).
    fn intern(&mut self, term: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(term.to_string()).or_insert(next)
    }

    fn term_of(&mut self, raw: &str) -> Option<u32> {
        if let Some(&id) = self.raw.get(raw) {
            return id;
        }
        let id = analyze(self.an, raw).into_iter().next().map(|(t, _)| self.intern(&t));
        self.raw.insert(raw.to_string(), id);
        id
    }

    /// Every token of `text`: its term id and byte range.
    fn tokens(&mut self, text: &str) -> Vec<(Option<u32>, Range<usize>)> {
        analyzer::words(text).map(|r| (self.term_of(&text[r.clone()]), r)).collect()
    }
}

/// Byte ranges in `text` of the wanted terms and phrases, in order, without overlaps.
fn text_hits(memo: &mut TermMemo, text: &str, w: &Wanted) -> Vec<Range<usize>> {
    if w.terms.is_empty() && w.phrases.is_empty() {
        return Vec::new();
    }
    let terms: HashSet<u32> = w.terms.iter().map(|t| memo.intern(t)).collect();
    let phrases: Vec<Vec<u32>> =
        w.phrases.iter().map(|p| p.iter().map(|t| memo.intern(t)).collect()).collect();
    let toks = memo.tokens(text);
    let mut hits: Vec<Range<usize>> = toks
        .iter()
        .filter(|t| t.0.is_some_and(|id| terms.contains(&id)))
        .map(|t| t.1.clone())
        .collect();
    for p in &phrases {
        for win in toks.windows(p.len()) {
            if win.iter().zip(p).all(|(t, want)| t.0 == Some(*want)) {
                hits.push(win[0].1.start..win[win.len() - 1].1.end);
            }
        }
    }
    merge(hits)
}

/// Sorts ranges and drops any that overlap an earlier (or longer) one.
fn merge(mut hits: Vec<Range<usize>>) -> Vec<Range<usize>> {
    hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(hits.len());
    for h in hits {
        if out.last().is_none_or(|l| h.start >= l.end) {
            out.push(h);
        }
    }
    out
}
