//! Right-to-left reading as a reader sees it: the visual order of laid-out lines, checked
//! against the fourteen strings of the research notes and, line by line, against GNU FriBidi
//! (`fribidi --nobreak`, the reference implementation VTE uses); plus the layout's invariants
//! as property tests.

use std::ops::Range;

mod common;

use common::fribidi::FriBidi;
use proptest::prelude::*;
use qari::text::layout::{BidiMode, Direction, LayoutOptions, VisualLine, layout};
use unicode_segmentation::UnicodeSegmentation;

fn opts(width: usize, shape: bool) -> LayoutOptions {
    LayoutOptions { width, bidi: BidiMode::App, shape }
}

/// One paragraph spanning the whole text (a list of one range is what `layout` takes).
#[allow(clippy::single_range_in_vec_init)]
fn whole(text: &str) -> Vec<Range<usize>> {
    vec![0..text.len()]
}

/// `map[visual char] = logical char`, both counted from the line's logical start, as FriBidi's
/// `--vtol` prints it: each cell's source chars in logical order, cells left to right.
fn vtol(text: &str, line: &VisualLine) -> Vec<usize> {
    let start = line.logical.start;
    let line_text = &text[line.logical.clone()];
    let char_at = |byte: usize| line_text[..byte - start].chars().count();
    let mut map = Vec::new();
    for c in &line.cells {
        for (b, _) in text[c.logical.clone()].char_indices() {
            map.push(char_at(c.logical.start + b));
        }
    }
    map
}

fn cells_text(line: &VisualLine) -> String {
    line.cells.iter().map(|c| c.symbol.as_str()).collect()
}

// ---- The fourteen strings of research/bidi.md §6.2 ----

struct Case {
    name: String,
    dir: Direction,
    logical: String,
    visual: String,
    map: Vec<usize>,
}

fn fourteen() -> Vec<Case> {
    cases(include_str!("fixtures/bidi/fourteen.tsv"))
}

/// The Persian lines of `fixtures/bidi/persian.tsv`, reordered by FriBidi 1.0.8.
fn persian() -> Vec<Case> {
    cases(include_str!("fixtures/bidi/persian.tsv"))
}

/// The cases of a fixture: name, direction, logical, visual, visual->logical map.
fn cases(tsv: &str) -> Vec<Case> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Case {
                name: f[0].to_string(),
                dir: if f[1] == "RTL" { Direction::Rtl } else { Direction::Ltr },
                logical: f[2].to_string(),
                visual: f[3].to_string(),
                map: f[4].split(' ').map(|n| n.parse().unwrap()).collect(),
            }
        })
        .collect()
}

#[test]
fn the_fourteen_research_strings_come_out_in_the_listed_visual_order() {
    let cases = fourteen();
    assert_eq!(cases.len(), 14);
    for c in cases {
        let lines = layout(&c.logical, &whole(&c.logical), &opts(200, false));
        assert_eq!(lines.len(), 1, "#{} fits one line", c.name);
        let line = &lines[0];
        assert_eq!(line.direction, c.dir, "#{} direction", c.name);
        assert_eq!(cells_text(line), c.visual, "#{} visual order", c.name);
        assert_eq!(vtol(&c.logical, line), c.map, "#{} visual->logical map", c.name);
        let want_indent = if c.dir == Direction::Rtl { 200 - line.width() } else { 0 };
        assert_eq!(line.indent, want_indent, "#{}: RTL right-aligned, LTR left", c.name);
        assert_eq!(line.to_plain().trim_start(), c.visual);
    }
}

