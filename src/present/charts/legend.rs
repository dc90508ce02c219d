//! A chart's legend: the sample of each line, in the PDF's chart and as the
//! site's HTML legend beside it.

use super::{Entry, Styled, draw_line, draw_marker};
use crate::eval::values::Trend;
use crate::model::Model;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// Draws a legend entry's sample, 26 units long, starting at `(x, y)`.
pub(super) fn draw_sample<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    entry: &Entry,
    (x, y): (i32, i32),
) {
    let sample = vec![(x, y), (x + 26, y)];
    if entry.band {
        let _ = area.draw(&Rectangle::new([(x, y - 5), (x + 26, y + 5)], super::BAND.filled()));
    } else if let Some(target) = entry.target {
        let stroke = target.colour.stroke_width(2);
        let (dash, gap) = target.dash;
        let _ = area.draw(&DashedPathElement::new(sample, dash, gap, stroke));
        if target.dash == (2, 4) {
            let _ = area.draw(&PathElement::new(vec![(x + 6, y), (x + 20, y)], stroke));
        }
    } else {
        draw_line(area, sample, entry.style);
        draw_marker(area, entry.style.marker, (x + 13, y), 3, entry.style.colour);
    }
}

/// A legend entry for the site: the line's sample as a small SVG (no text
/// in it) and the name, which the page sets as HTML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendKey {
    /// The series or target line, as the chart's own legend names it.
    pub name: String,
    /// `<svg …>` of 30 × 16 units, hidden from screen readers.
    pub sample: String,
}

/// The legend of a chart, for the site to set beside it.
pub fn legend(model: &Model, trend: &Trend, targets: &[super::TargetLine]) -> Vec<LegendKey> {
    let styled = Styled::new(model, trend, targets);
    styled
        .entries()
        .into_iter()
        .map(|entry| {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (30, 16)).into_drawing_area();
                draw_sample(&root, &entry, (2, 8));
                let _ = root.present();
            }
            let sample = svg.replacen("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", 1);
            LegendKey { name: entry.name, sample: sample.trim_end().to_string() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::present::charts::tick_step;
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
