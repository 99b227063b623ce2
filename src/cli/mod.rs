//! Argument parsing and the headless commands. Wiring only: every command calls the same
//! library layers the reader uses.

pub mod entities;
pub mod list;
pub mod render;
pub mod search;
pub mod timeline;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::corpus::{self, Corpus};
use crate::extract::Extractor;
use crate::store::{Progress, Stage, Store};
use crate::text::layout::BidiMode;
use crate::tui::RunError;

/// qari — a terminal reader for multilingual news archives.
#[derive(Debug, Parser)]
#[command(name = "qari", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to open (folders are walked recursively); none = the bundled archive.
    pub paths: Vec<PathBuf>,
    /// Who puts right-to-left text in visual order.
    #[arg(long, value_enum, default_value_t = BidiArg::App)]
    pub bidi: BidiArg,
    /// Do not shape Arabic into presentation forms (for terminals that shape themselves).
    #[arg(long)]
    pub no_shape: bool,
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
    /// Search the archive (query language in the README).
    Search {
        /// JSON Lines, best first: path, title, score, snippet.
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
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
        /// Pane width in cells.
        #[arg(long)]
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
}

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

/// A failure a command reports: exit 1 for usage or input errors, 2 for internal ones.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Input(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl CliError {
    /// The process exit status for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Input(_) => 1,
            CliError::Internal(_) => 2,
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        // A closed pipe (`qari list | head`) is not an error worth a message.
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        CliError::Internal(e.to_string())
    }
}

/// Loads `paths` (or the bundled archive when empty), reporting unreadable files on stderr.
/// Fails when no article could be read.
pub fn load_corpus(paths: &[PathBuf]) -> Result<Corpus, CliError> {
    let corpus = if paths.is_empty() { corpus::load_bundled() } else { corpus::load_paths(paths) };
    let mut err = std::io::stderr().lock();
    for p in &corpus.problems {
        let _ = writeln!(err, "qari: {}: {}", p.path.display(), p.reason);
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
        paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    };
    format!("no readable article in {what}")
}

/// The reader's loader: reads `paths` and builds the store, reporting progress (nothing is
/// printed: the terminal belongs to the reader). With no readable article the message lists
/// every file's problem, one `qari:` line each, as [`load_corpus`] prints them.
fn reader_store(paths: &[PathBuf], progress: Progress) -> Result<Store, String> {
    let corpus = if paths.is_empty() {
        corpus::load_bundled()
    } else {
        let read = |done, total| progress(Stage::Reading, done, total);
        corpus::load_paths_reporting(paths, corpus::Limits::default(), &read)
    };
    if corpus.documents.is_empty() {
        let mut lines: Vec<String> =
            corpus.problems.iter().map(|p| format!("{}: {}", p.path.display(), p.reason)).collect();
        lines.push(nothing_readable(paths));
        // The caller prints "qari: " before the first line.
        return Err(lines.join("\nqari: "));
    }
    Ok(Store::build_with(corpus, &Extractor::new(), progress))
}

/// Loads `paths` and builds the whole store (extraction, linking, index).
pub fn load_store(paths: &[PathBuf]) -> Result<Store, CliError> {
    let corpus = load_corpus(paths)?;
    let reported = corpus.problems.len();
    let store = Store::build(corpus, &Extractor::new());
    // Problems found while building (a document whose extraction failed).
    for p in &store.problems[reported..] {
        eprintln!("qari: {}: {}", p.path.display(), p.reason);
    }
    Ok(store)
}

/// Runs the command line; returns the process exit status.
pub fn run(cli: Cli) -> i32 {
    let result = match cli.command {
        Some(Command::List { json, paths }) => list::run(json, &paths),
        Some(Command::Search { json, limit, query, paths }) => {
            search::run(json, limit, &query, &paths)
        }
        Some(Command::Entities { json, paths }) => entities::run(json, &paths),
        Some(Command::Render { width, logical, bidi, no_shape, file }) => {
            render::run(width, logical, bidi.into(), !no_shape, &file)
        }
        Some(Command::Timeline { json, paths }) => timeline::run(json, &paths),
        None => {
            let opts = crate::tui::Options { bidi: cli.bidi.into(), shape: !cli.no_shape };
            let paths = cli.paths;
            let load: crate::tui::Loader = Box::new(move |progress| reader_store(&paths, progress));
            crate::tui::run(load, opts).map_err(|e| match e {
                RunError::Load(message) => CliError::Input(message),
                RunError::Io(e) => CliError::Internal(e.to_string()),
                RunError::Internal(e) => CliError::Internal(e),
            })
        }
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("qari: {e}");
            e.exit_code()
        }
    }
}
