//! The ground floor: the validated, typed model of a plan and its figures,
//! and the two things every stage shares, diagnostics ([`diag`]) and exact
//! Danish number text ([`text`]). Everything after `validate` works on the
//! model and can trust it: ids resolve, numbers are exact decimals in range,
//! years lie within the plan. This module imports nothing else of helhed.

pub mod budget;
pub mod diag;
pub mod import;
pub mod lists;
mod rule;
pub mod text;
mod time;

pub use rule::{Anchor, Cmp, Per, Rule, RuleKind};
pub use time::{Date, Period};

use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::str::FromStr;

/// Which direction of an indicator is an improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// Lower is better (crime, move-outs).
    Lower,
    /// Higher is better (safety).
    Higher,
}

/// How an indicator is obtained from the observed counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Calc {
    /// numerator / denominator × scale.
    Ratio {
        /// Measure id of the numerator.
        numerator: String,
        /// Measure id of the denominator.
        denominator: String,
        /// 100 for a percentage, 1000 for per mille.
        scale: Decimal,
    },
    /// The value of one observed count.
    Count {
        /// Measure id.
        measure: String,
    },
}

/// An indicator of the catalogue.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    /// Id used in data files.
    pub id: String,
    /// Danish name.
    pub name: String,
    /// Unit as printed (`%`, `pr. 1000 beboere`, `antal`).
    pub unit: String,
    /// How it is obtained.
    pub calc: Calc,
    /// Which direction is better.
    pub better: Better,
    /// Decimals when printed.
    pub decimals: u32,
    /// Year changes are measured from, if any.
    pub base_year: Option<u16>,
    /// Where the figures come from.
    pub source: String,
    /// A headline figure, shown on the public site's front page.
    pub headline: bool,
    /// The areas it is measured for, in the plan's order; `None` for every
    /// area, empty for the plan as a whole only (`områder: [samlet]`).
    pub areas: Option<Vec<String>>,
}

impl Indicator {
    /// Whether the indicator is measured for the area `id` (`områder:`).
    pub fn covers(&self, id: &str) -> bool {
        self.areas.as_ref().is_none_or(|a| a.iter().any(|x| x == id))
    }

    /// Whether the indicator is a share of 100 (so it cannot exceed 100).
    pub fn is_percentage(&self) -> bool {
        self.unit == "%" || matches!(&self.calc, Calc::Ratio { scale, .. } if *scale == Decimal::ONE_HUNDRED)
    }
}

/// An observed quantity.
#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    /// Id used under `antal:`.
    pub id: String,
    /// Danish name.
    pub name: String,
    /// What it counts (`tæller:`).
    pub counted: Counted,
    /// Whether a small count is suppressed on the public site: by default
    /// when it counts persons ([`Counted::about_persons`]) and is not an
    /// average; `diskretion: true` or `false` in the plan decides otherwise.
    pub suppress_small: bool,
    /// Whether it is an average rather than a count (`gennemsnit: true`), so
    /// that it is never summed across areas for *samlet*.
    pub average: bool,
    /// Other names it goes by in imported sheets (`aliaser:`).
    pub aliases: Vec<String>,
}

/// What a measure counts (`tæller:` under `målinger:`). It decides whether a
/// small count is hidden on the public site: a few persons can be singled
/// out, a few fires cannot. Serialises as the plan writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Counted {
    /// Persons: residents, respondents, youths, volunteers, employees; also
    /// what is summed over a few persons, such as their days of absence.
    #[serde(rename = "personer")]
    Persons,
    /// Households or families (a move-out is a household's).
    #[serde(rename = "husstande")]
    Households,
    /// Decisions about persons: convictions, criminal-law decisions.
    #[serde(rename = "afgørelser")]
    Decisions,
    /// Events and reports of them: fires, vandalism, contacts.
    #[serde(rename = "hændelser")]
    Events,
    /// Dwellings.
    #[serde(rename = "boliger")]
    Dwellings,
    /// What the plan holds: activities, theme evenings, walks.
    #[serde(rename = "aktiviteter")]
    Activities,
    /// Groups the plan forms: work groups, parent groups, communities.
    #[serde(rename = "grupper")]
    Groups,
    /// Something else that is not persons: media stories, website visits.
    #[serde(rename = "andet")]
    Other,
}

impl Counted {
    /// Every kind, in the order messages list them.
    pub const ALL: [Counted; 8] = [
        Counted::Persons,
        Counted::Households,
        Counted::Decisions,
        Counted::Events,
        Counted::Dwellings,
        Counted::Activities,
        Counted::Groups,
        Counted::Other,
    ];

