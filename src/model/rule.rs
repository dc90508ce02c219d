//! The rules of success criteria: what each kind requires is defined in
//! `eval::goals`; here are the kinds, their parameters and the comparisons.

use super::Better;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

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
    pub const ALL: [RuleKind; 13] = [
        RuleKind::Ceiling,
        RuleKind::Floor,
        RuleKind::Path,
        RuleKind::YearlyChange,
        RuleKind::ChangeFromBase,
        RuleKind::Reference,
        RuleKind::ZeroPoint,
        RuleKind::MinCount,
        RuleKind::MinShare,
        RuleKind::FloorThenGrowth,
        RuleKind::ReduceBy,
        RuleKind::Direction,
        RuleKind::Qualitative,
    ];

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
}
