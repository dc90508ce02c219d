//! The measures of `plan.yaml` (`målinger:`): their ids, what each counts
//! (`tæller:`), and from that whether a small count of it is hidden on the
//! public site.

use super::{check_id, one_of};
use crate::input::Source;
use crate::input::raw::{RawMeasure, RawPlanFile};
use crate::model::diag::Diagnostics;
use crate::model::{Counted, Measure};
use std::collections::BTreeSet;

/// The plan's measures, each problem reported at its place in the file.
pub(super) fn measures(src: &Source<RawPlanFile>, diags: &mut Diagnostics) -> Vec<Measure> {
    let file = &src.path;
    let mut ids = BTreeSet::new();
    src.content
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let idx = i.to_string();
            let at = |field: &str| src.locator.value(&["målinger", &idx, field]);
            check_id(file, at("id"), &m.id, diags);
            if !ids.insert(m.id.as_str()) {
                diags.error(file, at("id"), format!("målingen «{}» står to gange", m.id));
            }
            let counted = match m.counted.as_deref().map(counted) {
                None => Counted::Persons,
                Some(Ok(counted)) => counted,
                Some(Err(message)) => {
                    diags.error(file, at("tæller"), message);
                    Counted::Persons
                }
            };
            Measure {
                id: m.id.clone(),
                name: m.navn.clone(),
                counted,
                suppress_small: suppress_small(m, counted),
                average: m.gennemsnit,
                aliases: m.aliaser.clone(),
            }
        })
        .collect()
}

/// What `tæller:` says is counted, or the message for a word it does not know.
fn counted(word: &str) -> Result<Counted, String> {
    Counted::ALL.into_iter().find(|c| c.keyword() == word).ok_or_else(|| {
        let allowed: Vec<&str> = Counted::ALL.iter().map(|c| c.keyword()).collect();
        one_of("tæller", word, &allowed)
    })
}

/// Whether a small count is hidden on the public site: as `diskretion:`
/// says when it is given; else never for an average, which counts no one,
/// and for a count when it is about persons.
fn suppress_small(m: &RawMeasure, counted: Counted) -> bool {
    m.diskretion.unwrap_or(!m.gennemsnit && counted.about_persons())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_read_from_its_own_word() {
        for kind in Counted::ALL {
            assert_eq!(counted(kind.keyword()), Ok(kind));
        }
    }

    #[test]
    fn an_unknown_word_lists_the_words_and_the_closest() {
        assert_eq!(
            counted("persone").unwrap_err(),
            "«tæller» skal være «personer», «husstande», «afgørelser», «hændelser», «boliger», «aktiviteter», \
             «grupper» eller «andet», ikke «persone»; mente du «personer»?"
        );
        assert!(counted("brande").unwrap_err().ends_with("ikke «brande»"));
    }
}
