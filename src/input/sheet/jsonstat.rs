//! JSON-stat datasets, flattened to one long sheet.
//!
//! Statistikbanken's `format=JSONSTAT` is JSON-stat version 1: the dataset
//! under a `"dataset"` key, with the dimension ids and sizes inside
//! `dimension` (`dimension.id`, `dimension.size`, `dimension.role`), each
//! dimension's categories as `category.index` (code → position) and
//! `category.label` (code → text), and `value` an array in row-major order
//! (the last dimension varies fastest). JSON-stat 2.0 has `"class":
//! "dataset"` with `id`, `size` and `role` at the top; `value` may also be an
//! object from position to value, and `status` an array, an object or one
//! string for all values.
//!
//! The sheet has a header row of the dimension ids in capitals (`OMRÅDE`,
//! `TID`, as in Statistikbanken's CSV) and `INDHOLD`, then one row per value:
//! each category's label, then the value. A metric dimension with a single
//! category (Statistikbanken's `ContentsCode`: what the table counts) is not
//! a column, as in the CSV. A value that is `null` is empty, or its status
//! as text when it has one (`..`); a string value is text.

use super::number::{self, from_f64};
use super::{Cell, DecimalMark, MAX_CELLS, Sheet, number_da};
use crate::model::diag::{Diagnostics, Pos};
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::path::Path;
use std::str::FromStr;

/// Reads a JSON-stat dataset into one sheet.
pub(super) fn read(path: &Path, bytes: &[u8], diags: &mut Diagnostics) -> Option<Sheet> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let at = e.valid_up_to();
        diags.error(path, Some(super::pos_at(bytes, at)), "JSON-filen er ikke UTF-8-tekst; JSON skal være UTF-8");
        return None;
    }
    if let Some(at) = too_many_elements(bytes) {
        diags.error(
            path,
            Some(super::pos_at(bytes, at)),
            format!(
                "JSON-filen har over {} elementer; et JSON-stat-datasæt med højst {} celler har langt færre",
                number_da(MAX_ELEMENTS),
                number_da(MAX_CELLS)
            ),
        );
        return None;
    }
    let root: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            let pos = (e.line() > 0).then(|| Pos { line: e.line(), column: e.column().max(1) });
            diags.error(path, pos, format!("er ikke gyldig JSON: {}", strip_position(&e.to_string())));
            return None;
        }
    };
    match flatten(&root) {
        Ok(sheet) => Some(sheet),
        Err(message) => {
            diags.error(path, None, message);
            None
        }
    }
}

/// The most arrays, objects and their members a JSON-stat file may have:
/// room for [`MAX_CELLS`] cells with their categories, and a bound on the
/// memory the parsed document takes.
const MAX_ELEMENTS: usize = 2 * MAX_CELLS;

