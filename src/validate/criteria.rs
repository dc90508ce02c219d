//! Validation of activities, success criteria and their rules, and of the
//! written assessments in the status files.

use super::{check_id, check_text, known, list, number};
use crate::input::Source;
use crate::input::raw::{RawAnchor, RawApplies, RawAssessment, RawPlanFile, RawProse, RawRule};
use crate::model::diag::{Diagnostics, Pos};
use crate::model::{
    Activity, Anchor, Assessment, Better, Calc, Cmp, Criterion, GoalStatus, Indicator, Marking, Model, Per, Prose,
    Rule, RuleKind, SeriesKind, TOTAL_ID, Target,
};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// The largest yearly increase a rule may ask for, in per cent.
const MAX_PERCENT: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

/// The parameters a rule kind takes, as written in `plan.yaml`.
fn params(kind: RuleKind) -> &'static [&'static str] {
    match kind {
        RuleKind::Ceiling => &["højst", "under"],
        RuleKind::Floor => &["mindst", "over"],
        RuleKind::Path => &["fra", "til"],
        RuleKind::YearlyChange => &["procent", "basisår"],
        RuleKind::ChangeFromBase => &["procent", "basis"],
        RuleKind::Reference => &["reference", "år"],
        RuleKind::ZeroPoint => &["nulpunkt", "procent"],
        RuleKind::MinCount => &["mindst", "pr"],
        RuleKind::MinShare => &["mindst"],
        RuleKind::FloorThenGrowth => &["mindst", "år", "vækst"],
        RuleKind::ReduceBy => &["procent", "basis", "inden"],
        RuleKind::Direction => &["fra", "til"],
        RuleKind::Qualitative => &[],
    }
}

/// Validates `aktiviteter:` against the strands of work.
pub(super) fn activities(src: &Source<RawPlanFile>, model: &Model, diags: &mut Diagnostics) -> Vec<Activity> {
    let file = &src.path;
    let mut seen = BTreeSet::new();
    src.content
        .activities
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let at = |f: &str| src.locator.value(&["aktiviteter", &i.to_string(), f]);
            check_id(file, at("id"), &a.id, diags);
            check_text(file, at("navn"), "navn", &a.navn, diags);
            if !seen.insert(a.id.as_str()) {
                diags.error(file, at("id"), format!("aktiviteten «{}» står to gange", a.id));
                return None;
            }
            if !model.focus_areas.iter().any(|f| f.id == a.focus_area) {
                diags.error(
                    file,
                    at("indsatsområde"),
                    format!(
                        "ukendt indsatsområde «{}»; kendte: {}",
                        a.focus_area,
                        list(model.focus_areas.iter().map(|f| &f.id))
                    ),
                );
                return None;
            }
            let marking = match a.markering.as_deref() {
                None => None,
                Some(key) => {
                    match [Marking::Direct, Marking::Indirect, Marking::LongTerm].into_iter().find(|m| m.key() == key) {
                        Some(m) => Some(m),
                        None => {
                            diags.error(
                                file,
                                at("markering"),
                                format!("«markering» skal være direkte, indirekte eller langsigtet, ikke «{key}»"),
                            );
                            return None;
                        }
                    }
                }
            };
            let prose = |t: &Option<String>| t.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
            let what = format!("aktiviteten «{}»", a.id);
            let areas = super::coverage::areas(file, at("områder"), &what, a.areas.as_ref(), &model.series, diags);
            for (field, text) in [("målgruppe", &a.target_group), ("opfølgning", &a.follow_up)] {
                if let Some(text) = text {
                    check_text(file, at(field), field, text, diags);
                }
            }
            Some(Activity {
                areas,
                target_group: prose(&a.target_group),
                follow_up: prose(&a.follow_up),
                id: a.id.clone(),
                name: a.navn.clone(),
                focus_area: a.focus_area.clone(),
                description: prose(&a.beskrivelse),
                points: a.delpunkter.iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect(),
                effect: a.effect.as_ref().and_then(|e| {
                    let points = |ps: &[String]| -> Vec<String> {
                        ps.iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
                    };
                    let (text, points) = match e {
                        RawProse::Text(t) => (prose(&Some(t.clone())), Vec::new()),
                        RawProse::Points(ps) => (None, points(ps)),
                        RawProse::Both(parts) => (prose(&parts.tekst), points(&parts.punkter)),
                    };
                    (text.is_some() || !points.is_empty()).then_some(Prose { text, points })
                }),
                marking,
            })
        })
        .collect()
}

