//! The ground floor: the validated, typed model of a plan and its figures,
//! and the two things every stage shares, diagnostics ([`diag`]) and exact
//! Danish number text ([`text`]). Everything after `validate` works on the
//! model and can trust it: ids resolve, numbers are exact decimals in range,
//! years lie within the plan. This module imports nothing else of helhed.

pub mod budget;
pub mod diag;
pub mod lists;
pub mod text;

use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

/// A calendar date. Serialises as `2019-01-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day of month, 1-31.
    pub day: u8,
}

impl Date {
    /// The Danish long form: `15. januar 2019`.
    pub fn danish(&self) -> String {
        const MONTHS: [&str; 12] = [
            "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
            "november", "december",
        ];
        format!("{}. {} {}", self.day, MONTHS[usize::from(self.month - 1)], self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl FromStr for Date {
    type Err = String;
    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("«{s}» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2019-01-15");
        let mut parts = s.trim().split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (year, month, day): (u16, u8, u8) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if !(1..=12).contains(&month) || day == 0 || day > days[usize::from(month - 1)] {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }
}

/// A half-year, the period a statusrapport covers. Serialises as `2018-H2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// Year.
    pub year: u16,
    /// 1 or 2.
    pub half: u8,
}

impl Period {
    /// `2. halvår 2018`.
    pub fn danish(&self) -> String {
        format!("{}. halvår {}", self.half, self.year)
    }

    /// The last calendar year whose annual figures are complete by the end
    /// of this half-year: the year itself after H2, the year before after H1.
    pub fn last_full_year(&self) -> u16 {
        if self.half == 2 { self.year } else { self.year.saturating_sub(1) }
    }

    /// The half-year before this one.
    pub fn previous(&self) -> Period {
        if self.half == 2 { Period { year: self.year, half: 1 } } else { Period { year: self.year.saturating_sub(1), half: 2 } }
    }

    /// `2018-h2`, as used in file names.
    pub fn slug(&self) -> String {
        format!("{}-h{}", self.year, self.half)
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-H{}", self.year, self.half)
    }
}

impl FromStr for Period {
    type Err = String;
    /// Parses `2018-H2` (or `2018-h2`).
    fn from_str(s: &str) -> Result<Period, String> {
        let bad = || format!("«{s}» er ikke et halvår; skriv fx 2018-H2 (år, bindestreg, H1 eller H2)");
        let (y, h) = s.trim().split_once('-').ok_or_else(bad)?;
        let year: u16 = if y.len() == 4 { y.parse().map_err(|_| bad())? } else { return Err(bad()) };
        let half = match h {
            "H1" | "h1" => 1,
            "H2" | "h2" => 2,
            _ => return Err(bad()),
        };
        Ok(Period { year, half })
    }
}

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
}

impl Indicator {
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
    /// Whether it counts people, so that a small count is suppressed on the
    /// public site.
    pub suppress_small: bool,
}

/// What kind of series a row of figures is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SeriesKind {
    /// A housing area of the plan.
    Area,
    /// All areas together (*samlet*).
    Total,
    /// A reference series (municipality, country, SUB average).
    Reference,
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
    /// Area, total or reference.
    pub kind: SeriesKind,
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

/// The figures of one series for one year.
#[derive(Debug, Clone, Default, Serialize)]
pub struct YearFigures {
    /// Observed counts by measure id.
    pub counts: BTreeMap<String, Figure>,
    /// Indicator values given directly, by indicator id.
    pub values: BTreeMap<String, Figure>,
    /// Counts per half-year (`h1`, `h2`) by measure id.
    pub halves: [Option<BTreeMap<String, Figure>>; 2],
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
    pub const ALL: [GoalStatus; 4] = [GoalStatus::Met, GoalStatus::OnTrack, GoalStatus::NotMet, GoalStatus::NotMeasured];

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
    /// The expected effect on the list criteria, in prose.
    pub effect: Option<String>,
    /// The kind of effect on the list criteria.
    pub marking: Option<Marking>,
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

/// How a value is compared with a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Cmp {
    /// Strictly below.
    #[serde(rename = "under")]
    Below,
    /// At most.
    #[serde(rename = "højst")]
    AtMost,
    /// Strictly above.
    #[serde(rename = "over")]
    Above,
    /// At least.
    #[serde(rename = "mindst")]
    AtLeast,
}

impl fmt::Display for Cmp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.danish())
    }
}