/// Where the JSON text passes [`MAX_ELEMENTS`] arrays, objects and
/// members (counted by their brackets and commas outside strings), if it
/// does.
fn too_many_elements(bytes: &[u8]) -> Option<usize> {
    let (mut count, mut in_string, mut escaped) = (0usize, false, false);
    for (at, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b',' | b'[' | b'{' => {
                count += 1;
                if count > MAX_ELEMENTS {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// serde_json's message without its « at line 3 column 5», which the
/// diagnostic's position says.
fn strip_position(message: &str) -> &str {
    message.rfind(" at line ").map_or(message, |i| &message[..i])
}

/// The dataset in a JSON-stat document: version 2.0 at the top, version 1
/// under `dataset` (or under the one key of a bundle).
fn dataset(root: &Value) -> Result<&Map<String, Value>, String> {
    let not = "er ikke et JSON-stat-datasæt (som Statistikbankens format=JSONSTAT): \
               der mangler «dimension» og «value»";
    let Value::Object(top) = root else { return Err(not.to_string()) };
    if top.get("class").and_then(Value::as_str) == Some("dataset") {
        return Ok(top);
    }
    if let Some(Value::Object(ds)) = top.get("dataset") {
        return Ok(ds);
    }
    if top.len() == 1
        && let Some(Value::Object(ds)) = top.values().next()
        && ds.contains_key("dimension")
    {
        return Ok(ds);
    }
    if top.contains_key("dimension") && top.contains_key("value") {
        return Ok(top);
    }
    if top.get("class").and_then(Value::as_str) == Some("collection") {
        return Err("er en JSON-stat-samling; hent ét datasæt ad gangen".to_string());
    }
    Err(not.to_string())
}

/// One dimension: its id and its categories' labels by position.
struct Dimension {
    id: String,
    labels: Vec<String>,
}

fn flatten(root: &Value) -> Result<Sheet, String> {
    let ds = dataset(root)?;
    let Some(Value::Object(dims)) = ds.get("dimension") else {
        return Err("JSON-stat-datasættet har ingen «dimension»".to_string());
    };
    // Version 2.0 has id and size at the top, version 1 in «dimension».
    let ids = ds.get("id").or_else(|| dims.get("id"));
    let sizes = ds.get("size").or_else(|| dims.get("size"));
    let (Some(Value::Array(ids)), Some(Value::Array(sizes))) = (ids, sizes) else {
        return Err(
            "JSON-stat-datasættet mangler «id» og «size» (dimensionernes navne og antal kategorier)".to_string()
        );
    };
    if ids.len() != sizes.len() {
        return Err(format!("JSON-stat-datasættet har {} dimensioner i «id», men {} i «size»", ids.len(), sizes.len()));
    }
    let mut shape = Vec::with_capacity(sizes.len());
    let mut count: usize = 1;
    for size in sizes {
        let Some(n) = size.as_u64().and_then(|n| usize::try_from(n).ok()) else {
            return Err(format!("«size» skal være hele tal, ikke {size}"));
        };
        count = count.checked_mul(n).filter(|&c| c <= MAX_CELLS).ok_or_else(too_many)?;
        shape.push(n);
    }
    // One row per value with a cell per dimension and the value.
    if count.checked_mul(ids.len() + 1).is_none_or(|cells| cells > MAX_CELLS) {
        return Err(too_many());
    }
    let role = ds.get("role").or_else(|| dims.get("role"));
    let metric: Vec<&str> = role
        .and_then(|r| r.get("metric"))
        .and_then(Value::as_array)
        .map(|m| m.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut dimensions = Vec::with_capacity(ids.len());
    for (id, &size) in ids.iter().zip(&shape) {
        let Some(id) = id.as_str() else { return Err(format!("«id» skal være tekster, ikke {id}")) };
        dimensions.push(dimension(id, size, dims.get(id))?);
    }
    let values = values(ds.get("value"), count)?;
    let status = statuses(ds.get("status"), count)?;

    let shown: Vec<bool> = dimensions.iter().zip(&shape).map(|(d, &n)| !(n == 1 && metric.contains(&&*d.id))).collect();
    let mut header: Vec<Cell> =
        dimensions.iter().zip(&shown).filter(|(_, s)| **s).map(|(d, _)| Cell::Text(d.id.to_uppercase())).collect();
    header.push(Cell::Text("INDHOLD".to_string()));
    let mut rows = Vec::with_capacity(count + 1);
    rows.push(header);
    let mut at = vec![0usize; shape.len()];
    for (flat, value) in values.into_iter().enumerate() {
        let mut row: Vec<Cell> = Vec::with_capacity(dimensions.len() + 1);
        for ((dim, &pos), &shown) in dimensions.iter().zip(&at).zip(&shown) {
            if shown {
                row.push(Cell::Text(dim.labels[pos].clone()));
            }
        }
        row.push(match value {
            Cell::Empty => status.get(flat).cloned().flatten().map_or(Cell::Empty, Cell::Text),
            other => other,
        });
        rows.push(row);
        // The next position, the last dimension fastest.
        for (i, n) in shape.iter().enumerate().rev() {
            at[i] += 1;
            if at[i] < *n {
                break;
            }
            at[i] = 0;
        }
    }
    let name = ds.get("label").and_then(Value::as_str).map(str::to_string);
    Ok(Sheet { name, rows, origin: (0, 0), lines: Vec::new(), json_stat: true })
}

fn too_many() -> String {
    format!("JSON-stat-datasættet har over {} celler; hent færre værdier ad gangen", number_da(MAX_CELLS))
}

/// A dimension's category labels in index order.
fn dimension(id: &str, size: usize, dim: Option<&Value>) -> Result<Dimension, String> {
    let Some(category) = dim.and_then(|d| d.get("category")) else {
        return Err(format!("dimensionen «{id}» mangler i «dimension» eller har ingen «category»"));
    };
    let label = category.get("label").and_then(Value::as_object);
    // Codes by position: «index» as a list or as code → position, else the
    // labels' order (allowed for a dimension of one category).
    let mut codes: Vec<Option<String>> = vec![None; size];
    let wrong = || format!("dimensionen «{id}» har ikke {size} kategorier, som «size» siger");
    match category.get("index") {
        Some(Value::Array(list)) => {
            if list.len() != size {
                return Err(wrong());
            }
            for (slot, code) in codes.iter_mut().zip(list) {
                *slot = Some(code.as_str().ok_or_else(wrong)?.to_string());
            }
        }
        Some(Value::Object(map)) => {
            if map.len() != size {
                return Err(wrong());
            }
            for (code, pos) in map {
                let pos = pos.as_u64().and_then(|p| usize::try_from(p).ok()).filter(|&p| p < size).ok_or_else(wrong)?;
                if codes[pos].replace(code.clone()).is_some() {
                    return Err(format!("dimensionen «{id}» har to kategorier på plads {pos}"));
                }
            }
        }
        None => {
            let Some(label) = label.filter(|l| l.len() == size) else { return Err(wrong()) };
            for (slot, code) in codes.iter_mut().zip(label.keys()) {
                *slot = Some(code.clone());
            }
        }
        Some(_) => return Err(format!("«category.index» i dimensionen «{id}» skal være en liste eller et objekt")),
    }
    let labels = codes
        .into_iter()
        .map(|code| {
            let code = code.ok_or_else(wrong)?;
            Ok(label.and_then(|l| l.get(&code)).and_then(Value::as_str).unwrap_or(&code).trim().to_string())
        })
        .collect::<Result<_, String>>()?;
    Ok(Dimension { id: id.to_string(), labels })
}

/// The values, `count` of them, as cells: a list, or an object from
/// position to value (missing ones empty).
fn values(value: Option<&Value>, count: usize) -> Result<Vec<Cell>, String> {
    match value {
        Some(Value::Array(list)) => {
            if list.len() != count {
                return Err(format!(
                    "JSON-stat-datasættet har {} værdier, men dimensionerne giver {count}",
                    list.len()
                ));
            }
            list.iter().enumerate().map(|(i, v)| cell(v, i)).collect()
        }
        Some(Value::Object(map)) => {
            let mut cells = vec![Cell::Empty; count];
            for (key, v) in map {
                let i = position(key, count)?;
                cells[i] = cell(v, i)?;
            }
            Ok(cells)
        }
        _ => Err("JSON-stat-datasættet har ingen «value» (en liste eller et objekt)".to_string()),
    }
}

fn position(key: &str, count: usize) -> Result<usize, String> {
    key.parse::<usize>()
        .ok()
        .filter(|&i| i < count)
        .ok_or_else(|| format!("«{key}» er ikke en plads blandt datasættets {count} værdier"))
}

/// One value as a cell.
fn cell(value: &Value, i: usize) -> Result<Cell, String> {
    Ok(match value {
        Value::Null => Cell::Empty,
        Value::Number(n) => Cell::Number(
            decimal(n).ok_or_else(|| format!("værdi nr. {} ({n}) er ikke et tal, helhed kan regne med", i + 1))?,
        ),
        Value::String(s) => {
            let s = s.trim();
            if s.is_empty() {
                Cell::Empty
            } else {
                number::parse(s, DecimalMark::Point).map_or_else(|| Cell::Text(s.to_string()), Cell::Number)
            }
        }
        other => return Err(format!("værdi nr. {} skal være et tal, en tekst eller null, ikke {other}", i + 1)),
    })
}

/// A JSON number as a decimal: integers exactly; others through serde_json's
/// float and back by its shortest decimal, exact for up to 15 significant
/// digits.
fn decimal(n: &serde_json::Number) -> Option<Decimal> {
    if let Some(i) = n.as_i64() {
        return Some(Decimal::from(i));
    }
    if let Some(u) = n.as_u64() {
        return Some(Decimal::from(u));
    }
    let f = n.as_f64()?;
    Decimal::from_str(&format!("{f}")).ok().or_else(|| from_f64(f))
}

/// The status of each value, when any: a list, an object from position to
/// status, or one status for all.
fn statuses(status: Option<&Value>, count: usize) -> Result<Vec<Option<String>>, String> {
    let text = |v: &Value| v.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    Ok(match status {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(_)) => vec![status.and_then(text); count],
        Some(Value::Array(list)) => list.iter().map(text).collect(),
        Some(Value::Object(map)) => {
            let mut all = vec![None; count];
            for (key, v) in map {
                all[position(key, count)?] = text(v);
            }
            all
        }
        Some(other) => return Err(format!("«status» skal være en tekst, en liste eller et objekt, ikke {other}")),
    })
}

#[cfg(test)]
mod tests;
