//! A short fuzzing run on the stable toolchain: the committed corpus of
//! `fuzz/corpus/indlaes` and a fixed series of mutations of it go through the
//! harness of `cargo fuzz run indlaes` (reading, validation, evaluation,
//! view models). No input may panic or take longer than the bound.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;
use std::time::{Duration, Instant};

/// What one input may take here, in an unoptimised test build.
const BOUND: Duration = Duration::from_secs(5);

/// A small deterministic generator (xorshift64*), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces of YAML and of the data format that mutations insert.
const TOKENS: [&[u8]; 24] = [
    b": ",
    b"- ",
    b"\n",
    b"\n  ",
    b"&a ",
    b"*a",
    b"? ",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b"'",
    b"#",
    b"---\n",
    b"~",
    b"0",
    b"-1",
    b"1e400",
    b"99999999999999999",
    b"\xc3\xa5",
    b"\xf0\x9f\x91\x8d",
    b"\x1b",
    b"\xff",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, token.iter().copied());
            }
            2 => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(256)).min(out.len());
                let copy = out[at..end].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, copy);
            }
            _ if !out.is_empty() => out[0] = rng.below(256) as u8,
            _ => {}
        }
    }
    out
}

#[test]
fn corpus_and_mutations_neither_panic_nor_hang() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = harness::Example::read(&root.join("data"));
    let mut corpus: Vec<(String, Vec<u8>)> = std::fs::read_dir(root.join("fuzz/corpus/indlaes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    corpus.sort();
    assert!(corpus.len() >= 20, "the committed corpus is there");
    let timed = |name: &str, input: &[u8]| {
        let start = Instant::now();
        let valid = example.run(input);
        let took = start.elapsed();
        assert!(took < BOUND, "{name} took {took:?}");
        valid
    };
    // The example's own files are valid as they are.
    for (name, input) in &corpus {
        let valid = timed(name, input);
        if name.starts_with("eksempel-") && !name.starts_with("eksempel-7") {
            assert!(valid, "{name} is the example's own file and validates");
        }
    }
    let mut rng = Rng(0x5EED_4E1D);
    let runs: usize = std::env::var("HELHED_FUZZ_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(300);
    for run in 0..runs {
        let (name, input) = &corpus[rng.below(corpus.len())];
        let mutated = mutate(&mut rng, input);
        timed(&format!("mutation {run} of {name}"), &mutated);
    }
}
