//! `out/tal.xlsx` as a reader sees it: what `tal.json` holds, in sheets a
//! board member reads. An overview first, then one sheet per indicator
//! (series × years, with the changes), the success criteria, the statutory
//! list criteria and the budget in the form of the budgetark. Every sheet is
//! also a CSV file in `out/tal/` ([`Sheet::csv`]), named by its id.
//!
//! This is the workbook's view model: sheet names, Danish header texts and
//! rows of typed cells. A number stays an exact [`Decimal`] with the
//! decimals it is shown with; `render::xlsx` lays the sheets out.

mod indicators;
pub mod plans;
mod tables;

use crate::model::text::format_da_plain;
use crate::model::{Date, GoalStatus, Model};
use crate::present::report::capitalise;
use crate::present::site::CsvTable;
use crate::present::tal::Tal;
use rust_decimal::Decimal;

/// The folder beside `tal.xlsx` that holds one CSV file per sheet.
pub const CSV_DIR: &str = "tal";

/// The legend of the `*` that marks an illustrative figure, as the
/// helhedsevaluering words it.
pub const EXAMPLE_LEGEND: &str = "* Eksempeldata: illustrative tal, ikke fra kilderne.";

/// The whole workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workbook {
    /// The document's title (its properties).
    pub title: String,
    /// The date the document is said to be made: the data's date, so that
    /// the same data give the same bytes.
    pub created: Date,
    /// The sheets, in order.
    pub sheets: Vec<Sheet>,
}

/// One sheet: a title, lines under it, one table, notes under that.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// A short id, the name of its CSV file: `indikator-kriminalitet`.
    pub id: String,
    /// The tab's name: at most 31 characters, none of `[]:*?/\`, unique.
    pub name: String,
    /// The title row.
    pub title: String,
    /// Lines under the title: unit, source, how it is computed, the legend.
    pub lines: Vec<String>,
    /// The table's column names.
    pub header: Vec<String>,
    /// The table's rows, each as long as the header or shorter.
    pub rows: Vec<Row>,
    /// Notes under the table.
    pub notes: Vec<String>,
    /// Columns kept in view when scrolling right (the row names).
    pub fixed_columns: u16,
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// How it stands out.
    pub kind: RowKind,
    /// Its cells, from the first column.
    pub cells: Vec<Cell>,
}

/// How a row stands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// An ordinary row.
    Plain,
    /// A total (*Samlet*, *I alt*): bold.
    Total,
    /// A heading inside the table (a budget section): bold, set apart.
    Heading,
}

/// A cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Number(Number),
    /// A year, a number shown without a thousands separator.
    Year(u16),
}

/// A number and how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// The exact value.
    pub value: Decimal,
    /// The decimals shown (the value itself is not rounded).
    pub decimals: u32,
    /// Shown with a `+` when above 0: a change.
    pub signed: bool,
    /// Illustrative: shown with a `*` after it.
    pub example: bool,
}

impl Cell {
    /// Text, or nothing for an empty text.
    fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        if text.is_empty() { Cell::Empty } else { Cell::Text(text) }
    }

    /// A number with `decimals`.
    fn number(value: Decimal, decimals: u32) -> Cell {
        Cell::Number(Number { value, decimals, signed: false, example: false })
    }

    /// A number, or nothing.
    fn maybe(value: Option<Decimal>, decimals: u32) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::number(v, decimals))
    }

    /// A change, shown with its sign, or nothing.
    fn change(value: Option<Decimal>, decimals: u32, example: bool) -> Cell {
        value.map_or(Cell::Empty, |value| Cell::Number(Number { value, decimals, signed: true, example }))
    }

    /// A number marked illustrative when `example`.
    fn marked(value: Option<Decimal>, decimals: u32, example: bool) -> Cell {
        value.map_or(Cell::Empty, |value| Cell::Number(Number { value, decimals, signed: false, example }))
    }

    /// The text of the cell in a CSV file: a number exact, unrounded, with
    /// a decimal comma and no thousands separator (`30,65`, `1186`).
    pub fn csv(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(n) => {
                let v = n.value.normalize();
                format_da_plain(v, v.scale())
            }
            Cell::Year(year) => year.to_string(),
        }
    }
}

impl Row {
    fn plain(cells: Vec<Cell>) -> Row {
        Row { kind: RowKind::Plain, cells }
    }
}

impl Sheet {
    /// The sheet's table as a CSV table: the header and every row, cells as
    /// [`Cell::csv`] writes them, each row as long as the header.
    pub fn csv(&self) -> CsvTable {
        let width = self.header.len();
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let mut cells: Vec<String> = row.cells.iter().map(Cell::csv).collect();
                cells.resize(width.max(cells.len()), String::new());
                cells
            })
            .collect();
        CsvTable { header: self.header.clone(), rows }
    }

    /// Whether a cell of the table is illustrative.
    fn has_example(&self) -> bool {
        self.rows.iter().flat_map(|r| &r.cells).any(|c| matches!(c, Cell::Number(n) if n.example))
    }

    /// Adds the legend of `*` under the title when a figure is illustrative.
    fn with_legend(mut self) -> Sheet {
        if self.has_example() {
            self.lines.push(EXAMPLE_LEGEND.to_string());
        }
        self
    }
}

