//! `cargo +nightly fuzz run indlaes`: arbitrary bytes as one data file of
//! the example plan, through reading, validation and evaluation. See
//! `fuzz/harness.rs`, and the book's chapter on limits for how it is run.
#![no_main]

#[path = "../harness.rs"]
mod harness;

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXAMPLE: LazyLock<harness::Example> =
    LazyLock::new(|| harness::Example::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../data").as_ref()));

fuzz_target!(|data: &[u8]| {
    EXAMPLE.run(data);
});
