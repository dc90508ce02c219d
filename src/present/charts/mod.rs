//! Charts: one line chart per indicator, drawn with Plotters' SVG
//! backend and returned as SVG text; the documents' charts without their
//! texts, which the template sets over the drawing (see [`text`]).
//!
//! Positions are computed from the exact decimals and rounded to whole
//! pixels; axis numbers are the Danish-formatted decimals themselves, so no
//! figure on a chart ever passes through floating point.
//!
//! Every line can be told apart without colour: *samlet* is thick, references
//! are dashed, and each area has its own marker shape, the same in every
//! chart of every output (chosen by the area's place in the plan). Lines are
//! drawn thickest first and every marker after all lines, so no series hides
//! under another.
//!
//! A success criterion's requirement per year is a dotted line with a short
//! bar at each year, running to the end of the plan: in its series' colour,
//! or, where several series have the very same requirement, one grey line
//! named in the legend with all of them. A list criterion's threshold is a
//! long-dashed dark red line. The value axis starts at 0 unless the data
//! sit so high that 0 would leave most of the plot empty; then it starts at
//! a round value below them, with a break mark on the axis and a sentence in
//! the alt text.

mod axis;
mod band;
mod legend;
mod text;

use axis::chart_axis;
pub use axis::{ValueAxis, value_axis};
use band::Band;
pub use band::MAX_AREA_LINES;

pub use legend::{LegendKey, legend};
use text::Label;
pub use text::{Anchor, ChartText, ChartTexts};

use crate::eval::goals::CriterionResult;
use crate::eval::lists::ModelListResult;
use crate::eval::values::Trend;
use crate::model::text::format_da;
use crate::model::{Indicator, Model, SeriesKind};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The font family of chart text: embedded in every report, so the PDF shows
/// exactly the glyphs the chart was designed with.
pub const CHART_FONT: &str = "Libertinus Serif";

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

/// A dotted line of requirements on a chart: a success criterion's
/// requirement per year for one or more series (drawn once however many
/// criteria and series share it), or a statutory list's threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    /// The series the requirement is set for (ids, in the plan's order);
    /// empty for a list threshold.
    pub series: Vec<String>,
    /// The requirement's value per year, in year order.
    pub points: Vec<(u16, Decimal)>,
    /// What it is, for the alt text:
    /// `Samlet højst 20,0 pr. 1000 beboere i 2021`.
    pub words: String,
    /// What it is, short, for the legend: `under 28,0: alle områder`.
    pub label: String,
    /// A criterion's requirement, or a list's threshold.
    pub kind: TargetKind,
}

/// What a [`TargetLine`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// A success criterion's requirement.
    Requirement,
    /// The threshold of a list criterion.
    ListThreshold,
}

