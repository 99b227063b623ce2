//! Issue 10: hostile shapes of input cost bounded work. Each test builds an input that made
//! a per-token pass read on to the end of a run (so the whole document, quadratically) and
//! checks a size the old code got wrong — a mention as long as the run, a nesting followed
//! to the bottom — never a timer.

use qari::corpus::formats::html;
use qari::extract::{EXTRACT_BUDGET_BYTES, Extractor, budget_note, within_budget};

fn longest_mention(text: &str) -> usize {
    let x = Extractor::new();
    x.mentions(text).iter().map(|m| m.range.len()).max().unwrap_or(0)
}

/// Case 3: a chain of lineage links ("محمد بن محمد بن …") was read as one name per token,
/// each to the end of the chain.
#[test]
fn a_chain_of_lineage_links_is_read_in_short_names() {
    let text = "قال ".to_string() + &"محمد بن ".repeat(5_000);
    let longest = longest_mention(&text);
    assert!(longest > 0 && longest < 200, "the longest name spans {longest} bytes");
}

/// Case 3: an unclosed quote after an organisation's head searched the rest of the text for
/// its closing mark, once per head.
#[test]
fn unclosed_quotes_and_runs_of_cues_stay_local() {
    let quotes = "حركة «".repeat(20_000) + "أمل»";
    assert!(longest_mention(&quotes) < 400);
    let cues = "Foreign Minister ".repeat(20_000) + "John Smith said.";
    assert!(longest_mention(&cues) < 200);
    let acronyms = "The United Nations (UN said ".repeat(20_000);
    assert!(longest_mention(&acronyms) < 200);
}

/// Case 3: every use of an acronym after each of its expansions became a candidate (the
/// archive of a 1 MB article of them needed 24 GB); each use now takes one.
#[test]
fn each_acronym_use_is_one_mention() {
    let text = "The North Atlantic Treaty Organization (NATO) met. NATO agreed. ".repeat(2_000);
    let x = Extractor::new();
    let m = x.mentions(&text);
    let nato = m.iter().filter(|m| &text[m.range.clone()] == "NATO").count();
    assert_eq!(nato, 4_000, "both uses of each sentence, once each");
}

/// The per-document budget: a longer text is extracted up to a line break inside the budget,
/// and says so.
#[test]
fn extraction_reads_at_most_its_budget() {
    let line = "Kim Jong Un met Moon Jae-in in Panmunjom on 27 April 2018.\n";
    let text = line.repeat(EXTRACT_BUDGET_BYTES / line.len() + 10);
    let cut = within_budget(&text);
    assert!(cut.len() <= EXTRACT_BUDGET_BYTES && cut.ends_with("2018."), "{}", cut.len());
    assert!(budget_note(&text).is_some_and(|n| n.contains("first 8 MiB")));
    assert_eq!(within_budget(line), line);
    assert!(budget_note(line).is_none());
}

/// Case 1: 70,000 nested `<div>`s overflowed the stack of the recursive walk (and took the
/// tree builder seconds); now they are read in one pass, deeper tags ignored with a warning.
#[test]
fn deeply_nested_html_is_read_and_flagged() {
    let n = 200_000;
    let page = format!("<body>{}deep text{}", "<div>".repeat(n), "</div>".repeat(n));
    let (article, warning) = html::parse_page(&page);
    assert_eq!(article.text, "deep text");
    let w = warning.expect("nested too deeply");
    assert!(w.contains("nested too deeply"), "{w}");
    let c = qari::corpus::formats::parse("html", &page).expect("read");
    assert!(c.articles[0].warnings.iter().any(|w| w.contains("nested too deeply")));
}
