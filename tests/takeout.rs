//! Taking things out of the reader, through the keymap and `update`: `y` and `Y` ask the loop
//! to copy the right text, `O` to open only web URLs, `w` writes the list on screen (the
//! document list, search results, an entity's documents, the timeline) in the format the file
//! name asks for; and the loop's writer puts those bytes in the file.

mod common;

use common::qari::TempDir;
use common::reader::*;
use qari::tui::Effect;
use qari::tui::app::App;
use qari::tui::export::{ExportRow, Format, render};
use qari::tui::keymap::Mode;
use qari::tui::search::LineKind;
use qari::tui::takeout;

fn copies(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Copy(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// The take-out effects of `effects` (copy, open, export), without the state saves.
fn takeouts(effects: Vec<Effect>) -> Vec<Effect> {
    effects
        .into_iter()
        .filter(|e| matches!(e, Effect::Copy(_) | Effect::OpenUrl(_) | Effect::Export { .. }))
        .collect()
}

/// The one export effect of `effects`: (path, bytes, rows).
fn export(effects: &[Effect]) -> (String, Vec<u8>, usize) {
    let found: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Export { path, bytes, rows } => Some((path.clone(), bytes.clone(), *rows)),
            _ => None,
        })
        .collect();
    assert_eq!(found.len(), 1, "one export: {effects:?}");
    found.into_iter().next().unwrap()
}

fn with_url(a: &mut App, url: &str) {
    let mut store = fixture();
    store.docs[0].url = Some(url.into());
    *a = App::new(store, OPTS, a.size);
    a.open_doc(0);
}

#[test]
fn y_copies_the_paragraph_at_the_top_of_the_reading_pane() {
    let mut a = app(100, 30);
    let e = press(&mut a, "<Tab>y");
    assert_eq!(copies(&e), ["Ri Yong Ho met Mike Pompeo in Singapore on June 12, 2018."]);
    assert!(status(&a).contains("copied the passage (57 characters)"), "{}", status(&a));
    // Scrolled down past the first paragraph: the second is at the top.
    let e = press(&mut a, "jjy");
    assert_eq!(copies(&e), ["Talks went on for hours and hours."]);
}

#[test]
fn y_copies_the_sentence_of_the_entity_or_date_selected_in_the_side_panel() {
    let mut a = app(100, 30);
    // Ri Yong Ho, selected in the side panel; `]` to his last mention's sentence.
    press(&mut a, "<Tab><Tab>");
    let e = press(&mut a, "y");
    assert_eq!(copies(&e), ["Ri Yong Ho met Mike Pompeo in Singapore on June 12, 2018."]);
    let e = press(&mut a, "]]]y");
    assert_eq!(copies(&e), ["Ri Yong Ho then left Singapore."]);
    // The date at the end of the panel.
    let e = press(&mut a, "Gy");
    assert_eq!(copies(&e), ["Ri Yong Ho met Mike Pompeo in Singapore on June 12, 2018."]);
    // In the timeline, the entry's sentence.
    // In the timeline, the entry's sentence (the last entry: the Arabic one dated 2019).
    let e = press(&mut a, "tGy");
    assert_eq!(copies(&e), ["قال ري يونغ هو إن المحادثات مع بومبيو ستستمر في عام 2019."]);
}

#[test]
fn shift_y_copies_the_url_and_o_opens_only_web_urls() {
    let mut a = app(100, 30);
    let e = press(&mut a, "Y");
    assert!(copies(&e).is_empty());
    assert!(status(&a).contains("this article has no URL"));
    with_url(&mut a, "https://example.com/news/ri?x=1");
    let e = press(&mut a, "Y");
    assert_eq!(copies(&e), ["https://example.com/news/ri?x=1"]);
    let e = press(&mut a, "O");
    assert_eq!(takeouts(e), [Effect::OpenUrl("https://example.com/news/ri?x=1".into())]);
    for bad in ["file:///etc/passwd", "javascript:alert(1)", "https://a b", "ftp://x"] {
        with_url(&mut a, bad);
        assert!(takeouts(press(&mut a, "O")).is_empty(), "{bad} is not opened");
        assert!(status(&a).contains("only http and https URLs are opened"), "{bad}");
    }
}

#[test]
fn copying_can_be_switched_off_in_the_config_file() {
    let mut a = app(100, 30);
    let config = qari::tui::config::Config::parse("[clipboard]\nosc52 = false\n", None);
    assert!(config.warnings.is_empty(), "{:?}", config.warnings);
    a.configure(config, qari::tui::theme::ColourDepth::Ansi16);
    assert!(copies(&press(&mut a, "<Tab>y")).is_empty());
    assert!(status(&a).contains("copying is off"), "{}", status(&a));
}

#[test]
fn osc52_carries_only_base64_between_qaris_introducer_and_terminator() {
    let hostile = "title \x1b]0;PWNED\x07 and \x1b[2J\u{9b}31m";
    let seq = takeout::osc52(hostile);
    let body = seq.strip_prefix("\x1b]52;c;").and_then(|s| s.strip_suffix('\x07')).unwrap();
    assert!(body.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)), "{body}");
    use base64::Engine;
    let back = base64::engine::general_purpose::STANDARD.decode(body).unwrap();
    assert_eq!(back, hostile.as_bytes());
}