/// The workbook of `tal`, the figures of `model`'s plan.
pub fn workbook(model: &Model, tal: &Tal) -> Workbook {
    let mut names = SheetNames::default();
    let mut sheets = Vec::new();
    let criteria = tables::criteria(model, tal, names.take("Succeskriterier"));
    let lists = tables::lists(model, tal, names.take("Listekriterier"));
    let budget = tal.budget.as_ref().map(|b| tables::budget(b, names.take("Budget")));
    let overview_name = names.take("Oversigt");
    let indicators: Vec<Sheet> =
        tal.indikatorer.iter().map(|ind| indicators::sheet(model, tal, ind, names.take(&ind.navn))).collect();
    let contents: Vec<(String, String)> = [&criteria, &lists]
        .into_iter()
        .chain(&budget)
        .chain(&indicators)
        .map(|s| {
            // The overview names the half-year once.
            let title = s.title.strip_suffix(&format!(", {}", tal.periode.danish())).unwrap_or(&s.title);
            (s.name.clone(), title.to_string())
        })
        .collect();
    sheets.push(overview(model, tal, overview_name, &contents));
    sheets.push(criteria);
    sheets.push(lists);
    sheets.extend(budget);
    sheets.extend(indicators);
    Workbook {
        title: format!("Tal for {}", tal.plan.navn),
        created: model.plan.data_date,
        sheets: sheets.into_iter().map(Sheet::with_legend).collect(),
    }
}

/// The first sheet: the plan, the half-year, the criteria by status, and
/// what each sheet holds.
fn overview(model: &Model, tal: &Tal, name: String, contents: &[(String, String)]) -> Sheet {
    let plan = &model.plan;
    let fact = |what: &str, cell: Cell| Row::plain(vec![Cell::text(what), cell]);
    let mut rows = vec![
        fact("Plan", Cell::text(&plan.name)),
        fact("Planperiode", Cell::text(format!("{} – {}", plan.start.danish(), plan.end.danish()))),
        fact("Halvår", Cell::text(tal.periode.danish())),
        fact("Seneste år med hele årstal", Cell::Year(tal.seneste_år)),
        fact("Datadato", Cell::text(plan.data_date.danish())),
        fact("Format (tal.json)", Cell::text(tal.format)),
        Row::plain(vec![]),
        Row { kind: RowKind::Heading, cells: vec![Cell::text("Succeskriterier efter status")] },
    ];
    for status in GoalStatus::ALL {
        let count = tal.succeskriterier.antal.iter().find(|c| c.status == status).map_or(0, |c| c.antal);
        rows.push(fact(&capitalise(status.danish()), Cell::number(Decimal::from(count), 0)));
    }
    rows.push(Row::plain(vec![]));
    rows.push(Row { kind: RowKind::Heading, cells: vec![Cell::text("Arkene")] });
    rows.extend(contents.iter().map(|(sheet, title)| fact(sheet, Cell::text(title))));
    Sheet {
        id: "oversigt".into(),
        name,
        title: format!("Tal for {}, {}", plan.name, tal.periode.danish()),
        lines: vec![
            "Alle beregnede tal fra out/tal.json. Hvert ark findes også som CSV-fil i out/tal/.".into(),
            "Tallene er præcise; cellerne viser dem afrundet som i rapporterne.".into(),
        ],
        header: vec!["Emne".into(), "Værdi".into()],
        rows,
        notes: Vec::new(),
        fixed_columns: 0,
    }
}

/// The tab names given so far, to keep each unique.
#[derive(Debug, Default)]
struct SheetNames {
    taken: Vec<String>,
}

/// The longest tab name Excel takes.
const MAX_NAME: usize = 31;

impl SheetNames {
    /// A tab name for `wanted`: the characters Excel refuses in a name
    /// (`[]:*?/\`) made `-`, cut to 31 characters with `…`, and numbered
    /// `(2)`, `(3)` … when the name is taken (Excel compares names without
    /// regard to case).
    fn take(&mut self, wanted: &str) -> String {
        let clean: String =
            wanted.chars().map(|c| if "[]:*?/\\".contains(c) || c.is_control() { '-' } else { c }).collect();
        // Excel also refuses an apostrophe first or last.
        let clean = clean.trim().trim_matches('\'').trim().to_string();
        let clean = if clean.is_empty() { "Ark".to_string() } else { clean };
        let mut n = 1;
        loop {
            let suffix = if n == 1 { String::new() } else { format!(" ({n})") };
            let name = cut(&clean, MAX_NAME - suffix.chars().count()) + &suffix;
            if !self.taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()) {
                self.taken.push(name.clone());
                return name;
            }
            n += 1;
        }
    }
}

/// `text` in at most `max` characters, cut with `…`.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max - 1).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let mut names = SheetNames::default();
        assert_eq!(names.take("Budget"), "Budget");
        assert_eq!(names.take("budget"), "budget (2)");
        assert_eq!(names.take("Pris [kr.]: ja/nej?"), "Pris -kr.-- ja-nej-");
        let long = names.take("Kriminalretlige afgørelser pr. 1000 beboere");
        assert_eq!(long, "Kriminalretlige afgørelser pr.…");
        assert_eq!(long.chars().count(), 31);
        let again = names.take("Kriminalretlige afgørelser pr. 1000 beboere");
        assert_eq!(again, "Kriminalretlige afgørelser… (2)");
        assert_eq!(names.take("'"), "Ark");
    }

    #[test]
    fn a_csv_cell_is_the_exact_number_with_a_decimal_comma() {
        let n = |v: &str, d| Cell::number(v.parse().unwrap(), d).csv();
        assert_eq!(n("30.650", 1), "30,65");
        assert_eq!(n("1186", 0), "1186");
        assert_eq!(n("-2.5", 0), "-2,5");
        assert_eq!(Cell::Year(2018).csv(), "2018");
    }
}
