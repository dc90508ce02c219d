//! Validation of `budget.yaml`: known sources, strands and activities, years
//! within the plan, row totals as stated. That it balances is checked on its
//! totals, in `eval::checks`.

use super::{check_text, known, list, number};
use crate::input::Source;
use crate::input::raw::{RawBudgetFile, RawNumber};
use crate::model::budget::{Budget, FundingSource, Line, Section};
use crate::model::diag::Diagnostics;
use crate::model::text::format_da_as_written;
use crate::model::{Model, Period};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Validates the budget; `None` if it has errors.
pub(super) fn budget(model: &Model, src: &Source<RawBudgetFile>, diags: &mut Diagnostics) -> Option<Budget> {
    let file = &src.path;
    let errors_before = diags.error_count();
    let years: Vec<u16> = (model.plan.start.year..=model.plan.end.year).collect();
    let amount = |path: &[&str], raw: &RawNumber, diags: &mut Diagnostics| -> Option<Decimal> {
        let pos = src.locator.value(path);
        let v = number(&src.locator, file, pos, raw, diags)?;
        if v < Decimal::ZERO {
            diags.error(
                file,
                pos,
                format!("beløbet {} er negativt; budgettet skrives med positive beløb i t.kr.", raw.0),
            );
            return None;
        }
        Some(v)
    };
    let financing = |path: &[&str], raw: &BTreeMap<String, RawNumber>, diags: &mut Diagnostics| {
        let mut out = BTreeMap::new();
        for (key, value) in raw {
            let p: Vec<&str> = path.iter().copied().chain([key.as_str()]).collect();
            let Some(source) = FundingSource::from_key(key) else {
                diags.error(
                    file,
                    src.locator.key(&p),
                    format!(
                        "ukendt finansieringskilde «{key}»; kilderne er {}",
                        list(FundingSource::ALL.iter().map(|s| s.key()))
                    ),
                );
                continue;
            };
            if let Some(v) = amount(&p, value, diags) {
                out.insert(source, v);
            }
        }
        out
    };

    let mut sections = Vec::new();
    for (i, raw_section) in src.content.sections.iter().enumerate() {
        let si = i.to_string();
        check_text(file, src.locator.value(&["afsnit", &si, "navn"]), "navn", &raw_section.navn, diags);
        if let Some(f) = &raw_section.focus_area
            && !model.focus_areas.iter().any(|x| &x.id == f)
        {
            diags.error(
                file,
                src.locator.value(&["afsnit", &si, "indsatsområde"]),
                format!("ukendt indsatsområde «{f}»; kendte: {}", list(model.focus_areas.iter().map(|x| &x.id))),
            );
        }
        let mut lines = Vec::new();
        for (j, raw_line) in raw_section.lines.iter().enumerate() {
            let lj = j.to_string();
            let at = |rest: &[&str]| -> Vec<String> {
                ["afsnit", &si, "linjer", &lj].iter().chain(rest).map(|s| s.to_string()).collect()
            };
            check_text(file, src.locator.value(&p(&at(&["navn"]))), "navn", &raw_line.navn, diags);
            if let Some(a) = &raw_line.aktivitet
                && !model.activities.iter().any(|x| &x.id == a)
            {
                diags.error(
                    file,
                    src.locator.value(&p(&at(&["aktivitet"]))),
                    format!(
                        "ukendt aktivitet «{a}»; {}",
                        known("aktiviteter", a, model.activities.iter().map(|x| &x.id))
                    ),
                );
            }
            let line_errors = diags.error_count();
            let mut expenses = BTreeMap::new();
            for (year, raw) in &raw_line.expenses {
                let y = year.to_string();
                let path = at(&["udgifter", &y]);
                if !years.contains(year) {
                    diags.error(
                        file,
                        src.locator.key(&p(&path)),
                        format!(
                            "året {year} ligger uden for planperioden {}-{}",
                            model.plan.start.year, model.plan.end.year
                        ),
                    );
                    continue;
                }
                if let Some(v) = amount(&p(&path), raw, diags) {
                    expenses.insert(*year, v);
                }
            }
            // A rejected year would make the sum differ too; say it once.
            if let Some(stated) = raw_line.i_alt.as_ref().filter(|_| diags.error_count() == line_errors) {
                let path = at(&["i_alt"]);
                if let Some(stated_v) = number(&src.locator, file, src.locator.value(&p(&path)), stated, diags) {
                    let sum: Decimal = expenses.values().sum();
                    if sum != stated_v {
                        diags.error(
                            file,
                            src.locator.value(&p(&path)),
                            format!(
                                "«{}»: i_alt er {}, men årene giver tilsammen {} (forskel {})",
                                raw_line.navn,
                                format_da_as_written(stated_v),
                                format_da_as_written(sum),
                                format_da_as_written(stated_v - sum)
                            ),
                        );
                    }
                }
            }
            let line_financing = financing(&p(&at(&["finansiering"])), &raw_line.financing, diags);
            let mut spent = BTreeMap::new();
            for (key, raw) in &raw_line.spent {
                let path = at(&["forbrug", key]);
                let period = match key.parse::<Period>() {
                    Ok(period) if years.contains(&period.year) => period,
                    Ok(period) => {
                        diags.error(
                            file,
                            src.locator.key(&p(&path)),
                            format!("halvåret {} ligger uden for planperioden", period.danish()),
                        );
                        continue;
                    }
                    Err(e) => {
                        diags.error(file, src.locator.key(&p(&path)), e);
                        continue;
                    }
                };
                if let Some(v) = amount(&p(&path), raw, diags) {
                    spent.insert(period, v);
                }
            }
            lines.push(Line {
                name: raw_line.navn.trim().to_string(),
                activity: raw_line.aktivitet.clone(),
                expenses,
                financing: line_financing,
                spent,
            });
        }
        let section_financing = financing(&["afsnit", &si, "finansiering"], &raw_section.financing, diags);
        sections.push(Section {
            name: raw_section.navn.trim().to_string(),
            focus_area: raw_section.focus_area.clone(),
            lines,
            financing: section_financing,
        });
    }
    if diags.error_count() > errors_before {
        return None;
    }
    Some(Budget {
        years,
        sections,
        example: src.content.eksempeldata,
        file: file.clone(),
        at: src.locator.key(&["afsnit"]),
    })
}