#[test]
fn w_writes_the_document_list_in_the_format_the_name_asks_for() {
    let mut a = app(100, 30);
    let e = press(&mut a, "w");
    assert!(takeouts(e).is_empty());
    assert_eq!(a.nav.line.as_ref().map(|l| l.kind), Some(LineKind::Export));
    assert!(status(&a).starts_with("write to (.jsonl, .csv, .md): "), "{}", status(&a));
    // An unknown extension keeps the prompt open and says why.
    let e = press(&mut a, "list.txt<Enter>");
    assert!(takeouts(e).is_empty());
    assert!(status(&a).contains("name a .jsonl, .csv or .md file"), "{}", status(&a));
    let e = press(&mut a, "<C-u>list.csv<Enter>");
    let (path, bytes, rows) = export(&e);
    assert_eq!((path.as_str(), rows), ("list.csv", 3));
    assert_eq!(a.nav.line, None);
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    let titles: Vec<String> = r.records().map(|r| r.unwrap()[1].to_string()).collect();
    // In list order (by date).
    assert_eq!(titles, ["Weather in Hanoi", "Ri meets Pompeo", "ري يونغ هو يلتقي بومبيو"]);
    // Esc writes nothing.
    assert!(takeouts(press(&mut a, "wx.md<Esc>")).is_empty());
    assert!(status(&a).contains("nothing written"));
}

#[test]
fn w_in_a_view_or_alt_w_in_the_search_writes_what_it_lists() {
    let mut a = app(100, 30);
    // The entity view of Ri Yong Ho: his two documents with his sentences.
    press(&mut a, "<Tab><Tab><Enter>");
    let (_, bytes, rows) = export(&press(&mut a, "wri.jsonl<Enter>"));
    assert_eq!(rows, 2);
    let lines: Vec<serde_json::Value> = String::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["path"], "fixtures/nav/en.txt");
    assert_eq!(lines[0]["passage"], "Ri Yong Ho met Mike Pompeo in Singapore on June 12, 2018.");
    assert_eq!(lines[1]["lang"], "ar");
    assert_eq!(a.mode(), Mode::EntityView, "the view stays open");
    // The timeline: one row per dated mention, with the event's date.
    press(&mut a, "q<Tab>t");
    let (_, bytes, rows) = export(&press(&mut a, "wt.md<Enter>"));
    assert_eq!(rows, 3);
    let md = String::from_utf8(bytes).unwrap();
    assert!(md.starts_with("| date | title | lang | path | url | passage | note |\n|---|"), "{md}");
    assert!(md.contains("| 2017-03 | Weather in Hanoi | en | fixtures/nav/weather.txt |  | Weather report for Hanoi in March 2017. |  |"), "{md}");
    // The archive search's results: Alt-w, and the search is back after writing.
    press(&mut a, "q");
    let e = press(&mut a, "/Ri Yong Ho");
    run_searches(&mut a, e);
    let shown = a.nav.line.as_ref().unwrap().results.len();
    assert!(shown >= 1);
    press(&mut a, "<A-w>");
    assert_eq!(a.nav.line.as_ref().map(|l| l.kind), Some(LineKind::Export));
    let (_, _, rows) = export(&press(&mut a, "r.csv<Enter>"));
    assert_eq!(rows, shown);
    assert_eq!(a.nav.line.as_ref().map(|l| l.kind), Some(LineKind::Archive));
}

#[test]
fn the_loop_writes_the_file_once_and_never_over_another() {
    let d = TempDir::new("takeout-export");
    let rows = vec![ExportRow {
        date: Some("2018-06-13".into()),
        title: "Ri meets Pompeo".into(),
        lang: "en".into(),
        path: "en.txt".into(),
        ..ExportRow::default()
    }];
    let bytes = render(&rows, Format::JsonLines).unwrap();
    let path = d.join("out.jsonl");
    let name = path.to_str().unwrap();
    let msg = qari::tui::perform::write_export(name, &bytes, 1);
    assert_eq!(msg, format!("wrote 1 row to {name}"));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let again = qari::tui::perform::write_export(name, b"other", 1);
    assert!(again.contains("already exists: nothing written"), "{again}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "the first file is kept");
}

#[test]
fn the_bookmarks_view_copies_and_writes_its_bookmarks_with_their_notes() {
    let mut a = app(100, 30);
    press(&mut a, "<Tab>mfirst<Enter>jjmsecond, with a comma<Enter>");
    assert_eq!(a.user.bookmarks.len(), 2, "{}", status(&a));
    press(&mut a, "'");
    assert_eq!(a.mode(), Mode::Bookmarks);
    // Newest first, as the view lists them.
    let quote = a.user.bookmarks[1].anchor.quote.clone();
    assert_eq!(
        copies(&press(&mut a, "y")),
        [quote.split_whitespace().collect::<Vec<_>>().join(" ")]
    );
    let (_, bytes, rows) = export(&press(&mut a, "wb.csv<Enter>"));
    assert_eq!(rows, 2);
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    let recs: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(&recs[0][1], "Ri meets Pompeo");
    assert_eq!(&recs[0][6], "second, with a comma");
    assert_eq!(&recs[1][6], "first");
}
