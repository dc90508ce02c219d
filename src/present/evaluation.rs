//! The helhedsevaluering appendix's data (`data.json` of
//! `helhedsevaluering.typ`): the full evidence behind every indicator and
//! success criterion.

use crate::eval::Evaluated;
use crate::eval::values::Missing;
use crate::model::Model;
use crate::model::text::join_names;
use crate::present::activities::{self, ActivitySheet, AssessmentView};
use crate::present::budget::BudgetView;
use crate::present::charts;
use crate::present::report::{
    CountView, CriterionView, FORMAT, IndicatorView, ListView, PeriodView, PlanView, StatusMark, criterion_view,
    indicator_view, plan_view,
};
use serde::Serialize;

/// The data of the helhedsevaluering appendix: the full evidence behind every
/// indicator and success criterion.
#[derive(Debug, Clone, Serialize)]
pub struct EvaluationReport {
    /// [`FORMAT`]: the version of this shape.
    pub format: &'static str,
    /// The plan.
    pub plan: PlanView,
    /// The half-year the evaluation is made at.
    pub periode: PeriodView,
    /// The last year with annual figures: `2018`.
    #[serde(rename = "år")]
    pub aar: String,
    /// The date of the data.
    pub datadato: String,
    /// Whether any figure shown is illustrative.
    pub eksempeldata: bool,
    /// How many criteria have each status.
    pub status_antal: Vec<CountView>,
    /// Every criterion, briefly, with a reference to its indicator's
    /// section, grouped by strand of work in the plan's order.
    pub kriterier: Vec<CriterionGroup>,
    /// One section per indicator with figures.
    pub indikatorer: Vec<EvidenceView>,
    /// The written assessments of the qualitative criteria.
    pub vurderinger: Vec<AssessmentView>,
    /// One sheet per activity.
    pub aktiviteter: Vec<ActivitySheet>,
    /// The statutory lists: each area's latest list.
    pub listekriterier: Vec<ListView>,
    /// The budget in the budgetark's form, with spending up to the half-year.
    pub budget: Option<BudgetView>,
    /// The charts to place in the world: (file name, SVG text).
    #[serde(skip)]
    pub charts: Vec<(String, String)>,
}

/// The criteria of one strand of work in the appendix's overview.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionGroup {
    /// The strand of work's name.
    pub navn: String,
    /// Its criteria.
    pub kriterier: Vec<CriterionSummary>,
}

/// A criterion in the appendix's overview.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionSummary {
    /// The criterion as the plan words it.
    pub tekst: String,
    /// Its status.
    pub status: StatusMark,
    /// The section it is documented in (its label): its indicator's, or its
    /// written assessment's.
    pub afsnit: Option<String>,
    /// Where its figures come from.
    pub datakilde: String,
}

/// One indicator's evidence.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceView {
    /// The table, chart, changes, method and source, as in the statusrapport.
    #[serde(flatten)]
    pub indikator: IndicatorView,
    /// The section's label for cross-references: `ind-kriminalitet`.
    pub label: String,
    /// The success criteria measured on this indicator, with each series'
    /// requirement, value and sentence.
    #[serde(rename = "mål")]
    pub maal: Vec<CriterionView>,
    /// Per series, the years in the table without a value.
    pub mangler: Vec<String>,
}

/// Builds the helhedsevaluering's data at a half-year.
pub fn evaluation_report(model: &Model, evaluated: &Evaluated) -> EvaluationReport {
    let period = evaluated.period;
    let results = &evaluated.criteria;
    let trends = &evaluated.trends;
    let mut indikatorer = Vec::new();
    let mut charts = Vec::new();
    for (indicator, trend) in model.indicators.iter().zip(trends) {
        if trend.years.is_empty() {
            continue;
        }
        let mut targets = charts::target_lines(results, indicator, trend);
        targets.extend(charts::list_threshold_lines(&evaluated.lists, indicator, trend));
        let chart = charts::line_chart(model, indicator, trend, &targets);
        let view = indicator_view(model, indicator, trend, &targets, chart.texts);
        charts.push((view.figur.clone(), chart.svg));
        let maal = model
            .criteria
            .iter()
            .zip(results)
            .filter(|(c, _)| c.indicator.as_deref() == Some(indicator.id.as_str()))
            .map(|(c, r)| criterion_view(model, c, r))
            .collect();
        let mangler = trend
            .rows
            .iter()
            .filter_map(|r| {
                // A total that is not computed by design (an average) is
                // explained in its note, not listed as missing.
                let years: Vec<String> = r
                    .points
                    .iter()
                    .filter(|p| p.value.is_none() && !matches!(p.missing, Some(Missing::Average(_))))
                    .map(|p| p.year.to_string())
                    .collect();
                let years: Vec<&str> = years.iter().map(String::as_str).collect();
                (!years.is_empty()).then(|| format!("{}: {}", r.name, join_names(&years)))
            })
            .collect();
        indikatorer.push(EvidenceView { label: format!("ind-{}", indicator.id), indikator: view, maal, mangler });
    }
    let vurderinger = activities::assessments(model, results);
    let kriterier = model
        .focus_areas
        .iter()
        .map(|f| CriterionGroup {
            navn: f.name.clone(),
            kriterier: model
                .criteria
                .iter()
                .zip(results)
                .filter(|(c, _)| c.focus_area == f.id)
                .map(|(c, r)| CriterionSummary {
                    tekst: c.text.clone(),
                    status: r.status.into(),
                    afsnit: c
                        .indicator
                        .as_ref()
                        .filter(|id| indikatorer.iter().any(|i: &EvidenceView| &i.indikator.id == *id))
                        .map(|id| format!("ind-{id}"))
                        .or_else(|| {
                            vurderinger.iter().find(|v| v.label == format!("vurd-{}", c.id)).map(|v| v.label.clone())
                        }),
                    datakilde: c.source.clone(),
                })
                .collect(),
        })
        .filter(|g| !g.kriterier.is_empty())
        .collect();

    let aktiviteter = activities::activity_sheets(model, evaluated);
    let listekriterier = crate::present::report::list_views(model, &evaluated.lists);
    let budget = evaluated.budget_to_period.as_ref().map(crate::present::budget::budget_view);
    let eksempeldata = results.iter().flat_map(|r| &r.evaluations).any(|e| e.example)
        || indikatorer.iter().any(|i| i.indikator.raekker.iter().any(|r| r.celler.iter().any(|c| c.eksempel)))
        || listekriterier.iter().any(|l| l.eksempel)
        || budget.as_ref().is_some_and(|b| b.eksempel)
        || model.status.get(&period).is_some_and(|s| s.example);
    EvaluationReport {
        format: FORMAT,
        plan: plan_view(model),
        periode: PeriodView { id: period.to_string(), tekst: period.danish() },
        aar: period.last_full_year().to_string(),
        datadato: model.plan.data_date.danish(),
        eksempeldata,
        status_antal: crate::present::report::count_views(model, results),
        kriterier,
        indikatorer,
        vurderinger,
        aktiviteter,
        listekriterier,
        budget,
        charts,
    }
}
