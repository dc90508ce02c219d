//! The public filter: which figures the public site may show. The board's
//! PDFs show every figure; the site follows the plan's discretion threshold
//! (`diskretionsgrænse`, default 5): a count of people below it is shown as
//! `<5`, a figure computed from such a count is hidden, and so is *samlet*
//! that year (with the other areas shown it would give the count away).

use crate::eval::goals::{Evaluation, When};
use crate::eval::values::{Missing, Origin, Trend, Value, half_values};
use crate::model::{Calc, Indicator, Model, Period};
use rust_decimal::Decimal;

/// The public filter: which figures may be published.
pub struct Public<'a> {
    /// The model the figures come from.
    pub model: &'a Model,
    /// The threshold: counts below it are not published.
    pub below: Decimal,
}

/// Why a figure is not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// A count of people below the threshold: shown as `<5`.
    SmallCount,
    /// Computed from such a count: not shown. This includes *samlet* pooled
    /// over areas when one area's count is small: next to the other areas'
    /// published counts, the total would give the small one away.
    FromSmallCount,
}

impl<'a> Public<'a> {
    /// The filter of a plan.
    pub fn new(model: &'a Model) -> Public<'a> {
        Public { model, below: Decimal::from(model.plan.suppress_below) }
    }

    fn small(&self, measure: &str, count: Decimal) -> bool {
        self.model.measure(measure).is_none_or(|m| m.suppress_small) && count < self.below
    }

    /// Whether (and why) a value of an indicator may not be published.
    /// Published rates given as they are (origin `Given`) were published by
    /// their source and stay; counts and figures computed from counts are
    /// checked against the threshold.
    ///
    /// A total pooled over the areas is hidden when any area's part of it is
    /// small (complementary suppression): `Samlet` minus the areas shown
    /// would otherwise be the hidden count, or the sum of the hidden ones.
    pub fn hides(&self, indicator: &Indicator, value: &Value) -> Option<Hidden> {
        let parts = value.parts?;
        match &indicator.calc {
            Calc::Count { .. } if self.small_parts(indicator, parts) => return Some(Hidden::SmallCount),
            Calc::Ratio { .. } if value.origin == Origin::Given => {}
            Calc::Ratio { .. } if self.small_parts(indicator, parts) => return Some(Hidden::FromSmallCount),
            _ => {}
        }
        value.smallest.filter(|&smallest| self.small_parts(indicator, smallest)).map(|_| Hidden::FromSmallCount)
    }

    /// Whether a numerator (a count) and denominator of the indicator hold a
    /// count below the threshold.
    fn small_parts(&self, indicator: &Indicator, (n, d): (Decimal, Decimal)) -> bool {
        match &indicator.calc {
            Calc::Count { measure } => self.small(measure, n),
            Calc::Ratio { numerator, denominator, .. } => self.small(numerator, n) || self.small(denominator, d),
        }
    }

    /// The trend with every unpublishable value taken out, for the charts.
    /// Changes are dropped throughout: one from a hidden value would give it away.
    pub fn trend(&self, indicator: &Indicator, trend: &Trend) -> Trend {
        let mut public = trend.clone();
        for point in public.rows.iter_mut().flat_map(|r| r.points.iter_mut()) {
            point.vs_previous = None;
            point.vs_base = None;
            if point.value.is_some_and(|v| self.hides(indicator, &v).is_some()) {
                point.value = None;
                point.missing = Some(Missing::Hidden);
            }
        }
        public
    }

    /// Whether any yearly or half-yearly value of a series up to `period` is
    /// hidden. A success criterion's requirement is often built from an
    /// earlier value (a baseline, last year's figure), so for such a series
    /// the site shows neither the requirement nor the target line.
    pub fn series_hidden(&self, indicator: &Indicator, trend: &Trend, series: &str, period: Period) -> bool {
        let yearly = trend
            .rows
            .iter()
            .filter(|r| r.series == series)
            .flat_map(|r| &r.points)
            .any(|p| p.value.is_some_and(|v| self.hides(indicator, &v).is_some()));
        yearly
            || half_values(self.model, indicator, series, period).values().any(|v| self.hides(indicator, v).is_some())
    }

    /// Whether the value an evaluation judged may be published: a yearly
    /// value is the trend's, a half-year's is computed as the goals do.
    pub fn evaluation_hidden(&self, indicator: &Indicator, trend: &Trend, e: &Evaluation) -> bool {
        let value = match e.when {
            None => return false,
            Some(When::Half(period)) => half_values(self.model, indicator, &e.series, period).get(&period).copied(),
            Some(When::Year(year)) => {
                trend.rows.iter().find(|r| r.series == e.series).and_then(|r| r.at(year)).and_then(|p| p.value)
            }
        };
        value.is_some_and(|v| self.hides(indicator, &v).is_some())
    }
}
