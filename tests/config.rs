//! The config file: `qari config --default` parses back to the defaults; unknown keys and
//! bad values are named with their line and ignored while the rest applies; a rebound key
//! works through the keymap; the binary with a broken config file still runs, on the
//! archive the file names.

mod common;

use std::path::{Path, PathBuf};

use common::app::{bundled, draw, press, shows};
use common::qari::{TempDir, qari, stderr, stdout};
use qari::text::layout::BidiMode;
use qari::tui::app::{App, SortKey};
use qari::tui::config::{Config, default_text};
use qari::tui::keymap::{Key, Keymap, Mode};
use qari::tui::theme::{ColourDepth, Theme};
use qari::tui::view::help::help_lines;
use ratatui::style::Color;

#[test]
fn the_default_config_parses_back_to_the_defaults_and_names_every_action() {
    let text = default_text();
    let parsed = Config::parse(&text, None);
    assert_eq!(parsed.warnings, Vec::new());
    assert_eq!(parsed, Config::default());
    // Every action of every mode is written with its keys, under its mode's table.
    let keymap = Keymap::default();
    for mode in keymap.modes() {
        let section = text
            .split(&format!("[keys.{}]", mode.name()))
            .nth(1)
            .and_then(|s| s.split("\n[").next())
            .unwrap_or_else(|| panic!("a [keys.{}] table", mode.name()));
        for row in keymap.help_rows().iter().filter(|r| r.mode == mode) {
            let keys: Vec<String> = row.bound.iter().map(|k| format!("{:?}", k.name())).collect();
            let line = format!("{} = [{}]", row.name, keys.join(", "));
            assert!(section.contains(&line), "{line} in [keys.{}]", mode.name());
        }
    }
    // A changed default would show: the text is made from the table, not copied.
    let mut changed = Config::default();
    changed.keymap.rebind(Mode::Normal, "search_open", &[Key::parse("F3").unwrap()]).unwrap();
    assert_ne!(parsed, changed);
}

#[test]
fn names_of_actions_are_unique_in_each_mode_and_no_key_is_bound_twice() {
    let keymap = Keymap::default();
    let rows = keymap.help_rows();
    for mode in keymap.modes() {
        let mut names: Vec<&str> =
            rows.iter().filter(|r| r.mode == mode).map(|r| r.name.as_str()).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n, "one name per action in {mode:?}");
        assert!(
            names.iter().all(|n| n
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()))
        );
        let mut keys: Vec<Key> =
            keymap.bindings.iter().filter(|b| b.mode == mode).map(|b| b.key).collect();
        let n = keys.len();
        keys.sort_by_key(|k| k.name());
        keys.dedup();
        assert_eq!(keys.len(), n, "a key bound twice in {mode:?} would be dead");
        // Each key reads back from the name the config file writes.
        assert!(keys.iter().all(|k| Key::parse(&k.name()) == Ok(*k)), "{keys:?}");
    }
}

const BROKEN: &str = r##"[reader]
bidi = "sideways"
shape = false
colour = true

[theme]
person = "chartreuse-ish"
place = "#ff8800"

[keys.normal]
search_open = ["s", "Ctrl-"]
find_open = ["F2"]
no_such_action = ["x"]
[keys.nowhere]
[colours]
[archive]
paths = "news"
[clipboard]
osc52 = "yes"
"##;

