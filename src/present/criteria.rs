//! The Danish sentences of the success criteria, written from what
//! `eval::goals` computed: `Motalavej: 33 i 2018; målet er højst 32. 1 over
//! målet.` All rounding happens here, once, with the decimals the
//! evaluation chose.

use crate::eval::goals::{Basis, Evaluation, Outcome, Requirement, Unset, When};
use crate::eval::projection::Projection;
use crate::model::text::{format_da, format_da_as_written};
use crate::model::{Better, GoalStatus, Indicator, Model, Per};
use rust_decimal::Decimal;

/// The no-break space between a number and its unit: `43,8 %` never parts.
pub const NBSP: char = '\u{a0}';

/// The sentence of an evaluation, beginning with its series' name.
pub fn sentence(model: &Model, indicator: Option<&Indicator>, e: &Evaluation) -> String {
    let name = &e.name;
    let (ind, value) = match (&e.outcome, indicator) {
        (Outcome::Assessed { period, text: Some(text) }, _) => {
            return format!("{name}: {} i {}. {text}", e.status.danish(), period.danish());
        }
        (Outcome::Assessed { period, text: None }, _) => {
            return format!("{name}: ingen skriftlig vurdering for {}.", period.danish());
        }
        (Outcome::NoHalfYears, _) => {
            return format!("{name}: ikke målt endnu; der er ingen halvårstal i planperioden.");
        }
        (_, None) => return format!("{name}: ikke målt endnu."),
        (Outcome::NoValue { latest }, Some(ind)) => {
            let before =
                latest.map(|(y, v)| format!(" (seneste tal: {} i {y})", value_with_unit(ind, v))).unwrap_or_default();
            return format!("{name}: ikke målt endnu; der er ingen tal fra planperioden{before}.");
        }
        (_, Some(ind)) => (ind, e.value.unwrap_or_default()),
    };
    let words = Words { model, ind, decimals: e.decimals };
    match (&e.outcome, e.when, e.requirement, e.gap) {
        (Outcome::Unset { reason }, Some(when), _, _) => {
            format!(
                "{name}: {} i {when}; ikke målt endnu mod målet: {}.",
                value_with_unit(ind, value),
                words.unset(reason)
            )
        }
        (Outcome::Judged { basis, final_target }, Some(when), Some(req), Some(gap)) => {
            let when_words = match when {
                When::Year(year) => year.to_string(),
                When::Half(period) => period.danish(),
            };
            let mut sentence = format!(
                "{name}: {} i {when_words}; målet er {}. {}",
                format_with_unit(ind, value, e.decimals),
                words.requirement(&req, basis),
                gap_sentence(ind, gap, e.decimals, &req, e.status)
            );
            if let Some((due, last)) = final_target {
                match (e.status, last) {
                    (GoalStatus::OnTrack, Some(last)) => sentence.push_str(&format!(
                        " På vej mod {} {} i {due}.",
                        last.cmp.danish(),
                        words.figure(last.value)
                    )),
                    (GoalStatus::OnTrack, None) => sentence.push_str(&format!(" Afgøres i {due}.")),
                    (GoalStatus::Met, Some(_)) if matches!(when, When::Year(y) if y < *due) => {
                        sentence.push_str(&format!(" Slutmålet for {due} er allerede nået."));
                    }
                    _ => {}
                }
            }
            sentence
        }
        // An evaluation is judged or unset only with a value in a period.
        _ => format!("{name}: ikke målt endnu."),
    }
}

/// Where the trend leads: `Med den nuværende udvikling (2015-2018) nås målet i 2020.`
/// A trend of two years says that it rests on two.
pub fn projection_sentence(p: &Projection) -> String {
    let (first, last) = (p.years.first().copied().unwrap_or_default(), p.years.last().copied().unwrap_or_default());
    let span = if p.years.len() < 3 {
        format!("{first}-{last}, kun to år og derfor et usikkert skøn")
    } else {
        format!("{first}-{last}")
    };
    match p.reaches {
        Some(y) if y <= p.deadline => format!("Med den nuværende udvikling ({span}) nås målet i {y}."),
        _ => format!("Med den nuværende udvikling ({span}) nås målet ikke inden {}.", p.deadline),
    }
}