#[test]
fn persian_lines_come_out_as_fribidi_orders_them() {
    let cases = persian();
    assert!(cases.len() >= 20, "the Persian fixture loads ({})", cases.len());
    let mut bad = Vec::new();
    for c in &cases {
        let lines = layout(&c.logical, &whole(&c.logical), &opts(10_000, false));
        assert_eq!(lines.len(), 1, "{} fits one line", c.name);
        let line = &lines[0];
        if line.direction != c.dir
            || cells_text(line) != c.visual
            || vtol(&c.logical, line) != c.map
        {
            bad.push(format!(
                "{}: {:?}\n  qari    {}\n  fribidi {}",
                c.name,
                line.direction,
                cells_text(line),
                c.visual
            ));
        }
        // A ZWNJ takes no column: it is a zero-width cell of its own, drawn as nothing.
        for cell in &line.cells {
            let src = &c.logical[cell.logical.clone()];
            if src.contains('\u{200C}') {
                assert_eq!((src, cell.width), ("\u{200C}", 0), "{}: ZWNJ cell", c.name);
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} Persian lines differ:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
    assert!(cases.iter().any(|c| c.logical.contains('\u{200C}')), "some lines keep a ZWNJ");
}

#[test]
fn persian_shaping_does_not_join_across_a_zwnj() {
    // می‌گوید: the yeh before the ZWNJ takes its final form and the gaf after it its initial
    // form, as if the ZWNJ were a word end; without it, the yeh joins on (medial).
    let shaped = |s: &str| {
        let lines = layout(s, &whole(s), &opts(40, true));
        lines[0].cells.iter().map(|c| c.symbol.as_str()).collect::<String>()
    };
    let with = shaped("می\u{200C}گوید");
    assert!(with.contains('\u{FBFD}'), "final yeh: {with:?}");
    assert!(with.contains('\u{FB94}'), "initial gaf: {with:?}");
    let without = shaped("میگوید");
    assert!(without.contains('\u{FBFF}'), "medial yeh: {without:?}");
    assert!(without.contains('\u{FB95}'), "medial gaf: {without:?}");
    // Persian letters shape: پ initial, چ final, ژ isolated, ک medial.
    let p = shaped("پیچ ژ شکر");
    for form in ['\u{FB58}', '\u{FB7B}', '\u{FB8A}', '\u{FB91}'] {
        assert!(p.contains(form), "{:04X} in {p:?}", form as u32);
    }
}

#[test]
fn a_highlight_on_a_logical_range_lands_on_the_reordered_cells() {
    // #13: "منتصف شهر حزيران 2019 في بيونغ يانغ" at width 40, right-aligned.
    let c = &fourteen()[12];
    let line = &layout(&c.logical, &whole(&c.logical), &opts(40, false))[0];
    let shown = line.to_plain();
    let cols = |needle: &str| {
        let at = c.logical.find(needle).unwrap();
        line.columns_of(&(at..at + needle.len()))
    };
    // "2019" keeps its LTR order: its four columns are contiguous and read 2019.
    let year = cols("2019");
    let chars: Vec<char> = shown.chars().collect();
    assert_eq!(year.iter().map(|&x| chars[x]).collect::<String>(), "2019");
    // The first logical word is at the right edge, the last at the left end of the text.
    let first = cols("منتصف");
    assert_eq!(*first.last().unwrap(), 39);
    let last = cols("يانغ");
    assert_eq!(last[0], line.indent);
    assert_eq!(last.iter().map(|&x| chars[x]).collect::<String>(), "غناي");
}

#[test]
fn shaped_lines_match_the_research_code_points_and_keep_source_ranges() {
    // §3.4: S1 shaped, first visual line at width 40.
    let s1 = "وقال وارد لـ NK News: \"بشكل عام، لن تحدث مثل هذه الاتفاقيات فرقًا كبيرًا\"";
    let want = "FE99 FEAA FEA4 FE97 0020 FEE6 FEDF 0020 060C FEE1 FE8E FECB 0020 FEDE FEDC FEB8 FE91 \
                0022 0020 003A 004E 004B 0020 004E 0065 0077 0073 0020 0640 FEDF 0020 FEA9 FEAD \
                FE8D FEED 0020 FEDD FE8E FED7 FEED";
    let lines = layout(s1, &whole(s1), &opts(40, true));
    let cps: Vec<String> =
        cells_text(&lines[0]).chars().map(|c| format!("{:04X}", c as u32)).collect();
    assert_eq!(cps.join(" "), want);
    assert_eq!(lines[0].indent, 0, "a full line");
    // The lam-alef of الاتفاقيات is one cell showing both source letters.
    let lig = lines.iter().flat_map(|l| &l.cells).find(|c| c.symbol == "\u{FEFB}").unwrap();
    assert_eq!(&s1[lig.logical.clone()], "لا");
    assert_eq!(lig.width, 1);
    // Shaping makes that line one cell shorter than unshaped (widths after shaping).
    let plain = layout(s1, &whole(s1), &opts(40, false));
    assert_eq!(plain[1].width(), lines[1].width() + 1);
}

#[test]
fn terminal_and_off_modes_send_logical_order_left_aligned() {
    let c = &fourteen()[12];
    for bidi in [BidiMode::Terminal, BidiMode::Off] {
        let o = LayoutOptions { width: 60, bidi, shape: true };
        let line = &layout(&c.logical, &whole(&c.logical), &o)[0];
        assert_eq!(cells_text(line), c.logical, "{bidi:?}: logical order, unshaped");
        assert_eq!(line.indent, 0);
        assert_eq!(line.direction, Direction::Rtl, "still reports the paragraph's direction");
    }
}

#[test]
fn wrapping_happens_on_logical_text_and_the_paragraph_reads_top_down() {
    // §3.4 S2 at width 20: the start of the paragraph is on the first line.
    let s2 = &fourteen()[12].logical;
    let lines = layout(s2, &whole(s2), &opts(20, false));
    let logical: Vec<&str> = lines.iter().map(|l| l.logical_plain(s2)).collect();
    assert_eq!(logical, ["منتصف شهر حزيران", "2019 في بيونغ يانغ"]);
    assert_eq!(lines[0].indent, 4);
    assert_eq!(lines[1].indent, 2);
    assert!(lines[1].to_plain().ends_with("يف 2019"), "{}", lines[1].to_plain());
}

#[test]
fn every_paragraph_gets_its_own_direction_and_a_blank_line_between() {
    let text = "English first.\nسطر عربي\n\nשלום";
    let paras = vec![0..text.find("\n\n").unwrap(), text.find("שלום").unwrap()..text.len()];
    let lines = layout(text, &paras, &opts(30, false));
    let dirs: Vec<(Direction, Option<usize>)> =
        lines.iter().map(|l| (l.direction, l.paragraph)).collect();
    assert_eq!(
        dirs,
        [
            (Direction::Ltr, Some(0)),
            (Direction::Rtl, Some(0)),
            (Direction::Ltr, None),
            (Direction::Rtl, Some(1))
        ],
        "a line end inside a paragraph starts a new UAX #9 paragraph"
    );
}

// ---- Differential test against GNU FriBidi ----

/// Characters of Bidi_Class B: each ends a UAX #9 paragraph inside a document paragraph.
fn is_separator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2029}')
}

