//! Input: the only stage that reads the user's files. It walks the data
//! folder in sorted order, reads every YAML file through `yaml_serde` into the
//! raw structs of [`raw`], with the position of every key ([`locate`]), and
//! reads the templates folder ([`templates`]).

pub mod lists;
pub mod locate;
pub mod raw;
pub mod setup;
pub mod sheet;
pub mod templates;

use crate::model::diag::{Diagnostics, Pos};
use locate::{Locator, Shown};
use raw::*;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A file that was read: where it is, its text, and where its nodes are.
#[derive(Debug)]
pub struct Source<T> {
    /// Path as given on the command line joined with the file's place.
    pub path: PathBuf,
    /// Path relative to the data folder, with `/` separators.
    pub rel: String,
    /// Positions of keys and values.
    pub locator: Locator,
    /// The parsed content.
    pub content: T,
}

/// Everything read from the data folder.
#[derive(Debug, Default)]
pub struct Loaded {
    /// `plan.yaml`, if it could be read.
    pub plan: Option<Source<RawPlanFile>>,
    /// Series files: folder name, file stem, content.
    pub years: Vec<Source<RawYearFile>>,
    /// Status files.
    pub status: Vec<Source<RawStatusFile>>,
    /// `budget.yaml`, if there is one.
    pub budget: Option<Source<RawBudgetFile>>,
    /// Spending files, `forbrug/<halvår>.yaml`.
    pub spending: Vec<Source<RawSpendingFile>>,
    /// `listekriterier.yaml`, if the data folder has its own rule sets.
    pub list_rules: Option<Source<lists::RawListRules>>,
    /// Import setups, `import/<navn>.yaml`.
    pub setups: Vec<Source<setup::RawSetup>>,
}

/// The folder holding the secretariat's prose per half-year.
pub const STATUS_DIR: &str = "status";

/// The folder holding each half-year's spending per budget line.
pub const SPENDING_DIR: &str = "forbrug";

/// The largest data file helhed reads: a plan's figures for a year are a few
/// kilobytes, its `plan.yaml` some hundred.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The longest a message quotes from a file.
const MAX_QUOTE: usize = 200;

/// A data folder that holds several plans, one folder each.
#[derive(Debug, Default)]
pub struct PlanFolders {
    /// The plans' folders, sorted by name: each with a `plan.yaml` of its own.
    pub plans: Vec<String>,
    /// What else it holds, none of it read: files, folders without a
    /// `plan.yaml`, symbolic links (not followed here), each with whether it
    /// is a folder. Hidden entries (`.git`) are left out.
    pub others: Vec<(PathBuf, bool)>,
}

/// The plan folders of `data_dir`, when it has no `plan.yaml` of its own.
/// No plans for a data folder of one plan (or none: then [`load`] says what
/// is missing).
pub fn plan_folders(data_dir: &Path) -> PlanFolders {
    let mut found = PlanFolders::default();
    if data_dir.join("plan.yaml").exists() {
        return found;
    }
    let Ok(entries) = std::fs::read_dir(data_dir) else { return found };
    for entry in entries.flatten() {
        let folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if folder && entry.path().join("plan.yaml").is_file() {
            found.plans.push(entry.file_name().to_string_lossy().into_owned());
        } else if !entry.file_name().to_string_lossy().starts_with('.') {
            found.others.push((entry.path(), folder));
        }
    }
    found.plans.sort();
    found.others.sort();
    found
}