/// A value with its unit and the indicator's decimals: `34,2 pr. 1000
/// beboere`, `72,4 %`, `28`.
pub fn value_with_unit(ind: &Indicator, v: Decimal) -> String {
    format_with_unit(ind, v, ind.decimals)
}

fn format_with_unit(ind: &Indicator, v: Decimal, decimals: u32) -> String {
    let n = format_da(v, decimals);
    match ind.unit.as_str() {
        "%" => format!("{n}{NBSP}%"),
        "antal" => n,
        unit => format!("{n}{NBSP}{unit}"),
    }
}

/// A criterion's figure (a value, a requirement): the number, with a `%`
/// where that is the unit; other units stand in the sentence around it.
pub fn figure(indicator: Option<&Indicator>, value: Decimal, decimals: u32) -> String {
    let n = format_da(value, decimals);
    if indicator.is_some_and(|i| i.unit == "%") { format!("{n}{NBSP}%") } else { n }
}

/// `4,2 over målet.`, `1,0 under målet.`, `Lige på målet.`
fn gap_sentence(ind: &Indicator, gap: Decimal, decimals: u32, req: &Requirement, status: GoalStatus) -> String {
    let unit = if ind.unit == "%" { "\u{a0}procentpoint" } else { "" };
    let amount = format_da(gap.abs(), decimals);
    if gap.is_zero() {
        return if status == GoalStatus::NotMet {
            format!("Lige på grænsen, men målet er {} den.", req.cmp.danish())
        } else {
            "Lige på målet.".to_string()
        };
    }
    let side = if gap.is_sign_positive() { "over" } else { "under" };
    format!("{amount}{unit} {side} målet.")
}

/// `lavere` for a negative change, `højere` for a positive one.
fn way(percent: Decimal) -> &'static str {
    if percent.is_sign_negative() { "lavere" } else { "højere" }
}

/// How a criterion's figures are written in its sentence.
struct Words<'a> {
    model: &'a Model,
    ind: &'a Indicator,
    /// The evaluation's decimals: the indicator's, or more where a value and
    /// its requirement would otherwise print the same.
    decimals: u32,
}

