//! Parts of the pipeline (`lib.rs`) that grew into files of their own: the
//! import of a sheet ([`import`]) and the build of a data folder with several
//! plans ([`plans`]). Like `lib.rs` they may use every stage, and no stage
//! uses them.

pub mod import;
pub mod plans;