/// Reads the data folder. Problems go into `diags`; what could be read is returned.
///
/// Only regular files are read. A symbolic link is followed when what it
/// points to lies inside the data folder, and refused at the link otherwise,
/// so the data folder holds every byte a build reads.
pub fn load(data_dir: &Path, shown: Shown, diags: &mut Diagnostics) -> Loaded {
    let mut loaded = Loaded::default();
    if !data_dir.is_dir() {
        diags.error(data_dir, None, "datamappen findes ikke (angiv en anden med --data)");
        return loaded;
    }
    let plan_path = data_dir.join("plan.yaml");
    if !plan_path.is_file() {
        diags.error(&plan_path, None, "plan.yaml mangler: den beskriver planen, områderne og indikatorerne");
    }
    let root = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    let refused = std::cell::RefCell::new(Vec::new());
    let walk = WalkDir::new(data_dir)
        .follow_links(true)
        .sort_by_file_name()
        .min_depth(1)
        .max_depth(2)
        .into_iter()
        // Hidden files and folders (.git, editor backups) are not data.
        .filter_entry(|e| {
            if e.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            if !e.path_is_symlink() {
                return true;
            }
            match std::fs::canonicalize(e.path()) {
                Ok(target) if target.starts_with(&root) => true,
                Ok(_) => {
                    refused.borrow_mut().push((e.path().to_path_buf(), "peger uden for datamappen"));
                    false
                }
                Err(_) => {
                    refused.borrow_mut().push((e.path().to_path_buf(), "peger på noget, der ikke findes"));
                    false
                }
            }
        });
    for entry in walk {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(data_dir).to_path_buf();
                let link = path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
                if link && std::fs::canonicalize(&path).is_err() {
                    refused.borrow_mut().push((path, "peger på noget, der ikke findes"));
                } else {
                    diags.error(&path, None, format!("kan ikke læses: {e}"));
                }
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_dir() {
            continue;
        }
        if !entry.file_type().is_file() {
            diags.error(path, None, NOT_REGULAR);
            continue;
        }
        let rel = path.strip_prefix(data_dir).unwrap_or(path);
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        if !(name.ends_with(".yaml") || name.ends_with(".yml")) {
            diags.warning(path, None, "ignoreret: kun .yaml- og .yml-filer læses i datamappen");
            continue;
        }
        if let Some(bytes) = read_bytes(path, diags) {
            place(&mut loaded, path, rel, bytes, shown, diags);
        }
    }
    for (link, why) in refused.into_inner() {
        diags.error(
            &link,
            None,
            format!("er et symbolsk link, der {why}; helhed læser kun filer og mapper inde i datamappen"),
        );
    }
    loaded
}

/// What an empty file (nothing but comments, or nothing at all) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Empty {
    /// An error: the file is required to say something.
    Error,
    /// A warning, and the file is left out: an empty year or status file
    /// adds no figures and must not move the half-year reported on.
    Skipped,
}

/// Reads data files given in memory, as `(path relative to the data folder,
/// bytes)`, exactly as [`load`] reads them from `data_dir`: the same places,
/// limits and checks. For tests and the fuzzing harness.
pub fn load_files(data_dir: &Path, files: Vec<(String, Vec<u8>)>, shown: Shown, diags: &mut Diagnostics) -> Loaded {
    let mut loaded = Loaded::default();
    for (rel, bytes) in files {
        let path = data_dir.join(&rel);
        if bytes.len() as u64 > MAX_FILE_BYTES {
            too_large(&path, diags);
            continue;
        }
        place(&mut loaded, &path, rel, bytes, shown, diags);
    }
    if loaded.plan.is_none() && !diags.has_errors() {
        diags.error(
            &data_dir.join("plan.yaml"),
            None,
            "plan.yaml mangler: den beskriver planen, områderne og indikatorerne",
        );
    }
    loaded
}

