//! The statusrapport's front page: the status counts now and at the
//! half-year before, what changed between them, the key figures, and the
//! spending against budget. Both half-years are judged with the same data
//! and rules (`eval::Evaluated::previous`), so the changes always agree with
//! the counts.

use crate::eval::goals::{self, CriterionResult, When};
use crate::eval::values::Trend;
use crate::model::text::{format_change_da, join_names};
use crate::model::{GoalStatus, Model, Period, SeriesKind};
use crate::present::criteria;
use crate::present::report::{DASH, StatusMark, indicator_title, shown_decimals};
use rust_decimal::Decimal;
use serde::Serialize;

/// Criteria with one status.
#[derive(Debug, Clone, Serialize)]
pub struct CountView {
    /// The status mark.
    pub status: StatusMark,
    /// How many criteria.
    pub antal: usize,
    /// How many of them stand under each strand of work, in the order of
    /// `indsatsområder`: where to read them.
    #[serde(rename = "pr_indsatsområde")]
    pub pr_indsatsomraade: Vec<usize>,
}

/// A key figure on the front page: the plan as a whole.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigureView {
    /// The indicator's title: `Trygge beboere (%)`.
    pub titel: String,
    /// The year of the latest value of *samlet*.
    #[serde(rename = "år")]
    pub aar: String,
    /// That value: `73,6 %` (a unit other than % is in the title).
    #[serde(rename = "værdi")]
    pub vaerdi: String,
    /// Change since the year before, in the unit: `+2,0 procentpoint siden 2017`, or a dash.
    #[serde(rename = "ændring")]
    pub aendring: String,
    /// Samlet's requirement from the first criterion on the indicator that
    /// sets one: `højst 26,39`, or a dash.
    pub krav: String,
    /// Samlet's status against that requirement; without one, the worst
    /// status of the criteria measured on the indicator, if any.
    pub status: Option<StatusMark>,
    /// Whether a figure shown is illustrative.
    pub eksempel: bool,
    /// The figures themselves, exact, for a workbook (not in `data.json`).
    #[serde(skip)]
    pub tal: KeyNumbers,
}

/// A key figure's exact numbers.
#[derive(Debug, Clone)]
pub struct KeyNumbers {
    /// The indicator's id.
    pub indicator: String,
    /// The latest year.
    pub year: u16,
    /// Its value.
    pub value: Decimal,
    /// The decimals it is shown with.
    pub decimals: u32,
    /// The change since the latest year before with a value, in the unit,
    /// and that year.
    pub change: Option<(Decimal, u16)>,
    /// Samlet's requirement, with the decimals it is shown with.
    pub requirement: Option<(Decimal, u32)>,
}

/// How many criteria have each status, and under which strands of work.
pub fn count_views(model: &Model, results: &[CriterionResult]) -> Vec<CountView> {
    goals::count(results)
        .into_iter()
        .map(|(s, antal)| CountView {
            status: s.into(),
            antal,
            pr_indsatsomraade: model
                .focus_areas
                .iter()
                .map(|f| results.iter().filter(|c| c.status == s && c.focus_area == f.id).count())
                .collect(),
        })
        .collect()
}

/// The most criteria the front page lists as changed.
const MAX_CHANGES: usize = 10;

/// A criterion whose status changed since the previous half-year.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeItem {
    /// The criterion's short title (`kort:`, else its first clause).
    pub titel: String,
    /// The series whose status changed: `Motalavej og Sydbyen`.
    #[serde(rename = "områder")]
    pub omraader: String,
    /// The status before.
    pub fra: StatusMark,
    /// The status now.
    pub til: StatusMark,
    /// What was judged then and now: `2017 → 2018`, `ikke vurderet for 1. halvår 2019`.
    pub grundlag: String,
}

/// The changes since the previous half-year, in groups.
#[derive(Debug, Clone, Serialize)]
pub struct ChangesView {
    /// The non-empty groups: `forværret`, `ikke længere målt`, `forbedret`,
    /// `målt for første gang`, in that order.
    pub grupper: Vec<ChangeGroup>,
    /// How many criteria changed status in all.
    pub i_alt: usize,
    /// `2 forværret, 8 forbedret og 40 målt for første gang`, or empty.
    pub resume: String,
}