/// The target lines of an indicator's chart: one per distinct requirement
/// path of the series the chart shows (a series with a figure). Series
/// with the very same requirement every year share one line, named with
/// all of them, so that coinciding lines never stack.
pub fn target_lines(results: &[CriterionResult], indicator: &Indicator, trend: &Trend) -> Vec<TargetLine> {
    let shown = |series: &str| shown_rows(trend).any(|r| r.series == series);
    // (points, last requirement's words, series ids, names, short words)
    type Line = (Vec<(u16, Decimal)>, String, Vec<String>, Vec<String>, String);
    let mut lines: Vec<Line> = Vec::new();
    for result in results.iter().filter(|r| r.indicator.as_deref() == Some(indicator.id.as_str())) {
        for eval in result.evaluations.iter().filter(|e| shown(&e.series)) {
            let Some(last) = eval.path.last() else { continue };
            let points: Vec<(u16, Decimal)> = eval.path.iter().map(|p| (p.year, p.requirement.value)).collect();
            let what = format!(
                "{} {} i {}",
                last.requirement.cmp.danish(),
                crate::present::criteria::value_with_unit(indicator, last.requirement.value),
                last.year
            );
            let short = format!(
                "{} {}",
                last.requirement.cmp.danish(),
                crate::present::criteria::figure(Some(indicator), last.requirement.value, indicator.decimals)
            );
            match lines.iter_mut().find(|(p, w, _, _, _)| *p == points && *w == what) {
                Some((_, _, ids, names, _)) => {
                    if !ids.contains(&eval.series) {
                        ids.push(eval.series.clone());
                        names.push(eval.name.clone());
                    }
                }
                None => lines.push((points, what, vec![eval.series.clone()], vec![eval.name.clone()], short)),
            }
        }
    }
    let areas_shown: Vec<&str> =
        shown_rows(trend).filter(|r| r.kind == SeriesKind::Area).map(|r| r.series.as_str()).collect();
    lines
        .into_iter()
        .map(|(points, what, series, names, short)| {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let every_area = areas_shown.len() > 1 && areas_shown.iter().all(|a| series.iter().any(|s| s == a));
            let who = if every_area && series.len() == areas_shown.len() {
                "alle områder".to_string()
            } else {
                crate::model::text::join_names(&names)
            };
            TargetLine {
                words: format!("{} {what}", crate::model::text::join_names(&names)),
                label: format!("{short}: {who}"),
                series,
                points,
                kind: TargetKind::Requirement,
            }
        })
        .collect()
}

/// The thresholds of the statutory lists measured on an indicator, in the
/// latest list year evaluated: one line per distinct threshold, across the
/// trend's years.
pub fn list_threshold_lines(lists: &[ModelListResult], indicator: &Indicator, trend: &Trend) -> Vec<TargetLine> {
    let Some(year) = lists.iter().map(|l| l.result.list_year).max() else { return Vec::new() };
    let mut lines: Vec<TargetLine> = Vec::new();
    for list in lists.iter().filter(|l| l.result.list_year == year) {
        for c in list.result.criteria.iter().filter(|c| c.input == indicator.id) {
            let Some(threshold) = c.threshold else { continue };
            let words = format!(
                "listegrænsen {year}: {} {}",
                c.comparison.danish(),
                crate::present::criteria::value_with_unit(indicator, threshold)
            );
            if lines.iter().any(|l| l.words == words) {
                continue;
            }
            lines.push(TargetLine {
                series: Vec::new(),
                points: trend.years.iter().map(|y| (*y, threshold)).collect(),
                label: format!(
                    "Listegrænse {year}: {} {}",
                    c.comparison.danish(),
                    crate::present::criteria::figure(
                        Some(indicator),
                        threshold,
                        indicator.decimals.max(threshold.normalize().scale())
                    )
                ),
                words,
                kind: TargetKind::ListThreshold,
            });
        }
    }
    lines
}

/// How a target line is drawn.
#[derive(Debug, Clone, Copy)]
struct TargetStyle {
    colour: RGBColor,
    /// Dash and gap, in pixels.
    dash: (u32, u32),
    /// Whether it is one series' line, in that series' colour.
    own: bool,
}

/// `text` in lines of at most `max` characters, broken at spaces (a word
/// longer than that stands on a line of its own).
fn wrap_words(text: &str, max: i32) -> Vec<String> {
    let max = usize::try_from(max.max(10)).unwrap_or(10);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The dashes of lines shared by several series, in turn.
const SHARED_DASHES: [(u32, u32); 4] = [(2, 4), (6, 3), (1, 3), (10, 3)];
/// A list's threshold.
const THRESHOLD: RGBColor = RGBColor(163, 38, 42);

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

/// The size and text a chart is drawn for, in SVG units. The print
/// documents draw at one size with the legend in the chart; the site draws a
/// narrow and a wide chart (the page shows the one that fits the screen) with
/// larger text, and its legend is HTML beside the chart, so that chart text
/// is never smaller than the page's small print and legend labels never
/// overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Canvas {
    /// Width of the drawing.
    pub width: u32,
    /// The least room left of the plot for the value labels.
    left: i32,
    /// Room right of the plot.
    right: i32,
    /// Height of the plot.
    plot_height: i32,
    /// Text height.
    pub text: u32,
    /// Whether the legend is drawn in the chart.
    legend: bool,
    /// Whether the texts are in the SVG; else a template sets them (see
    /// [`ChartTexts`]).
    svg_text: bool,
    /// The average width of a character, in hundredths of the text height:
    /// 52 for Libertinus Serif in the PDFs, 58 for the site's system fonts.
    em: i32,
}

