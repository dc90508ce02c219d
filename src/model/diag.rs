//! Diagnostics: problems found in the data or templates, with file, line and
//! column, collected over a whole run and printed once by the binary.

use serde::Serialize;
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
#[derive(Debug, Default, Clone, Serialize)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Adds an error.
    pub fn error(&mut self, file: &Path, pos: Option<Pos>, message: impl Into<String>) {
        self.push(Diagnostic::error(file, pos, message));
    }

    /// Adds a warning.
    pub fn warning(&mut self, file: &Path, pos: Option<Pos>, message: impl Into<String>) {
        self.push(Diagnostic::warning(file, pos, message));
    }

    /// Moves all problems of `other` into this collection.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// Whether any problem stops the build.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    /// The number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// The problems sorted by file, position and message, without repeats.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort();
        self.0.dedup();
        self.0
    }

    /// The problems in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Whether there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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