/// The longest `kort:` title: it must fit one line of the front page.
const MAX_SHORT: usize = 70;

/// Validates `succeskriterier:`.
pub(super) fn criteria(src: &Source<RawPlanFile>, model: &Model, diags: &mut Diagnostics) -> Vec<Criterion> {
    let file = &src.path;
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, c) in src.content.criteria.iter().enumerate() {
        let idx = i.to_string();
        let at = |f: &str| src.locator.value(&["succeskriterier", &idx, f]);
        let errors_before = diags.error_count();
        check_id(file, at("id"), &c.id, diags);
        if !seen.insert(c.id.as_str()) {
            diags.error(file, at("id"), format!("succeskriteriet «{}» står to gange", c.id));
        }
        check_text(file, at("tekst"), "tekst", &c.tekst, diags);
        if let Some(short) = &c.kort {
            check_text(file, at("kort"), "kort", short, diags);
            let n = short.trim().chars().count();
            if n > MAX_SHORT {
                diags.error(
                    file,
                    at("kort"),
                    format!("kort er {n} tegn; en kort titel må højst være {MAX_SHORT} tegn"),
                );
            }
        }
        check_text(file, at("datakilde"), "datakilde", &c.datakilde, diags);
        if !model.focus_areas.iter().any(|f| f.id == c.focus_area) {
            diags.error(
                file,
                at("indsatsområde"),
                format!(
                    "ukendt indsatsområde «{}»; kendte: {}",
                    c.focus_area,
                    list(model.focus_areas.iter().map(|f| &f.id))
                ),
            );
        }
        if let Some(a) = &c.aktivitet {
            match model.activities.iter().find(|x| &x.id == a) {
                None => diags.error(
                    file,
                    at("aktivitet"),
                    format!(
                        "ukendt aktivitet «{a}»; {}",
                        known("aktiviteter", a, model.activities.iter().map(|x| &x.id))
                    ),
                ),
                Some(x) if x.focus_area != c.focus_area => diags.error(
                    file,
                    at("aktivitet"),
                    format!("aktiviteten «{a}» hører til indsatsområdet «{}», ikke «{}»", x.focus_area, c.focus_area),
                ),
                Some(_) => {}
            }
        }
        let indicator = match &c.indikator {
            Some(id) => {
                let found = model.indicator(id);
                if found.is_none() {
                    diags.error(
                        file,
                        at("indikator"),
                        format!(
                            "ukendt indikator «{id}»; {}",
                            known("indikatorer", id, model.indicators.iter().map(|i| &i.id))
                        ),
                    );
                }
                found
            }
            None if c.regel.as_ref().is_some_and(|r| r.slags.as_deref() == Some("kvalitativ")) => None,
            None => {
                diags.error(
                    file,
                    src.locator.key(&["succeskriterier", &idx, "id"]),
                    format!(
                        "succeskriteriet «{}» skal have en indikator (kun et kvalitativt kriterium kan være uden)",
                        c.id
                    ),
                );
                None
            }
        };
        let base: Vec<String> = vec!["succeskriterier".into(), idx.clone(), "regel".into()];
        let default_rule = c.regel.as_ref().and_then(|r| rule(src, &base, r, indicator, model, diags));
        let needs_default = c.applies.is_empty() || c.applies.iter().any(|a| matches!(a, RawApplies::Id(_)));
        if c.regel.is_none() && needs_default {
            diags.error(
                file,
                src.locator.key(&["succeskriterier", &idx, "id"]),
                format!("succeskriteriet «{}» mangler «regel» (kun hvis hvert område under gælder har sin egen regel, kan den udelades)", c.id),
            );
        }

        let mut targets: Vec<Target> = Vec::new();
        let mut push = |series: &str, rule: Option<Rule>, pos: Option<Pos>, diags: &mut Diagnostics| {
            if targets.iter().any(|t| t.series == series) {
                diags.error(file, pos, format!("«{series}» står mere end én gang under gælder"));
            } else if let Some(rule) = rule {
                targets.push(Target { series: series.to_string(), rule });
            }
        };
        if c.applies.is_empty() {
            push(TOTAL_ID, default_rule.clone(), at("regel"), diags);
        }
        for (j, entry) in c.applies.iter().enumerate() {
            let jdx = j.to_string();
            let pos = src.locator.value(&["succeskriterier", &idx, "gælder", &jdx]);
            match entry {
                RawApplies::Id(id) if id == "alle" => {
                    // Every area the indicator is measured for.
                    let covered: Vec<&str> = model
                        .areas()
                        .filter(|a| indicator.is_none_or(|i| i.covers(&a.id)))
                        .map(|a| a.id.as_str())
                        .collect();
                    if covered.is_empty() {
                        diags.error(
                            file,
                            pos,
                            "«alle» er ingen områder her: indikatoren måles kun for planen som helhed; skriv «samlet»",
                        );
                    }
                    for area in covered {
                        push(area, default_rule.clone(), pos, diags);
                    }
                }
                RawApplies::Id(id) => {
                    if is_target_series(model, indicator, id, file, pos, diags) {
                        push(id, default_rule.clone(), pos, diags);
                    }
                }
                RawApplies::Own(own) => {
                    let area_pos = src.locator.value(&["succeskriterier", &idx, "gælder", &jdx, "område"]);
                    let path: Vec<String> =
                        vec!["succeskriterier".into(), idx.clone(), "gælder".into(), jdx, "regel".into()];
                    let r = rule(src, &path, &own.regel, indicator, model, diags);
                    if is_target_series(model, indicator, &own.area, file, area_pos, diags) {
                        push(&own.area, r, area_pos, diags);
                    }
                }
            }
        }
        let qualitative = targets.iter().filter(|t| t.rule == Rule::Qualitative).count();
        if qualitative > 0 && qualitative < targets.len() {
            diags.error(
                file,
                src.locator.key(&["succeskriterier", &idx, "id"]),
                format!("succeskriteriet «{}» blander kvalitative og målte regler; del det i to kriterier", c.id),
            );
        } else if qualitative == 0 && indicator.is_none() && c.indikator.is_none() && !targets.is_empty() {
            diags.error(
                file,
                src.locator.key(&["succeskriterier", &idx, "id"]),
                format!(
                    "succeskriteriet «{}» skal have en indikator (kun et kvalitativt kriterium kan være uden)",
                    c.id
                ),
            );
        }
        if diags.error_count() == errors_before {
            out.push(Criterion {
                id: c.id.clone(),
                focus_area: c.focus_area.clone(),
                activity: c.aktivitet.clone(),
                text: c.tekst.trim().to_string(),
                short: c.kort.as_ref().map(|s| s.trim().to_string()),
                indicator: c.indikator.clone(),
                targets,
                source: c.datakilde.trim().to_string(),
                at: src.locator.key(&["succeskriterier", &idx, "id"]),
            });
        }
    }
    out
}

