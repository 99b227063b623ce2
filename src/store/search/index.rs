//! The tantivy index in RAM: schema, building it from documents, and turning qari's parsed
//! query into tantivy queries (BooleanQuery, TermQuery, PhraseQuery, RangeQuery).

use std::ops::Bound;

use chrono::NaiveDate;
use tantivy::query::{
    BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::{DateTime, Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use super::analyzer::{ANALYZER, analyzer};
use crate::corpus::Document;
use crate::extract::Annotations;

/// Title matches count this much more than body matches.
const TITLE_BOOST: f32 = 2.0;

/// Indexing memory budget per writer thread, in bytes.
const BUDGET_PER_THREAD: usize = 64 << 20;

/// The schema's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub title: Field,
    pub body: Field,
    pub lang: Field,
    pub date: Field,
    pub entity: Field,
    pub doc: Field,
}

/// Name of the fast field holding qari's document id.
pub const DOC_FIELD: &str = "doc";

fn schema() -> (Schema, Fields) {
    let mut sb = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        title: sb.add_text_field("title", text.clone()),
        body: sb.add_text_field("body", text),
        lang: sb.add_text_field("lang", STRING),
        date: sb.add_date_field(
            "date",
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        entity: sb.add_text_field("entity", STRING),
        doc: sb.add_u64_field(DOC_FIELD, NumericOptions::default().set_fast()),
    };
    (sb.build(), fields)
}

/// Midnight UTC of `d` as a tantivy date.
pub fn date_value(d: NaiveDate) -> DateTime {
    let secs = d.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp());
    DateTime::from_timestamp_secs(secs)
}

/// Builds the index and opens a reader on it. Writer threads: up to 4, one for small archives.
pub fn build(
    docs: &[Document],
    annotations: &[Annotations],
) -> tantivy::Result<(Index, IndexReader, Fields)> {
    let (schema, f) = schema();
    let index = Index::create_in_ram(schema);
    index.tokenizers().register(ANALYZER, analyzer());
    let bytes: usize = docs.iter().map(|d| d.text.len() + d.title.len()).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = if bytes < (8 << 20) { 1 } else { cores.clamp(1, 4) };
    let mut writer =
        index.writer_with_num_threads::<TantivyDocument>(threads, threads * BUDGET_PER_THREAD)?;
    for (i, d) in docs.iter().enumerate() {
        let mut td = TantivyDocument::default();
        td.add_text(f.title, &d.title);
        td.add_text(f.body, &d.text);
        td.add_text(f.lang, d.lang.to_lowercase());
        if let Some(date) = d.date {
            td.add_date(f.date, date_value(date));
        }
        if let Some(ann) = annotations.get(i) {
            let mut ids: Vec<&str> = ann.mentions.iter().map(|m| m.entity.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                td.add_text(f.entity, id);
            }
        }
        td.add_u64(f.doc, i as u64);
        writer.add_document(td)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
    Ok((index, reader, f))
}

/// A condition with its text already analysed and its entity resolved to an id.
#[derive(Debug, Clone, PartialEq)]
pub enum Compiled {
    /// Analysed terms; a phrase when `phrase` and more than one term.
    Terms {
        terms: Vec<String>,
        phrase: bool,
        title_only: bool,
    },
    Lang(String),
    After(NaiveDate),
    Before(NaiveDate),
    /// Entity id.
    Entity(String),
    /// Either of two conditions (used for a phrase that also names an entity).
    Either(Box<Compiled>, Box<Compiled>),
    /// Matches no document: a word longer than the index keeps.
    Nothing,
}

/// One item: its alternatives (OR), maybe negated.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledItem {
    pub negated: bool,
    pub any_of: Vec<Compiled>,
}

fn text_query(field: Field, terms: &[String], phrase: bool) -> Box<dyn Query> {
    let t: Vec<Term> = terms.iter().map(|s| Term::from_field_text(field, s)).collect();
    if phrase && t.len() > 1 {
        return Box::new(PhraseQuery::new(t));
    }
    let mut parts: Vec<(Occur, Box<dyn Query>)> = t
        .into_iter()
        .map(|t| -> (Occur, Box<dyn Query>) {
            (Occur::Must, Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)))
        })
        .collect();
    if parts.len() == 1 {
        return parts.pop().map(|(_, q)| q).unwrap_or_else(|| Box::new(EmptyQuery));
    }
    Box::new(BooleanQuery::new(parts))
}

/// The tantivy query for one condition.
pub fn clause_query(f: &Fields, c: &Compiled) -> Box<dyn Query> {
    match c {
        Compiled::Terms { terms, phrase, title_only } => {
            let title = Box::new(BoostQuery::new(text_query(f.title, terms, *phrase), TITLE_BOOST));
            if *title_only {
                return title;
            }
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, title as Box<dyn Query>),
                (Occur::Should, text_query(f.body, terms, *phrase)),
            ]))
        }
        Compiled::Lang(l) => {
            Box::new(TermQuery::new(Term::from_field_text(f.lang, l), IndexRecordOption::Basic))
        }
        Compiled::After(d) => Box::new(RangeQuery::new(
            Bound::Included(Term::from_field_date(f.date, date_value(*d))),
            Bound::Unbounded,
        )),
        Compiled::Before(d) => Box::new(RangeQuery::new(
            Bound::Unbounded,
            Bound::Excluded(Term::from_field_date(f.date, date_value(*d))),
        )),
        Compiled::Entity(id) => Box::new(TermQuery::new(
            Term::from_field_text(f.entity, id),
            IndexRecordOption::WithFreqs,
        )),
        Compiled::Either(a, b) => Box::new(BooleanQuery::new(vec![
            (Occur::Should, clause_query(f, a)),
            (Occur::Should, clause_query(f, b)),
        ])),
        Compiled::Nothing => Box::new(EmptyQuery),
    }
}

/// The tantivy query for a whole compiled query (every item must hold).
pub fn items_query(f: &Fields, items: &[CompiledItem]) -> Box<dyn Query> {
    let parts = items
        .iter()
        .map(|it| {
            let q: Box<dyn Query> = if it.any_of.len() == 1 {
                clause_query(f, &it.any_of[0])
            } else {
                Box::new(BooleanQuery::new(
                    it.any_of.iter().map(|c| (Occur::Should, clause_query(f, c))).collect(),
                ))
            };
            (if it.negated { Occur::MustNot } else { Occur::Must }, q)
        })
        .collect();
    Box::new(BooleanQuery::new(parts))
}