impl Cmp {
    /// Whether `value` meets `limit` under this comparison.
    pub fn holds(self, value: Decimal, limit: Decimal) -> bool {
        match self {
            Cmp::Below => value < limit,
            Cmp::AtMost => value <= limit,
            Cmp::Above => value > limit,
            Cmp::AtLeast => value >= limit,
        }
    }

    /// The Danish word: `under`, `højst`, `over`, `mindst`.
    pub fn danish(self) -> &'static str {
        match self {
            Cmp::Below => "under",
            Cmp::AtMost => "højst",
            Cmp::Above => "over",
            Cmp::AtLeast => "mindst",
        }
    }

    /// At or better than, for an indicator where `better` is the good direction.
    pub fn at_or_better(better: Better) -> Cmp {
        match better {
            Better::Lower => Cmp::AtMost,
            Better::Higher => Cmp::AtLeast,
        }
    }

    /// Strictly better than.
    pub fn better_than(better: Better) -> Cmp {
        match better {
            Better::Lower => Cmp::Below,
            Better::Higher => Cmp::Above,
        }
    }
}

/// A baseline: a year and its value, given or (when `None`) taken from the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Anchor {
    /// The year.
    #[serde(rename = "år")]
    pub year: u16,
    /// The value, if the plan states it.
    #[serde(rename = "værdi")]
    pub value: Option<Decimal>,
}

/// Whether a count target is per year or per half-year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Per {
    /// Per calendar year.
    #[serde(rename = "år")]
    Year,
    /// Per half-year.
    #[serde(rename = "halvår")]
    Half,
}

/// The rule of a success criterion. What each kind requires for a year is
/// defined in `eval::goals`; percentages are signed (-10 is a fall of 10 %).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "slags")]
pub enum Rule {
    /// A ceiling, every year: `under` or `højst` a value.
    #[serde(rename = "loft")]
    Ceiling {
        /// `under` or `højst`.
        #[serde(rename = "sammenligning")]
        cmp: Cmp,
        /// The ceiling.
        #[serde(rename = "værdi")]
        value: Decimal,
    },
    /// A floor, every year: `over` or `mindst` a value.
    #[serde(rename = "gulv")]
    Floor {
        /// `over` or `mindst`.
        #[serde(rename = "sammenligning")]
        cmp: Cmp,
        /// The floor.
        #[serde(rename = "værdi")]
        value: Decimal,
    },
    /// A straight path from a baseline to a target value by a year.
    #[serde(rename = "forløb")]
    Path {
        /// The baseline.
        #[serde(rename = "fra")]
        from: Anchor,
        /// The target and its year (the value is required).
        #[serde(rename = "til")]
        to: Anchor,
    },
    /// A change of at least `percent` each year against the year before.
    #[serde(rename = "årlig-ændring")]
    YearlyChange {
        /// Signed per cent a year.
        #[serde(rename = "procent")]
        percent: Decimal,
        /// The first year changes are counted from.
        #[serde(rename = "basisår")]
        base_year: u16,
    },
    /// A change of `percent` a year, compounding, from a baseline.
    #[serde(rename = "ændring-fra-basis")]
    ChangeFromBase {
        /// Signed per cent a year.
        #[serde(rename = "procent")]
        percent: Decimal,
        /// The baseline.
        #[serde(rename = "basis")]
        base: Anchor,
    },
    /// Better than a reference series (in a fixed year, or the same year).
    #[serde(rename = "reference")]
    Reference {
        /// The reference series' id.
        #[serde(rename = "reference")]
        series: String,
        /// A fixed year of the reference, if the plan names one.
        #[serde(rename = "år")]
        year: Option<u16>,
    },
    /// Better than (or `percent` better than) a zero point measured later.
    #[serde(rename = "nulpunkt")]
    ZeroPoint {
        /// The year of the zero point.
        #[serde(rename = "nulpunkt")]
        year: u16,
        /// Signed per cent from the zero point, if the target is set as one.
        #[serde(rename = "procent")]
        percent: Option<Decimal>,
    },
    /// At least a count per year or half-year.
    #[serde(rename = "mindste-antal")]
    MinCount {
        /// The minimum.
        #[serde(rename = "mindst")]
        min: Decimal,
        /// Per year or half-year.
        #[serde(rename = "pr")]
        per: Per,
    },
    /// At least a share, in per cent.
    #[serde(rename = "mindste-andel")]
    MinShare {
        /// The minimum share.
        #[serde(rename = "mindst")]
        min: Decimal,
    },
    /// At least `min` by `year`, then growing `growth` per cent a year.
    #[serde(rename = "gulv-så-vækst")]
    FloorThenGrowth {
        /// The floor.
        #[serde(rename = "mindst")]
        min: Decimal,
        /// The year the floor is due.
        #[serde(rename = "år")]
        year: u16,
        /// Per cent a year after that.
        #[serde(rename = "vækst")]
        growth: Decimal,
    },
    /// Changed by `percent` from a baseline by a year, then held.
    #[serde(rename = "reduktion-inden")]
    ReduceBy {
        /// Signed per cent, once.
        #[serde(rename = "procent")]
        percent: Decimal,
        /// The baseline.
        #[serde(rename = "basis")]
        base: Anchor,
        /// The year the change is due.
        #[serde(rename = "inden")]
        by: u16,
    },
    /// Better at the end of a period than at its start.
    #[serde(rename = "retning")]
    Direction {
        /// The first year.
        #[serde(rename = "fra")]
        from: u16,
        /// The last year.
        #[serde(rename = "til")]
        to: u16,
    },
    /// Judged in writing by the secretariat.
    #[serde(rename = "kvalitativ")]
    Qualitative,
}

