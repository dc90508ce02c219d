//! The areas of a chart as one band, when they are too many for lines.

use crate::model::SeriesKind;
use rust_decimal::Decimal;

/// The most areas a chart draws as lines of their own. More cannot be told
/// apart (six colours, four markers) and their legend would fill the page:
/// they are drawn as one band from the lowest to the highest area's value,
/// with *samlet* and the references as lines, and every area's figure is in
/// the table beside the chart.
pub const MAX_AREA_LINES: usize = 8;

/// The areas' values as a band: per year, the lowest and the highest.
pub(super) struct Band {
    /// How many areas.
    pub(super) areas: usize,
    /// Year, lowest, highest; years where no area has a value are left out.
    pub(super) points: Vec<(u16, Decimal, Decimal)>,
}

impl Band {
    /// The band of a trend's area rows, if there are more than [`MAX_AREA_LINES`].
    pub(super) fn of(rows: &[&crate::eval::values::Row], years: &[u16]) -> Option<Band> {
        let areas: Vec<_> = rows.iter().filter(|r| r.kind == SeriesKind::Area).collect();
        if areas.len() <= MAX_AREA_LINES {
            return None;
        }
        let points = years
            .iter()
            .filter_map(|&year| {
                let values = areas.iter().filter_map(|r| r.at(year).and_then(|p| p.value.as_ref()).map(|v| v.value));
                let (low, high) = values.fold((None, None), |(lo, hi): (Option<Decimal>, Option<Decimal>), v| {
                    (Some(lo.map_or(v, |l| l.min(v))), Some(hi.map_or(v, |h| h.max(v))))
                });
                Some((year, low?, high?))
            })
            .collect();
        Some(Band { areas: areas.len(), points })
    }
}