/// Criteria whose status changed the same way.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeGroup {
    /// `Forværret`, `Ikke længere målt`, `Forbedret`, `Målt for første gang`.
    pub overskrift: &'static str,
    /// How many.
    pub antal: usize,
    /// At most [`MAX_CHANGES`] of them, in the plan's order.
    pub punkter: Vec<ChangeItem>,
    /// How many more there are.
    pub flere: usize,
}

/// The criteria whose status changed since the previous half-year, both
/// judged with today's data and rules: those that got worse, then those no
/// longer measured, then those that improved, then those measured for the
/// first time; in the plan's order within each. Every change of the status
/// counts is here, so the list never contradicts them.
pub(crate) fn changes(
    model: &Model,
    before: &[CriterionResult],
    now: &[CriterionResult],
    now_period: Period,
) -> ChangesView {
    let rank = |s: GoalStatus| match s {
        GoalStatus::NotMet => 0,
        GoalStatus::OnTrack => 1,
        GoalStatus::Met => 2,
        GoalStatus::NotMeasured => 3,
    };
    let changed: Vec<(u8, ChangeItem)> = before
        .iter()
        .zip(now)
        .filter(|(b, n)| b.status != n.status)
        .map(|(b, n)| {
            let group = match (b.status, n.status) {
                (GoalStatus::NotMeasured, _) => 3,
                (_, GoalStatus::NotMeasured) => 1,
                (was, is) if rank(is) < rank(was) => 0,
                _ => 2,
            };
            let criterion = model.criteria.iter().find(|c| c.id == n.id);
            let titel =
                criterion.map_or_else(|| short_title(&n.text, None), |c| short_title(&c.text, c.short.as_deref()));
            // The series whose own status changed; all of them if none did
            // on its own (the worst of them moved).
            let moved: Vec<&str> = n
                .evaluations
                .iter()
                .filter(|e| b.evaluations.iter().find(|x| x.series == e.series).is_none_or(|x| x.status != e.status))
                .map(|e| e.name.as_str())
                .collect();
            let all: Vec<&str> = n.evaluations.iter().map(|e| e.name.as_str()).collect();
            let omraader = join_names(if moved.is_empty() { &all } else { &moved });
            // The periods judged, e.g. `2018` or `2017 og 2018`.
            let judged = |r: &CriterionResult| {
                let mut whens: Vec<String> = r
                    .evaluations
                    .iter()
                    .filter(|e| e.status != GoalStatus::NotMeasured)
                    .filter_map(|e| {
                        e.when.map(|w| match w {
                            When::Year(y) => y.to_string(),
                            When::Half(p) => p.danish(),
                        })
                    })
                    .collect();
                whens.sort();
                whens.dedup();
                (!whens.is_empty()).then(|| join_names(&whens.iter().map(String::as_str).collect::<Vec<_>>()))
            };
            let grundlag = match (judged(b), judged(n)) {
                (_, None)
                    if !n.evaluations.is_empty()
                        && n.evaluations.iter().all(|e| e.rule == crate::model::Rule::Qualitative) =>
                {
                    format!("ingen skriftlig vurdering for {}", now_period.danish())
                }
                (Some(x), Some(y)) if x != y => format!("vurderet på {x}, nu på {y}"),
                (Some(x), Some(_)) => format!("begge vurderet på {x}"),
                (None, Some(y)) => format!("vurderet på {y}"),
                (Some(x), None) => format!("var vurderet på {x}; nu uden tal at vurdere på"),
                (None, None) => String::new(),
            };
            (group, ChangeItem { titel, omraader, fra: b.status.into(), til: n.status.into(), grundlag })
        })
        .collect();
    const GROUPS: [(&str, &str); 4] = [
        ("Forværret", "forværret"),
        ("Ikke længere målt", "ikke længere målt"),
        ("Forbedret", "forbedret"),
        ("Målt for første gang", "målt for første gang"),
    ];
    let i_alt = changed.len();
    let mut grupper = Vec::new();
    let mut parts = Vec::new();
    for (g, (overskrift, word)) in GROUPS.iter().enumerate() {
        let items: Vec<ChangeItem> =
            changed.iter().filter(|(x, _)| usize::from(*x) == g).map(|(_, c)| c.clone()).collect();
        if items.is_empty() {
            continue;
        }
        parts.push(format!("{} {word}", items.len()));
        grupper.push(ChangeGroup {
            overskrift,
            antal: items.len(),
            flere: items.len().saturating_sub(MAX_CHANGES),
            punkter: items.into_iter().take(MAX_CHANGES).collect(),
        });
    }
    ChangesView { grupper, i_alt, resume: join_names(&parts.iter().map(String::as_str).collect::<Vec<_>>()) }
}

