//! Present: everything a reader sees, made from the evaluation. Danish words
//! and sentences, the view models each output is rendered from (the
//! templates' `data.json`, the site's pages, `tal.json`) and the charts.

pub mod activities;
pub mod breaks;
pub mod budget;
pub mod charts;
pub mod columns;
pub mod criteria;
pub mod evaluation;
pub mod front;
pub mod gaps;
pub mod halves;
pub mod import;
pub mod lists;
pub mod new_period;
pub mod overview;
pub mod preview;
pub mod prose;
pub mod report;
pub mod site;
pub mod site_front;
pub mod tal;
pub mod words;
pub mod workbook;
