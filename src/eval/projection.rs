//! Where a series is heading: the least-squares trend of its latest values,
//! projected to the year it meets a target, and the two-year average.

use crate::eval::goals::Requirement;
use crate::eval::values::Value;
use crate::model::Cmp;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// How many of the latest measured years the least-squares trend uses.
pub const TREND_YEARS: usize = 4;

/// Where a least-squares trend leads.
#[derive(Debug, Clone, Serialize)]
pub struct Projection {
    /// The years the trend is fitted to.
    #[serde(rename = "år")]
    pub years: Vec<u16>,
    /// Change per year along the fitted line (exact quotient).
    #[serde(rename = "hældning")]
    pub slope: Decimal,
    /// The first whole year the line meets the target; none if it never does.
    #[serde(rename = "når_målet")]
    pub reaches: Option<u16>,
    /// The year the target is due.
    #[serde(rename = "frist")]
    pub deadline: u16,
}

/// The least-squares line through `points`: (slope, mean x, mean y), exact
/// but for the division's 28 significant digits. None for fewer than two years.
pub fn least_squares(points: &[(u16, Decimal)]) -> Option<(Decimal, Decimal, Decimal)> {
    if points.len() < 2 {
        return None;
    }
    let n = Decimal::from(points.len());
    let mean_x = points.iter().map(|(x, _)| Decimal::from(*x)).sum::<Decimal>() / n;
    let mean_y = points.iter().map(|(_, y)| *y).sum::<Decimal>() / n;
    let sxx: Decimal = points.iter().map(|(x, _)| (Decimal::from(*x) - mean_x) * (Decimal::from(*x) - mean_x)).sum();
    let sxy: Decimal = points.iter().map(|(x, y)| (Decimal::from(*x) - mean_x) * (*y - mean_y)).sum();
    let slope = sxy.checked_div(sxx)?;
    Some((slope, mean_x, mean_y))
}

/// The mean of a year's value and the year before's; none if either is missing.
pub fn two_year_average(values: &BTreeMap<u16, Value>, year: u16) -> Option<Decimal> {
    let a = values.get(&year.checked_sub(1)?)?.value;
    let b = values.get(&year)?.value;
    Some((a + b) / Decimal::TWO)
}

/// Projects the least-squares trend of the last [`TREND_YEARS`] values up to
/// `year` to the first whole year it meets `target`.
pub fn project(values: &BTreeMap<u16, Value>, year: u16, target: &Requirement, deadline: u16) -> Option<Projection> {
    let mut points: Vec<(u16, Decimal)> =
        values.range(..=year).rev().take(TREND_YEARS).map(|(y, v)| (*y, v.value)).collect();
    points.reverse();
    let (slope, mean_x, mean_y) = least_squares(&points)?;
    // The line must move towards the target: down to a ceiling, up to a floor.
    let improving = match target.cmp {
        Cmp::Below | Cmp::AtMost => slope < Decimal::ZERO,
        Cmp::Above | Cmp::AtLeast => slope > Decimal::ZERO,
    };
    let last = points.last()?.0;
    let reaches = if improving {
        // x where the line equals the target; the first whole year at or after it that meets it.
        // Far-off crossings (a nearly flat line) overflow and count as never.
        (target.value - mean_y).checked_div(slope).and_then(|q| q.checked_add(mean_x)).and_then(|x| {
            let mut y = x.ceil();
            if y == x && matches!(target.cmp, Cmp::Below | Cmp::Above) {
                y += Decimal::ONE;
            }
            let y: u16 = y.try_into().ok().filter(|y: &u16| *y > 0)?;
            Some(y.max(last + 1))
        })
    } else {
        None
    };
    Some(Projection { years: points.iter().map(|(y, _)| *y).collect(), slope, reaches, deadline })
}