/// The UAX #9 paragraphs (byte ranges) of `text[range]`.
fn uax9_paragraphs(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for (i, c) in text[range.clone()].char_indices() {
        if is_separator(c) {
            out.push(start..range.start + i);
            start = range.start + i + c.len_utf8();
        }
    }
    out.push(start..range.end);
    out
}

/// Lays out every paragraph of `text` at `width` and compares each line with FriBidi, which
/// resolves the same UAX #9 paragraph (its own P2/P3) and reorders the same line. Returns
/// the lines compared and the mismatches, described.
fn diff_against_fribidi(
    fribidi: &FriBidi,
    origin: &str,
    text: &str,
    paragraphs: &[Range<usize>],
    width: usize,
) -> (usize, Vec<String>) {
    let mut compared = 0;
    let mut bad = Vec::new();
    for para in paragraphs {
        let lines = layout(text, std::slice::from_ref(para), &opts(width, false));
        for block in uax9_paragraphs(text, para.clone()) {
            let mine: Vec<&VisualLine> = lines
                .iter()
                .filter(|l| !l.cells.is_empty())
                .filter(|l| l.logical.start >= block.start && l.logical.end <= block.end)
                .collect();
            if mine.is_empty() {
                continue;
            }
            let chars = |b: usize| text[block.start..b].chars().count();
            let ranges: Vec<Range<usize>> =
                mine.iter().map(|l| chars(l.logical.start)..chars(l.logical.end)).collect();
            let (rtl, maps) = fribidi.reorder(&text[block.clone()], None, &ranges);
            for (l, theirs) in mine.iter().zip(maps) {
                compared += 1;
                let ours = vtol(text, l);
                if (l.direction == Direction::Rtl) != rtl || ours != theirs {
                    bad.push(format!(
                        "{origin} @{width} {:?} (fribidi: {}) {:?}\n  qari    {ours:?}\n  fribidi {theirs:?}",
                        l.direction,
                        if rtl { "RTL" } else { "LTR" },
                        l.logical_plain(text),
                    ));
                }
            }
        }
    }
    (compared, bad)
}

/// A small deterministic generator (xorshift64*), so the generated strings are the same on
/// every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const ARABIC: &[&str] = &[
    "قال",
    "وزير",
    "الخارجية",
    "السوري",
    "بيونغ",
    "يانغ",
    "في",
    "مُحَمَّدٌ",
    "لَا",
    "فرقًا",
    "لـ",
    "الاتفاقيات",
    "منتصف",
    "حزيران",
    "إلى",
    "آمن",
    "پژوهشگر",
    "ٹھیک",
];
const HEBREW: &[&str] = &["שלום", "עולם", "אבג", "ירושלים", "חדשות"];
const LATIN: &[&str] =
    &["NK", "News", "Kim", "the", "C++", "C#", "e.g.", "Reuters", "Ri", "Yong", "Ho", "UN"];