impl Canvas {
    /// The PDFs: 640 units wide on a page about 16 cm wide, 12-unit text.
    pub const PRINT: Canvas =
        Canvas { width: 640, left: 58, right: 18, plot_height: 220, text: 12, legend: true, svg_text: false, em: 52 };
    /// The site on a phone: 330 units on a screen 288-608 px wide (the page
    /// keeps it at most 26rem), so 16-unit text is 14-18 CSS px.
    pub const NARROW: Canvas =
        Canvas { width: 330, left: 40, right: 12, plot_height: 210, text: 16, legend: false, svg_text: true, em: 58 };
    /// The site from 40rem: 640 units on 608-704 px, so 15-unit text is
    /// 14-16,5 CSS px.
    pub const WIDE: Canvas =
        Canvas { width: 640, left: 58, right: 18, plot_height: 240, text: 15, legend: false, svg_text: true, em: 58 };

    fn row(&self) -> i32 {
        i32::try_from(self.text).unwrap_or(12) + 8
    }

    /// About the width of `chars` characters of chart text.
    fn text_width(&self, chars: usize) -> i32 {
        i32::try_from(chars).unwrap_or(40) * i32::try_from(self.text).unwrap_or(12) * self.em / 100
    }

    /// How many characters fit in `width`.
    fn chars_in(&self, width: i32) -> i32 {
        width * 100 / (i32::try_from(self.text).unwrap_or(12) * self.em).max(1)
    }
}

/// Each row a chart draws with its style, and each target line with its
/// style, as every canvas and the site's legend see them.
struct Styled<'a> {
    rows: Vec<&'a crate::eval::values::Row>,
    styles: Vec<LineStyle>,
    targets: Vec<(&'a TargetLine, TargetStyle)>,
    /// The areas as one band, when they are too many to tell apart as lines.
    band: Option<Band>,
}

/// The band's colour: light, so lines and targets stay visible on it.
const BAND: RGBColor = RGBColor(200, 216, 232);

/// An entry of a chart's legend.
struct Entry {
    name: String,
    style: LineStyle,
    target: Option<TargetStyle>,
    /// The areas' band.
    band: bool,
}

