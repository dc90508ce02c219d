//! What `helhed importer` says and writes: each touched year file's edits
//! (values as YAML text, reasons in Danish) and the report of what changed,
//! what conflicts and what stayed.

use crate::eval::import::{Change, Held, Outcome};
use crate::model::CellSource;
use crate::model::import::{Blank, Entry, Key, Record};
use crate::model::text::format_da_as_written;
use crate::present::new_period::quoted;
use std::collections::BTreeMap;

/// A block of a year file (or of its `h1:`/`h2:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Block {
    /// `antal:`.
    Counts,
    /// `værdier:`.
    Values,
    /// `mangler:`.
    Withheld,
    /// `kilder:`.
    Sources,
}

impl Block {
    /// The key as written.
    pub fn key(self) -> &'static str {
        match self {
            Block::Counts => "antal",
            Block::Values => "værdier",
            Block::Withheld => "mangler",
            Block::Sources => "kilder",
        }
    }
}

/// One line of a year file to set or remove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// `h1` or `h2` (0 or 1), or the year.
    pub half: Option<usize>,
    /// The block.
    pub block: Block,
    /// The key in it.
    pub key: String,
    /// The value as YAML text, or `None` to remove the key.
    pub value: Option<String>,
}

/// Why a file could not be changed, at its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// A block written on one line (`antal: {beboere: 1}`).
    OneLine {
        /// 1-based line.
        line: usize,
        /// The block's key.
        key: String,
        /// What stands after it.
        value: String,
    },
    /// A value over several lines (a block scalar, a nested mapping).
    Lines {
        /// 1-based line.
        line: usize,
        /// The key.
        key: String,
    },
}

impl EditError {
    /// The line it is at.
    pub fn line(&self) -> usize {
        match self {
            EditError::OneLine { line, .. } | EditError::Lines { line, .. } => *line,
        }
    }

    /// What to tell the user.
    pub fn message(&self) -> String {
        match self {
            EditError::OneLine { key, value, .. } => format!(
                "«{key}: {value}» står på én linje; skriv den som en blok med én nøgle pr. linje, så kan helhed rette den"
            ),
            EditError::Lines { key, .. } => {
                format!("«{key}» har en værdi over flere linjer; helhed retter kun én linje pr. nøgle")
            }
        }
    }
}

/// A year file's edits.
#[derive(Debug, Clone)]
pub struct FileEdits {
    /// Relative to the data folder.
    pub file: String,
    /// The text a new file starts with (its comment), when it does not exist.
    pub new_file: Option<String>,
    /// The edits, in order.
    pub edits: Vec<Edit>,
}

/// Why a figure is missing, as `mangler:` says it.
pub fn reason(blank: &Blank) -> String {
    match blank {
        Blank::Empty => "tom celle i kilden".into(),
        Blank::Marker(marker) => format!("skjult i kilden («{marker}»)"),
    }
}

/// A cell's place as a message says it: `beboerdata.xlsx, ark «Tabel 1», celle C4`.
pub fn place(source: &CellSource) -> String {
    match &source.sheet {
        Some(sheet) => format!("{}, ark «{sheet}», celle {}", source.file, source.cell),
        None => format!("{}, celle {}", source.file, source.cell),
    }
}

/// A source as `kilder:` writes it: a flow mapping of quoted strings.
fn source_yaml(source: &CellSource) -> String {
    let sheet = source.sheet.as_ref().map(|s| format!(", ark: {}", quoted(s))).unwrap_or_default();
    format!("{{fil: {}{sheet}, celle: {}}}", quoted(&source.file), quoted(&source.cell))
}

/// The edits of every file an import changes, by file.
pub fn edits(changes: &[Change]) -> Vec<FileEdits> {
    let mut files: BTreeMap<&str, FileEdits> = BTreeMap::new();
    for change in changes {
        let record = &change.record;
        let key = record.key.id().to_string();
        let half = record.half;
        let number_block = match record.key {
            Key::Count(_) => Block::Counts,
            Key::Value(_) => Block::Values,
        };
        let mut edits = Vec::new();
        let set = |block, value: Option<String>| Edit { half, block, key: key.clone(), value };
        match change.outcome {
            Outcome::Unchanged | Outcome::Conflict => continue,
            Outcome::SourceRecorded => {}
            Outcome::Added | Outcome::Filled | Outcome::Replaced => match &record.entry {
                Entry::Number(n) => {
                    edits.push(set(number_block, Some(n.to_string())));
                    if matches!(change.held, Held::Withheld(_)) {
                        edits.push(set(Block::Withheld, None));
                    }
                }
                Entry::Withheld(blank) => {
                    // A blank left to be filled in (`fritidsjob:`), or the figure replaced.
                    edits.push(set(number_block, None));
                    edits.push(set(Block::Withheld, Some(quoted(&reason(blank)))));
                }
            },
        }
        edits.push(set(Block::Sources, Some(source_yaml(&record.source))));
        let file = files.entry(&change.file).or_insert_with(|| FileEdits {
            file: change.file.clone(),
            new_file: (!change.exists).then(|| new_file_comment(record)),
            edits: Vec::new(),
        });
        file.edits.extend(edits);
    }
    files.into_values().collect()
}

