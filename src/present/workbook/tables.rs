//! The sheets of the success criteria, the statutory list criteria and the
//! budget (in the form of the budgetark, as the documents print it).

use super::{Cell, Row, RowKind, Sheet};
use crate::eval::budget::{BudgetTotals, Financing};
use crate::eval::goals::When;
use crate::model::Model;
use crate::model::budget::FundingSource;
use crate::present::budget::source_heading;
use crate::present::lists::{ListFigures, criterion_decimals};
use crate::present::tal::Tal;
use rust_decimal::Decimal;

/// `ja`, `nej` or `kan ikke afgøres`.
fn yes_no(value: Option<bool>) -> Cell {
    Cell::text(match value {
        Some(true) => "ja",
        Some(false) => "nej",
        None => "kan ikke afgøres",
    })
}

/// `ja` for an illustrative row, else nothing.
fn example_mark(example: bool) -> Cell {
    if example { Cell::text("ja") } else { Cell::Empty }
}

/// One row per criterion and series: the status, the value and the
/// requirement it is judged by, the distance between them, and the sentence
/// the reports print.
pub(super) fn criteria(model: &Model, tal: &Tal, name: String) -> Sheet {
    let header = [
        "Id",
        "Succeskriterium",
        "Serie",
        "Status",
        "Periode",
        "Værdi",
        "Krav",
        "Kravets værdi",
        "Afstand til kravet",
        "Enhed",
        "Vurdering",
        "Fremskrivning",
        "Kriteriets status",
        "Indsatsområde",
        "Eksempeldata",
    ];
    let mut rows = Vec::new();
    for c in &tal.succeskriterier.kriterier {
        let unit = c.indikator.as_deref().and_then(|id| model.indicator(id)).map_or("", |i| i.unit.as_str());
        let focus = model.focus_areas.iter().find(|f| f.id == c.indsatsområde).map_or(&c.indsatsområde, |f| &f.name);
        for (i, e) in c.resultater.iter().enumerate() {
            // The criterion's words once, on its first row; its id on every
            // row, in the column kept in view (the words would fill a screen).
            let first = |text: &str| if i == 0 { Cell::text(text) } else { Cell::Empty };
            let d = e.decimaler;
            let cells = vec![
                Cell::text(&c.id),
                first(&c.tekst),
                Cell::text(&e.navn),
                Cell::text(e.status.danish()),
                e.periode.map_or(Cell::Empty, |w| match w {
                    When::Year(year) => Cell::Year(year),
                    When::Half(period) => Cell::text(period.danish()),
                }),
                Cell::marked(e.value, d, e.eksempeldata),
                e.krav.map_or(Cell::Empty, |k| Cell::text(k.cmp.danish())),
                Cell::maybe(e.krav.map(|k| k.value), d),
                Cell::change(e.afstand, d, e.eksempeldata),
                Cell::text(if e.value.is_some() { unit } else { "" }),
                Cell::text(&e.tekst),
                e.fremskrivning.as_ref().map_or(Cell::Empty, |p| Cell::text(&p.tekst)),
                first(c.status.danish()),
                first(focus),
                example_mark(e.eksempeldata),
            ];
            rows.push(Row::plain(cells));
        }
    }
    Sheet {
        id: "succeskriterier".into(),
        name,
        title: format!("Succeskriterier, {}", tal.periode.danish()),
        lines: vec![
            "Én række pr. succeskriterium og serie. Afstand til kravet: værdien minus kravets værdi.".into(),
            "Status: opfyldt, på vej (årets krav er nået, slutmålet endnu ikke), ikke opfyldt eller ikke målt endnu."
                .into(),
        ],
        header: header.iter().map(|h| (*h).to_string()).collect(),
        rows,
        notes: Vec::new(),
        fixed_columns: 1,
    }
}

/// One row per area, list year and criterion (the resident minimum and the
/// categories too), with the area's status and the sentence of each.
pub(super) fn lists(model: &Model, tal: &Tal, name: String) -> Sheet {
    let header = [
        "Område",
        "Liste",
        "Kriterium eller kategori",
        "Dataår",
        "Værdi",
        "Enhed",
        "Krav",
        "Grænse",
        "Margin",
        "Opfyldt",
        "Områdets status",
        "Prognose",
        "Eksempeldata",
        "Beskrivelse",
    ];
    let mut rows = Vec::new();
    let mut lines = vec![
        "Én række pr. område, liste og kriterium. Margin: værdien minus grænsen.".to_string(),
        "Prognose: listen offentliggøres først efter halvåret; en beregning på de nyeste tal, ikke den officielle liste."
            .to_string(),
    ];
    let mut notes = Vec::new();
    for l in &tal.listekriterier {
        rows.extend(list_rows(model, l));
        notes.push(l.text.clone());
        let rule_set = format!("Liste {}: {}.", l.list_year, l.rule_set_name);
        if !lines.contains(&rule_set) {
            lines.push(rule_set);
        }
    }
    Sheet {
        id: "listekriterier".into(),
        name,
        title: format!("Listekriterierne (almenboligloven § 61 a), {}", tal.periode.danish()),
        lines,
        header: header.iter().map(|h| (*h).to_string()).collect(),
        rows,
        notes,
        fixed_columns: 1,
    }
}

