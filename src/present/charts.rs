//! Charts: one line chart per indicator, drawn with Plotters' SVG
//! backend and returned as SVG text.
//!
//! Positions are computed from the exact decimals and rounded to whole
//! pixels; axis numbers are the Danish-formatted decimals themselves, so no
//! figure on a chart ever passes through floating point.
//!
//! Every line can be told apart without colour: *samlet* is thick, references
//! are dashed, and each area has its own marker shape. A success criterion's
//! requirement per year is a dotted line in its series' colour, with a short
//! bar at each year, running to the end of the plan.

use crate::eval::goals::CriterionResult;
use crate::eval::values::Trend;
use crate::model::text::format_da;
use crate::model::{Calc, Indicator, Model, SeriesKind};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The font family of chart text: embedded in every report, so the PDF shows
/// exactly the glyphs the chart was designed with.
pub const CHART_FONT: &str = "Libertinus Serif";

const WIDTH: u32 = 640;
const PLOT_LEFT: i32 = 58;
const PLOT_RIGHT: i32 = WIDTH as i32 - 18;
const PLOT_TOP: i32 = 14;
const PLOT_HEIGHT: i32 = 220;
const LEGEND_ROW: i32 = 20;

/// Area colours: the Okabe-Ito palette, distinguishable with colour-blindness.
const AREA_COLOURS: [RGBColor; 6] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(230, 159, 0),
];
const TOTAL_COLOUR: RGBColor = RGBColor(26, 26, 26);
/// Groups of areas: dark, unlike the areas' colours, thinner than samlet.
const GROUP_COLOURS: [RGBColor; 2] = [RGBColor(110, 40, 110), RGBColor(40, 90, 60)];
const REFERENCE_COLOURS: [RGBColor; 3] = [RGBColor(110, 110, 110), RGBColor(150, 120, 60), RGBColor(90, 90, 160)];
const GRID: RGBColor = RGBColor(225, 225, 225);
const AXIS: RGBColor = RGBColor(80, 80, 80);

/// The marker at each point of a line.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

/// Area markers in order, so areas differ in shape as well as colour.
const AREA_MARKERS: [Marker; 4] = [Marker::Circle, Marker::Square, Marker::Triangle, Marker::Diamond];

/// How one line is drawn.
#[derive(Debug, Clone, Copy)]
struct LineStyle {
    colour: RGBColor,
    width: u32,
    dashed: bool,
    marker: Marker,
}

fn line_style(kind: SeriesKind, index_in_kind: usize) -> LineStyle {
    match kind {
        SeriesKind::Area => LineStyle {
            colour: AREA_COLOURS[index_in_kind % AREA_COLOURS.len()],
            width: 2,
            dashed: false,
            marker: AREA_MARKERS[index_in_kind % AREA_MARKERS.len()],
        },
        SeriesKind::Total => LineStyle { colour: TOTAL_COLOUR, width: 4, dashed: false, marker: Marker::Circle },
        SeriesKind::Group => LineStyle {
            colour: GROUP_COLOURS[index_in_kind % GROUP_COLOURS.len()],
            width: 3,
            dashed: false,
            marker: Marker::Square,
        },
        SeriesKind::Reference => LineStyle {
            colour: REFERENCE_COLOURS[index_in_kind % REFERENCE_COLOURS.len()],
            width: 2,
            dashed: true,
            marker: Marker::Circle,
        },
    }
}

/// Draws a marker of `size` (its half-width in pixels) centred on `(x, y)`.
fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    marker: Marker,
    (x, y): (i32, i32),
    size: i32,
    colour: RGBColor,
) {
    let style = colour.filled();
    let _ = match marker {
        Marker::Circle => area.draw(&Circle::new((x, y), size, style)),
        Marker::Square => area.draw(&Rectangle::new([(x - size, y - size), (x + size, y + size)], style)),
        Marker::Triangle => {
            area.draw(&Polygon::new(vec![(x, y - size - 1), (x + size + 1, y + size), (x - size - 1, y + size)], style))
        }
        Marker::Diamond => area.draw(&Polygon::new(
            vec![(x, y - size - 1), (x + size + 1, y), (x, y + size + 1), (x - size - 1, y)],
            style,
        )),
    };
}

