//! The process's way in and out: parse the arguments, run the command on a thread whose
//! stack does not depend on `ulimit -s`, and turn the outcome into the README's exit status:
//! 0 success (also `--help`, `--version`, and a reader of our output that went away),
//! 1 a usage or input error, 2 an internal error.

use std::io::Write;

use clap::Parser;
use clap::error::ErrorKind;

use super::Cli;
use super::output::warn;
use crate::text::guard::THREAD_STACK;
use crate::text::printable::printable;

/// Parses `args` (the program name first) and runs the command; returns the exit status.
pub fn main_with(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    let worker = std::thread::Builder::new()
        .name("qari".into())
        .stack_size(THREAD_STACK)
        .spawn(move || super::run(cli));
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        // The panic hook has printed the message (after restoring the terminal).
        Ok(Err(_)) => 2,
        Err(e) => {
            warn(&format!("internal error: cannot start the command's thread: {e}"));
            2
        }
    }
}

/// Prints clap's message for `e` and returns its exit status: 0 for `--help` and
/// `--version` (printed on stdout; a closed pipe is fine), 1 for every usage error (on
/// stderr, each line printable: the message quotes what was typed).
fn usage(e: &clap::Error) -> i32 {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = write!(std::io::stdout().lock(), "{}", e.render());
            0
        }
        _ => {
            let text = e.render().to_string();
            let text = text.trim_end();
            let text = text.strip_prefix("error: ").unwrap_or(text);
            let mut lines = text.split('\n');
            warn(lines.next().unwrap_or_default());
            let mut err = std::io::stderr().lock();
            for line in lines {
                let _ = writeln!(err, "{}", printable(line));
            }
            1
        }
    }
}

/// When the first of `paths` does not exist and is a command name mistyped (`qari lst x`):
/// the message saying so, instead of opening the reader on a file that is not there.
pub fn command_typo(paths: &[std::path::PathBuf]) -> Option<String> {
    use clap::CommandFactory;
    let first = paths.first()?;
    let word = first.to_str().filter(|w| !w.contains(['/', '.']) && !first.exists())?;
    let cmd = Cli::command();
    let near = cmd
        .get_subcommands()
        .map(|c| c.get_name())
        .find(|name| name.len() > 2 && edit_distance(word, name) <= 2)?;
    Some(format!(
        "{}: no such file or folder, and not a command: did you mean `qari {near}`?",
        printable(word)
    ))
}

/// Levenshtein distance over chars (short words only: command names).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_mistyped_command_is_named() {
        let p = |s: &str| vec![std::path::PathBuf::from(s)];
        let m = super::command_typo(&p("lst")).expect("a hint");
        assert!(m.contains("qari list"), "{m}");
        assert!(super::command_typo(&p("serch")).is_some_and(|m| m.contains("qari search")));
        assert_eq!(super::command_typo(&p("archive/")), None);
        assert_eq!(super::command_typo(&p("zzzzzz")), None);
        assert_eq!(super::edit_distance("lst", "list"), 1);
    }
}
