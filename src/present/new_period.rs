//! The files `helhed ny-periode` writes to start a half-year: the status
//! file with every text the half-year needs (the half-year before's text as
//! a starting point), the year files' half-year blocks with the counts to
//! enter left blank, and the spending file with a blank line per budget
//! line. Only files that do not exist are written (by `output`); what
//! belongs in a file that exists is said instead.

use crate::eval::gaps::half_figures_needed;
use crate::input::{SPENDING_DIR, STATUS_DIR};
use crate::model::{GoalStatus, Model, Period, Rule};
use crate::present::front::short_title;
use std::path::PathBuf;

/// A file to start the half-year with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    /// Its path under the data folder: `status/2019-h1.yaml`.
    pub rel: PathBuf,
    /// Its YAML.
    pub text: String,
    /// What goes into the file when it already exists: the lines to add
    /// (the year file of an H2, which holds H1's figures).
    pub to_add: Option<String>,
}

/// The files that start `period`.
pub fn files(model: &Model, period: Period) -> Vec<NewFile> {
    let mut out = vec![status_file(model, period)];
    out.extend(year_files(model, period));
    if let Some(f) = spending_file(model, period) {
        out.push(f);
    }
    out
}

/// A text as a YAML literal block at `indent` spaces: every line kept.
fn block(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let lines: Vec<String> =
        text.trim().lines().map(|l| if l.trim().is_empty() { String::new() } else { format!("{pad}{l}") }).collect();
    lines.join("\n")
}

/// A name on one line, for a YAML comment: a line break would end the comment.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A string as YAML: double-quoted (JSON is YAML), so any text is safe; a
/// budget line's name as its key in the spending file.
pub(crate) fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

fn status_file(model: &Model, period: Period) -> NewFile {
    let before = period.previous();
    let previous = model.status.get(&before);
    let half = period.danish();
    let was = before.danish();
    let mut y = format!(
        "# Sekretariatets status for {half}, lavet af «helhed ny-periode».\n\
         # Teksterne er fra {was} som udgangspunkt. Ret hver tekst, så den handler om\n\
         # {half}: `helhed check` melder en tekst, der stadig er den samme som i\n\
         # {was}, som ikke opdateret, og statusrapportens forside siger, hvad der mangler.\n"
    );
    if previous.is_some_and(|p| p.example) {
        y.push_str("# Teksterne er eksempler: fjern linjen, når de er jeres egne.\neksempeldata: true\n");
    }
    y.push_str(
        "# Halvårets sammenfatning til statusrapportens forside (skriv den efter\n\
         # kolon som en blok: `sammenfatning: >-` og teksten på linjerne under).\n\
         sammenfatning:\n\
         # Intern note til bestyrelsen (valgfri); står kun i statusrapporten.\n\
         til_bestyrelsen:\n",
    );
    // Written assessments: every qualitative criterion, and every criterion
    // assessed the half-year before.
    let assessed: Vec<&crate::model::Criterion> = model
        .criteria
        .iter()
        .filter(|c| c.is_qualitative() || previous.is_some_and(|p| p.assessments.contains_key(&c.id)))
        .collect();
    if !assessed.is_empty() {
        y.push_str("# De skriftlige vurderinger af succeskriterierne. Status er en af: opfyldt,\n# på vej, ikke opfyldt, ikke målt endnu.\nvurderinger:\n");
    }
    for c in assessed {
        let title = one_line(&short_title(&c.text, c.short.as_deref()));
        let qualitative = c.targets.iter().all(|t| t.rule == Rule::Qualitative);
        match previous.and_then(|p| p.assessments.get(&c.id)) {
            Some(a) => {
                y.push_str(&format!("  # {title}. Ikke opdateret: teksten er fra {was}.\n  {}:\n", c.id));
                if qualitative {
                    let status = a.status.unwrap_or(GoalStatus::NotMeasured);
                    y.push_str(&format!("    status: {}\n", status.danish()));
                }
                y.push_str(&format!("    tekst: |-\n{}\n", block(&a.text, 6)));
            }
            None => {
                y.push_str(&format!(
                    "  # {title}: skriv vurderingen og fjern # foran de tre linjer.\n  # {}:\n  #   status: ikke målt endnu\n  #   tekst: Skriv vurderingen her.\n",
                    c.id
                ));
            }
        }
    }
    if !model.activities.is_empty() {
        y.push_str("# Status pr. aktivitet for halvåret.\naktiviteter:\n");
    }
    for a in &model.activities {
        match previous.and_then(|p| p.activities.get(&a.id)) {
            Some(text) => y.push_str(&format!(
                "  # {}. Ikke opdateret: teksten er fra {was}.\n  {}: |-\n{}\n",
                one_line(&a.name),
                a.id,
                block(text, 4)
            )),
            None => y.push_str(&format!(
                "  # {}: skriv halvårets status og fjern # foran linjen.\n  # {}: Skriv status her.\n",
                one_line(&a.name),
                a.id
            )),
        }
    }
    NewFile { rel: PathBuf::from(STATUS_DIR).join(format!("{}.yaml", period.slug())), text: y, to_add: None }
}

