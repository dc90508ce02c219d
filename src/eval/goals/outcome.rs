//! What an evaluation found, as types: what a requirement is built from,
//! why a rule cannot yet set one, and how an evaluation came out. The
//! sentences are written from these by `present::criteria`.

use super::Requirement;
use crate::model::{Per, Period};
use rust_decimal::Decimal;

/// What a year's requirement is built from: everything its Danish words
/// (`present::criteria`) name besides the comparison and the value.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// The figure the plan states (a ceiling, a floor, a share, a path's final
    /// target): printed with at least the decimals it is written with.
    Stated,
    /// A count the plan states, per year or half-year.
    Count {
        /// Per year or half-year.
        per: Per,
    },
    /// A point on the straight path from a baseline to a target.
    OnPath {
        /// The year the point is for.
        year: u16,
        /// The baseline's year and value.
        from: (u16, Decimal),
        /// Whether the plan states the baseline's value (else it is measured).
        from_stated: bool,
        /// The target's year and value.
        to: (u16, Decimal),
    },
    /// A change of `percent` a year against the latest earlier value.
    YearlyChange {
        /// Signed per cent a year.
        percent: Decimal,
        /// The earlier value's year and value.
        from: (u16, Decimal),
        /// The year the requirement is for.
        year: u16,
    },
    /// A change of `percent` a year, compounding, from a baseline.
    ChangeFromBase {
        /// Signed per cent a year.
        percent: Decimal,
        /// The baseline's year and value.
        base: (u16, Decimal),
    },
    /// Better than a reference series' value.
    Reference {
        /// The reference series' id.
        series: String,
        /// The year of its value.
        year: u16,
    },
    /// `percent` better than the zero point.
    ZeroPointChange {
        /// Signed per cent.
        percent: Decimal,
        /// The zero point's year and value.
        zero: (u16, Decimal),
    },
    /// Better than the zero point.
    ZeroPoint {
        /// The zero point's year.
        year: u16,
    },
    /// A floor in the year it is due.
    FloorReached,
    /// A floor reached and then held.
    FloorHeld {
        /// The year it was due.
        due: u16,
    },
    /// A floor reached, then growing `growth` per cent a year.
    FloorGrowing {
        /// The floor.
        min: Decimal,
        /// The year it was due.
        due: u16,
        /// Per cent a year.
        growth: Decimal,
    },
    /// A point on the way to a floor.
    TowardsFloor {
        /// The year the point is for.
        year: u16,
        /// The floor.
        min: Decimal,
        /// The year it is due.
        due: u16,
    },
    /// A reduction reached by its year and held since.
    Reduced {
        /// Signed per cent.
        percent: Decimal,
        /// The baseline's year and value.
        base: (u16, Decimal),
        /// The year it was due.
        by: u16,
    },
    /// A point on the way to a reduction.
    Reducing {
        /// The year the point is for.
        year: u16,
        /// The reduced value.
        target: Decimal,
        /// Signed per cent.
        percent: Decimal,
        /// The baseline's year and value.
        base: (u16, Decimal),
        /// The year it is due.
        by: u16,
    },
    /// Better than the level at the start of a period.
    Direction {
        /// The first year.
        from: u16,
        /// The last year.
        to: u16,
    },
}

/// Why a rule cannot yet say what a year requires.
#[derive(Debug, Clone, PartialEq)]
pub enum Unset {
    /// The year is the baseline itself (or before it).
    BaseYear {
        /// The baseline's year.
        year: u16,
    },
    /// The baseline's value is to be measured and is not.
    BaselineUnmeasured {
        /// The baseline's year.
        year: u16,
    },
    /// There is no value since the base year to compare with.
    NothingSince {
        /// The base year.
        year: u16,
    },
    /// The reference series has no value (for the fixed year, if any).
    NoReference {
        /// The reference series' id.
        series: String,
        /// The fixed year, if the rule names one.
        year: Option<u16>,
    },
    /// The zero point is not measured yet.
    ZeroPointUnmeasured {
        /// The zero point's year.
        year: u16,
    },
    /// The year is the zero point itself (or before it).
    ZeroPointYear {
        /// The zero point's year.
        year: u16,
        /// Its value.
        value: Decimal,
    },
    /// There is no value in the plan period yet.
    NoValueInPlan,
    /// The year is the first measured in the plan period, where the way to a
    /// floor starts.
    FirstMeasurement {
        /// That year.
        year: u16,
        /// The year the floor is due.
        due: u16,
    },
    /// The year is the start of the period a direction is judged over.
    StartYear {
        /// The first year.
        year: u16,
    },
    /// The start of that period is not measured.
    StartUnmeasured {
        /// The first year.
        year: u16,
    },
    /// A count per year in a year the plan covers only in part: the plan
    /// ran from `from` (or until `to`), so a year's target cannot be judged.
    PartYear {
        /// The year.
        year: u16,
        /// The plan's first day, if the plan starts in that year.
        from: Option<crate::model::Date>,
        /// The plan's last day, if the plan ends in that year.
        to: Option<crate::model::Date>,
    },
    /// The criterion is judged in writing.
    Written,
}

/// How an evaluation came out: what its sentence (`present::criteria`) says.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A qualitative criterion: the secretariat's assessment for the
    /// half-year, if written with a status.
    Assessed {
        /// The half-year.
        period: Period,
        /// The assessment's text.
        text: Option<String>,
    },
    /// A half-yearly count with no half-year in the plan period.
    NoHalfYears,
    /// No value in the plan period; the latest before it, if any.
    NoValue {
        /// The latest year and value before the plan period.
        latest: Option<(u16, Decimal)>,
    },
    /// A value, but the rule cannot yet say what its year requires.
    Unset {
        /// Why.
        reason: Unset,
    },
    /// The value judged against its year's requirement.
    Judged {
        /// What the requirement is built from.
        basis: Basis,
        /// The rule's final target and its year, if it has one.
        final_target: Option<(u16, Option<Requirement>)>,
    },
}
