//! The architecture, kept honest: `src/` has one folder per stage, and a
//! stage imports only the stages before it (see ARCHITECTURE.md):
//!
//! model → input → validate → eval → present → render → output
//!
//! `model` is the ground floor and imports nothing of helhed. `lib.rs` with
//! its `pipeline/` folder (the pipeline) and `main.rs` with its `cli/` folder
//! (the command: modules of the binary, which no stage can reach) may use
//! every stage.

use std::path::{Path, PathBuf};

/// The stages, lowest first.
const STAGES: [&str; 7] = ["model", "input", "validate", "eval", "present", "render", "output"];

/// The longest a source file may grow before it is split.
const MAX_LINES: usize = 800;

/// One import against the order: the file, its line, the stage it is in and
/// the stage it names.
#[derive(Debug, PartialEq)]
struct Violation {
    file: String,
    line: usize,
    from: &'static str,
    to: String,
}

fn rank(stage: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

/// The stage a file under `src/` belongs to: its first folder.
fn stage_of(rel: &Path) -> Option<&'static str> {
    let first = rel.components().next()?.as_os_str().to_str()?;
    let first = first.strip_suffix(".rs").unwrap_or(first);
    STAGES.iter().copied().find(|s| *s == first)
}

/// The code of a line without its comment (`//`, `///`, `//!`); string
/// literals are few in imports, and a `//` inside one only hides more text.
fn code(line: &str) -> &str {
    line.find("//").map_or(line, |i| &line[..i])
}

/// Every module a file's code names at the crate's root: each
/// `crate::<name>` (in `use` lines, and in paths written out in the code),
/// each name in a `crate::{a, b::c}` group, however it is laid out, and each
/// `super::<stage>` (which names the root from a stage's `mod.rs`); and every
/// `super::super`, which could climb out of its stage unseen. With the line
/// each stands on.
fn imports(text: &str) -> Vec<(usize, String)> {
    let code: Vec<&str> = text.lines().map(code).collect();
    let joined = code.join("\n");
    let line_of = |at: usize| joined[..at].matches('\n').count() + 1;
    let ident = |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
    let mut out = Vec::new();
    for (at, _) in joined.match_indices("crate::") {
        let after = &joined[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            // The names at the group's top level: after `{` and after each `,`.
            let mut depth = 0;
            let mut expect_name = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => expect_name = true,
                    c if expect_name && depth == 0 && (c.is_ascii_alphabetic() || c == '_') => {
                        let at_name = at + "crate::{".len() + i;
                        out.push((line_of(at_name), ident(&group[i..])));
                        expect_name = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(after);
            if !name.is_empty() {
                out.push((line_of(at), name));
            }
        }
    }
    for (at, _) in joined.match_indices("super::") {
        let after = &joined[at + "super::".len()..];
        let name = ident(after);
        if after.starts_with("super") {
            out.push((line_of(at), "super::super".to_string()));
        } else if rank(&name).is_some() {
            out.push((line_of(at), name));
        }
    }
    out.sort();
    out
}

/// The imports of one file that go against the order.
fn violations(rel: &Path, text: &str) -> Vec<Violation> {
    let Some(from) = stage_of(rel) else { return Vec::new() };
    let own = rank(from).expect("a stage");
    imports(text)
        .into_iter()
        .filter(|(_, to)| match rank(to) {
            Some(r) => r > own,
            // `crate::` followed by something that is not a stage: a stage
            // folder's file may only reach other stages.
            None => true,
        })
        .map(|(line, to)| Violation { file: rel.display().to_string(), line, from, to })
        .collect()
}

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_stage_imports_only_the_stages_before_it() {
    let root = src();
    let mut found = Vec::new();
    for path in sources(&root) {
        let text = std::fs::read_to_string(&path).unwrap();
        found.extend(violations(path.strip_prefix(&root).unwrap(), &text));
    }
    let lines: Vec<String> =
        found.iter().map(|v| format!("src/{}:{}: {} imports {}", v.file, v.line, v.from, v.to)).collect();
    assert!(lines.is_empty(), "imports against the stage order:\n{}", lines.join("\n"));
}

#[test]
fn every_file_of_src_lies_in_a_stage_folder() {
    let root = src();
    let stray: Vec<String> = sources(&root)
        .iter()
        .map(|p| p.strip_prefix(&root).unwrap().to_path_buf())
        .filter(|rel| {
            stage_of(rel).is_none()
                && !matches!(rel.to_str(), Some("lib.rs" | "main.rs"))
                && !rel.starts_with("cli")
                && !rel.starts_with("pipeline")
        })
        .map(|rel| rel.display().to_string())
        .collect();
    assert!(stray.is_empty(), "files outside the stage folders: {stray:?}");
}

#[test]
fn no_source_file_is_longer_than_800_lines() {
    let root = src();
    let long: Vec<String> = sources(&root)
        .iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(p).unwrap().lines().count();
            (n > MAX_LINES).then(|| format!("{}: {n} lines", p.strip_prefix(&root).unwrap().display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files: {long:?}");
}

#[test]
fn the_check_finds_a_wrong_import() {
    let model = Path::new("model/mod.rs");
    assert_eq!(violations(model, "use crate::model::diag::Pos;\n"), []);
    assert_eq!(
        violations(model, "//! doc\nuse crate::present::site;\n"),
        [Violation { file: "model/mod.rs".into(), line: 2, from: "model", to: "present".into() }]
    );
    // Paths written out in code count, comments do not.
    let eval = Path::new("eval/goals.rs");
    assert_eq!(violations(eval, "// crate::render::x\nlet x = crate::validate::is_id(a);\n").len(), 0);
    assert_eq!(violations(eval, "let x = crate::render::fingerprint(a); // crate::model\n")[0].to, "render");
    // A group import names each stage it reaches, however it is laid out.
    let grouped = "use crate::{\n    model::Model,\n    output::write_all,\n};\n";
    assert_eq!(violations(Path::new("present/site.rs"), grouped)[0].to, "output");
    let nested = "fn f() { pub(crate) use crate::{model::{Date, Period}, render::Output}; }\n";
    assert_eq!(violations(Path::new("present/site.rs"), nested)[0].to, "render");
    assert_eq!(violations(Path::new("present/site.rs"), nested).len(), 1, "Date and Period are not stages");
    // From a stage's mod.rs, `super::` is the crate's root.
    assert_eq!(violations(Path::new("eval/mod.rs"), "use super::present::site;\n")[0].to, "present");
    // Something that is not a stage is not reachable from a stage either.
    assert_eq!(violations(eval, "use crate::Config;\n")[0].to, "Config");
    assert!(violations(eval, "use super::super::render;\n").iter().any(|v| v.to == "super::super"));
    // lib.rs and main.rs are the pipeline and the command: they use everything.
    assert_eq!(violations(Path::new("lib.rs"), "use crate::output::write_all;\n"), []);
}