/// A success criterion's requirement per year for one series of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    /// The series the requirement is set for.
    pub series: String,
    /// The requirement's value per year, in year order.
    pub points: Vec<(u16, Decimal)>,
    /// Its last year's requirement in words, for the alt text:
    /// `Samlet højst 20,0 pr. 1000 beboere i 2021`.
    pub words: String,
}

/// The target lines of an indicator's chart: one per criterion and series
/// measured on it that the chart shows (a series with a figure), each drawn
/// once even if two criteria set the same path.
pub fn target_lines(results: &[CriterionResult], indicator: &Indicator, trend: &Trend) -> Vec<TargetLine> {
    let shown = |series: &str| shown_rows(trend).any(|r| r.series == series);
    let mut lines: Vec<TargetLine> = Vec::new();
    for result in results.iter().filter(|r| r.indicator.as_deref() == Some(indicator.id.as_str())) {
        for eval in result.evaluations.iter().filter(|e| shown(&e.series)) {
            let Some(last) = eval.path.last() else { continue };
            let line = TargetLine {
                series: eval.series.clone(),
                points: eval.path.iter().map(|p| (p.year, p.requirement.value)).collect(),
                words: format!(
                    "{} {} {} i {}",
                    eval.name,
                    last.requirement.cmp.danish(),
                    crate::present::criteria::value_with_unit(indicator, last.requirement.value),
                    last.year
                ),
            };
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
    }
    lines
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

fn px(value: Decimal) -> i32 {
    value.round().to_i32().unwrap_or(0)
}

// A font size, not a figure: Plotters takes it as `f64`.
#[allow(clippy::float_arithmetic)]
fn font(size: u32, colour: RGBColor) -> TextStyle<'static> {
    // Plotters' SVG backend writes font-size as size / 1.24; undo that so the
    // chart text is exactly `size` units high.
    (CHART_FONT, f64::from(size) * 1.24).into_font().color(&colour)
}

/// The rows a chart draws: those with at least one figure.
fn shown_rows(trend: &Trend) -> impl Iterator<Item = &crate::eval::values::Row> {
    trend.rows.iter().filter(|r| r.points.iter().any(|p| p.value.is_some()))
}

/// Draws a line through `coords`, dashed or solid as its style says.
fn draw_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    coords: Vec<(i32, i32)>,
    style: LineStyle,
) {
    let stroke = style.colour.stroke_width(style.width);
    let _ = if style.dashed {
        area.draw(&DashedPathElement::new(coords, 7, 5, stroke))
    } else {
        area.draw(&PathElement::new(coords, stroke))
    };
}