/// Whether `id` names an area or *samlet*; reports it otherwise.
fn is_target_series(
    model: &Model,
    indicator: Option<&Indicator>,
    id: &str,
    file: &std::path::Path,
    pos: Option<Pos>,
    diags: &mut Diagnostics,
) -> bool {
    match model.series(id) {
        Some(s) if s.kind == SeriesKind::Area && indicator.is_some_and(|i| !i.covers(id)) => {
            let i = indicator.expect("checked");
            let covered: Vec<&str> = i.areas.iter().flatten().map(String::as_str).collect();
            let covers =
                if covered.is_empty() { "kun planen som helhed (samlet)".to_string() } else { covered.join(", ") };
            diags.error(file, pos, format!("indikatoren «{}» måles ikke for «{id}»; dens «områder» er {covers}", i.id));
            false
        }
        Some(s) if s.kind == SeriesKind::Group && indicator.is_some_and(|i| !s.members.iter().all(|m| i.covers(m))) => {
            let i = indicator.expect("checked");
            let missing: Vec<&str> = s.members.iter().filter(|m| !i.covers(m)).map(String::as_str).collect();
            diags.error(
                file,
                pos,
                format!(
                    "gruppen «{id}» har områder, som indikatoren «{}» ikke måles for: {}",
                    i.id,
                    missing.join(", ")
                ),
            );
            false
        }
        Some(s) if s.kind == SeriesKind::Group && indicator.is_some_and(|i| model.averaged_measure(i).is_some()) => {
            diags.error(
                file,
                pos,
                format!("«{id}» er en gruppe, men indikatoren er et gennemsnit, og gennemsnit lægges ikke sammen"),
            );
            false
        }
        Some(s) if s.kind != SeriesKind::Reference => true,
        _ => {
            diags.error(
                file,
                pos,
                format!(
                    "«{id}» er hverken «alle», «{TOTAL_ID}» eller et område; områderne er {}",
                    list(model.areas().map(|a| &a.id))
                ),
            );
            false
        }
    }
}

