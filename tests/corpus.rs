//! The corpus layer as a user meets it: each format loads, bad files are reported by name while
//! the rest loads, folders are walked safely, and the samples get the right metadata.

mod common;

use std::path::{Path, PathBuf};

use qari::corpus::{self, Corpus, Document, Limits};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus").join(rel)
}

fn load(rel: &str) -> Corpus {
    corpus::load_paths(&[fixture(rel)])
}

fn only(rel: &str) -> Document {
    let c = load(rel);
    assert!(c.problems.is_empty(), "{rel}: {:?}", c.problems);
    assert_eq!(c.documents.len(), 1, "{rel}");
    c.documents.into_iter().next().expect("one document")
}

fn paragraphs(d: &Document) -> Vec<&str> {
    d.paragraphs.iter().map(|r| &d.text[r.clone()]).collect()
}

/// A fresh, empty folder under the system temp dir (removed first if a previous run left it).
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qari-corpus-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn txt_keeps_the_file_content_and_reads_heading_and_byline() {
    let d = only("formats/plain.txt");
    let raw = std::fs::read_to_string(fixture("formats/plain.txt")).expect("fixture");
    assert_eq!(d.text, raw, "a .txt document's text is its content (offsets rely on it)");
    assert_eq!(d.title, "Port Reopens After Storm");
    assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(d.lang, "en");
    assert_eq!(paragraphs(&d)[2], "The harbour reopened on Tuesday after a week of repairs.");
    assert!(d.paragraphs.iter().all(|r| !d.text[r.clone()].contains('\n')));
}

#[test]
fn markdown_markup_is_stripped_and_blocks_are_paragraphs() {
    let d = only("formats/notes.md");
    assert_eq!(d.title, "Council Approves New Budget");
    assert_eq!(
        paragraphs(&d),
        [
            "Council Approves New Budget",
            "The council voted seven to two for the budget.",
            "Roads get more money.",
            "Parks get less.",
            "code line kept",
        ]
    );
    assert!(!d.text.contains(['*', '#', '[', '`']), "{}", d.text);
}

#[test]
fn html_keeps_the_article_and_drops_page_chrome() {
    let d = only("formats/page.html");
    assert_eq!(
        paragraphs(&d),
        [
            "Bridge Opens to Traffic",
            "The new bridge opened on Friday morning.",
            "Drivers crossed for free all day."
        ]
    );
    assert!(!d.text.contains("LEAK"), "chrome leaked: {}", d.text);
    assert_eq!(d.title, "Bridge Opens to Traffic");
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2021-03-05"));
    assert_eq!(d.byline.as_deref(), Some("Sam Reed"));
    assert_eq!(d.lang, "en");
}

#[test]
fn json_object_fields_are_read_tolerantly() {
    let d = only("formats/one.json");
    assert_eq!(d.title, "Single Object Story");
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2020-01-02"));
    assert_eq!(d.byline.as_deref(), Some("Ana Lima"));
    assert_eq!(d.url.as_deref(), Some("https://example.org/one"));
    assert_eq!(d.lang, "pt");
    assert_eq!(paragraphs(&d), ["First paragraph.", "Second paragraph."]);
    assert!(d.path.ends_with("one.json"), "a single object keeps the plain path: {}", d.path);
}

#[test]
fn json_array_gives_one_document_per_article_named_by_position() {
    let c = load("formats/many.json");
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    let got: Vec<(&str, &str)> =
        c.documents.iter().map(|d| (d.title.as_str(), d.text.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Array Story One", "Text of the first story."),
            ("Array Story Two", "Text of the second story.")
        ]
    );
    assert!(c.documents[0].path.ends_with("many.json#1"));
    assert!(c.documents[1].path.ends_with("many.json#2"));
    assert_eq!(c.documents[1].byline.as_deref(), Some("Kim Lee, Raj Patel"));
    assert_eq!(c.documents[0].date.map(|x| x.to_string()).as_deref(), Some("2019-07-08"));
}

#[test]
fn jsonl_gives_one_document_per_line() {
    let c = load("formats/lines.jsonl");
    let got: Vec<(&str, &str)> =
        c.documents.iter().map(|d| (d.title.as_str(), d.lang.as_str())).collect();
    assert_eq!(got, [("Line One", "en"), ("Line Two", "ar"), ("Html Body", "en")]);
    assert!(c.documents[1].path.ends_with("lines.jsonl#2"));
    assert_eq!(c.documents[0].date.map(|x| x.to_string()).as_deref(), Some("2022-02-02"));
    // An HTML body is read as HTML: tags and scripts gone, paragraphs kept.
    assert_eq!(paragraphs(&c.documents[2]), ["First bold part.", "Second part."]);
}

