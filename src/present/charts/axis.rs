//! A chart's value axis: where it starts and ends and its ticks, from the
//! figures and the target lines it shows.

use super::{TargetLine, shown_rows};
use crate::eval::values::Trend;
use crate::model::{Calc, Indicator};
use rust_decimal::Decimal;

/// The value axis: from `bottom` to `top` in steps of `step`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueAxis {
    /// The lowest value: 0, or a round value below the data.
    pub bottom: Decimal,
    /// The highest value.
    pub top: Decimal,
    /// The step between ticks.
    pub step: Decimal,
}

impl ValueAxis {
    /// The decimals its tick labels are printed with.
    pub fn decimals(&self) -> u32 {
        if self.step.fract().is_zero() { 0 } else { self.step.scale().min(2) }
    }
}

/// The value axis of a chart: for its rows' figures and its target lines'
/// values, with whole ticks for an indicator that counts.
pub(super) fn chart_axis<'t>(
    indicator: &Indicator,
    trend: &Trend,
    targets: impl Iterator<Item = &'t TargetLine>,
) -> ValueAxis {
    let values: Vec<Decimal> = shown_rows(trend)
        .flat_map(|r| r.points.iter().filter_map(|p| p.value.map(|v| v.value)))
        .chain(targets.flat_map(|t| t.points.iter().map(|(_, v)| *v)))
        .collect();
    let (min, max) = (values.iter().min().copied(), values.iter().max().copied());
    value_axis(min.unwrap_or_default(), max.unwrap_or_default(), matches!(indicator.calc, Calc::Count { .. }))
}

/// The value axis for values from `min` to `max`: from 0, unless 0 would
/// leave more than half the plot empty below the lowest value (shares in
/// the 60s and 70s); then from a round value below it.
pub fn value_axis(min: Decimal, max: Decimal, whole: bool) -> ValueAxis {
    let max = max.max(Decimal::ONE);
    let min = min.min(max);
    // The span the ticks divide: at least a fifth of the top value, so a
    // flat or nearly flat series is not zoomed into noise.
    let span = (max - min).max(max / Decimal::from(5));
    if min > Decimal::ZERO && min > span {
        let step = tick_step(span, whole);
        let mut bottom = (min / step).floor() * step;
        if bottom >= min {
            bottom -= step;
        }
        let top = ((max / step).ceil() * step).max(bottom + step);
        return ValueAxis { bottom: bottom.max(Decimal::ZERO), top, step };
    }
    let step = tick_step(max, whole);
    ValueAxis { bottom: Decimal::ZERO, top: (max / step).ceil() * step, step }
}

/// A rounded tick step: 1, 2, 2,5 or 5 times a power of ten, giving about
/// five intervals. On an axis of counts (`whole`) every tick is a whole
/// number: the step is at least 1 and never 2,5.
fn tick_step(max: Decimal, whole: bool) -> Decimal {
    let rough = max / Decimal::from(5);
    let mut magnitude = Decimal::ONE;
    while magnitude * Decimal::TEN <= rough {
        magnitude *= Decimal::TEN;
    }
    while magnitude > rough && magnitude > Decimal::new(1, 6) {
        magnitude /= Decimal::TEN;
    }
    [Decimal::ONE, Decimal::TWO, Decimal::new(25, 1), Decimal::from(5), Decimal::TEN]
        .into_iter()
        .map(|f| f * magnitude)
        .filter(|step| !whole || (step.fract().is_zero() && *step >= Decimal::ONE))
        .find(|step| *step >= rough)
        .unwrap_or_else(|| (magnitude * Decimal::TEN).max(Decimal::ONE))
}

#[cfg(test)]
mod tests {
    use super::tick_step;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn tick_steps_are_round() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(tick_step(d("55.1"), false), d("20"));
        assert_eq!(tick_step(d("100"), false), d("20"));
        assert_eq!(tick_step(d("12"), false), d("2.5"));
        assert_eq!(tick_step(d("1"), false), d("0.2"));
        assert_eq!(tick_step(d("123"), false), d("25"));
        // Counts: whole steps only, so no axis reads 0,2 0,4 … or 2,5 5,0 ….
        assert_eq!(tick_step(d("1"), true), d("1"));
        assert_eq!(tick_step(d("2"), true), d("1"));
        assert_eq!(tick_step(d("12"), true), d("5"));
        assert_eq!(tick_step(d("7"), true), d("2"));
        assert_eq!(tick_step(d("123"), true), d("25"));
    }
}
