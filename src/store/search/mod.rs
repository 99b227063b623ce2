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
    /// How it matched when not by the words as typed: "entity Tehran ← طهران" for each entity
    /// the query named that the document mentions.
    pub via: Vec<String>,
    /// A short passage around the best hit (plain text, one line).
    pub snippet: String,
    /// Byte ranges of the hits inside `snippet`.
    pub snippet_highlights: Vec<Range<usize>>,
    /// Byte ranges of every hit in the document text, in order.
    pub hits: Vec<Range<usize>>,
}

/// The search index of a store: the engine and a searcher on its last commit, or why there is
/// none (not built for this command, or failed). Cloning shares the engine and searcher.
#[derive(Clone)]
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
    /// Forms the word being typed starts ([`analyzer::prefix_form`]).
    prefixes: Vec<String>,
}

/// A query compiled for the engine: tier one matches the text as typed; tier two (when words,
/// a quoted phrase or an OR branch name a known entity) also accepts documents mentioning that
/// entity in any spelling or script.
struct Plan {
    tier1: Vec<CompiledItem>,
    tier2: Option<Vec<CompiledItem>>,
    text: Wanted,
    /// Entities named by the query's words (their mentions are the hits of tier-two documents).
    expanded: Vec<Expansion>,
}

/// Words of a query that name an entity.
#[derive(Debug, Clone)]
struct Expansion {
    /// The words as typed.
    words: String,
    entity: EntityRef,
    /// The entity's display name.
    canonical: String,
}

/// Longest run of words tried as one name ("Bashar al-Assad", "Kim Jong Un").
const NAME_WORDS: usize = 4;

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
    /// The index ids that count as this entity: `id` and the ids corrections merged into it.
    pub ids: Vec<String>,
    /// Its display name.
    pub canonical: String,
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
        self.entities.find_by_name(name).map(|e| Named {
            entity: e.entity,
            id: e.id.clone(),
            ids: self.corrections.index_ids(&e.id),
            canonical: e.canonical.clone(),
        })
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
    search_parsed(source, &query::parse(query).map_err(QueryError)?, limit)
}

/// [`search`] for a query still being typed: its last word also matches the words it starts
/// ([`query::as_typed`]), so results come from the third letter on.
pub fn search_as_typed(
    source: &dyn Source,
    query: &str,
    limit: usize,
) -> Result<Vec<SearchHit>, QueryError> {
    search_parsed(source, &query::as_typed(query).map_err(QueryError)?, limit)
}

/// How the documents a query (as typed) matches spread over languages and years — the words'
/// matches and the entities' together. Counted by the engine over every match, not only the
/// ones shown.
pub fn facets_as_typed(source: &dyn Source, query: &str) -> Result<engine::Facets, QueryError> {
    let parsed = query::as_typed(query).map_err(QueryError)?;
    let plan = plan(&parsed, source, &mut analyzer())?;
    let items = plan.tier2.as_ref().unwrap_or(&plan.tier1);
    source.searcher()?.facets(items).map_err(QueryError)
}

fn search_parsed(
    source: &dyn Source,
    parsed: &query::Parsed,
    limit: usize,
) -> Result<Vec<SearchHit>, QueryError> {
    let searcher = source.searcher()?;
    let mut an = analyzer();
    let plan = plan(parsed, source, &mut an)?;
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
    let named: Vec<EntityRef> = plan.expanded.iter().map(|e| e.entity).collect();
    for (score, doc, via_entity) in found {
        let text = source.doc_text(doc);
        let mut hits = text_hits(&mut memo, &text, &plan.text);
        let mut via = Vec::new();
        let ids: &[EntityRef] = if via_entity { &named } else { &plan.text.entities };
        if !ids.is_empty() {
            let mentions = source.mentions_of(doc, ids);
            if via_entity {
                for e in &plan.expanded {
                    if !source.mentions_of(doc, &[e.entity]).is_empty() {
                        via.push(format!("entity {} ← {}", e.canonical, e.words));
                    }
                }
            }
            hits.extend(mentions);
            hits = merge(hits);
        }
        let (snippet, snippet_highlights) = snippet::make(&text, &hits);
        out.push(SearchHit { doc, score, via, snippet, snippet_highlights, hits });
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
    // Per kept item, per compiled alternative: the words it came from, when they may name an
    // entity (text clauses of items that are not negated, not title-only).
    let mut names: Vec<Vec<Option<&query::TextClause>>> = Vec::new();
    let mut blank = Vec::new();
    for item in &parsed.items {
        let mut any_of = Vec::new();
        let mut from = Vec::new();
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
                            from.push(None);
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
                    let exact = Compiled::Terms {
                        phrase: terms.len() > 1,
                        terms,
                        title_only: tc.title_only,
                    };
                    // The word being typed: the whole word, or a word it starts.
                    let compiled = match analyzer::prefix_form(&tc.raw).filter(|_| tc.prefix) {
                        Some(form) => {
                            text.prefixes.push(form.clone());
                            let p = Compiled::Prefix { form, title_only: tc.title_only };
                            Compiled::Either(Box::new(exact), Box::new(p))
                        }
                        None => exact,
                    };
                    from.push((!item.negated && !tc.title_only).then_some(tc));
                    any_of.push(compiled);
                    continue;
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
                    Compiled::Entity(e.ids.clone())
                }
            };
            any_of.push(compiled);
            from.push(None);
        }
        if any_of.is_empty() {
            continue;
        }
        names.push(from);
        tier1.push(CompiledItem { negated: item.negated, any_of });
    }
    if tier1.iter().all(|i| i.negated) {
        return Err(QueryError(format!(
            "nothing to search for in '{}': no letters or digits",
            query::echo(&blank.join(" "))
        )));
    }
    let (tier2, expanded) = expand(&tier1, &names, source);
    Ok(Plan { tier1, tier2, text, expanded })
}