const NUMBERS: &[&str] = &[
    "2019",
    "1,234.5",
    "3-4",
    "50%",
    "-5",
    "١٢٣",
    "٤٥٦٫٧",
    "۱۲۳",
    "+1",
    "$100",
    "10:30",
    "2018-2019",
    "٪٥",
    "#7",
    "1/2",
];
const PUNCT: &[&str] =
    &[".", ",", ":", "!", "?", "؟", "،", "-", "—", "\"", "'", "«", "»", "...", ";", "/", "&"];
const BRACKETS: &[(&str, &str)] = &[("(", ")"), ("[", "]"), ("{", "}"), ("<", ">"), ("«", "»")];
const URLS: &[&str] = &[
    "https://example.com/a?b=1",
    "info@example.com",
    "www.bbc.co.uk/arabic",
    "http://nknews.org/2018/06/",
];

/// A mixed string of 2–24 tokens; mostly space-separated, sometimes glued.
fn generated(rng: &mut Rng) -> String {
    let n = 2 + rng.below(23);
    let mut s = String::new();
    for _ in 0..n {
        let tok: String = match rng.below(10) {
            0..=2 => rng.pick(ARABIC).to_string(),
            3 => rng.pick(HEBREW).to_string(),
            4 | 5 => rng.pick(LATIN).to_string(),
            6 => rng.pick(NUMBERS).to_string(),
            7 => rng.pick(PUNCT).to_string(),
            8 => {
                let (o, c) = BRACKETS[rng.below(BRACKETS.len())];
                let inner = match rng.below(3) {
                    0 => rng.pick(ARABIC),
                    1 => rng.pick(LATIN),
                    _ => rng.pick(NUMBERS),
                };
                format!("{o}{inner}{c}")
            }
            _ => rng.pick(URLS).to_string(),
        };
        if !s.is_empty() && rng.below(6) != 0 {
            s.push(' ');
        }
        s.push_str(&tok);
    }
    s
}

#[test]
fn every_line_reorders_as_fribidi_reorders_it() {
    let fribidi = FriBidi::load();
    let (mut compared, mut rtl_lines, mut bad) = (0, 0, Vec::new());
    // Every paragraph of the bundled archive, at a few widths.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/corpus");
    let corpus = qari::corpus::load_paths(&[std::path::PathBuf::from(dir)]);
    assert!(corpus.documents.len() >= 5, "the bundled archive loads");
    for d in &corpus.documents {
        for w in [24, 57, 80] {
            let (n, b) = diff_against_fribidi(&fribidi, &d.path, &d.text, &d.paragraphs, w);
            compared += n;
            bad.extend(b);
            if d.lang == "ar" {
                rtl_lines += n;
            }
        }
    }
    assert!(rtl_lines > 50, "the archive has Arabic lines ({rtl_lines})");
    assert!(corpus.documents.iter().any(|d| d.lang == "fa"), "and a Persian article");
    let corpus_lines = compared;
    // A few hundred generated mixed strings, each at a width drawn with it.
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..400 {
        let s = generated(&mut rng);
        let w = 6 + rng.below(60);
        let (n, b) = diff_against_fribidi(&fribidi, &format!("generated #{i}"), &s, &whole(&s), w);
        compared += n;
        bad.extend(b);
    }
    assert!(compared > corpus_lines + 400);
    assert!(
        bad.is_empty(),
        "{} of {compared} lines reorder differently from fribidi:\n{}",
        bad.len(),
        bad.iter().take(15).cloned().collect::<Vec<_>>().join("\n")
    );
}

// ---- Invariants ----

fn token() -> impl Strategy<Value = String> {
    let pool: Vec<&'static str> = ARABIC
        .iter()
        .chain(HEBREW)
        .chain(LATIN)
        .chain(NUMBERS)
        .chain(PUNCT)
        .chain(URLS)
        .copied()
        .chain([
            "(", ")", "[", "]", " ", "  ", "\n", "漢字", "é", "\u{200f}", "\u{64e}", "\u{200d}",
        ])
        .collect();
    prop_oneof![
        4 => prop::sample::select(pool).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..30).prop_map(|ts| {
        let mut s = String::new();
        for t in ts {
            if !s.is_empty() && !t.starts_with(' ') {
                s.push(' ');
            }
            s.push_str(&t);
        }
        s
    })
}