    /// The word `plan.yaml` writes it with: `tæller: hændelser`.
    pub fn keyword(self) -> &'static str {
        match self {
            Counted::Persons => "personer",
            Counted::Households => "husstande",
            Counted::Decisions => "afgørelser",
            Counted::Events => "hændelser",
            Counted::Dwellings => "boliger",
            Counted::Activities => "aktiviteter",
            Counted::Groups => "grupper",
            Counted::Other => "andet",
        }
    }

    /// Whether a count of it is about persons, so that a small one could
    /// single them out and is hidden on the public site.
    pub fn about_persons(self) -> bool {
        match self {
            Counted::Persons | Counted::Households | Counted::Decisions => true,
            Counted::Events | Counted::Dwellings | Counted::Activities | Counted::Groups | Counted::Other => false,
        }
    }
}

/// What kind of series a row of figures is. Serialises as the templates
/// name it: `område`, `samlet`, `reference`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum SeriesKind {
    /// A housing area of the plan.
    #[serde(rename = "område")]
    Area,
    /// All areas together (*samlet*).
    #[serde(rename = "samlet")]
    Total,
    /// A reference series (municipality, country, SUB average).
    #[serde(rename = "reference")]
    Reference,
    /// Some named areas together (`grupper:`), pooled as *samlet* is.
    #[serde(rename = "gruppe")]
    Group,
}

impl SeriesKind {
    /// The Danish word, as it serialises: `område`, `samlet`, `reference`, `gruppe`.
    pub fn danish(self) -> &'static str {
        match self {
            SeriesKind::Area => "område",
            SeriesKind::Total => "samlet",
            SeriesKind::Reference => "reference",
            SeriesKind::Group => "gruppe",
        }
    }
}

/// A series of figures: an area, *samlet*, or a reference.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// Folder name in `data/`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Town, for areas.
    pub town: Option<String>,
    /// Area, total, group or reference.
    pub kind: SeriesKind,
    /// The areas a group pools, in the plan's order; empty for the others.
    pub members: Vec<String>,
    /// Other names it goes by in imported sheets (`aliaser:`).
    pub aliases: Vec<String>,
}

/// The id of the *samlet* series (all areas together).
pub const TOTAL_ID: &str = "samlet";

/// A figure as written in the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The exact value.
    pub value: Decimal,
    /// Whether it is illustrative (*eksempeldata*) rather than real.
    pub example: bool,
}

/// The cell of a spreadsheet an imported figure was read from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CellSource {
    /// The file's name, as it was imported.
    pub file: String,
    /// The sheet, for a workbook.
    pub sheet: Option<String>,
    /// The cell (`C4`), or for a JSON-stat file the value's place.
    pub cell: String,
}

/// The figures of one series for one year.
#[derive(Debug, Clone, Default, Serialize)]
pub struct YearFigures {
    /// Observed counts by measure id.
    pub counts: BTreeMap<String, Figure>,
    /// Indicator values given directly, by indicator id.
    pub values: BTreeMap<String, Figure>,
    /// Counts per half-year (`h1`, `h2`) by measure id.
    pub halves: [Option<BTreeMap<String, Figure>>; 2],
    /// Half-year counts written but left blank (not entered yet), by measure id.
    pub blank_halves: [Vec<String>; 2],
    /// Figures the source withholds (`mangler:`), by measure or indicator
    /// id, with the reason: a blanked cell is missing, never 0.
    pub withheld: BTreeMap<String, String>,
    /// Half-year counts the source withholds, by measure id, with the reason.
    pub withheld_halves: [BTreeMap<String, String>; 2],
    /// Where imported figures came from (`kilder:`), by measure or indicator id.
    pub sources: BTreeMap<String, CellSource>,
    /// Where imported half-year counts came from, by measure id.
    pub half_sources: [BTreeMap<String, CellSource>; 2],
    /// The file they came from.
    pub file: PathBuf,
}

/// The secretariat's prose for a half-year.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// The summary shown on the front page.
    pub summary: Option<String>,
    /// Whether the text is illustrative.
    pub example: bool,
    /// Written assessments of success criteria, by criterion id.
    pub assessments: BTreeMap<String, Assessment>,
    /// How each activity went in the half-year, by activity id.
    pub activities: BTreeMap<String, String>,
    /// Internal: the secretariat's note to the board. Shown in the
    /// statusrapport, never on the public site.
    pub to_board: Option<String>,
}

