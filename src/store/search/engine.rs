//! The search engine behind the store's narrow interface: index a document, delete one, commit,
//! and answer a compiled query with ranked document keys and facet counts. Today tantivy, in RAM
//! or in a directory of the cache (memory-mapped); the rest of qari sees only this module's
//! types, so a server engine could stand behind the same calls (README, "Beyond one machine").

use std::path::Path;

use chrono::NaiveDate;
use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::Column;
use tantivy::directory::MmapDirectory;
use tantivy::query::Query;
use tantivy::schema::{Field, Schema};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::analyzer::{ANALYZER, analyzer};
use super::index::{Compiled, CompiledItem, Fields, KEY_FIELD, date_value, items_query, schema};

/// Indexed terms a word being typed expands to, at most (those in most documents).
pub const PREFIX_TERMS: usize = 64;

/// Indexing memory budget per writer thread, in bytes.
const BUDGET_PER_THREAD: usize = 64 << 20;

/// A failure of the engine, in words.
pub type EngineError = String;

fn err(e: impl std::fmt::Display) -> EngineError {
    e.to_string()
}

/// What the engine indexes of one document.
#[derive(Debug, Clone, Copy)]
pub struct IndexDoc<'a> {
    /// The document's stable key (what queries return).
    pub key: u64,
    pub title: &'a str,
    pub body: &'a str,
    pub lang: &'a str,
    pub date: Option<NaiveDate>,
    /// Stable ids of the entities it mentions (each once).
    pub entities: &'a [&'a str],
}

/// Ranked answers to one query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranked {
    /// (document key, score), best first.
    pub hits: Vec<(u64, f32)>,
    /// How many documents match in all (beyond the ones returned).
    pub total: usize,
}

/// How many matching documents each value of a facet has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// (language code, documents), by code.
    pub langs: Vec<(String, usize)>,
    /// (year of publication, documents), by year; undated documents are not counted.
    pub years: Vec<(i32, usize)>,
}

/// An open index: where it lives, and a reader on its last commit (cheap to clone: shared).
#[derive(Clone)]
pub struct Engine {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").finish_non_exhaustive()
    }
}

impl Engine {
    /// A new, empty index in RAM (an archive opened without the cache).
    pub fn in_ram() -> Result<Engine, EngineError> {
        let (schema, _) = schema();
        Engine::from_index(Index::create_in_ram(schema))
    }

    /// The index in `dir` (created empty when there is none). Fails on an index of another
    /// schema, or files that are not an index.
    pub fn open_or_create(dir: &Path) -> Result<Engine, EngineError> {
        std::fs::create_dir_all(dir).map_err(err)?;
        let (schema, _) = schema();
        let mmap = MmapDirectory::open(dir).map_err(err)?;
        let index = Index::open_or_create(mmap, schema.clone()).map_err(err)?;
        if index.schema() != schema {
            return Err("the index was written with another schema".into());
        }
        Engine::from_index(index)
    }

    fn from_index(index: Index) -> Result<Engine, EngineError> {
        index.tokenizers().register(ANALYZER, analyzer());
        let fields = Fields::of(&index.schema()).ok_or("the index lacks qari's fields")?;
        let reader =
            index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(err)?;
        Ok(Engine { index, reader, fields })
    }

    /// The opstamp of the last commit (0 for a new index): what the cache checks its records
    /// against.
    pub fn opstamp(&self) -> Result<u64, EngineError> {
        Ok(self.index.load_metas().map_err(err)?.opstamp)
    }

    /// The payload of the last commit (see [`Writer::commit`]).
    pub fn payload(&self) -> Result<Option<String>, EngineError> {
        Ok(self.index.load_metas().map_err(err)?.payload)
    }

    /// A writer; `threads` indexing threads (1 for small batches).
    pub fn writer(&self, threads: usize) -> Result<Writer, EngineError> {
        let threads = threads.clamp(1, 4);
        let w = self
            .index
            .writer_with_num_threads::<TantivyDocument>(threads, threads * BUDGET_PER_THREAD)
            .map_err(err)?;
        Ok(Writer { w, fields: self.fields })
    }