#[test]
fn unknown_keys_and_bad_values_name_their_line_and_the_rest_applies() {
    let c = Config::parse(BROKEN, Some(Path::new("/conf")));
    let lines: Vec<Option<usize>> = c.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [2, 4, 7, 11, 13, 14, 15, 19].map(Some), "{:#?}", c.warnings);
    let said = |line: usize, words: &[&str]| {
        let w = c.warnings.iter().find(|w| w.line == Some(line)).expect("a warning");
        assert!(words.iter().all(|s| w.message.contains(s)), "line {line}: {}", w.message);
    };
    said(2, &["bidi", "app", "terminal", "off"]);
    said(4, &["unknown key `colour`", "[reader]"]);
    said(7, &["person", "colour"]);
    said(11, &["search_open", "Ctrl-"]);
    said(13, &["no action `no_such_action`"]);
    said(14, &["unknown mode `nowhere`"]);
    said(15, &["unknown section `colours`"]);
    said(19, &["osc52", "true or false"]);
    // What was right applies; what was wrong keeps its default.
    assert!(!c.shape);
    assert_eq!(c.bidi, BidiMode::App);
    assert_eq!(c.theme.place.fg, Some(Color::Rgb(0xff, 0x88, 0)));
    assert_eq!(c.theme.person, Theme::default().person);
    let find = c
        .keymap
        .key_for(Mode::Normal, &qari::tui::Action::Nav(qari::tui::nav::NavAction::FindOpen));
    assert_eq!(find, "F2");
    let search = c
        .keymap
        .key_for(Mode::Normal, &qari::tui::Action::Nav(qari::tui::nav::NavAction::SearchOpen));
    assert_eq!(search, "/", "a binding with a bad key is ignored whole");
    assert_eq!(c.archive_paths, [PathBuf::from("/conf/news")]);
    assert!(c.clipboard_osc52);
    // Each warning printed names the file and the line.
    let c = Config { path: Some("/conf/config.toml".into()), ..c };
    assert!(c.warning_lines()[0].starts_with("/conf/config.toml:2: "), "{:?}", c.warning_lines());
}

#[test]
fn a_file_that_is_not_toml_gives_one_warning_and_the_defaults() {
    let c = Config::parse("[reader]\nshape = false\n[keys.normal\nquit = [\"x\"]\n", None);
    assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    assert_eq!(c.warnings[0].line, Some(3));
    assert!(c.warnings[0].message.contains("not valid TOML"), "{}", c.warnings[0].message);
    assert_eq!(Config { warnings: Vec::new(), ..c }, Config::default());
}

#[test]
fn a_rebound_key_works_through_the_keymap_and_the_help_shows_it() {
    let config =
        Config::parse("[keys.normal]\nsearch_open = [\"s\"]\ncycle_sort = [\"o\", \"F5\"]\n", None);
    assert_eq!(config.warnings, Vec::new());
    let opts = qari::tui::Options { bidi: BidiMode::App, shape: true, osc52: true };
    let mut a = App::new(bundled(), opts, (120, 35));
    a.configure(config, ColourDepth::Ansi16);
    press(&mut a, "s");
    assert_eq!(a.mode(), Mode::SearchLine, "s opens the search now");
    assert!(shows(&draw(&a), "Search the archive"));
    press(&mut a, "<Esc>");
    assert_eq!(a.mode(), Mode::Normal);
    press(&mut a, "/");
    assert_eq!(a.mode(), Mode::Normal, "/ is no longer bound");
    assert_eq!(a.list.sort, SortKey::Date);
    press(&mut a, "o");
    assert_eq!(a.list.sort, SortKey::Title, "o sorts");
    let help = help_lines(&a);
    let row = |name: &str| {
        help.iter().find(|(l, _)| l.split_whitespace().nth(1) == Some(name)).map(|(l, _)| l.clone())
    };
    assert_eq!(row("search_open").unwrap().split_whitespace().next(), Some("s"));
    assert_eq!(row("cycle_sort").unwrap().split_whitespace().next(), Some("o/F5"));
}

/// A folder with one article, and a config file beside it that opens it by a relative path
/// and has a bad value and an unknown key.
fn archive_and_config(d: &TempDir) -> PathBuf {
    d.write(
        "arch/one.txt",
        "Configured archive article\n\nKim Jong Un met officials in Pyongyang.\n",
    );
    d.write(
        "qari/config.toml",
        "[archive]\npaths = [\"../arch\"]\n[reader]\nbidi = 3\n[theme]\nsparkle = true\n",
    )
}