/// Draws the line chart of a trend as SVG text, with the target lines of
/// the series it shows. Each row of the trend is a line; *samlet* is thick,
/// references are dashed. The years run to the last target year. The value
/// axis of an indicator that counts things has whole ticks.
pub fn line_chart(model: &Model, indicator: &Indicator, trend: &Trend, targets: &[TargetLine]) -> String {
    let whole = matches!(indicator.calc, Calc::Count { .. });
    let rows: Vec<_> = shown_rows(trend).collect();
    // A series keeps its style in every chart of every output: it is chosen
    // by the series' place among the plan's series of its kind, not by its
    // place in this chart.
    let styles: Vec<LineStyle> = rows
        .iter()
        .map(|r| {
            let index = model.series.iter().filter(|s| s.kind == r.kind).position(|s| s.id == r.series).unwrap_or(0);
            line_style(r.kind, index)
        })
        .collect();
    // Each target with its series' style.
    let targets: Vec<(&TargetLine, LineStyle)> =
        targets.iter().filter_map(|t| rows.iter().position(|r| r.series == t.series).map(|i| (t, styles[i]))).collect();
    let mut years = trend.years.clone();
    years.extend(targets.iter().flat_map(|(t, _)| t.points.iter().map(|(y, _)| *y)));
    years.sort_unstable();
    years.dedup();

    // Legend layout first: it decides the chart's height.
    struct Entry<'a> {
        name: &'a str,
        style: LineStyle,
        target: bool,
    }
    let mut entries: Vec<Entry> =
        rows.iter().zip(&styles).map(|(r, s)| Entry { name: &r.name, style: *s, target: false }).collect();
    if !targets.is_empty() {
        let style = LineStyle { colour: AXIS, width: 2, dashed: false, marker: Marker::Circle };
        entries.push(Entry { name: "Mål (krav pr. år)", style, target: true });
    }
    let mut legend = Vec::new();
    let (mut x, mut y) = (PLOT_LEFT, 0);
    for entry in entries {
        // About 6,2 units per character at 12 units; enough for Libertinus Serif.
        let width = 34 + i32::try_from(entry.name.chars().count()).unwrap_or(40) * 62 / 10 + 18;
        if x + width > PLOT_RIGHT && x > PLOT_LEFT {
            x = PLOT_LEFT;
            y += LEGEND_ROW;
        }
        legend.push((x, y, entry));
        x += width;
    }
    let legend_top = PLOT_TOP + PLOT_HEIGHT + 34;
    let height = legend_top + y + LEGEND_ROW + 4;

    let height = u32::try_from(height).unwrap_or(400);
    let max = rows
        .iter()
        .flat_map(|r| r.points.iter().filter_map(|p| p.value.map(|v| v.value)))
        .chain(targets.iter().flat_map(|(t, _)| t.points.iter().map(|(_, v)| *v)))
        .max()
        .unwrap_or(Decimal::ONE)
        .max(Decimal::ONE);
    let step = tick_step(max, whole);
    let top_value = (max / step).ceil() * step;
    let plot_bottom = PLOT_TOP + PLOT_HEIGHT;
    let y_of = |v: Decimal| px(Decimal::from(plot_bottom) - v / top_value * Decimal::from(PLOT_HEIGHT));
    let slots = i32::try_from(years.len().max(1)).unwrap_or(1);
    let slot_width = (PLOT_RIGHT - PLOT_LEFT) / slots;
    let x_of = |year: u16| {
        let i = years.iter().position(|y| *y == year).unwrap_or(0);
        PLOT_LEFT + slot_width / 2 + i32::try_from(i).unwrap_or(0) * slot_width
    };

    // The chart is drawn in two Plotters layers with the targets' dotted
    // lines between them: one SVG polyline each with a dash pattern, where
    // Plotters would write every dash as its own element (hundreds per chart,
    // which Typst and the browser must each parse).
    let (open, background) = layer(height, |root| {
        let _ = root.fill(&WHITE);
        // Grid and value axis.
        let mut tick = Decimal::ZERO;
        while tick <= top_value {
            let ty = y_of(tick);
            let _ = root.draw(&PathElement::new(vec![(PLOT_LEFT, ty), (PLOT_RIGHT, ty)], GRID.stroke_width(1)));
            let decimals = if step.fract().is_zero() { 0 } else { step.scale().min(2) };
            let label_style = font(12, AXIS).pos(Pos::new(HPos::Right, VPos::Center));
            let _ = root.draw(&Text::new(format_da(tick, decimals), (PLOT_LEFT - 8, ty), label_style));
            tick += step;
        }
        let _ = root
            .draw(&PathElement::new(vec![(PLOT_LEFT, plot_bottom), (PLOT_RIGHT, plot_bottom)], AXIS.stroke_width(1)));
        for year in &years {
            let label_style = font(12, AXIS).pos(Pos::new(HPos::Center, VPos::Top));
            let _ = root.draw(&Text::new(year.to_string(), (x_of(*year), plot_bottom + 8), label_style));
        }

        // Targets under the lines: a short bar at each year, joined by a
        // dotted line (below).
        for (target, style) in &targets {
            for (year, v) in &target.points {
                let (cx, cy) = (x_of(*year), y_of(*v));
                let _ = root.draw(&PathElement::new(vec![(cx - 7, cy), (cx + 7, cy)], style.colour.stroke_width(2)));
            }
        }
    });
    let mut dotted = String::new();
    for (target, style) in targets.iter().filter(|(t, _)| t.points.len() > 1) {
        let points: Vec<String> =
            target.points.iter().map(|(year, v)| format!("{},{}", x_of(*year), y_of(*v))).collect();
        let RGBColor(r, g, b) = style.colour;
        dotted.push_str(&format!(
            "<polyline fill=\"none\" stroke=\"#{r:02X}{g:02X}{b:02X}\" stroke-width=\"2\" stroke-dasharray=\"2 4\" points=\"{}\"/>\n",
            points.join(" ")
        ));
    }
    let (_, foreground) = layer(height, |root| {
        // Lines: references first, then areas, then samlet on top.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| match rows[i].kind {
            SeriesKind::Reference => 0,
            SeriesKind::Area => 1,
            SeriesKind::Group => 2,
            SeriesKind::Total => 3,
        });
        for i in order {
            let (row, style) = (rows[i], styles[i]);
            let points: Vec<Option<(i32, i32)>> =
                row.points.iter().map(|p| p.value.map(|v| (x_of(p.year), y_of(v.value)))).collect();
            // Consecutive years are joined; a missing year leaves a gap.
            for run in points.split(|p| p.is_none()).filter(|run| run.len() > 1) {
                draw_line(root, run.iter().flatten().copied().collect(), style);
            }
            let size = if row.kind == SeriesKind::Total { 4 } else { 3 };
            for &point in points.iter().flatten() {
                draw_marker(root, style.marker, point, size, style.colour);
            }
        }

        // Legend: a sample of each line with its marker, and its name.
        for (lx, ly, entry) in &legend {
            let cy = legend_top + ly + LEGEND_ROW / 2;
            let style = entry.style;
            let sample = vec![(*lx, cy), (lx + 26, cy)];
            if entry.target {
                let stroke = style.colour.stroke_width(style.width);
                let _ = root.draw(&DashedPathElement::new(sample, 2, 4, stroke));
                let _ = root.draw(&PathElement::new(vec![(lx + 6, cy), (lx + 20, cy)], stroke));
            } else {
                draw_line(root, sample, style);
                draw_marker(root, style.marker, (lx + 13, cy), 3, style.colour);
            }
            let label_style = font(12, RGBColor(30, 30, 30)).pos(Pos::new(HPos::Left, VPos::Center));
            let _ = root.draw(&Text::new(entry.name.to_string(), (lx + 32, cy), label_style));
        }
    });
    format!("{open}{background}{dotted}{foreground}</svg>\n")
}