/// Turns a raw rule into a [`Rule`], checking its kind, parameters and years.
fn rule(
    src: &Source<RawPlanFile>,
    base: &[String],
    raw: &RawRule,
    indicator: Option<&Indicator>,
    model: &Model,
    diags: &mut Diagnostics,
) -> Option<Rule> {
    let file = &src.path;
    let loc = |field: &str| {
        let p: Vec<&str> = base.iter().map(String::as_str).chain([field]).collect();
        src.locator.value(&p)
    };
    let Some(slags) = raw.slags.as_deref() else {
        let p: Vec<&str> = base.iter().map(String::as_str).collect();
        diags.error(
            file,
            src.locator.value(&p),
            format!("reglen mangler «slags»; reglerne er {}", list(RuleKind::ALL.map(RuleKind::key))),
        );
        return None;
    };
    let Some(kind) = RuleKind::from_key(slags) else {
        diags.error(
            file,
            loc("slags"),
            format!("ukendt regel «{slags}»; reglerne er {}", list(RuleKind::ALL.map(RuleKind::key))),
        );
        return None;
    };
    let allowed = params(kind);
    let errors_before = diags.error_count();
    let present: [(&str, bool); 15] = [
        ("højst", raw.at_most.is_some()),
        ("under", raw.under.is_some()),
        ("over", raw.over.is_some()),
        ("mindst", raw.mindst.is_some()),
        ("fra", raw.fra.is_some()),
        ("til", raw.til.is_some()),
        ("procent", raw.procent.is_some()),
        ("basisår", raw.base_year.is_some()),
        ("basis", raw.basis.is_some()),
        ("reference", raw.reference.is_some()),
        ("år", raw.year.is_some()),
        ("nulpunkt", raw.nulpunkt.is_some()),
        ("pr", raw.pr.is_some()),
        ("vækst", raw.growth.is_some()),
        ("inden", raw.inden.is_some()),
    ];
    for (name, is_present) in present {
        if is_present && !allowed.contains(&name) {
            let takes = if allowed.is_empty() { "ingen parametre".to_string() } else { list(allowed.iter()) };
            let p: Vec<&str> = base.iter().map(String::as_str).chain([name]).collect();
            diags.error(
                file,
                src.locator.key(&p),
                format!("«{name}» hører ikke til reglen «{}», som tager: {takes}", kind.key()),
            );
        }
    }
    let missing = |field: &str, diags: &mut Diagnostics| {
        let p: Vec<&str> = base.iter().map(String::as_str).collect();
        diags.error(
            file,
            src.locator.key(&p).or_else(|| loc("slags")),
            format!("reglen «{}» mangler «{field}»", kind.key()),
        );
    };
    let num = |field: &str, raw: &Option<crate::input::raw::RawNumber>, diags: &mut Diagnostics| -> Option<Decimal> {
        match raw {
            Some(r) => number(&src.locator, file, loc(field), r, diags),
            None => {
                missing(field, diags);
                None
            }
        }
    };
    let years = model.plan.first_year..=model.plan.last_year;
    let year_in_plan = |field: &str, y: u16, diags: &mut Diagnostics| {
        if !years.contains(&y) {
            diags.error(
                file,
                loc(field),
                format!("året {y} ligger uden for planens dataår {}-{}", years.start(), years.end()),
            );
        }
    };
    let anchor = |field: &str, a: &Option<RawAnchor>, need_value: bool, diags: &mut Diagnostics| -> Option<Anchor> {
        let Some(a) = a else {
            missing(field, diags);
            return None;
        };
        let p: Vec<String> = base.iter().cloned().chain([field.to_string()]).collect();
        let pp: Vec<&str> = p.iter().map(String::as_str).collect();
        let sub = |k: &str| {
            let mut q = pp.clone();
            q.push(k);
            src.locator.value(&q)
        };
        if !years.contains(&a.year) {
            diags.error(
                file,
                sub("år"),
                format!("året {} ligger uden for planens dataår {}-{}", a.year, years.start(), years.end()),
            );
        }
        let value = match &a.value {
            Some(v) => number(&src.locator, file, sub("værdi"), v, diags),
            None if need_value => {
                diags.error(file, src.locator.value(&pp), format!("«{field}» skal have en værdi (værdi: ...)"));
                None
            }
            None => None,
        };
        Some(Anchor { year: a.year, value })
    };
    let better = indicator.map(|i| i.better);
    // A signed percentage must point the way the indicator improves.
    let percent =
        |field: &str, raw: &Option<crate::input::raw::RawNumber>, diags: &mut Diagnostics| -> Option<Decimal> {
            let p = num(field, raw, diags)?;
            let wrong = match better {
                Some(Better::Lower) => p >= Decimal::ZERO,
                Some(Better::Higher) => p <= Decimal::ZERO,
                None => false,
            };
            if p <= -Decimal::ONE_HUNDRED {
                diags.error(file, loc(field), format!("et fald på {} % eller mere er ikke muligt", -p));
                return None;
            }
            if p > MAX_PERCENT {
                diags.error(file, loc(field), format!("en stigning på {p} % er ikke rimelig; højst {MAX_PERCENT} %"));
                return None;
            }
            if wrong {
                let (way, sign) = if better == Some(Better::Lower) {
                    ("lavere", "negativ, fx -10 for et fald på 10 %")
                } else {
                    ("højere", "positiv, fx 8 for en stigning på 8 %")
                };
                diags.error(
                    file,
                    loc(field),
                    format!(
                        "for «{}» er {way} bedre, så procenten skal være {sign}",
                        indicator.map_or("", |i| i.id.as_str())
                    ),
                );
                return None;
            }
            Some(p)
        };
    let threshold = |pairs: [(&str, Cmp, &Option<crate::input::raw::RawNumber>); 2],
                     diags: &mut Diagnostics|
     -> Option<(Cmp, Decimal)> {
        let given: Vec<_> = pairs.iter().filter(|(_, _, r)| r.is_some()).collect();
        match given.as_slice() {
            [(field, cmp, Some(r))] => number(&src.locator, file, loc(field), r, diags).map(|v| (*cmp, v)),
            [] => {
                missing(&format!("{} eller {}", pairs[0].0, pairs[1].0), diags);
                None
            }
            _ => {
                diags.error(file, loc(pairs[1].0), format!("angiv kun én af «{}» og «{}»", pairs[0].0, pairs[1].0));
                None
            }
        }
    };

    let rule = match kind {
        RuleKind::Ceiling => {
            threshold([("højst", Cmp::AtMost, &raw.at_most), ("under", Cmp::Below, &raw.under)], diags)
                .map(|(cmp, value)| Rule::Ceiling { cmp, value })
        }
        RuleKind::Floor => threshold([("mindst", Cmp::AtLeast, &raw.mindst), ("over", Cmp::Above, &raw.over)], diags)
            .map(|(cmp, value)| Rule::Floor { cmp, value }),
        RuleKind::Path => {
            let from = anchor("fra", &raw.fra, false, diags);
            let to = anchor("til", &raw.til, true, diags);
            if let (Some(f), Some(t)) = (from, to)
                && f.year >= t.year
            {
                diags.error(file, loc("til"), format!("målåret {} skal ligge efter basisåret {}", t.year, f.year));
            }
            // A path must run the way the indicator improves.
            if let (Some(Anchor { value: Some(v0), .. }), Some(Anchor { value: Some(v1), .. }), Some(b)) =
                (from, to, better)
            {
                let wrong = match b {
                    Better::Lower => v1 > v0,
                    Better::Higher => v1 < v0,
                };
                if wrong {
                    let way = if b == Better::Lower { "lavere" } else { "højere" };
                    diags.error(
                        file,
                        loc("til"),
                        format!(
                            "forløbet går den forkerte vej: for «{}» er {way} bedre",
                            indicator.map_or("", |i| i.id.as_str())
                        ),
                    );
                }
            }
            Some(Rule::Path { from: from?, to: to? })
        }
        RuleKind::YearlyChange => {
            let p = percent("procent", &raw.procent, diags);
            let y = raw.base_year.or_else(|| {
                missing("basisår", diags);
                None
            });
            if let Some(y) = y {
                year_in_plan("basisår", y, diags);
            }
            Some(Rule::YearlyChange { percent: p?, base_year: y? })
        }
        RuleKind::ChangeFromBase => {
            let p = percent("procent", &raw.procent, diags);
            let b = anchor("basis", &raw.basis, false, diags);
            Some(Rule::ChangeFromBase { percent: p?, base: b? })
        }
        RuleKind::Reference => {
            let Some(r) = &raw.reference else {
                missing("reference", diags);
                return None;
            };
            if !model.series.iter().any(|s| s.kind == SeriesKind::Reference && &s.id == r) {
                diags.error(
                    file,
                    loc("reference"),
                    format!(
                        "ukendt reference «{r}»; referencerne er {}",
                        list(model.series.iter().filter(|s| s.kind == SeriesKind::Reference).map(|s| &s.id))
                    ),
                );
            }
            if let Some(y) = raw.year {
                year_in_plan("år", y, diags);
            }
            Some(Rule::Reference { series: r.clone(), year: raw.year })
        }
        RuleKind::ZeroPoint => {
            let Some(z) = raw.nulpunkt else {
                missing("nulpunkt", diags);
                return None;
            };
            year_in_plan("nulpunkt", z, diags);
            let p = match &raw.procent {
                Some(_) => Some(percent("procent", &raw.procent, diags)?),
                None => None,
            };
            Some(Rule::ZeroPoint { year: z, percent: p })
        }
        RuleKind::MinCount => {
            let min = num("mindst", &raw.mindst, diags);
            let per = match raw.pr.as_deref() {
                None | Some("år") => Some(Per::Year),
                Some("halvår") => Some(Per::Half),
                Some(other) => {
                    diags.error(file, loc("pr"), format!("«pr» skal være «år» eller «halvår», ikke «{other}»"));
                    None
                }
            };
            if let Some(ind) = indicator
                && !matches!(ind.calc, Calc::Count { .. })
            {
                diags.error(
                    file,
                    loc("slags"),
                    format!("«mindste-antal» kræver en indikator der tæller (måling:), og «{}» er en andel", ind.id),
                );
            }
            Some(Rule::MinCount { min: min?, per: per? })
        }
        RuleKind::MinShare => {
            let min = num("mindst", &raw.mindst, diags)?;
            if let Some(ind) = indicator
                && !ind.is_percentage()
            {
                diags.error(
                    file,
                    loc("slags"),
                    format!("«mindste-andel» kræver en indikator i procent, og «{}» er i {}", ind.id, ind.unit),
                );
            }
            if min > Decimal::ONE_HUNDRED || min < Decimal::ZERO {
                diags.error(file, loc("mindst"), "en andel ligger mellem 0 og 100 %");
            }
            Some(Rule::MinShare { min })
        }
        RuleKind::FloorThenGrowth => {
            let min = num("mindst", &raw.mindst, diags);
            let growth = num("vækst", &raw.growth, diags);
            if growth.is_some_and(|g| g < Decimal::ZERO || g > MAX_PERCENT) {
                diags.error(file, loc("vækst"), "«vækst» er en stigning i procent om året: fra 0 til 1000");
            }
            let y = raw.year.or_else(|| {
                missing("år", diags);
                None
            });
            if let Some(y) = y {
                year_in_plan("år", y, diags);
            }
            Some(Rule::FloorThenGrowth { min: min?, year: y?, growth: growth? })
        }
        RuleKind::ReduceBy => {
            let p = percent("procent", &raw.procent, diags);
            let b = anchor("basis", &raw.basis, false, diags);
            let by = raw.inden.or_else(|| {
                missing("inden", diags);
                None
            });
            if let Some(by) = by {
                year_in_plan("inden", by, diags);
            }
            if let (Some(b), Some(by)) = (b, by)
                && by <= b.year
            {
                diags.error(file, loc("inden"), format!("«inden» ({by}) skal ligge efter basisåret {}", b.year));
            }
            Some(Rule::ReduceBy { percent: p?, base: b?, by: by? })
        }
        RuleKind::Direction => {
            let f = anchor("fra", &raw.fra, false, diags);
            let t = anchor("til", &raw.til, false, diags);
            for (field, a) in [("fra", &f), ("til", &t)] {
                if a.is_some_and(|a| a.value.is_some()) {
                    diags.error(file, loc(field), "«retning» ser kun på udviklingen; angiv år uden værdi");
                }
            }
            if let (Some(f), Some(t)) = (f, t)
                && f.year >= t.year
            {
                diags.error(file, loc("til"), format!("slutåret {} skal ligge efter startåret {}", t.year, f.year));
            }
            Some(Rule::Direction { from: f?.year, to: t?.year })
        }
        RuleKind::Qualitative => Some(Rule::Qualitative),
    };
    rule.filter(|_| diags.error_count() == errors_before)
}

