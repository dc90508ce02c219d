//! The overview of a data folder that holds several plans (one folder
//! each): every plan's criteria status counts, its areas' list status, its
//! spending and its key figures, side by side. It is made from one small
//! [`PlanSummary`] per plan, so a build keeps no plan's figures once that
//! plan is done. The PDF (`oversigt-<halvår>.pdf`), the site's front page,
//! `tal.json` and `tal.xlsx` of the folder all read [`Overview`].

use crate::eval::Evaluated;
use crate::eval::budget::Spending;
use crate::eval::public::{Hidden, Public};
use crate::model::{Date, GoalStatus, Model, Period, SeriesKind, TOTAL_ID};
use crate::present::budget::SpendingView;
use crate::present::front::{CountView, KeyFigureView, count_views, key_figures};
use crate::present::report::{DASH, PeriodView, StatusMark, list_views};
use crate::present::site::HIDDEN;
use serde::Serialize;

/// The overview's format, as `tal.json` and `data.json` name theirs.
pub const FORMAT: &str = "helhed-oversigt/1";

/// One plan's line in the overview.
#[derive(Debug, Clone, Serialize)]
pub struct PlanSummary {
    /// The plan's folder in the data folder, and in `out/` and `out/site/`.
    pub mappe: String,
    /// The plan's name.
    pub navn: String,
    /// Its municipality.
    pub kommune: Option<String>,
    /// The half-year reported on.
    pub periode: PeriodView,
    /// When its figures were last updated: `15. januar 2019`.
    pub datadato: String,
    /// How many areas it has.
    #[serde(rename = "områder")]
    pub omraader: usize,
    /// How many success criteria.
    pub kriterier: usize,
    /// How many criteria have each status, in the order of [`GoalStatus::ALL`].
    pub status_antal: Vec<CountView>,
    /// Each area's list status.
    pub lister: Vec<AreaList>,
    /// The plan's key figures (its indicators marked `forside: true`).
    #[serde(rename = "nøgletal")]
    pub noegletal: Vec<KeyFigureView>,
    /// The same as the public site may show them: a value built on a small
    /// count of persons is `skjult` (with its requirement), and no change is
    /// shown, as on the plan's own site.
    #[serde(rename = "offentlige_nøgletal")]
    pub offentlige_noegletal: Vec<KeyFigureView>,
    /// The latest year's spending against budget.
    pub forbrug: Option<SpendingView>,
    /// Whether a figure or outcome shown is illustrative.
    pub eksempel: bool,
    /// Its documents, relative to the output folder.
    pub filer: PlanFiles,
    /// The date of its figures.
    #[serde(skip)]
    pub data_date: Date,
    /// The latest year's spending, exact (`forbrug` in words).
    #[serde(skip)]
    pub spending: Option<Spending>,
}

/// An area's list status.
#[derive(Debug, Clone, Serialize)]
pub struct AreaList {
    /// The area's name.
    #[serde(rename = "område")]
    pub omraade: String,
    /// `Udsat boligområde`, `Ikke på nogen liste`, `Kan ikke afgøres`.
    pub udfald: String,
    /// A calculation before the official list is out.
    pub prognose: bool,
    /// Built on illustrative figures.
    pub eksempel: bool,
}

/// Where a plan's documents are, relative to the output folder.
#[derive(Debug, Clone, Serialize)]
pub struct PlanFiles {
    /// `vestby/statusrapport-2018-h2.pdf`.
    pub statusrapport: String,
    /// `vestby/helhedsevaluering-2018.pdf`.
    pub helhedsevaluering: String,
    /// `vestby/tal.json`.
    pub tal: String,
    /// Its site's front page: `site/vestby/index.html`.
    pub hjemmeside: String,
}

