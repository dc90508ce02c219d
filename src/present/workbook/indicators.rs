//! One sheet per indicator: a row per series (the areas, *samlet*, groups,
//! references), a column per year and per counted half-year, then the
//! latest value's change from the year before and from the baseline, in
//! the unit and in per cent, the two-year average and the trend.

use super::{Cell, Row, RowKind, Sheet};
use crate::model::text::join_names;
use crate::model::{Model, SeriesKind};
use crate::present::report::{decimals_shown, indicator_title, method_text, missing_notes};
use crate::present::tal::{ChangeFigure, IndicatorFigures, SeriesFigures, Tal, YearFigure};
use std::collections::BTreeSet;

/// The sheet of `ind`, named `name`.
pub(super) fn sheet(model: &Model, tal: &Tal, ind: &IndicatorFigures, name: String) -> Sheet {
    let indicator = model.indicator(&ind.id);
    let years: BTreeSet<u16> = ind.serier.iter().flat_map(|s| s.værdier.iter().map(|v| v.år)).collect();
    let halves: BTreeSet<_> = ind.halvår.iter().map(|h| h.period).collect();
    let mut header: Vec<String> = vec!["Serie".into(), "Slags".into()];
    header.extend(years.iter().map(u16::to_string));
    header.extend(halves.iter().map(|p| p.danish()));
    header.extend(["Seneste år".into(), "Ændring fra året før".into(), "Ændring fra året før (%)".into()]);
    if let Some(base) = ind.basisår {
        header.extend([format!("Ændring fra basisåret {base}"), "Ændring fra basisåret (%)".into()]);
    }
    header.extend(["Gennemsnit af de to seneste år".into(), "Tendens pr. år".into(), "Eksempeldata (år)".into()]);

    let rows = ind
        .serier
        .iter()
        .map(|s| {
            let mut cells = vec![Cell::text(&s.navn), Cell::text(s.slags.danish())];
            cells.extend(years.iter().map(|y| match s.værdier.iter().find(|v| v.år == *y) {
                Some(v) => value_cell(ind, v),
                None => Cell::Empty,
            }));
            cells.extend(halves.iter().map(|p| match ind.halvår.iter().find(|h| h.series == s.id && h.period == *p) {
                Some(h) => Cell::marked(Some(h.value), h.value.normalize().scale(), h.example),
                None => Cell::Empty,
            }));
            cells.extend(changes(ind, s));
            let kind = if s.slags == SeriesKind::Total { RowKind::Total } else { RowKind::Plain };
            Row { kind, cells }
        })
        .collect();

    let mut lines = vec![match ind.basisår {
        Some(base) => format!("Enhed: {}. Bedre: {}. Basisår: {base}.", ind.enhed, ind.bedre),
        None => format!("Enhed: {}. Bedre: {}.", ind.enhed, ind.bedre),
    }];
    if let Some(indicator) = indicator {
        lines.push(format!("Datakilde: {}", indicator.source));
        lines.push(format!("Beregning: {}", method_text(model, indicator)));
    }
    let notes = ind
        .serier
        .iter()
        .flat_map(|s| missing_notes(&s.navn, s.værdier.iter().filter_map(|v| Some((v.år, v.mangler.clone()?)))))
        .collect();
    Sheet {
        id: format!("indikator-{}", ind.id),
        name,
        title: format!("{}, {}", indicator.map_or_else(|| ind.navn.clone(), indicator_title), tal.periode.danish()),
        lines,
        header,
        rows,
        notes,
        fixed_columns: 1,
    }
}

/// A year's value, with the decimals the reports print it with.
fn value_cell(ind: &IndicatorFigures, v: &YearFigure) -> Cell {
    match (v.value, v.oprindelse) {
        (Some(value), Some(origin)) => {
            Cell::marked(Some(value), decimals_shown(ind.decimaler, value, origin), v.eksempeldata)
        }
        (value, _) => Cell::marked(value, ind.decimaler, v.eksempeldata),
    }
}

/// The cells after the years: the latest year with a value, its changes,
/// the two-year average, the trend and the years with illustrative figures.
fn changes(ind: &IndicatorFigures, s: &SeriesFigures) -> Vec<Cell> {
    let d = ind.decimaler;
    let latest = s.værdier.iter().rev().find(|v| v.value.is_some());
    let example = |year: u16| s.værdier.iter().any(|v| v.år == year && v.eksempeldata);
    // A change rests on two figures: it is illustrative when either is.
    let change = |c: Option<&ChangeFigure>| -> [Cell; 2] {
        match (c, latest) {
            (Some(c), Some(l)) => {
                let example = l.eksempeldata || example(c.fra_år);
                [Cell::change(Some(c.forskel), d, example), Cell::change(c.procent, 1, example)]
            }
            _ => [Cell::Empty, Cell::Empty],
        }
    };
    let mut cells = vec![latest.map_or(Cell::Empty, |l| Cell::Year(l.år))];
    cells.extend(change(latest.and_then(|l| l.ændring_fra_forrige.as_ref())));
    if ind.basisår.is_some() {
        cells.extend(change(latest.and_then(|l| l.ændring_fra_basis.as_ref())));
    }
    cells.push(match &s.toårsgennemsnit {
        Some(avg) => Cell::marked(Some(avg.value), d, example(avg.år) || example(avg.år.saturating_sub(1))),
        None => Cell::Empty,
    });
    cells.push(match &s.tendens {
        Some(t) => Cell::change(Some(t.hældning), d + 1, t.år.iter().any(|y| example(*y))),
        None => Cell::Empty,
    });
    let years: Vec<String> = s.værdier.iter().filter(|v| v.eksempeldata).map(|v| v.år.to_string()).collect();
    let years: Vec<&str> = years.iter().map(String::as_str).collect();
    cells.push(Cell::text(join_names(&years)));
    cells
}
