//! What a half-year's report still lacks: the pieces the secretariat writes
//! or enters for each half-year. `helhed check` lists them as a to-do list,
//! `build` warns of them, and the statusrapport's front page says what is
//! missing, so that a board never takes a gap for a zero.

use crate::model::{Calc, Criterion, Model, Period, SeriesKind};
use crate::model::{Date, Per, Rule};

/// One piece the half-year's report lacks.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// There is no status file for the half-year.
    NoStatusFile,
    /// The status file has no summary (`sammenfatning`).
    NoSummary,
    /// An activity has no status for the half-year.
    ActivityStatus {
        /// Activity id.
        activity: String,
    },
    /// A qualitative criterion has no written assessment for the half-year.
    Assessment {
        /// Criterion id.
        criterion: String,
    },
    /// A text is the previous half-year's, word for word: not yet updated.
    Unchanged(Text),
    /// A count a half-year criterion is judged on has not been entered.
    HalfFigure {
        /// The area whose year file lacks it.
        area: String,
        /// Measure id.
        measure: String,
    },
    /// Budget lines without spending for the half-year.
    Spending {
        /// The lines' names, in the budget's order.
        lines: Vec<String>,
        /// How many lines the budget has.
        of: usize,
    },
    /// The plan's `datadato` is before the half-year ends.
    DataDate {
        /// The date in `plan.yaml`.
        date: Date,
    },
}

/// A text of the status file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Text {
    /// `sammenfatning`.
    Summary,
    /// `til_bestyrelsen`.
    ToBoard,
    /// An activity's status.
    Activity(String),
    /// A written assessment.
    Assessment(String),
}

/// Everything the report on `period` lacks, in the order of the files the
/// secretariat fills in: the status file, the year files, the budget, the plan.
pub fn gaps(model: &Model, period: Period) -> Vec<Gap> {
    let mut out = Vec::new();
    let status = model.status.get(&period);
    let previous = model.status.get(&period.previous());
    match status {
        None if !model.activities.is_empty() || model.criteria.iter().any(Criterion::is_qualitative) => {
            out.push(Gap::NoStatusFile)
        }
        None => {}
        Some(s) => {
            if s.summary.as_deref().is_none_or(|t| t.trim().is_empty()) {
                out.push(Gap::NoSummary);
            }
            let same = |now: Option<&str>, before: Option<&str>| {
                now.is_some_and(|n| !n.trim().is_empty() && before.is_some_and(|b| b.trim() == n.trim()))
            };
            if same(s.summary.as_deref(), previous.and_then(|p| p.summary.as_deref())) {
                out.push(Gap::Unchanged(Text::Summary));
            }
            if same(s.to_board.as_deref(), previous.and_then(|p| p.to_board.as_deref())) {
                out.push(Gap::Unchanged(Text::ToBoard));
            }
            for a in &model.activities {
                let now = s.activities.get(&a.id).map(String::as_str);
                if now.is_none_or(|t| t.trim().is_empty()) {
                    out.push(Gap::ActivityStatus { activity: a.id.clone() });
                } else if same(now, previous.and_then(|p| p.activities.get(&a.id)).map(String::as_str)) {
                    out.push(Gap::Unchanged(Text::Activity(a.id.clone())));
                }
            }
            for c in model.criteria.iter().filter(|c| c.is_qualitative()) {
                let now = s.assessments.get(&c.id).map(|a| a.text.as_str());
                if now.is_none_or(|t| t.trim().is_empty()) {
                    out.push(Gap::Assessment { criterion: c.id.clone() });
                }
            }
            for (id, a) in &s.assessments {
                let before = previous.and_then(|p| p.assessments.get(id)).map(|a| a.text.as_str());
                if same(Some(&a.text), before) {
                    out.push(Gap::Unchanged(Text::Assessment(id.clone())));
                }
            }
        }
    }
    for (area, measure) in half_figures_needed(model, period) {
        let entered = model
            .year(&area, period.year)
            .and_then(|y| y.halves[usize::from(period.half - 1)].as_ref())
            .is_some_and(|h| h.contains_key(&measure));
        if !entered {
            out.push(Gap::HalfFigure { area, measure });
        }
    }
    if let Some(budget) = &model.budget {
        let lines: Vec<&crate::model::budget::Line> = budget.sections.iter().flat_map(|s| &s.lines).collect();
        // A line budgeted for the half-year's year is expected to report spending.
        let due: Vec<&&crate::model::budget::Line> = lines.iter().filter(|l| l.budgeted_in(period.year)).collect();
        let missing: Vec<String> =
            due.iter().filter(|l| !l.spent.contains_key(&period)).map(|l| l.name.clone()).collect();
        if !missing.is_empty() {
            out.push(Gap::Spending { lines: missing, of: due.len() });
        }
    }
    if model.plan.data_date < period.end() {
        out.push(Gap::DataDate { date: model.plan.data_date });
    }
    out
}

/// The (series, measure) pairs counted for `period`: those the plan's
/// half-year criteria are judged on (for a target on an area, that area;
/// on samlet or a group, the areas it pools), and those counted for the
/// half-year before or the same half-year a year before, which the report
/// shows side by side. In the plan's order, each once.
pub fn half_figures_needed(model: &Model, period: Period) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let a_year_before = Period { year: period.year.saturating_sub(1), half: period.half };
    for series in &model.series {
        for before in [period.previous(), a_year_before] {
            let half =
                model.year(&series.id, before.year).and_then(|y| y.halves[usize::from(before.half - 1)].as_ref());
            for measure in half.into_iter().flat_map(|h| h.keys()) {
                let pair = (series.id.clone(), measure.clone());
                if !out.contains(&pair) {
                    out.push(pair);
                }
            }
        }
    }
    for c in &model.criteria {
        let Some(indicator) = c.indicator.as_deref().and_then(|id| model.indicator(id)) else { continue };
        let Calc::Count { measure } = &indicator.calc else { continue };
        for t in &c.targets {
            if !matches!(t.rule, Rule::MinCount { per: Per::Half, .. }) {
                continue;
            }
            let Some(series) = model.series.iter().find(|s| s.id == t.series) else { continue };
            let areas: Vec<String> = match series.kind {
                SeriesKind::Area => vec![series.id.clone()],
                SeriesKind::Total | SeriesKind::Group => {
                    model.pooled_areas(series, indicator).map(|a| a.id.clone()).collect()
                }
                SeriesKind::Reference => Vec::new(),
            };
            for area in areas {
                let pair = (area, measure.clone());
                if !out.contains(&pair) {
                    out.push(pair);
                }
            }
        }
    }
    out
}