/// Tier two of a query: every text clause that names an entity also accepts the entity's
/// mentions — runs of plain words together first (longest first: "Bashar al-Assad"), then each
/// phrase, word and OR branch alone. `None` when nothing names an entity.
fn expand(
    tier1: &[CompiledItem],
    names: &[Vec<Option<&query::TextClause>>],
    source: &dyn Source,
) -> (Option<Vec<CompiledItem>>, Vec<Expansion>) {
    let mut expanded = Vec::new();
    let mut named = |words: &str| {
        let e = source.entity_named(words)?;
        expanded.push(Expansion {
            words: words.to_string(),
            entity: e.entity,
            canonical: e.canonical.clone(),
        });
        Some(Compiled::Entity(e.ids))
    };
    // A plain word: an item of one unquoted text clause.
    let plain: Vec<Option<&str>> = names
        .iter()
        .map(|n| match n.as_slice() {
            [Some(tc)] if !tc.phrase => Some(tc.raw.as_str()),
            _ => None,
        })
        .collect();
    // Runs of plain words that name one entity: (first item, items, entity clause).
    let mut runs: Vec<(usize, usize, Compiled)> = Vec::new();
    let mut i = 0;
    while i < plain.len() {
        let found = (2..=NAME_WORDS.min(plain.len() - i)).rev().find_map(|len| {
            let words: Option<Vec<&str>> = plain[i..i + len].iter().copied().collect();
            Some((len, named(&words?.join(" "))?))
        });
        match found {
            Some((len, c)) => {
                runs.push((i, len, c));
                i += len;
            }
            None => i += 1,
        }
    }
    let in_run = |k: usize| runs.iter().any(|&(s, len, _)| (s..s + len).contains(&k));
    let mut tier2 = tier1.to_vec();
    for (k, alternatives) in names.iter().enumerate() {
        if in_run(k) {
            continue;
        }
        for (j, tc) in alternatives.iter().enumerate() {
            if let Some(tc) = tc
                && let Some(entity) = named(&tc.raw)
            {
                let words = tier2[k].any_of[j].clone();
                tier2[k].any_of[j] = Compiled::Either(Box::new(words), Box::new(entity));
            }
        }
    }
    for (start, len, entity) in runs.into_iter().rev() {
        let words: Vec<Compiled> =
            tier1[start..start + len].iter().map(|it| it.any_of[0].clone()).collect();
        tier2[start] = CompiledItem {
            negated: false,
            any_of: vec![Compiled::Either(Box::new(Compiled::All(words)), Box::new(entity))],
        };
        tier2.drain(start + 1..start + len);
    }
    if expanded.is_empty() { (None, expanded) } else { (Some(tier2), expanded) }
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
    /// Raw token → its [`analyzer::prefix_form`].
    prefix: HashMap<String, Option<String>>,
}

impl<'a> TermMemo<'a> {
    fn new(an: &'a mut TextAnalyzer) -> Self {
        TermMemo { an, raw: HashMap::new(), ids: HashMap::new(), prefix: HashMap::new() }
    }

    fn prefix_of(&mut self, raw: &str) -> Option<&str> {
        if !self.prefix.contains_key(raw) {
            self.prefix.insert(raw.to_string(), analyzer::prefix_form(raw));
        }
        self.prefix.get(raw)?.as_deref()
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
    if w.terms.is_empty() && w.phrases.is_empty() && w.prefixes.is_empty() {
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
    if !w.prefixes.is_empty() {
        for (_, r) in &toks {
            let form = memo.prefix_of(&text[r.clone()]);
            if form.is_some_and(|f| w.prefixes.iter().any(|p| f.starts_with(p.as_str()))) {
                hits.push(r.clone());
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
