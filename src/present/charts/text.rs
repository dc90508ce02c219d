//! The texts of a chart: the value axis's numbers, the years and the
//! legend's names.
//!
//! The site's charts have them in the SVG. The documents' charts do not:
//! there the template sets them over the drawing as the document's own text
//! ([`ChartTexts`] in `data.json`). Typst reads an SVG's text by laying it out
//! anew for every text, font tables and all (the example's 700 chart texts
//! took 60 ms of CPU, a tenth of a build), while it sets its own text in a
//! fraction of that; and the PDF's chart texts are then text, not outlines.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;

/// A chart's texts for a template to set over the drawing, in the drawing's
/// units (its `width` is the chart's width).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChartTexts {
    /// The drawing's width in its units.
    pub bredde: u32,
    /// Its height.
    #[serde(rename = "højde")]
    pub hoejde: u32,
    /// The texts' size in the same units.
    pub skrift: u32,
    /// Every text, in the order drawn.
    pub tekster: Vec<ChartText>,
}

/// One text of a chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChartText {
    /// Where it is anchored across: its start, middle or end (see `anker`).
    pub x: i32,
    /// Its baseline.
    pub y: i32,
    /// The text.
    pub tekst: String,
    /// Which end of the text is at `x`.
    pub anker: Anchor,
    /// Its colour, `#505050`.
    pub farve: String,
}

/// Which end of a text is at its `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Anchor {
    /// The text begins at `x` (the legend's names).
    #[serde(rename = "start")]
    Start,
    /// Its middle is at `x` (the years).
    #[serde(rename = "midte")]
    Middle,
    /// It ends at `x` (the value axis's numbers).
    #[serde(rename = "slut")]
    End,
}

/// A text as the chart places it: a point and how the text sits on it.
pub(super) struct Label {
    pub x: i32,
    pub y: i32,
    pub text: String,
    pub anchor: Anchor,
    /// Centred on `y` (else hanging from it).
    pub centred: bool,
    pub colour: RGBColor,
}

impl Label {
    /// Draws the label in the SVG, as Plotters writes text.
    pub fn draw(&self, root: &DrawingArea<SVGBackend, plotters::coord::Shift>, size: u32) {
        let h = match self.anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let v = if self.centred { VPos::Center } else { VPos::Top };
        let style = super::font(size, self.colour).pos(Pos::new(h, v));
        let _ = root.draw(&Text::new(self.text.clone(), (self.x, self.y), style));
    }

    /// The label as a template sets it. Its baseline is where an SVG
    /// viewer puts it: Plotters centres a text with `dy="0.5ex"` (a quarter
    /// of the size below the point) and hangs it with `dy="0.76em"`.
    pub fn text(&self, size: u32) -> ChartText {
        let size = i32::try_from(size).unwrap_or(12);
        let RGBColor(r, g, b) = self.colour;
        ChartText {
            x: self.x,
            y: self.y + if self.centred { size / 4 } else { size * 76 / 100 },
            tekst: self.text.clone(),
            anker: self.anchor,
            farve: format!("#{r:02x}{g:02x}{b:02x}"),
        }
    }
}