/// Puts the file `rel` (`plan.yaml`, `<område>/<år>.yaml`, `status/<halvår>.yaml`, …)
/// where it belongs in `loaded`.
fn place(loaded: &mut Loaded, path: &Path, rel: String, bytes: Vec<u8>, shown: Shown, diags: &mut Diagnostics) {
    let Some(text) = decode(path, bytes, diags) else {
        return;
    };
    if !rel.contains('/') {
        match rel.as_str() {
            "plan.yaml" => loaded.plan = parse_as(path, rel, &text, Empty::Error, shown, diags),
            "budget.yaml" => loaded.budget = parse_as(path, rel, &text, Empty::Error, shown, diags),
            "listekriterier.yaml" => loaded.list_rules = parse_as(path, rel, &text, Empty::Error, shown, diags),
            _ => diags.error(
                path,
                None,
                "ukendt fil: øverst i datamappen ligger kun plan.yaml, budget.yaml og listekriterier.yaml; et års tal hører til i <område>/<år>.yaml",
            ),
        }
    } else if rel.starts_with(&format!("{STATUS_DIR}/")) {
        if let Some(s) = parse_as(path, rel, &text, Empty::Skipped, shown, diags) {
            loaded.status.push(s);
        }
    } else if rel.starts_with(&format!("{}/", setup::IMPORT_DIR)) {
        if let Some(s) = parse_as(path, rel, &text, Empty::Error, shown, diags) {
            loaded.setups.push(s);
        }
    } else if rel.starts_with(&format!("{SPENDING_DIR}/")) {
        if let Some(s) = parse_as(path, rel, &text, Empty::Skipped, shown, diags) {
            loaded.spending.push(s);
        }
    } else if let Some(s) = parse_as(path, rel, &text, Empty::Skipped, shown, diags) {
        loaded.years.push(s);
    }
}

/// A data file's text, when it exists (`Ok(None)` when it does not), read
/// with the limits [`load`] reads with; for `helhed importer`, which changes
/// year files keeping every byte it does not change.
pub fn read_text(path: &Path, diags: &mut Diagnostics) -> Option<Option<String>> {
    match path.symlink_metadata() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(None),
        Err(e) => {
            diags.error(path, None, format!("kan ikke læses: {e}"));
            return None;
        }
        Ok(m) if !m.is_file() => {
            diags.error(path, None, format!("{NOT_REGULAR}; helhed importer retter kun almindelige filer"));
            return None;
        }
        Ok(_) => {}
    }
    let bytes = read_bytes(path, diags)?;
    decode(path, bytes, diags).map(Some)
}

/// A year file given as text (`<område>/<år>.yaml`, relative to the data
/// folder), parsed as [`load`] parses it.
pub fn parse_year_file(
    data_dir: &Path,
    rel: &str,
    text: &str,
    shown: Shown,
    diags: &mut Diagnostics,
) -> Option<Source<RawYearFile>> {
    parse_as(&data_dir.join(rel), rel.to_string(), text, Empty::Skipped, shown, diags)
}

/// What a file that is not a regular one (a FIFO, a device) is told.
const NOT_REGULAR: &str = "er ikke en almindelig fil (men fx en FIFO eller en enhed) og læses ikke";

/// A file's bytes, or `None` when it holds more than `limit` of them. The
/// size is checked on what is read, not on what the file claims, and no
/// more than `limit + 1` bytes are ever read.
fn read_limited(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Reads one data file's bytes, at most [`MAX_FILE_BYTES`] of them.
fn read_bytes(path: &Path, diags: &mut Diagnostics) -> Option<Vec<u8>> {
    match read_limited(path, MAX_FILE_BYTES) {
        Ok(Some(bytes)) => Some(bytes),
        Ok(None) => {
            too_large(path, diags);
            None
        }
        Err(e) => {
            diags.error(path, None, format!("kan ikke læses: {e}"));
            None
        }
    }
}

fn too_large(path: &Path, diags: &mut Diagnostics) {
    diags.error(
        path,
        None,
        format!("filen er over {} MB; en datafil må højst fylde så meget", MAX_FILE_BYTES / (1024 * 1024)),
    );
}

/// A file's bytes as text, or a located error when they are not UTF-8.
fn decode(path: &Path, bytes: Vec<u8>, diags: &mut Diagnostics) -> Option<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let line = e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            diags.error(path, Some(Pos { line, column: 1 }), "filen er ikke UTF-8-tekst; gem den som UTF-8");
            None
        }
    }
}