/// Each area's year file with the half-year's counts to enter left blank.
/// For a year file that exists, what to add to it: the half-year's block if
/// it has none, else the counts its block lacks.
fn year_files(model: &Model, period: Period) -> Vec<NewFile> {
    let needed = half_figures_needed(model, period);
    let mut out = Vec::new();
    let blank = |m: &str| {
        let name = model.measure(m).map_or(String::new(), |x| one_line(&x.name));
        format!("{m}:   # {name}, {}\n", period.danish())
    };
    for series in &model.series {
        let measures: Vec<&str> = needed.iter().filter(|(s, _)| *s == series.id).map(|(_, m)| m.as_str()).collect();
        if measures.is_empty() {
            continue;
        }
        let block_of = |ms: &[&str]| {
            let mut half = format!("h{}:\n  antal:\n", period.half);
            for m in ms {
                half.push_str(&format!("    {}", blank(m)));
            }
            half
        };
        let h = usize::from(period.half - 1);
        let existing = model.year(&series.id, period.year).map(|y| (&y.halves[h], &y.blank_halves[h]));
        let to_add = match existing {
            // No file yet (or one without this half-year): the whole block.
            None | Some((None, _)) => Some(block_of(&measures)),
            // The block is there: the counts it lacks (not even blank), to write under it.
            Some((Some(half), blanks)) => {
                let lacking: Vec<&str> = measures
                    .iter()
                    .copied()
                    .filter(|m| !half.contains_key(*m) && !blanks.iter().any(|b| b == m))
                    .collect();
                if lacking.is_empty() {
                    continue;
                }
                Some(lacking.iter().map(|m| format!("      {}", blank(m))).collect::<String>())
            }
        };
        let text = format!(
            "# {} {}: årets tal skrives under antal: og værdier:, når de foreligger.\n\
             # Halvårets antal er tomme: skriv tallet efter kolon.\n{}",
            one_line(&series.name),
            period.year,
            block_of(&measures)
        );
        out.push(NewFile { rel: PathBuf::from(&series.id).join(format!("{}.yaml", period.year)), text, to_add });
    }
    out
}

/// The half-year's spending, a blank line per budget line budgeted that year.
fn spending_file(model: &Model, period: Period) -> Option<NewFile> {
    let budget = model.budget.as_ref()?;
    let lines: Vec<&crate::model::budget::Line> = budget
        .sections
        .iter()
        .flat_map(|s| &s.lines)
        .filter(|l| l.budgeted_in(period.year) && !l.spent.contains_key(&period))
        .collect();
    if lines.is_empty() {
        return None;
    }
    let mut y = format!(
        "# Forbruget i {} i t.kr. pr. budgetlinje (navnene som i budget.yaml).\n\
         # Skriv beløbet efter kolon; en tom linje er ikke indberettet endnu.\nlinjer:\n",
        period.danish()
    );
    let mut written: Vec<&str> = Vec::new();
    for l in lines {
        // Two lines of the same name are one key; `check` asks for unique names.
        if !written.contains(&l.name.as_str()) {
            written.push(&l.name);
            y.push_str(&format!("  {}:\n", quoted(&l.name)));
        }
    }
    Some(NewFile { rel: PathBuf::from(SPENDING_DIR).join(format!("{}.yaml", period.slug())), text: y, to_add: None })
}
