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
    header.push("Forbrug".into());
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
            cells.push(p.forbrug.as_ref().map_or(Cell::Empty, |f| Cell::text(&f.tekst)));
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
            let marked = |value: Option<Decimal>, signed: bool| {
                value.map_or(Cell::Empty, |value| {
                    Cell::Number(Number { value, decimals: n.decimals, signed, example: k.eksempel })
                })
            };
            rows.push(Row::plain(vec![
                Cell::text(&table.titel),
                Cell::text(&row.plan),
                Cell::Year(n.year),
                marked(Some(n.value), false),
                marked(n.change, true),
                marked(n.requirement, false),
                Cell::text(k.status.as_ref().map_or("", |s| s.tekst)),
            ]));
        }
    }
    Sheet {
        id: "noegletal".into(),
        name: "Nøgletal".into(),
        title: "Nøgletal for hver plans områder samlet".into(),
        lines: vec!["Ændring er siden året før, i indikatorens enhed (procentpoint for andele).".into()],
        header: ["Nøgletal", "Plan", "År", "Værdi", "Ændring", "Krav", "Status"].map(String::from).to_vec(),
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