/// Parses YAML text into `T`, reporting every problem with its position. For
/// files of the program itself (the embedded rule sets) and tests: any
/// character is accepted.
pub fn parse<T: for<'de> Deserialize<'de>>(
    path: &Path,
    rel: String,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<Source<T>> {
    parse_as(path, rel, text, Empty::Error, |_| true, diags)
}

fn parse_as<T: for<'de> Deserialize<'de>>(
    path: &Path,
    rel: String,
    text: &str,
    empty: Empty,
    shown: Shown,
    diags: &mut Diagnostics,
) -> Option<Source<T>> {
    let locator = match Locator::new(text, shown) {
        Ok(l) => l,
        Err(e) => {
            diags.error(path, Some(e.pos), e.message);
            return None;
        }
    };
    if locator.is_empty() {
        match empty {
            Empty::Error => diags.error(path, None, "filen er tom"),
            Empty::Skipped => diags.warning(path, None, "filen er tom og springes over; den flytter ikke halvåret"),
        }
        return None;
    }
    if !locator.duplicates.is_empty() {
        for d in &locator.duplicates {
            diags.error(
                path,
                Some(d.again),
                format!(
                    "nøglen «{}» står to gange (første gang i linje {}); hver nøgle må kun stå én gang",
                    d.key, d.first.line
                ),
            );
        }
        return None;
    }
    if rel == "plan.yaml" && !all_required_fields(path, &locator, diags) {
        return None;
    }
    match serde_yaml::from_str::<T>(text) {
        Ok(content) => Some(Source { path: path.to_path_buf(), rel, locator, content }),
        Err(e) => {
            let pos = e.location().map(|l| Pos { line: l.line(), column: l.column() });
            diags.error(path, pos, excerpt(&translate_serde_error(&e.to_string())));
            None
        }
    }
}

/// The fields `plan.yaml` must have, at the top, under `plan:` and in each
/// entry of its lists (the book's data chapter lists them too).
pub const REQUIRED_FIELDS: [(&str, &[&str]); 10] = [
    ("", &["plan", "områder", "målinger", "indikatorer"]),
    ("plan", &["navn", "start", "slut", "dataår", "datadato"]),
    ("områder[]", &["id", "navn"]),
    ("referencer[]", &["id", "navn"]),
    ("grupper[]", &["id", "navn", "områder"]),
    ("indsatsområder[]", &["id", "navn"]),
    ("målinger[]", &["id", "navn"]),
    ("indikatorer[]", &["id", "navn", "enhed", "bedre", "decimaler", "datakilde"]),
    ("aktiviteter[]", &["id", "navn", "indsatsområde"]),
    ("succeskriterier[]", &["id", "indsatsområde", "tekst", "datakilde"]),
];

/// Says every required field that `plan.yaml` lacks, each at the entry that
/// lacks it, in one run (serde would stop at the first). True when none is
/// missing.
fn all_required_fields(path: &Path, locator: &Locator, diags: &mut Diagnostics) -> bool {
    let before = diags.error_count();
    let mut lacks = |at: &[&str], field: &str, what: String| {
        let mut full: Vec<&str> = at.to_vec();
        full.push(field);
        if locator.get(&full).is_none() {
            diags.error(path, locator.key(at), format!("{what}feltet «{field}» mangler"));
        }
    };
    for (section, fields) in &REQUIRED_FIELDS {
        match section.strip_suffix("[]") {
            None if section.is_empty() => fields.iter().for_each(|f| lacks(&[], f, String::new())),
            None => {
                if locator.get(&[section]).is_some() {
                    fields.iter().for_each(|f| lacks(&[section], f, format!("«{section}»: ")));
                }
            }
            Some(list) => {
                for i in (0..).map(|i: usize| i.to_string()).take_while(|i| locator.get(&[list, i]).is_some()) {
                    let n = i.parse::<usize>().unwrap_or(0) + 1;
                    for f in *fields {
                        lacks(&[list, &i], f, format!("«{list}» nr. {n}: "));
                    }
                }
            }
        }
    }
    diags.error_count() == before
}

/// A message cut to [`MAX_QUOTE`] characters: it may quote the file, and a
/// message never repeats more than a short excerpt of it.
fn excerpt(message: &str) -> String {
    match message.char_indices().nth(MAX_QUOTE) {
        Some((at, _)) => format!("{} …", &message[..at]),
        None => message.to_string(),
    }
}

/// Puts serde's English messages about structure into Danish.
fn translate_serde_error(message: &str) -> String {
    // yaml_serde appends " at line L column C"; the position is reported separately.
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    // yaml_serde names the path of a nested problem first: `antal: invalid type: ...`.
    const PHRASES: [&str; 6] = [
        "unknown field ",
        "missing field ",
        "duplicate field ",
        "invalid type: ",
        "invalid value: ",
        "data did not match",
    ];
    if let Some((path, rest)) = message.split_once(": ")
        && !PHRASES.iter().any(|p| message.starts_with(p))
        && PHRASES.iter().any(|p| rest.starts_with(p))
    {
        return format!("i «{path}»: {}", translate_serde_error(rest));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let field = field.trim_matches('`');
        let expected = expected.trim_start_matches("one of ").replace('`', "").replace(" or ", " eller ");
        let odd = crate::model::text::odd_characters(field).map(|odd| format!(" ({odd})")).unwrap_or_default();
        return format!("ukendt felt «{field}»{odd}; tilladte felter her: {expected}");
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("feltet «{}» mangler", rest.trim_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("feltet «{}» står to gange", rest.trim_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return format!("forkert type: fandt {}, forventede {}", danish_kind(found), danish_kind(expected));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return format!("ugyldig værdi: fandt {}, forventede {}", danish_kind(found), danish_kind(expected));
    }
    if message.starts_with("data did not match any variant of untagged enum RawExample") {
        return "eksempeldata skal være true, false eller en liste af nøgler".to_string();
    }
    format!("kan ikke læses: {message}")
}

/// Names serde's value kinds in Danish.
fn danish_kind(kind: &str) -> String {
    let k = kind.trim();
    let plain = match k {
        "a string" | "string" => "tekst",
        "a sequence" | "sequence" => "en liste",
        "a map" | "map" => "en mapping (nøgle: værdi)",
        "unit value" => "en tom værdi",
        "u16" | "u32" | "u8" | "usize" => "et helt tal",
        "a boolean" => "sand/falsk",
        _ => "",
    };
    if !plain.is_empty() {
        return plain.to_string();
    }
    // A struct is named in Rust (`struct RawYearFile`): the user wrote a mapping.
    if k.starts_with("struct ") {
        return "en mapping (nøgle: værdi)".to_string();
    }
    if let Some(rest) = k.strip_prefix("string ") {
        return format!("teksten {rest}");
    }
    if let Some(rest) = k.strip_prefix("integer ") {
        return format!("tallet {}", rest.trim_matches('`'));
    }
    if let Some(rest) = k.strip_prefix("floating point ") {
        return format!("tallet {}", rest.trim_matches('`'));
    }
    if let Some(rest) = k.strip_prefix("boolean ") {
        return format!("sand/falsk-værdien {}", rest.trim_matches('`'));
    }
    k.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_written_text() {
        let f: RawYearFile = serde_yaml::from_str("antal:\n  beboere: 1186\nværdier:\n  x: 0.1\n  y: 30.65\n").unwrap();
        assert_eq!(f.antal["beboere"], Some(RawNumber("1186".into())));
        assert_eq!(f.values["x"], RawNumber("0.1".into()));
        assert_eq!(f.values["y"], RawNumber("30.65".into()));
    }

    #[test]
    fn serde_messages_are_danish() {
        assert_eq!(
            translate_serde_error("unknown field `antl`, expected one of `antal`, `h1` at line 2 column 1"),
            "ukendt felt «antl»; tilladte felter her: antal, h1"
        );
        assert_eq!(translate_serde_error("missing field `navn`"), "feltet «navn» mangler");
        assert_eq!(
            translate_serde_error("unknown field `afsnitt`, expected `eksempeldata` or `afsnit`"),
            "ukendt felt «afsnitt»; tilladte felter her: eksempeldata eller afsnit"
        );
        assert_eq!(
            translate_serde_error("invalid type: integer `12`, expected struct RawYearFile"),
            "forkert type: fandt tallet 12, forventede en mapping (nøgle: værdi)"
        );
        assert_eq!(
            translate_serde_error("invalid type: string \"x\", expected u16"),
            "forkert type: fandt teksten \"x\", forventede et helt tal"
        );
    }
}
