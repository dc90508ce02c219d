//! The whole build of the bundled example, in-process: load, validate,
//! compute, chart and render every document (writing excluded, it is I/O).

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use helhed::Config;
use std::hint::black_box;

fn example_config() -> Config {
    let root = env!("CARGO_MANIFEST_DIR");
    Config {
        data: format!("{root}/data").into(),
        templates: format!("{root}/report-templates").into(),
        templates_asked: true,
        out: std::env::temp_dir().join("helhed-bench-out"),
        period: None,
        reuse: false,
    }
}

fn build(c: &mut Criterion) {
    let config = example_config();
    // As the command does: no transparent huge pages, and fonts and the
    // standard library loaded once per process.
    helhed::without_huge_pages();
    helhed::render::world::ReportWorld::warm_up();
    let mut group = c.benchmark_group("eksempel");
    group.sample_size(20);
    let full = || {
        let inputs = helhed::prepare(black_box(&config)).unwrap();
        black_box(helhed::render(&inputs).unwrap())
    };
    // Cold: Typst's memoisation cache emptied first, as in a fresh `helhed
    // build`. Emptying it (freeing the previous build's cache) and freeing
    // this build's files are not part of a build, and a command does neither:
    // both happen outside the timed part.
    group.bench_function("kold", |b| b.iter_batched(|| typst::comemo::evict(0), |()| full(), BatchSize::PerIteration));
    // Warm: unchanged inputs rebuilt with the cache kept, as a live preview would.
    group.bench_function("varm", |b| b.iter(full));
    group.bench_function("prepare", |b| b.iter(|| black_box(helhed::prepare(black_box(&config)).unwrap())));
    group.finish();
}

criterion_group!(benches, build);
criterion_main!(benches);
