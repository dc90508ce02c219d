//! The appendix's *aktivitetsark*: one sheet per activity in the manner of
//! a statusskema (seed 004): what it is and for whom, where it runs, its
//! economy from the budget lines tied to it, its success criteria and how
//! they stand, its status for the half-year, and its planned follow-up.
//! And the written assessments of the qualitative criteria.

use crate::eval::Evaluated;
use crate::eval::goals::CriterionResult;
use crate::model::text::{format_da, join_names, join_with};
use crate::model::{GoalStatus, Model, Rule};
use crate::present::budget::SheetWidths;
use crate::present::columns::{figure_width, widest};
use crate::present::front::short_title;
use crate::present::report::{MarkingView, StatusMark, area_names, effect_points, effect_text};
use rust_decimal::Decimal;
use serde::Serialize;

/// One activity's sheet.
#[derive(Debug, Clone, Serialize)]
pub struct ActivitySheet {
    /// The section's label: `akt-fritidsjob`.
    pub label: String,
    /// Name.
    pub navn: String,
    /// The strand of work's name.
    #[serde(rename = "indsatsområde")]
    pub indsatsomraade: String,
    /// What it is.
    pub beskrivelse: Option<String>,
    /// Its sub-points.
    pub delpunkter: Vec<String>,
    /// Where it runs: `Motalavej og Sydbyen`, or `Alle områder`.
    #[serde(rename = "områder")]
    pub omraader: String,
    /// Who it is for.
    #[serde(rename = "målgruppe")]
    pub maalgruppe: Option<String>,
    /// How and when it is followed up.
    #[serde(rename = "opfølgning")]
    pub opfoelgning: Option<String>,
    /// The budget lines tied to it, if any.
    #[serde(rename = "økonomi")]
    pub oekonomi: Option<ActivityEconomy>,
    /// Its success criteria and their status.
    #[serde(rename = "mål")]
    pub maal: Vec<ActivityGoal>,
    /// Its status for the half-year, as written; none when missing.
    pub status: Option<String>,
    /// How its criteria stand: `2 af 3 succeskriterier er opfyldt; 1 er ikke opfyldt.`
    #[serde(rename = "målopfyldelse")]
    pub maalopfyldelse: String,
    /// Expected effect on the list criteria: lead text and points.
    #[serde(rename = "påvirkning")]
    pub paavirkning: Option<String>,
    /// Its points.
    #[serde(rename = "påvirkning_punkter")]
    pub paavirkning_punkter: Vec<String>,
    /// Its marking.
    pub markering: Option<MarkingView>,
}

/// The economy of an activity: its budget lines per year.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityEconomy {
    /// The budget years.
    #[serde(rename = "år")]
    pub aar: Vec<String>,
    /// Its budget per year (the lines tied to it, summed), t.kr.
    pub budget: Vec<String>,
    /// The total.
    pub i_alt: String,
    /// Spent per year up to the half-year, t.kr., or a dash.
    pub forbrug: Vec<String>,
    /// The lines it is made of: `Tryghed og trivsel: Bydelsforældre`.
    pub linjer: Vec<String>,
    /// The widest amount of each year column (budget and spending) and of
    /// the total, in thousandths of an em, for fixed column widths.
    pub bredder: SheetWidths,
}

/// A success criterion of an activity.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityGoal {
    /// Its short title.
    pub titel: String,
    /// Its status.
    pub status: StatusMark,
}

/// A written assessment of a qualitative criterion.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentView {
    /// The section's label: `vurd-beboerindflydelse`.
    pub label: String,
    /// The criterion's short title.
    pub titel: String,
    /// The criterion as the plan words it.
    pub tekst: String,
    /// Its status.
    pub status: StatusMark,
    /// The areas it applies to: `Motalavej og Ringparken …`.
    #[serde(rename = "områder")]
    pub omraader: String,
    /// The secretariat's assessment for the half-year, if written.
    pub vurdering: Option<String>,
    /// Where the assessment rests.
    pub datakilde: String,
}

/// The written assessments of the qualitative criteria, each printed once
/// with the areas it applies to.
pub fn assessments(model: &Model, results: &[CriterionResult]) -> Vec<AssessmentView> {
    model
        .criteria
        .iter()
        .zip(results)
        .filter(|(_, r)| !r.evaluations.is_empty() && r.evaluations.iter().all(|e| e.rule == Rule::Qualitative))
        .map(|(c, r)| {
            let names: Vec<&str> = r.evaluations.iter().map(|e| e.name.as_str()).collect();
            AssessmentView {
                label: format!("vurd-{}", c.id),
                titel: short_title(&c.text, c.short.as_deref()),
                tekst: c.text.clone(),
                status: r.status.into(),
                omraader: join_names(&names),
                vurdering: r.assessment.clone(),
                datakilde: c.source.clone(),
            }
        })
        .collect()
}

