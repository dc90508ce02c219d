//! Messages about a name helhed does not know: the known ones, or the
//! closest of them (`mente du «kriminalitet»?`).

use crate::model::text::{edit_distance, join_or_none, join_with, odd_characters};

/// What a message says about the known ids when `unknown` is not one of
/// them: all of them when they are few (`kendte målinger: a, b og c`), else
/// the closest ones (`mente du «kriminalitet»?`) and how many there are.
///
/// A name that reads like a known one but is written with other characters
/// (a Cyrillic `е`, an `å` made of `a` and a ring) says which characters.
pub(super) fn known<S: AsRef<str>>(noun: &str, unknown: &str, ids: impl IntoIterator<Item = S>) -> String {
    let odd = odd_characters(unknown).map(|odd| format!("{odd}; ")).unwrap_or_default();
    let ids: Vec<S> = ids.into_iter().collect();
    if ids.len() <= 12 {
        return format!("{odd}kendte {noun}: {}", list(ids.iter().map(AsRef::as_ref)));
    }
    let names = close(unknown, ids.iter().map(AsRef::as_ref), 3);
    if names.is_empty() {
        format!("{odd}plan.yaml har {} {noun}, og ingen ligner", ids.len())
    } else {
        format!("{odd}mente du {}? (plan.yaml har {} {noun})", join_with(&names, "eller"), ids.len())
    }
}

/// The (at most three) of `ids` closest to `unknown`, nearest first and
/// quoted: `«kriminalitet»`. An id is close when at most `edits` edits make
/// it, or when one begins with the other.
fn close<'a>(unknown: &str, ids: impl IntoIterator<Item = &'a str>, edits: usize) -> Vec<String> {
    if unknown.is_empty() {
        return Vec::new();
    }
    let mut close: Vec<(usize, &str)> = ids
        .into_iter()
        .map(|id| (edit_distance(unknown, id), id))
        .filter(|(d, id)| *d <= edits || id.starts_with(unknown) || unknown.starts_with(id))
        .collect();
    close.sort();
    close.truncate(3);
    close.iter().map(|(_, id)| format!("«{id}»")).collect()
}

/// What a message says when a field with a closed set of values has another
/// one: `«tæller» skal være «personer», … eller «andet», ikke «persone»;
/// mente du «personer»?` The values are short words, so fewer edits count
/// as close than for ids.
pub(super) fn one_of(field: &str, value: &str, allowed: &[&str]) -> String {
    let quoted: Vec<String> = allowed.iter().map(|a| format!("«{a}»")).collect();
    let mut message = format!("«{field}» skal være {}, ikke «{value}»", join_with(&quoted, "eller"));
    if let Some(odd) = odd_characters(value) {
        message.push_str(&format!("; {odd}"));
    }
    let near = close(value, allowed.iter().copied(), 2);
    if !near.is_empty() {
        message.push_str(&format!("; mente du {}?", join_with(&near, "eller")));
    }
    message
}

/// Joins ids for a message: `a, b og c`, or `(ingen)`.
pub(super) fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let items: Vec<S> = items.into_iter().collect();
    let names: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    join_or_none(&names)
}
