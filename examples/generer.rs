//! Writes a generated plan (or a folder of plans) for the scale benchmark,
//! `benches/skala.sh`:
//! `cargo run --release --example generer -- MAPPE OMRÅDER ÅR INDIKATORER [PLANER]`.
//! With PLANER over 1, MAPPE gets one folder per plan (`plan-001`, …).

#[path = "../tests/common/generate.rs"]
mod generate;

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dir, areas, years, indicators, plans) = match args.as_slice() {
        [_, dir, areas, years, indicators] => (dir, areas, years, indicators, "1"),
        [_, dir, areas, years, indicators, plans] => (dir, areas, years, indicators, plans.as_str()),
        _ => {
            eprintln!("brug: generer MAPPE OMRÅDER ÅR INDIKATORER [PLANER]");
            std::process::exit(2);
        }
    };
    let n = |s: &str| s.parse::<usize>().expect("et tal");
    let (areas, years, indicators, plans) = (n(areas), n(years) as u16, n(indicators), n(plans));
    if plans <= 1 {
        generate::plan(Path::new(dir), areas, years, indicators);
    } else {
        for i in 1..=plans {
            generate::plan(&Path::new(dir).join(format!("plan-{i:03}")), areas, years, indicators);
        }
    }
}