impl<'a> Styled<'a> {
    fn new(model: &Model, trend: &'a Trend, targets: &'a [TargetLine]) -> Styled<'a> {
        let mut rows: Vec<_> = shown_rows(trend).collect();
        let band = Band::of(&rows, &trend.years);
        if band.is_some() {
            rows.retain(|r| r.kind != SeriesKind::Area);
        }
        // A series keeps its style in every chart of every output: it is
        // chosen by the series' place among the plan's series of its kind,
        // not by its place in this chart.
        let styles: Vec<LineStyle> = rows
            .iter()
            .map(|r| {
                let index =
                    model.series.iter().filter(|s| s.kind == r.kind).position(|s| s.id == r.series).unwrap_or(0);
                line_style(r.kind, index)
            })
            .collect();
        // Each target with its style: one series' line in that series'
        // colour; a line shared by several series in grey, each such line
        // with its own dash; a list threshold in dark red, long dashes.
        let mut shared = 0;
        let targets = targets
            .iter()
            .filter_map(|t| {
                let style = match (t.kind, t.series.as_slice()) {
                    (TargetKind::ListThreshold, _) => TargetStyle { colour: THRESHOLD, dash: (8, 4), own: false },
                    (TargetKind::Requirement, [one]) => {
                        let i = rows.iter().position(|r| r.series == *one)?;
                        TargetStyle { colour: styles[i].colour, dash: (2, 4), own: true }
                    }
                    (TargetKind::Requirement, _) => {
                        shared += 1;
                        TargetStyle {
                            colour: AXIS,
                            dash: SHARED_DASHES[(shared - 1) % SHARED_DASHES.len()],
                            own: false,
                        }
                    }
                };
                Some((t, style))
            })
            .collect();
        Styled { rows, styles, targets, band }
    }

    /// The legend: each series, then the targets. A target line of one
    /// series is told by its series' colour ("Mål (krav pr. år)"); a shared
    /// line or a list threshold has an entry of its own.
    fn entries(&self) -> Vec<Entry> {
        let mut entries: Vec<Entry> = self
            .rows
            .iter()
            .zip(&self.styles)
            .map(|(r, s)| Entry { name: r.name.clone(), style: *s, target: None, band: false })
            .collect();
        let plain = LineStyle { colour: AXIS, width: 2, dashed: false, marker: Marker::Circle };
        if let Some(band) = &self.band {
            let name = format!("De {} områder, fra laveste til højeste værdi", band.areas);
            entries.insert(0, Entry { name, style: plain, target: None, band: true });
        }
        if let Some((_, style)) = self.targets.iter().find(|(_, s)| s.own) {
            let style = TargetStyle { colour: AXIS, ..*style };
            entries.push(Entry { name: "Mål (krav pr. år)".into(), style: plain, target: Some(style), band: false });
        }
        for (t, style) in self.targets.iter().filter(|(_, s)| !s.own) {
            let name = match t.kind {
                TargetKind::Requirement => format!("Mål {}", t.label),
                TargetKind::ListThreshold => t.label.clone(),
            };
            entries.push(Entry { name, style: plain, target: Some(*style), band: false });
        }
        entries
    }
}

/// A chart for the documents: the drawing, and the texts a template sets
/// over it.
#[derive(Debug, Clone)]
pub struct PrintChart {
    /// The SVG, without text.
    pub svg: String,
    /// Its texts.
    pub texts: ChartTexts,
}

/// Draws the line chart of a trend for the PDFs, with the target lines of
/// the series it shows and its legend.
pub fn line_chart(model: &Model, indicator: &Indicator, trend: &Trend, targets: &[TargetLine]) -> PrintChart {
    let (svg, texts) = draw(model, indicator, trend, targets, Canvas::PRINT);
    PrintChart { svg, texts }
}

/// Draws the line chart of a trend on `canvas` as SVG text: on the site's
/// canvases with its texts in the SVG.
pub fn chart(model: &Model, indicator: &Indicator, trend: &Trend, targets: &[TargetLine], canvas: Canvas) -> String {
    draw(model, indicator, trend, targets, canvas).0
}

