//! Argument parsing and the headless commands. Wiring only: every command calls the same
//! library layers the reader uses.

pub mod cache;
pub mod config;
pub mod corrections;
pub mod entities;
pub mod entry;
pub mod list;
pub mod output;
pub mod render;
pub mod search;
pub mod timeline;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::corpus::{self, Corpus};
use crate::store::archive::{Archive, OpenOptions};
use crate::store::{Progress, Stage};
use crate::text::layout::BidiMode;
use crate::text::printable::printable_path;
use crate::tui::RunError;
use output::warn;

/// qari — a terminal reader for multilingual news archives.
#[derive(Debug, Parser)]
#[command(name = "qari", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to open (folders are walked recursively); none = the bundled archive.
    pub paths: Vec<PathBuf>,
    /// Who puts right-to-left text in visual order [default: the config file's, else app].
    #[arg(long, value_enum)]
    pub bidi: Option<BidiArg>,
    /// Do not shape Arabic into presentation forms (for terminals that shape themselves).
    #[arg(long)]
    pub no_shape: bool,
    /// Neither read nor write the cache: read and extract every file, in memory.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Read the settings from FILE instead of $XDG_CONFIG_HOME/qari/config.toml (also
    /// $QARI_CONFIG).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Documents and their metadata, and the files that could not be read.
    List {
        /// JSON Lines: path, title, byline, date, lang, bytes, problems.
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
    /// Search the archive (`qari search --help` for the query language).
    #[command(after_long_help = crate::store::search::query::QUERY_HELP)]
    Search {
        /// JSON Lines, best first: path, title, score, snippet, via, hits.
        #[arg(long)]
        json: bool,
        /// At most this many results (1 or more; more than the archive holds is all of it).
        #[arg(long, default_value_t = 20, value_parser = parse_limit)]
        limit: usize,
        /// The query; one that starts with `-` (an exclusion) is taken as the query too.
        #[arg(allow_hyphen_values = true)]
        query: String,
        paths: Vec<PathBuf>,
    },
    /// Entities and dates of each document.
    Entities {
        /// JSON Lines, one object per document.
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
    /// Print the reading pane's lines for FILE as the reader draws them.
    Render {
        /// Pane width in cells, 1 to 10000.
        #[arg(long, value_parser = parse_width)]
        width: usize,
        /// Same line breaks, in logical order.
        #[arg(long)]
        logical: bool,
        #[arg(long, value_enum, default_value_t = BidiArg::App)]
        bidi: BidiArg,
        #[arg(long)]
        no_shape: bool,
        file: PathBuf,
    },
    /// Dated events across the archive, oldest first.
    Timeline {
        /// JSON Lines: value, granularity, text, path, title, sentence.
        #[arg(long)]
        json: bool,
        paths: Vec<PathBuf>,
    },
    /// Build or refresh the archive's cache (what the other commands then read at once).
    Index {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// The entity corrections made in the reader (kept in the state database): list them,
    /// or export / import them as JSON Lines to share with others.
    #[command(after_long_help = CORRECTIONS_HELP)]
    Corrections {
        /// JSON Lines: each correction with its id.
        #[arg(long)]
        json: bool,
        /// Write every correction to FILE, one JSON object a line.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["import", "json"])]
        export: Option<PathBuf>,
        /// Add the corrections of FILE (JSON Lines); a bad line is named and skipped.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["json", "export"])]
        import: Option<PathBuf>,
        /// Delete the correction with this id (as the list shows it).
        #[arg(long, value_name = "ID", conflicts_with_all = ["json", "export", "import"])]
        remove: Option<i64>,
    },
    /// List the cached archives (size, last use), or remove caches.
    Cache {
        /// Remove the caches of PATH... (all of them without PATH).
        #[arg(long)]
        clear: bool,
        paths: Vec<PathBuf>,
    },
    /// Check the config file (its problems, one per line), or print the defaults or its path.
    Config {
        /// Print the complete default configuration, commented.
        #[arg(long, conflicts_with = "path")]
        default: bool,
        /// Print where the config file is read from.
        #[arg(long)]
        path: bool,
    },
}

/// `qari corrections --help`: what a line holds.
const CORRECTIONS_HELP: &str = "\
Each correction is one JSON object, `op` saying which:
  {\"op\":\"set_kind\",\"entity\":ID,\"kind\":\"PERSON\"|\"ORG\"|\"PLACE\"}
  {\"op\":\"rename\",\"entity\":ID,\"name\":NAME}
  {\"op\":\"merge\",\"entity\":ID,\"into\":ID}
  {\"op\":\"reject\",\"entity\":ID[,\"doc\":KEY]}      (without doc: everywhere)
  {\"op\":\"add_mention\",\"doc\":KEY,\"anchor\":{\"before\",\"text\",\"after\"},\"kind\":KIND,\"name\":NAME[,\"entity\":ID]}
ID is an entity's stable id, KEY a document's content key (16 hex digits of a hash of its
text), so corrections follow moved files and apply to every archive that has them.
Corrections are kept in $XDG_DATA_HOME/qari/state.sqlite3.";

/// `--bidi` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BidiArg {
    /// qari reorders RTL text and asks the terminal not to.
    App,
    /// Send logical order; the terminal does BiDi.
    Terminal,
    /// No reordering at all.
    Off,
}

impl From<BidiArg> for BidiMode {
    fn from(b: BidiArg) -> Self {
        match b {
            BidiArg::App => BidiMode::App,
            BidiArg::Terminal => BidiMode::Terminal,
            BidiArg::Off => BidiMode::Off,
        }
    }
}

/// Widest `render --width`, in cells: wider than any terminal, small enough that a
/// right-aligned line's indent stays a few kilobytes.
pub const MAX_WIDTH: usize = 10_000;

/// `--width`: a whole number of cells from 1 to [`MAX_WIDTH`].
fn parse_width(s: &str) -> Result<usize, String> {
    match s.trim().parse::<u64>() {
        Ok(n @ 1..) if n <= MAX_WIDTH as u64 => Ok(n as usize),
        _ => Err(format!("the width is a number of cells from 1 to {MAX_WIDTH}")),
    }
}

/// `--limit`: 1 or more results; any larger number means "all" (searches clamp it to the
/// archive's size).
fn parse_limit(s: &str) -> Result<usize, String> {
    match s.trim().parse::<u128>() {
        Ok(0) => Err("0 results would print nothing; give 1 or more".into()),
        Ok(n) => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Err(_) => Err("the limit is a number of results, 1 or more".into()),
    }
}

/// A failure a command reports: exit 1 for usage or input errors, 2 for internal ones; a
/// closed output pipe ends the command quietly with 0.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input or usage; the message names the file or argument (lines separated by `\n`).
    #[error("{0}")]
    Input(String),
    /// A bug or an unexpected system failure.
    #[error("internal error: {0}")]
    Internal(String),
    /// Whoever read our output has gone (`qari list | head -1`): not an error, nothing to say.
    #[error("output closed")]
    Closed,
}

impl CliError {
    /// The process exit status for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Input(_) => 1,
            CliError::Internal(_) => 2,
            CliError::Closed => 0,
        }
    }
}

impl From<std::io::Error> for CliError {
    /// Output errors: a closed pipe is [`CliError::Closed`], anything else internal.
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError::Closed;
        }
        CliError::Internal(e.to_string())
    }
}

/// Loads `paths` (or the bundled archive when empty) without the cache, reporting
/// unreadable files on stderr. Fails when no article could be read.
pub fn load_corpus(paths: &[PathBuf]) -> Result<Corpus, CliError> {
    let corpus = if paths.is_empty() { corpus::load_bundled() } else { corpus::load_paths(paths) };
    for p in &corpus.problems {
        warn(&format!("{}: {}", printable_path(&p.path), p.reason));
    }
    if corpus.documents.is_empty() {
        return Err(CliError::Input(nothing_readable(paths)));
    }
    Ok(corpus)
}

/// "no readable article in PATHS".
fn nothing_readable(paths: &[PathBuf]) -> String {
    let what = if paths.is_empty() {
        "the bundled archive".to_string()
    } else {
        paths.iter().map(|p| printable_path(p)).collect::<Vec<_>>().join(", ")
    };
    format!("no readable article in {what}")
}

/// A progress bar on stderr while a command builds or refreshes the cache (drawn only when
/// stderr is a terminal), and the callback that moves it.
fn progress_bar() -> indicatif::ProgressBar {
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    let style =
        indicatif::ProgressStyle::with_template("{spinner} {msg} {pos}/{len} [{bar:30}] {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("█▌ ");
    bar.set_style(style);
    bar
}

fn report(bar: &indicatif::ProgressBar) -> impl Fn(Stage, usize, usize) + Sync + '_ {
    move |stage, done, total| {
        bar.set_message(stage.label());
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    }
}

/// Opens the archive of `paths` for a command: through its cache (built or refreshed for what
/// changed, with a progress bar on a terminal) unless `no_cache`; `index` when the command
/// searches. Notes (a damaged cache rebuilt, a cache that cannot be written) and unreadable
/// files go to stderr. Fails when no article could be read.
pub fn open_archive(paths: &[PathBuf], no_cache: bool, index: bool) -> Result<Archive, CliError> {
    let bar = progress_bar();
    let opened = Archive::open(paths, OpenOptions { cache: !no_cache, index }, &report(&bar));
    bar.finish_and_clear();
    for n in &opened.notes {
        warn(n);
    }
    let (list, notes) = corrections::stored();
    let archive = opened.archive.with_corrections(list);
    for n in notes.iter().chain(&archive.store.corrections.skipped) {
        warn(n);
    }
    let store = &archive.store;
    for p in &store.problems {
        warn(&format!("{}: {}", printable_path(&p.path), p.reason));
    }
    if store.live_ids().next().is_none() {
        return Err(CliError::Input(nothing_readable(paths)));
    }
    Ok(archive)
}

/// The reader's loader: opens `paths` from the cache at once when it can (the reader then
/// refreshes in the background), else builds it, reporting progress (nothing is printed: the
/// terminal belongs to the reader). With no readable article the message lists every file's
/// problem, one `qari:` line each, as the commands print them.
fn reader_archive(
    paths: &[PathBuf],
    no_cache: bool,
    progress: Progress,
) -> Result<Archive, String> {
    let opts = OpenOptions { cache: !no_cache, index: true };
    let (cached, note) = Archive::open_cached(paths, opts);
    let (archive, notes) = match cached {
        Some(a) => (a, Vec::new()),
        None => {
            let opened = Archive::open(paths, opts, progress);
            (opened.archive, opened.notes.into_iter().chain(note).collect::<Vec<_>>())
        }
    };
    // The reader shows what it could not apply in its problems view (the store's skipped).
    let archive = archive.with_corrections(corrections::stored().0);
    let store = &archive.store;
    if store.live_ids().next().is_none() {
        let mut lines: Vec<String> = notes;
        lines.extend(
            store.problems.iter().map(|p| format!("{}: {}", printable_path(&p.path), p.reason)),
        );
        lines.push(nothing_readable(paths));
        // One `qari:` line each (the caller prints every line of the message so).
        return Err(lines.join("\n"));
    }
    Ok(archive)
}

/// Runs the command line; returns the process exit status.
pub fn run(cli: Cli) -> i32 {
    let settings = crate::tui::config::Config::load(cli.config.as_deref());
    // Every command names the file's problems first; `qari config` is the report itself.
    if !matches!(cli.command, Some(Command::Config { .. })) {
        for line in settings.warning_lines() {
            warn(&line);
        }
    }
    // A command given no PATH opens the config file's archive (else the bundled one).
    let or_config = |paths: Vec<PathBuf>| {
        if paths.is_empty() { settings.archive_paths.clone() } else { paths }
    };
    let result = match cli.command {
        Some(Command::List { json, paths }) => list::run(json, &or_config(paths), cli.no_cache),
        Some(Command::Search { json, limit, query, paths }) => {
            search::run(json, limit, &query, &or_config(paths), cli.no_cache)
        }
        Some(Command::Entities { json, paths }) => {
            entities::run(json, &or_config(paths), cli.no_cache)
        }
        Some(Command::Render { width, logical, bidi, no_shape, file }) => {
            render::run(width, logical, bidi.into(), !no_shape, &file)
        }
        Some(Command::Timeline { json, paths }) => {
            timeline::run(json, &or_config(paths), cli.no_cache)
        }
        Some(Command::Index { paths }) => cache::index(&paths, cli.no_cache),
        Some(Command::Cache { clear, paths }) => cache::run(clear, &paths),
        Some(Command::Corrections { json, export, import, remove }) => {
            corrections::run(json, export.as_deref(), import.as_deref(), remove)
        }
        Some(Command::Config { default, path }) => config::run(default, path, &settings),
        None if entry::command_typo(&cli.paths).is_some() => {
            Err(CliError::Input(entry::command_typo(&cli.paths).unwrap_or_default()))
        }
        None => {
            // The command line wins over the config file.
            let opts = crate::tui::Options {
                bidi: cli.bidi.map_or(settings.bidi, BidiMode::from),
                shape: settings.shape && !cli.no_shape,
                osc52: settings.clipboard_osc52,
            };
            let (paths, no_cache) = (or_config(cli.paths), cli.no_cache);
            let load: crate::tui::Loader =
                Box::new(move |progress| reader_archive(&paths, no_cache, progress));
            crate::tui::run(load, opts, settings).map_err(|e| match e {
                RunError::Load(message) | RunError::NotATerminal(message) => {
                    CliError::Input(message)
                }
                RunError::Io(e) => CliError::Internal(e.to_string()),
                RunError::Internal(e) => CliError::Internal(e),
            })
        }
    };
    match result {
        Ok(()) => 0,
        Err(CliError::Closed) => 0,
        Err(e) => {
            warn(&e.to_string());
            e.exit_code()
        }
    }
}
