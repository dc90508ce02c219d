//! Peak memory of `helhed` on the hostile inputs of issue 16: each stays
//! under 300 MB and ends in bounded time. One test, so that nothing else
//! runs beside the measured process in this test binary.
//!
//! The peak is the kernel's high-water mark of the process's resident
//! memory (`VmHWM` in `/proc/<pid>/status`, Linux), read every 2 ms while
//! it runs; the last reading before the process exits is the peak.

mod common;
use common::Fixture;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PEAK_MB: u64 = 300;
const TIME: Duration = Duration::from_secs(60);

/// Runs `helhed check` in the fixture: exit code, stderr, peak MB, time.
fn measure(f: &Fixture) -> (Option<i32>, String, u64, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_helhed"))
        .arg("check")
        .current_dir(f.root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let code = loop {
        if let Ok(status) = std::fs::read_to_string(&status_file)
            && let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:"))
        {
            let kb: u64 = line[6..].trim().trim_end_matches("kB").trim().parse().unwrap();
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if started.elapsed() > TIME {
            child.kill().unwrap();
            panic!("still running after {TIME:?}");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    (code, reader.join().unwrap(), peak_kb / 1024, started.elapsed())
}

#[cfg(unix)]
#[test]
fn hostile_inputs_stay_under_the_memory_and_time_bounds() {
    if !std::path::Path::new("/proc/self/status").exists() {
        common::skip_note("/proc is not available; the memory bounds were not measured");
        return;
    }
    let mut cases: Vec<(&str, Fixture, &str)> = Vec::new();

    let f = Fixture::example();
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h"].iter().zip(["a", "b", "c", "d", "e", "f", "g"]) {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    f.write("data/motalavej/2019.yaml", &bomb);
    cases.push(("alias bomb", f, "ankre (&navn) bruges ikke"));

    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", &format!("{}x\n", "- ".repeat(10_000)));
    cases.push(("10.000 nested lists", f, "indlejret mere end 32 niveauer"));

    let f = Fixture::example();
    std::os::unix::fs::symlink("/dev/zero", f.path("data/motalavej/2019.yaml")).unwrap();
    cases.push(("symlink to /dev/zero", f, "peger uden for datamappen"));

    let f = Fixture::example();
    let paragraph = "Beboerne har deltaget i mange aktiviteter i halvåret. ".repeat(300);
    let mut prose = String::from("sammenfatning: >-\n");
    while prose.len() < 50 * 1024 * 1024 {
        prose.push_str("  ");
        prose.push_str(&paragraph);
        prose.push('\n');
    }
    f.write("data/status/2018-h2.yaml", &prose);
    cases.push(("50 MB of status prose", f, "filen er over 10 MB"));

    // Just under the file limit: 400.000 unknown measurements, each an error.
    let f = Fixture::example();
    let mut keys = String::from("antal:\n");
    for i in 0..400_000 {
        keys.push_str(&format!("  m{i:07}: 1\n"));
    }
    f.write("data/motalavej/2019.yaml", &keys);
    cases.push(("400.000 unknown keys", f, "problemer mere i samme fil"));

    // The most prose a status file can hold: every text at its limit, laid
    // out in both documents.
    let f = Fixture::example();
    let status = std::fs::read_to_string(f.path("data/status/2018-h2.yaml")).unwrap();
    let long = "Aktiviteten er gennemført som planlagt. ".repeat(240);
    let mut full = String::new();
    for line in status.lines() {
        full.push_str(line);
        full.push('\n');
        if line.ends_with(": >-") {
            let indent = line.len() - line.trim_start().len() + 2;
            full.push_str(&format!("{}{long}\n\n", " ".repeat(indent)));
        }
    }
    f.write("data/status/2018-h2.yaml", &full);
    cases.push(("every status text at 10.000 characters", f, ""));

    let mut report = Vec::new();
    for (name, f, expected) in &cases {
        let (code, stderr, peak, took) = measure(f);
        report.push(format!("{name}: {peak} MB, {} ms", took.as_millis()));
        if expected.is_empty() {
            assert_eq!(code, Some(0), "{name}: {stderr}");
        } else {
            assert_eq!(code, Some(1), "{name}: {stderr}");
            assert!(stderr.contains(expected), "{name}: {stderr}");
        }
        assert!(peak < PEAK_MB, "{name} took {peak} MB at its peak (bound {PEAK_MB} MB)");
        assert!(took < TIME, "{name} took {took:?}");
    }
    common::skip_note(&format!("peak memory: {}", report.join("; ")));
}
