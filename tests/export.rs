//! `helhed templates export MAPPE --med-data`: the templates with each
//! document's data and charts beside them, so a template author's Typst
//! tools compile them as helhed does. The exported folder, compiled with
//! `sys.inputs.data` pointing at a document's data, gives the very PDF
//! `build` makes.

mod common;

use common::Fixture;
use helhed::input::templates::Templates;
use helhed::model::diag::Diagnostics;

#[test]
fn the_exported_folder_compiles_to_the_same_pdfs_as_build() {
    let f = Fixture::example();
    let out = f.run(&["templates", "export", "eksport", "--med-data"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Skrev eksport/statusrapport.data.json\n"), "{said}");
    assert!(said.contains("Skrev eksport/figurer/statusrapport/kriminalitet.svg\n"), "{said}");
    assert!(said.contains("typst watch eksport/statusrapport.typ --input data=statusrapport.data.json"), "{said}");
    assert!(f.run(&["build"]).status.success());

    let dir = f.path("eksport");
    let templates = Templates::load(&dir, &mut Diagnostics::default());
    let inputs = helhed::prepare(&f.config()).unwrap();
    for (template, pdf, ident) in [
        ("statusrapport.typ", "statusrapport-2018-h2.pdf", "helhed/statusrapport/2018-h2"),
        ("helhedsevaluering.typ", "helhedsevaluering-2018.pdf", "helhed/helhedsevaluering/2018"),
    ] {
        let doc = template.trim_end_matches(".typ");
        let data = std::fs::read(dir.join(format!("{doc}.data.json"))).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&data).unwrap();
        // Every chart the data names is in the folder.
        let mut figures = Vec::new();
        collect_figures(&json, &mut figures);
        assert!(!figures.is_empty());
        let files: Vec<(String, Vec<u8>)> = figures
            .iter()
            .map(|p| (p.clone(), std::fs::read(dir.join(p)).unwrap_or_else(|_| panic!("{p} exported"))))
            .collect();
        let job =
            helhed::render::Job { template, data, files, date: inputs.model.plan.data_date, ident: ident.to_string() };
        let exported = helhed::render::compile(&templates, job).unwrap().export().unwrap();
        let built = std::fs::read(f.path(&format!("out/{pdf}"))).unwrap();
        // The same bytes: the charts' paths differ, their content does not.
        assert!(exported.bytes == built, "{pdf}: the exported folder gives another PDF");
    }
}

fn collect_figures(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match v {
                    serde_json::Value::String(s) if k == "figur" => out.push(s.clone()),
                    other => collect_figures(other, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_figures(v, out)),
        _ => {}
    }
}