/// A plan's line, from its evaluation.
pub fn summary(folder: &str, model: &Model, evaluated: &Evaluated, files: PlanFiles) -> PlanSummary {
    let results = &evaluated.criteria;
    let lister: Vec<AreaList> = list_views(model, &evaluated.lists)
        .into_iter()
        .map(|l| AreaList { omraade: l.omraade, udfald: l.udfald, prognose: l.prognose, eksempel: l.eksempel })
        .collect();
    let noegletal = key_figures(model, &evaluated.trends, results);
    // As the plan's own site shows them: a value built on a small count is
    // `<5` or `skjult`, and a requirement is hidden when any of samlet's
    // values up to the half-year is (it is often built on an earlier one).
    let public = Public::new(model);
    let offentlige_noegletal = noegletal
        .iter()
        .map(|k| {
            let mut k = k.clone();
            k.aendring = DASH.to_string();
            let found = model.indicators.iter().zip(&evaluated.trends).find(|(ind, _)| ind.id == k.tal.indicator);
            let Some((ind, trend)) = found else { return k };
            let latest =
                trend.rows.iter().find(|r| r.kind == SeriesKind::Total).and_then(|r| r.latest()).and_then(|p| p.value);
            match latest.and_then(|v| public.hides(ind, &v)) {
                Some(Hidden::SmallCount) => k.vaerdi = format!("<{}", public.below),
                Some(Hidden::FromSmallCount) => k.vaerdi = HIDDEN.to_string(),
                None => {}
            }
            if latest.is_some_and(|v| public.hides(ind, &v).is_some()) {
                k.eksempel = false;
            }
            if public.series_hidden(ind, trend, TOTAL_ID, evaluated.period) {
                k.krav = DASH.to_string();
            }
            k
        })
        .collect();
    let forbrug = evaluated.budget_to_period.as_ref().and_then(|t| t.spending.last()).map(SpendingView::of);
    let budget_example = evaluated.budget_to_period.as_ref().is_some_and(|b| b.example);
    let eksempel = noegletal.iter().any(|k| k.eksempel) || lister.iter().any(|l| l.eksempel) || budget_example;
    PlanSummary {
        mappe: folder.to_string(),
        navn: model.plan.name.clone(),
        kommune: model.plan.municipality.clone(),
        periode: PeriodView { id: evaluated.period.to_string(), tekst: evaluated.period.danish() },
        datadato: model.plan.data_date.danish(),
        omraader: model.areas().count(),
        kriterier: results.len(),
        status_antal: count_views(model, results),
        lister,
        noegletal,
        offentlige_noegletal,
        forbrug,
        eksempel,
        filer: files,
        data_date: model.plan.data_date,
        spending: evaluated.budget_to_period.as_ref().and_then(|t| t.spending.last()).cloned(),
    }
}

/// The overview of all plans.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// [`FORMAT`].
    pub format: &'static str,
    /// `Oversigt over 3 helhedsplaner`.
    pub titel: String,
    /// The half-years reported on: `2. halvår 2018`, or several.
    pub perioder: String,
    /// The latest of them, for the file's name.
    #[serde(skip)]
    pub periode: Period,
    /// The latest date of the plans' figures: the documents' date.
    #[serde(skip)]
    pub data_date: Date,
    /// The statuses, the count table's columns.
    pub statusser: Vec<StatusMark>,
    /// The plans, in the order of their folders.
    pub planer: Vec<PlanSummary>,
    /// Every key figure that some plan shows, with each plan's value.
    #[serde(rename = "nøgletal")]
    pub noegletal: Vec<KeyFigureTable>,
    /// How many areas have each list outcome, over all plans.
    pub lister: Vec<ListCount>,
    /// Whether any figure shown is illustrative.
    pub eksempeldata: bool,
}

/// One key figure across the plans that show it.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigureTable {
    /// `Trygge beboere (%)`.
    pub titel: String,
    /// The plans' values, in the order of the plans.
    #[serde(rename = "rækker")]
    pub raekker: Vec<KeyFigureRow>,
}

/// A plan's value of a key figure.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigureRow {
    /// The plan's name.
    pub plan: String,
    /// The figure.
    #[serde(flatten)]
    pub tal: KeyFigureView,
}

/// How many areas have a list outcome.
#[derive(Debug, Clone, Serialize)]
pub struct ListCount {
    /// The outcome.
    pub udfald: String,
    /// How many areas.
    pub antal: usize,
}

/// The overview of `plans` (in the order of their folders).
pub fn overview(plans: Vec<PlanSummary>) -> Overview {
    let mut periods: Vec<(String, String)> =
        plans.iter().map(|p| (p.periode.id.clone(), p.periode.tekst.clone())).collect();
    periods.sort();
    periods.dedup();
    let perioder = crate::model::text::join_names(&periods.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>());
    let periode = periods.last().and_then(|(id, _)| id.parse().ok()).unwrap_or(Period { year: 2000, half: 2 });
    let mut noegletal: Vec<KeyFigureTable> = Vec::new();
    for plan in &plans {
        for k in &plan.noegletal {
            let row = KeyFigureRow { plan: plan.navn.clone(), tal: k.clone() };
            match noegletal.iter_mut().find(|t| t.titel == k.titel) {
                Some(table) => table.raekker.push(row),
                None => noegletal.push(KeyFigureTable { titel: k.titel.clone(), raekker: vec![row] }),
            }
        }
    }
    let mut lister: Vec<ListCount> = Vec::new();
    for l in plans.iter().flat_map(|p| &p.lister) {
        match lister.iter_mut().find(|c| c.udfald == l.udfald) {
            Some(c) => c.antal += 1,
            None => lister.push(ListCount { udfald: l.udfald.clone(), antal: 1 }),
        }
    }
    lister.sort_by(|a, b| b.antal.cmp(&a.antal).then_with(|| a.udfald.cmp(&b.udfald)));
    let n = plans.len();
    Overview {
        format: FORMAT,
        titel: format!("Oversigt over {n} helhedsplan{}", if n == 1 { "" } else { "er" }),
        perioder,
        periode,
        data_date: plans.iter().map(|p| p.data_date).max().unwrap_or(Date { year: 2000, month: 1, day: 1 }),
        statusser: GoalStatus::ALL.iter().map(|s| (*s).into()).collect(),
        eksempeldata: plans.iter().any(|p| p.eksempel),
        planer: plans,
        noegletal,
        lister,
    }
}