impl Words<'_> {
    /// A figure in a target's words: the unit only where it is `%`, as the
    /// value just before already names it (`målet er under 30,0`).
    fn figure(&self, v: Decimal) -> String {
        figure(Some(self.ind), v, self.decimals)
    }

    /// A value the plan states: at least as many decimals as written (30,65).
    fn stated(&self, v: Decimal) -> String {
        figure(Some(self.ind), v, self.decimals.max(v.normalize().scale()))
    }

    fn series_name<'s>(&'s self, id: &'s str) -> &'s str {
        self.model.series(id).map_or(id, |s| s.name.as_str())
    }

    /// What follows "målet er ": `højst 26,4 (på vejen fra 30,7 i 2016 til 20,0 i 2021)`.
    fn requirement(&self, req: &Requirement, basis: &Basis) -> String {
        let cmp = req.cmp.danish();
        let value = self.figure(req.value);
        match basis {
            Basis::Stated => format!("{cmp} {}", self.stated(req.value)),
            Basis::Count { per } => {
                let per = match per {
                    Per::Year => "om året",
                    Per::Half => "i halvåret",
                };
                format!("{cmp} {} {per}", self.stated(req.value))
            }
            Basis::OnPath { year, from: (y0, v0), from_stated, to: (y1, v1) } => {
                let from = if *from_stated { self.stated(*v0) } else { self.figure(*v0) };
                format!("{cmp} {value} i {year} (på vejen fra {from} i {y0} til {} i {y1})", self.stated(*v1))
            }
            Basis::YearlyChange { percent, from: (prev_year, prev), year } => {
                let per = if year - prev_year == 1 { "" } else { " om året" };
                format!(
                    "{cmp} {value} ({}{NBSP}%{per} {} end {} i {prev_year})",
                    format_da_as_written(percent.abs()),
                    way(*percent),
                    self.figure(*prev)
                )
            }
            Basis::ChangeFromBase { percent, base: (year, b) } => format!(
                "{cmp} {value} ({}{NBSP}% {} om året fra {} i {year})",
                format_da_as_written(percent.abs()),
                way(*percent),
                self.figure(*b)
            ),
            Basis::Reference { series, year } => format!("{cmp} {value} ({} {year})", self.series_name(series)),
            Basis::ZeroPointChange { percent, zero: (year, zv) } => format!(
                "{cmp} {value} ({}{NBSP}% {} end nulpunktet {} i {year})",
                format_da_as_written(percent.abs()),
                way(*percent),
                self.figure(*zv)
            ),
            Basis::ZeroPoint { year } => format!("{cmp} {value} (nulpunktet i {year})"),
            Basis::FloorReached => format!("{cmp} {value}"),
            Basis::FloorHeld { due } => format!("{cmp} {value} (nået i {due} og derefter fastholdt)"),
            Basis::FloorGrowing { min, due, growth } => format!(
                "{cmp} {value} ({} i {due}, derefter {}{NBSP}% mere om året)",
                self.figure(*min),
                format_da_as_written(*growth)
            ),
            Basis::TowardsFloor { year, min, due } => {
                format!("{cmp} {value} i {year} (på vejen mod {} i {due})", self.figure(*min))
            }
            Basis::Reduced { percent, base, by } => {
                format!("{cmp} {value} ({}, nået senest i {by} og derefter fastholdt)", self.change(*percent, *base))
            }
            Basis::Reducing { year, target, percent, base, by } => format!(
                "{cmp} {value} i {year} (på vejen mod {}, {}, senest i {by})",
                self.figure(*target),
                self.change(*percent, *base)
            ),
            Basis::Direction { from, to } => {
                let way = match self.ind.better {
                    Better::Lower => "falde",
                    Better::Higher => "stige",
                };
                format!("{cmp} {value} (niveauet i {from}; skal {way} frem til {to})")
            }
        }
    }

    /// `30 % lavere end 100 i 2017`.
    fn change(&self, percent: Decimal, (year, base): (u16, Decimal)) -> String {
        format!("{}{NBSP}% {} end {} i {year}", format_da_as_written(percent.abs()), way(percent), self.figure(base))
    }

    /// Why the rule cannot yet say what the year requires.
    fn unset(&self, reason: &Unset) -> String {
        match reason {
            Unset::BaseYear { year } => format!("{year} er basisåret; målet gælder fra {}", year + 1),
            Unset::BaselineUnmeasured { year } => format!("basisværdien for {year} er ikke målt"),
            Unset::NothingSince { year } => format!("der er intet tal fra {year} eller senere at sammenligne med"),
            Unset::NoReference { series, year } => format!(
                "referencen {} har intet tal{}",
                self.series_name(series),
                year.map(|y| format!(" for {y}")).unwrap_or_default()
            ),
            Unset::ZeroPointUnmeasured { year } => {
                format!("målet fastsættes ud fra nulpunktet i {year}, som ikke er målt endnu")
            }
            Unset::ZeroPointYear { year, value } => {
                format!("{year} er nulpunktet ({}); målet gælder fra {}", self.figure(*value), year + 1)
            }
            Unset::NoValueInPlan => "der er intet tal i planperioden endnu".into(),
            Unset::FirstMeasurement { year, due } => {
                format!("{year} er første måling i planperioden; vejen mod målet i {due} måles fra {}", year + 1)
            }
            Unset::StartYear { year } => format!("{year} er udgangspunktet; udviklingen måles fra {}", year + 1),
            Unset::StartUnmeasured { year } => format!("udgangspunktet i {year} er ikke målt"),
            Unset::PartYear { year, from, to } => {
                let span = match (from, to) {
                    (Some(f), Some(t)) => format!("fra {} til {}", f.danish(), t.danish()),
                    (Some(f), None) => format!("fra {}", f.danish()),
                    (None, Some(t)) => format!("til {}", t.danish()),
                    (None, None) => String::new(),
                };
                format!("planen dækker kun {year} {span}, og et mål pr. år vurderes på et helt år")
            }
            Unset::Written => "vurderes skriftligt".into(),
        }
    }
}