/// The secretariat's written assessment of a success criterion for a half-year.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    /// The status it judges; required for qualitative criteria, which have no
    /// figures to compute it from, and not allowed for the others.
    pub status: Option<GoalStatus>,
    /// The assessment in prose.
    pub text: String,
}

/// How far a success criterion is met. The rules are in `eval::goals`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum GoalStatus {
    /// Not met: worse than the requirement for the year evaluated.
    #[serde(rename = "ikke opfyldt")]
    NotMet,
    /// On track: the requirement for the year is met, the final target not yet.
    #[serde(rename = "på vej")]
    OnTrack,
    /// Met.
    #[serde(rename = "opfyldt")]
    Met,
    /// No figure (or assessment) yet to judge it by.
    #[serde(rename = "ikke målt endnu")]
    NotMeasured,
}

impl GoalStatus {
    /// All statuses, in the order reports list them.
    pub const ALL: [GoalStatus; 4] =
        [GoalStatus::Met, GoalStatus::OnTrack, GoalStatus::NotMet, GoalStatus::NotMeasured];

    /// The Danish label: `opfyldt`, `på vej`, `ikke opfyldt`, `ikke målt endnu`.
    pub fn danish(self) -> &'static str {
        match self {
            GoalStatus::Met => "opfyldt",
            GoalStatus::OnTrack => "på vej",
            GoalStatus::NotMet => "ikke opfyldt",
            GoalStatus::NotMeasured => "ikke målt endnu",
        }
    }
}

impl FromStr for GoalStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<GoalStatus, String> {
        GoalStatus::ALL.into_iter().find(|g| g.danish() == s.trim()).ok_or_else(|| {
            format!("status «{s}» findes ikke; brug opfyldt, på vej, ikke opfyldt eller ikke målt endnu")
        })
    }
}

/// A text from the plan with bullet points, either of which may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prose {
    /// The lead text (paragraphs separated by blank lines).
    pub text: Option<String>,
    /// The bullet points after it.
    pub points: Vec<String>,
}

/// An activity (aktivitet) under a strand of work.
#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    /// Id.
    pub id: String,
    /// Danish name.
    pub name: String,
    /// The strand of work it belongs to.
    pub focus_area: String,
    /// What it is, in a sentence or two.
    pub description: Option<String>,
    /// Its sub-points.
    pub points: Vec<String>,
    /// The expected effect on the list criteria: a lead text and bullet points.
    pub effect: Option<Prose>,
    /// The kind of effect on the list criteria.
    pub marking: Option<Marking>,
    /// The areas it runs in, in the plan's order; `None` for every area.
    pub areas: Option<Vec<String>>,
    /// Who it is for (`målgruppe:`).
    pub target_group: Option<String>,
    /// How and when it is followed up (`opfølgning:`).
    pub follow_up: Option<String>,
}

/// The marking of an activity's expected effect on the list criteria, as in
/// the status overviews (green, yellow, none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Marking {
    /// Expected direct effect.
    #[serde(rename = "direkte")]
    Direct,
    /// Indirect effect in the short or medium term.
    #[serde(rename = "indirekte")]
    Indirect,
    /// Long-term effect or a support function.
    #[serde(rename = "langsigtet")]
    LongTerm,
}

impl Marking {
    /// The key used in `plan.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            Marking::Direct => "direkte",
            Marking::Indirect => "indirekte",
            Marking::LongTerm => "langsigtet",
        }
    }

    /// The Danish label printed beside the colour.
    pub fn danish(self) -> &'static str {
        match self {
            Marking::Direct => "Direkte",
            Marking::Indirect => "Indirekte",
            Marking::LongTerm => "Langsigtet",
        }
    }
}

/// One series a criterion is evaluated for, with its rule.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    /// Series id: an area or `samlet`.
    pub series: String,
    /// The rule for that series.
    pub rule: Rule,
}

/// A success criterion (succeskriterium) of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct Criterion {
    /// Id.
    pub id: String,
    /// The strand of work.
    pub focus_area: String,
    /// The activity it belongs to, if any.
    pub activity: Option<String>,
    /// The criterion as the plan words it.
    pub text: String,
    /// A short title, for the front page's changes (`kort:`).
    pub short: Option<String>,
    /// The indicator it is measured on (none for qualitative criteria).
    pub indicator: Option<String>,
    /// The series and their rules, in the plan's order.
    pub targets: Vec<Target>,
    /// Where the figures come from.
    pub source: String,
    /// Where its id stands in `plan.yaml`.
    #[serde(skip)]
    pub at: Option<diag::Pos>,
}

