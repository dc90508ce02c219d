//! Generated plans of any size, for the page-bounds test and the scale
//! benchmark (`cargo run --release --example generer`): `areas` areas ×
//! `years` years × `indicators` rate indicators (a count per 1000 residents,
//! in the shape of the example's crime figure), with a success criterion on
//! each indicator and a status file, so that every part of the documents is
//! there. The figures are arithmetic, not random: the same call writes the
//! same bytes.

use std::fmt::Write;
use std::path::Path;

/// The area names: of varying length, as real ones are.
pub fn area_name(i: usize) -> String {
    const STEMS: [&str; 6] = ["Parken", "Vænget", "Gårdene", "Bakkehusene", "Engparken Syd", "Strandvejskvarteret"];
    format!("{} {}", STEMS[i % STEMS.len()], i + 1)
}

/// Writes a plan's data folder at `data`.
pub fn plan(data: &Path, areas: usize, years: u16, indicators: usize) {
    let first = 2000u16;
    let last = first + years - 1;
    let mut p = String::new();
    writeln!(
        p,
        "plan:\n  navn: Genereret plan med {areas} områder\n  start: {first}-01-01\n  slut: {}-12-31\n  dataår: {{ fra: {first}, til: {last} }}\n  datadato: {}-01-15",
        last + 1,
        last + 1
    )
    .unwrap();
    p.push_str("områder:\n");
    for i in 0..areas {
        writeln!(p, "  - id: o{i}\n    navn: {}", area_name(i)).unwrap();
    }
    p.push_str("referencer:\n  - id: landet\n    navn: Hele landet\n");
    p.push_str("indsatsområder:\n  - id: tryghed\n    navn: Tryghed og trivsel\n");
    p.push_str("målinger:\n  - id: beboere\n    navn: Beboere\n");
    for k in 0..indicators {
        writeln!(p, "  - id: m{k}\n    navn: Hændelser af slags {k}\n    tæller: hændelser").unwrap();
    }
    p.push_str("indikatorer:\n");
    for k in 0..indicators {
        writeln!(
            p,
            "  - id: i{k}\n    navn: Hændelser af slags {k} pr. 1000 beboere\n    enhed: pr. 1000 beboere\n    tæller: m{k}\n    nævner: beboere\n    skala: 1000\n    bedre: lavere\n    decimaler: 1\n    basisår: {first}\n    datakilde: Genereret til test"
        )
        .unwrap();
    }
    p.push_str("succeskriterier:\n");
    for k in 0..indicators {
        writeln!(
            p,
            "  - id: k{k}\n    indsatsområde: tryghed\n    tekst: Hændelser af slags {k} under 40 pr. 1000 beboere i alle områder.\n    indikator: i{k}\n    gælder: [alle]\n    regel: {{ slags: loft, under: 40 }}\n    datakilde: Genereret til test"
        )
        .unwrap();
    }
    write(data, "plan.yaml", &p);
    for i in 0..areas {
        for (n, year) in (first..=last).enumerate() {
            let mut y = format!("antal:\n  beboere: {}\n", 800 + (i * 37 + n * 11) % 900);
            for k in 0..indicators {
                writeln!(y, "  m{k}: {}", 5 + (i * 31 + n * 17 + k * 13) % 40).unwrap();
            }
            write(data, &format!("o{i}/{year}.yaml"), &y);
        }
    }
    for year in first..=last {
        let mut y = String::from("værdier:\n");
        for k in 0..indicators {
            writeln!(y, "  i{k}: {}.{}", 20 + (year as usize + k) % 9, year % 10).unwrap();
        }
        write(data, &format!("landet/{year}.yaml"), &y);
    }
    write(data, &format!("status/{last}-h2.yaml"), "sammenfatning: Et genereret halvår.\naktiviteter: {}\n");
}

fn write(data: &Path, rel: &str, text: &str) {
    let path = data.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}