/// Draws the line chart of a trend as SVG text on `canvas`, with the target
/// lines of the series it shows. Each row of the trend is a line; *samlet*
/// is thick, references are dashed. The years run to the last target year.
/// The value axis of an indicator that counts things has whole ticks.
/// Returns the SVG and the texts it leaves out for a template (none on a
/// canvas with `svg_text`).
fn draw(
    model: &Model,
    indicator: &Indicator,
    trend: &Trend,
    targets: &[TargetLine],
    canvas: Canvas,
) -> (String, ChartTexts) {
    let styled = Styled::new(model, trend, targets);
    let (rows, styles, targets) = (&styled.rows, &styled.styles, &styled.targets);
    let mut years = trend.years.clone();
    years.extend(targets.iter().flat_map(|(t, _)| t.points.iter().map(|(y, _)| *y)));
    years.sort_unstable();
    years.dedup();

    let axis = chart_axis(indicator, trend, targets.iter().map(|(t, _)| *t));
    let (bottom_value, top_value, step) = (axis.bottom, axis.top, axis.step);
    let decimals = axis.decimals();
    let mut ticks = Vec::new();
    let mut tick = bottom_value;
    while tick <= top_value {
        ticks.push((tick, format_da(tick, decimals)));
        tick += step;
    }
    // Room for the widest value label left of the plot.
    let widest = ticks.iter().map(|(_, l)| l.chars().count()).max().unwrap_or(1);
    let plot_left = canvas.left.max(canvas.text_width(widest) + 12);
    let plot_right = i32::try_from(canvas.width).unwrap_or(640) - canvas.right;
    let plot_top = i32::try_from(canvas.text).unwrap_or(12) / 2 + 8;
    let row = canvas.row();

    // Legend layout first: it decides the chart's height.
    let mut legend = Vec::new();
    let (mut x, mut y) = (plot_left, 0);
    if canvas.legend {
        for entry in styled.entries() {
            // A label wider than the chart is wrapped at spaces, never cut.
            let lines = wrap_words(&entry.name, canvas.chars_in(plot_right - plot_left - 52));
            let width = 34 + lines.iter().map(|l| canvas.text_width(l.chars().count())).max().unwrap_or(0) + 18;
            if (x + width > plot_right || lines.len() > 1) && x > plot_left {
                x = plot_left;
                y += row;
            }
            let rows = i32::try_from(lines.len()).unwrap_or(1);
            legend.push((x, y, entry, lines));
            if rows > 1 {
                y += (rows - 1) * row;
                x = plot_right;
            } else {
                x += width;
            }
        }
    }
    let plot_bottom = plot_top + canvas.plot_height;
    let legend_top = plot_bottom + row + 14;
    let height = if canvas.legend { legend_top + y + row + 4 } else { plot_bottom + row + 10 };
    let height = u32::try_from(height).unwrap_or(400);

    let y_of = |v: Decimal| {
        px(Decimal::from(plot_bottom)
            - (v - bottom_value) / (top_value - bottom_value) * Decimal::from(canvas.plot_height))
    };
    let slots = i32::try_from(years.len().max(1)).unwrap_or(1);
    let slot_width = (plot_right - plot_left) / slots;
    let x_of = |year: u16| {
        let i = years.iter().position(|y| *y == year).unwrap_or(0);
        plot_left + slot_width / 2 + i32::try_from(i).unwrap_or(0) * slot_width
    };
    // A year label every `every` years, so labels never run together; the
    // last year always has its label.
    let every = usize::try_from((canvas.text_width(4) + 6) / slot_width.max(1) + 1).unwrap_or(1).max(1);
    let labelled = |i: usize| (years.len() - 1 - i).is_multiple_of(every);

    // The texts: the value axis's numbers left of the plot, the years under
    // it, the legend's names right of their samples.
    let axis_labels: Vec<Label> = ticks
        .iter()
        .map(|(tick, label)| Label {
            x: plot_left - 8,
            y: y_of(*tick),
            text: label.clone(),
            anchor: Anchor::End,
            centred: true,
            colour: AXIS,
        })
        .chain(years.iter().enumerate().filter(|(i, _)| labelled(*i)).map(|(_, year)| Label {
            x: x_of(*year),
            y: plot_bottom + 8,
            text: year.to_string(),
            anchor: Anchor::Middle,
            centred: false,
            colour: AXIS,
        }))
        .collect();
    let legend_labels: Vec<Label> = legend
        .iter()
        .flat_map(|(lx, ly, _, lines)| {
            lines.iter().enumerate().map(move |(k, line)| Label {
                x: lx + 32,
                y: legend_top + ly + row / 2 + i32::try_from(k).unwrap_or(0) * row,
                text: line.clone(),
                anchor: Anchor::Start,
                centred: true,
                colour: RGBColor(30, 30, 30),
            })
        })
        .collect();

    // The chart is drawn in two Plotters layers with the targets' dotted
    // lines between them: one SVG polyline each with a dash pattern, where
    // Plotters would write every dash as its own element (hundreds per chart,
    // which Typst and the browser must each parse).
    let (open, background) = layer(canvas.width, height, |root| {
        let _ = root.fill(&WHITE);
        // Grid and value axis.
        for (tick, _) in &ticks {
            let ty = y_of(*tick);
            let _ = root.draw(&PathElement::new(vec![(plot_left, ty), (plot_right, ty)], GRID.stroke_width(1)));
        }
        let _ = root
            .draw(&PathElement::new(vec![(plot_left, plot_bottom), (plot_right, plot_bottom)], AXIS.stroke_width(1)));
        if !bottom_value.is_zero() {
            // The axis does not start at 0: a break mark on it says so.
            let (bx, by) = (plot_left - 4, plot_bottom - 10);
            let zigzag = vec![(bx - 5, by + 4), (bx, by), (bx + 5, by + 4), (bx + 10, by)];
            let _ = root.draw(&PathElement::new(zigzag, AXIS.stroke_width(2)));
        }
        if canvas.svg_text {
            for label in &axis_labels {
                label.draw(root, canvas.text);
            }
        }

        // The areas' band, under everything else; a year without any area's
        // value breaks it.
        if let Some(band) = &styled.band {
            let mut runs: Vec<Vec<&(u16, Decimal, Decimal)>> = Vec::new();
            for point in &band.points {
                let follows = runs.last().and_then(|r| r.last()).is_some_and(|last| {
                    years.iter().position(|y| *y == last.0).map(|i| i + 1) == years.iter().position(|y| *y == point.0)
                });
                match runs.last_mut() {
                    Some(run) if follows => run.push(point),
                    _ => runs.push(vec![point]),
                }
            }
            for run in runs {
                let mut outline: Vec<(i32, i32)> = run.iter().map(|(y, _, high)| (x_of(*y), y_of(*high))).collect();
                outline.extend(run.iter().rev().map(|(y, low, _)| (x_of(*y), y_of(*low))));
                if run.len() == 1 {
                    // One year: a short bar, as wide as a target's.
                    let (x, top, bottom) = (outline[0].0, outline[0].1, outline[1].1);
                    outline = vec![(x - 7, top), (x + 7, top), (x + 7, bottom), (x - 7, bottom)];
                }
                let _ = root.draw(&Polygon::new(outline, BAND.filled()));
            }
        }

        // Targets under the lines: a short bar at each year, joined by a
        // dotted line (below).
        for (target, style) in targets.iter().filter(|(t, _)| t.kind == TargetKind::Requirement) {
            for (year, v) in &target.points {
                let (cx, cy) = (x_of(*year), y_of(*v));
                let _ = root.draw(&PathElement::new(vec![(cx - 7, cy), (cx + 7, cy)], style.colour.stroke_width(2)));
            }
        }
    });
    let mut dotted = String::new();
    for (target, style) in targets.iter() {
        // A list's threshold is one value, drawn across the whole chart.
        let ends: Vec<(u16, Decimal)> = match (target.kind, target.points.first(), years.first(), years.last()) {
            (TargetKind::ListThreshold, Some((_, v)), Some(a), Some(b)) => vec![(*a, *v), (*b, *v)],
            _ => target.points.clone(),
        };
        if ends.len() < 2 {
            continue;
        }
        let points: Vec<String> = ends.iter().map(|(year, v)| format!("{},{}", x_of(*year), y_of(*v))).collect();
        let RGBColor(r, g, b) = style.colour;
        let (dash, gap) = style.dash;
        dotted.push_str(&format!(
            "<polyline fill=\"none\" stroke=\"#{r:02X}{g:02X}{b:02X}\" stroke-width=\"2\" stroke-dasharray=\"{dash} {gap}\" points=\"{}\"/>\n",
            points.join(" ")
        ));
    }
    let (_, foreground) = layer(canvas.width, height, |root| {
        // Lines first, thickest at the bottom: samlet, then groups, then the
        // areas, then the references (thin and dashed), so that no line
        // hides under a thicker one. Then every marker on top of all lines,
        // so that a series of one year (a reference) is never covered.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| match rows[i].kind {
            SeriesKind::Total => 0,
            SeriesKind::Group => 1,
            SeriesKind::Area => 2,
            SeriesKind::Reference => 3,
        });
        let points_of = |i: usize| -> Vec<Option<(i32, i32)>> {
            rows[i].points.iter().map(|p| p.value.map(|v| (x_of(p.year), y_of(v.value)))).collect()
        };
        for &i in &order {
            let points = points_of(i);
            // Consecutive years are joined; a missing year leaves a gap.
            for run in points.split(|p| p.is_none()).filter(|run| run.len() > 1) {
                draw_line(root, run.iter().flatten().copied().collect(), styles[i]);
            }
        }
        for &i in &order {
            let size = if rows[i].kind == SeriesKind::Total { 4 } else { 3 };
            for &point in points_of(i).iter().flatten() {
                draw_marker(root, styles[i].marker, point, size, styles[i].colour);
            }
        }

        // Legend: a sample of each line with its marker, and its name.
        for (lx, ly, entry, _) in &legend {
            legend::draw_sample(root, entry, (*lx, legend_top + ly + row / 2));
        }
        if canvas.svg_text {
            for label in &legend_labels {
                label.draw(root, canvas.text);
            }
        }
    });
    let texts = ChartTexts {
        bredde: canvas.width,
        hoejde: height,
        skrift: canvas.text,
        // Only the texts the SVG leaves out are the template's to set.
        tekster: if canvas.svg_text {
            Vec::new()
        } else {
            axis_labels.iter().chain(&legend_labels).map(|l| l.text(canvas.text)).collect()
        },
    };
    (format!("{open}{background}{dotted}{foreground}</svg>\n"), texts)
}