/// A criterion's short title: its `kort:`, else its first clause (up to the
/// first `:`, `;` or full stop outside parentheses), else its whole text.
/// Never cut in the middle.
pub fn short_title(text: &str, short: Option<&str>) -> String {
    let clause = first_clause(text);
    match short {
        Some(s) => s.to_string(),
        None if clause.is_empty() => text.trim().to_string(),
        None => clause,
    }
}

/// The text up to its first `:`, `;` or sentence-ending full stop outside
/// parentheses, or all of it.
fn first_clause(text: &str) -> String {
    let mut depth = 0i32;
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        match c {
            '(' => depth += 1,
            // An unmatched `)` ("a) …") does not hide the rest.
            ')' => depth = (depth - 1).max(0),
            ':' | ';' if depth == 0 => return chars[..i].iter().collect::<String>().trim().to_string(),
            // A full stop ends the clause when a space follows (not `pr. år`
            // or `1.000`): the next word starts with a capital.
            '.' if depth == 0
                && chars.get(i + 1) == Some(&' ')
                && chars.get(i + 2).is_some_and(|c| c.is_uppercase()) =>
            {
                return chars[..i].iter().collect::<String>().trim().to_string();
            }
            _ => {}
        }
    }
    text.trim().trim_end_matches('.').to_string()
}

/// The key figures: each indicator marked `forside: true`, for the plan as
/// a whole (*samlet*).
pub(crate) fn key_figures(model: &Model, trends: &[Trend], results: &[CriterionResult]) -> Vec<KeyFigureView> {
    model
        .indicators
        .iter()
        .zip(trends)
        .filter(|(i, _)| i.headline)
        .filter_map(|(ind, trend)| {
            let row = trend.rows.iter().find(|r| r.kind == SeriesKind::Total)?;
            let latest = row.latest()?;
            let value = latest.value?;
            let unit_points = if ind.unit == "%" { "\u{a0}procentpoint" } else { "" };
            let aendring = latest.vs_previous.map_or_else(
                || DASH.to_string(),
                |c| format!("{}{unit_points} siden {}", format_change_da(c.points, ind.decimals), c.from_year),
            );
            let on_it: Vec<&CriterionResult> =
                results.iter().filter(|r| r.indicator.as_deref() == Some(ind.id.as_str())).collect();
            // Samlet's requirement and status where a criterion sets one;
            // else the worst status of the criteria on the indicator.
            let total = on_it
                .iter()
                .flat_map(|r| &r.evaluations)
                .find(|e| e.series == crate::model::TOTAL_ID && e.requirement.is_some());
            let krav = total
                .and_then(|e| {
                    e.requirement
                        .map(|q| format!("{} {}", q.cmp.danish(), criteria::figure(Some(ind), q.value, e.decimals)))
                })
                .unwrap_or_else(|| DASH.to_string());
            let status = match total {
                Some(e) => Some(e.status.into()),
                None => (!on_it.is_empty()).then(|| goals::overall(on_it.iter().map(|r| r.status)).into()),
            };
            let decimals = shown_decimals(ind, &value);
            let tal = KeyNumbers {
                indicator: ind.id.clone(),
                year: latest.year,
                value: value.value,
                decimals,
                change: latest.vs_previous.map(|c| (c.points, c.from_year)),
                requirement: total.and_then(|e| e.requirement.map(|q| (q.value, e.decimals))),
            };
            Some(KeyFigureView {
                titel: indicator_title(ind),
                aar: latest.year.to_string(),
                vaerdi: criteria::figure(Some(ind), value.value, decimals),
                aendring,
                krav,
                status,
                eksempel: value.example,
                tal,
            })
        })
        .collect()
}