#[test]
fn a_bad_json_line_is_reported_by_number_and_the_other_lines_load() {
    let c = load("mixed/feed.jsonl");
    let titles: Vec<&str> = c.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["Good Line", "Another Good Line"]);
    assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
    assert!(c.problems[0].reason.contains("line 2"), "{}", c.problems[0].reason);
    assert!(c.problems[0].path.ends_with("feed.jsonl"));
}

#[test]
fn binary_empty_and_unparsable_files_are_problems_naming_the_file() {
    let c = load("allbad");
    assert!(c.documents.is_empty());
    let mut got: Vec<(String, String)> = c
        .problems
        .iter()
        .map(|p| {
            (
                p.path.file_name().unwrap_or_default().to_string_lossy().into_owned(),
                p.reason.clone(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[0].0, "bad.json");
    assert!(got[0].1.starts_with("invalid JSON"), "{got:?}");
    assert_eq!(got[1], ("blank.txt".to_string(), "empty file".to_string()));
    assert_eq!(got[2].0, "noise.txt");
    assert!(got[2].1.contains("binary"), "{got:?}");
    assert_eq!(got[3].0, "nul.txt");
    assert!(got[3].1.contains("binary"), "{got:?}");
}

#[test]
fn folders_are_walked_in_order_skipping_hidden_entries_and_bad_files() {
    let c = load("mixed");
    let names: Vec<String> = c
        .documents
        .iter()
        .map(|d| d.path.rsplit('/').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(names, ["feed.jsonl#1", "feed.jsonl#3", "good.txt", "nested.md"]);
    assert!(c.documents.iter().all(|d| !d.text.contains("must not load")));
    let bad: Vec<String> = c.problems.iter().map(|p| p.path.display().to_string()).collect();
    assert!(bad.iter().any(|p| p.ends_with("empty.txt")), "{bad:?}");
    assert!(bad.iter().any(|p| p.ends_with("image.txt")), "{bad:?}");
    let ids: Vec<usize> = c.documents.iter().map(|d| d.id).collect();
    assert_eq!(ids, [0, 1, 2, 3]);
}

#[test]
fn other_extensions_are_skipped_and_counted() {
    let c = load("formats");
    assert_eq!(c.skipped, 1, "ignored.csv");
    assert!(c.documents.iter().all(|d| !d.path.ends_with(".csv")));
}

#[test]
fn control_sequences_and_invalid_utf8_are_removed_with_warnings() {
    let d = only("formats/controls.txt");
    // What exactly sanitising removes is tested with the text layer; here: it ran, it warned.
    assert!(!d.text.contains(['\u{1b}', '\u{7}']), "{:?}", d.text);
    assert!(d.text.contains('\u{FFFD}'));
    assert!(d.problems.iter().any(|p| p.contains("invalid UTF-8")), "{:?}", d.problems);
    assert!(d.problems.iter().any(|p| p.contains("removed")), "{:?}", d.problems);
    assert_eq!(d.title, "Control Test");
}

#[test]
fn crlf_line_ends_load_without_warnings() {
    let dir = temp_dir("crlf");
    std::fs::write(dir.join("w.txt"), "Windows Heading\r\n\r\nBody line.\r\n").expect("write");
    let c = corpus::load_paths(std::slice::from_ref(&dir));
    let d = &c.documents[0];
    assert_eq!(d.title, "Windows Heading");
    assert_eq!(paragraphs(d), ["Windows Heading", "Body line."]);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_over_the_size_cap_is_refused_with_its_size() {
    let c = corpus::load_paths_with(&[fixture("formats/plain.txt")], Limits { max_file_bytes: 20 });
    assert!(c.documents.is_empty());
    assert_eq!(c.problems.len(), 1);
    assert!(c.problems[0].reason.starts_with("file too large"), "{}", c.problems[0].reason);
    assert!(c.problems[0].reason.contains("the limit is 20 bytes"), "{}", c.problems[0].reason);
    // The same file under the default cap loads.
    assert_eq!(load("formats/plain.txt").documents.len(), 1);
}

/// As root (CI containers) mode 000 does not stop reading: then the locked file must load and
/// only the dangling link is a problem; as a user the locked file is "permission denied".
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_problem_and_its_neighbours_still_load() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("perm");
    std::fs::write(dir.join("a.txt"), "Readable Heading\n\nReadable body.\n").expect("write");
    let locked = dir.join("b.txt");
    std::fs::write(&locked, "Locked Heading\n\nLocked body.\n").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Unreadable even for root: a link to a file that is gone.
    let dangling = dir.join("c.txt");
    std::os::unix::fs::symlink(dir.join("gone.txt"), &dangling).expect("symlink");
    let c = corpus::load_paths(std::slice::from_ref(&dir));
    let gone: Vec<&qari::corpus::Problem> =
        c.problems.iter().filter(|p| p.path == dangling).collect();
    assert_eq!(gone.len(), 1, "{:?}", c.problems);
    assert_eq!(gone[0].reason, "no such file or folder");
    let still_readable = std::fs::read(&locked).is_ok(); // root ignores mode bits
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644));
    assert_eq!(c.documents[0].title, "Readable Heading");
    if still_readable {
        // Running as root: mode 000 does not stop reading, so the file loads like any other.
        assert_eq!(c.documents.len(), 2);
        assert_eq!(c.problems.len(), 1);
    } else {
        assert_eq!(c.documents.len(), 1);
        assert_eq!(c.problems.len(), 2);
        let p = c.problems.iter().find(|p| p.path == locked).expect("locked file reported");
        assert_eq!(p.reason, "permission denied");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_path_is_a_problem() {
    let c = corpus::load_paths(&[fixture("no-such-folder")]);
    assert!(c.documents.is_empty());
    assert_eq!(c.problems[0].reason, "no such file or folder");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_walked_once() {
    let dir = temp_dir("loop");
    std::fs::create_dir_all(dir.join("inner")).expect("mkdir");
    std::fs::write(dir.join("inner/story.txt"), "Loop Story\n\nBody.\n").expect("write");
    std::os::unix::fs::symlink(&dir, dir.join("inner/back")).expect("symlink");
    std::os::unix::fs::symlink("self", dir.join("inner/self")).expect("self symlink");
    let c = corpus::load_paths(std::slice::from_ref(&dir));
    let titles: Vec<&str> = c.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["Loop Story"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_samples_get_their_titles_dates_bylines_and_languages() {
    let c = corpus::load_bundled();
    let got: Vec<(&str, Option<String>, Option<&str>, &str)> = c
        .documents
        .iter()
        .map(|d| {
            (d.title.as_str(), d.date.map(|x| x.to_string()), d.byline.as_deref(), d.lang.as_str())
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Syrian Deputy Foreign Minister Faisal Mekdad has called for closer bilateral…",
                None,
                None,
                "en"
            ),
            (
                "North Korea state media says Syria’s Assad wants to meet Kim",
                Some("2018-06-04".to_string()),
                None,
                "en"
            ),
            ("Tehran, Pyongyang Ready for Closer Ties amid US Sanctions", None, None, "en"),
            (
                "Syria’s ruling Bashar al-Assad dictatorship has announced it is developing…",
                None,
                Some("Ben Kew"),
                "en"
            ),
            (
                "وذكر التقرير ان وزير الخارجية السوري وليد المعلم عقد منتصف شهر حزيران 2019 في…",
                None,
                None,
                "ar"
            ),
            // The Persian Wikinews article: its date line "جمعه ۱۷ تیر ۱۳۹۰، ۸ ژوئیه ۲۰۱۱".
            (
                "ایران در ماه رمضان موجود زنده به فضا میفرستد",
                Some("2011-07-08".to_string()),
                None,
                "fa"
            ),
        ]
    );
    for (d, (name, raw)) in c.documents.iter().zip(corpus::BUNDLED) {
        assert_eq!(d.path, format!("assets/corpus/{name}"));
        assert_eq!(d.text, raw, "samples are clean text: loaded byte for byte");
    }
}

#[test]
fn sample_furniture_starts_where_the_page_furniture_starts() {
    let c = corpus::load_bundled();
    let furniture = |i: usize| {
        let d = &c.documents[i];
        let r = d.boilerplate.clone().unwrap_or_else(|| panic!("{} has furniture", d.path));
        (&d.text[..r.start], &d.text[r])
    };
    let (body, tail) = furniture(1);
    assert!(tail.starts_with("Follow Trend on Telegram"), "{tail:.60}");
    assert!(tail.ends_with("Russia 31 May 11:11\n") || tail.ends_with("Russia 31 May 11:11"));
    assert!(body.trim_end().ends_with("DPRK leadership and invariably strengthen and develop the friendly relations between the two countries.”")
        || body.contains("The Syrian government will as ever fully support"), "{body:.60}");
    assert!(!tail.contains("Syrian government will as ever"));

    let (body, tail) = furniture(2);
    assert!(tail.starts_with("› Subscribe"), "{tail:.60}");
    assert!(
        body.trim_end().ends_with("in Singapore."),
        "{}",
        &body[body.len().saturating_sub(60)..]
    );
    assert!(tail.contains("reCAPTCHA") && tail.contains("LEAVE A REPLY"));

    let (_, tail) = furniture(4);
    assert_eq!(tail.trim_end(), "ليصلك المزيد من الأخبار اشترك بقناتنا على التليغرام");

    assert_eq!(c.documents[0].boilerplate, None, "000 ends with article prose");
    assert_eq!(c.documents[3].boilerplate, None, "003 ends with article prose");
}

fn qari(args: &[&str]) -> std::process::Output {
    common::qari::qari().args(args).output().expect("run qari")
}

#[test]
fn list_json_prints_good_documents_and_names_bad_files_on_stderr() {
    let dir = fixture("mixed");
    let out = qari(&["list", "--json", dir.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    let titles: Vec<&str> = rows.iter().filter_map(|r| r["title"].as_str()).collect();
    assert_eq!(
        titles,
        ["Good Line", "Another Good Line", "Good Article Heading", "Nested Heading"]
    );
    let keys: Vec<&String> = rows[2].as_object().expect("object").keys().collect();
    assert_eq!(keys, ["byline", "bytes", "date", "lang", "path", "problems", "title"]);
    assert_eq!(rows[2]["bytes"], 48);
    assert!(rows[2]["date"].is_null() && rows[2]["problems"].as_array().is_some_and(Vec::is_empty));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for bad in ["empty.txt: empty file", "image.txt: binary", "feed.jsonl: invalid JSON on line 2"]
    {
        assert!(stderr.contains(bad), "stderr lacks {bad:?}: {stderr}");
    }
}

#[test]
fn list_of_the_bundled_archive_shows_aligned_columns() {
    let out = qari(&["list"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6);
    assert!(lines[5].starts_with("2011-07-08  fa   ایران در ماه رمضان"), "{}", lines[5]);
    assert!(lines[1].starts_with("2018-06-04  en   North Korea state media says"), "{}", lines[1]);
    assert!(lines[0].starts_with("-           en   Syrian Deputy"), "{}", lines[0]);
    assert!(lines.iter().all(|l| l.contains("assets/corpus/")));
}

#[test]
fn list_of_an_archive_with_no_readable_article_exits_1() {
    let dir = fixture("allbad");
    let out = qari(&["list", "--json", dir.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nul.txt: binary"), "{stderr}");
    assert!(stderr.contains("no readable article"), "{stderr}");
}

/// The hostile fixture (escape sequences, OSC 52/8, C1 CSI, RLO, BEL) never survives loading and
/// the visible words around it do. Its NUL byte is replaced first: a NUL makes a file binary.
#[test]
fn hostile_text_is_made_safe_at_load() {
    let raw = std::fs::read("tests/fixtures/hostile.txt").unwrap();
    let dir = std::env::temp_dir().join(format!("qari-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("hostile.txt");
    std::fs::write(&path, raw.iter().map(|&b| if b == 0 { b' ' } else { b }).collect::<Vec<u8>>())
        .unwrap();
    let corpus = qari::corpus::load_paths(&[path]);
    let _ = std::fs::remove_dir_all(&dir);
    let doc = &corpus.documents[0];
    assert!(doc.text.chars().all(|c| c == '\n' || !c.is_control()), "{:?}", doc.text);
    for bad in ["\u{202e}", "[2J", "52;c", "evil.example", "PWNED"] {
        assert!(!doc.text.contains(bad), "{bad:?} survived in {:?}", doc.text);
    }
    for good in ["SAFE-ENGLISH-LINE", "SAFE-AFTER-UNTERMINATED", "NK News"] {
        assert!(doc.text.contains(good), "{good:?} lost from {:?}", doc.text);
    }
    assert!(!doc.problems.is_empty(), "removing control sequences is reported");
}

#[test]
fn a_markdown_byline_with_emphasis_and_a_wire_is_the_byline() {
    let body = "The council met on Monday to discuss the budget, which has been delayed by months.";
    for (ext, text) in [
        ("md", format!("# Budget Delayed Again\n\n*By Jane Doe, Reuters*\n\n{body}\n")),
        ("txt", format!("Budget Delayed Again\n\n*By Jane Doe, Reuters*\n\n{body}\n")),
    ] {
        let c = corpus::read_bytes(Path::new(&format!("byline.{ext}")), ext, text.as_bytes());
        let d = &c.documents[0];
        assert_eq!(d.byline.as_deref(), Some("Jane Doe, Reuters"), "{ext}");
        assert_eq!(d.title, "Budget Delayed Again", "{ext}");
    }
}

#[test]
fn warnings_count_in_the_singular_for_one() {
    let c = corpus::read_bytes(Path::new("one.txt"), "txt", b"Title\n\nOne \x1b[2J clear.\n");
    let p = &c.documents[0].problems;
    assert!(p.iter().any(|p| p == "1 control character or escape sequence removed"), "{p:?}");
    let c = corpus::read_bytes(
        Path::new("bad.txt"),
        "txt",
        b"Title\n\nOne \xff byte, long enough text.\n",
    );
    let p = &c.documents[0].problems;
    assert!(p.iter().any(|p| p == "invalid UTF-8: 1 byte sequence shown as U+FFFD"), "{p:?}");
}