/// Draws one layer of a chart with Plotters. Returns the `<svg>` start tag
/// Plotters writes on its first line, and the elements after it.
fn layer(
    width: u32,
    height: u32,
    draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>),
) -> (String, String) {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&root);
        let _ = root.present();
    }
    let body_start = svg.find('\n').map_or(svg.len(), |i| i + 1);
    let body_end = svg.rfind("</svg>").unwrap_or(svg.len()).max(body_start);
    (svg[..body_start].to_string(), svg[body_start..body_end].to_string())
}

/// A sentence describing the chart for screen readers, written from its data.
pub fn alt_text(indicator: &Indicator, trend: &Trend, targets: &[TargetLine]) -> String {
    let areas = shown_rows(trend).filter(|r| r.kind == SeriesKind::Area).count();
    let band = format!("de {areas} områder som et bånd fra laveste til højeste værdi");
    let names: Vec<&str> = if areas > MAX_AREA_LINES {
        shown_rows(trend)
            .filter(|r| r.kind != SeriesKind::Area)
            .map(|r| r.name.as_str())
            .chain([band.as_str()])
            .collect()
    } else {
        shown_rows(trend).map(|r| r.name.as_str()).collect()
    };
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
    let words = |kind: TargetKind| -> Vec<&str> {
        targets.iter().filter(|t| t.kind == kind).map(|t| t.words.as_str()).collect()
    };
    let axis = chart_axis(indicator, trend, targets.iter());
    if !axis.bottom.is_zero() {
        text.push_str(&format!(" Værdiaksen begynder ved {}, ikke ved 0.", format_da(axis.bottom, axis.decimals())));
    }
    let goals = words(TargetKind::Requirement);
    if !goals.is_empty() {
        text.push_str(&format!(" Prikket linje viser målet pr. år: {}.", crate::model::text::join_names(&goals)));
    }
    let thresholds = words(TargetKind::ListThreshold);
    if !thresholds.is_empty() {
        text.push_str(&format!(" Stiplet linje viser {}.", crate::model::text::join_names(&thresholds)));
    }
    text
}
