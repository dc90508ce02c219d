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
