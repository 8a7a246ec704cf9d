//! Time of each stage of `annotate` on one input: where the time goes, for profiling work.
//!
//!   cargo run --release --example stages -- [BYTES | FILE] [STAGE]
//!
//! The input is FILE, or the benchmark's mixed corpus input (src/bin/bench/inputs.rs) of BYTES
//! (default 1000000).
//! Prints the fastest of several runs of each stage (or only of the stages whose name contains
//! STAGE, run once: for a profiler), in milliseconds.

#[path = "../src/bin/bench/inputs.rs"]
mod inputs;

use std::hint::black_box;
use std::time::Instant;

use statement_viewer::entities::{acronyms, gazetteer, names, rules};
use statement_viewer::span::{OffsetMap, Unit};
use statement_viewer::{annotate, dates, entities, structure, text, Options};

fn fastest<R>(name: &str, runs: usize, f: impl Fn() -> R) {
    let only = std::env::args().nth(2);
    if only.as_deref().is_some_and(|o| !name.contains(o)) {
        return;
    }
    let runs = if only.is_some() { 0 } else { runs };
    let mut best = f64::MAX;
    for _ in 0..runs + 1 {
        let start = Instant::now();
        black_box(f());
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!("{name:24} {best:9.2} ms");
}

/// The bench's mixed corpus input cut to `size` bytes.
fn corpus(size: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let unit = inputs::corpus_files(&dir).and_then(|files| inputs::corpus_unit(&files));
    inputs::mixed(&unit.expect("the corpus at ../shared/corpus (or give a FILE)"), size)
}

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "1000000".into());
    let input = match arg.parse::<usize>() {
        Ok(size) => corpus(size),
        Err(_) => std::fs::read_to_string(&arg).expect("a UTF-8 file"),
    };
    let text = input.as_str();
    let runs = (20_000_000 / text.len().max(1)).clamp(2, 20);
    let opts = Options::default();
    println!("{} bytes, fastest of {} runs", text.len(), runs + 1);
    fastest("annotate", runs, || annotate(text));
    fastest("structure::parse", runs, || structure::parse(text, &opts));
    fastest("  text::lines", runs, || text::lines(text));
    let doc = structure::parse(text, &opts);
    fastest("entities::recognize", runs, || entities::recognize(text, &doc, &opts));
    fastest("  gazetteer", runs, || gazetteer::gazetteer().find_all(text));
    fastest("  rules", runs, || {
        let mut out = Vec::new();
        rules::candidates(text, &mut out);
        out
    });
    fastest("    dates::scan", runs, || dates::scan(text));
    let gaz = gazetteer::gazetteer().find_all(text);
    fastest("  names", runs, || {
        let mut out = Vec::new();
        names::candidates(text, &gaz, &mut out);
        out
    });
    let found = annotate(text).entities;
    let opens: Vec<usize> = text.match_indices('(').map(|(o, _)| o).collect();
    fastest("  acronyms", runs, || acronyms::candidates(text, &found, &opens));
    fastest("UTF-16 offset map", runs, || OffsetMap::new(text, Unit::Utf16).convert(text.len() / 2));
}