/// The rows of one area's list.
fn list_rows(model: &Model, l: &ListFigures) -> Vec<Row> {
    let area = model.series(&l.area).map_or(l.area.as_str(), |s| s.name.as_str());
    let common = |what: Cell, years: String, figures: [Cell; 5], met: Cell, text: &str| {
        let mut cells = vec![Cell::text(area), Cell::Year(l.list_year), what, Cell::text(years)];
        cells.extend(figures);
        cells.extend([
            met,
            Cell::text(l.status.words()),
            example_mark(l.forecast),
            example_mark(l.example),
            Cell::text(text),
        ]);
        Row::plain(cells)
    };
    let r = &l.residents;
    let mut rows = vec![common(
        Cell::text("Antal beboere"),
        r.year.to_string(),
        [
            Cell::marked(r.value, 0, l.example),
            Cell::text("antal"),
            Cell::text(crate::model::Cmp::AtLeast.danish()),
            Cell::number(r.minimum, 0),
            Cell::Empty,
        ],
        yes_no(r.met),
        "",
    )];
    for c in &l.criteria {
        let f = &c.figures;
        let d = criterion_decimals(f);
        let years = match f.years.as_slice() {
            [one] => one.to_string(),
            [first, .., last] => format!("{first}-{last}"),
            [] => String::new(),
        };
        rows.push(common(
            Cell::text(&f.name),
            years,
            [
                Cell::marked(f.value, d, l.example),
                Cell::text(&f.unit),
                Cell::text(f.comparison.danish()),
                Cell::maybe(f.threshold, d),
                Cell::change(f.margin, d, l.example),
            ],
            yes_no(f.met),
            &c.text,
        ));
    }
    for c in &l.categories {
        rows.push(common(
            Cell::text(format!("Kategori: {}", c.figures.name)),
            String::new(),
            std::array::from_fn(|_| Cell::Empty),
            yes_no(c.figures.holds),
            &c.text,
        ));
    }
    rows
}

/// The budget as the budgetark sets it out: every line with its years, its
/// total and its financing per source, each section's total, *I alt*, the
/// balance and the co-financing share, then spending against the budget.
pub(super) fn budget(t: &BudgetTotals, name: String) -> Sheet {
    let sources: Vec<FundingSource> =
        FundingSource::ALL.into_iter().filter(|s| !t.financing.get(*s).is_zero()).collect();
    let mut header = vec!["Aktivitet".to_string()];
    header.extend(t.years.iter().map(u16::to_string));
    header.push("I alt".into());
    header.extend(sources.iter().map(|s| source_heading(*s).to_string()));
    let example = t.example;
    let row = |kind: RowKind, name: &str, per_year: &[Decimal], total: Decimal, financing: &Financing| {
        let mut cells = vec![Cell::text(name)];
        cells.extend(per_year.iter().map(|v| Cell::marked(Some(*v), 0, example)));
        cells.push(Cell::marked(Some(total), 0, example));
        cells.extend(sources.iter().map(|s| {
            let amount = financing.get(*s);
            if amount.is_zero() { Cell::Empty } else { Cell::marked(Some(amount), 0, example) }
        }));
        Row { kind, cells }
    };
    let mut rows = Vec::new();
    for s in &t.sections {
        rows.push(Row { kind: RowKind::Heading, cells: vec![Cell::text(&s.name)] });
        rows.extend(s.lines.iter().map(|l| row(RowKind::Plain, &l.name, &l.per_year, l.total, &l.financing)));
        rows.push(row(RowKind::Total, &format!("I alt, {}", s.name), &s.per_year, s.total, &s.financing));
    }
    rows.push(row(RowKind::Total, "I alt", &t.per_year, t.total, &t.financing));
    // The checks the budgetark prints, in the total's column.
    let years = t.years.len();
    let in_total = |label: &str, cell: Cell| {
        let mut cells = vec![Cell::text(label)];
        cells.extend(std::iter::repeat_n(Cell::Empty, years));
        cells.push(cell);
        Row::plain(cells)
    };
    rows.push(Row::plain(vec![]));
    rows.push(in_total("Balance: finansiering minus udgifter", Cell::marked(Some(t.balance), 0, example)));
    rows.push(in_total("Medfinansiering, % af finansieringen", Cell::maybe(t.cofinancing_percent, 1)));
    let mut notes = Vec::new();
    if !t.spending.is_empty() {
        let per_year = |f: &dyn Fn(&crate::eval::budget::Spending) -> Cell| {
            t.years.iter().map(|y| t.spending.iter().find(|s| s.year == *y).map_or(Cell::Empty, f)).collect::<Vec<_>>()
        };
        rows.push(Row::plain(vec![]));
        let mut spent = vec![Cell::text("Forbrugt")];
        spent.extend(per_year(&|s| Cell::marked(Some(s.spent), 0, example)));
        rows.push(Row::plain(spent));
        let mut share = vec![Cell::text("Forbrugt, % af årets budget")];
        share.extend(per_year(&|s| Cell::marked(s.percent, 1, example)));
        rows.push(Row::plain(share));
        for s in t.spending.iter().filter(|s| s.halves.len() == 1) {
            notes.push(format!("Forbruget {} gælder kun {}. halvår.", s.year, s.halves[0]));
        }
    }
    Sheet {
        id: "budget".into(),
        name,
        title: "Budget og finansiering (t.kr.)".into(),
        lines: vec![
            "Budgetark: udgifter pr. aktivitet og år, i alt og finansiering pr. kilde, i hele tusinde kr.".into(),
        ],
        header,
        rows,
        notes,
        fixed_columns: 1,
    }
}