    /// A searcher on the last commit (reloads the reader first).
    pub fn searcher(&self) -> Result<Searcher, EngineError> {
        self.reader.reload().map_err(err)?;
        let searcher = self.reader.searcher();
        let keys = searcher
            .segment_readers()
            .iter()
            .map(|s| s.fast_fields().u64(KEY_FIELD))
            .collect::<tantivy::Result<Vec<_>>>()
            .map_err(err)?;
        Ok(Searcher { searcher, fields: self.fields, keys })
    }
}

/// Adds and deletes documents; nothing is visible until [`Writer::commit`].
pub struct Writer {
    w: IndexWriter,
    fields: Fields,
}

impl Writer {
    /// Queues `d` for indexing.
    pub fn add(&mut self, d: &IndexDoc) -> Result<(), EngineError> {
        let f = &self.fields;
        let mut td = TantivyDocument::default();
        td.add_text(f.title, d.title);
        td.add_text(f.body, d.body);
        td.add_text(f.lang, d.lang.to_lowercase());
        if let Some(date) = d.date {
            td.add_date(f.date, date_value(date));
        }
        for id in d.entities {
            td.add_text(f.entity, id);
        }
        td.add_u64(f.key, d.key);
        self.w.add_document(td).map(|_| ()).map_err(err)
    }

    /// Queues the removal of the document with `key`.
    pub fn delete(&mut self, key: u64) {
        self.w.delete_term(Term::from_field_u64(self.fields.key, key));
    }

    /// Makes every queued change visible at once, with `payload` recorded in the commit (the
    /// cache names its generation there); returns the new opstamp. Merges the index runs in the
    /// background are waited for, so the files are complete when this returns.
    pub fn commit(mut self, payload: &str) -> Result<u64, EngineError> {
        let mut prepared = self.w.prepare_commit().map_err(err)?;
        prepared.set_payload(payload);
        let stamp = prepared.commit().map_err(err)?;
        self.w.wait_merging_threads().map_err(err)?;
        Ok(stamp)
    }
}

/// Answers queries on one commit.
#[derive(Clone)]
pub struct Searcher {
    searcher: tantivy::Searcher,
    fields: Fields,
    /// Per segment (in searcher order): the key of each tantivy doc.
    keys: Vec<Column<u64>>,
}

impl Searcher {
    /// The best `limit` documents for `items` (every item must hold).
    pub fn query(&self, items: &[CompiledItem], limit: usize) -> Result<Ranked, EngineError> {
        let items = self.expand_prefixes(items)?;
        self.run(&*items_query(&self.fields, &items), limit)
    }

    /// `items` with each prefix replaced by the indexed terms it starts (in titles and bodies,
    /// the [`PREFIX_TERMS`] found in most documents): a bounded query, however short the
    /// prefix, where a regular-expression query would union every matching term.
    fn expand_prefixes(&self, items: &[CompiledItem]) -> Result<Vec<CompiledItem>, EngineError> {
        let mut out = items.to_vec();
        for it in &mut out {
            for c in &mut it.any_of {
                self.expand(c)?;
            }
        }
        Ok(out)
    }

