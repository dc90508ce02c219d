//! Writes a generated plan for the scale benchmark:
//! `cargo run --release --example generer -- MAPPE OMRÅDER ÅR INDIKATORER`.

#[path = "../tests/common/generate.rs"]
mod generate;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, areas, years, indicators] = args.as_slice() else {
        eprintln!("brug: generer MAPPE OMRÅDER ÅR INDIKATORER");
        std::process::exit(2);
    };
    let n = |s: &str| s.parse::<usize>().expect("et tal");
    generate::plan(std::path::Path::new(dir), n(areas), n(years) as u16, n(indicators));
}