/// Checks every invariant of `lines`, laid out from `text`'s single paragraph at `width`.
fn check_invariants(text: &str, lines: &[VisualLine], width: usize, shape: bool) {
    let width = width.max(1);
    let mut covered: Vec<Range<usize>> = Vec::new();
    let mut prev_end = 0;
    for (i, l) in lines.iter().enumerate() {
        // Never wider than the pane, indent included.
        assert!(l.indent + l.width() <= width, "line {i} is {}+{} > {width}", l.indent, l.width());
        // Lines follow each other in logical order; only whitespace between them.
        assert!(l.logical.start >= prev_end, "line {i} overlaps the previous one");
        let gap = &text[prev_end..l.logical.start];
        assert!(gap.chars().all(char::is_whitespace), "line {i}: non-space {gap:?} dropped");
        prev_end = l.logical.end;
        // The cells tile the line's logical range: sorted by logical start, they are
        // contiguous. So visual->logical (cell order) and logical->visual (rank) are inverse
        // permutations.
        let mut order: Vec<usize> = (0..l.cells.len()).collect();
        order.sort_by_key(|&v| l.cells[v].logical.start);
        let mut ltov = vec![usize::MAX; l.cells.len()];
        for (rank, &v) in order.iter().enumerate() {
            ltov[rank] = v;
        }
        let mut vtol = vec![usize::MAX; l.cells.len()];
        for (rank, &v) in ltov.iter().enumerate() {
            vtol[v] = rank;
        }
        for v in 0..l.cells.len() {
            assert_eq!(ltov[vtol[v]], v, "line {i}: maps are not inverse");
        }
        let mut at = l.logical.start;
        for &v in &order {
            let c = &l.cells[v];
            assert_eq!(c.logical.start, at, "line {i}: cells do not tile the line");
            assert!(c.logical.end > c.logical.start);
            at = c.logical.end;
            covered.push(c.logical.clone());
            // A highlight on a cell's bytes lands on that cell's columns.
            if c.width > 0 {
                let col = l.indent + l.cells[..v].iter().map(|c| c.width).sum::<usize>();
                assert_eq!(l.columns_of(&c.logical), (col..col + c.width).collect::<Vec<_>>());
            }
            if !shape {
                // Unshaped, a cell is exactly one grapheme of the text (mirrored at most).
                let src = &text[c.logical.clone()];
                assert_eq!(src.graphemes(true).count(), 1, "cell {src:?} is one grapheme");
                if c.symbol != "…" && c.symbol != src {
                    let m = unicode_bidi_mirroring::get_mirrored(src.chars().next().unwrap());
                    assert!(m.is_some(), "cell {:?} shows {:?}", src, c.symbol);
                }
            }
        }
        assert_eq!(at, l.logical.end, "line {i}: cells end where the line ends");
    }
    assert!(text[prev_end..].chars().all(char::is_whitespace), "text after the last line lost");
    // No grapheme lost or duplicated: what no cell shows is whitespace, and every grapheme
    // boundary of the text is kept (cells start and end on them).
    let bounds: std::collections::HashSet<usize> =
        text.grapheme_indices(true).map(|(o, _)| o).chain([text.len()]).collect();
    for r in &covered {
        assert!(bounds.contains(&r.start) && bounds.contains(&r.end), "{r:?} splits a grapheme");
    }
    let shown: usize = covered.iter().map(|r| r.len()).sum();
    let spaces: usize = text.chars().filter(|c| c.is_whitespace()).map(char::len_utf8).sum();
    assert!(shown + spaces >= text.len(), "bytes missing from the cells");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn layout_invariants_hold_at_any_width(text in mixed_text(), width in 0usize..48, shape: bool) {
        let lines = layout(&text, &whole(&text), &opts(width, shape));
        check_invariants(&text, &lines, width, shape);
    }

    #[test]
    fn any_text_in_any_mode_lays_out_without_panicking(
        text in "\\PC{0,80}",
        width in 0usize..12,
        mode in 0usize..3,
        shape: bool,
    ) {
        let bidi = [BidiMode::App, BidiMode::Terminal, BidiMode::Off][mode];
        let o = LayoutOptions { width, bidi, shape };
        let lines = layout(&text, &whole(&text), &o);
        check_invariants(&text, &lines, width, shape);
        // Out-of-range and mid-char paragraph ranges give an empty line, not a panic.
        let reversed = Range { start: 2, end: 1 };
        let _ = layout(&text, &[0..text.len() + 3, 1..1, reversed], &o);
    }
}