#[test]
fn the_binary_with_a_broken_config_still_runs_on_the_archive_it_names() {
    let d = TempDir::new("config-broken");
    let cfg = archive_and_config(&d);
    let out = qari().args(["list", "--no-cache", "--config"]).arg(&cfg).output().unwrap();
    let (so, se) = (stdout(&out), stderr(&out));
    assert!(out.status.success(), "{se}");
    assert!(so.contains("Configured archive article"), "the config's archive: {so}");
    assert!(!so.contains("Pyongyang talks") && so.lines().count() == 1, "{so}");
    let file = cfg.display().to_string();
    assert!(se.contains(&format!("{file}:4: ")) && se.contains("bidi"), "{se}");
    assert!(se.contains(&format!("{file}:6: ")) && se.contains("sparkle"), "{se}");
    // The same file through $QARI_CONFIG and through XDG_CONFIG_HOME.
    let out = qari().args(["list", "--no-cache"]).env("QARI_CONFIG", &cfg).output().unwrap();
    assert!(stdout(&out).contains("Configured archive article"));
    let out = qari().args(["list", "--no-cache"]).env("XDG_CONFIG_HOME", &d.0).output().unwrap();
    assert!(stdout(&out).contains("Configured archive article"), "{}", stderr(&out));
    // A path on the command line wins over the file's.
    let other = d.write("other/two.txt", "Another article\n\nNothing here.\n");
    let out =
        qari().args(["list", "--no-cache", "--config"]).arg(&cfg).arg(&other).output().unwrap();
    assert!(stdout(&out).contains("Another article") && !stdout(&out).contains("Configured"));
    // `qari config` reports the problems and fails; `--path` says where it reads.
    let out = qari().args(["config", "--config"]).arg(&cfg).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("{file}:4: ")), "{}", stderr(&out));
    let out = qari().args(["config", "--path"]).env("XDG_CONFIG_HOME", &d.0).output().unwrap();
    assert_eq!(stdout(&out).trim(), cfg.display().to_string());
}

#[test]
fn a_file_that_is_not_toml_leaves_the_binary_on_its_defaults() {
    let d = TempDir::new("config-invalid");
    let cfg = d.write("config.toml", "[archive\npaths = 3\n\u{0}");
    let out = qari().args(["list", "--no-cache", "--config"]).arg(&cfg).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 6, "the bundled archive");
    assert!(stderr(&out).contains("not valid TOML"), "{}", stderr(&out));
    // A file named but missing is a warning too; the default place missing is not.
    let out =
        qari().args(["list", "--no-cache", "--config"]).arg(d.join("nope.toml")).output().unwrap();
    assert!(
        out.status.success() && stderr(&out).contains("nope.toml: cannot be read"),
        "{}",
        stderr(&out)
    );
    let out = qari().args(["list", "--no-cache"]).output().unwrap();
    assert_eq!(stderr(&out), "");
}

#[test]
fn qari_config_default_prints_a_file_that_reads_back_clean() {
    let out = qari().args(["config", "--default"]).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text, default_text());
    let d = TempDir::new("config-default");
    let cfg = d.write("config.toml", &text);
    let out = qari().args(["config", "--config"]).arg(&cfg).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).ends_with(": ok\n"), "{}", stdout(&out));
}

#[test]
fn the_problems_view_lists_what_the_config_file_got_wrong() {
    let mut config = Config::parse(BROKEN, None);
    config.path = Some("/conf/config.toml".into());
    let opts = qari::tui::Options { bidi: BidiMode::App, shape: true, osc52: true };
    let mut a = App::new(bundled(), opts, (120, 40));
    a.configure(config, ColourDepth::Ansi16);
    press(&mut a, "P");
    let screen = draw(&a);
    assert!(shows(&screen, "Config file: 8 settings ignored"));
    assert!(shows(&screen, "/conf/config.toml:15: unknown section `colours`"));
}