/// Draws one layer of a chart with Plotters. Returns the `<svg>` start tag
/// Plotters writes on its first line, and the elements after it.
fn layer(height: u32, draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>)) -> (String, String) {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        draw(&root);
        let _ = root.present();
    }
    let body_start = svg.find('\n').map_or(svg.len(), |i| i + 1);
    let body_end = svg.rfind("</svg>").unwrap_or(svg.len()).max(body_start);
    (svg[..body_start].to_string(), svg[body_start..body_end].to_string())
}

/// A sentence describing the chart for screen readers, written from its data.
pub fn alt_text(indicator: &Indicator, trend: &Trend, targets: &[TargetLine]) -> String {
    let names: Vec<&str> = shown_rows(trend).map(|r| r.name.as_str()).collect();
    let span = match (trend.years.first(), trend.years.last()) {
        (Some(a), Some(b)) if a != b => format!(" {a}-{b}"),
        (Some(a), _) => format!(" {a}"),
        _ => String::new(),
    };
    let mut text = format!(
        "Linjediagram: {}{span} for {}.",
        indicator.name.to_lowercase(),
        crate::model::text::join_names(&names)
    );
    let words: Vec<&str> = targets.iter().map(|t| t.words.as_str()).collect();
    if !words.is_empty() {
        text.push_str(&format!(" Prikket linje viser målet pr. år: {}.", crate::model::text::join_names(&words)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
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