    fn expand(&self, c: &mut Compiled) -> Result<(), EngineError> {
        match c {
            Compiled::Prefix { form, title_only } => {
                let terms = self.terms_starting(form, *title_only)?;
                let title_only = *title_only;
                *c = Compiled::AnyTerm { terms, title_only };
            }
            Compiled::Either(a, b) => {
                self.expand(a)?;
                self.expand(b)?;
            }
            Compiled::All(parts) => {
                for p in parts {
                    self.expand(p)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The indexed terms that start with `form`, most documents first, at most [`PREFIX_TERMS`].
    fn terms_starting(&self, form: &str, title_only: bool) -> Result<Vec<String>, EngineError> {
        let mut freq: std::collections::HashMap<Vec<u8>, u64> = Default::default();
        // 0xFF never occurs in UTF-8: every term that starts with `form` sorts below this.
        let mut upper = form.as_bytes().to_vec();
        upper.push(0xFF);
        let fields: &[Field] =
            if title_only { &[self.fields.title] } else { &[self.fields.title, self.fields.body] };
        for seg in self.searcher.segment_readers() {
            for &field in fields {
                let inv = seg.inverted_index(field).map_err(err)?;
                let mut terms = inv
                    .terms()
                    .range()
                    .ge(form.as_bytes())
                    .lt(&upper)
                    .into_stream()
                    .map_err(err)?;
                while terms.advance() {
                    *freq.entry(terms.key().to_vec()).or_default() +=
                        u64::from(terms.value().doc_freq);
                }
            }
        }
        let mut all: Vec<(Vec<u8>, u64)> = freq.into_iter().collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(all
            .into_iter()
            .take(PREFIX_TERMS)
            .filter_map(|(t, _)| String::from_utf8(t).ok())
            .collect())
    }

    /// The best `limit` documents matching `must` but none of `must_not`.
    pub fn query_excluding(
        &self,
        must: &[CompiledItem],
        must_not: &[CompiledItem],
        limit: usize,
    ) -> Result<Ranked, EngineError> {
        use tantivy::query::{BooleanQuery, Occur};
        let (must, must_not) = (self.expand_prefixes(must)?, self.expand_prefixes(must_not)?);
        let q = BooleanQuery::new(vec![
            (Occur::Must, items_query(&self.fields, &must)),
            (Occur::MustNot, items_query(&self.fields, &must_not)),
        ]);
        self.run(&q, limit)
    }

    /// The facet counts of the documents matching `items`: one count per language the index
    /// holds (read from its term dictionary).
    pub fn facets(&self, items: &[CompiledItem]) -> Result<Facets, EngineError> {
        use tantivy::query::{BooleanQuery, Occur, TermQuery};
        use tantivy::schema::IndexRecordOption;
        let q = items_query(&self.fields, &self.expand_prefixes(items)?);
        let mut langs = std::collections::BTreeSet::new();
        for seg in self.searcher.segment_readers() {
            let inv = seg.inverted_index(self.fields.lang).map_err(err)?;
            let mut terms = inv.terms().stream().map_err(err)?;
            while terms.advance() {
                langs.insert(String::from_utf8_lossy(terms.key()).into_owned());
            }
        }
        let years = self.searcher.search(&*q, &YearCounts { field: DATE_FIELD }).map_err(err)?;
        let mut out = Facets { years: years.into_iter().collect(), ..Facets::default() };
        for lang in langs {
            let term = Term::from_field_text(self.fields.lang, &lang);
            let both = BooleanQuery::new(vec![
                (Occur::Must, q.box_clone()),
                (Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))),
            ]);
            let n = self.searcher.search(&both, &Count).map_err(err)?;
            if n > 0 {
                out.langs.push((lang, n));
            }
        }
        Ok(out)
    }

    fn run(&self, q: &dyn Query, limit: usize) -> Result<Ranked, EngineError> {
        let (top, total) = self
            .searcher
            .search(q, &(TopDocs::with_limit(limit.max(1)).order_by_score(), Count))
            .map_err(|e| format!("search failed: {e}"))?;
        let hits = top.into_iter().filter_map(|(s, a)| Some((self.key(a)?, s))).collect();
        Ok(Ranked { hits, total })
    }

    fn key(&self, a: DocAddress) -> Option<u64> {
        self.keys.get(a.segment_ord as usize)?.first(a.doc_id)
    }

    /// Number of documents in this commit.
    pub fn num_docs(&self) -> u64 {
        self.searcher.num_docs()
    }
}

/// Name of the date field (a fast column the year facet reads).
const DATE_FIELD: &str = "date";

/// Counts matching documents per year of their date column.
struct YearCounts {
    field: &'static str,
}

impl tantivy::collector::Collector for YearCounts {
    type Fruit = std::collections::BTreeMap<i32, usize>;
    type Child = SegmentYears;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<SegmentYears> {
        let dates = reader.fast_fields().date(self.field)?;
        Ok(SegmentYears { dates, years: Default::default() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        parts: Vec<std::collections::BTreeMap<i32, usize>>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut all = std::collections::BTreeMap::new();
        for part in parts {
            for (y, n) in part {
                *all.entry(y).or_default() += n;
            }
        }
        Ok(all)
    }
}

/// One segment's part of [`YearCounts`].
struct SegmentYears {
    dates: Column<tantivy::DateTime>,
    years: std::collections::BTreeMap<i32, usize>,
}

impl tantivy::collector::SegmentCollector for SegmentYears {
    type Fruit = std::collections::BTreeMap<i32, usize>;

    fn collect(&mut self, doc: tantivy::DocId, _: tantivy::Score) {
        if let Some(d) = self.dates.first(doc) {
            let secs = d.into_timestamp_secs();
            if let Some(t) = chrono::DateTime::from_timestamp(secs, 0) {
                *self.years.entry(chrono::Datelike::year(&t)).or_default() += 1;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.years
    }
}

/// The schema's field by name, for [`Fields::of`].
pub(super) fn field(schema: &Schema, name: &str) -> Option<Field> {
    schema.get_field(name).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::search::index::Compiled;

    #[test]
    fn documents_go_in_and_out_by_key_and_queries_rank_and_count_them() {
        let engine = Engine::in_ram().unwrap();
        let mut w = engine.writer(1).unwrap();
        let doc = |key: u64, body, lang| IndexDoc {
            key,
            title: "t",
            body,
            lang,
            date: chrono::NaiveDate::from_ymd_opt(2017 + (key % 2) as i32, 5, 1),
            entities: &[],
        };
        w.add(&doc(7, "sanctions on the port", "en")).unwrap();
        w.add(&doc(8, "more sanctions, sanctions again", "en")).unwrap();
        w.add(&doc(9, "العقوبات sanctions", "ar")).unwrap();
        w.commit("1").unwrap();
        let words = |w: &str| {
            vec![CompiledItem {
                negated: false,
                any_of: vec![Compiled::Terms {
                    terms: vec![w.into()],
                    phrase: false,
                    title_only: false,
                }],
            }]
        };
        let s = engine.searcher().unwrap();
        let r = s.query(&words("sanction"), 10).unwrap();
        assert_eq!(r.total, 3);
        assert_eq!(r.hits[0].0, 8, "the document saying it twice first");
        let f = s.facets(&words("sanction")).unwrap();
        assert_eq!(f.langs, vec![("ar".to_string(), 1), ("en".to_string(), 2)]);
        assert_eq!(f.years, vec![(2017, 1), (2018, 2)], "keys 7 and 9 in 2018, 8 in 2017");
        assert_eq!(engine.payload().unwrap().as_deref(), Some("1"));
        let mut w = engine.writer(1).unwrap();
        w.delete(8);
        w.commit("2").unwrap();
        let r = engine.searcher().unwrap().query(&words("sanction"), 10).unwrap();
        let keys: Vec<u64> = r.hits.iter().map(|h| h.0).collect();
        assert_eq!((r.total, keys.contains(&8)), (2, false), "deleted by key");
    }

    #[test]
    fn a_prefix_expands_to_the_most_common_terms_it_starts_and_no_more() {
        let engine = Engine::in_ram().unwrap();
        let mut w = engine.writer(1).unwrap();
        // 100 words starting "zeb", "zebra" in three documents, the others in one each.
        for i in 0..100u64 {
            let body = if i < 3 { format!("zebra zeb{i}x") } else { format!("zeb{i}x") };
            let d =
                IndexDoc { key: i, title: "t", body: &body, lang: "en", date: None, entities: &[] };
            w.add(&d).unwrap();
        }
        w.commit("1").unwrap();
        let s = engine.searcher().unwrap();
        let terms = s.terms_starting("zeb", false).unwrap();
        assert_eq!(terms.len(), PREFIX_TERMS);
        assert_eq!(terms[0], "zebra", "the term in most documents first");
        let typed = vec![CompiledItem {
            negated: false,
            any_of: vec![Compiled::Prefix { form: "zeb".into(), title_only: false }],
        }];
        assert!(s.query(&typed, 200).unwrap().total >= PREFIX_TERMS - 1);
    }
}
