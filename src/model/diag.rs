//! Diagnostics: problems found in the data or templates, with file, line and
//! column, collected over a whole run and printed once by the binary.

use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// A position in a file: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Severity {
    /// Stops the build.
    Error,
    /// Reported, but the build goes on.
    Warning,
}

/// One problem, in Danish, tied to a file and (where known) a position.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub file: PathBuf,
    /// Where in the file, if known.
    pub pos: Option<Pos>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl Diagnostic {
    /// An error at a position in a file.
    pub fn error(file: &Path, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic { file: file.to_path_buf(), pos, severity: Severity::Error, message: message.into() }
    }

    /// A warning at a position in a file.
    pub fn warning(file: &Path, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic { file: file.to_path_buf(), pos, severity: Severity::Warning, message: message.into() }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "fejl",
            Severity::Warning => "advarsel",
        };
        write!(f, "{kind}: {}", Printable(&self.file.display().to_string()))?;
        if let Some(pos) = self.pos {
            write!(f, ":{}:{}", pos.line, pos.column)?;
        }
        write!(f, ": {}", Printable(&self.message))
    }
}

/// Text from a user's files as a terminal may show it: a control character
/// (an escape sequence that would move the cursor or change colours) is
/// written as its code, `\u{1b}`.
struct Printable<'a>(&'a str);

impl fmt::Display for Printable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "\\u{{{:x}}}", u32::from(c))?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// All problems of a run, in file and line order.
///
/// At most [`KEEP_PER_FILE`] problems are kept for one file; the rest are
/// counted, so a 10 MB file with a problem on every line costs a few
/// hundred messages, not a million.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    /// How many problems each file has, kept or not.
    per_file: HashMap<PathBuf, usize>,
    /// Problems found beyond the limit, by file.
    omitted: BTreeMap<PathBuf, usize>,
    /// Errors among them.
    omitted_errors: usize,
}

/// The most problems kept for one file (`helhed` prints 20 of them).
pub const KEEP_PER_FILE: usize = 200;

impl Serialize for Diagnostics {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.list.serialize(s)
    }
}

impl Diagnostics {
    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let n = match self.per_file.get_mut(&diagnostic.file) {
            Some(n) => n,
            None => self.per_file.entry(diagnostic.file.clone()).or_insert(0),
        };
        *n += 1;
        if *n <= KEEP_PER_FILE {
            self.list.push(diagnostic);
            return;
        }
        if diagnostic.severity == Severity::Error {
            self.omitted_errors += 1;
        }
        *self.omitted.entry(diagnostic.file).or_insert(0) += 1;
    }

    /// Adds an error.
    pub fn error(&mut self, file: &Path, pos: Option<Pos>, message: impl Into<String>) {
        self.push(Diagnostic::error(file, pos, message));
    }

    /// Adds a warning.
    pub fn warning(&mut self, file: &Path, pos: Option<Pos>, message: impl Into<String>) {
        self.push(Diagnostic::warning(file, pos, message));
    }

    /// Whether `file` has as many problems as are kept: a further one is
    /// only counted, so its message need not be worked out in full.
    pub fn is_full(&self, file: &Path) -> bool {
        self.per_file.get(file).is_some_and(|&n| n >= KEEP_PER_FILE)
    }

    /// How many problems of `file` were counted but not kept.
    pub fn omitted(&self, file: &Path) -> usize {
        self.omitted.get(file).copied().unwrap_or(0)
    }

    /// Moves all problems of `other` into this collection.
    pub fn extend(&mut self, other: Diagnostics) {
        for d in other.list {
            self.push(d);
        }
        for (file, n) in other.omitted {
            *self.per_file.entry(file.clone()).or_insert(0) += n;
            *self.omitted.entry(file).or_insert(0) += n;
        }
        self.omitted_errors += other.omitted_errors;
    }

    /// Whether any problem stops the build.
    pub fn has_errors(&self) -> bool {
        self.omitted_errors > 0 || self.list.iter().any(|d| d.severity == Severity::Error)
    }

    /// The number of errors, counted ones included.
    pub fn error_count(&self) -> usize {
        self.omitted_errors + self.list.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// The kept problems sorted by file, position and message, without repeats.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.list.sort();
        self.list.dedup();
        self.list
    }

    /// The kept problems in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter()
    }

    /// Whether there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.omitted.is_empty()
    }
}

/// A failed build: the problems that stopped it.
#[derive(Debug)]
pub struct Failed(pub Diagnostics);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.0.clone().sorted() {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Failed {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_from_a_file_are_printed_as_codes() {
        let d = Diagnostic::error(Path::new("data/a\u{1b}[2J.yaml"), None, "navnet «Mot\u{1b}[31mala»");
        assert_eq!(d.to_string(), "fejl: data/a\\u{1b}[2J.yaml: navnet «Mot\\u{1b}[31mala»");
    }
}
