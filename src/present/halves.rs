//! The half-year counts (`h1:`/`h2:`) as the statusrapport prints them:
//! one small table per counting indicator with a count for the half-year.

use crate::eval::Evaluated;
use crate::model::Model;
use crate::model::text::format_da;
use crate::present::report::{CellView, DASH, RowView, indicator_title};
use serde::Serialize;

/// An indicator's half-year counts: the half-year before and this one.
#[derive(Debug, Clone, Serialize)]
pub struct HalfTableView {
    /// The indicator's name.
    pub navn: String,
    /// The two half-years: `1. halvår 2018`, `2. halvår 2018`.
    pub perioder: Vec<String>,
    /// One row per series.
    #[serde(rename = "rækker")]
    pub raekker: Vec<RowView>,
}

/// The half-year counts of every counting indicator that has one for the
/// half-year reported on.
pub(crate) fn half_tables(model: &Model, evaluated: &Evaluated) -> Vec<HalfTableView> {
    let periods = [evaluated.period.previous(), evaluated.period];
    model
        .indicators
        .iter()
        .zip(&evaluated.halves)
        .filter(|(_, h)| !h.is_empty())
        .map(|(ind, halves)| {
            let mut raekker: Vec<RowView> = Vec::new();
            let mut seen: Vec<&str> = Vec::new();
            for h in halves {
                if seen.contains(&h.series.as_str()) {
                    continue;
                }
                seen.push(&h.series);
                let celler = periods
                    .iter()
                    .map(|p| match halves.iter().find(|x| x.series == h.series && x.period == *p) {
                        Some(x) => CellView { tekst: format_da(x.value, 0), eksempel: x.example },
                        None => CellView { tekst: DASH.into(), eksempel: false },
                    })
                    .collect();
                raekker.push(RowView::new(h.name.clone(), h.kind, celler, DASH.into(), DASH.into()));
            }
            HalfTableView {
                navn: indicator_title(ind),
                perioder: periods.iter().map(|p| p.danish()).collect(),
                raekker,
            }
        })
        .collect()
}