/// The kind of a success criterion's rule: one variant per [`Rule`]
/// variant, named in `plan.yaml` by its [`key`](RuleKind::key) under `slags:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// `loft`.
    Ceiling,
    /// `gulv`.
    Floor,
    /// `forløb`.
    Path,
    /// `årlig-ændring`.
    YearlyChange,
    /// `ændring-fra-basis`.
    ChangeFromBase,
    /// `reference`.
    Reference,
    /// `nulpunkt`.
    ZeroPoint,
    /// `mindste-antal`.
    MinCount,
    /// `mindste-andel`.
    MinShare,
    /// `gulv-så-vækst`.
    FloorThenGrowth,
    /// `reduktion-inden`.
    ReduceBy,
    /// `retning`.
    Direction,
    /// `kvalitativ`.
    Qualitative,
}

impl RuleKind {
    /// Every kind, in the order the book lists them.
    pub const ALL: [RuleKind; 13] = [RuleKind::Ceiling, RuleKind::Floor, RuleKind::Path, RuleKind::YearlyChange, RuleKind::ChangeFromBase, RuleKind::Reference, RuleKind::ZeroPoint, RuleKind::MinCount, RuleKind::MinShare, RuleKind::FloorThenGrowth, RuleKind::ReduceBy, RuleKind::Direction, RuleKind::Qualitative];