impl Criterion {
    /// Whether it is judged by a written assessment only: it has targets,
    /// and every one of them is qualitative.
    pub fn is_qualitative(&self) -> bool {
        !self.targets.is_empty() && self.targets.iter().all(|t| t.rule == Rule::Qualitative)
    }
}

/// The plan's own facts.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// Name of the plan.
    pub name: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Secretariat.
    pub secretariat: Option<String>,
    /// Municipality.
    pub municipality: Option<String>,
    /// First day of the plan.
    pub start: Date,
    /// Last day of the plan.
    pub end: Date,
    /// First year data may cover.
    pub first_year: u16,
    /// Last year data may cover.
    pub last_year: u16,
    /// Date of the data; the reports' date.
    pub data_date: Date,
    /// Counts below this are shown as `<5` on the public site, and figures
    /// computed from them are left out there (the board's PDFs show all).
    pub suppress_below: u32,
    /// `plan.yaml`, as the data folder was given.
    #[serde(skip)]
    pub file: PathBuf,
}

/// A strand of work.
#[derive(Debug, Clone, Serialize)]
pub struct FocusArea {
    /// Id.
    pub id: String,
    /// Danish name.
    pub name: String,
}

/// A validated plan with all its figures.
#[derive(Debug, Clone, Serialize)]
pub struct Model {
    /// The plan.
    pub plan: Plan,
    /// Areas, then *samlet*, then references, in the plan's order.
    pub series: Vec<Series>,
    /// Strands of work.
    pub focus_areas: Vec<FocusArea>,
    /// Observed quantities.
    pub measures: Vec<Measure>,
    /// The indicator catalogue in the plan's order.
    pub indicators: Vec<Indicator>,
    /// Figures by series id, then year.
    pub figures: BTreeMap<String, BTreeMap<u16, YearFigures>>,
    /// Prose by half-year.
    pub status: BTreeMap<Period, Status>,
    /// Activities, in the plan's order.
    pub activities: Vec<Activity>,
    /// Success criteria, in the plan's order.
    pub criteria: Vec<Criterion>,
    /// The budget, if `budget.yaml` exists.
    pub budget: Option<budget::Budget>,
    /// The statutory list criteria: the data folder's `listekriterier.yaml`,
    /// else the rule sets built into helhed.
    #[serde(skip)]
    pub list_rules: lists::ListRules,
}

impl Model {
    /// The measure of an indicator that is an average (`gennemsnit: true`),
    /// if any: averages are never summed across areas.
    pub fn averaged_measure<'m>(&self, indicator: &'m Indicator) -> Option<&'m str> {
        let measures: Vec<&'m String> = match &indicator.calc {
            Calc::Ratio { numerator, denominator, .. } => vec![numerator, denominator],
            Calc::Count { measure } => vec![measure],
        };
        measures.into_iter().find(|m| self.measure(m).is_some_and(|m| m.average)).map(String::as_str)
    }

    /// The areas a pooled series (*samlet*, or a group) sums for an
    /// indicator: its areas (all for *samlet*) that the indicator covers.
    pub fn pooled_areas<'a>(
        &'a self,
        pooled: &'a Series,
        indicator: &'a Indicator,
    ) -> impl Iterator<Item = &'a Series> {
        let member = move |id: &str| pooled.kind != SeriesKind::Group || pooled.members.iter().any(|m| m == id);
        self.areas().filter(move |a| indicator.covers(&a.id) && member(&a.id))
    }

    /// The areas of the plan.
    pub fn areas(&self) -> impl Iterator<Item = &Series> {
        self.series.iter().filter(|s| s.kind == SeriesKind::Area)
    }

    /// The figures of a series in a year, if any.
    pub fn year(&self, series: &str, year: u16) -> Option<&YearFigures> {
        self.figures.get(series)?.get(&year)
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The series with this id.
    pub fn series(&self, id: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.id == id)
    }

    /// The measure with this id.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// The latest half-year the data covers: the last year with figures, in
    /// its second half unless only `h1` figures exist for it.
    pub fn latest_period(&self) -> Option<Period> {
        let from_figures = self.figures.values().flat_map(|years| {
            years.iter().map(|(&year, f)| {
                let only_h1 =
                    f.halves[0].is_some() && f.halves[1].is_none() && f.counts.is_empty() && f.values.is_empty();
                Period { year, half: if only_h1 { 1 } else { 2 } }
            })
        });
        from_figures.chain(self.status.keys().copied()).max()
    }
}
