//! `helhed importer`: a sheet's figures into the data folder's year files,
//! through every stage (read the sheet, match it to the plan, compare, edit
//! the YAML texts, read the result again). The caller writes the files.

use crate::model::diag::{Diagnostics, Failed};
use crate::render::Output;
use crate::{Config, eval, input, model, present, render, validate};
use std::path::PathBuf;

/// What `helhed importer` is asked to do.
#[derive(Debug, Clone, Default)]
pub struct ImportRequest {
    /// The sheet to read.
    pub file: PathBuf,
    /// A setup in `data/import/<navn>.yaml` to read it by.
    pub setup: Option<String>,
    /// The setup's fields given as flags; they take precedence.
    pub flags: input::setup::RawSetup,
    /// Replace figures that differ from the sheet's (`--overskriv`).
    pub overwrite: bool,
    /// Only say what would change (`--tør`).
    pub dry_run: bool,
}

/// What an import changes: the year files' new texts (paths relative to the
/// data folder), and the report.
#[derive(Debug)]
pub struct Imported {
    /// The changed and new year files.
    pub files: Vec<Output>,
    /// What changes (each figure added, filled in, replaced or in conflict,
    /// in the sheet's order), and a summary line.
    pub report: Vec<String>,
    /// Problems that did not stop the import (years outside the plan's).
    pub warnings: Diagnostics,
}

/// Reads a sheet's figures into the data folder's year files (in memory;
/// the caller writes `files`). Every problem is collected; the new files are
/// read and checked again before they are returned, so an import never
/// leaves a file helhed cannot read or one that says other than the sheet.
pub fn import(config: &Config, request: &ImportRequest) -> Result<Imported, Failed> {
    use validate::import::Origin;
    let mut diags = Diagnostics::default();
    crate::one_plan(config, &mut diags)?;
    let mut loaded = input::load(&config.data, render::fonts::shown, &mut diags);
    let setup = match &request.setup {
        None => None,
        Some(name) => {
            let found = loaded.setups.iter().position(|s| {
                let stem = s.rel.strip_prefix("import/").unwrap_or(&s.rel);
                stem == format!("{name}.yaml") || stem == format!("{name}.yml")
            });
            if found.is_none() {
                let known: Vec<&str> = loaded.setups.iter().map(|s| s.rel.as_str()).collect();
                diags.error(
                    &config.data.join(input::setup::IMPORT_DIR).join(format!("{name}.yaml")),
                    None,
                    format!("opsætningen findes ikke (datamappen har: {})", model::text::join_or_none(&known)),
                );
            }
            found.map(|i| loaded.setups.swap_remove(i))
        }
    };
    let Some(model) = validate::validate(loaded, &mut diags).filter(|_| !diags.has_errors()) else {
        return Err(Failed(diags));
    };
    // The setup file's own problems are told at its lines.
    if let Some(setup) = &setup
        && validate::import::layout(&model, &setup.content, &Origin::File(setup), &mut diags).is_none()
    {
        return Err(Failed(diags));
    }
    let raw = setup.map(|s| s.content).unwrap_or_default().overridden_by(request.flags.clone());
    let origin = Origin::Flags(&request.file);
    let layout = validate::import::layout(&model, &raw, &origin, &mut diags);
    let options = validate::import::sheet_options(&raw, &origin, &mut diags);
    let workbook = input::sheet::read_file(&request.file, &options, &mut diags);
    let (Some(layout), Some(workbook)) = (layout, workbook) else {
        return Err(Failed(diags));
    };
    let records = validate::import::records::records(&model, &layout, &workbook, options.sheet.is_some(), &mut diags);
    if diags.has_errors() {
        return Err(Failed(diags));
    }
    if records.is_empty() {
        diags.warning(
            &request.file,
            None,
            "arket gav ingen tal: se efter, om tabellens form, filteret og årene passer",
        );
    }
    let changes = eval::import::changes(&model, &records, request.overwrite);
    let report = present::import::report(&changes, request.dry_run, &config.data);
    let mut texts = Vec::new();
    for edits in present::import::edits(&changes) {
        let path = config.data.join(&edits.file);
        let old = match input::read_text(&path, &mut diags) {
            Some(Some(text)) => text,
            Some(None) => edits.new_file.clone().unwrap_or_default(),
            None => continue,
        };
        match render::yaml_edit::apply(&old, &edits.edits) {
            Ok(new) if new != old => texts.push((edits.file.clone(), new)),
            Ok(_) => {}
            Err(e) => diags.error(&path, Some(model::diag::Pos { line: e.line(), column: 1 }), e.message()),
        }
    }
    if diags.has_errors() {
        return Err(Failed(diags));
    }
    reread(config, &texts, &records, &changes, &mut diags);
    if diags.has_errors() {
        return Err(Failed(diags));
    }
    let files = texts.into_iter().map(|(file, text)| Output {
        rel: PathBuf::from(file),
        bytes: text.into_bytes(),
        pages: None,
    });
    Ok(Imported { files: files.collect(), report, warnings: diags })
}

/// Reads the data folder again with the imported files' new texts, and
/// checks that each figure reads as imported: `records` compared again is
/// unchanged, but for the conflicts of `changes` (the records compared
/// before, in the same order), which were left alone.
fn reread(
    config: &Config,
    texts: &[(String, String)],
    records: &[model::import::Record],
    changes: &[eval::import::Change],
    diags: &mut Diagnostics,
) {
    let mut again = Diagnostics::default();
    let mut loaded = input::load(&config.data, render::fonts::shown, &mut again);
    for (rel, text) in texts {
        loaded.years.retain(|s| &s.rel != rel);
        loaded.years.extend(input::parse_year_file(&config.data, rel, text, render::fonts::shown, &mut again));
    }
    let model = validate::validate(loaded, &mut again);
    if again.has_errors() {
        diags.extend(again);
        diags.error(
            &config.data,
            None,
            "importen er ikke skrevet: datamappen ville ikke kunne læses bagefter (se ovenfor)",
        );
        return;
    }
    let Some(model) = model else { return };
    use eval::import::Outcome;
    for (before, change) in changes.iter().zip(eval::import::changes(&model, records, false)) {
        if change.outcome != Outcome::Unchanged && before.outcome != Outcome::Conflict {
            diags.error(
                &config.data.join(&change.file),
                None,
                format!(
                    "importen er ikke skrevet: «{}» ville ikke stå som i kilden (en fejl i helhed; meld den)",
                    change.record.key.id()
                ),
            );
        }
    }
}