/// Every activity's sheet, in the plan's order.
pub fn activity_sheets(model: &Model, evaluated: &Evaluated) -> Vec<ActivitySheet> {
    let status = model.status.get(&evaluated.period);
    model
        .activities
        .iter()
        .map(|a| {
            let goals: Vec<(&crate::model::Criterion, &CriterionResult)> = model
                .criteria
                .iter()
                .zip(&evaluated.criteria)
                .filter(|(c, _)| c.activity.as_deref() == Some(a.id.as_str()))
                .collect();
            let omraader = a.areas.as_ref().map_or_else(|| "Alle områder".to_string(), |ids| area_names(model, ids));
            ActivitySheet {
                label: format!("akt-{}", a.id),
                navn: a.name.clone(),
                indsatsomraade: model
                    .focus_areas
                    .iter()
                    .find(|f| f.id == a.focus_area)
                    .map_or_else(String::new, |f| f.name.clone()),
                beskrivelse: a.description.clone(),
                delpunkter: a.points.clone(),
                omraader,
                maalgruppe: a.target_group.clone(),
                opfoelgning: a.follow_up.clone(),
                oekonomi: economy(evaluated, &a.id),
                maal: goals
                    .iter()
                    .map(|(c, r)| ActivityGoal {
                        titel: short_title(&c.text, c.short.as_deref()),
                        status: r.status.into(),
                    })
                    .collect(),
                status: status.and_then(|s| s.activities.get(&a.id)).cloned(),
                maalopfyldelse: fulfilment(goals.iter().map(|(_, r)| r.status)),
                paavirkning: effect_text(a),
                paavirkning_punkter: effect_points(a),
                markering: a.marking.map(MarkingView::from),
            }
        })
        .collect()
}

/// `2 af 3 succeskriterier er opfyldt; 1 er ikke opfyldt.`
fn fulfilment(statuses: impl Iterator<Item = GoalStatus>) -> String {
    let statuses: Vec<GoalStatus> = statuses.collect();
    if statuses.is_empty() {
        return "Aktiviteten har ingen succeskriterier af sine egne.".to_string();
    }
    let n = statuses.len();
    let parts: Vec<String> = GoalStatus::ALL
        .iter()
        .map(|s| (s, statuses.iter().filter(|x| *x == s).count()))
        .filter(|(_, k)| *k > 0)
        .map(|(s, k)| format!("{k} {}", s.danish()))
        .collect();
    let noun = if n == 1 { "succeskriterium" } else { "succeskriterier" };
    format!("Af {n} {noun}: {}.", join_with(&parts, "og"))
}

/// The budget lines tied to an activity, summed per year, with spending.
fn economy(evaluated: &Evaluated, activity: &str) -> Option<ActivityEconomy> {
    let budget = evaluated.budget_to_period.as_ref()?;
    let lines: Vec<(&str, &crate::eval::budget::LineTotals)> = budget
        .sections
        .iter()
        .flat_map(|s| s.lines.iter().map(move |l| (s.name.as_str(), l)))
        .filter(|(_, l)| l.activity.as_deref() == Some(activity))
        .collect();
    if lines.is_empty() {
        return None;
    }
    let tkr = |v: Decimal| format_da(v, 0);
    let per_year: Vec<Decimal> = (0..budget.years.len())
        .map(|i| lines.iter().map(|(_, l)| l.per_year.get(i).copied().unwrap_or_default()).sum())
        .collect();
    let forbrug: Vec<String> = budget
        .years
        .iter()
        .map(|y| {
            let spent: Vec<Decimal> =
                lines.iter().flat_map(|(_, l)| l.spending.iter().filter(|s| s.year == *y).map(|s| s.spent)).collect();
            if spent.is_empty() { "–".to_string() } else { tkr(spent.iter().sum()) }
        })
        .collect();
    let budget_cells: Vec<String> = per_year.iter().map(|v| tkr(*v)).collect();
    let i_alt = tkr(per_year.iter().sum());
    let bredder = SheetWidths {
        aar: budget_cells.iter().zip(&forbrug).map(|(b, f)| widest([b, f].into_iter())).collect(),
        i_alt: figure_width(&i_alt),
    };
    Some(ActivityEconomy {
        aar: budget.years.iter().map(u16::to_string).collect(),
        budget: budget_cells,
        i_alt,
        forbrug,
        linjer: lines.iter().map(|(s, l)| format!("{s}: {}", l.name)).collect(),
        bredder,
    })
}