    /// The name under `slags:` in `plan.yaml` (and in `tal.json`).
    pub fn key(self) -> &'static str {
        match self {
            RuleKind::Ceiling => "loft",
            RuleKind::Floor => "gulv",
            RuleKind::Path => "forløb",
            RuleKind::YearlyChange => "årlig-ændring",
            RuleKind::ChangeFromBase => "ændring-fra-basis",
            RuleKind::Reference => "reference",
            RuleKind::ZeroPoint => "nulpunkt",
            RuleKind::MinCount => "mindste-antal",
            RuleKind::MinShare => "mindste-andel",
            RuleKind::FloorThenGrowth => "gulv-så-vækst",
            RuleKind::ReduceBy => "reduktion-inden",
            RuleKind::Direction => "retning",
            RuleKind::Qualitative => "kvalitativ",
        }
    }

    /// The kind named `key`.
    pub fn from_key(key: &str) -> Option<RuleKind> {
        RuleKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

impl Rule {
    /// The rule's kind.
    pub fn kind(&self) -> RuleKind {
        match self {
            Rule::Ceiling { .. } => RuleKind::Ceiling,
            Rule::Floor { .. } => RuleKind::Floor,
            Rule::Path { .. } => RuleKind::Path,
            Rule::YearlyChange { .. } => RuleKind::YearlyChange,
            Rule::ChangeFromBase { .. } => RuleKind::ChangeFromBase,
            Rule::Reference { .. } => RuleKind::Reference,
            Rule::ZeroPoint { .. } => RuleKind::ZeroPoint,
            Rule::MinCount { .. } => RuleKind::MinCount,
            Rule::MinShare { .. } => RuleKind::MinShare,
            Rule::FloorThenGrowth { .. } => RuleKind::FloorThenGrowth,
            Rule::ReduceBy { .. } => RuleKind::ReduceBy,
            Rule::Direction { .. } => RuleKind::Direction,
            Rule::Qualitative => RuleKind::Qualitative,
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
                let only_h1 = f.halves[0].is_some()
                    && f.halves[1].is_none()
                    && f.counts.is_empty()
                    && f.values.is_empty();
                Period { year, half: if only_h1 { 1 } else { 2 } }
            })
        });
        from_figures.chain(self.status.keys().copied()).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The YAML name of every kind is the one its rule serialises under, so
    /// `slags` reads alike in `plan.yaml` and `tal.json`.
    #[test]
    fn a_rule_serialises_under_its_kinds_name() {
        let d = Decimal::ONE;
        let a = Anchor { year: 2016, value: None };
        let rules = [
            Rule::Ceiling { cmp: Cmp::AtMost, value: d },
            Rule::Floor { cmp: Cmp::AtLeast, value: d },
            Rule::Path { from: a, to: a },
            Rule::YearlyChange { percent: d, base_year: 2016 },
            Rule::ChangeFromBase { percent: d, base: a },
            Rule::Reference { series: "x".into(), year: None },
            Rule::ZeroPoint { year: 2016, percent: None },
            Rule::MinCount { min: d, per: Per::Year },
            Rule::MinShare { min: d },
            Rule::FloorThenGrowth { min: d, year: 2016, growth: d },
            Rule::ReduceBy { percent: d, base: a, by: 2017 },
            Rule::Direction { from: 2016, to: 2017 },
            Rule::Qualitative,
        ];
        assert_eq!(rules.iter().map(Rule::kind).collect::<Vec<_>>(), RuleKind::ALL);
        for rule in &rules {
            let json = serde_json::to_value(rule).unwrap();
            assert_eq!(json["slags"], rule.kind().key());
            assert_eq!(RuleKind::from_key(rule.kind().key()), Some(rule.kind()));
        }
    }

    #[test]
    fn parses_dates_and_periods() {
        assert_eq!("2019-01-15".parse::<Date>().unwrap().danish(), "15. januar 2019");
        assert!("2019-02-30".parse::<Date>().unwrap_err().contains("ÅÅÅÅ-MM-DD"));
        assert_eq!("2018-12-01".parse::<Date>().unwrap().to_string(), "2018-12-01");
        assert_eq!(serde_json::to_value("2000-02-29".parse::<Date>().unwrap()).unwrap(), "2000-02-29");
        assert!("1900-02-29".parse::<Date>().is_err());
        assert_eq!("2018-H2".parse::<Period>().unwrap(), Period { year: 2018, half: 2 });
        assert_eq!("2018-h1".parse::<Period>().unwrap().danish(), "1. halvår 2018");
        assert!("2018-H3".parse::<Period>().is_err());
        assert_eq!(Period { year: 2018, half: 2 }.slug(), "2018-h2");
    }
}