fn p(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Adds each spending file's amounts (`forbrug/2019-h1.yaml`: the
/// half-year's spending by budget line name) to the budget's lines. A line
/// left blank is not entered yet; a line the budget does not have, a
/// half-year outside the plan or a half-year the budget already records for
/// the line is an error at its place.
pub(super) fn spending_files(
    model: &mut Model,
    files: &[Source<crate::input::raw::RawSpendingFile>],
    diags: &mut Diagnostics,
) {
    for src in files {
        let file = &src.path;
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let period = match stem.to_uppercase().parse::<Period>() {
            Ok(p) => p,
            Err(_) => {
                diags.error(file, None, "en forbrugsfil hedder efter sit halvår, fx forbrug/2019-h1.yaml");
                continue;
            }
        };
        let Some(budget) = model.budget.as_mut() else {
            if !src.content.lines.is_empty() {
                diags.error(file, None, "der er forbrug, men ingen budget.yaml at føre det på");
            }
            continue;
        };
        if !budget.years.contains(&period.year) {
            diags.error(file, None, format!("halvåret {} ligger uden for planperioden", period.danish()));
            continue;
        }
        for (name, raw) in &src.content.lines {
            let matching = budget.sections.iter().flat_map(|s| &s.lines).filter(|l| l.name == name.trim()).count();
            if matching != 1 {
                let message = if matching == 0 {
                    format!(
                        "ukendt budgetlinje «{name}»; {}",
                        known("budgetlinjer", name, budget.sections.iter().flat_map(|s| &s.lines).map(|l| &l.name))
                    )
                } else {
                    format!("«{name}» er navnet på {matching} budgetlinjer; giv dem hver sit navn i budget.yaml")
                };
                diags.error(file, src.locator.key(&["linjer", name]), message);
                continue;
            }
            let Some(raw) = raw else { continue };
            let pos = src.locator.value(&["linjer", name]);
            let Some(v) = number(&src.locator, file, pos, raw, diags) else { continue };
            if v < Decimal::ZERO {
                diags.error(file, pos, format!("beløbet {} er negativt; forbruget skrives i t.kr.", raw.0));
                continue;
            }
            let Some(line) =
                budget.sections.iter_mut().flat_map(|s| s.lines.iter_mut()).find(|l| l.name == name.trim())
            else {
                continue;
            };
            if line.spent.contains_key(&period) {
                diags.error(
                    file,
                    src.locator.key(&["linjer", name]),
                    format!("budget.yaml har allerede forbrug for {period} på «{name}»; skriv det ét sted"),
                );
                continue;
            }
            line.spent.insert(period, v);
        }
    }
}
