//! The workbook of a data folder with several plans (`out/tal.xlsx` beside
//! the plans' folders): the plans side by side, their key figures, and
//! their areas' list status. Each plan's own workbook is in its folder.

use super::{Cell, Number, Row, Sheet, Workbook};
use crate::model::Date;
use crate::present::overview::Overview;
use crate::present::report::capitalise;
use rust_decimal::Decimal;

/// The workbook of the overview; `created` is the latest data date of the plans.
pub fn workbook(overview: &Overview, created: Date) -> Workbook {
    let sheets = vec![plans(overview), key_figures(overview), lists(overview)];
    Workbook { title: overview.titel.clone(), created, sheets: sheets.into_iter().map(Sheet::with_legend).collect() }
}

fn count(n: usize) -> Cell {
    Cell::number(Decimal::from(n), 0)
}

/// The plans side by side: half-year, areas, criteria by status, spending.
fn plans(overview: &Overview) -> Sheet {
    let mut header: Vec<String> =
        ["Plan", "Mappe", "Halvår", "Datadato", "Områder", "Succeskriterier"].map(String::from).to_vec();
    header.extend(overview.statusser.iter().map(|s| capitalise(s.tekst)));
    header.extend(["Forbrugsår", "Budget (t.kr.)", "Forbrugt (t.kr.)", "Forbrugt (%)"].map(String::from));
    let rows = overview
        .planer
        .iter()
        .map(|p| {
            let mut cells = vec![
                Cell::text(&p.navn),
                Cell::text(&p.mappe),
                Cell::text(&p.periode.tekst),
                Cell::text(&p.datadato),
                count(p.omraader),
                count(p.kriterier),
            ];
            cells.extend(p.status_antal.iter().map(|c| count(c.antal)));
            if let Some(s) = &p.spending {
                cells.push(Cell::Year(s.year));
                cells.push(Cell::number(s.budget, 0));
                cells.push(Cell::number(s.spent, 0));
                cells.push(Cell::maybe(s.percent, 1));
            }
            Row::plain(cells)
        })
        .collect();
    Sheet {
        id: "planer".into(),
        name: "Planer".into(),
        title: format!("{}, {}", overview.titel, overview.perioder),
        lines: vec!["Hver plans egne tal står i dens mappe: <mappe>/tal.xlsx.".into()],
        header,
        rows,
        notes: Vec::new(),
        fixed_columns: 1,
    }
}

/// Every key figure of every plan: one row per plan and figure.
fn key_figures(overview: &Overview) -> Sheet {
    let mut rows = Vec::new();
    for table in &overview.noegletal {
        for row in &table.raekker {
            let k = &row.tal;
            let n = &k.tal;
            let value =
                Cell::Number(Number { value: n.value, decimals: n.decimals, signed: false, example: k.eksempel });
            let change = n.change.map_or(Cell::Empty, |(value, _)| {
                Cell::Number(Number { value, decimals: n.decimals, signed: true, example: k.eksempel })
            });
            rows.push(Row::plain(vec![
                Cell::text(&table.titel),
                Cell::text(&row.plan),
                Cell::Year(n.year),
                value,
                change,
                n.change.map_or(Cell::Empty, |(_, from)| Cell::Year(from)),
                n.requirement.map_or(Cell::Empty, |(value, decimals)| Cell::number(value, decimals)),
                Cell::text(k.status.as_ref().map_or("", |s| s.tekst)),
            ]));
        }
    }
    Sheet {
        id: "noegletal".into(),
        name: "Nøgletal".into(),
        title: "Nøgletal for hver plans områder samlet".into(),
        lines: vec![
            "Ændring er fra det seneste år før med et tal (kolonnen Fra), i indikatorens enhed (procentpoint for andele)."
                .into(),
        ],
        header: ["Nøgletal", "Plan", "År", "Værdi", "Ændring", "Fra", "Krav", "Status"].map(String::from).to_vec(),
        rows,
        notes: Vec::new(),
        fixed_columns: 1,
    }
}

/// Each area's list status.
fn lists(overview: &Overview) -> Sheet {
    let rows = overview
        .planer
        .iter()
        .flat_map(|p| {
            p.lister.iter().map(|l| {
                Row::plain(vec![
                    Cell::text(&p.navn),
                    Cell::text(&l.omraade),
                    Cell::text(&l.udfald),
                    Cell::text(if l.prognose { "beregnet" } else { "" }),
                    Cell::text(if l.eksempel { "eksempeltal" } else { "" }),
                ])
            })
        })
        .collect();
    Sheet {
        id: "lister".into(),
        name: "Lister".into(),
        title: "Områdernes status på de officielle lister".into(),
        lines: vec!["«Beregnet»: helheds beregning, før den officielle liste er udgivet.".into()],
        header: ["Plan", "Område", "Udfald", "Grundlag", "Note"].map(String::from).to_vec(),
        rows,
        notes: Vec::new(),
        fixed_columns: 1,
    }
}
