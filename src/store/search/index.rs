//! The tantivy schema, and qari's parsed query turned into tantivy queries (BooleanQuery,
//! TermQuery, PhraseQuery, RangeQuery). The index itself lives in [`super::engine`].

use std::ops::Bound;

use chrono::NaiveDate;
use tantivy::query::{
    BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::{DateTime, Term};

use super::analyzer::ANALYZER;

/// Title matches count this much more than body matches.
const TITLE_BOOST: f32 = 2.0;

/// The schema's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub title: Field,
    pub body: Field,
    pub lang: Field,
    pub date: Field,
    pub entity: Field,
    /// The document's stable key (indexed, to delete it; fast, to map hits back).
    pub key: Field,
}

/// Name of the field holding the document's stable key.
pub const KEY_FIELD: &str = "key";

impl Fields {
    /// The fields of an index opened from disk (`None` when one is missing).
    pub fn of(schema: &Schema) -> Option<Fields> {
        let f = |n| super::engine::field(schema, n);
        Some(Fields {
            title: f("title")?,
            body: f("body")?,
            lang: f("lang")?,
            date: f("date")?,
            entity: f("entity")?,
            key: f(KEY_FIELD)?,
        })
    }
}

/// qari's schema.
pub fn schema() -> (Schema, Fields) {
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
        key: sb.add_u64_field(KEY_FIELD, NumericOptions::default().set_indexed().set_fast()),
    };
    (sb.build(), fields)
}

/// Midnight UTC of `d` as a tantivy date.
pub fn date_value(d: NaiveDate) -> DateTime {
    let secs = d.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp());
    DateTime::from_timestamp_secs(secs)
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
    /// Entity ids, any of them (an entity and those a correction merged into it).
    Entity(Vec<String>),
    /// Either of two conditions (used for a phrase that also names an entity).
    Either(Box<Compiled>, Box<Compiled>),
    /// Every one of these (the words of a multi-word name, for its text side).
    All(Vec<Compiled>),
    /// Words that start with this ([`super::analyzer::prefix_form`]), in the title or body.
    Prefix {
        form: String,
        title_only: bool,
    },
    /// Any of these analysed terms (a prefix's expansion).
    AnyTerm {
        terms: Vec<String>,
        title_only: bool,
    },
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
        Compiled::Entity(ids) => {
            let term = |id: &str| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(f.entity, id),
                    IndexRecordOption::WithFreqs,
                ))
            };
            match ids.as_slice() {
                [one] => term(one),
                _ => Box::new(BooleanQuery::new(
                    ids.iter().map(|id| (Occur::Should, term(id))).collect(),
                )),
            }
        }
        // Expanded to its terms by the searcher before a query is built; alone it matches
        // nothing.
        Compiled::Prefix { .. } => Box::new(EmptyQuery),
        Compiled::AnyTerm { terms, title_only } => {
            let any: Vec<(Occur, Box<dyn Query>)> = terms
                .iter()
                .map(|t| {
                    let one = Compiled::Terms {
                        terms: vec![t.clone()],
                        phrase: false,
                        title_only: *title_only,
                    };
                    (Occur::Should, clause_query(f, &one))
                })
                .collect();
            if any.is_empty() { Box::new(EmptyQuery) } else { Box::new(BooleanQuery::new(any)) }
        }
        Compiled::All(parts) => Box::new(BooleanQuery::new(
            parts.iter().map(|c| (Occur::Must, clause_query(f, c))).collect(),
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