fn new_file_comment(record: &Record) -> String {
    format!("# {} {}: tal indlæst med «helhed importer» fra {}.\n", record.series, record.year, record.source.file)
}

/// What an import did (or, in a dry run, would do), line by line, with a
/// summary that counts each outcome.
pub fn report(changes: &[Change], dry_run: bool, data: &std::path::Path) -> Vec<String> {
    let mut lines = Vec::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for change in changes {
        let r = &change.record;
        let when = match r.half {
            Some(h) => format!("{} {}. halvår", r.year, h + 1),
            None => r.year.to_string(),
        };
        let what = format!("{} {when} «{}»", r.series, r.key.id());
        let new = entry(&r.entry);
        let old = match &change.held {
            Held::Nothing => String::new(),
            Held::Number(n) => format_da_as_written(*n),
            Held::Withheld(reason) => format!("mangler, {reason}"),
        };
        let path = data.join(&change.file);
        let file = path.display();
        let (tally, line) = match change.outcome {
            Outcome::Added => ("nye", Some(format!("{file}: {what} = {new}"))),
            Outcome::Filled => ("udfyldt", Some(format!("{file}: {what} = {new} (før: {old})"))),
            Outcome::Replaced => ("overskrevet", Some(format!("{file}: {what} = {new} (før: {old})"))),
            Outcome::Conflict => (
                "konflikter",
                Some(format!(
                    "konflikt: {file}: {what} er {old}, men {} siger {new}; beholdt (brug --overskriv for at erstatte)",
                    place(&r.source)
                )),
            ),
            Outcome::SourceRecorded => ("kilde noteret", None),
            Outcome::Unchanged => ("uændrede", None),
        };
        *counts.entry(tally).or_default() += 1;
        lines.extend(line);
    }
    let summary: Vec<String> = counts
        .iter()
        .map(|(what, n)| {
            let what = match (*what, *n) {
                ("nye", 1) => "ny",
                ("konflikter", 1) => "konflikt",
                ("uændrede", 1) => "uændret",
                (what, _) => what,
            };
            format!("{n} {what}")
        })
        .collect();
    let verb = if dry_run { "Prøvekørsel (--tør), intet er skrevet" } else { "Indlæst" };
    if changes.is_empty() {
        lines.push(format!("{verb}: ingen tal."));
    } else {
        lines.push(format!("{verb}: {} tal, heraf {}.", changes.len(), crate::model::text::join_with(&summary, "og")));
    }
    lines
}

fn entry(entry: &Entry) -> String {
    match entry {
        Entry::Number(n) => format_da_as_written(*n),
        Entry::Withheld(blank) => format!("mangler, {}", reason(blank)),
    }
}

/// An import setup as `data/import/<navn>.yaml` holds it, from the flags
/// given: only the fields given, each with what it means.
pub fn setup_yaml(raw: &crate::input::setup::RawSetup, name: &str) -> String {
    let mut y = format!(
        "# Opsætning «{name}» til «helhed importer FIL --opsætning {name}».\n\
         # Tilvalg på kommandolinjen går forud for det, der står her.\n"
    );
    let mut field = |key: &str, value: Option<String>, what: &str| {
        if let Some(v) = value {
            y.push_str(&format!("{key}: {v}  # {what}\n"));
        }
    };
    field("form", raw.form.as_deref().map(quoted), "lang eller bred");
    field("ark", raw.ark.as_deref().map(quoted), "arket i projektmappen");
    field("skilletegn", raw.skilletegn.as_deref().map(quoted), "CSV-filens skilletegn");
    field("decimaltegn", raw.decimaltegn.as_deref().map(quoted), "komma eller punktum");
    field("måling", raw.measure.as_deref().map(quoted), "målingen for alle tal");
    field("område", raw.area.as_deref().map(quoted), "området for alle tal");
    field("år", raw.year.map(|y| y.to_string()), "året for alle tal");
    field("halvår", raw.half.map(|h| h.to_string()), "halvåret for alle tal");
    field("kolonner", raw.kolonner.as_deref().map(quoted), "hvad overskriftsrækken har");
    field("overskriftsrække", raw.header_row.map(|r| r.to_string()), "overskriftsrækkens nummer");
    field("navnekolonne", raw.navnekolonne.as_deref().map(quoted), "kolonnen med rækkernes navne");
    field("kvartal", raw.kvartal.map(|q| q.to_string()), "kvartalet, hvis tal er årets");
    field("faktor", raw.faktor.as_ref().map(|f| f.0.clone()), "hvert tal ganges med dette");
    if !raw.filter.is_empty() {
        y.push_str("filter:  # kun rækker, hvor kolonnen har teksten\n");
        for (column, text) in &raw.filter {
            y.push_str(&format!("  {}: {}\n", quoted(column), quoted(text)));
        }
    }
    y
}