/// Validates the written assessments of a status file.
pub(super) fn assessments(
    model: &Model,
    src: &Source<crate::input::raw::RawStatusFile>,
    raw: &BTreeMap<String, RawAssessment>,
    written: &BTreeSet<&str>,
    diags: &mut Diagnostics,
) -> BTreeMap<String, Assessment> {
    let file = &src.path;
    let mut out = BTreeMap::new();
    for (id, a) in raw {
        let Some(c) = model.criteria.iter().find(|c| &c.id == id) else {
            // A criterion that is in plan.yaml but has errors of its own:
            // those are reported there.
            if written.contains(id.as_str()) {
                continue;
            }
            diags.error(
                file,
                src.locator.key(&["vurderinger", id]),
                format!(
                    "ukendt succeskriterium «{id}»; {}",
                    known("succeskriterier", id, model.criteria.iter().map(|c| &c.id))
                ),
            );
            continue;
        };
        let qualitative = c.targets.iter().all(|t| t.rule == Rule::Qualitative);
        let status = match (&a.status, qualitative) {
            (Some(s), true) => match s.parse::<GoalStatus>() {
                Ok(s) => Some(s),
                Err(e) => {
                    diags.error(file, src.locator.value(&["vurderinger", id, "status"]), e);
                    continue;
                }
            },
            (None, true) => {
                diags.error(
                    file,
                    src.locator.key(&["vurderinger", id]),
                    format!("«{id}» er kvalitativt og skal have en status (opfyldt, på vej, ikke opfyldt eller ikke målt endnu)"),
                );
                continue;
            }
            (Some(_), false) => {
                diags.error(
                    file,
                    src.locator.key(&["vurderinger", id, "status"]),
                    format!("«{id}» måles med tal, så status beregnes; skriv kun tekst"),
                );
                continue;
            }
            (None, false) => None,
        };
        check_text(file, src.locator.value(&["vurderinger", id, "tekst"]), "tekst", &a.tekst, diags);
        out.insert(id.clone(), Assessment { status, text: a.tekst.trim().to_string() });
    }
    out
}

/// Validates the activity statuses of a status file.
pub(super) fn activity_statuses(
    model: &Model,
    src: &Source<crate::input::raw::RawStatusFile>,
    diags: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (id, text) in &src.content.aktiviteter {
        if !model.activities.iter().any(|a| &a.id == id) {
            diags.error(
                &src.path,
                src.locator.key(&["aktiviteter", id]),
                format!(
                    "ukendt aktivitet «{id}»; {}",
                    known("aktiviteter", id, model.activities.iter().map(|a| &a.id))
                ),
            );
            continue;
        }
        check_text(&src.path, src.locator.value(&["aktiviteter", id]), id, text, diags);
        out.insert(id.clone(), text.trim().to_string());
    }
    out
}
