//! What the half-year's report lacks, in Danish: as a to-do list grouped by
//! the file to fill in (`helhed check`, and `build`'s warnings), and as the
//! statusrapport front page's plain sentences.

use crate::eval::gaps::{Gap, Text};
use crate::input::{SPENDING_DIR, STATUS_DIR};
use crate::model::text::join_names;
use crate::model::{Model, Period};
use crate::present::front::short_title;
use crate::present::new_period::quoted;
use std::path::{Path, PathBuf};

/// The pieces to fill in in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodoFile {
    /// The file, under the data folder.
    pub file: PathBuf,
    /// What is missing in it, one line each.
    pub items: Vec<String>,
}

/// The to-do list for `period`: each gap under the file it is filled in,
/// the files in the order of `gaps`.
pub fn todo(model: &Model, period: Period, gaps: &[Gap], data: &Path) -> Vec<TodoFile> {
    let status_file = data.join(STATUS_DIR).join(format!("{}.yaml", period.slug()));
    let mut files: Vec<TodoFile> = Vec::new();
    let mut add = |file: PathBuf, item: String| match files.iter_mut().find(|f| f.file == file) {
        Some(f) => f.items.push(item),
        None => files.push(TodoFile { file, items: vec![item] }),
    };
    let previous = period.previous().danish();
    for gap in gaps {
        match gap {
            Gap::NoStatusFile => add(
                status_file.clone(),
                format!(
                    "filen findes ikke: sammenfatningen, aktiviteternes status og de skriftlige vurderinger for {} \
                     mangler (helhed ny-periode {period} laver den)",
                    period.danish()
                ),
            ),
            Gap::NoSummary => add(status_file.clone(), "sammenfatning: er ikke skrevet".into()),
            Gap::ActivityStatus { activity } => add(
                status_file.clone(),
                format!("aktiviteter: {}: har ingen status", keyed(activity, activity_name(model, activity))),
            ),
            Gap::Assessment { criterion } => add(
                status_file.clone(),
                format!(
                    "vurderinger: {}: har ingen skriftlig vurdering",
                    keyed(criterion, criterion_name(model, criterion))
                ),
            ),
            Gap::Unchanged(text) => {
                let what = match text {
                    Text::Summary => "sammenfatning".to_string(),
                    Text::ToBoard => "til_bestyrelsen".to_string(),
                    Text::Activity(id) => format!("aktiviteter: {}", keyed(id, activity_name(model, id))),
                    Text::Assessment(id) => format!("vurderinger: {}", keyed(id, criterion_name(model, id))),
                };
                add(status_file.clone(), format!("{what}: teksten er den samme som i {previous}; er den opdateret?"))
            }
            Gap::HalfFigure { area, measure } => add(
                data.join(area).join(format!("{}.yaml", period.year)),
                format!("h{}: antal: {measure}: mangler ({})", period.half, measure_name(model, measure)),
            ),
            Gap::Spending { lines, of } => {
                let file = data.join(SPENDING_DIR).join(format!("{}.yaml", period.slug()));
                if lines.len() == *of {
                    add(
                        file,
                        format!(
                            "forbruget for {} mangler på alle {of} budgetlinjer (helhed ny-periode {period} \
                             laver filen, hvis den ikke findes)",
                            period.danish()
                        ),
                    );
                } else {
                    for line in lines {
                        add(file.clone(), format!("linjer: {}: mangler", quoted(line)));
                    }
                }
            }
            Gap::DataDate { date } => add(
                model.plan.file.clone(),
                format!(
                    "datadato: {} er før halvåret slutter ({}); er datoen rettet?",
                    date.danish(),
                    period.end().danish()
                ),
            ),
        }
    }
    files
}

/// What the statusrapport lacks, in plain sentences for its front page.
pub fn front_lines(model: &Model, period: Period, gaps: &[Gap]) -> Vec<String> {
    let half = period.danish();
    let mut out = Vec::new();
    let count = |f: &dyn Fn(&Gap) -> bool| gaps.iter().filter(|g| f(g)).count();
    if gaps.contains(&Gap::NoStatusFile) {
        out.push(format!(
            "Sekretariatets tekster for {half} er ikke skrevet: der er ingen sammenfatning, status for aktiviteterne \
             eller skriftlige vurderinger."
        ));
    }
    if gaps.contains(&Gap::NoSummary) {
        out.push("Sammenfatningen for halvåret er ikke skrevet.".into());
    }
    let activities: Vec<String> = gaps
        .iter()
        .filter_map(|g| match g {
            Gap::ActivityStatus { activity } => Some(activity_name(model, activity)),
            _ => None,
        })
        .collect();
    if !activities.is_empty() {
        out.push(format!("{} har ingen status for {half}.", capitalised(&join_names(&strs(&activities)))));
    }
    let assessments = count(&|g| matches!(g, Gap::Assessment { .. }));
    if assessments > 0 {
        let word = if assessments == 1 { "skriftlig vurdering" } else { "skriftlige vurderinger" };
        out.push(format!("{assessments} {word} af et succeskriterium mangler."));
    }
    let unchanged = count(&|g| matches!(g, Gap::Unchanged(_)));
    if unchanged > 0 {
        let word = if unchanged == 1 { "tekst er" } else { "tekster er" };
        out.push(format!(
            "{unchanged} {word} den samme som i {} og er måske ikke opdateret.",
            period.previous().danish()
        ));
    }
    // Half-year figures, one sentence per measure.
    let mut measures: Vec<(&str, Vec<String>)> = Vec::new();
    for g in gaps {
        if let Gap::HalfFigure { area, measure } = g {
            let name = model.series.iter().find(|s| &s.id == area).map_or_else(|| area.clone(), |s| s.name.clone());
            match measures.iter_mut().find(|(m, _)| m == measure) {
                Some((_, areas)) => areas.push(name),
                None => measures.push((measure, vec![name])),
            }
        }
    }
    for (measure, areas) in measures {
        out.push(format!(
            "Tal for {} i {half} er ikke indberettet for {}.",
            measure_name(model, measure).to_lowercase(),
            join_names(&strs(&areas))
        ));
    }
    for g in gaps {
        match g {
            Gap::Spending { lines, of } if lines.len() == *of => {
                out.push(format!("Forbrug for {half} er ikke indberettet."));
            }
            Gap::Spending { lines, of } => {
                out.push(format!("Forbrug for {half} er ikke indberettet for {} af {of} budgetlinjer.", lines.len()));
            }
            Gap::DataDate { date } => out.push(format!(
                "Datagrundlaget er pr. {}, før halvåret sluttede {}.",
                date.danish(),
                period.end().danish()
            )),
            _ => {}
        }
    }
    out
}

fn strs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn activity_name(model: &Model, id: &str) -> String {
    model.activities.iter().find(|a| a.id == id).map_or_else(|| id.to_string(), |a| a.name.clone())
}

/// `bydelsforaeldre (Bydelsforældre)`: the key to write, and what it is.
fn keyed(id: &str, name: String) -> String {
    format!("{id} ({name})")
}

fn criterion_name(model: &Model, id: &str) -> String {
    model
        .criteria
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| short_title(&c.text, c.short.as_deref()))
}

fn measure_name(model: &Model, id: &str) -> String {
    model.measure(id).map_or_else(|| id.to_string(), |m| m.name.clone())
}
